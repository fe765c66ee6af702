/*
 * utf8: decoding that treats every invalid byte as an opaque unit, validation,
 * and the Unicode properties tx needs (via utf8proc).  No function here
 * allocates unless it says so; none prints or exits.
 */
#ifndef TX_UTF8_H
#define TX_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A decoded invalid byte b is reported as TXU8_BAD(b), a negative value. */
#define TXU8_BAD(b)	(-1 - (int32_t)(unsigned char)(b))
#define TXU8_ISBAD(cp)	((cp) < 0)

/*
 * Decodes the sequence at s[0..n), n > 0.  Stores the code point, or
 * TXU8_BAD(s[0]) when s does not start with a valid shortest-form sequence
 * (surrogates and values above U+10FFFF are invalid).  Returns the number of
 * bytes consumed: 1..4, always 1 for an invalid byte.
 */
int txu8_decode(const char *s, size_t n, int32_t *cp);

/*
 * Decodes the code point that ends at s[n-1], n > 0: the inverse walk of
 * txu8_decode.  Returns its length in bytes and stores it in *cp.
 */
int txu8_decode_back(const char *s, size_t n, int32_t *cp);

/* What txu8_at returns past the end of the text. */
#define TXU8_END	(-1000)

/*
 * The code point at byte i of s[0..n), as txu8_decode gives it, its length
 * in *len; TXU8_END and *len 0 when i >= n.
 */
static inline int32_t
txu8_at(const char *s, size_t n, size_t i, int *len)
{
	int32_t cp;

	if (i >= n) {
		*len = 0;
		return TXU8_END;
	}
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	*len = txu8_decode(s + i, n - i, &cp);
	return cp;
}

/* Writes cp (valid scalar value) as UTF-8 into out[4]; returns its length. */
int txu8_encode(int32_t cp, char *out);

/*
 * Returns the offset of the first invalid byte in s[0..n), or n when all of
 * it is valid UTF-8.  A sequence cut by the end of s counts as invalid.
 */
size_t txu8_validate(const char *s, size_t n);

/*
 * Unicode property classes of code point cp (TXU8_BAD values: none true).
 * The txu8_is_* functions answer ASCII inline, the rest through utf8proc.
 */
enum txu8_class {
	TXU8_C_LETTER,		/* L* */
	TXU8_C_UPPER,		/* Lu, Lt */
	TXU8_C_LOWER,		/* Ll */
	TXU8_C_DIGIT,		/* Nd */
	TXU8_C_MARK,		/* Mn, Mc, Me */
	TXU8_C_PUNCT		/* P* */
};

/*
 * The number of characters in s[a..b): of bytes that are no UTF-8
 * continuation byte (each invalid byte counts as one; any bytes).
 */
static inline size_t
txu8_count(const char *s, size_t a, size_t b)
{
	size_t k = b > a ? b - a : 0;
	uint64_t v;

	/* eight at a time: a continuation byte has bit 7 set and bit 6 clear */
	for (; a + 8 <= b; a += 8) {
		memcpy(&v, s + a, 8);
		k -= (size_t)__builtin_popcountll(v & ~(v << 1) &
		    0x8080808080808080ULL);
	}
	for (; a < b; a++)
		k -= ((unsigned char)s[a] & 0xC0) == 0x80;
	return k;
}

/*
 * The first byte at or after a in s[a..b) that is not ASCII (>= 0x80), or
 * b: ASCII is passed over eight bytes at a time.  Any bytes.
 */
static inline size_t
txu8_skip_ascii(const char *s, size_t a, size_t b)
{
	uint64_t v;

	for (; a + 8 <= b; a += 8) {
		memcpy(&v, s + a, 8);
		if ((v &= 0x8080808080808080ULL) != 0)
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			return a + (size_t)(__builtin_clzll(v) >> 3);
#else
			return a + (size_t)(__builtin_ctzll(v) >> 3);
#endif
	}
	while (a < b && (unsigned char)s[a] < 0x80)
		a++;
	return a;
}

/* Whether cp's general category is one of class k's (utf8proc's tables). */
int txu8_class(int32_t cp, enum txu8_class k);
#define txu8_letter(cp) txu8_class((cp), TXU8_C_LETTER)
#define txu8_upper(cp) txu8_class((cp), TXU8_C_UPPER)
#define txu8_lower(cp) txu8_class((cp), TXU8_C_LOWER)
#define txu8_digit(cp) txu8_class((cp), TXU8_C_DIGIT)
#define txu8_punct(cp) txu8_class((cp), TXU8_C_PUNCT)
#define txu8_is_mark(cp) txu8_class((cp), TXU8_C_MARK)
int txu8_space(int32_t cp);		/* White_Space */

static inline int
txu8_is_letter(int32_t cp)
{
	if ((uint32_t)cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	return txu8_letter(cp);
}

static inline int
txu8_is_upper(int32_t cp)		/* Lu, Lt */
{
	if ((uint32_t)cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return txu8_upper(cp);
}

static inline int
txu8_is_lower(int32_t cp)		/* Ll */
{
	if ((uint32_t)cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return txu8_lower(cp);
}

static inline int
txu8_is_digit(int32_t cp)		/* Nd */
{
	if ((uint32_t)cp < 0x80)
		return cp >= '0' && cp <= '9';
	return txu8_digit(cp);
}

static inline int
txu8_is_space(int32_t cp)		/* White_Space */
{
	if ((uint32_t)cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return txu8_space(cp);
}

/* P*: S* are symbols, not punctuation. */
static inline int
txu8_is_punct(int32_t cp)
{
	if ((uint32_t)cp < 0x80)
		return (cp >= '!' && cp <= '/' && cp != '$' && cp != '+') ||
		    cp == ':' || cp == ';' || cp == '?' || cp == '@' ||
		    cp == '[' || cp == '\\' || cp == ']' || cp == '_' ||
		    cp == '{' || cp == '}';
	return txu8_punct(cp);
}
/* Han, Hiragana, Katakana, Hangul: scripts written without spaces between words. */
int txu8_is_cjk(int32_t cp);

/*
 * Simple case mapping and folding of one code point; invalid values are
 * returned unchanged.
 */
int32_t txu8_tolower(int32_t cp);
int32_t txu8_toupper(int32_t cp);

/*
 * Whether a grapheme cluster boundary lies between code points a and b;
 * *state must be 0 at the start of a text and is updated (utf8proc's
 * extended rules).
 */
int txu8_grapheme_break(int32_t a, int32_t b, int32_t *state);

enum txu8_norm { TXU8_NFC, TXU8_NFKC, TXU8_CASEFOLD };

/*
 * Normalizes s[0..n) to *out (malloc'd, NUL-terminated, caller frees),
 * length in *outlen.  Invalid bytes are copied through unchanged and the
 * valid spans between them are normalized separately.  Returns 0, or -1 when
 * memory is exhausted (*out is then NULL).
 */
/*
 * Whether s[0..n) is in form already (NFC or NFKC), so that txu8_normalize
 * would return it unchanged: ICU's check, in place of a copy.  Returns 1,
 * or 0 when it is not or it cannot tell (invalid bytes, TXU8_CASEFOLD, no
 * memory for the text's UTF-16 when it is long).
 */
int txu8_normalized(const char *s, size_t n, enum txu8_norm form);

int txu8_normalize(const char *s, size_t n, enum txu8_norm form,
    char **out, size_t *outlen);

#endif
