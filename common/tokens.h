/*
 * tokens: the suite's one tokenizer.  It cuts text into tokens that cover
 * every byte (whitespace and invalid bytes are tokens too), each with its
 * byte span, so that a program can classify text and still copy it through.
 * Input need not be valid UTF-8.
 */
#ifndef TX_TOKENS_H
#define TX_TOKENS_H

#include <stddef.h>
#include <stdint.h>

enum txtok_kind {
	TXTOK_SPACE,	/* a run of white space, newlines counted */
	TXTOK_WORD,	/* letters, marks and digits, with inner ' ’ - and .x */
	TXTOK_NUMBER,	/* digits with inner . , : / between digits: 5,600 10:30 3.5 */
	TXTOK_ABBREV,	/* letters each followed by a dot: U.S. e.g. a.m. Ph.D. */
	TXTOK_URL,	/* scheme:// or www. up to white space, less trailing punctuation */
	TXTOK_EMAIL,
	TXTOK_HANDLE,	/* @name */
	TXTOK_HASHTAG,	/* #tag */
	TXTOK_EMOTICON,	/* :-) ;) :( :D :P =) <3 */
	TXTOK_PUNCT,	/* one punctuation mark; a run of one ASCII mark (... ?!? -- ***) */
	TXTOK_SYMBOL,	/* any other code point; a run of one ASCII symbol (===) */
	TXTOK_INVALID	/* one byte that is not valid UTF-8 */
};

enum {
	TXTOK_UPPER = 1,	/* the first letter is upper or title case */
	TXTOK_LOWER = 2,	/* the first letter is lower case */
	TXTOK_ALLCAPS = 4	/* two or more letters, none lower case */
};

struct txtok {
	size_t start, end;	/* byte span in the text */
	enum txtok_kind kind;
	int32_t first;		/* first code point (TXU8_BAD for an invalid byte) */
	int32_t last;		/* last code point */
	unsigned flags;		/* TXTOK_UPPER... for words and abbreviations */
	unsigned newlines;	/* newlines in a SPACE token */
};

/*
 * Scans the token that starts at byte pos of s[0..n), pos < n, into *t and
 * returns its end (> pos).  Bytes before pos are looked at for context
 * (whether @ and # start a handle or a tag).
 */
size_t txtok_next(const char *s, size_t n, size_t pos, struct txtok *t);

/* A name for kind ("word", "number"...), static storage. */
const char *txtok_kind_name(enum txtok_kind kind);

#endif
