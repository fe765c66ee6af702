#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"
#include "tokens.h"
#include "utf8.h"
#include "vec.h"

#define MAGIC "TXLEX\0\1\0"
#define HEADER 32

struct lexword {
	uint32_t off;
	uint16_t len, flags;
	uint64_t count;
};

struct lexpair {
	uint32_t w1, w2;
	uint64_t count;
};

struct lexicon {
	void *map;
	size_t size;
	uint32_t nwords, npairs;
	uint64_t total;
	const struct lexword *words;
	const struct lexpair *pairs;
	const char *pool;
	uint64_t poolsize;
};

static int
keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0)
		return c;
	return an < bn ? -1 : an > bn;
}

struct lexicon *
lex_open(const char *path, const char **why)
{
	struct lexicon *lx;
	struct stat st;
	const unsigned char *p;
	uint64_t need;
	uint32_t i;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) != 0 || (lx = calloc(1, sizeof(*lx))) == NULL) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	*why = "not a tx lexicon (bad header)";
	if (st.st_size < HEADER)
		goto bad;
	lx->size = (size_t)st.st_size;
	lx->map = mmap(NULL, lx->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	fd = -1;
	if (lx->map == MAP_FAILED) {
		*why = strerror(errno);
		free(lx);
		return NULL;
	}
	p = lx->map;
	if (memcmp(p, MAGIC, 8) != 0)
		goto bad;
	memcpy(&lx->nwords, p + 8, 4);
	memcpy(&lx->npairs, p + 12, 4);
	memcpy(&lx->poolsize, p + 16, 8);
	memcpy(&lx->total, p + 24, 8);
	need = HEADER + (uint64_t)lx->nwords * sizeof(struct lexword) +
	    (uint64_t)lx->npairs * sizeof(struct lexpair) + lx->poolsize;
	*why = "corrupt lexicon (sizes do not match the file)";
	if (need != lx->size)
		goto bad;
	lx->words = (const void *)(p + HEADER);
	lx->pairs = (const void *)(lx->words + lx->nwords);
	lx->pool = (const char *)(lx->pairs + lx->npairs);
	*why = "corrupt lexicon (bad word table)";
	for (i = 0; i < lx->nwords; i++) {
		if ((uint64_t)lx->words[i].off + lx->words[i].len > lx->poolsize ||
		    lx->words[i].len == 0)
			goto bad;
		if (i > 0 && keycmp(lx->pool + lx->words[i - 1].off,
		    lx->words[i - 1].len, lx->pool + lx->words[i].off,
		    lx->words[i].len) >= 0)
			goto bad;
	}
	*why = "corrupt lexicon (bad pair table)";
	for (i = 0; i < lx->npairs; i++) {
		if (lx->pairs[i].w1 >= lx->nwords || lx->pairs[i].w2 >= lx->nwords)
			goto bad;
		if (i > 0 && (lx->pairs[i - 1].w1 > lx->pairs[i].w1 ||
		    (lx->pairs[i - 1].w1 == lx->pairs[i].w1 &&
		    lx->pairs[i - 1].w2 >= lx->pairs[i].w2)))
			goto bad;
	}
	return lx;
bad:
	if (fd >= 0)
		close(fd);
	lex_close(lx);
	return NULL;
}

void
lex_close(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	if (lx->map != NULL && lx->map != MAP_FAILED)
		munmap(lx->map, lx->size);
	free(lx);
}

long
lex_find(const struct lexicon *lx, const char *s, size_t n)
{
	size_t lo = 0, hi = lx->nwords, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = keycmp(lx->pool + lx->words[mid].off, lx->words[mid].len, s, n);
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
	return w < 0 ? 0 : lx->words[w].count;
}

unsigned
lex_flags(const struct lexicon *lx, long w)
{
	return w < 0 ? 0 : lx->words[w].flags;
}

uint64_t
lex_pair(const struct lexicon *lx, long w1, long w2)
{
	size_t lo = 0, hi = lx->npairs, mid;
	const struct lexpair *p;

	if (w1 < 0 || w2 < 0)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		p = &lx->pairs[mid];
		if (p->w1 == (uint32_t)w1 && p->w2 == (uint32_t)w2)
			return p->count;
		if (p->w1 < (uint32_t)w1 || (p->w1 == (uint32_t)w1 &&
		    p->w2 < (uint32_t)w2))
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
	*n = lx->words[w].len;
	return lx->pool + lx->words[w].off;
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
	free(b);
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
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
		j = hash(old[i].key, old[i].len) & (b->cap - 1);
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
	k = hash(key, len) & (b->cap - 1);
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
	const char *s, *t;
	size_t n, m;
	uint32_t i;

	for (i = 0; i < lx->nwords; i++) {
		s = lex_word(lx, i, &n);
		if (lexb_add(b, s, n, lx->words[i].count, lx->words[i].flags) != 0)
			return -1;
	}
	for (i = 0; i < lx->npairs; i++) {
		s = lex_word(lx, lx->pairs[i].w1, &n);
		t = lex_word(lx, lx->pairs[i].w2, &m);
		if (lexb_add_pair(b, s, n, t, m, lx->pairs[i].count) != 0)
			return -1;
	}
	return 0;
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

static int
write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	ssize_t k;

	while (n > 0) {
		if ((k = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

int
lexb_write(struct lexbuild *b, int fd)
{
	struct bword **order;
	uint32_t nw = 0, np = 0, i, *final;
	struct lexword w;
	struct lexpair p;
	uint64_t pool = 0, total = 0;
	unsigned char hdr[HEADER];
	int rc = -1;

	order = malloc((b->n + 1) * sizeof(*order));
	final = malloc((b->n + 1) * sizeof(*final));
	if (order == NULL || final == NULL) {
		free(order);
		free(final);
		return -1;
	}
	for (i = 0; i < b->cap; i++)
		if (b->tab[i].key != NULL)
			order[nw++] = &b->tab[i];
	qsort(order, nw, sizeof(*order), cmp_word);
	for (i = 0; i < nw; i++) {
		final[order[i]->id] = i;
		total += order[i]->count;
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
	for (i = 0; i < nw; i++)
		pool += order[i]->len;
	memcpy(hdr, MAGIC, 8);
	memcpy(hdr + 8, &nw, 4);
	memcpy(hdr + 12, &np, 4);
	memcpy(hdr + 16, &pool, 8);
	memcpy(hdr + 24, &total, 8);
	if (write_all(fd, hdr, HEADER) != 0)
		goto out;
	pool = 0;
	for (i = 0; i < nw; i++) {
		const struct bword *bw = order[i];

		memset(&w, 0, sizeof(w));
		w.off = (uint32_t)pool;
		w.len = (uint16_t)bw->len;
		w.flags = (uint16_t)bw->flags;
		w.count = bw->count;
		pool += bw->len;
		if (write_all(fd, &w, sizeof(w)) != 0)
			goto out;
	}
	for (i = 0; i < np; i++) {
		p.w1 = b->pairs[i].a;
		p.w2 = b->pairs[i].b;
		p.count = b->pairs[i].count;
		if (write_all(fd, &p, sizeof(p)) != 0)
			goto out;
	}
	for (i = 0; i < nw; i++)
		if (write_all(fd, order[i]->key, order[i]->len) != 0)
			goto out;
	rc = 0;
out:
	free(order);
	free(final);
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
