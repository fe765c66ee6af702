/*
 * libFuzzer target: the JSON Lines scanner.  For any line, txjson_parse
 * gives the verdict jansson gives (malformed, no field, not a string, or
 * the field's text, byte for byte), and a record written back with the
 * field unchanged is the line itself.  Lines with a number outside a
 * double's range are left out: jansson refuses those, txjson_parse does
 * not (test_jsonl's test_numbers).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

/* An exponent, or fifteen digits in a row: a number that may not fit. */
static int
has_big_number(const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (++run >= 15)
				return 1;
			continue;
		}
		if ((s[i] == 'e' || s[i] == 'E') && run > 0)
			return 1;
		run = 0;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct txjson_rec rec;
	struct txout w;
	json_t *root, *v;
	int want, got;

	if (has_big_number(s, size))
		return 0;
	root = json_loadb(s, size, JSON_ALLOW_NUL, NULL);
	if (root == NULL || !json_is_object(root))
		want = TXJSON_EMALFORMED;
	else if ((v = json_object_get(root, "text")) == NULL)
		want = TXJSON_ENOFIELD;
	else
		want = json_is_string(v) ? TXJSON_OK : TXJSON_ENOTSTRING;
	got = txjson_parse(&rec, s, size, "text", "sentences");
	if (got != want)
		abort();
	if (got == TXJSON_OK) {
		v = json_object_get(root, "text");
		if (rec.textlen != json_string_length(v) ||
		    memcmp(rec.text, json_string_value(v), rec.textlen) != 0)
			abort();
		txout_init_mem(&w);
		if (txjson_write(&w, &rec, NULL, 0, NULL, 0) != 0 ||
		    w.len != size || (size > 0 && memcmp(w.buf, s, size) != 0))
			abort();
		txout_close(&w);
	}
	txjson_free(&rec);
	json_decref(root);
	return 0;
}
