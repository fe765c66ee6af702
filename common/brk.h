/*
 * brk: ICU's word and sentence break iterators over UTF-8 in place (UText),
 * with an explicit locale so that results never depend on the environment.
 * Offsets are byte offsets into the caller's text.  Invalid bytes are seen by
 * ICU as U+FFFD and keep their own offsets.
 */
#ifndef TX_BRK_H
#define TX_BRK_H

#include <stddef.h>

enum txbrk_kind { TXBRK_WORD, TXBRK_SENTENCE };

struct txbrk;

/*
 * Opens an iterator of the given kind for locale (e.g. "en", "de"; NULL or
 * "" is the root locale).  When suppress is non-zero, the locale's
 * abbreviation suppressions (ICU's "ss=standard") apply to sentence breaks.
 * Returns NULL on failure with a message in *why (static storage).
 */
struct txbrk *txbrk_open(enum txbrk_kind kind, const char *locale,
    int suppress, const char **why);

void txbrk_close(struct txbrk *b);

/*
 * Points b at s[0..n), n < 2 GiB (ICU offsets are 32-bit).  s is not
 * copied and must outlive the iteration.
 * Returns 0, or -1 with *why set.
 */
int txbrk_set_text(struct txbrk *b, const char *s, size_t n, const char **why);

/* Returns the byte offset of the next boundary after the current one, or -1 at the end. */
long txbrk_next(struct txbrk *b);

/* Whether the boundary just returned by txbrk_next ended a word of letters, numbers or ideographs (word iterators). */
int txbrk_is_word(struct txbrk *b);

#endif
