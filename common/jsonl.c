#include <stdlib.h>
#include <string.h>

#include "jsonl.h"
#include "utf8.h"

/* Offset just past the JSON string that starts at s[i] (a quote). */
static size_t
skip_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i + 1;
}

static size_t
skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	return i;
}

/* Offset just past the value at s[i]; the text is known to be valid JSON. */
static size_t
skip_value(const char *s, size_t n, size_t i)
{
	int depth = 0;

	if (s[i] == '"')
		return skip_string(s, n, i);
	if (s[i] != '{' && s[i] != '[') {
		while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' &&
		    s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			i++;
		return i;
	}
	for (; i < n; i++) {
		if (s[i] == '"')
			i = skip_string(s, n, i) - 1;
		else if (s[i] == '{' || s[i] == '[')
			depth++;
		else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
			return i + 1;
	}
	return n;
}

static int
key_equals(const char *s, size_t ks, size_t ke, const char *field)
{
	size_t flen = strlen(field);
	json_t *k;
	int eq;

	if (memchr(s + ks, '\\', ke - ks) == NULL)
		return ke - ks - 2 == flen && memcmp(s + ks + 1, field, flen) == 0;
	if ((k = json_loadb(s + ks, ke - ks, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    NULL)) == NULL)
		return 0;
	eq = json_string_length(k) == flen &&
	    memcmp(json_string_value(k), field, flen) == 0;
	json_decref(k);
	return eq;
}

/* The length of the JSON number at s[i], by RFC 8259's grammar, or 0. */
static size_t
number_len(const char *s, size_t n, size_t i)
{
	size_t j = i, d;

	if (j < n && s[j] == '-')
		j++;
	if (j < n && s[j] == '0')
		j++;
	else if (j < n && s[j] >= '1' && s[j] <= '9')
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
	else
		return 0;
	if (j < n && s[j] == '.') {
		for (d = ++j; j < n && s[j] >= '0' && s[j] <= '9'; j++)
			;
		if (j == d)
			return 0;
	}
	if (j < n && (s[j] == 'e' || s[j] == 'E')) {
		j++;
		if (j < n && (s[j] == '+' || s[j] == '-'))
			j++;
		for (d = j; j < n && s[j] >= '0' && s[j] <= '9'; j++)
			;
		if (j == d)
			return 0;
	}
	return j - i;
}

/*
 * line[0..len) with every valid number outside strings written as 0 and
 * spaces, so that jansson, which cannot hold 1e400 or a 400-digit integer,
 * can still check the rest; numbers are never re-printed (the record is
 * spliced), so their values do not matter.  NULL when memory is exhausted.
 */
static char *
zero_numbers(const char *line, size_t len)
{
	char *c = malloc(len + 1), prev = ',';
	size_t i = 0, k;

	if (c == NULL)
		return NULL;
	memcpy(c, line, len);
	while (i < len) {
		if (c[i] == '"') {
			i = skip_string(c, len, i);
			prev = '"';
			continue;
		}
		/* a whole token only: "-2.-5e3" is no number with one inside */
		if ((c[i] == '-' || (c[i] >= '0' && c[i] <= '9')) &&
		    (prev == ',' || prev == ':' || prev == '[') &&
		    (k = number_len(c, len, i)) > 0 &&
		    (i + k == len || (c[i + k] != '\0' &&
		    strchr(" \t\r\n,]}", c[i + k]) != NULL))) {
			c[i] = '0';
			memset(c + i + 1, ' ', k - 1);
			i += k;
			prev = '0';
			continue;
		}
		if (c[i] != ' ' && c[i] != '\t' && c[i] != '\r' && c[i] != '\n')
			prev = c[i];
		i++;
	}
	return c;
}

/*
 * The scanner: sure that a record is valid JSON as jansson would judge it
 * (with JSON_ALLOW_NUL), or not sure.  It is never sure of more than
 * jansson accepts; when it is not sure, jansson decides.
 */

/* Nesting it follows; jansson's own limit is deeper. */
#define SCAN_DEPTH 512

/* Bytes a string holds as they are: printable ASCII but quote and backslash. */
static const unsigned char plain[256] = {
	/* 00-1F: control characters */
	[0x20] =
	/* 20 */ 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 30 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 40 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 50 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	/* 60 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 70 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The value of the four hex digits at s[i], or -1. */
static long
hex4(const char *s, size_t n, size_t i)
{
	long v = 0;
	size_t k;
	int c, d;

	if (i + 4 > n)
		return -1;
	for (k = 0; k < 4; k++) {
		c = (unsigned char)s[i + k];
		d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/*
 * The string at s[*i] (a quote): 1 and *i just past it when it is sure
 * to be valid (escapes, surrogate pairs, UTF-8, no control character),
 * else 0.  *esc tells whether it holds an escape.
 */
static int
scan_string(const char *s, size_t n, size_t *i, int *esc)
{
	size_t j = *i + 1;
	unsigned char c;
	int32_t cp;
	long u, lo;

	*esc = 0;
	for (;;) {
		while (j < n && plain[(unsigned char)s[j]])
			j++;
		if (j >= n)
			return 0;
		c = (unsigned char)s[j];
		if (c == '"') {
			*i = j + 1;
			return 1;
		}
		if (c >= 0x80) {
			j += (size_t)txu8_decode(s + j, n - j, &cp);
			if (TXU8_ISBAD(cp))
				return 0;
			continue;
		}
		if (c != '\\' || j + 1 >= n)
			return 0;	/* a control character, or a cut escape */
		*esc = 1;
		c = (unsigned char)s[j + 1];
		if (c != 'u') {
			if (c == '\0' || strchr("\"\\/bfnrt", c) == NULL)
				return 0;
			j += 2;
			continue;
		}
		if ((u = hex4(s, n, j + 2)) < 0 || (u >= 0xDC00 && u <= 0xDFFF))
			return 0;
		j += 6;
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (j + 1 >= n || s[j] != '\\' || s[j + 1] != 'u' ||
			    (lo = hex4(s, n, j + 2)) < 0xDC00 || lo > 0xDFFF)
				return 0;
			j += 6;
		}
	}
}

static int scan_value(const char *s, size_t n, size_t *i, int depth);

/* The object or array at s[*i], as scan_string. */
static int
scan_container(const char *s, size_t n, size_t *i, int depth)
{
	char close = s[*i] == '{' ? '}' : ']';
	size_t j = skip_ws(s, n, *i + 1);
	int esc;

	if (j < n && s[j] == close) {
		*i = j + 1;
		return 1;
	}
	for (;;) {
		/* keys with escapes are jansson's to judge (a NUL is refused there) */
		if (close == '}') {
			if (j >= n || s[j] != '"' || !scan_string(s, n, &j, &esc) ||
			    esc)
				return 0;
			j = skip_ws(s, n, j);
			if (j >= n || s[j] != ':')
				return 0;
			j = skip_ws(s, n, j + 1);
		}
		if (!scan_value(s, n, &j, depth))
			return 0;
		j = skip_ws(s, n, j);
		if (j >= n)
			return 0;
		if (s[j] == close) {
			*i = j + 1;
			return 1;
		}
		if (s[j] != ',')
			return 0;
		j = skip_ws(s, n, j + 1);
	}
}

static int
scan_literal(const char *s, size_t n, size_t *i, const char *lit)
{
	size_t k = strlen(lit);

	if (n - *i < k || memcmp(s + *i, lit, k) != 0)
		return 0;
	*i += k;
	return 1;
}

/* The value at s[*i], as scan_string. */
static int
scan_value(const char *s, size_t n, size_t *i, int depth)
{
	size_t k;
	int esc;

	if (*i >= n)
		return 0;
	switch (s[*i]) {
	case '"':
		return scan_string(s, n, i, &esc);
	case '{':
	case '[':
		return depth < SCAN_DEPTH && scan_container(s, n, i, depth + 1);
	case 't':
		return scan_literal(s, n, i, "true");
	case 'f':
		return scan_literal(s, n, i, "false");
	case 'n':
		return scan_literal(s, n, i, "null");
	default:
		if ((k = number_len(s, n, *i)) == 0)
			return 0;
		*i += k;
		return 1;
	}
}

/*
 * Finds the spans of the last members named field and addkey, and of the
 * closing brace.  A record jansson has accepted (valid) is only walked;
 * else it is scanned, and 1 returned when the scanner is sure it is
 * valid (it is not of an escaped key: jansson refuses a NUL in one).
 * *str and *esc tell whether the field's value is a string and holds
 * escapes.
 */
static int
walk_record(struct txjson_rec *rec, const char *field, const char *addkey,
    int valid, int *str, int *esc)
{
	const char *s = rec->line;
	size_t n = rec->len, i = skip_ws(s, n, 0), ks, ke, vs;
	int kesc, vesc = 0, isstr;

	rec->vstart = rec->vend = (size_t)-1;
	rec->astart = rec->aend = (size_t)-1;
	rec->empty = 1;
	if (i >= n || s[i] != '{')
		return 0;
	if ((i = skip_ws(s, n, i + 1)) < n && s[i] == '}')
		goto close;
	for (;;) {
		if (i >= n || s[i] != '"')
			return 0;
		ks = i;
		if (valid)
			i = skip_string(s, n, i);
		else if (!scan_string(s, n, &i, &kesc) || kesc)
			return 0;
		ke = i;
		i = skip_ws(s, n, i);
		if (i >= n || s[i] != ':')
			return 0;
		vs = i = skip_ws(s, n, i + 1);
		isstr = i < n && s[i] == '"';
		if (valid)
			i = skip_value(s, n, i);
		else if (isstr ? !scan_string(s, n, &i, &vesc) :
		    !scan_value(s, n, &i, 1))
			return 0;
		rec->empty = 0;
		if (key_equals(s, ks, ke, field)) {
			rec->vstart = vs;
			rec->vend = i;
			*str = isstr;
			*esc = isstr && vesc;
		}
		if (addkey != NULL && key_equals(s, ks, ke, addkey)) {
			rec->astart = vs;
			rec->aend = i;
		}
		i = skip_ws(s, n, i);
		if (i < n && s[i] == '}')
			break;
		if (i >= n || s[i] != ',')
			return 0;
		i = skip_ws(s, n, i + 1);
	}
close:
	rec->close = i;
	return skip_ws(s, n, i + 1) == n;
}

/* The contents of the string s[a..b) (between its quotes, sure to be valid) unescaped into out; its length. */
static size_t
unescape(const char *s, size_t a, size_t b, char *out)
{
	size_t k = 0;
	long u, lo;
	char c;

	while (a < b) {
		if (s[a] != '\\') {
			out[k++] = s[a++];
			continue;
		}
		c = s[a + 1];
		a += 2;
		switch (c) {
		case 'b': out[k++] = '\b'; break;
		case 'f': out[k++] = '\f'; break;
		case 'n': out[k++] = '\n'; break;
		case 'r': out[k++] = '\r'; break;
		case 't': out[k++] = '\t'; break;
		case 'u':
			u = hex4(s, b, a);
			a += 4;
			if (u >= 0xD800 && u <= 0xDBFF) {
				lo = hex4(s, b, a + 2);
				a += 6;
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			}
			k += (size_t)txu8_encode((int32_t)u, out + k);
			break;
		default:
			out[k++] = c;
		}
	}
	return k;
}

int
txjson_parse(struct txjson_rec *rec, const char *line, size_t len,
    const char *field, const char *addkey)
{
	json_error_t e;
	json_t *v;
	char *zeroed;
	int str = 0, esc = 0;

	memset(rec, 0, sizeof(*rec));
	rec->line = line;
	rec->len = len;
	rec->addkey = addkey;
	if (walk_record(rec, field, addkey, 0, &str, &esc)) {
		if (rec->vstart == (size_t)-1)
			return TXJSON_ENOFIELD;
		if (!str)
			return TXJSON_ENOTSTRING;
		if (!esc) {
			rec->text = line + rec->vstart + 1;
			rec->textlen = rec->vend - rec->vstart - 2;
			return TXJSON_OK;
		}
		/* an escape is never shorter than what it stands for */
		if ((rec->own = malloc(rec->vend - rec->vstart)) == NULL)
			return TXJSON_ENOMEM;
		rec->text = rec->own;
		rec->textlen = unescape(line, rec->vstart + 1, rec->vend - 1, rec->own);
		return TXJSON_OK;
	}
	/* Numbers are never re-printed, so big integers need not fit a long long. */
	rec->root = json_loadb(line, len, JSON_ALLOW_NUL |
	    JSON_DECODE_INT_AS_REAL, &e);
	if (rec->root == NULL && (zeroed = zero_numbers(line, len)) != NULL) {
		/* a number out of a double's range is still valid JSON */
		rec->root = json_loadb(zeroed, len, JSON_ALLOW_NUL, NULL);
		free(zeroed);
	}
	if (rec->root == NULL) {
		snprintf(rec->why, sizeof(rec->why), "%.120s at column %d", e.text,
		    e.column);
		return TXJSON_EMALFORMED;
	}
	if (!json_is_object(rec->root)) {
		snprintf(rec->why, sizeof(rec->why), "record is not an object");
		return TXJSON_EMALFORMED;
	}
	walk_record(rec, field, addkey, 1, &str, &esc);
	if ((v = json_object_get(rec->root, field)) == NULL)
		return TXJSON_ENOFIELD;
	if (!json_is_string(v))
		return TXJSON_ENOTSTRING;
	rec->text = json_string_value(v);
	rec->textlen = json_string_length(v);
	return TXJSON_OK;
}

int
txjson_blank(const char *line, size_t len)
{
	return skip_ws(line, len, 0) == len;
}

void
txjson_free(struct txjson_rec *rec)
{
	json_decref(rec->root);
	rec->root = NULL;
	free(rec->own);
	rec->own = NULL;
}

const char *
txjson_strerror(const struct txjson_rec *rec, int code)
{
	switch (code) {
	case TXJSON_EMALFORMED:
		return rec->why;
	case TXJSON_ENOFIELD:
		return "no such field";
	case TXJSON_ENOTSTRING:
		return "field is not a string";
	case TXJSON_ENOMEM:
		return "out of memory";
	}
	return "no error";
}

static int
dump_cb(const char *buf, size_t size, void *data)
{
	return txout_write(data, buf, size);
}

int
txjson_put_value(struct txout *w, json_t *v)
{
	return json_dump_callback(v, dump_cb, w, JSON_ENCODE_ANY |
	    JSON_COMPACT) != 0 || w->err ? -1 : 0;
}

int
txjson_put_string(struct txout *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[6] = { '\\', 'u', '0', '0' };
	size_t a = 0, i;
	unsigned char c;

	if (txu8_validate(s, n) != n)
		return -1;
	txout_putc(w, '"');
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		txout_write(w, s + a, i - a);
		a = i + 1;
		switch (c) {
		case '"': txout_write(w, "\\\"", 2); break;
		case '\\': txout_write(w, "\\\\", 2); break;
		case '\b': txout_write(w, "\\b", 2); break;
		case '\f': txout_write(w, "\\f", 2); break;
		case '\n': txout_write(w, "\\n", 2); break;
		case '\r': txout_write(w, "\\r", 2); break;
		case '\t': txout_write(w, "\\t", 2); break;
		default:
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			txout_write(w, esc, 6);
		}
	}
	txout_write(w, s + a, n - a);
	return txout_putc(w, '"');
}

int
txjson_write(struct txout *w, const struct txjson_rec *rec,
    const char *newtext, size_t newlen, const char *addval, size_t addlen)
{
	/* Up to two splices, in the order they occur in the line. */
	struct { size_t start, end; const char *v; size_t vlen; } sp[2], t;
	const char *s = rec->line;
	size_t pos = 0, nsp = 0, i;
	int rc = 0;

	if (newtext != NULL && rec->vstart != (size_t)-1) {
		sp[nsp].start = rec->vstart;
		sp[nsp].end = rec->vend;
		sp[nsp].v = NULL;	/* newtext, as a string */
		sp[nsp++].vlen = 0;
	}
	if (addval != NULL && rec->astart != (size_t)-1) {
		sp[nsp].start = rec->astart;
		sp[nsp].end = rec->aend;
		sp[nsp].v = addval;
		sp[nsp++].vlen = addlen;
	}
	if (nsp == 2 && sp[1].start < sp[0].start) {
		t = sp[0];
		sp[0] = sp[1];
		sp[1] = t;
	}
	for (i = 0; i < nsp; i++) {
		rc |= txout_write(w, s + pos, sp[i].start - pos);
		if (sp[i].v != NULL)
			rc |= txout_write(w, sp[i].v, sp[i].vlen);
		else if (txjson_put_string(w, newtext, newlen) != 0) {
			/* text that is not UTF-8 is no string: the field stays, and it fails */
			rc = -1;
			txout_write(w, s + sp[i].start, sp[i].end - sp[i].start);
		}
		pos = sp[i].end;
	}
	if (addval != NULL && rec->astart == (size_t)-1) {
		rc |= txout_write(w, s + pos, rec->close - pos);
		pos = rec->close;
		if (!rec->empty)
			rc |= txout_putc(w, ',');
		rc |= txjson_put_string(w, rec->addkey, strlen(rec->addkey));
		rc |= txout_putc(w, ':');
		rc |= txout_write(w, addval, addlen);
	}
	rc |= txout_write(w, s + pos, rec->len - pos);
	return rc ? -1 : 0;
}
