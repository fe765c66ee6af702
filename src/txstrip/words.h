/*
 * words: txstrip's language knowledge, a table: the function words of
 * each language it knows.  Adding a language is adding a row.
 */
#ifndef TXSTRIP_WORDS_H
#define TXSTRIP_WORDS_H

#include <stddef.h>

#define STRIP_MAXLANG 16

struct strip_fwords {
	const char *code;	/* ISO 639-1 */
	const char *words;	/* lower case, separated by single spaces */
};

extern const struct strip_fwords strip_fwords[];
extern const size_t strip_nfwords;

#endif
