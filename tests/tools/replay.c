/*
 * replay LOG FILE: applies txfix's log of one plain run over FILE (a single
 * document, or -z records, whose offsets are the file's) and writes the
 * result, which must be txfix's output.  Each line's "before" must be the
 * bytes at its offset, its line number the line of that offset within its
 * document, and the edits in order; status 1 with a message otherwise.
 * A test helper for tests/properties.sh, not an installed program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t cap = 0, k;

	*n = 0;
	if (f == NULL)
		return NULL;
	do {
		if (*n == cap && (s = realloc(s, cap = cap * 2 + 65536)) == NULL)
			exit(2);
		k = fread(s + *n, 1, cap - *n, f);
		*n += k;
	} while (k > 0);
	fclose(f);
	return s;
}

/* Undoes the log's escapes of field f in place; its new length. */
static size_t
unescape(char *f)
{
	size_t i, k = 0;

	for (i = 0; f[i] != '\0'; i++) {
		if (f[i] == '\\' && f[i + 1] != '\0') {
			i++;
			f[k++] = f[i] == 't' ? '\t' : f[i] == 'n' ? '\n' :
			    f[i] == 'r' ? '\r' : f[i];
		} else
			f[k++] = f[i];
	}
	return k;
}

static int
bad(unsigned long n, const char *why)
{
	fprintf(stderr, "replay: log line %lu: %s\n", n, why);
	return 1;
}

int
main(int argc, char *argv[])
{
	unsigned long long doc, line, lastdoc = 0, nl = 1;
	size_t n, len, pos = 0, at, off, blen, counted = 0;
	char *in, *log, *p, *end, *f[6];
	unsigned long lineno = 0;
	int k;

	if (argc != 3 || (log = slurp(argv[1], &len)) == NULL ||
	    (in = slurp(argv[2], &n)) == NULL) {
		fputs("usage: replay log file\n", stderr);
		return 2;
	}
	for (p = log; p < log + len; p = end + 1) {
		lineno++;
		if ((end = memchr(p, '\n', (size_t)(log + len - p))) == NULL)
			return bad(lineno, "no newline");
		*end = '\0';
		for (k = 0, f[0] = p; k < 5 && (f[k + 1] = strchr(f[k], '\t')) != NULL; k++)
			*f[k + 1]++ = '\0';
		if (k != 5)
			return bad(lineno, "not six fields");
		doc = strtoull(f[0], NULL, 10);
		line = strtoull(f[1], NULL, 10);
		off = (size_t)strtoull(f[2], NULL, 10);
		blen = unescape(f[3]);
		if (off < pos || off + blen > n || memcmp(in + off, f[3], blen) != 0)
			return bad(lineno, "before is not the input's bytes there");
		/* -z: a new document starts after the NUL before its first edit */
		if (doc != lastdoc) {
			for (counted = off; counted > 0 && in[counted - 1] != '\0'; counted--)
				;
			lastdoc = doc;
			nl = 1;
		}
		for (; counted < off; counted++)
			nl += in[counted] == '\n';
		if (nl != line)
			return bad(lineno, "wrong line number");
		fwrite(in + pos, 1, off - pos, stdout);
		at = unescape(f[4]);
		fwrite(f[4], 1, at, stdout);
		pos = off + blen;
	}
	fwrite(in + pos, 1, n - pos, stdout);
	free(in);
	free(log);
	return fflush(stdout) == 0 ? 0 : 1;
}
