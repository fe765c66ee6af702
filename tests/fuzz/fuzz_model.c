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
#include <fcntl.h>

#include "lexicon.h"
#include "model.h"

/* Opens path as a lexicon; if it is one, every lookup must stay inside it. */
static void
try_lexicon(const char *path)
{
	struct lexicon *lx;
	const char *why, *w;
	size_t i, n, len;

	if ((lx = lex_open(path, &why)) == NULL)
		return;
	n = lex_nwords(lx);
	for (i = 0; i < n; i++) {
		w = lex_word(lx, (long)i, &len);
		if (lex_find(lx, w, len) != (long)i)
			abort();
		(void)lex_pair(lx, (long)i, (long)(n - 1 - i));
		(void)lex_count(lx, (long)i);
	}
	lex_close(lx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	const char *why;
	struct txmodel m;
	size_t i, len;
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
	try_lexicon(path);
	/*
	 * Past the checksum: the bytes cut into the four sections of a lexicon
	 * and written as a valid model file, so that the lexicon's own checks
	 * of its tables meet fuzzed tables.
	 */
	if (size >= 4) {
		size_t q[4], off = 4;
		struct txmodel_sec sec[4];
		static const char *const names[4] = { "words", "pairs", "pool", "total" };
		int fd;

		for (i = 0; i < 4; i++) {
			/* "total" is 8 bytes where there are eight to give */
			q[i] = i == 3 ? 8 : data[i] * (size - 4) / 768;
			if (off + q[i] > size)
				q[i] = size - off;
			sec[i] = (struct txmodel_sec){ names[i], data + off, q[i] };
			off += q[i];
		}
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
		    txmodel_write(fd, "fuzz", "txfix-lexicon-1", sec, 4) != 0)
			abort();
		close(fd);
		try_lexicon(path);
	}
	return 0;
}
