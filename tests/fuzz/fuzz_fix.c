/*
 * libFuzzer target: txfix's engine on arbitrary bytes, with the shipped
 * lexicon (data/en.lex, or $TX_DATA/en.lex).  Checks fix_doc's contract:
 * edits in order, not overlapping, inside the document, each named.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fix.h"
#include "lexicon.h"
#include "output.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fixer *fx;
	static struct lexicon *lx;
	struct fix_opts o = { (1u << R_NRULES) - 1, 0, 0, NULL, NULL };
	const struct txedit *ed;
	struct txout w;
	const char *why, *dir;
	char path[4096];
	size_t pos = 0;
	long n, i;

	if (fx == NULL) {
		dir = getenv("TX_DATA") != NULL ? getenv("TX_DATA") : "data";
		snprintf(path, sizeof(path), "%s/en.lex", dir);
		if ((lx = lex_open(path, &why)) == NULL) {
			fprintf(stderr, "fuzz_fix: %s: %s\n", path, why);
			abort();
		}
		if ((fx = fix_new(&o, lx)) == NULL)
			abort();
	}
	if ((n = fix_doc(fx, (const char *)data, size, &ed)) < 0)
		abort();
	for (i = 0; i < n; i++) {
		if (ed[i].start < pos || ed[i].end < ed[i].start ||
		    ed[i].end > size || ed[i].rule == NULL ||
		    fix_rule_find(ed[i].rule) < 0)
			abort();
		pos = ed[i].end;
	}
	if (txu8_validate((const char *)data, size) == size) {
		txout_init_mem(&w);
		pos = 0;
		txedit_apply(&w, (const char *)data, &pos, ed, (size_t)n);
		txout_write(&w, (const char *)data + pos, size - pos);
		if (w.err || txu8_validate(w.buf, w.len) != w.len)
			abort();
		txout_close(&w);
	}
	return 0;
}
