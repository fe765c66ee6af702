#include <unicode/uchar.h>

#include "chars.h"

#define OQ TXCH_OPEN_QUOTE
#define CQ TXCH_CLOSE_QUOTE
#define OB TXCH_OPEN_BRACKET
#define CB TXCH_CLOSE_BRACKET
#define TE TXCH_TERMINAL
#define DA TXCH_DASH
#define HY TXCH_HYPHEN
#define AP TXCH_APOSTROPHE

/* ASCII, answered without a call; test_chars checks it against txch_derive. */
static const unsigned short ascii[128] = {
	['!'] = TE, ['"'] = OQ | CQ, ['\''] = OQ | CQ | AP, ['('] = OB,
	[')'] = CB, ['-'] = DA | HY, ['.'] = TE, ['?'] = TE, ['['] = OB,
	[']'] = CB, ['{'] = OB, ['}'] = CB,
};

/* What Unicode has no property for, sorted by code point. */
static const struct {
	int32_t cp;
	unsigned cls;
} listed[] = {
	{ 0x0027, TXCH_APOSTROPHE }, { 0x002D, TXCH_HYPHEN },
	{ 0x00A1, TXCH_INVERTED }, { 0x00BF, TXCH_INVERTED },
	{ 0x2010, TXCH_HYPHEN }, { 0x2011, TXCH_HYPHEN },
	{ 0x2019, TXCH_APOSTROPHE },
	{ 0x2022, TXCH_BULLET }, { 0x2023, TXCH_BULLET },
	{ 0x2026, TXCH_ELLIPSIS }, { 0x2043, TXCH_BULLET },
	{ 0x22EF, TXCH_ELLIPSIS },
	{ 0x25A0, TXCH_BULLET }, { 0x25AA, TXCH_BULLET },
	{ 0x25CF, TXCH_BULLET }, { 0x25E6, TXCH_BULLET },
	{ 0x2E18, TXCH_INVERTED },
};

unsigned
txch_derive(int32_t cp)
{
	unsigned c = 0;
	size_t lo, hi, mid;
	int8_t gc;
	int32_t w;

	if (cp < 0 || cp > 0x10FFFF)
		return 0;
	gc = u_charType(cp);
	if (u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK)) {
		if (gc == U_INITIAL_PUNCTUATION || gc == U_START_PUNCTUATION)
			c |= TXCH_OPEN_QUOTE;
		else if (gc == U_FINAL_PUNCTUATION || gc == U_END_PUNCTUATION)
			c |= TXCH_CLOSE_QUOTE;
		else
			c |= TXCH_OPEN_QUOTE | TXCH_CLOSE_QUOTE;
	} else if (gc == U_START_PUNCTUATION)
		c |= TXCH_OPEN_BRACKET;
	else if (gc == U_END_PUNCTUATION)
		c |= TXCH_CLOSE_BRACKET;
	if (u_hasBinaryProperty(cp, UCHAR_S_TERM)) {
		c |= TXCH_TERMINAL;
		w = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
		if (w == U_EA_WIDE || w == U_EA_FULLWIDTH || w == U_EA_HALFWIDTH)
			c |= TXCH_WIDE;
	}
	if (u_hasBinaryProperty(cp, UCHAR_DASH))
		c |= TXCH_DASH;
	/* listed is sorted by code point */
	lo = 0;
	hi = sizeof(listed) / sizeof(listed[0]);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (listed[mid].cp == cp)
			return c | listed[mid].cls;
		if (listed[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return c;
}

unsigned
txch_class(int32_t cp)
{
	if ((uint32_t)cp < 0x80)
		return ascii[cp];
	return txch_derive(cp);
}
