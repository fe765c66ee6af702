#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brk.h"
#include "chars.h"
#include "hash.h"
#include "lang.h"
#include "langid.h"
#include "model.h"
#include "split.h"
#include "tokens.h"
#include "utf8.h"
#include "vec.h"

/* Lines longer than this (in characters) are not hard-wrapped text. */
#define WRAP_MAX	100
/* Paragraphs whose longest line is shorter are not taken for wrapped. */
#define WRAP_MIN	40

struct tk {
	size_t start, end;
	int32_t first, last;
	unsigned char kind;	/* enum txtok_kind, in a byte: tokens are many */
	unsigned char flags;	/* TXTOK_UPPER..., and TK_ASCII */
	unsigned char space;	/* white space before it */
	unsigned char nl;	/* a newline before it */
	unsigned char hard;	/* a sentence ends before it (a line break) */
	unsigned char marker;	/* a list marker: "1." "a)" "•" */
};

/*
 * Of struct tk's flags: the token is ASCII (where the fast path knows it);
 * it is a separator line's ("*****", which only the slow path makes).
 */
#define TK_ASCII 0x80
#define TK_SEP 0x40

/*
 * A word list of a language profile as an open-addressing hash set (linear
 * probing, at most half full): one hash and about one comparison a look-up.
 */
struct word {
	const char *s;		/* NULL: an empty slot */
	uint32_t n;
	uint32_t h;		/* the hash's high half: most misses end on it */
};

struct wordlist {
	struct word *w;
	size_t mask;		/* slots - 1, slots a power of two */
	uint64_t lengths;	/* bit k: a word of k bytes (63: of 63 or more) */
};

enum { L_TITLES, L_NUMABBR, L_ABBR, L_MIDABBR, L_OPENERS, L_BANG,
	L_CLOSINGS, L_LEARNED, NLISTS };

struct splitter {
	enum split_newlines newlines;
	struct wordlist list[NLISTS];
	char lang[16];
	struct txbrk *icu;	/* for languages other than English */
	char icu_lang[8];	/* the language icu was opened for, with --lang=auto */
	char *copy;		/* the paragraph with its soft newlines blanked, for ICU */
	size_t copycap;
	struct tk *tk;
	unsigned char *brk;	/* brk[i]: a sentence ends after token i */
	size_t ntk, captk;
	/*
	 * The tokens the rules look at, in order: all but words of two
	 * bytes or more, which are most tokens and which no rule starts at.
	 */
	size_t *spec, nspec;
	/* The tokens before which the model may end a sentence (see candidate). */
	size_t *cand, ncand;
	struct txspan *span;	/* the sentences of the current window */
	size_t nspan, capspan, next;
	const char *text;		/* the paragraph being split */
	size_t len, pos;		/* its length; where the next window starts */
	size_t to;			/* the end of the current window */
	size_t width;			/* its longest line, in characters */
	char lang_now[8];		/* the language of the paragraph */
	const char *why;		/* what failed, when ICU did */
	struct txspan one;		/* the sentence split_unit_next hands out */
	size_t max;			/* the longest sentence before a cut */
	unsigned long long cuts;
	struct txmodel m;		/* the boundary model, when there is one */
	const unsigned char *w;		/* its weights, f32 by feature */
	double bias, threshold;		/* a boundary when the score is above */
	void (*sink)(void *, const struct split_gap *);
	void *sink_arg;
	int every_gap;
	int model_decides;		/* there is a model, or one is trained */
	char *learned;			/* L_LEARNED's words (see split_opts' abbrev) */
};

/*
 * p[0..k), k < 8, as a little-endian word (txhash's tail): in one load
 * when eight bytes are readable from p (wide), as a loop's mispredictions
 * cost more than the rest of a short word's hash.
 */
static inline uint64_t
tail_word(const unsigned char *p, size_t k, int wide)
{
	uint64_t v = 0;
	size_t i;

	if (k == 0)
		return 0;
	if (wide)
		return txhash_load64_(p) & (~(uint64_t)0 >> (64 - 8 * k));
	for (i = 0; i < k; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/*
 * txhash(s[0..n), 0), s[0] lowered when lower0; avail bytes are readable
 * from s on.
 */
static uint64_t
word_hash(const char *s, size_t n, size_t avail, int lower0)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t h = txhash_start(n, 0), low = lower0 ? 0x20 : 0;
	size_t k;

	for (k = n; k >= 8; k -= 8, p += 8) {
		h = txhash_block(h, txhash_load64_(p) | low);
		low = 0;
	}
	return txhash_end(h, tail_word(p, k, (size_t)(p -
	    (const unsigned char *)s) + 8 <= avail) | low, k);
}

/*
 * The slot of s[0..n), n > 0, s[0] lowered when lower0, in l, h its
 * word_hash: where it is, or the empty slot where it would go.
 */
static struct word *
list_slot(const struct wordlist *l, const char *s, size_t n, uint64_t h,
    int lower0)
{
	size_t i = (size_t)h & l->mask;
	struct word *w;

	for (;; i = (i + 1) & l->mask) {
		w = &l->w[i];
		if (w->s == NULL || (w->h == (uint32_t)(h >> 32) && w->n == n &&
		    (unsigned char)w->s[0] == ((unsigned char)s[0] | (lower0 ? 0x20 : 0)) &&
		    memcmp(w->s + 1, s + 1, n - 1) == 0))
			return w;
	}
}

/* l: the words of list (see lang.h). */
static int
list_init(struct wordlist *l, const char *list)
{
	const char *p = list, *w;
	size_t n = 0, slots = 16, k;
	uint64_t h;

	while (txlang_next(&p, &k) != NULL)
		n++;
	while (slots < 2 * n)
		slots *= 2;
	if ((l->w = calloc(slots, sizeof(*l->w))) == NULL)
		return -1;
	l->mask = slots - 1;
	for (p = list; (w = txlang_next(&p, &k)) != NULL; ) {
		if (k > UINT32_MAX)
			continue;
		h = txhash(w, k, 0);
		*list_slot(l, w, k, h, 0) = (struct word){ w, (uint32_t)k,
		    (uint32_t)(h >> 32) };
		l->lengths |= (uint64_t)1 << (k < 63 ? k : 63);
	}
	return 0;
}

/*
 * Whether s[0..n), its first letter lowered if lower_first, is in l;
 * avail bytes are readable from s on (n or more).
 */
static int
in_list(const struct wordlist *l, const char *s, size_t n, size_t avail,
    int lower_first)
{
	int lower0;

	if (n == 0 || n >= 48 || !(l->lengths >> (n < 63 ? n : 63) & 1))
		return 0;
	lower0 = lower_first && s[0] >= 'A' && s[0] <= 'Z';
	return list_slot(l, s, n, word_hash(s, n, avail, lower0), lower0)->s != NULL;
}

/* Whether s[0..n), lower-cased (ASCII), is in l. */
static int
in_list_folded(const struct wordlist *l, const char *s, size_t n)
{
	char buf[48];
	size_t i;

	if (n == 0 || n >= sizeof(buf))
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	return in_list(l, buf, n, sizeof(buf), 0);
}

/* Whether token t of the paragraph s is in list which of sp. */
#define TK_IN(sp, s, t, which) in_list(&(sp)->list[which], (s) + (t)->start, \
	(t)->end - (t)->start, (sp)->len - (t)->start, 0)

#define SEC_HEAD 32

/*
 * The model's "boundary" section: u32 bits (SPLIT_BITS), u32 the feature
 * set's version, f64 bias, f64 threshold, 8 bytes reserved, then an f32
 * weight for each of the 1 << bits features.
 */
static int
model_load(struct splitter *sp, const char *path, const char **why)
{
	const unsigned char *sec;
	size_t len;

	if (txmodel_open(&sp->m, path, SPLIT_KIND, why) != TXMODEL_OK)
		return -1;
	if ((sec = txmodel_section(&sp->m, "boundary", &len)) == NULL ||
	    len < SEC_HEAD + ((size_t)4 << SPLIT_BITS) ||
	    txmodel_get32(sec) != SPLIT_BITS ||
	    txmodel_get32(sec + 4) != SPLIT_FEAT_VERSION ||
	    !isfinite(sp->bias = txmodel_getf64(sec + 8)) ||
	    !isfinite(sp->threshold = txmodel_getf64(sec + 16))) {
		*why = "the boundary model is malformed or of another feature set";
		txmodel_close(&sp->m);
		return -1;
	}
	sp->w = sec + SEC_HEAD;
	/* the abbreviations mkabbr learnt, when the model was trained with them */
	if ((sec = txmodel_section(&sp->m, "abbrev", &len)) != NULL) {
		if ((sp->learned = malloc(len + 1)) == NULL) {
			*why = strerror(ENOMEM);
			txmodel_close(&sp->m);
			sp->w = NULL;
			return -1;
		}
		memcpy(sp->learned, sec, len);
		sp->learned[len] = '\0';
	}
	return 0;
}

struct splitter *
split_new(const struct split_opts *o, const char **why)
{
	struct splitter *sp;
	const char *lang = o->lang != NULL ? o->lang : "en";
	const struct txlang *en = txlang_find("en"), *pl = txlang_find(lang);

	if ((pl == NULL && strcmp(lang, "auto") != 0) || strlen(lang) >= sizeof(sp->lang)) {
		*why = "unknown language";
		return NULL;
	}
	if ((sp = calloc(1, sizeof(*sp))) == NULL) {
		*why = strerror(ENOMEM);
		return NULL;
	}
	sp->newlines = o->newlines;
	sp->max = o->max_sentence > SPLIT_WINDOW ? o->max_sentence :
	    o->max_sentence > 0 ? SPLIT_WINDOW : SPLIT_MAX_SENTENCE;
	strcpy(sp->lang, lang);
	if (list_init(&sp->list[L_TITLES], en->titles) != 0 ||
	    list_init(&sp->list[L_NUMABBR], en->numabbr) != 0 ||
	    list_init(&sp->list[L_ABBR], en->abbr) != 0 ||
	    list_init(&sp->list[L_MIDABBR], en->nonfinal) != 0 ||
	    list_init(&sp->list[L_OPENERS], en->openers) != 0 ||
	    list_init(&sp->list[L_BANG], en->bangnames) != 0 ||
	    list_init(&sp->list[L_CLOSINGS], en->closings) != 0) {
		split_free(sp);
		*why = strerror(ENOMEM);
		return NULL;
	}
	if (pl != NULL && !(pl->flags & TXLANG_RULES) &&
	    (sp->icu = txbrk_open(TXBRK_SENTENCE, lang,
	    !(pl->flags & TXLANG_OWN_ABBR), why)) == NULL) {
		split_free(sp);
		return NULL;
	}
	sp->sink = o->sink;
	sp->sink_arg = o->sink_arg;
	sp->every_gap = o->every_gap;
	sp->model_decides = o->model != NULL || o->sink != NULL;
	if (o->model != NULL && model_load(sp, o->model, why) != 0) {
		split_free(sp);
		return NULL;
	}
	if (sp->learned == NULL && o->abbrev != NULL &&
	    (sp->learned = strdup(o->abbrev)) == NULL) {
		split_free(sp);
		*why = strerror(ENOMEM);
		return NULL;
	}
	if (list_init(&sp->list[L_LEARNED], sp->learned != NULL ? sp->learned : "") != 0) {
		split_free(sp);
		*why = strerror(ENOMEM);
		return NULL;
	}
	return sp;
}

void
split_free(struct splitter *sp)
{
	size_t i;

	if (sp == NULL)
		return;
	for (i = 0; i < NLISTS; i++)
		free(sp->list[i].w);
	txbrk_close(sp->icu);
	if (sp->w != NULL)
		txmodel_close(&sp->m);
	free(sp->learned);
	free(sp->copy);
	free(sp->tk);
	free(sp->brk);
	free(sp->spec);
	free(sp->cand);
	free(sp->span);
	free(sp);
}

/* Room for one more token (and its brk byte). */
static int
tk_room(struct splitter *sp)
{
	size_t cap = sp->captk, *ns;
	unsigned char *nb;

	if (txvec_grow((void **)&sp->tk, &cap, sp->ntk + 1, sizeof(*sp->tk)) != 0)
		return -1;
	if (cap != sp->captk) {
		if ((nb = realloc(sp->brk, cap)) == NULL)
			return -1;
		sp->brk = nb;
		if ((ns = realloc(sp->spec, cap * sizeof(*ns))) == NULL)
			return -1;
		sp->spec = ns;
		if ((ns = realloc(sp->cand, cap * sizeof(*ns))) == NULL)
			return -1;
		sp->cand = ns;
		sp->captk = cap;
	}
	return 0;
}

/*
 * Byte classes of the tokenizer's fast path (what txtok_next would make
 * of the byte, where that needs no context): most text is ASCII words
 * and spaces, and a call a token costs as much as the rest of the work.
 */
enum { B_OTHER, B_SPACE, B_LETTER, B_PUNCT, B_SYMBOL };

#define LETTER(c) [c] = B_LETTER, [(c) - 'a' + 'A'] = B_LETTER
static const unsigned char byte_class[256] = {
	LETTER('a'), LETTER('b'), LETTER('c'), LETTER('d'), LETTER('e'),
	LETTER('f'), LETTER('g'), LETTER('h'), LETTER('i'), LETTER('j'),
	LETTER('k'), LETTER('l'), LETTER('m'), LETTER('n'), LETTER('o'),
	LETTER('p'), LETTER('q'), LETTER('r'), LETTER('s'), LETTER('t'),
	LETTER('u'), LETTER('v'), LETTER('w'), LETTER('x'), LETTER('y'),
	LETTER('z'),
	[' '] = B_SPACE, ['\n'] = B_SPACE, ['\t'] = B_SPACE, ['\r'] = B_SPACE,
	/* one mark a token whatever follows; symbols likewise */
	[','] = B_PUNCT, ['"'] = B_PUNCT, ['\''] = B_PUNCT, ['('] = B_PUNCT,
	[')'] = B_PUNCT, ['['] = B_PUNCT, [']'] = B_PUNCT, ['{'] = B_PUNCT,
	['}'] = B_PUNCT, ['/'] = B_PUNCT, ['\\'] = B_PUNCT, ['%'] = B_PUNCT,
	['&'] = B_PUNCT,
	['$'] = B_SYMBOL, ['>'] = B_SYMBOL, ['^'] = B_SYMBOL, ['`'] = B_SYMBOL,
	['|'] = B_SYMBOL,
};
#undef LETTER

/*
 * Where a run of ASCII letters is a whole word to txtok_next: before
 * white space or punctuation that no joiner (apostrophe, hyphen, dot,
 * URL or address) can continue; before ". " and ": " too, which end no
 * abbreviation, URL or address that starts with letters alone.
 */
static int
word_ends(const char *s, size_t n, size_t j)
{
	unsigned char b, c;

	if (j >= n)
		return 1;
	b = (unsigned char)s[j];
	switch (b) {
	case ' ': case '\n': case ',': case ';': case '?': case '!': case ')':
	case '"': case '\t': case '\r':
		return 1;
	case '.': case ':':
		c = j + 1 < n ? (unsigned char)s[j + 1] : ' ';
		return c == ' ' || c == '\n';
	default:
		return 0;
	}
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* The end of the run of ASCII letters at s[i]: eight bytes at a time where there are eight. */
static size_t
letters(const char *s, size_t n, size_t i)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v, l, in;

	for (; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		l = (v & ~HIGHS) | 0x20 * ONES;
		/* a byte's high bit: ASCII, and from 'a' to 'z' when folded */
		in = ~v & (l + (0x80 - 'a') * ONES) &
		    ~(l + (0x80 - 'z' - 1) * ONES) & HIGHS;
		if (in != HIGHS)
			return i + (size_t)__builtin_ctzll(~in & HIGHS) / 8;
	}
#endif
	while (i < n && (unsigned)(((unsigned char)s[i] | 0x20) - 'a') < 26u)
		i++;
	return i;
}

/*
 * Whether t, of paragraph s, has two letters or more and none in lower
 * case (TXTOK_ALLCAPS, which the fast path leaves to this).
 */
static int
allcaps(const char *s, const struct tk *t)
{
	size_t i;

	if (!(t->flags & TK_ASCII) || t->kind != TXTOK_WORD)
		return (t->flags & TXTOK_ALLCAPS) != 0;
	if (!(t->flags & TXTOK_UPPER) || t->end - t->start < 2)
		return 0;
	for (i = t->start + 1; i < t->end; i++)
		if (s[i] >= 'a')
			return 0;
	return 1;
}

/* A separator line's token: "*****", "=====", "-----". */
static int
separator_token(const struct txtok *t)
{
	int32_t c = t->first;

	return t->end - t->start >= 3 && (t->kind == TXTOK_PUNCT ||
	    t->kind == TXTOK_SYMBOL) && (c == '*' || c == '=' || c == '_' ||
	    c == '~' || c == '#' || c == '-');
}

static inline int
is_separator(const struct tk *t)
{
	return t->flags & TK_SEP;
}

/* Whether the gap after t is a candidate whatever follows (see candidate). */
static int
after_any(const struct tk *t)
{
	return t->kind == TXTOK_EMOTICON || t->kind == TXTOK_URL ||
	    t->kind == TXTOK_EMAIL || is_separator(t);
}

/* Tokenizes s[from..to), to <= n: the window of the paragraph s[0..n). */
static int
tokenize(struct splitter *sp, const char *s, size_t n, size_t from, size_t to)
{
	const unsigned char *cls = byte_class;
	struct txtok t;
	struct tk *k;
	size_t pos = from, j;
	unsigned char space = 0, nl = 0, b;

	sp->ntk = sp->nspec = sp->ncand = 0;
	while (pos < to) {
		b = (unsigned char)s[pos];
		if (cls[b] == B_SPACE) {
			space = 1;
			nl |= b == '\n';
			pos++;
			continue;
		}
		if (sp->ntk == sp->captk && tk_room(sp) != 0)
			return -1;
		k = &sp->tk[sp->ntk];
		k->start = pos;
		if (cls[b] == B_LETTER) {
			j = letters(s, n, pos + 1);
			if (!word_ends(s, n, j))
				goto slow;
			k->end = j;
			k->kind = TXTOK_WORD;
			k->first = b;
			k->last = (unsigned char)s[j - 1];
			/* TXTOK_ALLCAPS is left to allcaps(): few words need it */
			k->flags = (b >= 'a' ? TXTOK_LOWER : TXTOK_UPPER) | TK_ASCII;
			sp->spec[sp->nspec] = sp->ntk;
			sp->nspec += j - pos < 2;
			sp->cand[sp->ncand] = sp->ntk;
			sp->ncand += b < 'a';
		} else if (cls[b] == B_PUNCT || cls[b] == B_SYMBOL ||
		    ((b == '.' || b == '?' || b == '!' || b == ':' || b == ';') &&
		    pos + 1 < n && cls[(unsigned char)s[pos + 1]] == B_SPACE)) {
			j = pos + 1;
			k->end = j;
			k->kind = cls[b] == B_SYMBOL ? TXTOK_SYMBOL : TXTOK_PUNCT;
			k->first = k->last = b;
			k->flags = TK_ASCII;
			sp->spec[sp->nspec++] = sp->ntk;
			sp->cand[sp->ncand++] = sp->ntk;
		} else {
slow:
			j = txtok_next(s, n, pos, &t);
			if (t.kind == TXTOK_SPACE) {
				space = 1;
				nl |= t.newlines > 0;
				pos = j;
				continue;
			}
			k->end = t.end;
			k->kind = t.kind;
			k->first = t.first;
			k->last = t.last;
			k->flags = t.flags | (separator_token(&t) ? TK_SEP : 0);
			sp->spec[sp->nspec] = sp->ntk;
			sp->nspec += k->kind != TXTOK_WORD || k->end - k->start < 2;
			sp->cand[sp->ncand] = sp->ntk;
			sp->ncand += !(k->flags & TXTOK_LOWER) || after_any(k);
		}
		pos = j;
		k->space = space;
		k->nl = nl;
		k->hard = 0;
		k->marker = 0;
		space = nl = 0;
		sp->ntk++;
	}
	if (sp->ntk > 0)
		memset(sp->brk, 0, sp->ntk);
	return 0;
}

/* Characters of s[a..b), white space at either end left out. */
static size_t
trimmed_width(const char *s, size_t a, size_t b)
{
	while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
		b--;
	return txu8_count(s, a, b);
}

/* The longest line of paragraph s[0..n), in characters; 0 if it is one line. */
static size_t
para_width(const char *s, size_t n)
{
	const char *nl;
	size_t a = 0, w = 0, k;

	if (memchr(s, '\n', n) == NULL)
		return 0;
	while (a <= n) {
		nl = memchr(s + a, '\n', n - a);
		k = trimmed_width(s, a, nl != NULL ? (size_t)(nl - s) : n);
		if (k > w)
			w = k;
		if (nl == NULL)
			break;
		a = (size_t)(nl - s) + 1;
	}
	return w;
}

/*
 * Which newlines end a sentence.  In auto mode a line ends a sentence
 * unless the paragraph looks hard-wrapped and the next line's first word
 * would not have fitted on it.
 */
static int is_terminal_end(const struct tk *t);

/*
 * Whether the paragraph's last line ends a sentence with a mark: then a
 * line that ends without one, followed by a line in lower case, goes on
 * ("It was a cold\nnight in the city."), while a list of short lines
 * without marks ("features\ncontact manager") stays a list.
 */
static int
ends_with_mark(const struct splitter *sp)
{
	return sp->ntk > 0 && is_terminal_end(&sp->tk[sp->ntk - 1]);
}

static void
mark_lines(struct splitter *sp, const char *s)
{
	struct tk *tk = sp->tk;
	size_t i, j, a, len, width = sp->width;
	int marked;

	if (sp->newlines == SPLIT_NL_SPACE || width == 0)
		return;
	marked = sp->newlines == SPLIT_NL_AUTO && sp->to == sp->len &&
	    ends_with_mark(sp);
	for (i = 1; i < sp->ntk; i++) {
		if (!tk[i].nl)
			continue;
		if (sp->newlines == SPLIT_NL_BREAK) {
			tk[i].hard = 1;
			continue;
		}
		/* a line in lower case, or in a script without case, goes on */
		if (marked && !is_terminal_end(&tk[i - 1]) &&
		    ((tk[i].flags & TXTOK_LOWER) || txu8_is_cjk(tk[i].first)))
			continue;
		if (width > WRAP_MAX || width < WRAP_MIN) {
			tk[i].hard = 1;
			continue;
		}
		/* the line before, from its start in the paragraph */
		for (a = tk[i - 1].end; a > 0 && s[a - 1] != '\n'; a--)
			;
		len = trimmed_width(s, a, tk[i - 1].end);
		/* the next line's first word, up to white space */
		for (j = i; j + 1 < sp->ntk && !tk[j + 1].space; j++)
			;
		tk[i].hard = len + 1 + txu8_count(s, tk[i].start, tk[j].end) <= width;
	}
}

static int
is_char(const struct tk *t, int32_t c)
{
	return t->first == c && t->last == c;
}

static int
is_closer(int32_t c)
{
	return txch_is(c, TXCH_CLOSE);
}

/* What may come before the first word of a sentence. */
static int
is_opener(int32_t c)
{
	return c == '*' || txch_is(c, TXCH_OPEN | TXCH_INVERTED);
}

static int
is_bullet(int32_t c)
{
	return txch_is(c, TXCH_BULLET);
}

enum term { T_NONE, T_DOT, T_ELLIPSIS, T_QE, T_CJK, T_ABBR };

static inline enum term
terminal(const struct tk *t)
{
	int32_t c = t->first;
	unsigned cls;

	if (t->kind == TXTOK_ABBREV)
		return T_ABBR;
	if (t->kind != TXTOK_PUNCT)
		return T_NONE;
	if (c == '.')
		return t->end - t->start == 1 ? T_DOT : T_ELLIPSIS;
	cls = txch_class(c);
	if (cls & TXCH_ELLIPSIS)
		return T_ELLIPSIS;
	if (cls & TXCH_TERMINAL)
		return cls & TXCH_WIDE ? T_CJK : T_QE;
	return T_NONE;
}

/* Whether t ends with a sentence mark, closing quotes and brackets aside. */
static int
is_terminal_end(const struct tk *t)
{
	if (t->kind == TXTOK_ABBREV)
		return 1;
	return t->kind == TXTOK_PUNCT && txch_is(t->last,
	    TXCH_TERMINAL | TXCH_ELLIPSIS | TXCH_CLOSE);
}

static int
sentence_start(const struct splitter *sp, size_t i)
{
	return i == 0 || sp->brk[i - 1] || sp->tk[i].hard;
}

/* List markers: "1." "2)" "a." "•" at a sentence start, or continuing a list. */
static void
mark_lists(struct splitter *sp, const char *s)
{
	struct tk *tk = sp->tk;
	long last = -1, v;
	size_t i, x, len;

	/* markers are numbers, single letters and bullets: special tokens */
	for (x = 0; x < sp->nspec; x++) {
		i = sp->spec[x];
		/* "• item", and "⁃9." glued to its number */
		if (is_bullet(tk[i].first) && tk[i].kind != TXTOK_WORD &&
		    (i + 1 == sp->ntk || tk[i + 1].space ||
		    tk[i + 1].kind == TXTOK_NUMBER)) {
			tk[i].marker = 1;
			if (i > 0)
				sp->brk[i - 1] = 1;
			continue;
		}
		if (i + 2 >= sp->ntk || tk[i + 1].space ||
		    !(is_char(&tk[i + 1], '.') || is_char(&tk[i + 1], ')')))
			continue;
		/* "1.)" */
		len = tk[i].end - tk[i].start;
		if (tk[i].kind == TXTOK_NUMBER && len <= 2)
			v = strtol(s + tk[i].start, NULL, 10);
		else if (tk[i].kind == TXTOK_WORD && len == 1 &&
		    s[tk[i].start] >= 'a' && s[tk[i].start] <= 'z')
			v = 1000 + s[tk[i].start] - 'a';
		else
			continue;
		if (!(tk[i + 2].space || (is_char(&tk[i + 2], ')') &&
		    i + 3 < sp->ntk && tk[i + 3].space)))
			continue;
		/* a list starts at 1 or a, after a bullet, or heads a paragraph */
		if (sentence_start(sp, i) || (i > 0 && tk[i - 1].marker) ?
		    (v == 1 || v == 1000 || last >= 0 || (i > 0 && tk[i - 1].marker) ||
		    (i == 0 && sp->pos == 0 && v < 1000)) :
		    (last >= 0 && v == last + 1)) {
			if (i > 0 && !tk[i - 1].marker)
				sp->brk[i - 1] = 1;
			tk[i].marker = tk[i + 1].marker = 1;
			last = v;
		}
	}
}

static int
is_opener_word(const struct splitter *sp, const char *s, const struct tk *t)
{
	return (t->flags & TXTOK_UPPER) && in_list(&sp->list[L_OPENERS],
	    s + t->start, t->end - t->start, sp->len - t->start, 1);
}

enum next { N_UPPER, N_LOWER, N_DIGIT, N_OTHER };

static enum next
next_class(const struct tk *t)
{
	if (t->flags & TXTOK_UPPER)
		return N_UPPER;
	if (t->flags & TXTOK_LOWER)
		return N_LOWER;
	if (txu8_is_digit(t->first))
		return N_DIGIT;
	return N_OTHER;
}

/*
 * Whether a sentence ends after the terminal punctuation tk[a..b]
 * (closing quotes and brackets included), of kind term.
 */
static int
decide(struct splitter *sp, const char *s, size_t a, size_t b, enum term term)
{
	struct tk *tk = sp->tk, *prev = a > 0 ? &tk[a - 1] : NULL, *next;
	enum next nc;
	size_t plen;

	if (b + 1 >= sp->ntk || tk[b + 1].hard || term == T_CJK)
		return 1;
	next = &tk[b + 1];
	if (next->marker)
		return 1;
	/* "Great! :-)": the smile ends the sentence, not the mark */
	if (next->kind == TXTOK_EMOTICON)
		return 0;
	nc = next_class(next);
	/* a citation closes the sentence: '..." (Lee 12).' */
	if (is_char(next, '(')) {
		size_t k;

		for (k = b + 2; k < sp->ntk && k < b + 8 && !is_char(&tk[k], ')'); k++)
			;
		if (k + 1 < sp->ntk && is_char(&tk[k], ')') &&
		    tk[k - 1].kind == TXTOK_NUMBER && is_char(&tk[k + 1], '.'))
			return 0;
	}
	/* an opening quote or bracket: what it opens decides */
	if (nc == N_OTHER && is_opener(next->first) && b + 2 < sp->ntk &&
	    !tk[b + 2].space) {
		next = &tk[b + 2];
		nc = next_class(next);
	}
	if (!tk[b + 1].space) {
		/* glued: "the store.Today", "Really?Yes" */
		if (nc != N_UPPER || allcaps(s, next) ||
		    next->end - next->start < 2)
			return 0;
		if (term == T_DOT)
			return prev != NULL && prev->kind == TXTOK_WORD &&
			    txu8_is_lower(prev->last) &&
			    txu8_count(s, prev->start, prev->end) >= 2;
		return term == T_QE || term == T_ELLIPSIS;
	}
	switch (term) {
	case T_QE:
		/* '"Why?" she asked' goes on; web text starts sentences in lower case */
		if (nc == N_LOWER)
			return (b == a || !is_closer(tk[b].first) ||
			    tk[b].first == ')') && !(prev != NULL &&
			    TK_IN(sp, s, prev, L_BANG));
		if (prev != NULL && b == a && TK_IN(sp, s, prev, L_BANG))
			return is_opener_word(sp, s, next);
		return 1;
	case T_ELLIPSIS:
		return nc == N_UPPER && !is_char(next, 'I');
	case T_ABBR:
		if (TK_IN(sp, s, &tk[a], L_MIDABBR))
			return 0;
		/* "at 5 p.m. Dr. Lee": after a time, a title starts a sentence */
		if (prev != NULL && prev->kind == TXTOK_NUMBER && nc == N_UPPER &&
		    TK_IN(sp, s, next, L_TITLES))
			return 1;
		return is_opener_word(sp, s, next);
	default:
		break;
	}
	/* a single dot */
	if (prev == NULL || prev->marker)
		return 0;
	if (prev->kind == TXTOK_WORD) {
		plen = txu8_count(s, prev->start, prev->end);
		if (plen == 1 && txu8_is_upper(prev->first) &&
		    !(prev->first == 'I' && a >= 2 &&
		    (tk[a - 2].flags & TXTOK_LOWER)))
			return nc == N_UPPER && is_opener_word(sp, s, next);
		if (TK_IN(sp, s, prev, L_TITLES) || TK_IN(sp, s, prev, L_MIDABBR))
			return 0;
		if (TK_IN(sp, s, prev, L_NUMABBR) && nc == N_DIGIT)
			return 0;
		if (TK_IN(sp, s, prev, L_ABBR) || in_list_folded(&sp->list[L_LEARNED],
		    s + prev->start, prev->end - prev->start))
			return nc == N_UPPER && is_opener_word(sp, s, next);
	}
	switch (nc) {
	case N_LOWER:
		/*
		 * "done. then", but not "3 ft. long", "a. b", "(as an
		 * engineer.) at" or "'This is great.' she said"
		 */
		if (b > a)
			return 0;
		return (prev->kind == TXTOK_WORD && txu8_count(s, prev->start, prev->end) > 1 &&
		    txu8_is_lower(prev->last)) || (prev->kind == TXTOK_NUMBER &&
		    prev->end - prev->start > 2);
	case N_DIGIT:
		/* "N°. 5", "(see 3.) 4": only a word ends a sentence before a number */
		return prev->kind == TXTOK_WORD && txu8_count(s, prev->start, prev->end) > 1;
	case N_OTHER:
		if (is_closer(next->first) || next->first == ',' ||
		    next->first == ';' || next->first == ':')
			return 0;
		return 1;
	default:
		return 1;
	}
}

/* "08/16/2000" */
static int
is_date(const char *s, const struct tk *t)
{
	size_t n = t->end - t->start;

	return t->kind == TXTOK_NUMBER && (n == 8 || n == 10) &&
	    s[t->start + 2] == '/' && s[t->start + 5] == '/';
}

/*
 * Boundaries of web and e-mail text that no full stop marks: around an
 * emoticon or a separator line ("*****"; the model's to decide when there
 * is one: such a line is as often a list's bullet), after a letter's closing
 * ("Thanks, Sean"), around a mail header's date ("Sean Boyle 08/17/2000
 * 11:21 AM I spoke").
 */
static void
mark_web(struct splitter *sp, const char *s)
{
	struct tk *tk = sp->tk;
	size_t i, x, n = sp->ntk;

	for (x = 0; x < sp->nspec; x++) {
		/* none of these is a word */
		if (tk[i = sp->spec[x]].kind == TXTOK_WORD)
			continue;
		if (tk[i].kind == TXTOK_EMOTICON && i + 1 < n &&
		    (tk[i + 1].kind == TXTOK_WORD || is_opener(tk[i + 1].first)))
			sp->brk[i] = 1;
		else if (!sp->model_decides && is_separator(&tk[i])) {
			if (i > 0)
				sp->brk[i - 1] = 1;
			sp->brk[i] = 1;
		} else if (is_char(&tk[i], ',') && i > 0 && i + 1 < n &&
		    (tk[i + 1].flags & TXTOK_UPPER) &&
		    TK_IN(sp, s, &tk[i - 1], L_CLOSINGS) &&
		    (sentence_start(sp, i - 1) || (i >= 2 &&
		    sentence_start(sp, i - 2) && (tk[i - 2].flags & TXTOK_UPPER))))
			sp->brk[i] = 1;
		else if (is_date(s, &tk[i]) && i + 2 < n &&
		    tk[i + 1].kind == TXTOK_NUMBER && tk[i + 2].kind == TXTOK_WORD &&
		    (tk[i + 2].end - tk[i + 2].start == 2) &&
		    (s[tk[i + 2].start] == 'A' || s[tk[i + 2].start] == 'P') &&
		    s[tk[i + 2].start + 1] == 'M') {
			if (i > 0 && !(tk[i - 1].flags & TXTOK_LOWER))
				sp->brk[i - 1] = 1;
			if (i + 3 < n && !(tk[i + 3].flags & TXTOK_LOWER))
				sp->brk[i + 2] = 1;
		}
	}
}

/*
 * The last token of a citation bracket right after the sentence end at
 * tk[j] ("in mice. [12] Later", "[3, 4]", "[5-7]"), which belongs to the
 * sentence before it; j when there is none.
 */
static size_t
citation_end(const struct splitter *sp, size_t j)
{
	const struct tk *tk = sp->tk;
	size_t k;

	if (j + 2 >= sp->ntk || !is_char(&tk[j + 1], '[') || tk[j + 2].space)
		return j;
	for (k = j + 2; k < sp->ntk && k < j + 12; k++) {
		if (is_char(&tk[k], ']'))
			return k > j + 2 && (k + 1 == sp->ntk || tk[k + 1].space) ? k : j;
		if (!txu8_is_digit(tk[k].first) && !is_char(&tk[k], ',') &&
		    !is_char(&tk[k], '-') && !txch_is(tk[k].first, TXCH_DASH))
			return j;
	}
	return j;
}

static void
split_english(struct splitter *sp, const char *s)
{
	struct tk *tk = sp->tk;
	enum term term;
	size_t i, j, x, done = 0;

	mark_lists(sp, s);
	mark_web(sp, s);
	/* a mark is a special token */
	for (x = 0; x < sp->nspec; x++) {
		if ((i = sp->spec[x]) < done)
			continue;
		if ((term = terminal(&tk[i])) == T_NONE || tk[i].marker)
			continue;
		/* "[...]" marks an omission, not an end */
		if (term == T_ELLIPSIS && i > 0 && i + 1 < sp->ntk &&
		    (is_char(&tk[i - 1], '[') || is_char(&tk[i - 1], '(')) &&
		    !tk[i].space && !tk[i + 1].space &&
		    (is_char(&tk[i + 1], ']') || is_char(&tk[i + 1], ')')))
			continue;
		j = i;
		/* ". . ." */
		if (term == T_DOT) {
			while (j + 1 < sp->ntk && is_char(&tk[j + 1], '.') &&
			    tk[j + 1].space && !tk[j + 1].hard)
				j++;
			if (j - i >= 2)
				term = T_ELLIPSIS;
			else
				j = i;
		}
		/* closing quotes and brackets, and more marks: '?!"' ".)" "L.P.." */
		while (j + 1 < sp->ntk && !tk[j + 1].space &&
		    (is_closer(tk[j + 1].first) || terminal(&tk[j + 1]) != T_NONE) &&
		    tk[j + 1].kind == TXTOK_PUNCT) {
			if (terminal(&tk[j + 1]) == T_QE)
				term = T_QE;
			else if (term == T_ABBR && is_char(&tk[j + 1], '.'))
				term = T_DOT;
			j++;
		}
		if (decide(sp, s, i, j, term))
			sp->brk[citation_end(sp, j)] = 1;
		done = j + 1;
	}
}

/*
 * The boundary model: a logistic regression over hashed features of the
 * gaps the rules leave open (mksplit trains it).  A gap is a candidate
 * when no mark ends the token before it (the rules decide those) and
 * what follows may start a sentence: a capital, a digit, an opening
 * quote or bracket, a dash, or anything after an emoticon, a URL or an
 * address.
 * Its features: the forms and shapes of two tokens either side, and how
 * far the gap is from the rules' boundaries before and after it, which
 * are the rules' alone so that a window decides as the whole would.
 */
enum { F_L1 = 1, F_R1, F_L2, F_R2, F_SL, F_SR, F_SLR, F_SLLR, F_L1SR, F_SLR1,
	F_L2L1, F_R1R2, F_SINCE, F_UNTIL, F_SINCE_SR, F_UNTIL_SR, F_OPENER,
	F_NL_SR, F_CLOSING, F_L1R1, F_SEP };

#define FORM_MAX 24

/* v with its ASCII capitals lowered, eight bytes at once. */
static inline uint64_t
lower8(uint64_t v)
{
	uint64_t a = v & ~HIGHS;

	return v | ((a + (0x80 - 'A') * ONES) & ~(a + (0x80 - 'Z' - 1) * ONES) &
	    ~v & HIGHS) >> 2;
}

/*
 * The hash of a token's form: a word lower-cased (ASCII) and cut (that is
 * txhash of those bytes), a class for the rest.
 */
static uint64_t
form(const char *s, size_t len, const struct tk *t)
{
	const unsigned char *p;
	uint64_t h;
	size_t n;

	if (t == NULL)
		return 1;
	switch (t->kind) {
	case TXTOK_NUMBER:
	case TXTOK_URL:
	case TXTOK_EMAIL:
	case TXTOK_HANDLE:
	case TXTOK_HASHTAG:
	case TXTOK_EMOTICON:
	case TXTOK_INVALID:
		return 2 + t->kind;
	default:
		break;
	}
	if ((n = t->end - t->start) > FORM_MAX)
		n = FORM_MAX;
	p = (const unsigned char *)s + t->start;
	h = txhash_start(n, 0);
	for (; n >= 8; n -= 8, p += 8)
		h = txhash_block(h, lower8(txhash_load64_(p)));
	return txhash_end(h, lower8(tail_word(p, n,
	    (size_t)(p - (const unsigned char *)s) + 8 <= len)), n);
}

/* A token's shape: its case pattern, or its kind, and whether it is short. */
static uint64_t
shape(const char *s, const struct tk *t)
{
	/* by TXTOK_UPPER | TXTOK_LOWER: neither, upper, lower, (both) */
	static const unsigned char by_case[4] = { 5, 3, 4, 3 };
	uint64_t k;

	if (t == NULL)
		return 1;
	switch (t->kind) {
	case TXTOK_WORD:
	case TXTOK_ABBREV:
		k = allcaps(s, t) ? 2 : by_case[t->flags & (TXTOK_UPPER | TXTOK_LOWER)];
		if (t->kind == TXTOK_ABBREV)
			k |= 8;
		if (t->end - t->start <= 2 || (t->end - t->start <= 8 &&
		    !(t->flags & TK_ASCII) && txu8_count(s, t->start, t->end) <= 2))
			k |= 16;
		return k;
	case TXTOK_PUNCT:
	case TXTOK_SYMBOL:
		return 256 + ((unsigned char)s[t->start] < 0x80 ?
		    (unsigned char)s[t->start] : 128);
	default:
		return 32 + t->kind;
	}
}

/* 0, 1, 2, 3, 4-5, 6-8, 9-12, 13-20, 21-35, 36 and more */
static uint64_t
bucket(size_t n)
{
	static const unsigned char of[36] = {
		0, 1, 2, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7,
		8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8
	};

	return n < sizeof(of) ? of[n] : 9;
}

/* Feature tmpl of the parts a and b: its index among 1 << SPLIT_BITS. */
static uint32_t
feat(unsigned tmpl, uint64_t a, uint64_t b)
{
	uint64_t h = (a * TXHASH_K1) ^ (b * TXHASH_K2) ^ (tmpl * TXHASH_K0);

	return (uint32_t)(txhash_mix_(h) >> (64 - SPLIT_BITS));
}

/* Whether a mark ends tk[i], closing quotes and brackets aside. */
static int
after_mark(const struct splitter *sp, size_t i)
{
	const struct tk *tk = sp->tk;

	while (i > 0 && tk[i].kind == TXTOK_PUNCT && is_closer(tk[i].first) &&
	    !tk[i].space)
		i--;
	return terminal(&tk[i]) != T_NONE;
}

static int
candidate(const struct splitter *sp, size_t i)
{
	const struct tk *l = &sp->tk[i], *r = &sp->tk[i + 1];

	if (!r->space || r->marker)
		return 0;
	if (is_separator(r))
		return !after_mark(sp, i);
	if (!(r->flags & TXTOK_UPPER) && !(r->flags & TXTOK_LOWER) &&
	    !txu8_is_digit(r->first) && !is_opener(r->first) && r->first != '-' &&
	    !txch_is(r->first, TXCH_DASH) && !after_any(l))
		return 0;
	if ((r->flags & TXTOK_LOWER) && !after_any(l))
		return 0;
	return !after_mark(sp, i);
}

/* A token's form and shape, kept for the gaps around it. */
struct seen {
	size_t i;	/* the token; SIZE_MAX: none yet */
	uint64_t form, shape;
};

static const struct seen *
token(const struct splitter *sp, const char *s, struct seen *c, size_t i)
{
	struct seen *e = &c[i & 3];

	if (e->i != i) {
		e->i = i;
		e->form = form(s, sp->len, &sp->tk[i]);
		e->shape = shape(s, &sp->tk[i]);
	}
	return e;
}

/*
 * The features of the gap after tk[i], since and until tokens from the
 * rules' boundaries, into f[0..SPLIT_FEAT_MAX); returns their number.
 */
static size_t
gap_features(const struct splitter *sp, const char *s, size_t i, size_t since,
    size_t until, struct seen *c, uint32_t *f)
{
	const struct tk *tk = sp->tk;
	static const struct seen none = { 0, 1, 1 };
	const struct seen *l2 = since > 1 ? token(sp, s, c, i - 1) : &none;
	const struct seen *l1 = token(sp, s, c, i), *r1 = token(sp, s, c, i + 1);
	const struct seen *r2 = until > 1 ? token(sp, s, c, i + 2) : &none;
	size_t n = 0;

	f[n++] = feat(F_L1, l1->form, 0);
	f[n++] = feat(F_R1, r1->form, 0);
	f[n++] = feat(F_L2, l2->form, 0);
	f[n++] = feat(F_R2, r2->form, 0);
	f[n++] = feat(F_SL, l1->shape, 0);
	f[n++] = feat(F_SR, r1->shape, 0);
	f[n++] = feat(F_SLR, l1->shape, r1->shape);
	f[n++] = feat(F_SLLR, l2->shape, l1->shape << 16 | r1->shape);
	f[n++] = feat(F_L1SR, l1->form, r1->shape);
	f[n++] = feat(F_SLR1, l1->shape, r1->form);
	f[n++] = feat(F_L2L1, l2->form, l1->form);
	f[n++] = feat(F_R1R2, r1->form, r2->form);
	f[n++] = feat(F_L1R1, l1->form, r1->form);
	f[n++] = feat(F_SINCE, bucket(since), 0);
	f[n++] = feat(F_SINCE_SR, bucket(since), r1->shape);
	f[n++] = feat(F_UNTIL, bucket(until), 0);
	f[n++] = feat(F_UNTIL_SR, bucket(until), r1->shape);
	if (is_opener_word(sp, s, &tk[i + 1]))
		f[n++] = feat(F_OPENER, 0, 0);
	if (TK_IN(sp, s, &tk[i], L_CLOSINGS))
		f[n++] = feat(F_CLOSING, 0, 0);
	f[n++] = feat(F_NL_SR, tk[i + 1].nl, r1->shape);
	if (is_separator(&tk[i]))
		f[n++] = feat(F_SEP, 1, r1->shape);
	if (is_separator(&tk[i + 1]))
		f[n++] = feat(F_SEP, 2, l1->shape);
	return n;
}

static double
score(const struct splitter *sp, const uint32_t *f, size_t n)
{
	double v = sp->bias;
	size_t i;

	for (i = 0; i < n; i++)
		v += txmodel_getf32(sp->w + 4 * (size_t)f[i]);
	return v;
}

/* The first of the rules' boundaries from token i on; ntk if none. */
static size_t
next_rule(const struct splitter *sp, size_t i)
{
	const unsigned char *b;

	if (i >= sp->ntk)
		return sp->ntk;
	b = memchr(sp->brk + i, 1, sp->ntk - i);
	return b != NULL ? (size_t)(b - sp->brk) : sp->ntk;
}

/*
 * The next gap from done on that mark_model looks at: every gap for the
 * sink, else those that sp->cand lists (*x its place there); SIZE_MAX
 * after the last.
 */
static size_t
next_gap(const struct splitter *sp, size_t done, size_t *x)
{
	size_t t;

	if (sp->sink != NULL)
		return done + 1 < sp->ntk ? done : SIZE_MAX;
	for (; *x < sp->ncand; ++*x) {
		t = sp->cand[*x];
		if (t >= 1 && t - 1 >= done)
			return t - 1;
		if (t >= done && t + 1 < sp->ntk && after_any(&sp->tk[t]))
			return t;
	}
	return SIZE_MAX;
}

/*
 * The model's boundaries, after the rules' (brk); each offered to the
 * sink.  Those it adds come before the rule boundary (rule) that the
 * gaps' distances are counted to, so they are never counted.
 */
static void
mark_model(struct splitter *sp, const char *s)
{
	uint32_t f[SPLIT_FEAT_MAX];
	struct seen c[4];
	struct split_gap g;
	size_t i, x = 0, done = 0, from = 0, rule, until;

	if (sp->w == NULL && sp->sink == NULL)
		return;
	for (i = 0; i < 4; i++)
		c[i].i = SIZE_MAX;
	rule = next_rule(sp, 0);
	while ((i = next_gap(sp, done, &x)) != SIZE_MAX) {
		done = i + 1;
		while (rule < i) {
			from = rule + 1;
			rule = next_rule(sp, rule + 1);
		}
		g.end = sp->tk[i].end;
		g.next = sp->tk[i + 1].start;
		g.rule = rule == i;
		if (g.rule || !candidate(sp, i)) {
			if (sp->sink != NULL && (g.rule || sp->every_gap)) {
				g.feat = NULL;
				g.nfeat = 0;
				sp->sink(sp->sink_arg, &g);
			}
			continue;
		}
		until = (rule < sp->ntk - 1 ? rule : sp->ntk - 1) - i;
		g.feat = f;
		g.nfeat = gap_features(sp, s, i, i - from + 1, until, c, f);
		if (sp->sink != NULL)
			sp->sink(sp->sink_arg, &g);
		if (sp->w != NULL && score(sp, f, g.nfeat) > sp->threshold)
			sp->brk[i] = 1;
	}
}

/* Whether t is an abbreviation of language lang that ends no sentence. */
static int
other_abbr(const struct txlang *pl, const char *s, const struct tk *t)
{
	return pl != NULL && txlang_in(pl->nonfinal, s + t->start,
	    t->end - t->start);
}

/* A token of one letter. */
static int
is_letter(const char *s, const struct tk *t)
{
	return t->kind == TXTOK_WORD && txu8_count(s, t->start, t->end) == 1;
}

/*
 * Whether tk[j], a letter before a full stop, is one of a run of such
 * letters: "z. B.", "d. h.", "u. a.", initials ("J. R. Tolkien").
 */
static int
dotted_letters(const struct splitter *sp, const char *s, size_t j)
{
	const struct tk *tk = sp->tk;

	if (!is_letter(s, &tk[j]))
		return 0;
	if (j + 3 < sp->ntk && tk[j + 2].space && is_letter(s, &tk[j + 2]) &&
	    is_char(&tk[j + 3], '.'))
		return 1;
	return j >= 2 && tk[j].space && is_char(&tk[j - 1], '.') &&
	    is_letter(s, &tk[j - 2]);
}

/* Whether the number tk[j] follows a word that makes it a count: "Seite 12". */
static int
counted(const struct txlang *pl, const char *s, const struct tk *tk, size_t j)
{
	if (pl == NULL || j == 0)
		return 0;
	j--;
	if (j > 0 && is_char(&tk[j], '.'))
		j--;
	return txlang_in(pl->numabbr, s + tk[j].start, tk[j].end - tk[j].start);
}

/* An opening quote or bracket that is no closing one too (not '"'). */
static int
is_open_punct(int32_t c)
{
	unsigned cls = txch_class(c);

	return (cls & (TXCH_OPEN | TXCH_INVERTED)) && !(cls & TXCH_CLOSE);
}

/* The brackets of CJK titles and quotations, which hold a "！" or "？" of their own. */
static const char cjk_open[] = "\xE3\x80\x8C\xE3\x80\x8E\xE3\x80\x8A\xE3\x80\x88\xE3\x80\x90";	/* 「『《〈【 */
static const char cjk_close[] = "\xE3\x80\x8D\xE3\x80\x8F\xE3\x80\x8B\xE3\x80\x89\xE3\x80\x91";	/* 」』》〉】 */

/* Which of cjk_open (or cjk_close) s[i..] starts with: its index, or -1. */
static int
cjk_bracket(const char *set, const char *s, size_t i, size_t n)
{
	int k;

	if (i + 3 > n || (unsigned char)s[i] != 0xE3)
		return -1;
	for (k = 0; k < 5; k++)
		if (memcmp(s + i, set + 3 * k, 3) == 0)
			return k;
	return -1;
}

/* The longest CJK title or quotation looked for around a mark, in bytes. */
#define CJK_QUOTE_MAX 600

/*
 * Whether s[at] is inside a CJK bracket opened since from and closed
 * before to: "《你好！世界》" is one title, not two sentences.  Only
 * CJK_QUOTE_MAX bytes either side are looked at, so that a run of marks
 * in an unclosed bracket costs no more than it.
 */
static int
in_cjk_brackets(const char *s, size_t from, size_t at, size_t to)
{
	size_t i;
	int depth = 0;

	if (at - from > CJK_QUOTE_MAX)
		from = at - CJK_QUOTE_MAX;
	if (to - at > CJK_QUOTE_MAX)
		to = at + CJK_QUOTE_MAX;
	for (i = from; i < at; i++)
		if (cjk_bracket(cjk_open, s, i, to) >= 0)
			depth++;
		else if (depth > 0 && cjk_bracket(cjk_close, s, i, to) >= 0)
			depth--;
	if (depth == 0)
		return 0;
	for (i = at; i < to; i++)
		if (cjk_bracket(cjk_close, s, i, to) >= 0)
			return 1;
		else if (cjk_bracket(cjk_open, s, i, to) >= 0)
			return 0;
	return 0;
}

/*
 * ICU's rules for other languages, with the line breaks already decided,
 * then mended where UAX #29 is known to go wrong: an opening bracket after
 * a full stop is taken for a closing one ("？「"), a French spaced closing
 * guillemet is left behind ("! »"), abbreviations (the language's own and
 * runs of dotted letters), ordinals (but a count: "Seite 12. Dort"), and a
 * "！" or "？" inside a CJK title or quotation.
 */
static int
split_icu(struct splitter *sp, const char *s, size_t from, size_t to,
    const char *lang)
{
	struct tk *tk = sp->tk;
	const char *why;
	long b;
	size_t i, k, last = 0;
	const struct txlang *pl = txlang_find(lang);
	int ordinals = pl != NULL && (pl->flags & TXLANG_DOT_ORDINALS);

	if (txvec_grow((void **)&sp->copy, &sp->copycap, to - from + 1, 1) != 0)
		return -1;
	memcpy(sp->copy, s + from, to - from);
	/* ICU breaks at every newline: blank the soft ones. */
	for (i = 1; i < sp->ntk; i++)
		if (tk[i].nl && !tk[i].hard)
			for (k = tk[i - 1].end; k < tk[i].start; k++)
				if (s[k] == '\n' || s[k] == '\r')
					sp->copy[k - from] = ' ';
	if (txbrk_set_text(sp->icu, sp->copy, to - from, &why) != 0) {
		sp->why = why;
		return -1;
	}
	i = 0;
	while ((b = txbrk_next(sp->icu)) >= 0) {
		b += (long)from;
		while (i < sp->ntk && tk[i].end <= (size_t)b)
			i++;
		if (i >= sp->ntk)
			break;
		k = i;
		while (k > last + 1 && is_open_punct(tk[k - 1].first) &&
		    !tk[k].space)
			k--;
		while (k < sp->ntk && tk[k].space && tk[k].kind == TXTOK_PUNCT &&
		    is_closer(tk[k].first) && (k + 1 == sp->ntk || tk[k + 1].space))
			k++;
		if (k == 0 || k >= sp->ntk)
			continue;
		if (is_char(&tk[k - 1], '.') && k >= 2) {
			if (other_abbr(pl, s, &tk[k - 2]) || dotted_letters(sp, s, k - 2))
				continue;
			/* "1. Punkt", and "am 1. Januar" where ordinals take a dot */
			if (tk[k - 2].kind == TXTOK_NUMBER &&
			    tk[k - 2].end - tk[k - 2].start <= 2 &&
			    (ordinals || k - 2 == last) && !counted(pl, s, tk, k - 2))
				continue;
		}
		/* 「はい。」と言った: a closing quote then a particle goes on */
		if (is_closer(tk[k - 1].last) && !tk[k].space &&
		    tk[k].first >= 0x3040 && tk[k].first <= 0x309F)
			continue;
		if ((tk[k - 1].last == 0xFF01 || tk[k - 1].last == 0xFF1F ||
		    tk[k - 1].last == '!' || tk[k - 1].last == '?') &&
		    in_cjk_brackets(s, tk[last].start, tk[k - 1].end, to))
			continue;
		sp->brk[k - 1] = 1;
		last = k;
	}
	return 0;
}

static int
script_lang(const char *s, size_t n, char *lang)
{
	size_t i = 0;
	int32_t cp;
	int han = 0;

	while (i < n) {
		i += txu8_decode(s + i, n - i, &cp);
		if ((cp >= 0x3040 && cp <= 0x30FF)) {
			strcpy(lang, "ja");
			return 1;
		}
		han |= cp >= 0x4E00 && cp <= 0x9FFF;
		if (cp >= 0x0400 && cp <= 0x04FF) {
			strcpy(lang, "ru");
			return 1;
		}
	}
	strcpy(lang, han ? "zh" : "en");
	return 1;
}

unsigned long long
split_cuts(const struct splitter *sp, size_t *max)
{
	*max = sp->max;
	return sp->cuts;
}

const char *
split_error(const struct splitter *sp)
{
	return sp->why != NULL ? sp->why : strerror(ENOMEM);
}

int
split_begin(struct splitter *sp, const char *s, size_t n)
{
	const struct txlang *pl;
	const char *why;

	sp->why = NULL;
	sp->text = s;
	sp->len = n;
	sp->pos = 0;
	sp->nspan = sp->next = 0;
	sp->width = sp->newlines == SPLIT_NL_SPACE ? 0 : para_width(s, n);
	if (strcmp(sp->lang, "auto") != 0) {
		strcpy(sp->lang_now, sp->icu == NULL ? "en" : "icu");
		return 0;
	}
	/* CLD2 where it is sure, else the script: a short line says little */
	if (!txlangid(s, n, sp->lang_now))
		script_lang(s, n, sp->lang_now);
	if (strcmp(sp->lang_now, "en") != 0 &&
	    strcmp(sp->lang_now, sp->icu_lang) != 0) {
		txbrk_close(sp->icu);
		pl = txlang_find(sp->lang_now);
		if ((sp->icu = txbrk_open(TXBRK_SENTENCE, sp->lang_now,
		    pl == NULL || !(pl->flags & TXLANG_OWN_ABBR), &why)) == NULL) {
			sp->why = why;
			sp->icu_lang[0] = '\0';
			return -1;
		}
		strcpy(sp->icu_lang, sp->lang_now);
	}
	return 0;
}

/* Splits s[from..to) into sp->span. */
static int
split_window(struct splitter *sp, size_t from, size_t to)
{
	const char *s = sp->text;
	size_t i, first = 0;

	sp->to = to;
	if (tokenize(sp, s, sp->len, from, to) != 0)
		return -1;
	mark_lines(sp, s);
	if (strcmp(sp->lang_now, "en") == 0)
		split_english(sp, s);
	else if (split_icu(sp, s, from, to, strcmp(sp->lang, "auto") == 0 ?
	    sp->lang_now : sp->lang) != 0)
		return -1;
	/* only mark_lines makes a token hard, and only in a paragraph of lines */
	if (sp->width != 0 && sp->newlines != SPLIT_NL_SPACE)
		for (i = 1; i < sp->ntk; i++)
			if (sp->tk[i].hard)
				sp->brk[i - 1] = 1;
	if (strcmp(sp->lang_now, "en") == 0)
		mark_model(sp, s);

	sp->nspan = sp->next = 0;
	for (i = 0; i < sp->ntk; i++) {
		if (i + 1 < sp->ntk && !sp->brk[i]) {
			const unsigned char *b = memchr(sp->brk + i, 1, sp->ntk - i);

			i = b != NULL ? (size_t)(b - sp->brk) : sp->ntk - 1;
		}
		if (txvec_grow((void **)&sp->span, &sp->capspan, sp->nspan + 1,
		    sizeof(*sp->span)) != 0)
			return -1;
		sp->span[sp->nspan].start = sp->tk[first].start;
		sp->span[sp->nspan].end = sp->tk[i].end;
		sp->span[sp->nspan].label = NULL;
		sp->nspan++;
		first = i + 1;
	}
	return 0;
}

static int
is_white(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

int
split_next(struct splitter *sp, struct txspan *out)
{
	size_t want = SPLIT_WINDOW, to;

	while (sp->next == sp->nspan) {
		if (sp->pos >= sp->len)
			return 0;
		/*
		 * A window ends at white space; of its sentences the last two
		 * may go on past it (or need what follows to be decided), so
		 * the next window starts again at the first of them.
		 */
		for (;;) {
			to = sp->len - sp->pos <= want ? sp->len : sp->pos + want;
			while (to < sp->len && !is_white(sp->text[to]) &&
			    to - sp->pos < sp->max)
				to++;
			/* a cut inside a run without white space: at a character */
			while (to < sp->len && to > sp->pos + 1 &&
			    ((unsigned char)sp->text[to] & 0xC0) == 0x80)
				to--;
			if (split_window(sp, sp->pos, to) != 0)
				return -1;
			if (to == sp->len) {
				sp->pos = sp->len;
				break;
			}
			if (sp->nspan >= 3) {
				sp->nspan -= 2;
				sp->pos = sp->span[sp->nspan].start;
				break;
			}
			/* a run without white space made it the longest already */
			if (want >= sp->max || to - sp->pos >= sp->max) {
				/*
				 * No boundary in the longest window: cut at its
				 * end, or after the token that runs past it.
				 */
				sp->cuts++;
				sp->pos = sp->nspan > 0 && sp->span[sp->nspan - 1].end > to ?
				    sp->span[sp->nspan - 1].end : to;
				break;
			}
			want *= 2;	/* a sentence longer than the window */
			if (want > sp->max)
				want = sp->max;
		}
	}
	*out = sp->span[sp->next++];
	return 1;
}

int
split_unit_begin(void *eng, const struct txrun_unit *u, const char **why)
{
	if (split_begin(eng, u->text, u->len) == 0)
		return 0;
	*why = split_error(eng);
	return -1;
}

int
split_unit_next(void *eng, struct txrun_batch *b, const char **why)
{
	struct splitter *sp = eng;
	int k;

	if ((k = split_next(sp, &sp->one)) < 0) {
		*why = split_error(sp);
		return -1;
	}
	b->spans = &sp->one;
	b->n = (size_t)k;
	return k;
}
