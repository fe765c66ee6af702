/*
 * split: the sentence splitter's engine.  It finds the sentences of one
 * paragraph; it never prints and never exits.
 */
#ifndef TXSPLIT_SPLIT_H
#define TXSPLIT_SPLIT_H

#include <stddef.h>

enum split_newlines { SPLIT_NL_AUTO, SPLIT_NL_SPACE, SPLIT_NL_BREAK };

struct split_opts {
	enum split_newlines newlines;
	const char *lang;	/* "en" (the suite's rules), another ISO 639 code (ICU), or "auto" */
};

struct split_span {
	size_t start, end;	/* byte span of a sentence, without surrounding white space */
};

struct splitter;

/* Returns a splitter for opts, or NULL with a message in *why. */
struct splitter *split_new(const struct split_opts *opts, const char **why);
void split_free(struct splitter *sp);

/*
 * Finds the sentences of paragraph s[0..n) (no blank line inside; any
 * bytes, valid UTF-8 or not).  *out points to an array owned by sp, valid
 * until the next call, of sentences in order; together they cover every
 * byte of s that is not white space.  Returns their number, or -1 when
 * memory is exhausted.
 */
long split_para(struct splitter *sp, const char *s, size_t n,
    const struct split_span **out);

#endif
