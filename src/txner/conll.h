/*
 * conll: sentences one token a line, as taggers exchange them.  A line is
 * FORM, or FORM<TAB>...<TAB>TAG, or the UNER/CoNLL-U layout ID<TAB>FORM<TAB>TAG...;
 * a blank line ends a sentence; a line starting with "# " is a comment.
 * A line "# newdoc ..." (CoNLL-U) or "-DOCSTART- ..." (CoNLL 2003) starts
 * a document.
 * Fields are separated by tabs, or by spaces on a line without a tab.
 */
#ifndef TXNER_CONLL_H
#define TXNER_CONLL_H

#include <stddef.h>

/*
 * The form and tag of one line s[0..n) (no newline; a CR at its end is
 * not part of either): byte spans into s, the tag empty when the line has
 * none.  Returns 1 for a token, 0 for a comment, a document's start or a
 * blank line.
 */
int conll_line(const char *s, size_t n, size_t *fs, size_t *fe, size_t *ts,
    size_t *te);

/* Whether the line s[0..n) starts a document. */
int conll_newdoc(const char *s, size_t n);

/* A file of sentences, read whole. */
struct conll {
	char *buf;		/* each form and tag, NUL-terminated */
	size_t len, cap;
	size_t *start, *end;	/* token i's form is buf[start[i]..end[i]) */
	size_t *tag;		/* and its tag is the string at buf + tag[i] */
	size_t ntok, tcap;
	size_t *sent;		/* sentence i is tokens [sent[i], sent[i + 1]) */
	size_t nsent, scap;
	size_t *doc;		/* document i is sentences [doc[i], doc[i + 1]) */
	size_t ndoc, dcap;	/* one document when the file marks none */
};

/*
 * Reads path into c.  Returns 0, or -1 with *why set (static storage, or
 * strerror's): unreadable, or memory.
 */
int conll_read_file(struct conll *c, const char *path, const char **why);
void conll_free(struct conll *c);

#endif
