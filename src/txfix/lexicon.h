/*
 * lexicon: word and word-pair counts and known-word flags, in one compact
 * file that is mapped into memory, not parsed.  Keys are lower case UTF-8.
 *
 * A tx model file (common/model.h) of kind "txfix-lexicon-1", sections:
 *   words  nwords x { u32 off, u16 len, u16 flags, u64 count }  sorted by key bytes
 *   pairs  npairs x { u32 w1, u32 w2, u64 count }              sorted by (w1, w2)
 *   pool   the keys' bytes
 *   total  u64, the sum of all word counts
 *   join   optional, the join scorer (fix_join.c): u32 bits, u32 0, f32 bias,
 *          f32 threshold, then 1 << bits f32 weights by feature slot
 *   windex u32 bits, u32 idbits, then 1 << bits u32 slots: word + 1 in the
 *          low idbits bits (the fewest that hold nwords), the high bits of
 *          h = txhash(key, 0) >> 32 above them; word w at the first free
 *          slot from h & mask, probing on
 *   pindex u32 bits, u32 0, then 1 << bits u32 slots of pair + 1, by the
 *          txhash of the pair's two u32 word numbers, little-endian
 * every integer little-endian; an f32 is stored as its bit pattern.  A
 * look-up is one probe of an index, usually; a file without the indexes
 * (an older mklex's) is searched by bisection and walked whole on open.
 */
#ifndef TXFIX_LEXICON_H
#define TXFIX_LEXICON_H

#include <stddef.h>
#include <stdint.h>

enum {
	LEX_LOWER = 1,		/* in a word list in lower case: a dictionary word */
	LEX_UPPER = 2,		/* in a word list capitalized: a name */
	LEX_COUNTED = 4,	/* from a frequency list, which also holds junk ("hasa") */
	LEX_RARE = 8		/* only in a larger word list (SCOWL 80, 95): real but rare */
};

struct lexicon;

/*
 * Maps the lexicon file path.  Returns NULL with a message in *why when
 * the file cannot be read or is not a valid lexicon: the checksum, the
 * sections' sizes and, without indexes, every offset and the order of the
 * tables are checked; with them, each entry a look-up reaches is
 * bounds-checked as it is read, so that no file is read out of bounds.
 */
struct lexicon *lex_open(const char *path, const char **why);
void lex_close(struct lexicon *lx);

/* The index of word s[0..n) (lower case), or -1. */
long lex_find(const struct lexicon *lx, const char *s, size_t n);
uint64_t lex_count(const struct lexicon *lx, long w);
unsigned lex_flags(const struct lexicon *lx, long w);
/* The count of the pair (w1, w2), 0 if unlisted. */
uint64_t lex_pair(const struct lexicon *lx, long w1, long w2);
/* The sum of all word counts. */
uint64_t lex_total(const struct lexicon *lx);
size_t lex_nwords(const struct lexicon *lx);
/* The key of word w, not NUL-terminated, length in *n. */
const char *lex_word(const struct lexicon *lx, long w, size_t *n);

/* The join scorer a lexicon holds, trained by build/mkjoin (mk/lexicon.sh). */
struct lex_join {
	unsigned bits;		/* features are hashed into 1 << bits slots */
	unsigned version;	/* of the feature set it was trained on (fix.h) */
	float bias, threshold;	/* a split is made when bias + weights > threshold */
	const unsigned char *w;	/* the weights, f32 little-endian */
};

/* Fills *j and returns 0; -1 when lx has no join scorer. */
int lex_join(const struct lexicon *lx, struct lex_join *j);
/* The weight of feature slot f (< 1 << j->bits). */
float lex_join_weight(const struct lex_join *j, uint32_t f);

/* A lexicon being built in memory. */
struct lexbuild;

struct lexbuild *lexb_new(void);
void lexb_free(struct lexbuild *b);
/*
 * Adds count and flags to word s[0..n) (lowered here), or to the pair
 * (a, b).  Returns 0, or -1 when memory is exhausted.
 */
int lexb_add(struct lexbuild *b, const char *s, size_t n, uint64_t count,
    unsigned flags);
/*
 * Adds flags to word s[0..n), and gives it count when it has none yet (a
 * listed word missing from the frequency list).
 */
int lexb_add_listed(struct lexbuild *b, const char *s, size_t n,
    unsigned flags, uint64_t count);
int lexb_add_pair(struct lexbuild *b, const char *a, size_t an,
    const char *c, size_t cn, uint64_t count);
/*
 * Counts the words of text s[0..n) (any bytes) as the suite's tokenizer
 * finds them, and each pair of adjacent words.  Returns 0, or -1 when
 * memory is exhausted.
 */
int lexb_add_text(struct lexbuild *b, const char *s, size_t n);
/* Adds every word and pair of lx, and takes its join scorer if it has one. */
int lexb_add_lexicon(struct lexbuild *b, const struct lexicon *lx);
/*
 * Gives the lexicon the join scorer of 1 << bits weights w (copied), bias
 * and threshold, trained on feature set version.  Returns 0, or -1 when
 * memory is exhausted or bits is outside 8..24.
 */
int lexb_set_join(struct lexbuild *b, unsigned bits, unsigned version,
    const float *w, float bias, float threshold);
/*
 * Writes the lexicon to fd, as made by producer (a program's name), in
 * buffered writes.  Returns 0, or -1 with errno set.
 */
int lexb_write(struct lexbuild *b, int fd, const char *producer);

#endif
