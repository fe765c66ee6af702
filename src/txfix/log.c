#include "log.h"

static void
escaped(FILE *f, const char *s, size_t n)
{
	static const char *const esc[256] = {
		['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r", ['\\'] = "\\\\"
	};
	size_t i;

	for (i = 0; i < n; i++)
		if (esc[(unsigned char)s[i]] != NULL)
			fputs(esc[(unsigned char)s[i]], f);
		else
			putc(s[i], f);
}

int
fixlog_write(FILE *f, unsigned long long doc, const char *s, uint64_t base,
    const struct txedit *e, size_t ne)
{
	unsigned long long line = 1;
	size_t i, pos = 0;

	for (i = 0; i < ne; i++) {
		for (; pos < e[i].start; pos++)
			line += s[pos] == '\n';
		fprintf(f, "%llu\t%llu\t%llu\t", doc, line,
		    (unsigned long long)(base + e[i].start));
		escaped(f, s + e[i].start, e[i].end - e[i].start);
		putc('\t', f);
		escaped(f, e[i].repl, e[i].repllen);
		fprintf(f, "\t%s\n", e[i].rule);
	}
	return fflush(f) != 0 || ferror(f) ? -1 : 0;
}
