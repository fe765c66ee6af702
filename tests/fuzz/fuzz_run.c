/*
 * libFuzzer target: the input reader and the document loop in each framing
 * (plain, -z, JSON Lines with --skip-bad), on a fuzzed file.  An engine that
 * edits nothing must give the input back byte for byte in every framing
 * and every unit, and with documents cut into pieces (txrun.max, as txfix
 * --window); make fuzz builds it with a 61-byte read buffer; the splitter's sentences, written as lines, must keep
 * every byte that is not a space, tab, CR or LF.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"
#include "split.h"

static int
begin_none(void *eng, const struct txrun_unit *u, const char **why)
{
	(void)eng;
	(void)u;
	(void)why;
	return 0;
}

static int
next_none(void *eng, struct txrun_batch *b, const char **why)
{
	(void)eng;
	(void)why;
	b->n = 0;
	return 0;
}

/* The bytes of s[0..n) that are no space, tab, CR or LF, into out; their number. */
static size_t
solid(const char *s, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			out[k++] = s[i];
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum txcli_framing framings[] = { TXCLI_PLAIN, TXCLI_NUL, TXCLI_JSONL };
	static const enum txin_unit units[] = { TXIN_ALL, TXIN_PARA, TXIN_LINE, TXIN_ALL };
	static struct splitter *sp;
	static char path[64];
	struct split_opts so = { .newlines = SPLIT_NL_AUTO, .lang = "en",
	    .model = "data/split.model" };
	struct txrun r;
	struct txcli cli;
	struct txout w;
	char *argv[1], *a, *b;
	const char *why;
	size_t f, u, na, nb;
	FILE *fp;

	if (sp == NULL && (sp = split_new(&so, &why)) == NULL)
		abort();
	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/fuzz_run.%ld", (long)getpid());
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	fwrite(data, 1, size, fp);
	fclose(fp);
	argv[0] = path;
	for (f = 0; f < 3; f++) {
		txcli_init(&cli, "fuzz_run", NULL);
		cli.framing = framings[f];
		cli.skip_bad = 1;
		for (u = 0; u < 4; u++) {
			r = (struct txrun){ .cli = &cli, .unit = units[u],
			    .result = TXRUN_EDITS, .max = u == 3 ? 97 : 0,
			    .begin = begin_none, .next = next_none };
			txout_init_mem(&w);
			if (txrun_files(&r, &w, 1, argv) != 0 || w.len != size ||
			    (size > 0 && memcmp(w.buf, data, size) != 0))
				abort();
			txout_close(&w);
		}
		if (framings[f] == TXCLI_JSONL)
			continue;
		r = (struct txrun){ .cli = &cli, .unit = TXIN_PARA,
		    .result = TXRUN_SPANS, .form = TXSPAN_TEXT, .flatten = 1,
		    .separators = 1, .eng = sp, .begin = split_unit_begin,
		    .next = split_unit_next };
		txout_init_mem(&w);
		if (txrun_files(&r, &w, 1, argv) != 0)
			abort();
		a = malloc(size + 1);
		b = malloc(w.len + 1);
		na = solid((const char *)data, size, a);
		nb = solid(w.buf != NULL ? w.buf : "", w.len, b);
		if (na != nb || memcmp(a, b, na) != 0)
			abort();
		free(a);
		free(b);
		txout_close(&w);
	}
	return 0;
}
