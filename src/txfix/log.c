#include <string.h>

#include "log.h"

int
fixlog_open(struct fixlog *lg, const char *path)
{
	memset(lg, 0, sizeof(*lg));
	if (path == NULL)
		return 0;
	lg->f = strcmp(path, "-") == 0 ? stderr : fopen(path, "w");
	return lg->f == NULL ? -1 : 0;
}

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
fixlog_write(struct fixlog *lg, const struct txrun_unit *u,
    const struct txedit *e, size_t ne)
{
	const char *s = u->text, *nl;
	size_t i, pos = 0;

	if (lg->f == NULL)
		return 0;
	if (u->doc != lg->doc) {
		lg->doc = u->doc;
		lg->line = 1;
	}
	if (lg->bom && u->bom)
		fprintf(lg->f, "%llu\t1\t%llu\t\xEF\xBB\xBF\t\tzero-width\n", u->doc,
		    (unsigned long long)(u->offset - 3));
	for (i = 0; i < ne; i++) {
		for (; pos < e[i].start; pos++)
			lg->line += s[pos] == '\n';
		fprintf(lg->f, "%llu\t%llu\t%llu\t", u->doc, lg->line,
		    (unsigned long long)(u->offset + e[i].start));
		escaped(lg->f, s + e[i].start, e[i].end - e[i].start);
		putc('\t', lg->f);
		escaped(lg->f, e[i].repl, e[i].repllen);
		fprintf(lg->f, "\t%s\n", e[i].rule);
	}
	for (; pos < u->len && (nl = memchr(s + pos, '\n', u->len - pos)) != NULL;
	    pos = (size_t)(nl - s) + 1)
		lg->line++;
	return fflush(lg->f) != 0 || ferror(lg->f) ? -1 : 0;
}

int
fixlog_close(struct fixlog *lg)
{
	FILE *f = lg->f;

	lg->f = NULL;
	return f == NULL || f == stderr ? 0 : fclose(f) == 0 ? 0 : -1;
}
