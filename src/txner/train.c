/*
 * txner-train: learns txner's model from sentences tagged in IOB2, as a
 * structured averaged perceptron (Collins 2002) over ner.h's features and
 * BIO or BILOU transitions, decoded by the same Viterbi pass as the tagger.  With a
 * DEV file, the epoch whose averaged weights score best on it is kept.
 * Deterministic: same input and options, same model, byte for byte.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "conll.h"
#include "model.h"
#include "ner.h"
#include "vec.h"

#define USAGE "usage: txner-train [-e epochs] [-b bits] [-s seed] [--scheme bio|bilou] " \
	"[--types list] [--gazetteer file] [--clusters file] train [dev]\n"

struct corpus {
	struct conll c;
	unsigned *gold;		/* a token's tag */
	uint32_t *f;		/* a token's features, NER_MAXFEAT apart */
	unsigned *nf;		/* how many: ns, and those of the document's history */
	unsigned *ns;		/* how many do not change with the history */
	uint64_t *hkey;		/* a token's key in the history */
	size_t ndoc;		/* documents: the marked ones, or else each sentence */
};

struct trainer {
	unsigned bits, epochs;
	unsigned per;		/* tags a type: 2 BIO, 4 BILOU */
	uint64_t seed;		/* of the order the documents are learnt in */
	struct ner_tags tags;
	struct ner_table gaz, clus;	/* written into the model as they are */
	size_t nw, ntr;
	double *w, *wa, *tr, *tra;	/* weights and their sums for the average */
	float *fw, *ftr;	/* the averaged weights, as the model holds them */
	float *best, *btr;
	double c;		/* updates so far, for the average */
};

static void
usage(void)
{
	fputs(USAGE, stdout);
	fputs("Train txner's model from sentences tagged in IOB2; write it to stdout.\n\n"
	    "  train, dev: one token a line (the form first, or the UNER layout\n"
	    "  ID FORM TAG ...), the tag last or third, a blank line after each\n"
	    "  sentence; lines starting with # are comments.\n"
	    "  -e, --epochs=N     passes over the training sentences (default 12)\n"
	    "  -b, --bits=B       features hashed into 2^B rows (default 18)\n"
	    "  -s, --seed=N       of the order the documents are learnt in (default 1)\n"
	    "      --scheme=S     bio (default) or bilou: tags for a name's last\n"
	    "                     token and for a one-token name (written as IOB2)\n"
	    "      --types=LIST   the entity types kept, comma-separated\n"
	    "                     (default: all in the training file); others are O\n"
	    "      --gazetteer=FILE names, \"TYPE<TAB>name\" a line, lower case (the\n"
	    "                     model keeps them; see mk/gazetteer.py)\n"
	    "      --clusters=FILE word classes, \"word<TAB>c0<TAB>c1<TAB>c2\" a line\n"
	    "                     (kept in the model; see src/txner/mkclus.c)\n"
	    "      --help, --version\n", stdout);
}

/* The type number of s in tags (B-X or I-X of a kept type), or 0 (O). */
static unsigned
type_of(const struct ner_tags *tags, const char *s)
{
	unsigned t;

	if ((s[0] != 'B' && s[0] != 'I') || s[1] != '-')
		return 0;
	for (t = 1; t < tags->n; t += tags->per)
		if (strcmp(tags->name[t] + 2, s + 2) == 0)
			return ner_tag_typeno(tags, t);
	return 0;
}

/*
 * The tags of a sentence's n tokens, tagged tg[0..n) in IOB2: an I-X
 * after a token not of X begins a name, as conlleval reads it.
 */
static void
gold_tags(const struct ner_tags *tags, const struct conll *c, size_t first,
    size_t n, unsigned *gold)
{
	size_t i;
	unsigned ty = 0, next = 0;

	for (i = 0; i < n; i++) {
		const char *s = c->buf + c->tag[first + i];
		unsigned prev = i > 0 ? ty : 0;
		int begins, goes_on;

		ty = i == 0 ? type_of(tags, s) : next;
		next = i + 1 < n ? type_of(tags, c->buf + c->tag[first + i + 1]) : 0;
		if (ty == 0) {
			gold[i] = 0;
			continue;
		}
		begins = s[0] == 'B' || prev != ty;
		goes_on = next == ty && c->buf[c->tag[first + i + 1]] == 'I';
		gold[i] = ner_tag_of(tags, ty, begins ? (goes_on ? 'B' : 'U') :
		    goes_on ? 'I' : 'L');
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The types of the training file, sorted, or those of --types. */
static int
make_tags(struct trainer *t, const struct conll *c, char *list)
{
	const char *types[NER_MAXTAGS];
	unsigned n = 0, k;
	size_t i;
	char *p;

	if (list != NULL) {
		for (p = strtok(list, ","); p != NULL; p = strtok(NULL, ","))
			if (n < NER_MAXTYPES)
				types[n++] = p;
	} else
		for (i = 0; i < c->ntok; i++) {
			const char *tg = c->buf + c->tag[i];

			if ((tg[0] != 'B' && tg[0] != 'I') || tg[1] != '-' || tg[2] == '\0')
				continue;
			for (k = 0; k < n && strcmp(types[k], tg + 2) != 0; k++)
				;
			if (k == n) {
				if (n >= NER_MAXTYPES)
					return -1;
				types[n++] = tg + 2;
			}
		}
	qsort(types, n, sizeof(types[0]), cmp_str);
	return ner_tags_make(&t->tags, types, n, t->per);
}

static int
prepare(struct corpus *co, const struct trainer *t)
{
	struct ner_scratch sc;
	struct ner_sent s;
	struct ner_lex lex = { &t->gaz, &t->clus };
	size_t i, k, n = co->c.ntok;
	int rc = 0;

	memset(&sc, 0, sizeof(sc));
	if ((co->gold = malloc((n + 1) * sizeof(*co->gold))) == NULL ||
	    (co->f = malloc((n + 1) * NER_MAXFEAT * sizeof(*co->f))) == NULL ||
	    (co->nf = malloc((n + 1) * sizeof(*co->nf))) == NULL ||
	    (co->ns = malloc((n + 1) * sizeof(*co->ns))) == NULL ||
	    (co->hkey = malloc((n + 1) * sizeof(*co->hkey))) == NULL)
		return -1;
	co->ndoc = co->c.ndoc > 1 ? co->c.ndoc : co->c.nsent;
	s.text = co->c.buf;
	for (i = 0; i < co->c.nsent && rc == 0; i++) {
		size_t first = co->c.sent[i];

		gold_tags(&t->tags, &co->c, first, co->c.sent[i + 1] - first, co->gold + first);

		s.start = co->c.start + first;
		s.end = co->c.end + first;
		s.n = co->c.sent[i + 1] - first;
		rc = ner_features(&sc, &s, t->bits, &lex, co->f + first * NER_MAXFEAT,
		    co->ns + first);
		for (k = 0; rc == 0 && k < s.n; k++)
			co->hkey[first + k] = sc.tok[k].hkey;
	}
	ner_scratch_free(&sc);
	return rc;
}

/* Emission scores of tokens [first, first + m) under w (double or float). */
static void
emissions(const struct corpus *co, size_t first, size_t m, unsigned nt,
    const double *w, const float *fw, float *e)
{
	size_t i, k;
	unsigned t;

	for (i = 0; i < m; i++) {
		float *ei = e + i * nt;

		for (t = 0; t < nt; t++)
			ei[t] = 0;
		for (k = 0; k < co->nf[first + i]; k++) {
			size_t row = (size_t)co->f[(first + i) * NER_MAXFEAT + k] * nt;

			for (t = 0; t < nt; t++)
				ei[t] += w != NULL ? (float)w[row + t] : fw[row + t];
		}
	}
}

static void
update(struct trainer *t, const struct corpus *co, size_t first, size_t m,
    const unsigned *pred)
{
	unsigned nt = t->tags.n, g, p, pg = nt, pp = nt;
	size_t i, k;

	for (i = 0; i < m; i++, pg = g, pp = p) {
		g = co->gold[first + i];
		p = pred[i];
		if (g != p)
			for (k = 0; k < co->nf[first + i]; k++) {
				size_t row = (size_t)co->f[(first + i) * NER_MAXFEAT + k] * nt;

				t->w[row + g] += 1;
				t->wa[row + g] += t->c;
				t->w[row + p] -= 1;
				t->wa[row + p] -= t->c;
			}
		if (g != p || pg != pp) {
			t->tr[pg * nt + g] += 1;
			t->tra[pg * nt + g] += t->c;
			t->tr[pp * nt + p] -= 1;
			t->tra[pp * nt + p] -= t->c;
		}
	}
}

static void
average(struct trainer *t)
{
	size_t i;

	for (i = 0; i < t->nw; i++)
		t->fw[i] = (float)(t->w[i] - t->wa[i] / t->c);
	for (i = 0; i < t->ntr; i++)
		t->ftr[i] = (float)(t->tr[i] - t->tra[i] / t->c);
}

/* Counts the entities of tags[0..m) (conlleval chunks) into *n, and those equal in both into *ok. */
static void
chunks(const struct ner_tags *tags, const unsigned *gold, const unsigned *pred,
    size_t m, size_t *ng, size_t *np, size_t *ok)
{
	size_t i, gs = SIZE_MAX, ps = SIZE_MAX;

	for (i = 0; i <= m; i++) {
		unsigned g = i < m ? gold[i] : 0, p = i < m ? pred[i] : 0;
		int gstart = g != 0 && (ner_tag_begins(tags, g) || i == 0 ||
		    !ner_allowed(tags, gold[i - 1], g));
		int pstart = p != 0 && (ner_tag_begins(tags, p) || i == 0 ||
		    !ner_allowed(tags, pred[i - 1], p));
		int gend = gs != SIZE_MAX && (g == 0 || gstart);
		int pend = ps != SIZE_MAX && (p == 0 || pstart);

		if (gend && pend && gs == ps &&
		    strcmp(ner_tag_type(tags, gold[gs]), ner_tag_type(tags, pred[ps])) == 0)
			(*ok)++;
		if (gend)
			gs = SIZE_MAX;
		if (pend)
			ps = SIZE_MAX;
		if (gstart) {
			gs = i;
			(*ng)++;
		}
		if (pstart) {
			ps = i;
			(*np)++;
		}
	}
}

/* The sentences [*a, *b) of document d of co. */
static void
doc_sents(const struct corpus *co, size_t d, size_t *a, size_t *b)
{
	if (co->c.ndoc > 1) {
		*a = co->c.doc[d];
		*b = co->c.doc[d + 1];
	} else {
		*a = d;
		*b = d + 1;
	}
}

/* Sentence tokens [first, first + m): the features of the document's history h so far. */
static void
history(const struct trainer *t, struct corpus *co, const struct ner_hist *h,
    size_t first, size_t m)
{
	memcpy(co->nf + first, co->ns + first, m * sizeof(*co->nf));
	ner_hist_features(h, co->hkey + first, m, t->bits, co->f + first * NER_MAXFEAT,
	    co->nf + first);
}

/*
 * Micro F1 over all types of the averaged weights on co, each document's
 * sentences in order, the history from what was tagged.  Returns -1 when
 * memory is exhausted.
 */
static double
score(struct trainer *t, struct corpus *co, struct ner_hist *h, float *e,
    float *work, unsigned *pred)
{
	size_t d, i, a, b, ng = 0, np = 0, ok = 0;
	unsigned nt = t->tags.n;

	for (d = 0; d < co->ndoc; d++) {
		ner_hist_reset(h);
		doc_sents(co, d, &a, &b);
		for (i = a; i < b; i++) {
			size_t first = co->c.sent[i], m = co->c.sent[i + 1] - first;

			history(t, co, h, first, m);
			emissions(co, first, m, nt, NULL, t->fw, e);
			ner_viterbi(e, m, nt, &t->tags, t->ftr, work, pred);
			chunks(&t->tags, co->gold + first, pred, m, &ng, &np, &ok);
			if (ner_hist_add(h, &t->tags, co->hkey + first, m, pred) != 0)
				return -1;
		}
	}
	return ng + np > 0 ? 2.0 * ok / (double)(ng + np) : 0;
}

static int
write_model(const struct trainer *t, const float *w, const float *tr)
{
	struct txmodel_sec sec[6];
	unsigned char head[16], *wb, *tb;
	char *names;
	size_t nl = 0, i, nsec;
	unsigned k;
	int rc;

	txmodel_put32(head, t->bits);
	txmodel_put32(head + 4, t->tags.n);
	txmodel_put32(head + 8, NER_FEAT_VERSION);
	txmodel_put32(head + 12, 0);
	for (k = 0; k < t->tags.n; k++)
		nl += strlen(t->tags.name[k]) + 1;
	names = malloc(nl);
	wb = malloc(4 * t->nw);
	tb = malloc(4 * t->ntr);
	if (names == NULL || wb == NULL || tb == NULL) {
		free(names);
		free(wb);
		free(tb);
		errno = ENOMEM;
		return -1;
	}
	for (k = 0, nl = 0; k < t->tags.n; k++) {
		size_t l = strlen(t->tags.name[k]) + 1;

		memcpy(names + nl, t->tags.name[k], l);
		nl += l;
	}
	for (i = 0; i < t->nw + t->ntr; i++) {
		uint32_t u;

		memcpy(&u, i < t->nw ? w + i : tr + (i - t->nw), sizeof(u));
		txmodel_put32(i < t->nw ? wb + 4 * i : tb + 4 * (i - t->nw), u);
	}
	sec[0] = (struct txmodel_sec){ "head", head, sizeof(head) };
	sec[1] = (struct txmodel_sec){ "tags", names, nl };
	sec[2] = (struct txmodel_sec){ "weights", wb, 4 * t->nw };
	sec[3] = (struct txmodel_sec){ "trans", tb, 4 * t->ntr };
	nsec = 4;
	if (t->gaz.cap > 0)
		sec[nsec++] = (struct txmodel_sec){ "gaz", t->gaz.bytes, ner_table_size(&t->gaz) };
	if (t->clus.cap > 0)
		sec[nsec++] = (struct txmodel_sec){ "clus", t->clus.bytes, ner_table_size(&t->clus) };
	rc = txmodel_write(STDOUT_FILENO, "txner-train", NER_KIND, sec, nsec);
	free(names);
	free(wb);
	free(tb);
	return rc;
}

/* The next of a fixed sequence: the shuffle is the same on every host. */
static uint64_t
next_rand(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

static int
train(struct trainer *t, struct corpus *tr, struct corpus *dev, struct txcli *cli)
{
	unsigned nt = t->tags.n, ep, bestep = 0;
	size_t maxn = 1, i, j, d, a, b, *order;
	float *e, *work;
	unsigned *pred;
	double f1, best = -1, trf1;
	uint64_t seed = t->seed;
	int verbose = isatty(STDERR_FILENO), rc = 0;
	struct ner_hist h;

	for (i = 0; i < tr->c.nsent; i++)
		maxn = tr->c.sent[i + 1] - tr->c.sent[i] > maxn ? tr->c.sent[i + 1] - tr->c.sent[i] : maxn;
	for (i = 0; dev != NULL && i < dev->c.nsent; i++)
		maxn = dev->c.sent[i + 1] - dev->c.sent[i] > maxn ? dev->c.sent[i + 1] - dev->c.sent[i] : maxn;
	t->nw = ((size_t)1 << t->bits) * nt;
	t->ntr = (size_t)(nt + 1) * nt;
	t->w = calloc(t->nw, sizeof(double));
	t->wa = calloc(t->nw, sizeof(double));
	t->tr = calloc(t->ntr, sizeof(double));
	t->tra = calloc(t->ntr, sizeof(double));
	t->fw = malloc(t->nw * sizeof(float));
	t->ftr = malloc(t->ntr * sizeof(float));
	t->best = malloc(t->nw * sizeof(float));
	t->btr = malloc(t->ntr * sizeof(float));
	memset(&h, 0, sizeof(h));
	order = malloc((tr->ndoc + 1) * sizeof(*order));
	e = malloc(maxn * nt * sizeof(*e));
	work = malloc(2 * maxn * nt * sizeof(*work));
	pred = malloc(maxn * sizeof(*pred));
	if (t->w == NULL || t->wa == NULL || t->tr == NULL || t->tra == NULL ||
	    t->fw == NULL || t->ftr == NULL || t->best == NULL || t->btr == NULL ||
	    order == NULL || e == NULL || work == NULL || pred == NULL) {
		free(order);
		free(e);
		free(work);
		free(pred);
		return -1;
	}
	for (i = 0; i < tr->ndoc; i++)
		order[i] = i;
	t->c = 1;
	/* documents in a new order each epoch, each one's sentences in order */
	for (ep = 1; ep <= t->epochs && rc == 0; ep++) {
		for (i = tr->ndoc; i > 1; i--) {
			size_t k = (size_t)(next_rand(&seed) % i), x = order[i - 1];

			order[i - 1] = order[k];
			order[k] = x;
		}
		for (d = 0; d < tr->ndoc && rc == 0; d++) {
			ner_hist_reset(&h);
			doc_sents(tr, order[d], &a, &b);
			for (j = a; j < b && rc == 0; j++) {
				size_t first = tr->c.sent[j], m = tr->c.sent[j + 1] - first;

				history(t, tr, &h, first, m);
				emissions(tr, first, m, nt, t->w, NULL, e);
				for (i = 0; i < t->ntr; i++)
					t->ftr[i] = (float)t->tr[i];
				ner_viterbi(e, m, nt, &t->tags, t->ftr, work, pred);
				update(t, tr, first, m, pred);
				t->c++;
				rc = ner_hist_add(&h, &t->tags, tr->hkey + first, m, pred);
			}
		}
		average(t);
		f1 = dev != NULL ? score(t, dev, &h, e, work, pred) : 0;
		trf1 = verbose ? score(t, tr, &h, e, work, pred) : 0;
		if (f1 < 0 || trf1 < 0) {
			rc = -1;
			break;
		}
		if (verbose && dev != NULL)
			txcli_warn(cli, "epoch %u: train F1 %.4f, dev F1 %.4f", ep, trf1, f1);
		else if (verbose)
			txcli_warn(cli, "epoch %u: train F1 %.4f", ep, trf1);
		if (dev == NULL || f1 > best + 1e-12) {
			best = f1;
			bestep = ep;
			memcpy(t->best, t->fw, t->nw * sizeof(float));
			memcpy(t->btr, t->ftr, t->ntr * sizeof(float));
		}
	}
	if (dev != NULL && rc == 0)
		txcli_warn(cli, "dev F1 %.4f (micro, all types) after epoch %u of %u",
		    best, bestep, t->epochs);
	ner_hist_free(&h);
	free(order);
	free(e);
	free(work);
	free(pred);
	return rc;
}

/* The whole of the file at path, NUL-terminated, into *buf (owned) and *len. */
static int
read_all(const char *path, char **buf, size_t *len, const char **why)
{
	FILE *fp = fopen(path, "r");
	size_t cap = 0, n;
	char chunk[65536];

	*buf = NULL;
	*len = 0;
	if (fp == NULL) {
		*why = strerror(errno);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (txvec_grow((void **)buf, &cap, *len + n + 1, 1) != 0) {
			fclose(fp);
			*why = strerror(ENOMEM);
			return -1;
		}
		memcpy(*buf + *len, chunk, n);
		*len += n;
	}
	if (ferror(fp)) {
		*why = strerror(errno);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

/* The gazetteer or word class file at path, into the table tb by build. */
static int
read_table(struct ner_table *tb, int (*build)(struct ner_table *, const char *, size_t),
    const char *path, const char **why)
{
	char *buf;
	size_t len;
	int rc;

	if (read_all(path, &buf, &len, why) != 0)
		return -1;
	if ((rc = build(tb, buf, len)) != 0)
		*why = strerror(ENOMEM);
	free(buf);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "epochs", required_argument, NULL, 'e' },
		{ "bits", required_argument, NULL, 'b' },
		{ "seed", required_argument, NULL, 's' },
		{ "types", required_argument, NULL, 'T' },
		{ "gazetteer", required_argument, NULL, 'G' },
		{ "clusters", required_argument, NULL, 'C' },
		{ "scheme", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct trainer t;
	struct corpus tr, dev;
	struct txcli cli;
	const char *why;
	char *types = NULL, *end;
	const char *gazpath = NULL, *cluspath = NULL;
	long v;
	int c, status = 0;

	memset(&t, 0, sizeof(t));
	memset(&tr, 0, sizeof(tr));
	memset(&dev, 0, sizeof(dev));
	t.bits = 18;
	t.epochs = 12;
	t.seed = 1;
	t.per = 2;
	txcli_init(&cli, "txner-train", usage);
	while ((c = txcli_getopt(&cli, argc, argv, "e:b:s:", longopts)) >= 0) {
		switch (c) {
		case 's':
			errno = 0;
			t.seed = strtoull(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 || optarg[0] == '-') {
				txcli_warn(&cli, "-s: %s: not a number", optarg);
				return 2;
			}
			break;
		case 'e':
		case 'b':
			v = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || v < (c == 'e' ? 1 : 8) ||
			    v > (c == 'e' ? 1000 : 24)) {
				txcli_warn(&cli, "-%c: %s: out of range", c, optarg);
				return 2;
			}
			if (c == 'e')
				t.epochs = (unsigned)v;
			else
				t.bits = (unsigned)v;
			break;
		case 'T':
			types = optarg;
			break;
		case 'G':
			gazpath = optarg;
			break;
		case 'C':
			cluspath = optarg;
			break;
		case 'S':
			if (strcmp(optarg, "bio") != 0 && strcmp(optarg, "bilou") != 0) {
				txcli_warn(&cli, "--scheme: %s: not bio or bilou", optarg);
				return 2;
			}
			t.per = optarg[2] == 'o' ? 2 : 4;
			break;
		}
	}
	if (c != TXCLI_END)
		return TXCLI_STATUS(c);
	argc -= optind;
	argv += optind;
	if (argc < 1 || argc > 2) {
		txcli_warn(&cli, "one training file and at most one dev file");
		fputs(USAGE, stderr);
		return 2;
	}
	if (isatty(STDOUT_FILENO)) {
		txcli_warn(&cli, "the model is binary: redirect standard output to a file");
		return 2;
	}
	if (gazpath != NULL && read_table(&t.gaz, ner_gaz_build, gazpath, &why) != 0) {
		txcli_warn(&cli, "%s: %s", gazpath, why);
		return 1;
	}
	if (cluspath != NULL && read_table(&t.clus, ner_clus_build, cluspath, &why) != 0) {
		txcli_warn(&cli, "%s: %s", cluspath, why);
		ner_table_free(&t.gaz);
		return 1;
	}
	if (conll_read_file(&tr.c, argv[0], &why) != 0) {
		txcli_warn(&cli, "%s: %s", argv[0], why);
		return 1;
	}
	if (argc == 2 && conll_read_file(&dev.c, argv[1], &why) != 0) {
		txcli_warn(&cli, "%s: %s", argv[1], why);
		conll_free(&tr.c);
		return 1;
	}
	if (tr.c.nsent == 0) {
		txcli_warn(&cli, "%s: no sentence to learn from", argv[0]);
		status = 1;
	} else if (make_tags(&t, &tr.c, types) != 0) {
		txcli_warn(&cli, "too many entity types (at most %d)", NER_MAXTYPES);
		status = 1;
	} else if (prepare(&tr, &t) != 0 || (argc == 2 && prepare(&dev, &t) != 0) ||
	    train(&t, &tr, argc == 2 ? &dev : NULL, &cli) != 0)
		status = txcli_fatal(&cli, NULL, ENOMEM);
	else if (write_model(&t, t.best, t.btr) != 0)
		status = txcli_fatal(&cli, "stdout", errno);
	conll_free(&tr.c);
	conll_free(&dev.c);
	free(tr.gold);
	free(tr.f);
	free(tr.nf);
	free(tr.ns);
	free(tr.hkey);
	free(dev.gold);
	free(dev.f);
	free(dev.nf);
	free(dev.ns);
	free(dev.hkey);
	free(t.w);
	free(t.wa);
	free(t.tr);
	free(t.tra);
	free(t.fw);
	free(t.ftr);
	free(t.best);
	free(t.btr);
	ner_tags_free(&t.tags);
	ner_table_free(&t.gaz);
	ner_table_free(&t.clus);
	return status;
}
