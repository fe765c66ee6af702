/*
 * libFuzzer target: the model file reader and the lexicon on it, given a
 * fuzzed file.  Whatever the bytes, lex_open refuses them or gives a
 * lexicon every lookup of which stays inside the map.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "model.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct lexicon *lx;
	const char *why, *w;
	struct txmodel m;
	size_t i, n, len;
	FILE *f;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/fuzz_model.%ld", (long)getpid());
	if ((f = fopen(path, "wb")) == NULL)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	if (txmodel_open(&m, path, NULL, &why) == TXMODEL_OK) {
		for (i = 0; i < m.nsections; i++)
			(void)txmodel_section(&m, "words", &len);
		txmodel_close(&m);
	}
	if ((lx = lex_open(path, &why)) != NULL) {
		n = lex_nwords(lx);
		for (i = 0; i < n; i++) {
			w = lex_word(lx, (long)i, &len);
			if (lex_find(lx, w, len) != (long)i)
				abort();
			(void)lex_pair(lx, (long)i, (long)(n - 1 - i));
		}
		lex_close(lx);
	}
	return 0;
}
