/*
 * libFuzzer target: the tokenizer, the splitter in every newline mode and
 * English and ICU rules, and the JSON Lines reader, on arbitrary bytes.
 * Checks the splitter's contract: sentences in order, inside the input,
 * covering every byte that is not white space.
 *
 *   make fuzz && mkdir -p build/corpus && build/tests/fuzz/fuzz_split -max_total_time=60 build/corpus tests/fuzz/corpus
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"
#include "split.h"
#include "tokens.h"

static int
white(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct splitter *sp[4];
	static const struct split_opts opts[4] = {
		{ .newlines = SPLIT_NL_AUTO, .lang = "en", .model = "data/split.model" },
		{ .newlines = SPLIT_NL_SPACE, .lang = "en" },
		/* the least --max-sentence, so that long inputs are cut */
		{ .newlines = SPLIT_NL_BREAK, .lang = "en", .max_sentence = SPLIT_WINDOW,
		    .model = "data/split.model" },
		{ .newlines = SPLIT_NL_AUTO, .lang = "de" },
	};
	const char *s = (const char *)data, *why;
	struct txspan sv;
	struct txjson_rec rec;
	struct txtok t;
	size_t pos, i, prev;
	int m, k;

	for (pos = 0; pos < size; pos = t.end)
		if (txtok_next(s, size, pos, &t) <= pos)
			abort();
	for (m = 0; m < 4; m++) {
		if (sp[m] == NULL && (sp[m] = split_new(&opts[m], &why)) == NULL)
			abort();
		if (split_begin(sp[m], s, size) != 0)
			abort();
		prev = 0;
		while ((k = split_next(sp[m], &sv)) > 0) {
			if (sv.start < prev || sv.end <= sv.start || sv.end > size)
				abort();
			/* only white space between sentences (other Unicode spaces are inside tokens) */
			for (i = prev; i < sv.start; i++)
				if (!white(data[i]) && (unsigned char)data[i] < 0x80)
					abort();
			prev = sv.end;
		}
		if (k < 0)
			abort();
		for (i = prev; i < size; i++)
			if (!white(data[i]) && (unsigned char)data[i] < 0x80)
				abort();
	}
	txjson_parse(&rec, s, size, "text", "sentences");
	txjson_free(&rec);
	return 0;
}
