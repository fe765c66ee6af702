/*
 * libFuzzer target: the UTF-8 layer.  Decoding walks every byte forward
 * and backward alike; a valid sequence encodes back to its bytes and only
 * as a scalar value; txu8_validate stops at the first invalid unit.  (The
 * tokenizer has its own target, fuzz_tokens.)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i, first_bad = size, *starts, k = 0;
	char enc[4];
	int32_t cp;
	int len;

	if ((starts = malloc((size + 1) * sizeof(*starts))) == NULL)
		return 0;
	for (i = 0; i < size; i += (size_t)len) {
		starts[k++] = i;
		cp = txu8_at(s, size, i, &len);
		if (len < 1 || len > 4 || i + (size_t)len > size)
			abort();
		if (TXU8_ISBAD(cp)) {
			if (len != 1 || cp != TXU8_BAD(s[i]))
				abort();
			if (first_bad == size)
				first_bad = i;
			continue;
		}
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    txu8_encode(cp, enc) != len || memcmp(enc, s + i, (size_t)len) != 0)
			abort();
	}
	if (txu8_validate(s, size) != first_bad)
		abort();
	/* backward, the same units in reverse */
	for (i = size; i > 0; i -= (size_t)len) {
		len = txu8_decode_back(s, i, &cp);
		if (len < 1 || (size_t)len > i || k == 0 || starts[--k] != i - (size_t)len)
			abort();
	}
	if (k != 0)
		abort();
	free(starts);
	return 0;
}
