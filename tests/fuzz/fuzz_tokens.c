/*
 * libFuzzer target: the shared tokenizer.  Tokens tile the input in order;
 * a space token is white space only and counts its newlines; an invalid
 * token is one byte that does not start a valid sequence; every other
 * token is valid UTF-8 without white space, whose first and last code
 * points are those it reports, and a word begins with a letter, digit or mark.  Work stays
 * linear: make fuzz's -timeout turns a quadratic scan into a finding.
 */
#include <stdint.h>
#include <stdlib.h>

#include "tokens.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i, k;
	unsigned nl;
	struct txtok t;
	int32_t cp;
	int len;

	for (i = 0; i < size; i = t.end) {
		if (txtok_next(s, size, i, &t) != t.end || t.start != i || t.end <= i ||
		    t.end > size)
			abort();
		switch (t.kind) {
		case TXTOK_SPACE:
			for (k = i, nl = 0; k < t.end; k += (size_t)len) {
				cp = txu8_at(s, size, k, &len);
				if (!txu8_is_space(cp))
					abort();
				nl += cp == '\n';
			}
			if (nl != t.newlines)
				abort();
			break;
		case TXTOK_INVALID:
			if (t.end != i + 1 || !TXU8_ISBAD(txu8_at(s, size, i, &len)))
				abort();
			break;
		default:
			if (txu8_validate(s + i, t.end - i) != t.end - i ||
			    txu8_at(s, size, i, &len) != t.first)
				abort();
			for (k = i; k < t.end; k += (size_t)len)
				if (txu8_is_space(txu8_at(s, size, k, &len)))
					abort();
			txu8_decode_back(s, t.end, &cp);
			if (cp != t.last)
				abort();
			if (t.kind == TXTOK_WORD && !txu8_is_letter(t.first) &&
			    !txu8_is_digit(t.first) && !txu8_is_mark(t.first))
				abort();
		}
	}
	return 0;
}
