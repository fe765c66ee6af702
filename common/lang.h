/*
 * lang: the language profiles txsplit and txfix read: per language its
 * code, name, flags and word lists.  Adding a language is adding a row to
 * the table in lang.c (and its lists), not editing the engines.  A word
 * list is one string, its words separated by single spaces, in static
 * storage; a list a language lacks is "", never NULL.
 */
#ifndef TX_LANG_H
#define TX_LANG_H

#include <stddef.h>

enum {
	TXLANG_RULES = 1 << 0,		/* split by the suite's own rules, not ICU's */
	TXLANG_DOT_ORDINALS = 1 << 1,	/* ordinals take a dot: "am 1. Januar" */
	TXLANG_LEXICON = 1 << 2,	/* txfix has a lexicon for it */
	/*
	 * ICU's abbreviation suppressions are not used, only the profile's
	 * own list: ICU 72's German ones also drop the boundary after any
	 * word ending in "-er." ("Er war Lehrer. Wir ...").
	 */
	TXLANG_OWN_ABBR = 1 << 3
};

struct txlang {
	const char *code;		/* ISO 639-1, as ICU's locales spell it */
	const char *name;
	unsigned flags;
	const char *titles;	/* abbreviations always followed by a name: Dr */
	const char *numabbr;	/* words a number follows as a count, not an ordinal: No, Seite */
	const char *abbr;	/* abbreviations that may end a sentence: etc */
	const char *nonfinal;	/* abbreviations that never end one: e.g */
	const char *openers;	/* words that often open a sentence, lower case */
	const char *closings;	/* closings of a letter: Regards */
	const char *bangnames;	/* names spelt with a "!": Yahoo */
	const char *function_words;	/* lower case */
	const char *months;	/* lower case */
};

/* The profile for code (as given: "de"), or NULL when there is none. */
const struct txlang *txlang_find(const char *code);

/* The i-th profile, in order of code; NULL past the last. */
const struct txlang *txlang_at(size_t i);

/*
 * Writes the codes of every profile into buf[0..n) as "cs, da, de, ..."
 * (truncated to fit, always NUL-terminated when n > 0) and returns buf,
 * for a message that names the languages there are.
 */
char *txlang_codes(char *buf, size_t n);

/* Whether s[0..n) is one of the words of list. */
int txlang_in(const char *list, const char *s, size_t n);

/*
 * A set of the words of a list, for look-ups in O(1) where txlang_in
 * scans.  The words are borrowed from the list, which must outlive the
 * set (the profiles' lists are static).  txwordset_init returns 0, or -1
 * when memory is exhausted, leaving ws empty; txwordset_free may be called
 * either way.
 */
struct txwordset {
	const char **word;
	unsigned char *len;
	size_t mask;
};

int txwordset_init(struct txwordset *ws, const char *list);
/* Whether s[0..n) (any bytes) is in ws. */
int txwordset_has(const struct txwordset *ws, const char *s, size_t n);
void txwordset_free(struct txwordset *ws);

/*
 * The next word of list, from *list on: its first byte, *n bytes long,
 * with *list moved past it; NULL after the last.
 */
const char *txlang_next(const char **list, size_t *n);

#endif
