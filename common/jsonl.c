#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

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

/* Finds the spans of the last members named field and addkey, and of the closing brace. */
static void
locate(struct txjson_rec *rec, const char *field, const char *addkey)
{
	const char *s = rec->line;
	size_t n = rec->len, i, ks, ke;

	rec->vstart = rec->vend = (size_t)-1;
	rec->astart = rec->aend = (size_t)-1;
	rec->empty = 1;
	i = skip_ws(s, n, 0) + 1;
	for (;;) {
		i = skip_ws(s, n, i);
		if (s[i] == '}')
			break;
		rec->empty = 0;
		ks = i;
		ke = skip_string(s, n, i);
		i = skip_ws(s, n, ke) + 1;
		i = skip_ws(s, n, i);
		if (key_equals(s, ks, ke, field)) {
			rec->vstart = i;
			rec->vend = skip_value(s, n, i);
		}
		if (addkey != NULL && key_equals(s, ks, ke, addkey)) {
			rec->astart = i;
			rec->aend = skip_value(s, n, i);
		}
		i = skip_ws(s, n, skip_value(s, n, i));
		if (s[i] == ',')
			i++;
	}
	rec->close = i;
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
	char *c = malloc(len + 1);
	size_t i = 0, k;

	if (c == NULL)
		return NULL;
	memcpy(c, line, len);
	while (i < len) {
		if (c[i] == '"') {
			i = skip_string(c, len, i);
			continue;
		}
		if ((c[i] == '-' || (c[i] >= '0' && c[i] <= '9')) &&
		    (k = number_len(c, len, i)) > 0) {
			c[i] = '0';
			memset(c + i + 1, ' ', k - 1);
			i += k;
			continue;
		}
		i++;
	}
	return c;
}

int
txjson_parse(struct txjson_rec *rec, const char *line, size_t len,
    const char *field, const char *addkey)
{
	json_error_t e;
	json_t *v;
	char *zeroed;

	memset(rec, 0, sizeof(*rec));
	rec->line = line;
	rec->len = len;
	rec->addkey = addkey;
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
	locate(rec, field, addkey);
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

static int
dump(struct txout *w, json_t *v)
{
	return json_dump_callback(v, dump_cb, w, JSON_ENCODE_ANY |
	    JSON_COMPACT);
}

int
txjson_write(struct txout *w, const struct txjson_rec *rec,
    const char *newtext, size_t newlen, json_t *addval)
{
	/* Up to two splices, in the order they occur in the line. */
	struct { size_t start, end; json_t *v; } sp[2], t;
	const char *s = rec->line;
	size_t pos = 0, nsp = 0, i;
	json_t *str = NULL, *key;
	int rc = 0;

	if (newtext != NULL && rec->vstart != (size_t)-1) {
		if ((str = json_stringn(newtext, newlen)) == NULL)
			rc = -1;
		else {
			sp[nsp].start = rec->vstart;
			sp[nsp].end = rec->vend;
			sp[nsp++].v = str;
		}
	}
	if (addval != NULL && rec->astart != (size_t)-1) {
		sp[nsp].start = rec->astart;
		sp[nsp].end = rec->aend;
		sp[nsp++].v = addval;
	}
	if (nsp == 2 && sp[1].start < sp[0].start) {
		t = sp[0];
		sp[0] = sp[1];
		sp[1] = t;
	}
	for (i = 0; i < nsp; i++) {
		rc |= txout_write(w, s + pos, sp[i].start - pos);
		rc |= dump(w, sp[i].v);
		pos = sp[i].end;
	}
	if (addval != NULL && rec->astart == (size_t)-1) {
		rc |= txout_write(w, s + pos, rec->close - pos);
		pos = rec->close;
		if (!rec->empty)
			rc |= txout_putc(w, ',');
		key = json_string(rec->addkey);
		rc |= dump(w, key);
		json_decref(key);
		rc |= txout_putc(w, ':');
		rc |= dump(w, addval);
	}
	rc |= txout_write(w, s + pos, rec->len - pos);
	json_decref(str);
	json_decref(addval);
	return rc ? -1 : 0;
}
