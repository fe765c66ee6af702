#include <stdlib.h>
#include <string.h>

#include "span.h"

/* Writes s[0..n), each newline (with the CR before it) as one space. */
static int
write_flat(struct txout *w, const char *s, size_t n)
{
	const char *nl;
	size_t k;

	while ((nl = memchr(s, '\n', n)) != NULL) {
		k = (size_t)(nl - s);
		txout_write(w, s, k > 0 && s[k - 1] == '\r' ? k - 1 : k);
		txout_putc(w, ' ');
		n -= k + 1;
		s = nl + 1;
	}
	return txout_write(w, s, n);
}

int
txspan_write(struct txout *w, const char *s, const struct txspan *sp,
    enum txspan_form f, uint64_t base, int flatten)
{
	const char *t = s + sp->start;
	size_t n = sp->end - sp->start;

	if (f == TXSPAN_TEXT)
		return flatten ? write_flat(w, t, n) : txout_write(w, t, n);
	txout_putu(w, base + sp->start);
	txout_putc(w, '\t');
	txout_putu(w, base + sp->end);
	if (f == TXSPAN_OFFSETS && sp->label == NULL)
		return w->err ? -1 : 0;
	txout_putc(w, '\t');
	txout_puts(w, sp->label != NULL ? sp->label : "");
	if (f == TXSPAN_OFFSETS)
		return w->err ? -1 : 0;
	txout_putc(w, '\t');
	/* a TSV field holds no newline */
	return write_flat(w, t, n);
}

/* The span's text as a JSON string, flattened if asked. */
static json_t *
text_json(const char *s, size_t n, int flatten)
{
	json_t *v;
	char *buf;
	size_t i, k;

	if (!flatten || memchr(s, '\n', n) == NULL)
		return json_stringn(s, n);
	if ((buf = malloc(n)) == NULL)
		return NULL;
	for (i = k = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		buf[k++] = s[i] == '\n' ? ' ' : s[i];
	}
	v = json_stringn(buf, k);
	free(buf);
	return v;
}

json_t *
txspan_json(const char *s, const struct txspan *sp, enum txspan_form f,
    uint64_t base, int flatten)
{
	json_int_t a = (json_int_t)(base + sp->start);
	json_int_t b = (json_int_t)(base + sp->end);
	size_t n = sp->end - sp->start;
	json_t *t;

	switch (f) {
	case TXSPAN_TEXT:
		return text_json(s + sp->start, n, flatten);
	case TXSPAN_OFFSETS:
		return json_pack("[I,I]", a, b);
	case TXSPAN_ENTITY:
		if ((t = text_json(s + sp->start, n, flatten)) == NULL)
			return NULL;
		return json_pack("{s:I,s:I,s:s,s:o}", "start", a, "end", b,
		    "type", sp->label != NULL ? sp->label : "", "text", t);
	}
	return NULL;
}

int
txedit_apply(struct txout *w, const char *s, size_t *pos,
    const struct txedit *e, size_t ne)
{
	size_t i;

	for (i = 0; i < ne; i++) {
		txout_write(w, s + *pos, e[i].start - *pos);
		txout_write(w, e[i].repl, e[i].repllen);
		*pos = e[i].end;
	}
	return w->err ? -1 : 0;
}
