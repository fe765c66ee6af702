/*
 * libFuzzer target, built twice: txner's tagger on arbitrary bytes
 * (NER_MODEL_FUZZ undefined: the text and CoNLL input paths with the model
 * in data/, checking that edits are in order and inside the text, and
 * spans inside it too), or its model reader (NER_MODEL_FUZZ: the bytes cut
 * into the sections of a txner model and written as a valid model file,
 * so that the reader's own checks, past the checksum, are what is fuzzed).
 *
 *   make fuzz && build/tests/fuzz/fuzz_ner_text -max_total_time=60 build/corpus tests/fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include "engine.h"
#include "model.h"

#ifndef NER_MODEL_FUZZ
static void
check(struct ner_engine *ng, const uint8_t *data, size_t size, int spans)
{
	struct txrun_unit u = { (const char *)data, size, 0, "fuzz", 1, 0 };
	struct txrun_batch b;
	const char *why;
	size_t i, prev = 0;
	int more;

	if (ner_unit_begin(ng, &u, &why) != 0)
		abort();
	do {
		if ((more = ner_unit_next(ng, &b, &why)) < 0)
			abort();
		for (i = 0; i < b.n; i++) {
			size_t s = spans ? b.spans[i].start : b.edits[i].start;
			size_t e = spans ? b.spans[i].end : b.edits[i].end;

			if (s < prev || e < s || e > size)
				abort();
			prev = spans ? s : e;
		}
	} while (more > 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ner_model m;
	static struct ner_engine *text, *conll, *tsv;
	const char *why;

	if (text == NULL) {
		if (ner_model_open(&m, "data/en.ner", &why) != 0 ||
		    (text = ner_engine_new(&m, NER_INLINE, NER_IN_TEXT)) == NULL ||
		    (conll = ner_engine_new(&m, NER_CONLL, NER_IN_CONLL)) == NULL ||
		    (tsv = ner_engine_new(&m, NER_TSV, NER_IN_TEXT)) == NULL)
			abort();
	}
	check(text, data, size, 0);
	check(conll, data, size, 0);
	check(tsv, data, size, 1);
	return 0;
}
#else
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static const char *const names[] = { "head", "tags", "weights", "trans", "gaz", "clus" };
	struct txmodel_sec sec[6];
	struct ner_model m;
	const char *why;
	size_t at = 0, k, n;
	int fd;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/fuzz_ner_model.%ld", (long)getpid());
	/* six sections, each as long as a byte of the input says, times 8 */
	for (k = 0; k < 6; k++) {
		n = at < size ? (size_t)data[at++] * 8 : 0;
		if (k == 2 && at < size)
			n = ((size_t)1 << 8) * 3 * 4;	/* the smallest model's weights, now and then */
		if (n > size - at)
			n = size - at;
		sec[k].name = names[k];
		sec[k].data = data + at;
		sec[k].len = n;
		at += n;
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		abort();
	if (txmodel_write(fd, "fuzz", NER_KIND, sec, 6) != 0)
		abort();
	close(fd);
	if (ner_model_open(&m, path, &why) == 0) {
		static const char text[] = "John Smith flew to Paris .";
		static const size_t start[] = { 0, 5, 11, 16, 19, 25 };
		static const size_t end[] = { 4, 10, 15, 18, 24, 26 };
		struct ner_sent s = { text, start, end, 6 };
		struct ner_tagger *tg = ner_tagger_new(&m);
		unsigned tag[6], i;

		if (tg == NULL || ner_tag(tg, &s, tag) != 0)
			abort();
		for (i = 0; i < 6; i++)
			if (tag[i] >= m.ntags || (i == 0 ? !ner_allowed(&m.tags, m.ntags, tag[i]) :
			    !ner_allowed(&m.tags, tag[i - 1], tag[i])))
				abort();
		if (!ner_allowed(&m.tags, tag[5], m.ntags))
			abort();
		ner_tagger_free(tg);
		ner_model_close(&m);
	}
	return 0;
}
#endif
