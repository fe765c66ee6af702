#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "model.h"
#include "ner.h"
#include "utf8.h"
#include "vec.h"

/* Feature templates: a feature is a template and one or two strings. */
enum tmpl {
	T_BIAS = 1, T_W, T_FORM, T_P1, T_P2, T_P3, T_P4, T_S1, T_S2, T_S3, T_S4,
	T_SHAPE, T_SSHAPE, T_WM1, T_WP1, T_WM2, T_WP2, T_SSM1, T_SSP1,
	T_BIM, T_BIP, T_FIRST, T_LEN, T_SS3, T_CUE, T_CUEM1, T_CUEP1, T_CUEP2, T_GAZ, T_GAZS,
	T_CL0, T_CL1, T_CL2, T_CLSH, T_CLM1, T_CLP1, T_CLBI, T_HIST
};

/*
 * Words that name what an organisation is, and words that introduce a
 * person (titles): the model learns what each weighs where it stands.
 * Lower case.  Knowledge of English names, not of any corpus.
 */
static const char *const org_cues[] = {
	"agency", "airlines", "airways", "assembly", "association", "authority",
	"bank", "board", "bureau", "centre", "center", "church", "club",
	"co", "college", "commission", "committee", "company", "congress",
	"corp", "corporation", "council", "court", "department", "foundation",
	"fund", "group", "holdings", "hospital", "inc", "institute",
	"international", "league", "ltd", "llc", "ministry", "movement",
	"network", "news", "office", "organisation", "organization", "party",
	"plc", "police", "press", "school", "senate", "service", "society",
	"systems", "team", "technologies", "times", "trust", "union",
	"united", "university", "fc", "forces", "army", "navy", "parliament",
};
static const char *const per_cues[] = {
	"mr", "mrs", "ms", "dr", "prof", "sir", "president", "minister",
	"senator", "governor", "king", "queen", "prince", "pope", "judge",
	"general", "chairman", "ceo", "director", "secretary", "mayor",
	"coach", "captain", "rev", "st", "lady", "lord", "aunt", "uncle",
};
static const char *const loc_cues[] = {
	"city", "county", "state", "province", "river", "lake", "mount",
	"island", "islands", "street", "st", "road", "avenue", "valley",
	"north", "south", "east", "west", "region", "republic", "kingdom",
	"park", "bay", "beach", "coast", "district", "village", "town",
};

#define FORM_MAX 32		/* bytes of a form that features look at */
#define SHAPE_MAX 12

/* The cue table, built in the scratch on first use: word hash to list bits. */
static void
cue_build(struct ner_scratch *sc)
{
	static const struct { const char *const *list; size_t n; } lists[] = {
		{ org_cues, sizeof(org_cues) / sizeof(org_cues[0]) },
		{ per_cues, sizeof(per_cues) / sizeof(per_cues[0]) },
		{ loc_cues, sizeof(loc_cues) / sizeof(loc_cues[0]) },
	};
	size_t i, j;
	unsigned l;

	for (l = 0; l < 3; l++)
		for (i = 0; i < lists[l].n; i++) {
			uint64_t k = txhash(lists[l].list[i], strlen(lists[l].list[i]), 0xc0e) | 1;

			for (j = k & (NER_CUE_SLOTS - 1); sc->cuekey[j] != 0 && sc->cuekey[j] != k;
			    j = (j + 1) & (NER_CUE_SLOTS - 1))
				;
			sc->cuekey[j] = k;
			sc->cuebits[j] |= (unsigned char)(1u << l);
		}
	sc->cueready = 1;
}

/* Which cue lists a lower-case word is in: bit 0 org, 1 person, 2 place. */
static unsigned
cue_of(struct ner_scratch *sc, const char *w, size_t n)
{
	uint64_t k;
	size_t j;

	if (n == 0 || n > 14)
		return 0;
	if (!sc->cueready)
		cue_build(sc);
	k = txhash(w, n, 0xc0e) | 1;
	for (j = k & (NER_CUE_SLOTS - 1); sc->cuekey[j] != 0; j = (j + 1) & (NER_CUE_SLOTS - 1))
		if (sc->cuekey[j] == k)
			return sc->cuebits[j];
	return 0;
}

uint64_t
ner_table_key(const char *s, size_t n)
{
	return txhash(s, n, 0x9a2) | 1;
}

int
ner_table_new(struct ner_table *t, size_t n, unsigned vsize)
{
	size_t cap;

	memset(t, 0, sizeof(*t));
	for (cap = 16; cap < 2 * n; cap <<= 1)
		;
	if ((t->own = calloc(1, 8 + cap * (8 + (size_t)vsize))) == NULL)
		return -1;
	txmodel_put64(t->own, cap);
	t->bytes = t->own;
	t->cap = cap;
	t->vsize = vsize;
	return 0;
}

/* The slot of key, or of the empty slot where it would go; cap when neither. */
static size_t
table_slot(const struct ner_table *t, uint64_t key)
{
	size_t i = (size_t)txhash_mix_(key) & (t->cap - 1), probes;

	for (probes = 0; probes < t->cap; probes++, i = (i + 1) & (t->cap - 1)) {
		uint64_t k = txmodel_get64(t->bytes + 8 + 8 * i);

		if (k == 0 || k == key)
			return i;
	}
	return t->cap;
}

unsigned char *
ner_table_put(struct ner_table *t, uint64_t key)
{
	size_t i;

	if (t->own == NULL || (i = table_slot(t, key)) == t->cap)
		return NULL;
	txmodel_put64(t->own + 8 + 8 * i, key);
	return t->own + 8 + 8 * t->cap + (size_t)t->vsize * i;
}

const unsigned char *
ner_table_get(const struct ner_table *t, uint64_t key)
{
	size_t i;

	if (t == NULL || t->cap == 0 || (i = table_slot(t, key)) == t->cap ||
	    txmodel_get64(t->bytes + 8 + 8 * i) != key)
		return NULL;
	return t->bytes + 8 + 8 * t->cap + (size_t)t->vsize * i;
}

int
ner_table_map(struct ner_table *t, const void *s, size_t len, unsigned vsize)
{
	uint64_t cap;

	memset(t, 0, sizeof(*t));
	if (len < 8 || vsize == 0)
		return -1;
	cap = txmodel_get64(s);
	if (cap < 1 || (cap & (cap - 1)) != 0 || cap > (len - 8) / (8 + vsize) ||
	    8 + cap * (8 + vsize) != len)
		return -1;
	t->bytes = s;
	t->cap = (size_t)cap;
	t->vsize = vsize;
	return 0;
}

size_t
ner_table_size(const struct ner_table *t)
{
	return t->cap == 0 ? 0 : 8 + t->cap * (8 + (size_t)t->vsize);
}

void
ner_table_free(struct ner_table *t)
{
	free(t->own);
	memset(t, 0, sizeof(*t));
}

/* The list names of a gazetteer file, in bit order. */
static const char *const gaz_lists[NER_GAZ_TYPES - 1] = {
	"LOC", "PER", "ORG", "CITY", "FIRST"
};

static unsigned
gaz_type(const char *s, size_t n)
{
	unsigned i;

	for (i = 0; i < NER_GAZ_TYPES - 1; i++)
		if (strlen(gaz_lists[i]) == n && memcmp(s, gaz_lists[i], n) == 0)
			return 1u << i;
	return NER_GAZ_OTHER;
}

int
ner_gaz_build(struct ner_table *t, const char *s, size_t n)
{
	size_t lines = 0, i, pos, eol, tab;
	unsigned char *v;

	for (i = 0; i < n; i++)
		lines += s[i] == '\n';
	if (ner_table_new(t, lines + 1, 1) != 0)
		return -1;
	for (pos = 0; pos < n; pos = eol + 1) {
		const char *nl = memchr(s + pos, '\n', n - pos), *tp;

		eol = nl != NULL ? (size_t)(nl - s) : n;
		if ((tp = memchr(s + pos, '\t', eol - pos)) == NULL)
			continue;
		tab = (size_t)(tp - s);
		if ((v = ner_table_put(t, ner_table_key(s + tab + 1, eol - tab - 1))) != NULL)
			*v |= (unsigned char)gaz_type(s + pos, tab - pos);
	}
	return 0;
}

/* A class number: decimal digits below 65535, ending at end; -1 otherwise. */
static long
clus_number(const char *s, const char *end)
{
	long v = 0;

	if (s == end)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9' || (v = v * 10 + (*s - '0')) >= 65535)
			return -1;
	}
	return v;
}

int
ner_clus_build(struct ner_table *t, const char *s, size_t n)
{
	size_t lines = 0, i, pos, eol;
	unsigned char *v;

	for (i = 0; i < n; i++)
		lines += s[i] == '\n';
	if (ner_table_new(t, lines + 1, 2 * NER_CLUS_LEVELS) != 0)
		return -1;
	for (pos = 0; pos < n; pos = eol + 1) {
		const char *nl = memchr(s + pos, '\n', n - pos), *f[NER_CLUS_LEVELS + 1];
		long c[NER_CLUS_LEVELS];
		int l;

		eol = nl != NULL ? (size_t)(nl - s) : n;
		if ((f[0] = memchr(s + pos, '\t', eol - pos)) == NULL || f[0] == s + pos)
			continue;
		for (l = 0; l < NER_CLUS_LEVELS; l++) {
			const char *from = f[l] + 1, *tab = memchr(from, '\t', (size_t)(s + eol - from));

			f[l + 1] = tab != NULL ? tab : s + eol;
			if ((c[l] = clus_number(from, f[l + 1])) < 0 ||
			    (l + 1 < NER_CLUS_LEVELS) != (tab != NULL))
				break;
		}
		if (l < NER_CLUS_LEVELS ||
		    (v = ner_table_put(t, ner_table_key(s + pos, (size_t)(f[0] - (s + pos))))) == NULL)
			continue;
		for (l = 0; l < NER_CLUS_LEVELS; l++)
			txmodel_put16(v + 2 * l, (unsigned)c[l] + 1);
	}
	return 0;
}

/* sc->tok[i].cl: the classes of the token's form, or else of its lower-case form. */
static void
clus_marks(struct ner_scratch *sc, const struct ner_sent *s, const struct ner_table *clus)
{
	size_t i;
	int l;

	for (i = 0; i < s->n; i++) {
		const unsigned char *v = NULL;
		const char *form = s->text + s->start[i];
		size_t n = s->end[i] - s->start[i];

		if (clus != NULL && clus->cap > 0 &&
		    (v = ner_table_get(clus, ner_table_key(form, n))) == NULL &&
		    (sc->tok[i].lowlen != n || memcmp(sc->buf + sc->tok[i].low, form, n) != 0))
			v = ner_table_get(clus, ner_table_key(sc->buf + sc->tok[i].low,
			    sc->tok[i].lowlen));
		for (l = 0; l < NER_CLUS_LEVELS; l++)
			sc->tok[i].cl[l] = v != NULL ? txmodel_get16(v + 2 * l) : 0;
	}
}

/* sc->tok[i].gz: the longest name of gz that covers token i. */
static int
gaz_marks(struct ner_scratch *sc, size_t m, const struct ner_table *gz)
{
	size_t i, k, len, l;

	for (i = 0; i < m; i++)
		sc->tok[i].gz = 0;
	if (gz == NULL || gz->cap == 0)
		return 0;
	for (i = 0; i < m; i++) {
		size_t most = m - i < NER_GAZ_WORDS ? m - i : NER_GAZ_WORDS;
		size_t end[NER_GAZ_WORDS + 1], at = 0;

		if (sc->tok[i].gz & 2)
			continue;
		/* the longest phrase once; the shorter ones are its prefixes */
		for (len = 1; len <= most; len++) {
			k = i + len - 1;
			l = sc->tok[k].lowlen;
			if (txvec_grow((void **)&sc->phrase, &sc->pcap, at + l + 1, 1) != 0)
				return -1;
			if (len > 1)
				sc->phrase[at++] = ' ';
			memcpy(sc->phrase + at, sc->buf + sc->tok[k].low, l);
			end[len] = at += l;
		}
		for (len = most; len > 0; len--) {
			const unsigned char *b = ner_table_get(gz, ner_table_key(sc->phrase, end[len]));

			if (b == NULL)
				continue;
			/* leftmost, then longest: the words after the first are inside it */
			for (k = i; k < i + len; k++)
				sc->tok[k].gz = (unsigned)*b << 2 | (k == i ? 1 : 2);
			break;
		}
	}
	return 0;
}

/*
 * The first k of a, b, c in decimal, joined by '|', into v (32 bytes):
 * what snprintf's "%u|%u|%u" writes, at a fraction of its cost.
 */
static size_t
decimals(char *v, unsigned k, unsigned a, unsigned b, unsigned c)
{
	unsigned x[3] = { a, b, c }, j;
	size_t n = 0;

	for (j = 0; j < k; j++) {
		char d[10];
		unsigned l = 0;

		if (j > 0)
			v[n++] = '|';
		do
			d[l++] = (char)('0' + x[j] % 10);
		while ((x[j] /= 10) != 0 && l < sizeof(d));
		while (l > 0)
			v[n++] = d[--l];
	}
	return n;
}

static uint32_t
slot(unsigned bits, unsigned t, const char *a, size_t na, const char *b, size_t nb)
{
	uint64_t h = txhash(a, na, txhash_mix_(t * TXHASH_K1));

	if (b != NULL)
		h = txhash(b, nb, h ^ 0x7c);
	return (uint32_t)(h >> (64 - bits));
}

void
ner_hist_reset(struct ner_hist *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		h->key[h->used[i]] = 0;
	h->n = 0;
}

void
ner_hist_free(struct ner_hist *h)
{
	free(h->key);
	free(h->count);
	free(h->used);
	memset(h, 0, sizeof(*h));
}

static size_t
hist_slot(const uint64_t *key, size_t cap, uint64_t k)
{
	size_t i = (size_t)txhash_mix_(k) & (cap - 1);

	while (key[i] != 0 && key[i] != k)
		i = (i + 1) & (cap - 1);
	return i;
}

/* Room for one more key: the table at most half full. */
static int
hist_room(struct ner_hist *h)
{
	struct ner_hist g;
	size_t i, j;

	if (2 * (h->n + 1) <= h->cap)
		return 0;
	memset(&g, 0, sizeof(g));
	g.cap = h->cap == 0 ? 64 : 2 * h->cap;
	if ((g.key = calloc(g.cap, sizeof(*g.key))) == NULL ||
	    (g.count = malloc(g.cap * sizeof(*g.count))) == NULL ||
	    (g.used = malloc(g.cap / 2 * sizeof(*g.used))) == NULL) {
		ner_hist_free(&g);
		return -1;
	}
	g.ucap = g.cap / 2;
	for (i = 0; i < h->n; i++) {
		size_t from = h->used[i];

		j = hist_slot(g.key, g.cap, h->key[from]);
		g.key[j] = h->key[from];
		memcpy(g.count[j], h->count[from], sizeof(g.count[j]));
		g.used[g.n++] = j;
	}
	ner_hist_free(h);
	*h = g;
	return 0;
}

int
ner_hist_add(struct ner_hist *h, const struct ner_tags *tags, const uint64_t *hkey,
    size_t m, const unsigned *tag)
{
	size_t i, j;
	unsigned type;

	for (i = 0; i < m; i++) {
		if (hkey[i] == 0)
			continue;
		if (hist_room(h) != 0)
			return -1;
		j = hist_slot(h->key, h->cap, hkey[i]);
		if (h->key[j] == 0) {
			h->key[j] = hkey[i];
			memset(h->count[j], 0, sizeof(h->count[j]));
			h->used[h->n++] = j;
		}
		type = ner_tag_typeno(tags, tag[i]);
		h->count[j][type < NER_HIST_TYPES ? type : NER_HIST_TYPES - 1]++;
	}
	return 0;
}

void
ner_hist_features(const struct ner_hist *h, const uint64_t *hkey, size_t m,
    unsigned bits, uint32_t *f, unsigned *nf)
{
	size_t i, j;
	unsigned t;

	for (i = 0; i < m && h->n > 0; i++) {
		const uint32_t *c;
		uint32_t total = 0;

		if (hkey[i] == 0 || h->key[j = hist_slot(h->key, h->cap, hkey[i])] == 0)
			continue;
		c = h->count[j];
		for (t = 0; t < NER_HIST_TYPES; t++)
			total += c[t];
		/* each type seen: whether always, mostly or now and then */
		for (t = 0; t < NER_HIST_TYPES; t++)
			if (c[t] > 0) {
				char v[2] = { (char)('0' + t),
				    c[t] == total ? 'a' : 2 * c[t] > total ? 'm' : 's' };

				f[i * NER_MAXFEAT + nf[i]++] = slot(bits, T_HIST, v, 2, NULL, 0);
			}
	}
}

static size_t
put(struct ner_scratch *sc, const char *s, size_t n)
{
	size_t at = sc->len;

	if (txvec_grow((void **)&sc->buf, &sc->cap, sc->len + n + 1, 1) != 0)
		return SIZE_MAX;
	memcpy(sc->buf + at, s, n);
	sc->len += n;
	sc->buf[sc->len++] = '\0';
	return at;
}

static char
shape_of(int32_t cp)
{
	if (txu8_is_upper(cp))
		return 'X';
	if (txu8_is_lower(cp) || (cp >= 0x80 && txu8_is_letter(cp)))
		return 'x';
	if (txu8_is_digit(cp))
		return 'd';
	if (cp > 0x20 && cp < 0x7F)
		return (char)cp;
	return 'o';
}

/* The token's lower-case form, its shape and its short shape, into sc. */
static int
prepare(struct ner_scratch *sc, const char *s, size_t n, size_t i)
{
	char low[FORM_MAX + 4], shape[SHAPE_MAX + 2], sshape[SHAPE_MAX + 2];
	size_t k = 0, o = 0, ns = 0, nss = 0;
	int len;
	int32_t cp;
	char c;

	if (n > FORM_MAX)
		n = FORM_MAX;
	while (k < n) {
		cp = txu8_at(s, n, k, &len);
		if (k + (size_t)len > n)
			break;
		c = shape_of(cp);
		if (ns < SHAPE_MAX)
			shape[ns++] = c;
		if (nss == 0 || sshape[nss - 1] != c)
			if (nss < SHAPE_MAX)
				sshape[nss++] = c;
		if (cp >= 0 && (uint32_t)cp < 0x80) {
			low[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp | 0x20 : cp);
		} else if (cp >= 0) {
			o += (size_t)txu8_encode(txu8_tolower(cp), low + o);
		} else
			low[o++] = '?';
		k += (size_t)len;
	}
	if ((sc->tok[i].low = put(sc, low, o)) == SIZE_MAX ||
	    (sc->tok[i].shape = put(sc, shape, ns)) == SIZE_MAX ||
	    (sc->tok[i].sshape = put(sc, sshape, nss)) == SIZE_MAX)
		return -1;
	sc->tok[i].lowlen = o;
	sc->tok[i].cue = (unsigned char)cue_of(sc, low, o);
	sc->tok[i].hkey = ns > 0 && shape[0] == 'X' ? ner_table_key(low, o) : 0;
	return 0;
}

/*
 * Where the first k = 1..4 code points of s[0..n) end (n when it has
 * fewer) into pre[k - 1], and where the last k begin into suf[k - 1]:
 * one walk each way for the affix features.
 */
static void
cp_affixes(const char *s, size_t n, size_t *pre, size_t *suf)
{
	size_t i = 0, k;
	int32_t cp;
	int len;

	for (k = 0; k < 4; k++) {
		if (i < n) {
			txu8_at(s, n, i, &len);
			i += (size_t)len;
		}
		pre[k] = i;
	}
	for (i = n, k = 0; k < 4; k++) {
		if (i > 0)
			i -= (size_t)txu8_decode_back(s, i, &cp);
		suf[k] = i;
	}
}

/* a|b|c into out, which has room for it; returns its length (snprintf's cost saved a token) */
static size_t
join3(char *out, const char *a, const char *b, const char *c)
{
	size_t na = strlen(a), nb = strlen(b), nc = strlen(c);

	memcpy(out, a, na);
	out[na] = '|';
	memcpy(out + na + 1, b, nb);
	out[na + 1 + nb] = '|';
	memcpy(out + na + nb + 2, c, nc);
	out[na + nb + 2 + nc] = '\0';
	return na + nb + 2 + nc;
}

int
ner_features(struct ner_scratch *sc, const struct ner_sent *s, unsigned bits,
    const struct ner_lex *lex, uint32_t *f, unsigned *nf)
{
	static const char bos[] = "<s>", eos[] = "</s>";
	size_t i, k, m = s->n;

	if (txvec_grow((void **)&sc->tok, &sc->tcap, m + 1, sizeof(*sc->tok)) != 0)
		return -1;
	sc->len = 0;
	for (i = 0; i < m; i++)
		if (prepare(sc, s->text + s->start[i], s->end[i] - s->start[i], i) != 0)
			return -1;
	if (gaz_marks(sc, m, lex != NULL ? lex->gaz : NULL) != 0)
		return -1;
	clus_marks(sc, s, lex != NULL ? lex->clus : NULL);
	for (i = 0; i < m; i++) {
		uint32_t *o = f + i * NER_MAXFEAT;
		const char *w = sc->buf + sc->tok[i].low;
		const char *form = s->text + s->start[i];
		size_t wn = sc->tok[i].lowlen, fn = s->end[i] - s->start[i];
		const char *sh = sc->buf + sc->tok[i].shape, *ss = sc->buf + sc->tok[i].sshape;
		const char *wm1 = i > 0 ? sc->buf + sc->tok[i - 1].low : bos;
		const char *wp1 = i + 1 < m ? sc->buf + sc->tok[i + 1].low : eos;
		const char *wm2 = i > 1 ? sc->buf + sc->tok[i - 2].low : bos;
		const char *wp2 = i + 2 < m ? sc->buf + sc->tok[i + 2].low : eos;
		const char *ssm1 = i > 0 ? sc->buf + sc->tok[i - 1].sshape : bos;
		const char *ssp1 = i + 1 < m ? sc->buf + sc->tok[i + 1].sshape : eos;
		unsigned n = 0, cps = 0;
		char ss3[3 * SHAPE_MAX + 4];
		size_t l, ssn = strlen(ss), m1n = strlen(wm1), p1n = strlen(wp1);
		size_t pre[4], suf[4];

		if (fn > FORM_MAX)
			fn = FORM_MAX;
		o[n++] = slot(bits, T_BIAS, "", 0, NULL, 0);
		o[n++] = slot(bits, T_W, w, wn, NULL, 0);
		o[n++] = slot(bits, T_FORM, form, fn, NULL, 0);
		cp_affixes(w, wn, pre, suf);
		for (k = 0; k < 4; k++) {
			if (pre[k] < wn)
				o[n++] = slot(bits, T_P1 + (unsigned)k, w, pre[k], NULL, 0);
			if (suf[k] > 0)
				o[n++] = slot(bits, T_S1 + (unsigned)k, w + suf[k], wn - suf[k],
				    NULL, 0);
		}
		o[n++] = slot(bits, T_SHAPE, sh, strlen(sh), NULL, 0);
		o[n++] = slot(bits, T_SSHAPE, ss, ssn, NULL, 0);
		o[n++] = slot(bits, T_WM1, wm1, m1n, NULL, 0);
		o[n++] = slot(bits, T_WP1, wp1, p1n, NULL, 0);
		o[n++] = slot(bits, T_WM2, wm2, strlen(wm2), NULL, 0);
		o[n++] = slot(bits, T_WP2, wp2, strlen(wp2), NULL, 0);
		o[n++] = slot(bits, T_SSM1, ssm1, strlen(ssm1), NULL, 0);
		o[n++] = slot(bits, T_SSP1, ssp1, strlen(ssp1), NULL, 0);
		o[n++] = slot(bits, T_BIM, wm1, m1n, w, wn);
		o[n++] = slot(bits, T_BIP, w, wn, wp1, p1n);
		o[n++] = slot(bits, T_FIRST, i == 0 ? "1" : "0", 1, ss, ssn);
		for (k = 0; k < wn; k++)
			cps += ((unsigned char)w[k] & 0xC0) != 0x80;
		ss3[0] = (char)('0' + (cps > 9 ? 9 : cps));
		o[n++] = slot(bits, T_LEN, ss3, 1, NULL, 0);
		l = join3(ss3, ssm1, ss, ssp1);
		o[n++] = slot(bits, T_SS3, ss3, l, NULL, 0);
		{
			unsigned c0 = sc->tok[i].cue, cm = i > 0 ? sc->tok[i - 1].cue : 8,
			    cp = i + 1 < m ? sc->tok[i + 1].cue : 8, cp2 = i + 2 < m ? sc->tok[i + 2].cue : 8;
			char v[2] = { 0, 0 };

			if (c0 != 0) {
				v[0] = (char)('0' + c0);
				o[n++] = slot(bits, T_CUE, v, 1, ss, ssn);
			}
			if (cm != 0) {
				v[0] = (char)('0' + cm);
				o[n++] = slot(bits, T_CUEM1, v, 1, ss, ssn);
			}
			if (cp != 0) {
				v[0] = (char)('0' + cp);
				o[n++] = slot(bits, T_CUEP1, v, 1, ss, ssn);
			}
			if (cp2 != 0 && cp2 != 8) {
				v[0] = (char)('0' + cp2);
				o[n++] = slot(bits, T_CUEP2, v, 1, ss, ssn);
			}
			/* a feature for each list the name is in, where it stands in it */
			for (k = 0; k < NER_GAZ_TYPES; k++)
				if (sc->tok[i].gz >> (2 + k) & 1) {
					v[0] = (char)('A' + 4 * k + (sc->tok[i].gz & 3));
					o[n++] = slot(bits, T_GAZ, v, 1, NULL, 0);
					o[n++] = slot(bits, T_GAZS, v, 1, ss, ssn);
				}
		}
		if (sc->tok[i].cl[0] != 0) {
			const unsigned *cl = sc->tok[i].cl;
			unsigned clm = i > 0 ? sc->tok[i - 1].cl[0] : 0xFFFF;
			unsigned clp = i + 1 < m ? sc->tok[i + 1].cl[0] : 0xFFFF;
			char v[40];
			size_t vl;

			for (k = 0; k < NER_CLUS_LEVELS; k++) {
				vl = decimals(v, 1, cl[k], 0, 0);
				o[n++] = slot(bits, T_CL0 + (unsigned)k, v, vl, NULL, 0);
			}
			vl = decimals(v, 1, cl[0], 0, 0);
			o[n++] = slot(bits, T_CLSH, v, vl, ss, ssn);
			vl = decimals(v, 2, clm, cl[0], 0);
			o[n++] = slot(bits, T_CLM1, v, vl, NULL, 0);
			vl = decimals(v, 2, cl[0], clp, 0);
			o[n++] = slot(bits, T_CLP1, v, vl, NULL, 0);
			vl = decimals(v, 3, i > 0 ? sc->tok[i - 1].cl[1] : 0xFFFF,
			    cl[1], i + 1 < m ? sc->tok[i + 1].cl[1] : 0xFFFF);
			o[n++] = slot(bits, T_CLBI, v, vl, NULL, 0);
		}
		nf[i] = n;
	}
	return 0;
}

void
ner_scratch_free(struct ner_scratch *sc)
{
	free(sc->buf);
	free(sc->tok);
	free(sc->phrase);
	memset(sc, 0, sizeof(*sc));
}

char
ner_tag_kind(const struct ner_tags *tags, unsigned t)
{
	return t == 0 || t >= tags->n ? 'O' : tags->name[t][0];
}

const char *
ner_tag_type(const struct ner_tags *tags, unsigned t)
{
	return t == 0 || t >= tags->n ? "" : tags->name[t] + 2;
}

unsigned
ner_tag_typeno(const struct ner_tags *tags, unsigned t)
{
	return t == 0 || t >= tags->n ? 0 : (t - 1) / tags->per + 1;
}

int
ner_tag_begins(const struct ner_tags *tags, unsigned t)
{
	char k = ner_tag_kind(tags, t);

	return k == 'B' || k == 'U';
}

unsigned
ner_tag_of(const struct ner_tags *tags, unsigned ty, char kind)
{
	unsigned k = kind == 'B' ? 0 : kind == 'I' ? 1 : kind == 'L' ? 2 : 3;

	if (tags->per == 2)
		k = k == 1 || k == 2;
	return 1 + (ty - 1) * tags->per + k;
}

static int
allowed(const struct ner_tags *tags, unsigned a, unsigned b)
{
	char ka = ner_tag_kind(tags, a), kb = ner_tag_kind(tags, b);
	int open = tags->per == 4 && (ka == 'B' || ka == 'I');

	if (kb == 'I' || kb == 'L')
		return (ka == 'B' || ka == 'I') &&
		    ner_tag_typeno(tags, a) == ner_tag_typeno(tags, b);
	return !open;
}

int
ner_allowed(const struct ner_tags *tags, unsigned a, unsigned b)
{
	return tags->ok[a < tags->n ? a : tags->n][b < tags->n ? b : tags->n];
}

void
ner_viterbi(const float *e, size_t m, unsigned nt, const struct ner_tags *tags,
    const float *trans, float *work, unsigned *tag)
{
	float *score = work, *back = work + m * nt;
	size_t i;
	unsigned a, b, best;

	if (m == 0)
		return;
	for (b = 0; b < nt; b++)
		score[b] = ner_allowed(tags, nt, b) ? trans[nt * nt + b] + e[b] : -INFINITY;
	for (i = 1; i < m; i++)
		for (b = 0; b < nt; b++) {
			float top = -INFINITY, v;
			unsigned arg = 0;

			for (a = 0; a < nt; a++) {
				if (!ner_allowed(tags, a, b))
					continue;
				v = score[(i - 1) * nt + a] + trans[a * nt + b];
				if (v > top) {
					top = v;
					arg = a;
				}
			}
			score[i * nt + b] = top + e[i * nt + b];
			back[i * nt + b] = (float)arg;
		}
	best = 0;
	for (b = 1; b < nt; b++)
		if (ner_allowed(tags, b, nt) &&
		    score[(m - 1) * nt + b] > score[(m - 1) * nt + best])
			best = b;
	for (i = m; i-- > 0;) {
		tag[i] = best;
		if (i > 0)
			best = (unsigned)back[i * nt + best];
	}
}

int
ner_tags_make(struct ner_tags *tags, const char *const *types, unsigned n,
    unsigned per)
{
	unsigned i, k;

	memset(tags, 0, sizeof(*tags));
	if ((per != 2 && per != 4) || n > NER_MAXTYPES ||
	    (tags->name[0] = strdup("O")) == NULL)
		return -1;
	tags->n = 1;
	tags->per = per;
	for (i = 0; i < n; i++)
		for (k = 0; k < per; k++) {
			size_t l = strlen(types[i]);
			char *s;

			if (l == 0 || l > 31 || (s = malloc(l + 3)) == NULL) {
				ner_tags_free(tags);
				return -1;
			}
			s[0] = "BILU"[k];
			s[1] = '-';
			memcpy(s + 2, types[i], l + 1);
			tags->iob[tags->n] = 1 + i * per + (k == 1 || k == 2);
			tags->name[tags->n++] = s;
		}
	/* the Viterbi pass asks for every pair of every token: a table */
	for (i = 0; i <= tags->n; i++)
		for (k = 0; k <= tags->n; k++)
			tags->ok[i][k] = (unsigned char)allowed(tags, i, k);
	return 0;
}

void
ner_tags_free(struct ner_tags *tags)
{
	unsigned i;

	for (i = 0; i < tags->n; i++)
		free(tags->name[i]);
	memset(tags, 0, sizeof(*tags));
}

static int
host_little(void)
{
	const uint32_t one = 1;

	return *(const unsigned char *)&one == 1;
}

int
ner_model_open(struct ner_model *m, const char *path, const char **why)
{
	const unsigned char *head, *names, *w, *tr, *gz;
	size_t hl, nl, wl, tl, gl, i, nw, k;
	const char *types[NER_MAXTAGS], *name[NER_MAXTAGS];
	unsigned nty = 0, per;

	memset(m, 0, sizeof(*m));
	if (txmodel_open(&m->file, path, NER_KIND, why) != TXMODEL_OK)
		return -1;
	*why = "the model is malformed";
	head = txmodel_section(&m->file, "head", &hl);
	names = txmodel_section(&m->file, "tags", &nl);
	w = txmodel_section(&m->file, "weights", &wl);
	tr = txmodel_section(&m->file, "trans", &tl);
	if (head == NULL || names == NULL || w == NULL || tr == NULL || hl < 16)
		goto bad;
	m->bits = txmodel_get32(head);
	m->ntags = txmodel_get32(head + 4);
	if (txmodel_get32(head + 8) != NER_FEAT_VERSION) {
		*why = "the model is for another version of txner's features";
		goto bad;
	}
	if (m->bits < 8 || m->bits > 26 || m->ntags < 3 || m->ntags > NER_MAXTAGS)
		goto bad;
	/* the tags: "O", then "B-X" and "I-X" (and "L-X", "U-X") of each type */
	for (i = 0, k = 0; i < nl && k < m->ntags; k++) {
		size_t l = strnlen((const char *)names + i, nl - i);

		if (l == nl - i)
			goto bad;
		name[k] = (const char *)names + i;
		i += l + 1;
	}
	if (k != m->ntags)
		goto bad;
	per = m->ntags >= 5 && name[3][0] == 'L' ? 4 : 2;
	if ((m->ntags - 1) % per != 0 || strcmp(name[0], "O") != 0)
		goto bad;
	for (k = 1; k < m->ntags; k++) {
		size_t l = strlen(name[k]);

		if (l < 3 || l > 33 || name[k][0] != "BILU"[(k - 1) % per] ||
		    name[k][1] != '-' || ((k - 1) % per != 0 &&
		    strcmp(name[k] + 2, types[nty - 1]) != 0))
			goto bad;
		if ((k - 1) % per == 0)
			types[nty++] = name[k] + 2;
	}
	nw = ((size_t)1 << m->bits) * m->ntags;
	if (wl != 4 * nw || tl != 4 * (size_t)(m->ntags + 1) * m->ntags)
		goto bad;
	for (i = 0; i < (size_t)(m->ntags + 1) * m->ntags; i++) {
		if (!isfinite(txmodel_getf32(tr + 4 * i)))
			goto bad;
	}
	if (ner_tags_make(&m->tags, types, nty, per) != 0) {
		*why = strerror(ENOMEM);
		goto bad;
	}
	if ((gz = txmodel_section(&m->file, "gaz", &gl)) != NULL &&
	    ner_table_map(&m->gaz, gz, gl, 1) != 0)
		goto bad;
	if ((gz = txmodel_section(&m->file, "clus", &gl)) != NULL &&
	    ner_table_map(&m->clus, gz, gl, 2 * NER_CLUS_LEVELS) != 0)
		goto bad;
	if (host_little()) {
		m->w = (const float *)(const void *)w;
		m->trans = (const float *)(const void *)tr;
	} else {
		size_t nt = (size_t)(m->ntags + 1) * m->ntags;

		if ((m->own = malloc(4 * (nw + nt))) == NULL) {
			*why = strerror(ENOMEM);
			goto bad;
		}
		for (i = 0; i < nw + nt; i++) {
			uint32_t u = txmodel_get32(i < nw ? w + 4 * i : tr + 4 * (i - nw));

			memcpy(m->own + i, &u, sizeof(u));
		}
		m->w = m->own;
		m->trans = m->own + nw;
	}
	return 0;
bad:
	ner_tags_free(&m->tags);
	ner_table_free(&m->gaz);
	txmodel_close(&m->file);
	return -1;
}

void
ner_model_close(struct ner_model *m)
{
	ner_tags_free(&m->tags);
	ner_table_free(&m->gaz);
	free(m->own);
	txmodel_close(&m->file);
	memset(m, 0, sizeof(*m));
}

struct ner_tagger {
	const struct ner_model *m;
	struct ner_lex lex;
	struct ner_hist hist;
	uint64_t *hkey;
	size_t hcap;
	struct ner_scratch sc;
	uint32_t *f;
	unsigned *nf;
	float *e, *work;
	size_t cap, fcap, ncap, ecap, wcap;
};

struct ner_tagger *
ner_tagger_new(const struct ner_model *m)
{
	struct ner_tagger *tg = calloc(1, sizeof(*tg));

	if (tg != NULL) {
		tg->m = m;
		tg->lex.gaz = &m->gaz;
		tg->lex.clus = &m->clus;
	}
	return tg;
}

void
ner_tagger_free(struct ner_tagger *tg)
{
	if (tg == NULL)
		return;
	ner_scratch_free(&tg->sc);
	ner_hist_free(&tg->hist);
	free(tg->hkey);
	free(tg->f);
	free(tg->nf);
	free(tg->e);
	free(tg->work);
	free(tg);
}

void
ner_tagger_doc(struct ner_tagger *tg)
{
	ner_hist_reset(&tg->hist);
}

int
ner_tag(struct ner_tagger *tg, const struct ner_sent *s, unsigned *tag)
{
	const struct ner_model *m = tg->m;
	unsigned nt = m->ntags, t, k;
	size_t i, n = s->n;

	if (n == 0)
		return 0;
	if (txvec_grow((void **)&tg->f, &tg->fcap, n * NER_MAXFEAT, sizeof(*tg->f)) != 0 ||
	    txvec_grow((void **)&tg->nf, &tg->ncap, n, sizeof(*tg->nf)) != 0 ||
	    txvec_grow((void **)&tg->e, &tg->ecap, n * nt, sizeof(*tg->e)) != 0 ||
	    txvec_grow((void **)&tg->work, &tg->wcap, 2 * n * nt, sizeof(*tg->work)) != 0 ||
	    txvec_grow((void **)&tg->hkey, &tg->hcap, n, sizeof(*tg->hkey)) != 0 ||
	    ner_features(&tg->sc, s, m->bits, &tg->lex, tg->f, tg->nf) != 0)
		return -1;
	for (i = 0; i < n; i++)
		tg->hkey[i] = tg->sc.tok[i].hkey;
	ner_hist_features(&tg->hist, tg->hkey, n, m->bits, tg->f, tg->nf);
	for (i = 0; i < n; i++) {
		float *e = tg->e + i * nt;

		for (t = 0; t < nt; t++)
			e[t] = 0;
		for (k = 0; k < tg->nf[i]; k++) {
			const float *w = m->w + (size_t)tg->f[i * NER_MAXFEAT + k] * nt;

			for (t = 0; t < nt; t++)
				e[t] += w[t];
		}
	}
	ner_viterbi(tg->e, n, nt, &m->tags, m->trans, tg->work, tag);
	return ner_hist_add(&tg->hist, &tg->m->tags, tg->hkey, n, tag);
}
