/*
 * fix_impl: what the files of txfix's engine share (fix.c, the table and
 * the document; fix_unicode.c, fix_space.c, fix_hyphen.c, fix_join.c and
 * fix_names.c, one family of rules each).  Not for the program: fix.h is.
 */
#ifndef TXFIX_FIX_IMPL_H
#define TXFIX_FIX_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "fix.h"
#include "lang.h"
#include "lexicon.h"
#include "tokens.h"
#include "utf8.h"

/*
 * Every threshold of the rules, in one place.  The join scorer's weights
 * are learned (mkjoin.c); these are bounds and the few rules' constants.
 */
/* a word longer than this many bytes is never split or compared: work stays linear */
#define MAXWORD		40
/* a joined run is split into at most this many words */
#define NPARTS		4
/* a part of a split spanning a lower-to-upper change ("aData") costs this much log-likelihood */
#define CASE_CUT_COST	5.0
/* a word glued after an 's ("it'sover") is a function word or this common */
#define GLUED_MIN	200000ULL
/* a misspelled name is once in its document, the right one at least this often there */
#define NAME_MIN	3
/*
 * a name is a capitalized word of at least this many bytes: shorter ones
 * one edit apart are mostly two names (Sandi, Saudi; Pahl, Paul)
 */
#define NAME_MINLEN	6
/* a document is English for the lexicon rules with this many words, of which */
#define ENGLISH_MIN_WORDS 3
/* at least this many in ten are listed */
#define ENGLISH_TENTHS	7

/* The document's words, lower-cased (ASCII), with their counts. */
struct dword {
	const char *s;
	size_t n;
	uint64_t hash;		/* of s[0..n), ASCII case folded */
	long lexid;		/* its lexicon entry, -2 until looked up */
	/* R_JOINED's candidate for this spelling, as spelt at split */
	const char *split;
	float lm;		/* its log-likelihood ratio */
	unsigned count;
	/* R_NAMES: 0 not yet seen, 1 to index, 2 indexed, 3 used too seldom */
	unsigned char indexed;
	unsigned char letters;	/* only ASCII letters */
	signed char ncut;
	unsigned char cut[3];
	signed char typo;	/* mag() of the commonest word one edit away, -1 until needed */
};

/* A slot of the spelling hash: word id, if gen is the current document's. */
struct dslot {
	uint32_t gen, id;
};

/* One repair while the rules run: bytes [start, end) become a replacement in the pool. */
struct fix_edit {
	size_t start, end;
	enum fix_rule rule;
	size_t repl;		/* offset of the replacement in the fixer's pool */
	size_t repllen;
};

struct fixer {
	struct fix_opts o;
	const struct lexicon *lx;
	const char *s;
	size_t n;
	struct txtok *tk;
	size_t ntk, captk;
	struct fix_edit *ed;
	size_t ned, caped;
	struct txedit *out;	/* what fix_doc returns */
	size_t capout;
	char *pool;
	size_t npool, cappool;
	struct dword *dw;	/* the document's words, by id: order of first use */
	size_t dwcap, dwn;
	struct dslot *dslot;	/* a hash of their spellings */
	size_t dslotcap;
	uint32_t gen;		/* the current document, for dslot */
	uint32_t *tslot;	/* each word token's word id */
	size_t tslotcap;
	size_t *names;		/* for R_NAMES: hash of deletion variants -> token index */
	int english;		/* the document is English enough for the lexicon */
	long camel;		/* R_JOINED: its share of words like "getValue", 0-4 */
	long docsize;		/* R_JOINED: its size in words, 0-2 */
	struct lex_join join;	/* the lexicon's join scorer, if has_join */
	int has_join;
	/* word lists, as sets */
	struct txwordset function_words, months, short_words, affixes;
	float typo_w[2];	/* the least and greatest weight of F_TYPO */
	size_t namescap;
};

/* Whether rule r is on. */
static inline int
on(const struct fixer *fx, enum fix_rule r)
{
	return (fx->o.rules >> r) & 1;
}

static inline int
ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
is_word_cp(int32_t cp)
{
	return txu8_is_letter(cp) || txu8_is_digit(cp) || txu8_is_mark(cp);
}

/* The code point that ends before byte i of s, TXU8_END at 0. */
static inline int32_t
cp_before(const char *s, size_t i)
{
	int32_t cp;

	if (i == 0)
		return TXU8_END;
	txu8_decode_back(s, i, &cp);
	return cp;
}

/*
 * Records that rule r replaces bytes [start, end) of the document with
 * repl[0..len) (copied).  Returns 0, or -1 when memory is exhausted.
 */
int fx_edit(struct fixer *fx, size_t start, size_t end, enum fix_rule r,
    const char *repl, size_t len);

/* The lexicon's entry for s[0..n) lower-cased, or -1 (fx->lx must be set). */
long fx_lookup(const struct fixer *fx, const char *s, size_t n);
/* Whether entry w is a word the lexicon counts or lists (not only a rare one). */
int fx_known(const struct fixer *fx, long w);
/* How often the document uses s[0..n), ASCII case folded. */
unsigned fx_doc_count(struct fixer *fx, const char *s, size_t n);
/* The document entry of word token i, and its lexicon entry (looked up once). */
struct dword *fx_tok_word(struct fixer *fx, size_t i);
long fx_tok_lex(struct fixer *fx, size_t i);
/* Whether w[0..n), ASCII lowered ("-" before it if suffix), is in set. */
int fx_in_words(const struct txwordset *set, const char *w, size_t n, int suffix);
/* Whether w[0..n) is an English function word. */
int fx_function_word(const struct fixer *fx, const char *w, size_t n);
/* fix_join.c's lists: two-letter words that may be a part, and affixes ("-" before a suffix). */
extern const char fx_short_words[], fx_affixes[];

/* fix_join.c: the typo feature's weight range, and the test the zero-width rule asks. */
void fx_typo_range(struct fixer *fx);
int fx_zw_between_words(struct fixer *fx, size_t i, size_t e);

/* The rules, one function each, in fix.c's table.  Each returns 0, or -1 when memory is exhausted. */
int rule_mojibake(struct fixer *);
int rule_nfc(struct fixer *);
int rule_zero_width(struct fixer *);
int rule_nbsp(struct fixer *);
int rule_spaces(struct fixer *);
int rule_space_before(struct fixer *);
int rule_sentence_space(struct fixer *);
int rule_clause_space(struct fixer *);
int rule_quotes(struct fixer *);
int rule_hyphenation(struct fixer *);
int rule_names(struct fixer *);
int rule_joined(struct fixer *);

#endif
