/*
 * libFuzzer target, built twice (STRIP_MODE STRIP_HTML and STRIP_TEXT):
 * txstrip's html or text path (blocks, features, both stages,
 * smoothing) on arbitrary bytes, with the model in data/.  Checks the
 * contract of its edits: in order, inside the page, and for plain text
 * deletions of whole lines.
 *
 *   make fuzz && build/tests/fuzz/fuzz_strip_html -max_total_time=60 build/corpus tests/fuzz/corpus
 */
#include <stdint.h>
#include <stdlib.h>

#include "strip.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct stripper *st;
	static const struct strip_opts o = { STRIP_MODE, 0, 0, NULL };
	struct txrun_unit u = { (const char *)data, size, 0, "fuzz", 1, 0 };
	struct txrun_batch b;
	const char *why;
	size_t i, prev = 0;

	if (st == NULL && (st = strip_new(&o, "data/strip.model", &why)) == NULL)
		abort();
	if (strip_unit_begin(st, &u, &why) != 0)
		return 0;	/* out of memory, or a page too large to convert */
	if (strip_unit_next(st, &b, &why) != 0)
		abort();
	for (i = 0; i < b.n; i++) {
		if (b.edits[i].start < prev || b.edits[i].end < b.edits[i].start ||
		    b.edits[i].end > size)
			abort();
		if (o.mode == STRIP_TEXT && (b.edits[i].repllen != 0 ||
		    (b.edits[i].start > 0 && data[b.edits[i].start - 1] != '\n')))
			abort();
		prev = b.edits[i].end;
	}
	return 0;
}
