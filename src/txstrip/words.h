/*
 * words: txstrip's language knowledge, tables: the function words of
 * each language it knows, and the headings that open what follows an
 * article.  Adding a language is adding rows.
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

/* Section headings, lower case, words separated by single spaces. */
extern const char *const strip_sections[];
extern const size_t strip_nsections;

#endif
