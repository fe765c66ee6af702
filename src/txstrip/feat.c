#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "block.h"
#include "brk.h"
#include "hash.h"
#include "utf8.h"
#include "vec.h"
#include "words.h"

/* Feature templates: a feature is a template and an integer or a string. */
enum tmpl {
	T_WORDS = 1, T_CHARS, T_STOP, T_END, T_START, T_CAPS, T_DIGITS,
	T_SHAPE, T_WORD, T_FIRST, T_LAST, T_REPEAT, T_POS, T_RUN, T_HEAD,
	T_HEADAT, T_PREV, T_NEXT, T_NEIGH, T_WORDSEND, T_MARK,
	T_TAG, T_PARENT, T_PATH, T_CLASS, T_LINKS, T_TAGS, T_HEADING,
	T_LIST, T_LANDMARK, T_MAIN, T_NEIGHLINKS, T_PREVWORDS,
	T_P, T_WIN, T_MAXB, T_MAXA, T_MASS, T_PWORDS, T_GROUP, T_SECTION,
	T_NTMPL
};

static const char *const tmpl_name[T_NTMPL] = {
	"", "words", "chars", "stop", "end", "start", "caps", "digits",
	"shape", "word", "first", "last", "repeat", "pos", "run", "head",
	"headat", "prev", "next", "neigh", "words+end", "mark",
	"tag", "parent", "path", "class", "links", "tags", "heading",
	"list", "landmark", "main", "neighlinks", "prevwords",
	"p", "window", "maxbefore", "maxafter", "mass", "p+words", "group",
	"section"
};

/* What one pass over a block's text tells. */
struct bstat {
	unsigned words, chars, stop, caps, digits;
	unsigned char endc, startc, marks, prose, headlike, section;
	uint64_t key;		/* its normalized text, hashed: for repeats */
	uint32_t shape;		/* the same, for short blocks, as a feature */
};

#define FW_SLOTS 2048		/* a power of two, over twice the words of the table */
#define SHAPE_MAX 48
#define SEC_SLOTS 256		/* a power of two, over twice the section headings */

struct featurizer {
	unsigned bits;
	struct txbrk *brk;	/* ICU's words, for scripts written without spaces; opened when first needed */
	int nobrk;		/* ICU could not open one: letter runs it is */
	uint64_t fw_key[FW_SLOTS];
	uint16_t fw_lang[FW_SLOTS];	/* the languages a function word belongs to */
	uint64_t sec_key[SEC_SLOTS];	/* the section headings, by words_key */
	const struct blocks *bl;
	struct bstat *st;
	size_t stcap;
	uint64_t *rkey;		/* the repeat table: keys and counts */
	unsigned *rcount;
	size_t rcap, rmask;	/* the table's size, and the part this document uses, less 1 */
	size_t run0, run1;	/* the densest run of prose: blocks [run0, run1) */
	size_t *head;		/* the last heading-like block before each block, or SIZE_MAX */
	size_t *sect;		/* the last section heading before each block, or SIZE_MAX */
	size_t headcap, sectcap;
	/* the current block's output */
	uint32_t *out;
	const char **names;
	size_t nout;
	char namebuf[FEAT_MAX][64];
};

static uint32_t slot(unsigned bits, unsigned t, uint64_t v);
static void sec_add(struct featurizer *fz, const char *s);

static uint64_t
word_key(const char *w, size_t n)
{
	return txhash(w, n, 0x5eed);
}

static void
fw_add(struct featurizer *fz, const char *w, size_t n, unsigned lang)
{
	uint64_t k = word_key(w, n);
	size_t i = (size_t)k & (FW_SLOTS - 1);

	while (fz->fw_key[i] != 0 && fz->fw_key[i] != k)
		i = (i + 1) & (FW_SLOTS - 1);
	fz->fw_key[i] = k;
	fz->fw_lang[i] |= (uint16_t)(1u << lang);
}

static unsigned
fw_find(const struct featurizer *fz, uint64_t k)
{
	size_t i = (size_t)k & (FW_SLOTS - 1);

	while (fz->fw_key[i] != 0) {
		if (fz->fw_key[i] == k)
			return fz->fw_lang[i];
		i = (i + 1) & (FW_SLOTS - 1);
	}
	return 0;
}

struct featurizer *
feat_new(unsigned bits)
{
	struct featurizer *fz;
	const char *p, *q;
	size_t l;

	if (bits < 8 || bits > 30 || (fz = calloc(1, sizeof(*fz))) == NULL)
		return NULL;
	fz->bits = bits;
	for (l = 0; l < strip_nfwords && l < STRIP_MAXLANG; l++)
		for (p = strip_fwords[l].words; *p != '\0'; p = *q ? q + 1 : q) {
			q = strchr(p, ' ');
			if (q == NULL)
				q = p + strlen(p);
			fw_add(fz, p, (size_t)(q - p), (unsigned)l);
		}
	for (l = 0; l < strip_nsections && 2 * l < SEC_SLOTS; l++)
		sec_add(fz, strip_sections[l]);
	return fz;
}

void
feat_free(struct featurizer *fz)
{
	if (fz == NULL)
		return;
	free(fz->st);
	free(fz->rkey);
	free(fz->rcount);
	free(fz->head);
	free(fz->sect);
	txbrk_close(fz->brk);
	free(fz);
}

static int
is_wordchar(int32_t cp)
{
	if ((uint32_t)cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' &&
		    (cp | 0x20) <= 'z') || cp == '_';
	return cp >= 0 && (txu8_is_letter(cp) || txu8_class(cp, TXU8_C_DIGIT));
}

size_t
feat_words(const char *s, size_t n,
    void (*fn)(void *arg, const char *w, size_t wn), void *arg)
{
	size_t i = 0, start = 0, count = 0;
	int inword = 0, len = 1;
	int32_t cp;

	while (i <= n) {
		cp = i < n ? txu8_at(s, n, i, &len) : TXU8_END;
		if (i < n && is_wordchar(cp)) {
			if (!inword)
				start = i;
			inword = 1;
		} else {
			if (inword) {
				count++;
				if (fn != NULL)
					fn(arg, s + start, i - start);
			}
			inword = 0;
			if (i == n)
				break;
		}
		i += (size_t)len;
	}
	return count;
}

/* Lower case, digits as 0: the form features and keys are made of. */
static size_t
normalize(const char *s, size_t n, char *out, size_t max)
{
	size_t i = 0, o = 0;
	int len, space = 0;
	int32_t cp;
	char enc[4];

	while (i < n && o < max) {
		cp = txu8_at(s, n, i, &len);
		i += (size_t)len;
		if (cp < 0)
			continue;
		if (txu8_is_space(cp)) {
			space = o > 0;
			continue;
		}
		if (space && o < max)
			out[o++] = ' ';
		space = 0;
		if ((uint32_t)cp < 0x80) {
			if (o >= max)
				break;
			out[o++] = cp >= '0' && cp <= '9' ? '0' :
			    cp >= 'A' && cp <= 'Z' ? (char)(cp | 0x20) : (char)cp;
			continue;
		}
		if (txu8_is_digit(cp))
			cp = '0';
		else
			cp = txu8_tolower(cp);
		len = txu8_encode(cp, enc);
		if (o + (size_t)len > max)
			break;
		memcpy(out + o, enc, (size_t)len);
		o += (size_t)len;
	}
	return o;
}

struct wordskey {
	uint64_t h;
	unsigned n;
};

static void
key_word(void *arg, const char *w, size_t n)
{
	struct wordskey *k = arg;
	char low[64];
	size_t ln = normalize(w, n < 64 ? n : 64, low, sizeof(low));

	k->h = txhash(low, ln, k->h + k->n++);
}

/* The words of s[0..n), lowered, as one key: "Related Articles »" as "related articles". */
static uint64_t
words_key(const char *s, size_t n)
{
	struct wordskey k = { 0x5ec, 0 };

	feat_words(s, n, key_word, &k);
	return k.h | 1;
}

static void
sec_add(struct featurizer *fz, const char *s)
{
	uint64_t k = words_key(s, strlen(s));
	size_t i = (size_t)k & (SEC_SLOTS - 1);

	while (fz->sec_key[i] != 0 && fz->sec_key[i] != k)
		i = (i + 1) & (SEC_SLOTS - 1);
	fz->sec_key[i] = k;
}

static int
sec_find(const struct featurizer *fz, uint64_t k)
{
	size_t i = (size_t)k & (SEC_SLOTS - 1);

	while (fz->sec_key[i] != 0) {
		if (fz->sec_key[i] == k)
			return 1;
		i = (i + 1) & (SEC_SLOTS - 1);
	}
	return 0;
}

struct wordpass {
	const struct featurizer *fz;
	unsigned words, caps, digits;
	unsigned lang[STRIP_MAXLANG];
};

static void
count_word(void *arg, const char *w, size_t n)
{
	struct wordpass *wp = arg;
	char low[64];
	size_t ln;
	unsigned m, l;
	int len;
	int32_t cp = txu8_at(w, n, 0, &len);

	wp->words++;
	if (txu8_is_upper(cp))
		wp->caps++;
	else if (txu8_is_digit(cp))
		wp->digits++;
	if (n > 24)
		return;
	ln = normalize(w, n, low, sizeof(low));
	if ((m = fw_find(wp->fz, word_key(low, ln))) == 0)
		return;
	for (l = 0; l < STRIP_MAXLANG; l++)
		if (m & (1u << l))
			wp->lang[l]++;
}

/* The last character's class, looking through closing quotes and brackets. */
static unsigned char
end_class(const char *s, size_t n)
{
	int32_t cp;
	int len, closer = 0;

	while (n > 0) {
		len = txu8_decode_back(s, n, &cp);
		if (cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
		    cp == 0xBB || cp == ')' || cp == ']') {
			closer = 1;
			n -= (size_t)len;
			continue;
		}
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0x2026)
			return closer ? 14 : cp == '.' || cp == 0x3002 ? 1 :
			    cp == '!' ? 2 : cp == '?' ? 3 : 15;
		if (closer)
			return 8;
		if (cp == ':')
			return 4;
		if (cp == ',')
			return 5;
		if (cp == ';')
			return 6;
		if (cp == '-' || cp == 0x2013 || cp == 0x2014)
			return 11;
		if (cp == '|')
			return 12;
		if (txu8_is_letter(cp))
			return 9;
		if (txu8_is_digit(cp))
			return 10;
		return 13;
	}
	return 0;
}

static unsigned char
start_class(const char *s, size_t n)
{
	int len;
	int32_t cp = txu8_at(s, n, 0, &len);

	if (txu8_is_upper(cp))
		return 1;
	if (txu8_is_lower(cp))
		return 2;
	if (txu8_is_letter(cp))
		return 12;	/* a script without case: neither a capital nor a fragment */
	if (txu8_is_digit(cp))
		return 3;
	switch (cp) {
	case '"': case '\'': case 0x201C: case 0x2018: case 0xAB:
		return 4;
	case '[':
		return 5;
	case '(':
		return 6;
	case '-': case '*': case 0x2013: case 0x2014: case 0x2022:
		return 7;
	case '#':
		return 8;
	case 0xA9:
		return 9;
	}
	return txu8_is_punct(cp) ? 10 : 11;
}

enum {
	M_BAR = 1 << 0, M_COPY = 1 << 1, M_AT = 1 << 2, M_CRUMB = 1 << 3,
	M_URL = 1 << 4, M_FIELD = 1 << 5, M_UPPER = 1 << 6, M_ELLIPSIS = 1 << 7
};

static int
contains(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; i + k <= n; i++)
		if (s[i] == lit[0] && memcmp(s + i, lit, k) == 0)
			return 1;
	return 0;
}

static unsigned char
marks(const char *s, size_t n)
{
	unsigned char m = 0;
	unsigned upper = 0, lower = 0;
	size_t i;
	int len;
	int32_t cp;

	for (i = 0; i < n; i += (size_t)len) {
		cp = txu8_at(s, n, i, &len);
		if (cp == '|')
			m |= M_BAR;
		else if (cp == 0xA9)
			m |= M_COPY;
		else if (cp == '@')
			m |= M_AT;
		else if (cp == 0xBB || cp == 0x203A || cp == '>')
			m |= M_CRUMB;
		else if (txu8_is_upper(cp))
			upper++;
		else if (txu8_is_lower(cp))
			lower++;
	}
	if (contains(s, n, "http") || contains(s, n, "www."))
		m |= M_URL;
	if (n >= 2 && s[0] == '[' && memchr(s, ']', n) != NULL)
		m |= M_FIELD;
	if (upper > 3 && lower == 0)
		m |= M_UPPER;
	if ((n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0))
		m |= M_ELLIPSIS;
	return m;
}

static unsigned
bucket_words(unsigned w)
{
	static const unsigned edge[] = { 0, 1, 2, 3, 5, 8, 12, 20, 35, 60, 100 };
	unsigned b = 0;

	while (b < sizeof(edge) / sizeof(edge[0]) && w > edge[b])
		b++;
	return b;
}

static unsigned
bucket_log(unsigned v, unsigned max)
{
	unsigned b = 0;

	while (v > 0 && b < max) {
		v >>= 1;
		b++;
	}
	return b;
}

static unsigned
bucket_dist(size_t d)
{
	return d <= 3 ? (unsigned)d : d <= 6 ? 4 : d <= 12 ? 5 : d <= 30 ? 6 : 7;
}

/* Han, kana, Thai, Lao, Myanmar, Khmer: scripts that do not space words. */
static int
unspaced(const char *s, size_t n)
{
	size_t i;
	int len;
	int32_t cp;

	for (i = 0; i < n; i += (size_t)len) {
		if ((unsigned char)s[i] < 0xE0) {
			len = 1;
			continue;
		}
		cp = txu8_at(s, n, i, &len);
		if ((cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
		    (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
		    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		    (cp >= 0xF900 && cp <= 0xFAFF))
			return 1;
	}
	return 0;
}

/* The words of s[0..n) by ICU's word breaks, or 0 when ICU cannot say. */
static unsigned
icu_words(struct featurizer *fz, const char *s, size_t n)
{
	const char *why;
	unsigned count = 0;

	if (fz->nobrk || n > INT32_MAX)
		return 0;
	if (fz->brk == NULL && (fz->brk = txbrk_open(TXBRK_WORD, "", 0, &why)) == NULL) {
		fz->nobrk = 1;
		return 0;
	}
	if (txbrk_set_text(fz->brk, s, n, &why) != 0)
		return 0;
	while (txbrk_next(fz->brk) >= 0)
		count += txbrk_is_word(fz->brk) != 0;
	return count;
}

static void
stat_block(struct featurizer *fz, const struct blocks *bl, size_t i)
{
	const struct block *b = &bl->b[i];
	const char *s = bl->text + b->start;
	size_t n = b->end - b->start, k;
	struct bstat *st = &fz->st[i];
	struct wordpass wp;
	char norm[SHAPE_MAX];
	uint64_t h;

	memset(&wp, 0, sizeof(wp));
	wp.fz = fz;
	feat_words(s, n, count_word, &wp);
	memset(st, 0, sizeof(*st));
	st->words = wp.words;
	if (unspaced(s, n) && (k = icu_words(fz, s, n)) > st->words)
		st->words = (unsigned)k;
	st->caps = wp.caps;
	st->digits = wp.digits;
	for (k = 0; k < STRIP_MAXLANG; k++)
		if (wp.lang[k] > st->stop)
			st->stop = wp.lang[k];
	st->chars = (unsigned)txu8_count(s, 0, n);
	st->endc = end_class(s, n);
	st->startc = start_class(s, n);
	st->marks = marks(s, n);
	st->prose = st->words >= 8 && (st->stop * 100 >= st->words * 15 ||
	    st->endc == 1 || st->endc == 14);
	st->headlike = st->words >= 1 && st->words <= 8 && !st->prose &&
	    st->endc != 1 && st->endc != 5 && st->endc != 14;
	/* the key: the whole normalized text, in slices */
	h = 0;
	for (k = 0; k < n; k += 256) {
		size_t m = normalize(s + k, n - k < 256 ? n - k : 256, norm,
		    sizeof(norm));
		h = txhash(norm, m, h);
	}
	st->key = h | 1;
	st->section = st->words >= 1 && st->words <= 6 &&
	    sec_find(fz, words_key(s, n));
	if (st->words <= 6 && st->chars <= SHAPE_MAX) {
		k = normalize(s, n, norm, sizeof(norm));
		st->shape = (uint32_t)txhash(norm, k, 0) | 1;
	}
}

static int
repeats(struct featurizer *fz, size_t n)
{
	size_t cap = 16, i, j;

	while (cap < 2 * n)
		cap <<= 1;
	if (cap > fz->rcap) {
		free(fz->rkey);
		free(fz->rcount);
		fz->rkey = malloc(cap * sizeof(*fz->rkey));
		fz->rcount = malloc(cap * sizeof(*fz->rcount));
		if (fz->rkey == NULL || fz->rcount == NULL) {
			free(fz->rkey);
			free(fz->rcount);
			fz->rkey = NULL;
			fz->rcount = NULL;
			fz->rcap = 0;
			return -1;
		}
		fz->rcap = cap;
	}
	fz->rmask = cap - 1;
	memset(fz->rkey, 0, cap * sizeof(*fz->rkey));
	for (i = 0; i < n; i++) {
		j = (size_t)fz->st[i].key & (cap - 1);
		while (fz->rkey[j] != 0 && fz->rkey[j] != fz->st[i].key)
			j = (j + 1) & (cap - 1);
		if (fz->rkey[j] == 0) {
			fz->rkey[j] = fz->st[i].key;
			fz->rcount[j] = 0;
		}
		fz->rcount[j]++;
	}
	return 0;
}

static unsigned
repeat_count(const struct featurizer *fz, uint64_t key)
{
	size_t j = (size_t)key & fz->rmask;

	while (fz->rkey[j] != key)
		j = (j + 1) & fz->rmask;
	return fz->rcount[j];
}

/* The densest run: the maximum-sum span, prose counting for, the rest against. */
static void
dense_run(struct featurizer *fz, size_t n)
{
	long best = 0, cur = 0, v;
	size_t i, start = 0;

	fz->run0 = fz->run1 = 0;
	for (i = 0; i < n; i++) {
		v = fz->st[i].prose ? (long)fz->st[i].words :
		    -(long)(fz->st[i].words > 0 ? fz->st[i].words : 1);
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += v;
		if (cur > best) {
			best = cur;
			fz->run0 = start;
			fz->run1 = i + 1;
		}
	}
}

int
feat_doc(struct featurizer *fz, const struct blocks *bl)
{
	size_t i, last = SIZE_MAX;

	fz->bl = bl;
	if (txvec_grow((void **)&fz->st, &fz->stcap, bl->n, sizeof(*fz->st)) != 0 ||
	    txvec_grow((void **)&fz->head, &fz->headcap, bl->n, sizeof(*fz->head)) != 0 ||
	    txvec_grow((void **)&fz->sect, &fz->sectcap, bl->n, sizeof(*fz->sect)) != 0)
		return -1;
	for (i = 0; i < bl->n; i++)
		stat_block(fz, bl, i);
	if (repeats(fz, bl->n) != 0)
		return -1;
	dense_run(fz, bl->n);
	for (i = 0; i < bl->n; i++) {
		fz->head[i] = last;
		if (fz->st[i].headlike)
			last = i;
	}
	for (i = 0, last = SIZE_MAX; i < bl->n; i++) {
		fz->sect[i] = last;
		if (fz->st[i].section)
			last = i;
	}
	return 0;
}

unsigned
feat_nwords(const struct featurizer *fz, size_t i)
{
	return fz->st[i].words;
}

static void
emit(struct featurizer *fz, unsigned t, uint64_t v, const char *s, size_t n)
{
	uint32_t f;

	if (fz->nout >= FEAT_MAX)
		return;
	if (s != NULL) {
		f = (uint32_t)(txhash(s, n, txhash_mix_(t * TXHASH_K1)) >> (64 - fz->bits));
		f += f == 0;
	} else
		f = slot(fz->bits, t, v);
	if (fz->names != NULL) {
		if (s != NULL)
			snprintf(fz->namebuf[fz->nout], sizeof(fz->namebuf[0]),
			    "%s=%.*s", tmpl_name[t], (int)(n > 40 ? 40 : n), s);
		else
			snprintf(fz->namebuf[fz->nout], sizeof(fz->namebuf[0]),
			    "%s=%llx", tmpl_name[t], (unsigned long long)v);
		fz->names[fz->nout] = fz->namebuf[fz->nout];
	}
	fz->out[fz->nout++] = f;
}

struct wordemit {
	struct featurizer *fz;
	unsigned n, total;
};

static void
emit_word(void *arg, const char *w, size_t n)
{
	struct wordemit *we = arg;
	char low[32];
	size_t ln;

	if (we->n != 0 && we->n + 1 != we->total && we->total > 12) {
		we->n++;
		return;
	}
	ln = normalize(w, n, low, sizeof(low));
	if (we->n == 0)
		emit(we->fz, T_FIRST, 0, low, ln);
	if (we->n + 1 == we->total)
		emit(we->fz, T_LAST, 0, low, ln);
	if (we->total <= 12)
		emit(we->fz, T_WORD, 0, low, ln);
	we->n++;
}

static unsigned
stop_bucket(const struct bstat *st)
{
	unsigned coarse = st->words <= 3 ? 0 : st->words <= 10 ? 1 : 2;

	if (st->words == 0)
		return 0;
	return coarse << 4 | (1 + st->stop * 10 / st->words);
}

static void
neighbour(struct featurizer *fz, size_t i, int d)
{
	const struct blocks *bl = fz->bl;
	uint64_t dd = (uint64_t)(d + 8) << 32;
	const struct bstat *st;
	size_t j = (size_t)((long)i + d);

	if ((d < 0 && i < (size_t)-d) || j >= bl->n) {
		emit(fz, T_NEIGH, dd | 0xFFFF, NULL, 0);
		return;
	}
	st = &fz->st[j];
	emit(fz, T_NEIGH, dd | 1 << 16 | bucket_words(st->words), NULL, 0);
	emit(fz, T_NEIGH, dd | 2 << 16 | stop_bucket(st), NULL, 0);
	emit(fz, T_NEIGH, dd | 3 << 16 | st->endc, NULL, 0);
	if (bl->html) {
		unsigned ch = st->chars ? st->chars : 1;

		emit(fz, T_NEIGHLINKS, dd | (bl->b[j].linkchars * 5 / ch), NULL, 0);
	}
	if ((d == -1 || d == 1) && st->shape != 0)
		emit(fz, d < 0 ? T_PREV : T_NEXT, st->shape, NULL, 0);
}

/*
 * Drops repeated features, keeping the first of each, in place; returns
 * how many are left.  A feature counts once however often its template
 * fires, in the trainer and the engine alike.
 */
size_t
feat_unique(uint32_t *f, size_t n)
{
	uint32_t seen[4 * FEAT_MAX];
	size_t i, j, o = 0;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++) {
		for (j = txhash_mix_(f[i]) & (4 * FEAT_MAX - 1); seen[j] != 0 &&
		    seen[j] != f[i]; j = (j + 1) & (4 * FEAT_MAX - 1))
			;
		if (seen[j] == f[i])
			continue;
		seen[j] = f[i];
		f[o++] = f[i];
	}
	return o;
}

size_t
feat_block(struct featurizer *fz, size_t i, uint32_t *out, const char **names)
{
	const struct blocks *bl = fz->bl;
	const struct block *b = &bl->b[i];
	const struct bstat *st = &fz->st[i];
	const char *s = bl->text + b->start;
	size_t n = b->end - b->start, k;
	struct wordemit we = { fz, 0, st->words };
	char norm[SHAPE_MAX];
	unsigned m, ch = st->chars ? st->chars : 1;

	fz->out = out;
	fz->names = names;
	fz->nout = 0;
	emit(fz, T_WORDS, bucket_words(st->words), NULL, 0);
	emit(fz, T_CHARS, bucket_log(st->chars, 14), NULL, 0);
	emit(fz, T_STOP, stop_bucket(st), NULL, 0);
	emit(fz, T_END, st->endc, NULL, 0);
	emit(fz, T_START, st->startc, NULL, 0);
	emit(fz, T_WORDSEND, bucket_words(st->words) << 8 | st->endc, NULL, 0);
	if (st->words >= 2) {
		emit(fz, T_CAPS, st->caps * 4 / st->words, NULL, 0);
		emit(fz, T_DIGITS, st->digits * 4 / st->words, NULL, 0);
	}
	for (m = 0; m < 8; m++)
		if (st->marks & (1u << m))
			emit(fz, T_MARK, m, NULL, 0);
	if (st->shape != 0) {
		k = normalize(s, n, norm, sizeof(norm));
		emit(fz, T_SHAPE, 0, norm, k);
	}
	feat_words(s, n, emit_word, &we);
	k = repeat_count(fz, st->key);
	emit(fz, T_REPEAT, k <= 2 ? k : k <= 5 ? 3 : 4, NULL, 0);
	emit(fz, T_POS, bl->n ? i * 10 / bl->n : 0, NULL, 0);
	if (i == 0 || i + 1 == bl->n)
		emit(fz, T_POS, i == 0 ? 100 : 101, NULL, 0);
	if (i >= fz->run0 && i < fz->run1)
		emit(fz, T_RUN, 0, NULL, 0);
	else if (i < fz->run0)
		emit(fz, T_RUN, 1 + bucket_dist(fz->run0 - i), NULL, 0);
	else
		emit(fz, T_RUN, 16 + bucket_dist(i - fz->run1 + 1), NULL, 0);
	if (fz->head[i] != SIZE_MAX) {
		const struct block *h = &bl->b[fz->head[i]];

		k = normalize(bl->text + h->start, h->end - h->start, norm,
		    sizeof(norm));
		emit(fz, T_HEAD, 0, norm, k);
		emit(fz, T_HEADAT, bucket_dist(i - fz->head[i]) |
		    (fz->head[i] >= fz->run1) << 4, NULL, 0);
	}
	if (st->section)
		emit(fz, T_SECTION, 0, NULL, 0);
	if (fz->sect[i] != SIZE_MAX)
		emit(fz, T_SECTION, (1 + bucket_dist(i - fz->sect[i])) |
		    (fz->sect[i] >= fz->run1) << 4, NULL, 0);
	neighbour(fz, i, -2);
	neighbour(fz, i, -1);
	neighbour(fz, i, 1);
	neighbour(fz, i, 2);
	if (i > 0)
		emit(fz, T_PREVWORDS, bucket_words(fz->st[i - 1].words) << 8 |
		    bucket_words(st->words), NULL, 0);
	if (bl->html) {
		emit(fz, T_TAG, b->tag, NULL, 0);
		emit(fz, T_PARENT, b->parent, NULL, 0);
		emit(fz, T_PATH, b->path, NULL, 0);
		for (k = 0; k < b->ncls; k++)
			emit(fz, T_CLASS, b->cls[k], NULL, 0);
		emit(fz, T_LINKS, b->linkchars * 10 / ch, NULL, 0);
		emit(fz, T_TAGS, bucket_log(b->tags, 8) << 4 |
		    bucket_log(ch / (b->tags + 1), 8), NULL, 0);
		emit(fz, T_HEADING, b->heading, NULL, 0);
		emit(fz, T_LIST, b->list, NULL, 0);
		emit(fz, T_LANDMARK, b->landmark, NULL, 0);
		emit(fz, T_MAIN, b->inmain, NULL, 0);
	}
	return names == NULL ? feat_unique(out, fz->nout) : fz->nout;
}

static uint32_t
slot(unsigned bits, unsigned t, uint64_t v)
{
	uint64_t h = txhash_mix_(txhash_mix_(t * TXHASH_K1) ^ (v + TXHASH_K0));
	uint32_t f = (uint32_t)(h >> (64 - bits));

	return f + (f == 0);
}

static unsigned
tenth(double p)
{
	return p >= 1 ? 9 : p <= 0 ? 0 : (unsigned)(p * 10);
}

int
feat_groups(const double *p, const unsigned *words, const struct block *b,
    size_t n, double *gp)
{
	size_t cap = 16, i, j, lv;
	uint32_t *key;
	double *sum, *wsum;

	while (cap < 2 * n + 2)
		cap <<= 1;
	key = calloc(cap, sizeof(*key));
	sum = calloc(cap, sizeof(*sum));
	wsum = calloc(cap, sizeof(*wsum));
	if (key == NULL || sum == NULL || wsum == NULL) {
		free(key);
		free(sum);
		free(wsum);
		return -1;
	}
	for (lv = 0; lv < 2; lv++) {
		memset(key, 0, cap * sizeof(*key));
		memset(sum, 0, cap * sizeof(*sum));
		memset(wsum, 0, cap * sizeof(*wsum));
		for (i = 0; i < n; i++) {
			uint32_t g = b[i].group[lv];

			if (g == 0)
				continue;
			for (j = txhash_mix_(g) & (cap - 1); key[j] != 0 && key[j] != g;)
				j = (j + 1) & (cap - 1);
			key[j] = g;
			sum[j] += p[i] * (words[i] + 1);
			wsum[j] += words[i] + 1;
		}
		for (i = 0; i < n; i++) {
			uint32_t g = b[i].group[lv];

			gp[2 * i + lv] = -1;
			if (g == 0)
				continue;
			for (j = txhash_mix_(g) & (cap - 1); key[j] != g;)
				j = (j + 1) & (cap - 1);
			gp[2 * i + lv] = sum[j] / wsum[j];
		}
	}
	free(key);
	free(sum);
	free(wsum);
	return 0;
}

void
feat_mass(const double *p, const unsigned *words, size_t n, double *mass)
{
	double sum = 0, total = 0;
	size_t i;

	for (i = 0; i < n; i++)
		total += p[i] * words[i];
	for (i = 0; i < n; i++) {
		mass[i] = total > 0 ? sum / total : -1;
		sum += p[i] * words[i];
	}
}

size_t
feat_context(const struct featurizer *fz, const double *p,
    const unsigned *words, const double *mass, const double *gp, size_t n,
    size_t i,
    uint32_t *out, size_t have, const char **names, char (*namebuf)[64])
{
	static const size_t radius[] = { 1, 3, 10 };
	size_t k, j, lo, hi, o = have;
	double sum, wsum, best;
	uint64_t v[16];
	unsigned t[16], nv = 0;

	t[nv] = T_P;
	v[nv++] = tenth(p[i]);
	t[nv] = T_PWORDS;
	v[nv++] = tenth(p[i]) << 8 | bucket_words(words[i]);
	for (k = 0; k < 3; k++) {
		lo = i >= radius[k] ? i - radius[k] : 0;
		hi = i + radius[k] < n ? i + radius[k] : n - 1;
		sum = wsum = 0;
		for (j = lo; j <= hi; j++) {
			if (j == i)
				continue;
			sum += p[j] * (words[j] + 1);
			wsum += words[j] + 1;
		}
		t[nv] = T_WIN;
		v[nv++] = k << 8 | (wsum > 0 ? tenth(sum / wsum) : 10);
	}
	best = 0;
	for (j = i >= 5 ? i - 5 : 0; j < i; j++)
		best = p[j] > best ? p[j] : best;
	t[nv] = T_MAXB;
	v[nv++] = i > 0 ? tenth(best) : 10;
	best = 0;
	for (j = i + 1; j < n && j <= i + 5; j++)
		best = p[j] > best ? p[j] : best;
	t[nv] = T_MAXA;
	v[nv++] = i + 1 < n ? tenth(best) : 10;
	t[nv] = T_MASS;
	v[nv++] = mass[i] < 0 ? 10 : tenth(mass[i]);
	if (gp != NULL)
		for (k = 0; k < 2; k++) {
			t[nv] = T_GROUP;
			v[nv++] = k << 8 | (gp[2 * i + k] < 0 ? 10 : tenth(gp[2 * i + k]));
			t[nv] = T_GROUP;
			v[nv++] = 1 << 16 | k << 8 | (gp[2 * i + k] < 0 ? 10 :
			    tenth(gp[2 * i + k])) << 4 | tenth(p[i]);
		}
	for (k = 0; k < nv && o < FEAT_MAX; k++) {
		if (names != NULL) {
			snprintf(namebuf[o], 64, "%s=%llx", tmpl_name[t[k]],
			    (unsigned long long)v[k]);
			names[o] = namebuf[o];
		}
		out[o++] = slot(fz->bits, t[k], v[k]);
	}
	return names == NULL ? feat_unique(out, o) : o;
}
