#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "fix.h"
#include "hash.h"
#include "lang.h"
#include "mojibake.h"
#include "tokens.h"
#include "utf8.h"
#include "vec.h"

/*
 * A bound that keeps the work linear: a word longer than MAXWORD bytes is
 * never split or compared (mojibake.c has its own).
 */
#define MAXWORD		40
/* A word glued after an 's ("it'sgood") is a function word or this common. */
#define GLUED_MIN	200000ULL
/*
 * A misspelled name is once in its document, the right one at least this
 * often there: the document's evidence, never the language's.
 */
#define NAME_MIN	3


static const char *const rule_name[R_NRULES] = {
	"mojibake", "nfc", "zero-width", "nbsp", "spaces", "space-before-punct",
	"sentence-space", "clause-space", "quote-space", "hyphenation",
	"names", "joined-words",
};

const char *
fix_rule_name(enum fix_rule r)
{
	return (unsigned)r < R_NRULES ? rule_name[r] : "?";
}

int
fix_rule_find(const char *name)
{
	int i;

	for (i = 0; i < R_NRULES; i++)
		if (strcmp(name, rule_name[i]) == 0)
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

/*
 * A direct-mapped cache of lexicon look-ups: words are Zipf-distributed,
 * so most look-ups of a stream of short documents hit it.  It holds facts
 * about the lexicon, not about any document.
 */
#define CACHE_BITS	16
#define CACHE_KEY	23

struct lexcache {
	unsigned char len;	/* 0: empty */
	char key[CACHE_KEY];
	long id;
};

/* The document's words, lower-cased (ASCII), with their counts. */
struct dword {
	const char *s;
	size_t n;
	long lexid;		/* its lexicon entry, -2 until looked up */
	unsigned long long gen;	/* the document it belongs to: older ones are empty */
	/* R_JOINED's candidate for this spelling, as spelt at split */
	const char *split;
	float lm;		/* its log-likelihood ratio */
	unsigned count;
	uint32_t id;		/* order of first appearance, stable across growth */
	unsigned char indexed;	/* R_NAMES: its variants are in the index */
	unsigned char letters;	/* only ASCII letters */
	signed char ncut;
	unsigned char cut[3];
	signed char typo;	/* mag() of the commonest word one edit away, -1 until needed */
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
	struct dword *dw;
	size_t dwcap, dwn;
	unsigned long long gen;	/* the current document, for dw */
	uint32_t *tslot;	/* each word token's word id */
	size_t tslotcap;
	uint32_t *idslot;	/* word id -> slot in dw */
	size_t idslotcap;
	size_t *names;		/* for R_NAMES: hash of deletion variants -> token index */
	int english;		/* the document is English enough for the lexicon */
	struct lexcache *cache;	/* recent lexicon look-ups, across documents */
	struct lex_join join;	/* the lexicon's join scorer, if has_join */
	int has_join;
	float typo_w[2];	/* the least and greatest weight of F_TYPO */
	size_t namescap;
};

static void typo_range(struct fixer *fx);

struct fixer *
fix_new(const struct fix_opts *o, const struct lexicon *lx)
{
	struct fixer *fx = calloc(1, sizeof(*fx));

	if (fx == NULL)
		return NULL;
	fx->o = *o;
	fx->lx = lx;
	if ((fx->cache = calloc((size_t)1 << CACHE_BITS, sizeof(*fx->cache))) == NULL) {
		free(fx);
		return NULL;
	}
	if ((fx->has_join = lx != NULL && lex_join(lx, &fx->join) == 0))
		typo_range(fx);
	/* training hashes into the table it trains, whatever the lexicon holds */
	if (fx->o.join_sink != NULL)
		fx->join.bits = JOIN_BITS;
	if (lx == NULL)
		fx->o.rules &= ~((1u << R_JOINED) | (1u << R_HYPHENATION) |
		    (1u << R_NAMES));
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
		    fx->names, fx->tslot, fx->idslot, fx->cache };

		for (i = 0; i < sizeof(owned) / sizeof(owned[0]); i++)
			free(owned[i]);
	}
	free(fx);
}

static int
on(const struct fixer *fx, enum fix_rule r)
{
	return (fx->o.rules >> r) & 1;
}

static int
edit(struct fixer *fx, size_t start, size_t end, enum fix_rule r,
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

static int function_word(const char *w, size_t n);

static int32_t
cp_before(const char *s, size_t i)
{
	int32_t cp;

	if (i == 0)
		return TXU8_END;
	txu8_decode_back(s, i, &cp);
	return cp;
}

static int
ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_word_cp(int32_t cp)
{
	return txu8_is_letter(cp) || txu8_is_digit(cp) || txu8_is_mark(cp);
}

/* --- mojibake (mojibake.c) -------------------------------------------- */

static int
moji_edit(void *arg, size_t start, size_t end, const char *repl, size_t len)
{
	return edit(arg, start, end, R_MOJIBAKE, repl, len);
}

static int
rule_mojibake(struct fixer *fx)
{
	return moji_find(fx->s, fx->n, moji_edit, fx) < 0 ? -1 : 0;
}

/* --- Unicode normalization --------------------------------------------- */

static int
rule_nfc(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i = 0, start, outlen;
	char *out;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		/* the run, with the ASCII letter that marks may combine with */
		start = i > 0 && ascii_letter((unsigned char)s[i - 1]) ?
		    i - 1 : i;
		while (i < n && (unsigned char)s[i] >= 0x80)
			i++;
		if (txu8_normalize(s + start, i - start, fx->o.nfkc ? TXU8_NFKC :
		    TXU8_NFC, &out, &outlen) != 0)
			return -1;
		if ((outlen != i - start || memcmp(out, s + start, outlen) != 0) &&
		    edit(fx, start, i, R_NFC, out, outlen) != 0) {
			free(out);
			return -1;
		}
		free(out);
	}
	return 0;
}

/* --- invisible characters and spaces ----------------------------------- */

/*
 * Zero-width characters and no-break spaces, in one walk over the
 * non-ASCII characters: a zero-width space, word joiner, BOM or soft
 * hyphen inside a word goes (R_ZERO_WIDTH); a no-break space next to a
 * space goes, one between words becomes a space (R_NBSP).
 */
static int zw_between_words(struct fixer *fx, size_t i, size_t e);

static int
rule_invisible(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i = 0, e;
	int32_t cp, prev, next;
	int l, l2;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		cp = txu8_at(s, n, i, &l);
		e = i + (size_t)l;
		/* a zero-width space between two words is a space: "deal\u200Bthat" */
		if (on(fx, R_ZERO_WIDTH) && (cp == 0x200B || cp == 0x2060 ||
		    cp == 0xAD || (cp == 0xFEFF && i > 0)) &&
		    is_word_cp(cp_before(s, i)) && is_word_cp(txu8_at(s, n, e, &l2)) &&
		    edit(fx, i, e, R_ZERO_WIDTH, " ", cp == 0x200B &&
		    zw_between_words(fx, i, e) ? 1 : 0) != 0)
			return -1;
		if (on(fx, R_NBSP) && (cp == 0xA0 || cp == 0x202F)) {
			prev = cp_before(s, i);
			next = txu8_at(s, n, e, &l2);
			if (prev == ' ' || next == ' ') {
				if (edit(fx, i, e, R_NBSP, "", 0) != 0)
					return -1;
			} else if ((fx->english || (prev < 0x80 && next < 0x80)) &&
			    is_word_cp(next) && (is_word_cp(prev) || prev == '.' ||
			    prev == ',' || prev == ';' || prev == ':' || prev == ')') &&
			    !(fx->o.keep_nbsp && txu8_is_digit(prev) &&
			    txu8_is_letter(next)) &&
			    edit(fx, i, e, R_NBSP, " ", 1) != 0)
				return -1;
		}
		i = e;
	}
	return 0;
}

/*
 * Whether the white space s[a..b) separates text: a word or a mark that
 * ends a phrase before it, a word or a quote after it.  Runs between
 * symbols are layout ("OK??:(   `¬´    ):").
 */
static int
spaced(const char *s, size_t n, size_t a, size_t b)
{
	int32_t before = cp_before(s, a), after;
	int l;

	after = txu8_at(s, n, b, &l);
	return (is_word_cp(before) || before == ',' || before == ';' ||
	    before == ':' || txch_is(before, TXCH_TERMINAL | TXCH_CLOSE)) &&
	    (is_word_cp(after) || txch_is(after, TXCH_OPEN));
}

static int
rule_spaces(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i = 0, a, eol;

	while (i < n) {
		/* one line: [i, eol), indentation kept */
		eol = i;
		while (eol < n && s[eol] != '\n')
			eol++;
		while (i < eol && (s[i] == ' ' || s[i] == '\t'))
			i++;
		while (i < eol) {
			if (s[i] != ' ' && s[i] != '\t') {
				i++;
				continue;
			}
			a = i;
			while (i < eol && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (i == eol || (s[i] == '\r' && i + 1 == eol)) {
				if (edit(fx, a, i, R_SPACES, "", 0) != 0)
					return -1;
			} else if ((i - a > 1 || s[a] == '\t') && spaced(s, n, a, i) &&
			    edit(fx, a, i, R_SPACES, " ", 1) != 0)
				return -1;
		}
		i = eol + 1;
	}
	return 0;
}

static int
rule_space_before(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i, a;
	int32_t before;
	unsigned char c, next;

	for (i = 1; i < n; i++) {
		c = (unsigned char)s[i];
		if (s[i - 1] != ' ' || !(c == ',' || c == ';' || c == ':' ||
		    c == '!' || c == '?' || c == '.'))
			continue;
		next = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
		/* "left ,slowly": the space moves to after the comma */
		if ((c == ',' || c == ';') && ascii_letter(next) && i >= 2 &&
		    ascii_letter((unsigned char)s[i - 2])) {
			if (edit(fx, i - 1, i + 1, R_SPACE_BEFORE, c == ',' ? ", " :
			    "; ", 2) != 0)
				return -1;
			continue;
		}
		/* "a .NET", ":)", " ..." stay */
		if (!(next == ' ' || next == '\n' || next == '\r' || next == '"' ||
		    (next == '.' && c != '.') || (c == '?' && next == '!') ||
		    (c == '!' && next == '?') || i + 1 == n))
			continue;
		if (c == '.' && next == '.')
			continue;
		for (a = i; a > 0 && s[a - 1] == ' '; a--)
			;
		if (a == 0 || s[a - 1] == '\n')
			continue;
		before = cp_before(s, a);
		if (!(is_word_cp(before) || txch_is(before, TXCH_CLOSE)))
			continue;
		if (edit(fx, a, i, R_SPACE_BEFORE, "", 0) != 0)
			return -1;
	}
	return 0;
}

/* --- missing spaces between tokens -------------------------------------- */

static int
tokenize(struct fixer *fx)
{
	size_t pos = 0;

	fx->ntk = 0;
	while (pos < fx->n) {
		if (txvec_grow((void **)&fx->tk, &fx->captk, fx->ntk + 1,
		    sizeof(*fx->tk)) != 0)
			return -1;
		pos = txtok_next(fx->s, fx->n, pos, &fx->tk[fx->ntk]);
		/* white space is no token here: glued() compares spans */
		if (fx->tk[fx->ntk].kind != TXTOK_SPACE)
			fx->ntk++;
	}
	return 0;
}

static int
glued(const struct txtok *a, const struct txtok *b)
{
	return a->end == b->start;
}

static int
is_char(const struct txtok *t, char c)
{
	return t->first == c && t->end == t->start + 1;
}

/* A word with a lower-case letter after its capital: "The", not "NASA". */
static int
capitalized(const struct txtok *t)
{
	return t->kind == TXTOK_WORD && (t->flags & TXTOK_UPPER) &&
	    !(t->flags & TXTOK_ALLCAPS) && t->end - t->start >= 2;
}

static int
is_closing(const struct txtok *t)
{
	char one[4];

	/* one closing quote or bracket alone */
	return t->kind == TXTOK_PUNCT && txch_is(t->first, TXCH_CLOSE) &&
	    t->end - t->start == (size_t)txu8_encode(t->first, one);
}

static int
word_len(const char *s, const struct txtok *t)
{
	return t->kind == TXTOK_WORD ? (int)txu8_count(s, t->start, t->end) : 0;
}

static int
rule_token_spaces(struct fixer *fx)
{
	const struct txtok *tk = fx->tk, *a, *p, *b;
	const char *s = fx->s;
	size_t i;

	for (i = 1; i < fx->ntk; i++) {
		a = &tk[i - 1];
		p = &tk[i];
		b = i + 1 < fx->ntk ? &tk[i + 1] : NULL;
		if (!glued(a, p))
			continue;
		if (on(fx, R_SENTENCE_SPACE)) {
			/* "U.S.Army", "U.S.and" */
			if (a->kind == TXTOK_ABBREV && word_len(s, p) >= 2 &&
			    !(p->flags & TXTOK_ALLCAPS) &&
			    edit(fx, p->start, p->start, R_SENTENCE_SPACE, " ", 1) != 0)
				return -1;
			/* "closed.The", "it?But", "(Figure 1.4).They", "disquiet.A" */
			if (b != NULL && glued(p, b) && (is_char(p, '.') ||
			    is_char(p, '?') || is_char(p, '!')) && (capitalized(b) ||
			    ((is_char(b, 'A') || is_char(b, 'I')) && word_len(s, a) >= 3)) &&
			    ((a->kind == TXTOK_WORD && txu8_is_lower(a->last) &&
			    word_len(s, a) >= 2) || a->kind == TXTOK_NUMBER ||
			    (a->kind == TXTOK_PUNCT && txch_is(a->last, TXCH_CLOSE))) &&
			    edit(fx, p->end, p->end, R_SENTENCE_SPACE, " ", 1) != 0)
				return -1;
		}
		if (!on(fx, R_CLAUSE_SPACE))
			continue;
		/* "Road)can", "[8]His", "(nearly)all"; not "(s)he" */
		if ((is_char(a, ')') || is_char(a, ']')) && word_len(s, p) >= 2 &&
		    !(i >= 3 && word_len(s, &tk[i - 2]) == 1 &&
		    (is_char(&tk[i - 3], '(') || is_char(&tk[i - 3], '['))) &&
		    edit(fx, p->start, p->start, R_CLAUSE_SPACE, " ", 1) != 0)
			return -1;
		/* "Language(1905)", "artworks(there"; not "word(s)" or "f(x)" */
		if (is_char(p, '(') && word_len(s, a) >= 2 &&
		    txu8_is_letter(a->last) && b != NULL && glued(p, b) &&
		    (b->end - b->start >= 2 && (b->kind == TXTOK_WORD ||
		    b->kind == TXTOK_NUMBER)) &&
		    edit(fx, p->start, p->start, R_CLAUSE_SPACE, " ", 1) != 0)
			return -1;
		if (b == NULL || !glued(p, b))
			continue;
		/*
		 * "exposure,mainly", "aspects;but", "),Nunzio", "Stridon,a",
		 * "659,000;529,000"; not "x,y" or "5,600"
		 */
		if ((is_char(p, ',') || is_char(p, ';')) &&
		    ((((word_len(s, a) >= 2 && txu8_is_letter(a->last)) ||
		    is_closing(a)) && word_len(s, b) >= (word_len(s, a) >= 3 ? 1 : 2) &&
		    txu8_is_letter(b->first)) || (is_char(p, ';') &&
		    a->kind == TXTOK_NUMBER && b->kind == TXTOK_NUMBER &&
		    a->end - a->start >= 3 && b->end - b->start >= 3)) &&
		    edit(fx, p->end, p->end, R_CLAUSE_SPACE, " ", 1) != 0)
			return -1;
		/* "Academy:these", "music:a"; not "Re:X" or "x:y" */
		if (is_char(p, ':') && word_len(s, a) >= 3 &&
		    txu8_is_letter(a->last) && b->kind == TXTOK_WORD &&
		    (capitalized(b) || (fx->lx != NULL &&
		    function_word(s + b->start, b->end - b->start))) &&
		    edit(fx, p->end, p->end, R_CLAUSE_SPACE, " ", 1) != 0)
			return -1;
	}
	return 0;
}

/*
 * Quotes: straight double quotes are paired within a line, or else within
 * the paragraph, when their number there is even; an opening quote glued
 * to the word before it and a closing one glued to the word after it get
 * their space.  Curly quotes say which they are.
 */
static int
quote_span(struct fixer *fx, size_t a, size_t b)
{
	const char *s = fx->s;
	size_t i, k = 0;
	int32_t before, after;
	int l;

	for (i = a; i < b; i++) {
		if (s[i] != '"')
			continue;
		before = cp_before(s, i);
		after = txu8_at(s, fx->n, i + 1, &l);
		if (k++ % 2 == 0) {
			if ((is_word_cp(before) || before == ',') &&
			    (is_word_cp(after) || after == 0x2018) &&
			    edit(fx, i, i, R_QUOTE_SPACE, " ", 1) != 0)
				return -1;
		} else if (is_word_cp(after) && (is_word_cp(before) ||
		    before == '.' || before == ',' || before == '!' ||
		    before == '?') && edit(fx, i + 1, i + 1, R_QUOTE_SPACE, " ",
		    1) != 0)
			return -1;
	}
	return 0;
}

static size_t
count_quotes(const char *s, size_t a, size_t b)
{
	size_t k = 0;

	for (; a < b; a++)
		k += s[a] == '"';
	return k;
}

static int
rule_quotes(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, pa = 0, pe, la, le;
	int32_t cp, prev, next;
	size_t i;
	int l, l2, low9 = 0;

	while (pa < n) {
		/* a paragraph [pa, pe): up to a blank line */
		for (pe = pa; pe < n; pe++)
			if (s[pe] == '\n' && (pe + 1 == n || s[pe + 1] == '\n' ||
			    (s[pe + 1] == '\r' && pe + 2 < n && s[pe + 2] == '\n')))
				break;
		/*
		 * Quotes are paired within a line; where a line's are unpaired
		 * (a quotation across lines, an inch mark), which of them open
		 * is a guess, so only the sure case: 'said,"The'.
		 */
		for (la = pa; la < pe; la = le + 1) {
			for (le = la; le < pe && s[le] != '\n'; le++)
				;
			if (count_quotes(s, la, le) % 2 != 0)
				break;
		}
		if (la < pe) {
			for (i = pa + 2; i + 1 < pe; i++)
				if (s[i] == '"' && s[i - 1] == ',' &&
				    ascii_letter((unsigned char)s[i - 2]) &&
				    s[i + 1] >= 'A' && s[i + 1] <= 'Z' &&
				    edit(fx, i, i, R_QUOTE_SPACE, " ", 1) != 0)
					return -1;
		} else
			for (la = pa; la < pe; la = le + 1) {
				for (le = la; le < pe && s[le] != '\n'; le++)
					;
				if (quote_span(fx, la, le) != 0)
					return -1;
			}
		pa = pe + 1;
	}
	for (i = 0; i < n; i += (size_t)l) {
		if ((unsigned char)s[i] < 0x80) {
			l = 1;
			if (s[i] == '\n')
				low9 = 0;
			continue;
		}
		cp = txu8_at(s, n, i, &l);
		if (cp == 0x201E)
			low9 = 1;
		else if (cp == '\n')
			low9 = 0;
		if (cp == 0x201C && !low9) {	/* in „...“ it closes */
			prev = cp_before(s, i);
			if ((is_word_cp(prev) || prev == ',') &&
			    edit(fx, i, i, R_QUOTE_SPACE, " ", 1) != 0)
				return -1;
		} else if (cp == 0x201D) {
			next = txu8_at(s, n, i + (size_t)l, &l2);
			if (is_word_cp(next) && is_word_cp(cp_before(s, i)) &&
			    edit(fx, i + (size_t)l, i + (size_t)l, R_QUOTE_SPACE,
			    " ", 1) != 0)
				return -1;
		}
	}
	return 0;
}

/* --- the lexicon ------------------------------------------------------- */

static uint64_t fold_hash(const char *s, size_t n);

/* The lexicon's entry for s[0..n) lower-cased, or -1. */
static long
lookup(const struct fixer *fx, const char *s, size_t n)
{
	char buf[MAXWORD * 2 + 8];
	struct lexcache *c;
	size_t i, k = 0;
	int32_t cp;
	int l;

	if (n == 0 || n > MAXWORD)
		return -1;
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
	if (k > CACHE_KEY)
		return lex_find(fx->lx, buf, k);
	c = &fx->cache[fold_hash(buf, k) & (((size_t)1 << CACHE_BITS) - 1)];
	if (c->len != k || memcmp(c->key, buf, k) != 0) {
		c->len = (unsigned char)k;
		memcpy(c->key, buf, k);
		c->id = lex_find(fx->lx, buf, k);
	}
	return c->id;
}

static int
known(const struct fixer *fx, long w)
{
	return w >= 0 && (lex_count(fx->lx, w) > 0 ||
	    (lex_flags(fx->lx, w) & ~(unsigned)LEX_RARE) != 0);
}

/* --- the document's own words ------------------------------------------ */

/* txhash of s[0..n) with ASCII letters lowered, any length, lowered as it goes. */
static uint64_t
fold_hash(const char *s, size_t n)
{
	uint64_t h = txhash_start(n, 0), w = 0;
	unsigned c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		c += (c - 'A' < 26u) << 5;
		w |= (uint64_t)c << (8 * (i & 7));
		if ((i & 7) == 7) {
			h = txhash_block(h, w);
			w = 0;
		}
	}
	return txhash_end(h, w, n & 7);
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

static struct dword *
doc_slot(struct fixer *fx, const char *s, size_t n)
{
	size_t k = fold_hash(s, n) & (fx->dwcap - 1);
	struct dword *d;

	for (;; k = (k + 1) & (fx->dwcap - 1)) {
		d = &fx->dw[k];
		/* a slot of an earlier document is empty: the table is not cleared */
		if (d->gen != fx->gen) {
			memset(d, 0, sizeof(*d));
			d->gen = fx->gen;
			d->lexid = -2;
		}
		if (d->s == NULL || (d->n == n && fold_eq(d->s, s, n)))
			return d;
	}
}

static int
doc_grow(struct fixer *fx)
{
	struct dword *old = fx->dw, *d;
	size_t oldcap = fx->dwcap, i, cap = oldcap ? oldcap * 2 : 1024;

	if ((fx->dw = calloc(cap, sizeof(*fx->dw))) == NULL) {
		fx->dw = old;
		return -1;
	}
	fx->dwcap = cap;
	for (i = 0; i < oldcap; i++)
		if (old[i].s != NULL && old[i].gen == fx->gen) {
			d = doc_slot(fx, old[i].s, old[i].n);
			*d = old[i];
			fx->idslot[d->id] = (uint32_t)(d - fx->dw);
		}
	free(old);
	return 0;
}

static int
doc_words(struct fixer *fx)
{
	struct dword *d;
	size_t i, k;

	fx->gen++;
	fx->dwn = 0;
	if ((fx->dwcap == 0 && doc_grow(fx) != 0) ||
	    txvec_grow((void **)&fx->tslot, &fx->tslotcap, fx->ntk + 1,
	    sizeof(*fx->tslot)) != 0)
		return -1;
	for (i = 0; i < fx->ntk; i++) {
		if (fx->tk[i].kind != TXTOK_WORD)
			continue;
		if (txvec_grow((void **)&fx->idslot, &fx->idslotcap, fx->dwn + 1,
		    sizeof(*fx->idslot)) != 0 ||
		    (fx->dwn * 2 >= fx->dwcap && doc_grow(fx) != 0))
			return -1;
		d = doc_slot(fx, fx->s + fx->tk[i].start, fx->tk[i].end - fx->tk[i].start);
		if (d->s == NULL) {
			d->s = fx->s + fx->tk[i].start;
			d->n = fx->tk[i].end - fx->tk[i].start;
			d->id = (uint32_t)fx->dwn++;
			d->letters = 1;
			for (k = 0; k < d->n; k++)
				d->letters &= ascii_letter((unsigned char)d->s[k]);
			fx->idslot[d->id] = (uint32_t)(d - fx->dw);
		}
		d->count++;
		fx->tslot[i] = d->id;
	}
	return 0;
}

/* The document entry of word token i. */
static struct dword *
tok_word(struct fixer *fx, size_t i)
{
	return &fx->dw[fx->idslot[fx->tslot[i]]];
}

/* The lexicon entry of word token i, looked up once per spelling. */
static long
tok_lex(struct fixer *fx, size_t i)
{
	struct dword *d = tok_word(fx, i);

	if (d->lexid == -2)
		d->lexid = lookup(fx, d->s, d->n);
	return d->lexid;
}


static unsigned
doc_count(struct fixer *fx, const char *s, size_t n)
{
	return doc_slot(fx, s, n)->count;
}

/* --- line-break hyphenation -------------------------------------------- */

static int
rule_hyphenation(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i, a, b, nl, e;
	char joined[2 * MAXWORD + 2];
	long wa, wb, wj;

	for (i = 1; i + 2 < n; i++) {
		if (s[i] != '-' || !(s[i - 1] >= 'a' && s[i - 1] <= 'z'))
			continue;
		nl = i + 1;
		if (s[nl] == '\r')
			nl++;
		if (nl >= n || s[nl] != '\n' || nl + 1 >= n ||
		    !(s[nl + 1] >= 'a' && s[nl + 1] <= 'z'))
			continue;
		for (a = i; a > 0 && ascii_letter((unsigned char)s[a - 1]); a--)
			;
		/* unsigned: a byte of UTF-8 after the word is no letter */
		for (b = nl + 1; b < n && (unsigned char)s[b] >= 'a' &&
		    (unsigned char)s[b] <= 'z'; b++)
			;
		if (i - a > MAXWORD || b - nl - 1 > MAXWORD)
			continue;
		memcpy(joined, s + a, i - a);
		memcpy(joined + (i - a), s + nl + 1, b - nl - 1);
		e = (i - a) + (b - nl - 1);
		wj = lookup(fx, joined, e);
		wa = lookup(fx, s + a, i - a);
		wb = lookup(fx, s + nl + 1, b - nl - 1);
		if (lex_count(fx->lx, wj) > 0 || (known(fx, wj) && !known(fx, wa))) {
			if (edit(fx, i, nl + 1, R_HYPHENATION, "", 0) != 0)
				return -1;
		} else if (known(fx, wa) && known(fx, wb) &&
		    edit(fx, i + 1, nl + 1, R_HYPHENATION, "", 0) != 0)
			return -1;
	}
	return 0;
}

/* --- joined words -------------------------------------------------------- */

/* ASCII letters, and apostrophes between letters: "doesn'tget" is a candidate */
static int
join_word(const struct txtok *t, const char *s)
{
	size_t i;

	for (i = t->start; i < t->end; i++)
		if (!ascii_letter((unsigned char)s[i]) && !(s[i] == '\'' &&
		    i > t->start && i + 1 < t->end &&
		    ascii_letter((unsigned char)s[i - 1]) &&
		    ascii_letter((unsigned char)s[i + 1])))
			return 0;
	return 1;
}

/*
 * Whether word w (entry id) is a word in its own right: in a word list, in lower
 * case, or capitalized as written (a name).
 */
static int
listed(const struct fixer *fx, const char *w, long id)
{
	unsigned f = lex_flags(fx->lx, id);

	return (f & LEX_LOWER) || ((f & LEX_UPPER) && w[0] >= 'A' && w[0] <= 'Z');
}


/*
 * Whether the zero-width space at [i, e) stands between two words, not
 * inside one: the letters either side are listed words, and together they
 * are none ("deal|that", not "quar|tiles").
 */
static int
zw_between_words(struct fixer *fx, size_t i, size_t e)
{
	const char *s = fx->s;
	char joined[MAXWORD];
	size_t a, b;

	if (fx->lx == NULL || !fx->english)
		return 0;
	for (a = i; a > 0 && ascii_letter((unsigned char)s[a - 1]); a--)
		;
	for (b = e; b < fx->n && ascii_letter((unsigned char)s[b]); b++)
		;
	if (a == i || b == e || (i - a) + (b - e) > MAXWORD)
		return 0;
	memcpy(joined, s + a, i - a);
	memcpy(joined + (i - a), s + e, b - e);
	return !known(fx, lookup(fx, joined, (i - a) + (b - e))) &&
	    listed(fx, s + a, lookup(fx, s + a, i - a)) &&
	    listed(fx, s + e, lookup(fx, s + e, b - e));
}

/* Two-letter words that may stand alone in a split (others are too rare). */
static const char short_words[] =
	"a i am an as at be by do go he if in is it me my no of on or so to "
	"up us we";

/* Beginnings and ends of derived words: "multipolar", "echoisms" are no joins. */
static const char affixes[] =
	"anti auto bio co counter cross de dis eco geo hyper inter intra "
	"macro mega meta micro mid mini mis mono multi neo non over poly "
	"post pre pro proto pseudo re self semi sub super tele trans tri "
	"ultra un under fore -able -dom -ful -hood -ism -isms -ist -less "
	"-like -ly -ness -ship -some -ward -wards -wise -man -men -work "
	"-works -land -side -line -way -ways -where -house -room -ware "
	"-board -book -time -day -ing -ed -er -ers -s -es -en -town -ville "
	"-burg -field -ford -wood -port -mouth -ton -son -stone -bridge "
	"-berg -stein -shire -ham -ley -well -water -hall -gate -dale -wick "
	"-worth -bury -borough -castle -mont -view -hard -hart -heim -hof "
	"-dorf -feld -mann -berger";

/* Whether w[0..n), lowered ("-" before it if suffix), is a word of list (see lang.h). */
static int
in_words(const char *list, const char *w, size_t n, int suffix)
{
	char buf[24];
	size_t i;

	if (n + 2 >= sizeof(buf))
		return 0;
	buf[0] = '-';
	for (i = 0; i < n; i++)
		buf[i + 1] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	return suffix ? txlang_in(list, buf, n + 1) : txlang_in(list, buf + 1, n);
}
/* English function words, from the language profile. */
static int
function_word(const char *w, size_t n)
{
	/* none is longer than six letters ("should") */
	return n <= 6 && in_words(txlang_find("en")->function_words, w, n, 0);
}

/*
 * Words glued to numbers or to an 's: "April4", "30September",
 * "1departure", "150million", "30thanniversary", "2.3Measures", "13,2011",
 * "it'sgood"; not "3rd", "10km", "F16", "mp3" or "1,500".
 */
static int
split_glued(struct fixer *fx, const struct txtok *t)
{
	const char *s = fx->s, *w = s + t->start;
	size_t n = t->end - t->start, i, j, k;
	int digit, prev;
	long id;

	if (t->kind == TXTOK_NUMBER) {
		/* a comma before four digits, or between decimals, parts two numbers */
		for (i = 1; i + 1 < n; i++) {
			if (w[i] != ',')
				continue;
			for (j = i + 1; j < n && w[j] >= '0' && w[j] <= '9'; j++)
				;
			for (k = i; k > 0 && w[k - 1] >= '0' && w[k - 1] <= '9'; k--)
				;
			/* not a thousands group before the decimals: 12,345.67 */
			if ((j - i - 1 == 4 && (j == n || w[j] != ',')) ||
			    (j < n && w[j] == '.' && j - i - 1 != 3) ||
			    (k > 0 && w[k - 1] == '.'))
				if (edit(fx, t->start + i + 1, t->start + i + 1, R_JOINED,
				    " ", 1) != 0)
					return -1;
		}
		return 0;
	}
	if (t->kind != TXTOK_WORD || n > MAXWORD)
		return 0;
	/* "it'sgood", "that’sthe", "court'sjudgement": a word after the 's */
	for (i = 1; i + 4 <= n; i++) {
		k = w[i] == '\'' ? 1 : (unsigned char)w[i] == 0xE2 && i + 3 <= n &&
		    memcmp(w + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
		if (k == 0 || w[i + k] != 's' || i + k + 3 > n)
			continue;
		for (j = i + k + 1; j < n && ascii_letter((unsigned char)w[j]); j++)
			;
		id = lookup(fx, w + i + k + 1, j - i - k - 1);
		if (j == n && ascii_letter((unsigned char)w[i - 1]) &&
		    (lex_flags(fx->lx, id) & LEX_LOWER) &&
		    (function_word(w + i + k + 1, j - i - k - 1) ||
		    lex_count(fx->lx, id) >= GLUED_MIN) &&
		    edit(fx, t->start + i + k + 1, t->start + i + k + 1, R_JOINED,
		    " ", 1) != 0)
			return -1;
		break;
	}
	for (i = 1; i < n; i++) {
		digit = w[i] >= '0' && w[i] <= '9';
		prev = w[i - 1] >= '0' && w[i - 1] <= '9';
		if (digit == prev || !ascii_letter((unsigned char)(digit ?
		    w[i - 1] : w[i])))
			continue;
		if (digit) {
			/* letters then digits: a month or a function word before a number */
			for (k = i; k > 0 && ascii_letter((unsigned char)w[k - 1]); k--)
				;
			for (j = i; j < n && w[j] >= '0' && w[j] <= '9'; j++)
				;
			if (k == 0 && j == n && j - i <= 4 &&
			    (in_words(txlang_find("en")->months, w, i, 0) ||
			    (function_word(w, i) && i >= 2)) &&
			    edit(fx, t->start + i, t->start + i, R_JOINED, " ", 1) != 0)
				return -1;
			continue;
		}
		/* digits then letters: skip an ordinal's suffix */
		k = i;
		if (n - i > 2 && (strncmp(w + i, "th", 2) == 0 ||
		    strncmp(w + i, "st", 2) == 0 || strncmp(w + i, "nd", 2) == 0 ||
		    strncmp(w + i, "rd", 2) == 0))
			k = i + 2;
		for (j = k; j < n && ascii_letter((unsigned char)w[j]); j++)
			;
		if (j != n || j - k < 3)
			continue;
		id = lookup(fx, w + k, j - k);
		/* a listed word (a capitalized one, or of 5 letters: not "10kms") */
		if (((lex_flags(fx->lx, id) & LEX_LOWER) && (j - k >= 5 ||
		    (w[k] >= 'A' && w[k] <= 'Z'))) ||
		    in_words(txlang_find("en")->months, w + k, j - k, 0))
			if (edit(fx, t->start + k, t->start + k, R_JOINED, " ", 1) != 0)
				return -1;
	}
	return 0;
}

/*
 * The count of the most frequent listed word one edit (deletion,
 * insertion, substitution, transposition) from the lower-case ASCII word
 * w[0..n), leaving out the words equal to a part of the split cut[0..np):
 * "airpart" is "airport" misspelt more likely than "air part".  About 54n
 * look-ups, made only for a word about to be split.
 */
static uint64_t
typo_neighbour(struct fixer *fx, const char *w, size_t n, const size_t *cut,
    int np)
{
	char buf[MAXWORD + 2];
	uint64_t best = 0, c;
	size_t i, k, m, a0, b1;
	long id;
	int p, part;
	char ch, t;

	if (n + 1 > MAXWORD)
		return 0;
	for (k = 0; k < 4 * (n + 1); k++) {
		i = k / 4;
		switch (k % 4) {
		case 0:	/* deletion */
			if (i >= n)
				continue;
			memcpy(buf, w, i);
			memcpy(buf + i, w + i + 1, n - i - 1);
			m = n - 1;
			break;
		case 1:	/* transposition */
			if (i + 1 >= n)
				continue;
			memcpy(buf, w, n);
			t = buf[i];
			buf[i] = buf[i + 1];
			buf[i + 1] = t;
			m = n;
			break;
		default:	/* insertion (2) and substitution (3), by letter below */
			m = 0;
			break;
		}
		for (ch = 'a'; ch <= 'z'; ch++) {
			if (k % 4 == 2) {
				memcpy(buf, w, i);
				buf[i] = ch;
				memcpy(buf + i + 1, w + i, n - i);
				m = n + 1;
			} else if (k % 4 == 3) {
				if (i >= n || w[i] == ch)
					continue;
				memcpy(buf, w, n);
				buf[i] = ch;
				m = n;
			} else if (ch > 'a')
				break;
			if (m == 0)
				continue;
			/* the parts themselves are no misspelling: "hasa" is not "has" */
			for (p = 0, part = 0; p <= np && !part; p++) {
				a0 = p > 0 ? cut[p - 1] : 0;
				b1 = p < np ? cut[p] : n;
				part = b1 - a0 == m && memcmp(w + a0, buf, m) == 0;
			}
			if (part)
				continue;
			id = lookup(fx, buf, m);
			if ((lex_flags(fx->lx, id) & LEX_LOWER) &&
			    (c = lex_count(fx->lx, id)) > best)
				best = c;
		}
	}
	return best;
}

#define NPARTS 4	/* a joined run is split into at most this many words */

/*
 * The likeliest split of w[0..n) into 2..NPARTS words, the candidate that
 * the join scorer then accepts or refuses: by a unigram model over the
 * lexicon's counts, a listed pair raised by its association, a part that
 * spans a change from lower to upper case ("aData") lowered.  A part is a
 * listed word or name, of three letters or more unless a function word or
 * a common short word; a part that begins with a capital may also be a
 * name the document uses alone.  self is w's lexicon entry.  Fills cut[]
 * and returns the number of cuts, 0 for none.  Work: O(n * MAXWORD)
 * look-ups, each cached.
 */
static int
join_candidate(struct fixer *fx, const char *w, size_t n, long self, size_t *cut,
    double *lm)
{
	double score[MAXWORD + 1], sc, total = (double)lex_total(fx->lx) + 1;
	int parts[MAXWORD + 1];
	size_t from[MAXWORD + 1], i, j, k;
	long id[MAXWORD + 1], wid;
	uint64_t cnt, pair;
	unsigned f, across;
	int np;

	for (i = 0; i <= n; i++) {
		score[i] = -1e300;
		parts[i] = 0;
	}
	score[0] = 0;
	id[0] = -1;
	for (j = 1; j <= n; j++) {
		for (i = 0; i < j; i++) {
			if (score[i] <= -1e299 || parts[i] >= NPARTS || (i == 0 && j == n) ||
			    w[i] == '\'' || w[j - 1] == '\'')
				continue;
			wid = lookup(fx, w + i, j - i);
			f = lex_flags(fx->lx, wid);
			cnt = lex_count(fx->lx, wid);
			if (!(f & (LEX_LOWER | LEX_UPPER)) && !(w[i] >= 'A' &&
			    w[i] <= 'Z' && j - i >= 3 && doc_count(fx, w + i, j - i) > 0))
				continue;
			if (j - i < 3 && !function_word(w + i, j - i) &&
			    !in_words(short_words, w + i, j - i, 0))
				continue;
			for (k = i + 1, across = 0; k < j; k++)
				across += w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a';
			sc = score[i] + log(((double)cnt + 1) / total) - 5.0 * across;
			if (i > 0 && (pair = lex_pair(fx->lx, id[i], wid)) > 0)
				sc += log((double)pair * total / (((double)lex_count(fx->lx,
				    id[i]) + 1) * ((double)cnt + 1)) + 1);
			if (sc > score[j]) {
				score[j] = sc;
				from[j] = i;
				parts[j] = parts[i] + 1;
				id[j] = wid;
			}
		}
	}
	if (score[n] <= -1e299 || parts[n] < 2)
		return 0;
	np = parts[n] - 1;
	for (k = n, i = (size_t)np; i > 0; i--) {
		k = from[k];
		cut[i - 1] = k;
	}
	*lm = score[n] - log(((double)lex_count(fx->lx, self) + 1) / total);
	return np;
}

/* The features of a candidate, as slots of the scorer's table. */
struct jfeat {
	uint32_t f[JOIN_MAXFEAT];
	size_t n;
	unsigned bits;
};

/* The feature of template tmpl, part pos, with value v and the text s[0..sn). */
static void
jf(struct jfeat *j, unsigned tmpl, int pos, long v, const char *s, size_t sn)
{
	unsigned char key[64];
	size_t k = 0, i;

	if (j->n >= JOIN_MAXFEAT)
		return;
	key[k++] = (unsigned char)pos;
	for (i = 0; i < 4; i++)
		key[k++] = (unsigned char)((unsigned long)v >> (8 * i));
	for (i = 0; i < sn && k < sizeof(key); i++)
		key[k++] = (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	j->f[j->n++] = txhash_feature(tmpl, key, k, j->bits);
}

/* A count's order of magnitude: 0 for none, then one step per factor of four. */
static long
mag(uint64_t c)
{
	long b = 0;

	while (c > 0) {
		c >>= 2;
		b++;
	}
	return b;
}

enum {
	F_SHAPE, F_NPARTS, F_JCOUNT, F_JFLAGS, F_JLEN, F_JDOC, F_TYPO, F_LM,
	F_PREFIX, F_SUFFIX, F_LEN, F_COUNT, F_FLAGS, F_FUNC, F_AFFIX, F_DOC,
	F_WORD, F_FIRST, F_PAIR, F_SEAM, F_PAIRSEAM, F_MINCOUNT, F_MINLEN,
	F_SHAPECOUNT, F_LAST, F_BEFORE, F_AFTER, F_CTXWORD, F_CASECUT, F_SEAMCHARS
};

/*
 * The features of splitting w[0..n), lexicon entry self (shape: 'l' lower
 * case, 'C' capitalized, 'M' one inner capital, 'N' more), used dcount times in the
 * document, at cut[0..np), lm the split's log-likelihood ratio; ctx[] the
 * lexicon entries of the words before and after it, -1 for none.  The
 * count of the commonest word one edit away, F_TYPO, is join_cuts' to add.
 */
static void
join_features(struct fixer *fx, const char *w, size_t n, long self, int shape,
    unsigned dcount, const long *ctx, const size_t *cut, int np, double lm,
    struct jfeat *j)
{
	long id, prev = -1, mincnt = 99, minlen = 99;
	size_t i, a, b;
	int pos, fw, pfw = 0;

	j->n = 0;
	jf(j, F_SHAPE, shape, 0, NULL, 0);
	jf(j, F_NPARTS, shape, np, NULL, 0);
	jf(j, F_JCOUNT, shape, mag(lex_count(fx->lx, self)), NULL, 0);
	jf(j, F_JFLAGS, shape, (long)lex_flags(fx->lx, self), NULL, 0);
	jf(j, F_JLEN, 0, (long)(n < 24 ? n / 2 : 12), NULL, 0);
	jf(j, F_JDOC, shape, dcount < 3 ? dcount : 3, NULL, 0);
	jf(j, F_LM, 0, lm < -8 ? -4 : lm > 24 ? 12 : (long)floor(lm / 2), NULL, 0);
	{
		long at = 0, cased = 0, k;

		for (k = 1; k < (long)n; k++)
			if (w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a') {
				cased++;
				for (i = 0; i < (size_t)np; i++)
					at += cut[i] == (size_t)k;
			}
		jf(j, F_CASECUT, shape, at * 8 + (cased - at), NULL, 0);
	}
	jf(j, F_PREFIX, 0, 0, w, 3);
	jf(j, F_SUFFIX, 0, 0, w + n - 3, 3);
	for (i = 0; i <= (size_t)np; i++) {
		a = i > 0 ? cut[i - 1] : 0;
		b = i < (size_t)np ? cut[i] : n;
		pos = i == 0 ? 'F' : i == (size_t)np ? 'L' : 'M';
		id = lookup(fx, w + a, b - a);
		fw = function_word(w + a, b - a);
		jf(j, F_LEN, pos, (long)(b - a < 10 ? b - a : 10), NULL, 0);
		jf(j, F_COUNT, pos, mag(lex_count(fx->lx, id)), NULL, 0);
		jf(j, F_FLAGS, pos, (long)lex_flags(fx->lx, id), NULL, 0);
		jf(j, F_FUNC, pos, fw, NULL, 0);
		if ((i < (size_t)np && in_words(affixes, w + a, b - a, 0)) ||
		    (i > 0 && in_words(affixes, w + a, b - a, 1)))
			jf(j, F_AFFIX, pos, 1, NULL, 0);
		jf(j, F_DOC, pos, (long)(a > 0 || b < n ? doc_count(fx, w + a, b - a) :
		    0) > 1 ? 2 : (long)doc_count(fx, w + a, b - a), NULL, 0);
		if (b - a <= 3 || fw)
			jf(j, F_WORD, pos, 0, w + a, b - a);
		if (i == 0)
			jf(j, F_FIRST, shape, (long)lex_flags(fx->lx, id) * 64 +
			    mag(lex_count(fx->lx, id)), NULL, 0);
		if (i > 0) {
			long pm = mag(lex_pair(fx->lx, prev, id));

			/* letters either side of the seam: "l|th" is likelier than "i|ng" */
			size_t s0 = a >= 2 ? a - 2 : 0, s1 = a + 2 <= n ? a + 2 : n;

			jf(j, F_SEAMCHARS, (int)(a - s0), (long)(s1 - a), w + s0, s1 - s0);
			jf(j, F_PAIR, 0, pm, NULL, 0);
			jf(j, F_SEAM, shape, pfw * 2 + fw, NULL, 0);
			jf(j, F_PAIRSEAM, 0, pm * 4 + pfw * 2 + fw, NULL, 0);
		}
		if (!fw && mag(lex_count(fx->lx, id)) < mincnt)
			mincnt = mag(lex_count(fx->lx, id));
		if ((long)(b - a) < minlen)
			minlen = (long)(b - a);
		prev = id;
		pfw = fw;
	}
	jf(j, F_MINCOUNT, 0, mincnt, NULL, 0);
	jf(j, F_MINLEN, 0, minlen, NULL, 0);
	jf(j, F_SHAPECOUNT, shape, np * 100 + mincnt, NULL, 0);
	/* its pairs with the words either side, beside the word's own */
	if (ctx[0] >= 0) {
		long first = lookup(fx, w, cut[0]);

		jf(j, F_BEFORE, 0, mag(lex_pair(fx->lx, ctx[0], first)) * 64 +
		    mag(lex_pair(fx->lx, ctx[0], self)), NULL, 0);
		jf(j, F_CTXWORD, 'B', mag(lex_count(fx->lx, ctx[0])), NULL, 0);
	}
	if (ctx[1] >= 0) {
		jf(j, F_AFTER, 0, mag(lex_pair(fx->lx, prev, ctx[1])) * 64 +
		    mag(lex_pair(fx->lx, self, ctx[1])), NULL, 0);
		jf(j, F_CTXWORD, 'A', mag(lex_count(fx->lx, ctx[1])), NULL, 0);
	}
	/* the last part's count beside the first's: "Paris|was", "Hol|lywood" */
	jf(j, F_LAST, shape, mag(lex_count(fx->lx, prev)) * 64 + minlen, NULL, 0);
}

/*
 * Where the unlisted word w[0..n), with `upper` inner capitals, its
 * document entry dw, between the words ctx[], is split: fills cut[] and
 * returns the number of cuts, 0 for none.  The candidate is found once per
 * spelling a document; the score, which weighs the context, each time.
 * With a sink (training), every candidate goes to it and none is made.
 */
static int
join_cuts(struct fixer *fx, const char *w, size_t n, size_t upper,
    struct dword *dw, const long *ctx, size_t start, size_t *cut)
{
	struct jfeat j;
	struct fix_join fj;
	double score = 0, lm = 0;
	int np, shape = upper > 1 ? 'N' : upper == 1 ? 'M' : w[0] < 'a' ? 'C' : 'l';
	size_t i;

	if (dw->split == NULL || memcmp(dw->split, w, n) != 0) {
		dw->split = w;
		dw->ncut = (signed char)join_candidate(fx, w, n, dw->lexid, cut, &lm);
		dw->lm = (float)lm;
		for (i = 0; i < (size_t)dw->ncut; i++)
			dw->cut[i] = (unsigned char)cut[i];
		dw->typo = -1;
	}
	if ((np = dw->ncut) == 0)
		return 0;
	for (i = 0; i < (size_t)np; i++)
		cut[i] = dw->cut[i];
	j.bits = fx->join.bits;
	join_features(fx, w, n, dw->lexid, shape, dw->count, ctx, cut, np, dw->lm, &j);
	if (fx->o.join_sink == NULL) {
		for (i = 0, score = fx->join.bias; i < j.n; i++)
			score += lex_join_weight(&fx->join, j.f[i]);
		/* the typo check's 54n look-ups only where its weight decides */
		if (score + fx->typo_w[1] <= fx->join.threshold)
			return 0;
		if (score + fx->typo_w[0] > fx->join.threshold)
			return np;
	}
	if (dw->typo < 0)
		dw->typo = (signed char)mag(n >= 5 && n + 1 <= MAXWORD ?
		    typo_neighbour(fx, w, n, cut, np) : 0);
	jf(&j, F_TYPO, 0, dw->typo, NULL, 0);
	if (fx->o.join_sink == NULL)
		return score + lex_join_weight(&fx->join, j.f[j.n - 1]) >
		    fx->join.threshold ? np : 0;
	fj.start = start;
	fj.end = start + n;
	fj.ncut = np;
	for (i = 0; i < (size_t)np; i++)
		fj.cut[i] = cut[i];
	fj.feat = j.f;
	fj.nfeat = j.n;
	fx->o.join_sink(fx->o.join_arg, &fj);
	return 0;
}

/* The least and greatest weight the typo feature can add (fx->typo_w). */
static void
typo_range(struct fixer *fx)
{
	struct jfeat j;
	float v;
	long m;

	fx->typo_w[0] = 1e30f;
	fx->typo_w[1] = -1e30f;
	j.bits = fx->join.bits;
	for (m = 0; m <= 32; m++) {
		j.n = 0;
		jf(&j, F_TYPO, 0, m, NULL, 0);
		v = lex_join_weight(&fx->join, j.f[0]);
		fx->typo_w[0] = v < fx->typo_w[0] ? v : fx->typo_w[0];
		fx->typo_w[1] = v > fx->typo_w[1] ? v : fx->typo_w[1];
	}
}

static int
rule_joined(struct fixer *fx)
{
	const char *s = fx->s, *w;
	const struct txtok *t;
	size_t i, k, n, upper, cut[NPARTS];
	int np, j;
	long self, ctx[2];

	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		n = t->end - t->start;
		w = s + t->start;
		if (split_glued(fx, t) != 0)
			return -1;
		if (t->kind != TXTOK_WORD || n < 3 || n > MAXWORD ||
		    (t->flags & TXTOK_ALLCAPS) || !join_word(t, s))
			continue;
		/* half of a word broken across lines: the hyphenation rule's */
		if ((t->start >= 2 && s[t->start - 1] == '\n' && (s[t->start - 2] == '-' ||
		    (t->start >= 3 && s[t->start - 2] == '\r' && s[t->start - 3] == '-'))) ||
		    (t->end + 1 < fx->n && s[t->end] == '-' && (s[t->end + 1] == '\n' ||
		    s[t->end + 1] == '\r')))
			continue;
		if (!fx->has_join && fx->o.join_sink == NULL)
			continue;
		self = tok_lex(fx, i);
		/* a word of its own; frequency-list junk ("hasa") is not */
		if (listed(fx, w, self))
			continue;
		for (k = 1, upper = 0; k < n; k++)
			upper += w[k] >= 'A' && w[k] <= 'Z';
		/* the words either side, across one space */
		ctx[0] = i > 0 && t[-1].kind == TXTOK_WORD && t[-1].end + 1 == t->start &&
		    s[t[-1].end] == ' ' ? tok_lex(fx, i - 1) : -1;
		ctx[1] = i + 1 < fx->ntk && t[1].kind == TXTOK_WORD &&
		    t->end + 1 == t[1].start && s[t->end] == ' ' ? tok_lex(fx, i + 1) : -1;
		np = join_cuts(fx, w, n, upper, tok_word(fx, i), ctx, t->start, cut);
		for (j = 0; j < np; j++)
			if (edit(fx, t->start + cut[j], t->start + cut[j], R_JOINED,
			    " ", 1) != 0)
				return -1;
	}
	return 0;
}

/* --- names misspelt once ---------------------------------------------- */

static int
edit1(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j;

	if (an == bn) {
		while (i < an && a[i] == b[i])
			i++;
		if (i == an)
			return 0;
		/* one substitution, or two letters swapped */
		if (memcmp(a + i + 1, b + i + 1, an - i - 1) == 0)
			return 1;
		return i + 1 < an && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, an - i - 2) == 0;
	}
	if (an + 1 == bn)
		return edit1(b, bn, a, an);
	if (an != bn + 1)
		return 0;
	while (i < bn && a[i] == b[i])
		i++;
	for (j = i; j < bn; j++)
		if (a[j + 1] != b[j])
			return 0;
	return 1;
}

/*
 * Whether the edit from a to b may be a misspelling: of the same length
 * (a letter replaced or two swapped, anywhere), or a letter added or
 * dropped before the last two letters of the shorter, since endings vary
 * on purpose (Gallagher, Gallaghers).
 */
static int
early_edit(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, m = an < bn ? an : bn;

	if (an == bn)
		return 1;
	while (i < m && a[i] == b[i])
		i++;
	return i + 2 < m;
}

/* Capitalized words and hyphenated names: "Chomsky", "Nagorno-Karabakh". */
static int
name_like(const struct txtok *t, const char *s)
{
	return t->kind == TXTOK_WORD && (t->flags & TXTOK_UPPER) &&
	    !(t->flags & TXTOK_ALLCAPS) && t->end - t->start >= 4 &&
	    t->end - t->start <= MAXWORD && s[t->start] != '\0';
}

/* How often the document uses name w[0..n) (count times as spelt), its possessives too. */
static unsigned
name_uses(struct fixer *fx, const char *w, size_t n, unsigned count)
{
	static const char *const ends[] = { "'s", "\xE2\x80\x99s" };
	char buf[MAXWORD + 4];
	size_t k;

	for (k = 0; k < 2 && n + strlen(ends[k]) <= sizeof(buf); k++) {
		memcpy(buf, w, n);
		memcpy(buf + n, ends[k], strlen(ends[k]));
		count += doc_count(fx, buf, n + strlen(ends[k]));
	}
	return count;
}

/* txhash of s[0..n) (n <= MAXWORD) without its byte skip (none if skip >= n). */
static uint64_t
del_hash(const char *s, size_t n, size_t skip)
{
	char buf[MAXWORD];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof(buf); i++)
		if (i != skip)
			buf[k++] = s[i];
	return txhash(buf, k, 0);
}

static int
rule_names(struct fixer *fx)
{
	const char *s = fx->s, *w, *c;
	const struct txtok *t, *u;
	struct dword *dw;
	size_t i, d, n, cn, cap, slot, found, total = 0;

	/*
	 * Every deletion variant of each frequent name goes into a hash, so
	 * that a rare name finds the names one edit away in O(length).
	 */
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		if (!name_like(t, s))
			continue;
		dw = tok_word(fx, i);
		if (!dw->indexed && name_uses(fx, s + t->start, t->end - t->start,
		    dw->count) >= NAME_MIN) {
			dw->indexed = 1;
			total += t->end - t->start + 1;
		}
	}
	if (total == 0)
		return 0;
	for (cap = 1024; cap < total * 2; cap *= 2)
		;
	if (txvec_grow((void **)&fx->names, &fx->namescap, cap, sizeof(*fx->names)) != 0)
		return -1;
	memset(fx->names, 0xFF, cap * sizeof(*fx->names));
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		if (!name_like(t, s))
			continue;
		dw = tok_word(fx, i);
		if (dw->indexed != 1)
			continue;
		dw->indexed = 2;
		n = t->end - t->start;
		for (d = 0; d <= n; d++) {
			slot = del_hash(s + t->start, n, d) & (cap - 1);
			while (fx->names[slot] != (size_t)-1)
				slot = (slot + 1) & (cap - 1);
			fx->names[slot] = i;
		}
	}
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		w = s + t->start;
		n = t->end - t->start;
		if (!name_like(t, s) || tok_word(fx, i)->count != 1 ||
		    (lex_flags(fx->lx, lookup(fx, w, n)) & (LEX_LOWER | LEX_UPPER)))
			continue;
		found = (size_t)-1;
		for (d = 0; d <= n && found != (size_t)-2; d++) {
			for (slot = del_hash(w, n, d) & (cap - 1);
			    fx->names[slot] != (size_t)-1;
			    slot = (slot + 1) & (cap - 1)) {
				u = &fx->tk[fx->names[slot]];
				c = s + u->start;
				cn = u->end - u->start;
				/*
				 * The right spelling is a name, not a word (Rond is no
				 * Road), and the edit is a misspelling's (early_edit).
				 */
				if (c[0] != w[0] || !edit1(w, n, c, cn) ||
				    !early_edit(w, n, c, cn) ||
				    (lex_flags(fx->lx, lookup(fx, c, cn)) & LEX_LOWER))
					continue;
				if (found != (size_t)-1 && (fx->tk[found].end -
				    fx->tk[found].start != cn || memcmp(s +
				    fx->tk[found].start, c, cn) != 0)) {
					found = (size_t)-2;	/* two candidates: leave it */
					break;
				}
				found = fx->names[slot];
			}
		}
		if (found == (size_t)-1 || found == (size_t)-2)
			continue;
		u = &fx->tk[found];
		if (edit(fx, t->start, t->end, R_NAMES, s + u->start,
		    u->end - u->start) != 0)
			return -1;
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
 * by an English lexicon: of its words, most are listed.  "beaucoup" and
 * "contratar" are no joins.
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
		d = &fx->dw[fx->idslot[i]];
		if (!d->letters)
			continue;
		words += d->count;
		if (d->lexid == -2)
			d->lexid = lookup(fx, d->s, d->n);
		if (lex_flags(fx->lx, d->lexid) & (LEX_LOWER | LEX_UPPER))
			listed_words += d->count;
	}
	fx->english = words >= 3 && listed_words * 10 >= words * 7;
}

long
fix_doc(struct fixer *fx, const char *s, size_t n, const struct txedit **out)
{
	size_t i, k;

	fx->s = s;
	fx->n = n;
	fx->ned = fx->npool = 0;
	if (tokenize(fx) != 0 || doc_words(fx) != 0)
		return -1;
	english(fx);
	if ((on(fx, R_MOJIBAKE) && rule_mojibake(fx) != 0) ||
	    (on(fx, R_NFC) && rule_nfc(fx) != 0) ||
	    rule_invisible(fx) != 0 ||
	    (on(fx, R_SPACES) && rule_spaces(fx) != 0) ||
	    (on(fx, R_SPACE_BEFORE) && rule_space_before(fx) != 0) ||
	    rule_token_spaces(fx) != 0 ||
	    (on(fx, R_QUOTE_SPACE) && rule_quotes(fx) != 0) ||
	    (on(fx, R_HYPHENATION) && rule_hyphenation(fx) != 0) ||
	    (on(fx, R_JOINED) && fx->english && rule_joined(fx) != 0) ||
	    (on(fx, R_NAMES) && fx->english && rule_names(fx) != 0))
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
		fx->out[i].rule = rule_name[fx->ed[i].rule];
	}
	*out = fx->out;
	return (long)k;
}
