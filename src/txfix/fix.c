/*
 * fix: txfix's engine, the rule table and what the rules share.
 *
 * A document is tokenized once (common/tokens.h) and its words counted in
 * a hash by spelling, ASCII case folded, each looked up in the lexicon at
 * most once; whether the document is English enough for the lexicon's
 * rules is decided over that vocabulary.  Each rule of the table then
 * proposes edits of the original bytes; they are sorted, and where two
 * overlap the earlier rule's is kept.  The rules are in fix_unicode.c,
 * fix_space.c, fix_hyphen.c, fix_join.c and fix_names.c; their thresholds
 * in fix_impl.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fix_impl.h"
#include "hash.h"
#include "lang.h"
#include "vec.h"

/*
 * The rules, one row each, in the order of enum fix_rule: the order in
 * which they run and claim text (where two edits overlap, the earlier
 * row's wins).  --only, --skip, --help and txfix(1) (checked by
 * tests/docs.sh) take their names from here.
 */
enum { NEEDS_LEXICON = 1, NEEDS_ENGLISH = 2 };

static const struct rule_row {
	const char *name;
	int (*run)(struct fixer *);
	unsigned needs;
	const char *summary;
} rules[R_NRULES] = {
	[R_MOJIBAKE] = { "mojibake", rule_mojibake, 0,
	    "text decoded in the wrong character set" },
	[R_NFC] = { "nfc", rule_nfc, 0,
	    "Unicode normalization (NFKC with --nfkc)" },
	[R_ZERO_WIDTH] = { "zero-width", rule_zero_width, 0,
	    "zero-width characters and soft hyphens in words" },
	[R_NBSP] = { "nbsp", rule_nbsp, 0,
	    "no-break spaces beside or between words" },
	[R_SPACES] = { "spaces", rule_spaces, 0,
	    "runs of spaces and tabs, trailing white space" },
	[R_SPACE_BEFORE] = { "space-before-punct", rule_space_before, 0,
	    "a space before , ; : ! ? or ." },
	[R_SENTENCE_SPACE] = { "sentence-space", rule_sentence_space, 0,
	    "a lost space after a sentence's end" },
	[R_CLAUSE_SPACE] = { "clause-space", rule_clause_space, 0,
	    "a lost space after , ; : ) ] or before (" },
	[R_QUOTE_SPACE] = { "quote-space", rule_quotes, 0,
	    "a lost space outside a quotation" },
	[R_HYPHENATION] = { "hyphenation", rule_hyphenation, NEEDS_LEXICON,
	    "a word broken across lines (lexicon)" },
	[R_NAMES] = { "names", rule_names, NEEDS_LEXICON | NEEDS_ENGLISH,
	    "a name misspelt once (lexicon, English)" },
	[R_JOINED] = { "joined-words", rule_joined, NEEDS_LEXICON | NEEDS_ENGLISH,
	    "words run together (lexicon, English)" },
};

const char *
fix_rule_name(enum fix_rule r)
{
	return (unsigned)r < R_NRULES ? rules[r].name : "?";
}

const char *
fix_rule_summary(enum fix_rule r)
{
	return (unsigned)r < R_NRULES ? rules[r].summary : "?";
}

int
fix_rule_find(const char *name)
{
	int i;

	for (i = 0; i < R_NRULES; i++)
		if (strcmp(name, rules[i].name) == 0)
			return i;
	return -1;
}

int
fix_rules_parse(const char *list, unsigned *mask, const char **bad,
    int *badlen)
{
	char name[64];
	size_t n;
	int r;

	*mask = 0;
	for (;;) {
		n = strcspn(list, ",");
		snprintf(name, sizeof(name), "%.*s", (int)n, list);
		if (n >= sizeof(name) || (r = fix_rule_find(name)) < 0) {
			*bad = list;
			*badlen = (int)(n < 64 ? n : 64);
			return -1;
		}
		*mask |= 1u << r;
		if (list[n] == '\0')
			return 0;
		list += n + 1;
	}
}

const char *
fix_lexicon_problem(const struct lexicon *lx)
{
	struct lex_join j;

	return lex_join(lx, &j) == 0 && j.version != JOIN_FEAT_VERSION ?
	    "its join scorer was trained on another feature set (make model-join)" :
	    NULL;
}

struct fixer *
fix_new(const struct fix_opts *o, const struct lexicon *lx)
{
	struct fixer *fx = calloc(1, sizeof(*fx));
	const struct txlang *en;
	int r;

	if (fx == NULL)
		return NULL;
	fx->o = *o;
	fx->lx = lx;
	en = txlang_find("en");
	if (txwordset_init(&fx->function_words, en->function_words) != 0 ||
	    txwordset_init(&fx->months, en->months) != 0 ||
	    txwordset_init(&fx->short_words, fx_short_words) != 0 ||
	    txwordset_init(&fx->affixes, fx_affixes) != 0) {
		fix_free(fx);
		return NULL;
	}
	if ((fx->has_join = lx != NULL && lex_join(lx, &fx->join) == 0))
		fx_typo_range(fx);
	/* training hashes into the table it trains, whatever the lexicon holds */
	if (fx->o.join_sink != NULL)
		fx->join.bits = JOIN_BITS;
	for (r = 0; r < R_NRULES; r++)
		if (lx == NULL && (rules[r].needs & NEEDS_LEXICON))
			fx->o.rules &= ~(1u << r);
	return fx;
}

void
fix_free(struct fixer *fx)
{
	size_t i;

	if (fx == NULL)
		return;
	{
		void *const owned[] = { fx->tk, fx->ed, fx->out, fx->pool, fx->dw,
		    fx->names, fx->tslot, fx->dslot };

		for (i = 0; i < sizeof(owned) / sizeof(owned[0]); i++)
			free(owned[i]);
	}
	txwordset_free(&fx->function_words);
	txwordset_free(&fx->months);
	txwordset_free(&fx->short_words);
	txwordset_free(&fx->affixes);
	free(fx);
}

int
fx_edit(struct fixer *fx, size_t start, size_t end, enum fix_rule r,
    const char *repl, size_t len)
{
	struct fix_edit *e;

	if (txvec_grow((void **)&fx->ed, &fx->caped, fx->ned + 1, sizeof(*fx->ed)) != 0 ||
	    txvec_grow((void **)&fx->pool, &fx->cappool, fx->npool + len + 1, 1) != 0)
		return -1;
	e = &fx->ed[fx->ned++];
	e->start = start;
	e->end = end;
	e->rule = r;
	e->repl = fx->npool;
	e->repllen = len;
	memcpy(fx->pool + fx->npool, repl, len);
	fx->npool += len;
	fx->pool[fx->npool++] = '\0';
	return 0;
}

/* --- the lexicon ------------------------------------------------------- */

/* Eight bytes with their ASCII capitals lowered; other bytes as they are. */
static inline uint64_t
fold8(uint64_t v)
{
	uint64_t low7 = v & 0x7F7F7F7F7F7F7F7FULL;
	/* a byte's top bit set: it is at least 'A'; at least '[' */
	uint64_t ge_a = low7 + 0x3F3F3F3F3F3F3F3FULL;
	uint64_t gt_z = low7 + 0x2525252525252525ULL;

	return v | ((ge_a & ~gt_z & ~v & 0x8080808080808080ULL) >> 2);
}

/* The lexicon's entry for s[0..n) lower-cased, or -1. */
long
fx_lookup(const struct fixer *fx, const char *s, size_t n)
{
	char buf[MAXWORD * 2 + 8];
	size_t i, k = 0;
	uint64_t w;
	int32_t cp;
	int l;

	if (n == 0 || n > MAXWORD)
		return -1;
	if (txu8_skip_ascii(s, 0, n) == n) {
		for (i = 0; i < n; i += 8) {
			k = n - i < 8 ? n - i : 8;
			w = 0;
			memcpy(&w, s + i, k);
			w = fold8(w);
			memcpy(buf + i, &w, k);
		}
		return lex_find(fx->lx, buf, n);
	}
	for (i = 0; i < n; i += (size_t)l) {
		if ((unsigned char)s[i] < 0x80) {
			buf[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
			l = 1;
			continue;
		}
		l = txu8_decode(s + i, n - i, &cp);
		if (TXU8_ISBAD(cp))
			return -1;
		k += (size_t)txu8_encode(txu8_tolower(cp), buf + k);
	}
	return lex_find(fx->lx, buf, k);
}

int
fx_known(const struct fixer *fx, long w)
{
	return w >= 0 && (lex_count(fx->lx, w) > 0 ||
	    (lex_flags(fx->lx, w) & ~(unsigned)LEX_RARE) != 0);
}

/* --- the document's own words ------------------------------------------ */

/* txhash of s[0..n) with ASCII letters lowered, any length, eight bytes at a time. */
static uint64_t
fold_hash(const char *s, size_t n)
{
	uint64_t h = txhash_start(n, 0), w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = txhash_block(h, fold8(w));
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	return txhash_end(h, fold8(w), n & 7);
}
static int
fold_eq(const char *a, const char *b, size_t n)
{
	unsigned char x, y;

	while (n-- > 0) {
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return 0;
	}
	return 1;
}

/*
 * The id of the document's word spelt s[0..n) (ASCII case folded) with
 * hash h, or -1; *slot is where it is or would go.
 */
static long
doc_find(const struct fixer *fx, const char *s, size_t n, uint64_t h,
    size_t *slot)
{
	size_t k = h & (fx->dslotcap - 1);
	const struct dslot *sl;
	const struct dword *d;

	for (;; k = (k + 1) & (fx->dslotcap - 1)) {
		sl = &fx->dslot[k];
		/* a slot of an earlier document is empty: the table is not cleared */
		if (sl->gen != fx->gen)
			break;
		d = &fx->dw[sl->id];
		if (d->hash == h && d->n == n && fold_eq(d->s, s, n))
			return sl->id;
	}
	*slot = k;
	return -1;
}

static int
doc_grow(struct fixer *fx)
{
	struct dslot *old = fx->dslot;
	size_t cap = fx->dslotcap ? fx->dslotcap * 2 : 1024, i, k;

	if ((fx->dslot = calloc(cap, sizeof(*fx->dslot))) == NULL) {
		fx->dslot = old;
		return -1;
	}
	free(old);
	fx->dslotcap = cap;
	/* a fresh table: generation 0 is no document's */
	fx->gen = 1;
	for (i = 0; i < fx->dwn; i++) {
		doc_find(fx, fx->dw[i].s, fx->dw[i].n, fx->dw[i].hash, &k);
		fx->dslot[k].gen = fx->gen;
		fx->dslot[k].id = (uint32_t)i;
	}
	return 0;
}

static int
doc_words(struct fixer *fx)
{
	struct dword *d;
	const char *w;
	size_t i, j, k, n;
	uint64_t h;
	long id;

	fx->dwn = 0;
	/* at 2^32 documents the slots' generations would come round again */
	if (fx->dslotcap == 0 || ++fx->gen == 0) {
		free(fx->dslot);
		fx->dslot = NULL;
		fx->dslotcap = 0;
		if (doc_grow(fx) != 0)
			return -1;
	}
	if (txvec_grow((void **)&fx->tslot, &fx->tslotcap, fx->ntk + 1,
	    sizeof(*fx->tslot)) != 0)
		return -1;
	for (i = 0; i < fx->ntk; i++) {
		if (fx->tk[i].kind != TXTOK_WORD)
			continue;
		w = fx->s + fx->tk[i].start;
		n = fx->tk[i].end - fx->tk[i].start;
		h = fold_hash(w, n);
		if ((id = doc_find(fx, w, n, h, &k)) < 0) {
			if (txvec_grow((void **)&fx->dw, &fx->dwcap, fx->dwn + 1,
			    sizeof(*fx->dw)) != 0)
				return -1;
			id = (long)fx->dwn++;
			d = &fx->dw[id];
			memset(d, 0, sizeof(*d));
			d->s = w;
			d->n = n;
			d->hash = h;
			d->lexid = -2;
			d->letters = 1;
			for (j = 0; j < n; j++)
				d->letters &= ascii_letter((unsigned char)w[j]);
			if (fx->dwn * 2 >= fx->dslotcap) {
				if (doc_grow(fx) != 0)
					return -1;
			} else {
				fx->dslot[k].gen = fx->gen;
				fx->dslot[k].id = (uint32_t)id;
			}
		}
		fx->dw[id].count++;
		fx->tslot[i] = (uint32_t)id;
	}
	return 0;
}

/* The document entry of word token i. */
struct dword *
fx_tok_word(struct fixer *fx, size_t i)
{
	return &fx->dw[fx->tslot[i]];
}

/* The lexicon entry of word token i, looked up once per spelling. */
long
fx_tok_lex(struct fixer *fx, size_t i)
{
	struct dword *d = fx_tok_word(fx, i);

	if (d->lexid == -2)
		d->lexid = fx_lookup(fx, d->s, d->n);
	return d->lexid;
}


unsigned
fx_doc_count(struct fixer *fx, const char *s, size_t n)
{
	uint64_t h = fold_hash(s, n);
	size_t k;
	long id = doc_find(fx, s, n, h, &k);

	return id < 0 ? 0 : fx->dw[id].count;
}

int
fx_in_words(const struct txwordset *set, const char *w, size_t n, int suffix)
{
	char buf[24];
	size_t i;

	if (n + 2 >= sizeof(buf))
		return 0;
	buf[0] = '-';
	for (i = 0; i < n; i++)
		buf[i + 1] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	return suffix ? txwordset_has(set, buf, n + 1) :
	    txwordset_has(set, buf + 1, n);
}

int
fx_function_word(const struct fixer *fx, const char *w, size_t n)
{
	/* none is longer than six letters ("should") */
	return n <= 6 && fx_in_words(&fx->function_words, w, n, 0);
}

static int
tokenize(struct fixer *fx)
{
	size_t pos = 0;

	fx->ntk = 0;
	while (pos < fx->n) {
		if (fx->ntk == fx->captk && txvec_grow((void **)&fx->tk,
		    &fx->captk, fx->ntk + 1, sizeof(*fx->tk)) != 0)
			return -1;
		pos = txtok_next(fx->s, fx->n, pos, &fx->tk[fx->ntk]);
		/* white space is no token here: glued() compares spans */
		if (fx->tk[fx->ntk].kind != TXTOK_SPACE)
			fx->ntk++;
	}
	return 0;
}

/* --- putting it together ------------------------------------------------ */

static int
cmp_edit(const void *x, const void *y)
{
	const struct fix_edit *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return (int)a->rule - (int)b->rule;
}

static int
overlap(const struct fix_edit *a, const struct fix_edit *b)
{
	if (a->start == a->end && b->start == b->end)
		return a->start == b->start;
	/* an insertion touching a replaced span was asked for by text that goes */
	if (a->start == a->end)
		return a->start >= b->start && a->start <= b->end;
	if (b->start == b->end)
		return b->start >= a->start && b->start <= a->end;
	return a->start < b->end && b->start < a->end;
}

/*
 * Whether the document is English enough for the rules that judge words
 * by an English lexicon: of its words, most are listed.  "longtemps" and
 * "trabajo" are no joins.
 */
static void
english(struct fixer *fx)
{
	size_t i, words = 0, listed_words = 0;
	struct dword *d;

	fx->english = 0;
	if (fx->lx == NULL)
		return;
	/* over the vocabulary, not the text: each spelling looked up once */
	for (i = 0; i < fx->dwn; i++) {
		d = &fx->dw[i];
		if (!d->letters)
			continue;
		words += d->count;
		if (d->lexid == -2)
			d->lexid = fx_lookup(fx, d->s, d->n);
		if (lex_flags(fx->lx, d->lexid) & (LEX_LOWER | LEX_UPPER))
			listed_words += d->count;
	}
	fx->english = words >= ENGLISH_MIN_WORDS &&
	    listed_words * 10 >= words * ENGLISH_TENTHS;
}

long
fix_doc(struct fixer *fx, const char *s, size_t n, const struct txedit **out)
{
	size_t i, k;
	int r;

	fx->s = s;
	fx->n = n;
	fx->ned = fx->npool = 0;
	if (tokenize(fx) != 0 || doc_words(fx) != 0)
		return -1;
	english(fx);
	for (r = 0; r < R_NRULES; r++)
		if (on(fx, r) && (fx->english || !(rules[r].needs & NEEDS_ENGLISH)) &&
		    rules[r].run(fx) != 0)
			return -1;
	if (fx->ned > 0)
		qsort(fx->ed, fx->ned, sizeof(*fx->ed), cmp_edit);
	/* where two edits overlap, the earlier rule wins */
	for (i = 0, k = 0; i < fx->ned; i++) {
		if (k > 0 && overlap(&fx->ed[k - 1], &fx->ed[i])) {
			if (fx->ed[i].rule < fx->ed[k - 1].rule)
				fx->ed[k - 1] = fx->ed[i];
			continue;
		}
		fx->ed[k++] = fx->ed[i];
	}
	fx->ned = k;
	if (k > 0 && txvec_grow((void **)&fx->out, &fx->capout, k,
	    sizeof(*fx->out)) != 0)
		return -1;
	for (i = 0; i < k; i++) {
		fx->out[i].start = fx->ed[i].start;
		fx->out[i].end = fx->ed[i].end;
		fx->out[i].repl = fx->pool + fx->ed[i].repl;
		fx->out[i].repllen = fx->ed[i].repllen;
		fx->out[i].rule = rules[fx->ed[i].rule].name;
	}
	*out = fx->out;
	return (long)k;
}
