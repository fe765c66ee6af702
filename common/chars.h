/*
 * chars: the one table of the punctuation classes that the tokenizer and
 * every engine test: quotes, brackets, sentence terminals, ellipses,
 * bullets, dashes, hyphens and apostrophes.  The classes are derived from
 * Unicode properties (ICU's Quotation_Mark, Sentence_Terminal, Dash and
 * East_Asian_Width, utf8proc's general categories); the few that Unicode
 * has no property for (bullets, inverted marks, word-inner hyphens and
 * apostrophes, ellipses) are lists in chars.c.  Pure functions, no state.
 */
#ifndef TX_CHARS_H
#define TX_CHARS_H

#include <stdint.h>

enum {
	TXCH_OPEN_QUOTE = 1 << 0,	/* “ ‘ « „ 「; the ambiguous " and ' both open and close */
	TXCH_CLOSE_QUOTE = 1 << 1,	/* ” ’ » 」 */
	TXCH_OPEN_BRACKET = 1 << 2,	/* ( [ { （ 【 */
	TXCH_CLOSE_BRACKET = 1 << 3,	/* ) ] } ） 】 */
	TXCH_TERMINAL = 1 << 4,		/* Sentence_Terminal: . ! ? ‼ 。 ！ ؟ । */
	TXCH_WIDE = 1 << 5,		/* East Asian wide, fullwidth or halfwidth (。 ！ ｡) */
	TXCH_ELLIPSIS = 1 << 6,		/* … ⋯ */
	TXCH_BULLET = 1 << 7,		/* • ‣ ⁃ ◦ ▪ ● ■ */
	TXCH_INVERTED = 1 << 8,		/* ¿ ¡ ⸘: open a sentence */
	TXCH_DASH = 1 << 9,		/* Dash: - – — ― ‒ */
	TXCH_HYPHEN = 1 << 10,		/* may join the parts of a word: - ‐ ‑ */
	TXCH_APOSTROPHE = 1 << 11	/* may stand inside a word: ' ’ */
};

#define TXCH_OPEN (TXCH_OPEN_QUOTE | TXCH_OPEN_BRACKET)
#define TXCH_CLOSE (TXCH_CLOSE_QUOTE | TXCH_CLOSE_BRACKET)

/* The classes of code point cp (a bit set; 0 for none, and for cp < 0). */
unsigned txch_class(int32_t cp);

/* Whether cp is in any of the classes of mask. */
static inline int
txch_is(int32_t cp, unsigned mask)
{
	return (txch_class(cp) & mask) != 0;
}

/*
 * The classes as derived from the Unicode properties for every code point,
 * without the ASCII table that txch_class answers from (for its test).
 */
unsigned txch_derive(int32_t cp);

#endif
