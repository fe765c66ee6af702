/*
 * mksplit: trains txsplit's boundary model.
 *
 *   mksplit [-v] [-a ABBREVS] [-c C] [-k FOLDS] [-p PRECISION] -o OUT < SENTENCES
 *
 * SENTENCES: a sentence a line, a blank line between documents (the
 * layout of UD's "# text" lines; mk/ewt-text.awk).  A document's sentences
 * are joined by one space into running text, which the splitter's rules
 * go through with a sink (split.h) that receives every gap the model would
 * decide; a gap is a boundary when a sentence of the document ends there.
 * The model is logistic regression (liblinear) over the gaps' features.
 * Its threshold is the one at which the boundaries of the rules and the
 * model together have the best F1 over every document, each scored by a
 * fit on the folds without it; it is then fitted again on every document.
 * ABBREVS (mkabbr's list, a word a line) are the learnt abbreviations the
 * rules use while training, and are kept in the model for txsplit.
 * Deterministic: the same input gives the same file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fit.h"
#include "model.h"
#include "split.h"
#include "vec.h"

#define USAGE "usage: mksplit [-v] [-a abbrevs] [-c C] [-k folds] [-p precision] -o OUT < SENTENCES\n"

struct trainer {
	const unsigned char *gold;	/* gold[i]: a sentence ends at byte i */
	unsigned char *seen;		/* seen[i]: the gap at byte i is counted */
	int fold, folds;
	struct txfit_example *ex;
	size_t n, cap;
	size_t rule_tp, rule_fp, gold_n;
	int failed;
};

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "mksplit: %s: %s\n", what, why);
	exit(1);
}

static void
sink(void *arg, const struct split_gap *g)
{
	struct trainer *t = arg;
	struct feature_node *x;

	/* a paragraph's windows overlap: a gap is counted once */
	if (t->seen[g->end])
		return;
	t->seen[g->end] = 1;
	if (g->rule) {
		t->rule_tp += t->gold[g->end];
		t->rule_fp += !t->gold[g->end];
		return;
	}
	/* the bias is liblinear's last feature */
	if (txvec_grow((void **)&t->ex, &t->cap, t->n + 1, sizeof(*t->ex)) != 0 ||
	    (x = txfit_binary(g->feat, g->nfeat, (1 << SPLIT_BITS) + 1)) == NULL) {
		t->failed = 1;
		return;
	}
	t->ex[t->n].x = x;
	t->ex[t->n].y = t->gold[g->end] ? 1 : -1;
	t->ex[t->n].fold = t->fold;
	t->n++;
}

/* Fits on the examples not of fold (all when fold < 0); the bias is a feature of theirs. */
static struct model *
fit(const struct trainer *t, double c, int fold)
{
	struct model *md = txfit_train(t->ex, t->n, sizeof(*t->ex), fold,
	    (1 << SPLIT_BITS) + 1, -1, c);

	if (md == NULL)
		die("fit", "no examples, liblinear refuses its parameters, or no memory");
	return md;
}

static double
f1(size_t tp, size_t sys, size_t gold)
{
	return tp == 0 ? 0 : 2.0 * (double)tp / (double)(sys + gold);
}

/*
 * The threshold at which the rules' boundaries and the model's, each
 * example scored by a fit on the folds without it, have the best F1, the
 * model's being right at least prec of the time.
 */
static double
threshold(const struct trainer *t, double c, double prec, int verbose)
{
	struct txfit_scored *s;
	struct model *md;
	size_t i, tp, sys, pos = 0, best_tp = 0, best_sys = 0;
	double thr = 1e9, best;
	int k;

	if ((s = malloc((t->n + 1) * sizeof(*s))) == NULL)
		die("threshold", strerror(errno));
	for (k = 0; k < t->folds; k++) {
		md = fit(t, c, k);
		for (i = 0; i < t->n; i++)
			if (t->ex[i].fold == k)
				s[i].v = txfit_decide(md, t->ex[i].x);
		free_and_destroy_model(&md);
	}
	for (i = 0; i < t->n; i++)
		pos += (s[i].right = t->ex[i].y > 0);
	qsort(s, t->n, sizeof(*s), txfit_cmp_scored);
	tp = t->rule_tp;
	sys = t->rule_tp + t->rule_fp;
	best = f1(tp, sys, t->gold_n);
	for (i = 0; i < t->n; i++) {
		tp += s[i].right;
		sys++;
		if (f1(tp, sys, t->gold_n) > best && (i + 1 == t->n || s[i + 1].v < s[i].v) &&
		    (double)(tp - t->rule_tp) >= prec * (double)(i + 1)) {
			best = f1(tp, sys, t->gold_n);
			thr = i + 1 < t->n ? (s[i].v + s[i + 1].v) / 2 : s[i].v - 1;
			best_tp = tp - t->rule_tp;
			best_sys = sys - t->rule_tp - t->rule_fp;
		}
	}
	if (verbose)
		fprintf(stderr, "mksplit: %zu gold boundaries; the rules' %zu, %zu right "
		    "(F1 %.4f); %zu candidates, %zu boundaries; cross-validated at %.3f: "
		    "the model's %zu, %zu right; together F1 %.4f\n", t->gold_n,
		    t->rule_tp + t->rule_fp, t->rule_tp,
		    f1(t->rule_tp, t->rule_tp + t->rule_fp, t->gold_n), t->n, pos, thr,
		    best_sys, best_tp, best);
	free(s);
	return thr;
}

/* The "boundary" section (split.c's model_load). */
static unsigned char *
section(const struct model *md, double thr, size_t *len)
{
	unsigned char *w;
	size_t i, nw = (size_t)1 << SPLIT_BITS;

	*len = 32 + 4 * nw;
	if ((w = calloc(1, *len)) == NULL)
		die("write", strerror(errno));
	txmodel_put32(w, SPLIT_BITS);
	txmodel_put32(w + 4, SPLIT_FEAT_VERSION);
	txmodel_putf64(w + 8, txfit_weight(md, nw));
	txmodel_putf64(w + 16, thr);
	/* liblinear's feature i + 1 is slot i */
	for (i = 0; i < nw && i < (size_t)md->nr_feature; i++)
		txmodel_putf32(w + 32 + 4 * i, (float)txfit_weight(md, i));
	return w;
}

/* The words of a list file, a word a line, as one string separated by spaces. */
static char *
read_list(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = (size_t)1 << 20, len;
	char *s = malloc(cap), *p;

	if (f == NULL || s == NULL)
		die(path, strerror(f == NULL ? errno : ENOMEM));
	len = fread(s, 1, cap - 1, f);
	if (ferror(f) || !feof(f))
		die(path, "unreadable, or over 1 MB");
	fclose(f);
	s[len] = '\0';
	for (p = s; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return s;
}

/* Splits document text[0..n) with the rules, its examples to t. */
static void
run_doc(struct splitter *sp, struct trainer *t, const char *text, size_t n)
{
	struct txspan out;
	int k;

	if (split_begin(sp, text, n) != 0)
		die("train", split_error(sp));
	while ((k = split_next(sp, &out)) > 0)
		;
	if (k < 0 || t->failed)
		die("train", strerror(ENOMEM));
}

int
main(int argc, char **argv)
{
	struct trainer t = { .folds = 5 };
	struct split_opts o = { .newlines = SPLIT_NL_AUTO, .lang = "en", .sink = sink,
	    .sink_arg = &t };
	const char *outpath = NULL, *why;
	char *line = NULL, *doc = NULL, *abbrev = NULL;
	unsigned char *gold = NULL, *seen = NULL, *sec;
	size_t *ends = NULL, nends = 0, ecap = 0, cap = 0, dlen = 0, dcap = 0;
	size_t gcap = 0, scap = 0, seclen, ndoc = 0, i;
	double cost = 1, prec = 0, thr;
	struct splitter *sp;
	struct model *md;
	struct txmodel_sec ms[2];
	ssize_t len;
	int ch, fd, verbose = 0, eof = 0;

	while ((ch = getopt(argc, argv, "a:c:k:o:p:v")) != -1)
		switch (ch) {
		case 'a':
			free(abbrev);
			o.abbrev = abbrev = read_list(optarg);
			break;
		case 'c':
			cost = atof(optarg);
			break;
		case 'k':
			t.folds = atoi(optarg);
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'p':
			prec = atof(optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			fputs(USAGE, stderr);
			return 2;
		}
	if (outpath == NULL || optind != argc || cost <= 0 || t.folds < 2 ||
	    prec < 0 || prec >= 1) {
		fputs(USAGE, stderr);
		return 2;
	}
	txfit_quiet();
	if ((sp = split_new(&o, &why)) == NULL)
		die("splitter", why);
	while (!eof) {
		eof = (len = getline(&line, &cap, stdin)) < 0;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0) {
			/* the sentence, a space before it when it is not the first */
			if (txvec_grow((void **)&doc, &dcap, dlen + (size_t)len + 2, 1) != 0 ||
			    txvec_grow((void **)&ends, &ecap, nends + 1, sizeof(*ends)) != 0)
				die("read", strerror(ENOMEM));
			if (dlen > 0)
				doc[dlen++] = ' ';
			memcpy(doc + dlen, line, (size_t)len);
			dlen += (size_t)len;
			ends[nends++] = dlen;
			continue;
		}
		if (dlen == 0)
			continue;
		if (txvec_grow((void **)&gold, &gcap, dlen + 1, 1) != 0 ||
		    txvec_grow((void **)&seen, &scap, dlen + 1, 1) != 0)
			die("read", strerror(ENOMEM));
		memset(gold, 0, dlen + 1);
		memset(seen, 0, dlen + 1);
		/* the document's end is no gap: its last sentence is left out */
		for (i = 0; i + 1 < nends; i++)
			gold[ends[i]] = 1;
		t.gold_n += nends - 1;
		t.gold = gold;
		t.seen = seen;
		t.fold = (int)(ndoc++ % (size_t)t.folds);
		run_doc(sp, &t, doc, dlen);
		dlen = nends = 0;
	}
	if (ferror(stdin))
		die("stdin", strerror(errno));
	if (t.n == 0)
		die("stdin", "no candidate gaps: no documents of two sentences or more");
	thr = threshold(&t, cost, prec, verbose);
	md = fit(&t, cost, -1);
	sec = section(md, thr, &seclen);
	ms[0] = (struct txmodel_sec){ "boundary", sec, seclen };
	ms[1] = (struct txmodel_sec){ "abbrev", abbrev, abbrev != NULL ? strlen(abbrev) : 0 };
	if ((fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    txmodel_write(fd, "mksplit", SPLIT_KIND, ms, abbrev != NULL ? 2 : 1) != 0 ||
	    close(fd) != 0)
		die(outpath, strerror(errno));
	free_and_destroy_model(&md);
	for (i = 0; i < t.n; i++)
		free(t.ex[i].x);
	free(t.ex);
	free(sec);
	free(abbrev);
	free(line);
	free(doc);
	free(ends);
	free(gold);
	free(seen);
	split_free(sp);
	return 0;
}
