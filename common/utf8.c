#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <utf8proc.h>

#include "utf8.h"
#include "vec.h"

int
txu8_decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	int32_t v, min;
	int len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		*cp = TXU8_BAD(c);
		return 1;
	}
	if ((size_t)len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	return len;
bad:
	*cp = TXU8_BAD(c);
	return 1;
}

int
txu8_decode_back(const char *s, size_t n, int32_t *cp)
{
	size_t start, k;
	int len;

	/* A valid sequence is at most 4 bytes: try the longest lead first. */
	k = n < 4 ? n : 4;
	for (; k > 1; k--) {
		start = n - k;
		if (((unsigned char)s[start] & 0xC0) == 0x80)
			continue;
		len = txu8_decode(s + start, k, cp);
		if ((size_t)len == k)
			return len;
	}
	txu8_decode(s + n - 1, 1, cp);
	return 1;
}

int
txu8_encode(int32_t cp, char *out)
{
	return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

size_t
txu8_validate(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += txu8_decode(s + i, n - i, &cp);
		if (TXU8_ISBAD(cp))
			return i - 1;
	}
	return n;
}

static utf8proc_category_t
category(int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF)
		return UTF8PROC_CATEGORY_CN;
	return utf8proc_category(cp);
}

#define CAT(c) (1u << UTF8PROC_CATEGORY_##c)

/* The general categories of each class. */
static const uint32_t class_cats[] = {
	[TXU8_C_LETTER] = CAT(LU) | CAT(LL) | CAT(LT) | CAT(LM) | CAT(LO),
	[TXU8_C_UPPER] = CAT(LU) | CAT(LT),
	[TXU8_C_LOWER] = CAT(LL),
	[TXU8_C_DIGIT] = CAT(ND),
	[TXU8_C_MARK] = CAT(MN) | CAT(MC) | CAT(ME),
	[TXU8_C_PUNCT] = CAT(PC) | CAT(PD) | CAT(PS) | CAT(PE) | CAT(PI) |
	    CAT(PF) | CAT(PO),
};

int
txu8_class(int32_t cp, enum txu8_class k)
{
	return (class_cats[k] >> category(cp)) & 1;
}

int
txu8_space(int32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return 1;
	default:
		return cp >= 0x2000 && cp <= 0x200A;
	}
}

int
txu8_is_cjk(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||	/* kana */
	    (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF) ||	/* Hangul */
	    (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFF66 && cp <= 0xFF9F) ||	/* halfwidth kana */
	    (cp >= 0x20000 && cp <= 0x3FFFF);
}

int32_t
txu8_tolower(int32_t cp)
{
	return cp < 0 ? cp : utf8proc_tolower(cp);
}

int32_t
txu8_toupper(int32_t cp)
{
	return cp < 0 ? cp : utf8proc_toupper(cp);
}

int
txu8_grapheme_break(int32_t a, int32_t b, int32_t *state)
{
	if (a < 0 || b < 0)
		return 1;
	return utf8proc_grapheme_break_stateful(a, b, state);
}

static int
append(char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	if (txvec_grow((void **)buf, cap, *len + n + 1, 1) != 0)
		return -1;
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

int
txu8_normalized(const char *s, size_t n, enum txu8_norm form)
{
	UChar stack[256], *u = stack;
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *n2;
	int32_t k;
	int yes;

	if (form == TXU8_CASEFOLD || n > INT32_MAX / 2)
		return 0;
	/* at most one UTF-16 unit a byte */
	if (n > sizeof(stack) / sizeof(stack[0]) &&
	    (u = malloc(n * sizeof(*u))) == NULL)
		return 0;
	/* invalid UTF-8 is an error here: no answer */
	u_strFromUTF8(u, (int32_t)n, &k, s, (int32_t)n, &err);
	n2 = form == TXU8_NFC ? unorm2_getNFCInstance(&err) :
	    unorm2_getNFKCInstance(&err);
	yes = U_SUCCESS(err) && unorm2_isNormalized(n2, u, k, &err) &&
	    U_SUCCESS(err);
	if (u != stack)
		free(u);
	return yes;
}

int
txu8_normalize(const char *s, size_t n, enum txu8_norm form, char **out,
    size_t *outlen)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	utf8proc_uint8_t *mapped;
	utf8proc_ssize_t r;
	char *buf = NULL;
	size_t len = 0, cap = 0, i = 0, good;

	if (form == TXU8_NFKC)
		opt |= UTF8PROC_COMPAT;
	else if (form == TXU8_CASEFOLD)
		opt |= UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
	if (append(&buf, &len, &cap, "", 0) != 0)
		goto oom;
	while (i < n) {
		good = txu8_validate(s + i, n - i);
		/* utf8proc stops at NUL unless told a length; it is told one. */
		if (good > 0) {
			r = utf8proc_map((const utf8proc_uint8_t *)s + i,
			    (utf8proc_ssize_t)good, &mapped, opt);
			if (r < 0)
				goto oom;
			if (append(&buf, &len, &cap, mapped, (size_t)r) != 0) {
				free(mapped);
				goto oom;
			}
			free(mapped);
			i += good;
		}
		if (i < n) {
			if (append(&buf, &len, &cap, s + i, 1) != 0)
				goto oom;
			i++;
		}
	}
	*out = buf;
	*outlen = len;
	return 0;
oom:
	free(buf);
	*out = NULL;
	*outlen = 0;
	return -1;
}
