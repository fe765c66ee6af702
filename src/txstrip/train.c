/*
 * txstrip-train: learns txstrip's block classifiers from pages whose main
 * content is known.  Input: JSON Lines, a page a record, the page in a
 * member (plain text, HTML, or both) and its main content in another.
 * Each block is labelled by label.h's alignment, a logistic regression
 * (liblinear) is fitted over the hashed features, and the threshold and
 * the smoothing pass's switch cost are the pair that maximises the mean
 * per-page word F1 of the blocks kept, cross-validated by page.
 * Deterministic: same input, same model, byte for byte.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "fit.h"
#include "html.h"
#include "label.h"
#include "model.h"
#include "strip.h"
#include "vec.h"

#define USAGE "usage: txstrip-train [--text field] [--html field] " \
	"[--truth field] [-c cost] [-k folds] [-b bits] [file ...]\n"

struct page {
	size_t first, n;	/* its blocks in the mode's arrays */
};

struct mode {
	const char *name, *field;
	int html;
	struct page *pg;
	size_t npg, pgcap;
	struct feature_node **x;	/* a block's features, liblinear's way */
	struct feature_node **x2;	/* the same and the second stage's */
	const char *name2;
	double *y;
	unsigned *words;	/* a block's words, for the F1 estimate */
	struct block *blk;	/* HTML: a block's groups (feat_groups) */
	size_t bcap;
	size_t n, cap, ycap, wcap;
	unsigned char *w, *w2;	/* the sections written */
};

struct trainer {
	unsigned bits;
	double c;
	int folds;
	struct featurizer *fz;
	struct blocks bl;
	struct mode m[2];
};

static void
usage(void)
{
	fputs(USAGE, stdout);
	fputs("Train txstrip's block classifiers; write the model to stdout.\n\n"
	    "  Input: JSON Lines, one page a record.\n"
	    "      --text=FIELD     the page as plain text, one block a line (default text)\n"
	    "      --html=FIELD     the page's HTML (default html)\n"
	    "      --truth=FIELD    its main content (default main_content)\n"
	    "  -c, --cost=C         liblinear's C, the inverse of regularisation (default 1)\n"
	    "  -k, --folds=K        folds of the cross-validation by page (default 5)\n"
	    "  -b, --bits=B         features hashed into 2^B weights (default 16)\n"
	    "      --help, --version\n", stdout);
}

static int
add_page(struct trainer *t, struct mode *m, const char *page, size_t plen,
    const struct truth *tr, const char **why)
{
	uint32_t f[FEAT_MAX];
	struct feature_node *x;
	size_t i, k, n;
	struct page *pg;
	int lab;

	if ((m->html ? block_html(&t->bl, page, plen, why) :
	    block_lines(&t->bl, page, plen)) != 0 || feat_doc(t->fz, &t->bl) != 0 ||
	    txvec_grow((void **)&m->pg, &m->pgcap, m->npg + 1, sizeof(*m->pg)) != 0 ||
	    txvec_grow((void **)&m->x, &m->cap, m->n + t->bl.n, sizeof(*m->x)) != 0 ||
	    txvec_grow((void **)&m->y, &m->ycap, m->n + t->bl.n, sizeof(*m->y)) != 0 ||
	    txvec_grow((void **)&m->words, &m->wcap, m->n + t->bl.n, sizeof(*m->words)) != 0 ||
	    txvec_grow((void **)&m->blk, &m->bcap, m->n + t->bl.n, sizeof(*m->blk)) != 0)
		return -1;
	memcpy(m->blk + m->n, t->bl.b, t->bl.n * sizeof(*m->blk));
	pg = &m->pg[m->npg++];
	pg->first = m->n;
	pg->n = t->bl.n;
	for (i = 0; i < t->bl.n; i++) {
		const struct block *b = &t->bl.b[i];

		n = feat_block(t->fz, i, f, NULL);
		txvec_sort_u32(f, n);
		if ((x = malloc((n + 2) * sizeof(*x))) == NULL ||
		    (lab = truth_label(tr, t->bl.text + b->start, b->end - b->start)) < 0) {
			free(x);
			return -1;
		}
		for (k = 0; k < n; k++) {
			x[k].index = (int)f[k];
			x[k].value = 1;
		}
		x[n].index = (1 << t->bits) + 1;	/* the bias, liblinear's last feature */
		x[n].value = 1;
		x[n + 1].index = -1;
		m->x[m->n] = x;
		m->y[m->n] = lab ? 1 : -1;
		m->words[m->n] = feat_nwords(t->fz, i);
		m->n++;
	}
	return 0;
}

/* Fits on the blocks of pages not in fold (all when fold < 0); NULL on failure. */
static struct model *
fit(const struct trainer *t, const struct mode *m, struct feature_node **x,
    int fold)
{
	struct problem p;
	struct parameter par;
	struct model *md;
	size_t i, j;

	memset(&p, 0, sizeof(p));
	memset(&par, 0, sizeof(par));
	p.n = (1 << t->bits) + 1;
	p.bias = 1;
	if ((p.x = malloc(m->n * sizeof(*p.x))) == NULL ||
	    (p.y = malloc(m->n * sizeof(*p.y))) == NULL) {
		free(p.x);
		return NULL;
	}
	for (i = 0; i < m->npg; i++)
		if (fold < 0 || (int)(i % (size_t)t->folds) != fold)
			for (j = m->pg[i].first; j < m->pg[i].first + m->pg[i].n; j++) {
				p.x[p.l] = x[j];
				p.y[p.l++] = m->y[j];
			}
	par.solver_type = L2R_LR;
	par.eps = 0.01;
	par.C = t->c;
	md = p.l > 0 && check_parameter(&p, &par) == NULL ? train(&p, &par) : NULL;
	free(p.x);
	free(p.y);
	return md;
}

/* The mean per-page word F1 of keeping what smoothing keeps at (thr, cost). */
static double
page_f1(const struct mode *m, const double *score, double thr, double cost,
    unsigned char *keep, double *tmp)
{
	double sum = 0, lt = strip_logit(thr), tp, kept, truth, p, r;
	size_t i, j;

	for (i = 0; i < m->npg; i++) {
		const struct page *pg = &m->pg[i];

		for (j = 0; j < pg->n; j++)
			tmp[j] = score[pg->first + j] - lt;
		strip_smooth(tmp, pg->n, cost, STRIP_FLOOR, keep);
		tp = kept = truth = 0;
		for (j = 0; j < pg->n; j++) {
			unsigned w = m->words[pg->first + j];
			int pos = m->y[pg->first + j] > 0;

			kept += keep[j] ? w : 0;
			truth += pos ? w : 0;
			tp += keep[j] && pos ? w : 0;
		}
		if (truth == 0)
			sum += kept == 0;
		else if (tp > 0) {
			p = tp / kept;
			r = tp / truth;
			sum += 2 * p * r / (p + r);
		}
	}
	return m->npg ? sum / (double)m->npg : 0;
}

/* Out-of-fold decision values of every block, features x. */
static int
cross_fit(const struct trainer *t, const struct mode *m,
    struct feature_node **x, double *score)
{
	struct model *md;
	size_t i, j;
	int fold;

	for (fold = 0; fold < t->folds; fold++) {
		if ((md = fit(t, m, x, fold)) == NULL)
			return -1;
		for (i = (size_t)fold; i < m->npg; i += (size_t)t->folds)
			for (j = m->pg[i].first; j < m->pg[i].first + m->pg[i].n; j++)
				score[j] = txfit_decide(md, x[j]);
		free_and_destroy_model(&md);
	}
	return 0;
}

/* The second stage's features: the first's, and its context (feat_context). */
static int
stack(const struct trainer *t, struct mode *m, const double *score)
{
	uint32_t f[FEAT_MAX];
	double *p;
	size_t i, j, k, n, maxn = 1;

	for (i = 0; i < m->npg; i++)
		maxn = m->pg[i].n > maxn ? m->pg[i].n : maxn;
	if ((p = malloc(4 * maxn * sizeof(*p))) == NULL ||
	    (m->x2 = calloc(m->n + 1, sizeof(*m->x2))) == NULL) {
		free(p);
		return -1;
	}
	for (i = 0; i < m->npg; i++) {
		const struct page *pg = &m->pg[i];

		for (j = 0; j < pg->n; j++)
			p[j] = 1 / (1 + exp(-score[pg->first + j]));
		if (m->html && feat_groups(p, m->words + pg->first, m->blk + pg->first,
		    pg->n, p + maxn) != 0) {
			free(p);
			return -1;
		}
		feat_mass(p, m->words + pg->first, pg->n, p + 3 * maxn);
		for (j = 0; j < pg->n; j++) {
			const struct feature_node *x = m->x[pg->first + j];
			struct feature_node *y;

			for (n = 0; x[n].index != -1 && x[n].index <= (1 << t->bits); n++)
				f[n] = (uint32_t)x[n].index;
			n = feat_context(t->fz, p, m->words + pg->first, p + 3 * maxn,
			    m->html ? p + maxn : NULL, pg->n, j, f, n, NULL, NULL);
			txvec_sort_u32(f, n);
			if ((y = malloc((n + 2) * sizeof(*y))) == NULL) {
				free(p);
				return -1;
			}
			for (k = 0; k < n; k++) {
				y[k].index = (int)f[k];
				y[k].value = 1;
			}
			y[n].index = (1 << t->bits) + 1;
			y[n].value = 1;
			y[n + 1].index = -1;
			m->x2[pg->first + j] = y;
		}
	}
	free(p);
	return 0;
}

/* A classifier section: header, then the weights by slot. */
static unsigned char *
section(const struct trainer *t, const struct model *md, double thr,
    double cost)
{
	unsigned char *w;
	double vals[3];
	uint32_t wu;
	float x;
	size_t i, a;

	if ((w = calloc(1, 32 + ((size_t)4 << t->bits))) == NULL)
		return NULL;
	txmodel_put32(w, t->bits);
	txmodel_put32(w + 4, FEAT_VERSION);
	vals[0] = txfit_weight(md, (size_t)md->nr_feature);
	vals[1] = thr;
	vals[2] = cost;
	for (a = 0; a < 3; a++)
		txmodel_putf64(w + 8 + 8 * a, vals[a]);
	/* liblinear's feature i + 1 is slot i + 1; the last is the bias */
	for (i = 0; i + 1 < ((size_t)1 << t->bits) && i < (size_t)md->nr_feature; i++) {
		x = (float)txfit_weight(md, i);
		memcpy(&wu, &x, sizeof(wu));
		txmodel_put32(w + 32 + 4 * (i + 1), wu);
	}
	return w;
}

static int
train_mode(struct trainer *t, struct mode *m, double *thr, double *cost,
    double *f1)
{
	static const double thrs[] = { 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4,
	    0.45, 0.5, 0.55, 0.6, 0.65, 0.7 };
	static const double costs[] = { 0, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16 };
	double *score, *tmp, v;
	unsigned char *keep;
	struct model *md = NULL, *md2 = NULL;
	size_t i, a, b, maxn = 1;
	int rc = -1;

	for (i = 0; i < m->npg; i++)
		maxn = m->pg[i].n > maxn ? m->pg[i].n : maxn;
	score = calloc(m->n + 1, sizeof(*score));
	tmp = malloc(maxn * sizeof(*tmp));
	keep = malloc(maxn);
	if (score == NULL || tmp == NULL || keep == NULL ||
	    (size_t)t->folds > m->npg ||
	    cross_fit(t, m, m->x, score) != 0 || stack(t, m, score) != 0 ||
	    cross_fit(t, m, m->x2, score) != 0)
		goto out;
	*f1 = -1;
	*thr = 0.5;
	*cost = 1;
	for (a = 0; a < sizeof(thrs) / sizeof(thrs[0]); a++)
		for (b = 0; b < sizeof(costs) / sizeof(costs[0]); b++)
			if ((v = page_f1(m, score, thrs[a], costs[b], keep, tmp)) > *f1 + 1e-9) {
				*f1 = v;
				*thr = thrs[a];
				*cost = costs[b];
			}
	if ((md = fit(t, m, m->x, -1)) == NULL || (md2 = fit(t, m, m->x2, -1)) == NULL ||
	    (m->w = section(t, md, 0.5, 0)) == NULL ||
	    (m->w2 = section(t, md2, *thr, *cost)) == NULL)
		goto out;
	rc = 0;
out:
	if (md != NULL)
		free_and_destroy_model(&md);
	if (md2 != NULL)
		free_and_destroy_model(&md2);
	free(score);
	free(tmp);
	free(keep);
	return rc;
}

static int
read_input(struct trainer *t, struct txcli *cli, FILE *fp, const char *name,
    const char *truthf)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	json_error_t err;
	const char *why = "failed";
	int m, rc = 0;

	while ((len = getline(&line, &cap, fp)) > 0) {
		json_t *rec, *v;
		struct truth *tr;

		lineno++;
		if ((rec = json_loadb(line, (size_t)len, JSON_ALLOW_NUL, &err)) == NULL ||
		    !json_is_object(rec) ||
		    !json_is_string(v = json_object_get(rec, truthf))) {
			txcli_warn(cli, "%s:%zu: %s", name, lineno, rec == NULL ? err.text :
			    "not an object with a string member for the truth");
			json_decref(rec);
			rc = -1;
			break;
		}
		if ((tr = truth_new(json_string_value(v), json_string_length(v))) == NULL) {
			json_decref(rec);
			rc = txcli_fatal(cli, name, ENOMEM);
			break;
		}
		for (m = 0; m < 2; m++)
			if (json_is_string(v = json_object_get(rec, t->m[m].field)) &&
			    add_page(t, &t->m[m], json_string_value(v),
			    json_string_length(v), tr, &why) != 0) {
				txcli_warn(cli, "%s:%zu: %s", name, lineno, why);
				rc = -1;
			}
		truth_free(tr);
		json_decref(rec);
		if (rc != 0)
			break;
	}
	free(line);
	if (rc == 0 && ferror(fp)) {
		txcli_fatal(cli, name, errno);
		rc = -1;
	}
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "text", required_argument, NULL, 't' },
		{ "html", required_argument, NULL, 'h' },
		{ "truth", required_argument, NULL, 'T' },
		{ "cost", required_argument, NULL, 'c' },
		{ "folds", required_argument, NULL, 'k' },
		{ "bits", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct trainer t;
	struct txcli cli;
	struct txmodel_sec sec[4];
	const char *truthf = "main_content";
	double thr, cost, f1;
	char *end;
	size_t nsec = 0, i;
	int c, m, status = 0;
	FILE *fp;

	memset(&t, 0, sizeof(t));
	t.bits = 16;
	t.c = 1;
	t.folds = 5;
	t.m[0].name = "text";
	t.m[0].name2 = "text2";
	t.m[1].name2 = "html2";
	t.m[0].field = "text";
	t.m[1].name = "html";
	t.m[1].field = "html";
	t.m[1].html = 1;
	txcli_init(&cli, "txstrip-train", usage);
	while ((c = txcli_getopt(&cli, argc, argv, "c:k:b:", longopts)) >= 0) {
		switch (c) {
		case 't':
			t.m[0].field = optarg;
			break;
		case 'h':
			t.m[1].field = optarg;
			break;
		case 'T':
			truthf = optarg;
			break;
		case 'c':
		case 'k':
		case 'b':
			f1 = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !(f1 > 0) ||
			    (c == 'k' && (f1 < 2 || f1 > 100 || f1 != floor(f1))) ||
			    (c == 'b' && (f1 < 8 || f1 > 24 || f1 != floor(f1)))) {
				txcli_warn(&cli, "-%c: %s: out of range", c, optarg);
				return 2;
			}
			if (c == 'c')
				t.c = f1;
			else if (c == 'k')
				t.folds = (int)f1;
			else
				t.bits = (unsigned)f1;
			break;
		}
	}
	if (c != TXCLI_END)
		return TXCLI_STATUS(c);
	if (isatty(STDOUT_FILENO)) {
		txcli_warn(&cli, "the model is binary: redirect standard output to a file");
		return 2;
	}
	txfit_quiet();
	if ((t.fz = feat_new(t.bits)) == NULL)
		return txcli_fatal(&cli, NULL, ENOMEM);
	for (i = (size_t)optind; status == 0 && (i < (size_t)argc || i == (size_t)optind); i++) {
		const char *name = i < (size_t)argc ? argv[i] : "-";

		fp = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
		if (fp == NULL) {
			status = txcli_fatal(&cli, name, errno);
			break;
		}
		if (read_input(&t, &cli, fp, name, truthf) != 0)
			status = 1;
		if (fp != stdin)
			fclose(fp);
	}
	for (m = 0; status == 0 && m < 2; m++) {
		struct mode *md = &t.m[m];

		if (md->npg == 0)
			continue;
		if (train_mode(&t, md, &thr, &cost, &f1) != 0) {
			status = txcli_fatal(&cli, md->name, ENOMEM);
			break;
		}
		fprintf(stderr, "txstrip-train: %s: %zu pages, %zu blocks; "
		    "%d-fold cross-validated block-word F1 %.4f at threshold %.2f, "
		    "switch cost %.1f\n", md->name, md->npg, md->n, t.folds, f1, thr, cost);
		sec[nsec].name = md->name;
		sec[nsec].data = md->w;
		sec[nsec++].len = 32 + ((size_t)4 << t.bits);
		sec[nsec].name = md->name2;
		sec[nsec].data = md->w2;
		sec[nsec++].len = 32 + ((size_t)4 << t.bits);
	}
	if (status == 0 && nsec == 0) {
		txcli_warn(&cli, "no page to learn from (see --text, --html, --truth)");
		status = 1;
	}
	if (status == 0 && txmodel_write(STDOUT_FILENO, "txstrip-train", STRIP_KIND,
	    sec, nsec) != 0)
		status = txcli_fatal(&cli, "stdout", errno);
	for (m = 0; m < 2; m++) {
		for (i = 0; i < t.m[m].n; i++) {
			free(t.m[m].x[i]);
			if (t.m[m].x2 != NULL)
				free(t.m[m].x2[i]);
		}
		free(t.m[m].x);
		free(t.m[m].x2);
		free(t.m[m].w2);
		free(t.m[m].y);
		free(t.m[m].words);
		free(t.m[m].blk);
		free(t.m[m].pg);
		free(t.m[m].w);
	}
	block_free(&t.bl);
	feat_free(t.fz);
	return status;
}
