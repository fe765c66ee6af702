/*
 * fix: txfix's engine.  It finds the repairs of one document and returns
 * them as edits of the original bytes; it never prints and never exits.
 */
#ifndef TXFIX_FIX_H
#define TXFIX_FIX_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "span.h"

/*
 * The rules, in the order they run and claim text: an earlier rule's edit
 * wins (a misspelled name is the names rule's, though it reads as two
 * words).  fix.c's table has a row for each.
 */
enum fix_rule {
	R_MOJIBAKE, R_NFC, R_ZERO_WIDTH, R_NBSP, R_SPACES, R_SPACE_BEFORE,
	R_SENTENCE_SPACE, R_CLAUSE_SPACE, R_QUOTE_SPACE, R_HYPHENATION,
	R_NAMES, R_JOINED, R_NRULES
};

/* The rule's name, as --only and --skip and the log spell it. */
const char *fix_rule_name(enum fix_rule r);
/* The rule's summary, one line for --help. */
const char *fix_rule_summary(enum fix_rule r);
/* The rule called name, or -1. */
int fix_rule_find(const char *name);
/*
 * Parses a comma-separated list of rule names into a mask of (1 << rule)
 * bits.  Returns 0, or -1 with the first unknown name at *bad in list,
 * *badlen bytes long.
 */
int fix_rules_parse(const char *list, unsigned *mask, const char **bad,
    int *badlen);

/*
 * A longer document is repaired in pieces of at most this many bytes
 * (txfix --window), so that memory is bounded by the piece: see txfix(1).
 */
#define FIX_WINDOW ((size_t)2 << 20)
#define FIX_WINDOW_MIN ((size_t)64 << 10)

/*
 * The join scorer's candidates, for training it (build/mkjoin): a token
 * at bytes [start, end) of the document, the split it would make (cuts
 * as offsets in the token), and the feature slots the scorer weighs.
 */
#define JOIN_BITS 16		/* slots a trained scorer has: 1 << JOIN_BITS */
#define JOIN_MAXFEAT 80	/* a candidate of four parts has at most 62 */
/*
 * The feature set's version, kept with a trained scorer: 1 added F_GLUE
 * and F_CAMELDOC, 2 the document's size to the counts in it.
 */
#define JOIN_FEAT_VERSION 2
struct fix_join {
	size_t start, end;
	int ncut;
	size_t cut[3];
	const uint32_t *feat;
	size_t nfeat;
};

struct fix_opts {
	unsigned rules;		/* bit (1 << rule) for each rule to apply */
	int nfkc;		/* NFKC instead of NFC */
	int keep_nbsp;		/* keep NBSP between a number and its unit */
	/*
	 * When set, each candidate split of a word goes to join_sink(join_arg,
	 * candidate), borrowed for the call, and no word is split.
	 */
	void (*join_sink)(void *, const struct fix_join *);
	void *join_arg;
};

struct fixer;

/*
 * Why lexicon lx cannot serve a fixer (its join scorer was trained on
 * another feature set than this program's), or NULL when it can.
 */
const char *fix_lexicon_problem(const struct lexicon *lx);

/* A fixer for opts over lexicon lx (borrowed; may be NULL: no lexicon rules). */
struct fixer *fix_new(const struct fix_opts *opts, const struct lexicon *lx);
void fix_free(struct fixer *fx);

/*
 * Finds the repairs of document s[0..n) (any bytes).  *out points to an
 * array owned by fx, valid until the next call: edits in order of start,
 * not overlapping, each rule named as fix_rule_name names it.  Returns
 * their number, or -1 when memory is exhausted.  Work is linear in n:
 * every search has a fixed bound (see fix_impl.h).
 */
long fix_doc(struct fixer *fx, const char *s, size_t n,
    const struct txedit **out);

#endif
