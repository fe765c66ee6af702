/*
 * jsonl: one JSON Lines record at a time, parsed and validated by jansson.
 * A record is written back by splicing into its original bytes, so that
 * every member the program does not change keeps its exact text (number
 * spelling, escapes, spacing) and its place.
 */
#ifndef TX_JSONL_H
#define TX_JSONL_H

#include <stddef.h>

#include <jansson.h>

#include "output.h"

enum {
	TXJSON_OK = 0,
	TXJSON_EMALFORMED = -1,	/* not JSON, or not an object */
	TXJSON_ENOFIELD = -2,	/* the object has no such member */
	TXJSON_ENOTSTRING = -3,	/* the member is not a string */
	TXJSON_ENOMEM = -4
};

struct txjson_rec {
	json_t *root;
	const char *line;	/* the record's bytes (borrowed) */
	size_t len;
	size_t vstart, vend;	/* the field's value within line */
	const char *addkey;	/* the member txjson_write adds */
	size_t astart, aend;	/* its present value within line */
	size_t close;		/* offset of the object's closing brace */
	int empty;		/* the object has no members */
	const char *text;	/* the field's string value (owned by rec), may hold NULs */
	size_t textlen;
	char *own;		/* text when it was unescaped without jansson */
	char why[160];		/* what was wrong, for EMALFORMED */
};

/*
 * Parses line[0..len) (no newline) and finds member field, and member
 * addkey (may be NULL) that txjson_write will set.  line and addkey are
 * borrowed and must outlive rec.  Returns TXJSON_OK or a negative code; rec
 * must be released with txjson_free whatever the result.  A record is
 * checked by a scanner of our own, which builds no tree and copies the
 * field only when it holds escapes; what that scanner is not sure of
 * (escaped keys, deep nesting, any error) jansson parses and judges, so
 * that both accept the same records and the messages are jansson's.
 */
int txjson_parse(struct txjson_rec *rec, const char *line, size_t len,
    const char *field, const char *addkey);

void txjson_free(struct txjson_rec *rec);

/*
 * Whether line[0..len) holds only white space: JSON Lines readers pass
 * such lines through rather than call them malformed.
 */
int txjson_blank(const char *line, size_t len);

/* A message for a negative code of txjson_parse (static storage, or rec->why). */
const char *txjson_strerror(const struct txjson_rec *rec, int code);

/*
 * Writes the record to w, without a newline: the field's value replaced by
 * the string newtext[0..newlen) when newtext is not NULL (valid UTF-8
 * required), and the member named addkey at parse time set to the JSON
 * text addval[0..addlen) (replaced in place if present, else appended
 * last) when addval is not NULL.  Returns 0, or -1 on a write or encoding
 * failure.
 */
int txjson_write(struct txout *w, const struct txjson_rec *rec,
    const char *newtext, size_t newlen, const char *addval, size_t addlen);

/*
 * Writes s[0..n) as a JSON string, escaped as jansson's compact dump
 * escapes it (quote, backslash and control characters; \u00XX for those
 * without a short escape).  s must be valid UTF-8 (NULs allowed).
 * Returns 0, or -1 when s is not valid UTF-8 (nothing written) or a
 * write failed.
 */
int txjson_put_string(struct txout *w, const char *s, size_t n);

/* Writes v as jansson's compact dump does.  Returns 0 or -1. */
int txjson_put_value(struct txout *w, json_t *v);

#endif
