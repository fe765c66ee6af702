/*
 * mkjoin: trains txfix's join scorer and writes the lexicon with it.
 *
 *   mkjoin [-v] [-c C] [-p PRECISION] -o OUT LEXICON < TRAIN
 *
 * TRAIN: `doc TAB corrupted TAB original` lines (mk/joined.py --train), a
 * document's lines together, original being corrupted with its deleted
 * spaces back.  Each document's corrupted text goes through the fixer with
 * a sink that receives every candidate split (fix.h); a candidate is right
 * when its cuts are exactly the spaces deleted inside the token.  The
 * scorer is logistic regression (liblinear) over the candidates' features.
 * Its threshold is the lowest at which the candidates of the validation
 * documents (their ids begin "val/") are split with at least PRECISION
 * (default 0.999), fitted on the others; it is then fitted again on every
 * document.  -v lists the validation candidates on stderr, by score.
 * Deterministic: the same input gives the same file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fit.h"
#include "fix.h"
#include "lexicon.h"
#include "vec.h"

struct example {
	struct txfit_example e;	/* first: txfit_train reads it */
	char *what;	/* with -v: the token and its split */
	int word;	/* no space was deleted in the token */
};

struct trainer {
	const unsigned char *deleted;	/* the document's deleted spaces, by byte */
	int fold;			/* the document's */
	struct example *ex;
	size_t n, cap;
	size_t pos;			/* examples that are right splits */
	int failed;
	int verbose;
	const char *text;		/* the document */
};

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "mkjoin: %s: %s\n", what, why);
	exit(1);
}

static void
sink(void *arg, const struct fix_join *c)
{
	struct trainer *t = arg;
	struct feature_node *x;
	size_t i;
	int right = 1, ncut = 0;

	for (i = c->start + 1; i < c->end; i++)
		if (t->deleted[i]) {
			right &= ncut < c->ncut && c->start + c->cut[ncut] == i;
			ncut++;
		}
	right &= ncut == c->ncut;
	/* the bias is liblinear's last feature */
	if (txvec_grow((void **)&t->ex, &t->cap, t->n + 1, sizeof(*t->ex)) != 0 ||
	    (x = txfit_binary(c->feat, c->nfeat, (1 << JOIN_BITS) + 1)) == NULL) {
		t->failed = 1;
		return;
	}
	t->ex[t->n].e.x = x;
	t->ex[t->n].e.y = right ? 1 : -1;
	t->ex[t->n].word = ncut == 0;
	t->ex[t->n].e.fold = t->fold;
	t->ex[t->n].what = NULL;
	if (t->verbose && (t->ex[t->n].what = malloc(2 * (c->end - c->start) + 2)) != NULL) {
		char *p = t->ex[t->n].what;

		for (i = c->start, ncut = 0; i < c->end; i++) {
			if (ncut < c->ncut && c->start + c->cut[ncut] == i) {
				*p++ = '|';
				ncut++;
			}
			*p++ = t->text[i];
		}
		*p = '\0';
	}
	t->n++;
	t->pos += right;
}

/* Fits on the examples not of fold (all when fold < 0), with liblinear's bias. */
static struct model *
fit(const struct trainer *t, double c, int fold)
{
	struct model *md = txfit_train(t->ex, t->n, sizeof(*t->ex), fold,
	    (1 << JOIN_BITS) + 1, 1, c);

	if (md == NULL)
		die("fit", "no examples, liblinear refuses its parameters, or no memory");
	return md;
}

struct scored {
	struct txfit_scored s;	/* first: txfit_cmp_scored reads it */
	const char *what;
	int word;
};

/*
 * The threshold at which fold's examples, scored by a fit on the others,
 * are split with at least precision prec, recall the largest.
 */
static double
threshold(const struct trainer *t, double c, double prec, int fold)
{
	struct model *md = fit(t, c, fold);
	struct scored *s;
	size_t i, n = 0, tp = 0, fp = 0, best = 0, all = 0;
	double thr = 1e9;

	if ((s = malloc((t->n + 1) * sizeof(*s))) == NULL)
		die("threshold", strerror(errno));
	for (i = 0; i < t->n; i++)
		if (t->ex[i].e.fold == fold) {
			s[n].s.v = txfit_decide(md, t->ex[i].e.x);
			s[n].what = t->ex[i].what;
			s[n].word = t->ex[i].word;
			s[n++].s.right = t->ex[i].e.y > 0;
			all += t->ex[i].e.y > 0;
		}
	qsort(s, n, sizeof(*s), txfit_cmp_scored);
	for (i = 0; i < n; i++) {
		tp += s[i].s.right;
		fp += !s[i].s.right;
		if ((double)tp >= prec * (double)(tp + fp) && tp > best &&
		    (i + 1 == n || s[i + 1].s.v < s[i].s.v)) {
			best = tp;
			thr = i + 1 < n ? (s[i].s.v + s[i + 1].s.v) / 2 : s[i].s.v - 1;
		}
	}
	for (i = 0; t->verbose && i < n; i++)
		if (s[i].what != NULL)
			fprintf(stderr, "%.3f\t%s\t%s\n", s[i].s.v, s[i].s.right ? "right" : s[i].word ? "word" : "wrong",
			    s[i].what);
	for (i = 0, tp = fp = 0; i < n && s[i].s.v > thr; i++) {
		tp += s[i].s.right;
		fp += !s[i].s.right;
	}
	fprintf(stderr, "mkjoin: validation: %zu candidates, %zu right; at %.3f: "
	    "%zu splits, precision %.4f, recall %.4f of the candidates\n", n, all,
	    thr, tp + fp, tp + fp ? (double)tp / (double)(tp + fp) : 1,
	    all ? (double)tp / (double)all : 0);
	free(s);
	free_and_destroy_model(&md);
	return thr;
}

/* Puts the deleted spaces of one line back: marks them in del, at text offset off. */
static void
align(const char *c, size_t cn, const char *o, size_t on, unsigned char *del,
    size_t off, size_t lineno)
{
	size_t i = 0, j = 0;

	while (j < on) {
		if (i < cn && c[i] == o[j]) {
			i++;
			j++;
		} else if (o[j] == ' ') {
			del[off + i] = 1;
			j++;
		} else
			break;
	}
	if (i != cn || j != on) {
		char what[32];

		snprintf(what, sizeof(what), "line %zu", lineno);
		die(what, "the original is not the corrupted line with spaces put back");
	}
}

static void
run_doc(struct fixer *fx, struct trainer *t, const char *text, size_t n,
    const unsigned char *del, const char *name)
{
	const struct txedit *out;
	t->deleted = del;
	t->text = text;
	t->fold = strncmp(name, "val/", 4) == 0 ? 0 : 1;
	if (fix_doc(fx, text, n, &out) < 0 || t->failed)
		die("train", strerror(ENOMEM));
}

int
main(int argc, char **argv)
{
	struct trainer t = { 0 };
	struct fix_opts o = { 1u << R_JOINED, 0, 0, sink, &t };
	const char *outpath = NULL, *why;
	char *line = NULL, *doc = NULL, *text = NULL, *c, *orig;
	unsigned char *del = NULL;
	size_t cap = 0, tlen = 0, tcap = 0, dcap = 0, lineno = 0, cn, on, i;
	double cost = 1, prec = 0.999, thr;
	struct lexicon *lx;
	struct lexbuild *b;
	struct fixer *fx;
	struct model *md;
	float *w;
	ssize_t len;
	int ch, fd;

	while ((ch = getopt(argc, argv, "c:o:p:v")) != -1)
		switch (ch) {
		case 'c':
			cost = atof(optarg);
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'p':
			prec = atof(optarg);
			break;
		case 'v':
			t.verbose = 1;
			break;
		default:
			fprintf(stderr, "usage: mkjoin [-v] [-c C] [-p PRECISION] -o OUT LEXICON < TRAIN\n");
			return 2;
		}
	if (outpath == NULL || optind + 1 != argc || cost <= 0 || prec <= 0 || prec > 1) {
		fprintf(stderr, "usage: mkjoin [-v] [-c C] [-p PRECISION] -o OUT LEXICON < TRAIN\n");
		return 2;
	}
	txfit_quiet();
	if ((lx = lex_open(argv[optind], &why)) == NULL)
		die(argv[optind], why);
	if ((fx = fix_new(&o, lx)) == NULL)
		die("fixer", strerror(ENOMEM));
	while ((len = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if ((c = strchr(line, '\t')) == NULL || (orig = strchr(c + 1, '\t')) == NULL)
			die("input", "a line is not doc TAB corrupted TAB original");
		*c++ = '\0';
		*orig++ = '\0';
		if (doc != NULL && strcmp(doc, line) != 0) {
			run_doc(fx, &t, text, tlen, del, doc);
			tlen = 0;
		}
		if (doc == NULL || strcmp(doc, line) != 0) {
			free(doc);
			if ((doc = strdup(line)) == NULL)
				die("input", strerror(errno));
		}
		cn = strlen(c);
		on = strlen(orig);
		if (txvec_grow((void **)&text, &tcap, tlen + cn + 2, 1) != 0 ||
		    txvec_grow((void **)&del, &dcap, tcap, 1) != 0)
			die("input", strerror(errno));
		memset(del + tlen, 0, cn + 1);
		align(c, cn, orig, on, del, tlen, lineno);
		memcpy(text + tlen, c, cn);
		tlen += cn;
		text[tlen++] = '\n';
	}
	if (ferror(stdin))
		die("stdin", strerror(errno));
	if (doc != NULL)
		run_doc(fx, &t, text, tlen, del, doc);
	fprintf(stderr, "mkjoin: %zu candidates, %zu right splits\n", t.n, t.pos);
	if (t.pos == 0 || t.pos == t.n)
		die("train", "the candidates need right and wrong splits both");
	thr = threshold(&t, cost, prec, 0);
	md = fit(&t, cost, -1);
	if ((w = calloc((size_t)1 << JOIN_BITS, sizeof(*w))) == NULL)
		die("train", strerror(errno));
	for (i = 0; i < (size_t)1 << JOIN_BITS; i++)
		w[i] = (float)txfit_weight(md, i);
	if ((b = lexb_new()) == NULL || lexb_add_lexicon(b, lx) != 0 ||
	    lexb_set_join(b, JOIN_BITS, JOIN_FEAT_VERSION, w, (float)txfit_weight(md, 1 << JOIN_BITS),
	    (float)thr) != 0)
		die("lexicon", strerror(ENOMEM));
	if ((fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    lexb_write(b, fd, "mkjoin") != 0 || close(fd) != 0)
		die(outpath, strerror(errno));
	free_and_destroy_model(&md);
	for (i = 0; i < t.n; i++) {
		free(t.ex[i].e.x);
		free(t.ex[i].what);
	}
	free(t.ex);
	free(w);
	lexb_free(b);
	fix_free(fx);
	lex_close(lx);
	free(line);
	free(doc);
	free(text);
	free(del);
	return 0;
}
