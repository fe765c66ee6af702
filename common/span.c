#include <stdlib.h>
#include <string.h>

#include "jsonl.h"
#include "span.h"
#include "utf8.h"

/* CJK letters and CJK or fullwidth punctuation: no space between them and the characters beside them. */
static int
is_cjk(int32_t c)
{
	return txu8_is_cjk(c) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF00 && c <= 0xFFEF);
}

/*
 * What a newline at s[k] of s[0..n) (after a CR at s[k - 1], if cr) is
 * flattened to: nothing between two CJK characters, which a line break
 * does not separate by a space, else a space.
 */
static int
newline_as_space(const char *s, size_t n, size_t k, int cr)
{
	int32_t a, b;
	size_t before = k - (size_t)cr;

	if (before == 0 || k + 1 >= n)
		return 1;
	txu8_decode_back(s, before, &a);
	txu8_decode(s + k + 1, n - k - 1, &b);
	return !(is_cjk(a) && is_cjk(b));
}

/* Writes s[0..n), each newline (with the CR before it) as one space, or none between CJK. */
static int
write_flat(struct txout *w, const char *s, size_t n)
{
	const char *nl;
	size_t k, a = 0;
	int cr;

	while ((nl = memchr(s + a, '\n', n - a)) != NULL) {
		k = (size_t)(nl - s);
		cr = k > a && s[k - 1] == '\r';
		txout_write(w, s + a, k - a - (size_t)cr);
		if (newline_as_space(s, n, k, cr))
			txout_putc(w, ' ');
		a = k + 1;
	}
	return txout_write(w, s + a, n - a);
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
static int
put_text(struct txout *w, const char *s, size_t n, int flatten)
{
	char *buf;
	size_t i, k;
	int rc;

	if (!flatten || memchr(s, '\n', n) == NULL)
		return txjson_put_string(w, s, n);
	if ((buf = malloc(n)) == NULL)
		return -1;
	for (i = k = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (s[i] != '\n')
			buf[k++] = s[i];
		else if (newline_as_space(s, n, i, i > 0 && s[i - 1] == '\r'))
			buf[k++] = ' ';
	}
	rc = txjson_put_string(w, buf, k);
	free(buf);
	return rc;
}

int
txspan_put_json(struct txout *w, const char *s, const struct txspan *sp,
    enum txspan_form f, uint64_t base, int flatten)
{
	const char *t = s + sp->start;
	size_t n = sp->end - sp->start;
	const char *label = sp->label != NULL ? sp->label : "";

	switch (f) {
	case TXSPAN_TEXT:
		return put_text(w, t, n, flatten);
	case TXSPAN_OFFSETS:
		txout_putc(w, '[');
		txout_putu(w, base + sp->start);
		txout_putc(w, ',');
		txout_putu(w, base + sp->end);
		return txout_putc(w, ']');
	case TXSPAN_ENTITY:
		txout_puts(w, "{\"start\":");
		txout_putu(w, base + sp->start);
		txout_puts(w, ",\"end\":");
		txout_putu(w, base + sp->end);
		txout_puts(w, ",\"type\":");
		if (txjson_put_string(w, label, strlen(label)) != 0)
			return -1;
		txout_puts(w, ",\"text\":");
		if (put_text(w, t, n, flatten) != 0)
			return -1;
		return txout_putc(w, '}');
	}
	return -1;
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
