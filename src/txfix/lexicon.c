#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "lexicon.h"
#include "model.h"
#include "tokens.h"
#include "utf8.h"
#include "vec.h"

#define KIND "txfix-lexicon-1"
#define WORDSIZE 16	/* u32 off, u16 len, u16 flags, u64 count */
#define PAIRSIZE 16	/* u32 w1, u32 w2, u64 count */

struct lexicon {
	struct txmodel m;
	uint32_t nwords, npairs;
	uint64_t total;
	const unsigned char *words, *pairs;
	const char *pool;
	size_t poolsize;
	const unsigned char *join;	/* NULL: no join scorer */
	/* the hash indexes (NULL in a file without them: binary search) */
	const unsigned char *windex, *pindex;
	uint32_t wmask, pmask;
	unsigned idbits;	/* a word index slot: word + 1 in idbits, a tag above */
};

/*
 * A slot of the word index is a u32: word + 1 (0: empty) in its low
 * idbits bits, and above them as many bits of the key's hash, a tag that
 * spares most probes a look at the word; a slot of the pair index is a
 * u32 pair + 1.
 */
#define WSLOT 4
#define PSLOT 4

/* Bits for the numbers 0..n. */
static unsigned
id_bits(size_t n)
{
	unsigned b = 1;

	while (b < 31 && ((size_t)1 << b) <= n)
		b++;
	return b;
}

static uint32_t
word_tag(uint64_t h, unsigned idbits)
{
	return (uint32_t)(h >> 32) >> idbits << idbits;
}

static uint64_t
pair_hash(uint32_t w1, uint32_t w2)
{
	unsigned char k[8];

	txmodel_put32(k, w1);
	txmodel_put32(k + 4, w2);
	return txhash(k, 8, 0);
}

/* The least power of two of at least 1.25n slots: under 80% full, probe chains stay short. */
static unsigned
index_bits(size_t n)
{
	unsigned b = 4;

	while (((size_t)1 << b) < n + n / 4 + 1)
		b++;
	return b;
}

/*
 * An index section: u32 bits, u32 field, then 1 << bits slots.  Returns
 * the slots, NULL when there is no such section; *bad is set when there is
 * one but it is malformed.
 */
static const unsigned char *
index_section(struct lexicon *lx, const char *name, size_t slot, uint32_t *mask,
    int *bad)
{
	const unsigned char *p;
	size_t len;
	uint32_t bits;

	if ((p = txmodel_section(&lx->m, name, &len)) == NULL)
		return NULL;
	bits = len >= 8 ? txmodel_get32(p) : 0;
	if (bits < 4 || bits > 30 || len != 8 + (slot << bits)) {
		*bad = 1;
		return NULL;
	}
	*mask = ((uint32_t)1 << bits) - 1;
	return p + 8;
}

static uint32_t
w_off(const struct lexicon *lx, size_t w)
{
	return txmodel_get32(lx->words + w * WORDSIZE);
}

static size_t
w_len(const struct lexicon *lx, size_t w)
{
	return txmodel_get16(lx->words + w * WORDSIZE + 4);
}

static unsigned
w_flags(const struct lexicon *lx, size_t w)
{
	return txmodel_get16(lx->words + w * WORDSIZE + 6);
}

static int
keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0)
		return c;
	return an < bn ? -1 : an > bn;
}

/* The tables' sizes and order; NULL, or what is wrong. */
static const char *
check(struct lexicon *lx)
{
	const unsigned char *total;
	size_t nw, np, nt, nj;
	uint32_t i, a1, b1, a0 = 0, b0 = 0;
	int bad = 0;

	lx->words = txmodel_section(&lx->m, "words", &nw);
	lx->pairs = txmodel_section(&lx->m, "pairs", &np);
	lx->pool = txmodel_section(&lx->m, "pool", &lx->poolsize);
	total = txmodel_section(&lx->m, "total", &nt);
	if (lx->words == NULL || lx->pairs == NULL || lx->pool == NULL ||
	    total == NULL || nw % WORDSIZE != 0 || np % PAIRSIZE != 0 ||
	    nt != 8 || nw / WORDSIZE > UINT32_MAX || np / PAIRSIZE > UINT32_MAX)
		return "corrupt lexicon (sections)";
	lx->nwords = (uint32_t)(nw / WORDSIZE);
	lx->npairs = (uint32_t)(np / PAIRSIZE);
	lx->total = txmodel_get64(total);
	if ((lx->join = txmodel_section(&lx->m, "join", &nj)) != NULL &&
	    (nj < 16 || txmodel_get32(lx->join) < 8 || txmodel_get32(lx->join) > 24 ||
	    nj != 16 + ((size_t)4 << txmodel_get32(lx->join))))
		return "corrupt lexicon (join scorer)";
	lx->windex = index_section(lx, "windex", WSLOT, &lx->wmask, &bad);
	lx->pindex = index_section(lx, "pindex", PSLOT, &lx->pmask, &bad);
	if (lx->windex != NULL)
		lx->idbits = txmodel_get32(lx->windex - 4);
	if (bad || (lx->windex == NULL) != (lx->pindex == NULL) ||
	    (lx->windex != NULL && lx->idbits != id_bits(lx->nwords)))
		return "corrupt lexicon (index)";
	/*
	 * An indexed file is not walked: its checksum was verified on open,
	 * and every entry a look-up reaches is bounds-checked as it is read
	 * (entry_ok), so start-up costs no pass over the tables.
	 */
	if (lx->windex != NULL)
		return NULL;
	for (i = 0; i < lx->nwords; i++) {
		if ((uint64_t)w_off(lx, i) + w_len(lx, i) > lx->poolsize ||
		    w_len(lx, i) == 0)
			return "corrupt lexicon (bad word table)";
		if (i > 0 && keycmp(lx->pool + w_off(lx, i - 1), w_len(lx, i - 1),
		    lx->pool + w_off(lx, i), w_len(lx, i)) >= 0)
			return "corrupt lexicon (bad word table)";
	}
	for (i = 0; i < lx->npairs; i++) {
		a1 = txmodel_get32(lx->pairs + (size_t)i * PAIRSIZE);
		b1 = txmodel_get32(lx->pairs + (size_t)i * PAIRSIZE + 4);
		if (a1 >= lx->nwords || b1 >= lx->nwords ||
		    (i > 0 && (a0 > a1 || (a0 == a1 && b0 >= b1))))
			return "corrupt lexicon (bad pair table)";
		a0 = a1;
		b0 = b1;
	}
	return NULL;
}

struct lexicon *
lex_open(const char *path, const char **why)
{
	struct lexicon *lx;

	if ((lx = calloc(1, sizeof(*lx))) == NULL) {
		*why = strerror(errno);
		return NULL;
	}
	if (txmodel_open(&lx->m, path, KIND, why) != TXMODEL_OK) {
		free(lx);
		return NULL;
	}
	if ((*why = check(lx)) != NULL) {
		lex_close(lx);
		return NULL;
	}
	return lx;
}

void
lex_close(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	txmodel_close(&lx->m);
	free(lx);
}

/* Whether word w's key lies inside the pool (an indexed file is not walked). */
static int
entry_ok(const struct lexicon *lx, uint32_t w)
{
	return w < lx->nwords &&
	    (uint64_t)w_off(lx, w) + w_len(lx, w) <= lx->poolsize;
}

long
lex_find(const struct lexicon *lx, const char *s, size_t n)
{
	size_t lo = 0, hi = lx->nwords, mid;
	const unsigned char *slot;
	uint64_t h;
	uint32_t k, id;
	int c;

	if (lx->windex != NULL) {
		h = txhash(s, n, 0);
		/* at most one pass over the slots, whatever the file holds */
		for (k = 0; k <= lx->wmask; k++) {
			slot = lx->windex + (size_t)((h + k) & lx->wmask) * WSLOT;
			if ((id = txmodel_get32(slot)) == 0)
				return -1;
			if ((id & ~(((uint32_t)1 << lx->idbits) - 1)) !=
			    word_tag(h, lx->idbits))
				continue;
			id &= ((uint32_t)1 << lx->idbits) - 1;
			if (id > 0 && entry_ok(lx, id - 1) && w_len(lx, id - 1) == n &&
			    memcmp(lx->pool + w_off(lx, id - 1), s, n) == 0)
				return (long)(id - 1);
		}
		return -1;
	}

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = keycmp(lx->pool + w_off(lx, mid), w_len(lx, mid), s, n);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

uint64_t
lex_count(const struct lexicon *lx, long w)
{
	return w < 0 ? 0 : txmodel_get64(lx->words + (size_t)w * WORDSIZE + 8);
}

unsigned
lex_flags(const struct lexicon *lx, long w)
{
	return w < 0 ? 0 : w_flags(lx, (size_t)w);
}

uint64_t
lex_pair(const struct lexicon *lx, long w1, long w2)
{
	size_t lo = 0, hi = lx->npairs, mid;
	const unsigned char *p;
	uint32_t a, b;

	if (w1 < 0 || w2 < 0)
		return 0;
	if (lx->pindex != NULL) {
		uint64_t h = pair_hash((uint32_t)w1, (uint32_t)w2);
		uint32_t k, id;

		for (k = 0; k <= lx->pmask; k++) {
			id = txmodel_get32(lx->pindex + (size_t)((h + k) & lx->pmask) * PSLOT);
			if (id == 0 || id > lx->npairs)
				return 0;
			p = lx->pairs + (size_t)(id - 1) * PAIRSIZE;
			if (txmodel_get32(p) == (uint32_t)w1 &&
			    txmodel_get32(p + 4) == (uint32_t)w2)
				return txmodel_get64(p + 8);
		}
		return 0;
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		p = lx->pairs + mid * PAIRSIZE;
		a = txmodel_get32(p);
		b = txmodel_get32(p + 4);
		if (a == (uint32_t)w1 && b == (uint32_t)w2)
			return txmodel_get64(p + 8);
		if (a < (uint32_t)w1 || (a == (uint32_t)w1 && b < (uint32_t)w2))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

uint64_t
lex_total(const struct lexicon *lx)
{
	return lx->total;
}

size_t
lex_nwords(const struct lexicon *lx)
{
	return lx->nwords;
}

const char *
lex_word(const struct lexicon *lx, long w, size_t *n)
{
	if (w < 0 || !entry_ok(lx, (uint32_t)w)) {
		*n = 0;
		return "";
	}
	*n = w_len(lx, (size_t)w);
	return lx->pool + w_off(lx, (size_t)w);
}

int
lex_join(const struct lexicon *lx, struct lex_join *j)
{
	if (lx->join == NULL)
		return -1;
	j->bits = txmodel_get32(lx->join);
	j->version = txmodel_get32(lx->join + 4);
	j->bias = txmodel_getf32(lx->join + 8);
	j->threshold = txmodel_getf32(lx->join + 12);
	j->w = lx->join + 16;
	return 0;
}

float
lex_join_weight(const struct lex_join *j, uint32_t f)
{
	return txmodel_getf32(j->w + 4 * (size_t)f);
}

/* Building: an open-addressing hash of words, and a growing list of pairs. */

struct bword {
	char *key;
	size_t len;
	uint64_t count;
	unsigned flags;
	uint32_t id;		/* order of insertion: stable across rehashing */
};

struct bpair {
	uint32_t a, b;		/* word ids; final indices once written */
	uint64_t count;
};

struct lexbuild {
	struct bword *tab;
	size_t cap, n;
	uint32_t *slot_of;	/* id -> slot in tab */
	size_t capids;
	struct bpair *pairs;
	size_t npairs, cappairs;
	unsigned char *join;	/* the join section as written, or NULL */
	size_t joinlen;
};

struct lexbuild *
lexb_new(void)
{
	struct lexbuild *b = calloc(1, sizeof(*b));

	if (b == NULL)
		return NULL;
	b->cap = 1 << 16;
	if ((b->tab = calloc(b->cap, sizeof(*b->tab))) == NULL) {
		free(b);
		return NULL;
	}
	return b;
}

void
lexb_free(struct lexbuild *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->cap; i++)
		free(b->tab[i].key);
	free(b->tab);
	free(b->slot_of);
	free(b->pairs);
	free(b->join);
	free(b);
}


static int
rehash(struct lexbuild *b)
{
	struct bword *old = b->tab;
	size_t oldcap = b->cap, i, j;

	if ((b->tab = calloc(oldcap * 2, sizeof(*b->tab))) == NULL) {
		b->tab = old;
		return -1;
	}
	b->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		j = txhash(old[i].key, old[i].len, 0) & (b->cap - 1);
		while (b->tab[j].key != NULL)
			j = (j + 1) & (b->cap - 1);
		b->tab[j] = old[i];
		b->slot_of[old[i].id] = (uint32_t)j;
	}
	free(old);
	return 0;
}

/* The id of word s[0..n), lowered, created if missing; -1 when out of memory. */
static long
word_id(struct lexbuild *b, const char *s, size_t n)
{
	char *key;
	size_t i, len = 0, k;
	int32_t cp;
	int l;

	if ((key = malloc(n * 2 + 4)) == NULL)
		return -1;
	for (i = 0; i < n; i += (size_t)l) {
		l = txu8_decode(s + i, n - i, &cp);
		if (TXU8_ISBAD(cp))
			key[len++] = s[i];
		else
			len += (size_t)txu8_encode(txu8_tolower(cp), key + len);
	}
	if (txvec_grow((void **)&b->slot_of, &b->capids, b->n + 1,
	    sizeof(*b->slot_of)) != 0) {
		free(key);
		return -1;
	}
	if ((b->n + 1) * 2 > b->cap && rehash(b) != 0) {
		free(key);
		return -1;
	}
	k = txhash(key, len, 0) & (b->cap - 1);
	while (b->tab[k].key != NULL) {
		if (b->tab[k].len == len && memcmp(b->tab[k].key, key, len) == 0) {
			free(key);
			return b->tab[k].id;
		}
		k = (k + 1) & (b->cap - 1);
	}
	b->tab[k].key = key;
	b->tab[k].len = len;
	b->tab[k].id = (uint32_t)b->n;
	b->slot_of[b->n] = (uint32_t)k;
	return (long)b->n++;
}

int
lexb_add(struct lexbuild *b, const char *s, size_t n, uint64_t count,
    unsigned flags)
{
	long k;

	if (n == 0 || n > 0xFFFF)
		return 0;
	if ((k = word_id(b, s, n)) < 0)
		return -1;
	b->tab[b->slot_of[k]].count += count;
	b->tab[b->slot_of[k]].flags |= flags;
	return 0;
}

int
lexb_add_listed(struct lexbuild *b, const char *s, size_t n, unsigned flags,
    uint64_t count)
{
	struct bword *bw;
	long k;

	if (n == 0 || n > 0xFFFF)
		return 0;
	if ((k = word_id(b, s, n)) < 0)
		return -1;
	bw = &b->tab[b->slot_of[k]];
	bw->flags |= flags;
	if (bw->count == 0)
		bw->count = count;
	return 0;
}

int
lexb_add_pair(struct lexbuild *b, const char *a, size_t an, const char *c,
    size_t cn, uint64_t count)
{
	long ka, kc;

	if (an == 0 || cn == 0 || an > 0xFFFF || cn > 0xFFFF)
		return 0;
	if ((ka = word_id(b, a, an)) < 0 || (kc = word_id(b, c, cn)) < 0)
		return -1;
	if (txvec_grow((void **)&b->pairs, &b->cappairs, b->npairs + 1,
	    sizeof(*b->pairs)) != 0)
		return -1;
	b->pairs[b->npairs].a = (uint32_t)ka;
	b->pairs[b->npairs].b = (uint32_t)kc;
	b->pairs[b->npairs++].count = count;
	return 0;
}

int
lexb_add_lexicon(struct lexbuild *b, const struct lexicon *lx)
{
	const unsigned char *p;
	const char *s, *t;
	size_t n, m;
	uint32_t i;

	for (i = 0; i < lx->nwords; i++) {
		s = lex_word(lx, i, &n);
		if (n > 0 && lexb_add(b, s, n, lex_count(lx, i), lex_flags(lx, i)) != 0)
			return -1;
	}
	for (i = 0; i < lx->npairs; i++) {
		p = lx->pairs + (size_t)i * PAIRSIZE;
		s = lex_word(lx, txmodel_get32(p), &n);
		t = lex_word(lx, txmodel_get32(p + 4), &m);
		if (n > 0 && m > 0 && lexb_add_pair(b, s, n, t, m,
		    txmodel_get64(p + 8)) != 0)
			return -1;
	}
	if (lx->join != NULL) {
		size_t len = 16 + ((size_t)4 << txmodel_get32(lx->join));

		free(b->join);
		if ((b->join = malloc(len)) == NULL)
			return -1;
		memcpy(b->join, lx->join, len);
		b->joinlen = len;
	}
	return 0;
}

int
lexb_set_join(struct lexbuild *b, unsigned bits, unsigned version,
    const float *w, float bias, float threshold)
{
	size_t i, len = 16 + ((size_t)4 << bits);
	unsigned char *j;

	if (bits < 8 || bits > 24 || (j = calloc(1, len)) == NULL)
		return -1;
	txmodel_put32(j, bits);
	txmodel_put32(j + 4, version);
	txmodel_putf32(j + 8, bias);
	txmodel_putf32(j + 12, threshold);
	for (i = 0; i < (size_t)1 << bits; i++)
		txmodel_putf32(j + 16 + 4 * i, w[i]);
	free(b->join);
	b->join = j;
	b->joinlen = len;
	return 0;
}

/* The first empty u32 slot from h in index section tab (u32 bits first), probing on. */
static unsigned char *
free_slot(unsigned char *tab, uint64_t h)
{
	uint64_t mask = ((uint64_t)1 << txmodel_get32(tab)) - 1;
	unsigned char *slot;

	while (txmodel_get32(slot = tab + 8 + (size_t)(h & mask) * 4) != 0)
		h++;
	return slot;
}

static int
cmp_word(const void *x, const void *y)
{
	const struct bword *a = *(const struct bword *const *)x;
	const struct bword *c = *(const struct bword *const *)y;

	return keycmp(a->key, a->len, c->key, c->len);
}

static int
cmp_pair(const void *x, const void *y)
{
	const struct bpair *a = x, *c = y;

	if (a->a != c->a)
		return a->a < c->a ? -1 : 1;
	return a->b < c->b ? -1 : a->b > c->b;
}

int
lexb_write(struct lexbuild *b, int fd, const char *producer)
{
	struct txmodel_sec sec[7];
	struct bword **order;
	uint32_t nw = 0, np = 0, i, *final;
	unsigned char *words = NULL, *pairs = NULL, *w, total[8];
	unsigned char *windex = NULL, *pindex = NULL;
	unsigned wbits, pbits;
	uint64_t h;
	size_t nsec;
	char *pool = NULL;
	uint64_t poolsize = 0, sum = 0;
	int rc = -1;

	order = malloc((b->n + 1) * sizeof(*order));
	final = malloc((b->n + 1) * sizeof(*final));
	if (order == NULL || final == NULL)
		goto out;
	for (i = 0; i < b->cap; i++)
		if (b->tab[i].key != NULL)
			order[nw++] = &b->tab[i];
	qsort(order, nw, sizeof(*order), cmp_word);
	for (i = 0; i < nw; i++) {
		final[order[i]->id] = i;
		sum += order[i]->count;
		poolsize += order[i]->len;
	}
	for (i = 0; i < b->npairs; i++) {
		b->pairs[i].a = final[b->pairs[i].a];
		b->pairs[i].b = final[b->pairs[i].b];
	}
	qsort(b->pairs, b->npairs, sizeof(*b->pairs), cmp_pair);
	/* merge duplicate pairs */
	for (i = 0; i < b->npairs; i++) {
		if (np > 0 && b->pairs[np - 1].a == b->pairs[i].a &&
		    b->pairs[np - 1].b == b->pairs[i].b)
			b->pairs[np - 1].count += b->pairs[i].count;
		else
			b->pairs[np++] = b->pairs[i];
	}
	b->npairs = np;
	if (poolsize > UINT32_MAX) {
		errno = EOVERFLOW;
		goto out;
	}
	words = calloc(nw + 1, WORDSIZE);
	pairs = calloc(np + 1, PAIRSIZE);
	pool = malloc(poolsize + 1);
	if (words == NULL || pairs == NULL || pool == NULL)
		goto out;
	poolsize = 0;
	for (i = 0, w = words; i < nw; i++, w += WORDSIZE) {
		txmodel_put32(w, (uint32_t)poolsize);
		txmodel_put16(w + 4, (unsigned)order[i]->len);
		txmodel_put16(w + 6, order[i]->flags);
		txmodel_put64(w + 8, order[i]->count);
		memcpy(pool + poolsize, order[i]->key, order[i]->len);
		poolsize += order[i]->len;
	}
	for (i = 0, w = pairs; i < np; i++, w += PAIRSIZE) {
		txmodel_put32(w, b->pairs[i].a);
		txmodel_put32(w + 4, b->pairs[i].b);
		txmodel_put64(w + 8, b->pairs[i].count);
	}
	txmodel_put64(total, sum);
	/* the hash indexes, open addressing with linear probing */
	wbits = index_bits(nw);
	pbits = index_bits(np);
	windex = calloc(1, 8 + ((size_t)WSLOT << wbits));
	pindex = calloc(1, 8 + ((size_t)PSLOT << pbits));
	if (windex == NULL || pindex == NULL)
		goto out;
	txmodel_put32(windex, wbits);
	txmodel_put32(pindex, pbits);
	txmodel_put32(windex + 4, id_bits(nw));
	for (i = 0; i < nw; i++) {
		h = txhash(order[i]->key, order[i]->len, 0);
		txmodel_put32(free_slot(windex, h), (i + 1) | word_tag(h, id_bits(nw)));
	}
	for (i = 0; i < np; i++)
		txmodel_put32(free_slot(pindex, pair_hash(b->pairs[i].a, b->pairs[i].b)),
		    i + 1);
	nsec = 0;
	sec[nsec++] = (struct txmodel_sec){ "words", words, (size_t)nw * WORDSIZE };
	sec[nsec++] = (struct txmodel_sec){ "pairs", pairs, (size_t)np * PAIRSIZE };
	sec[nsec++] = (struct txmodel_sec){ "pool", pool, (size_t)poolsize };
	sec[nsec++] = (struct txmodel_sec){ "total", total, 8 };
	if (b->join != NULL)
		sec[nsec++] = (struct txmodel_sec){ "join", b->join, b->joinlen };
	sec[nsec++] = (struct txmodel_sec){ "windex", windex, 8 + ((size_t)WSLOT << wbits) };
	sec[nsec++] = (struct txmodel_sec){ "pindex", pindex, 8 + ((size_t)PSLOT << pbits) };
	rc = txmodel_write(fd, producer, KIND, sec, nsec);
out:
	free(windex);
	free(pindex);
	free(order);
	free(final);
	free(words);
	free(pairs);
	free(pool);
	return rc;
}

int
lexb_add_text(struct lexbuild *b, const char *s, size_t n)
{
	struct txtok t;
	size_t pos = 0, pa = 0, pn = 0;
	int have = 0;

	while (pos < n) {
		pos = txtok_next(s, n, pos, &t);
		if (t.kind == TXTOK_SPACE)
			continue;
		if (t.kind != TXTOK_WORD) {
			have = 0;
			continue;
		}
		if (lexb_add(b, s + t.start, t.end - t.start, 1,
		    (t.flags & TXTOK_UPPER) ? LEX_UPPER : LEX_LOWER) != 0 ||
		    (have && lexb_add_pair(b, s + pa, pn, s + t.start,
		    t.end - t.start, 1) != 0))
			return -1;
		pa = t.start;
		pn = t.end - t.start;
		have = 1;
	}
	return 0;
}
