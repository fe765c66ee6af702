#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "strip.h"
#include "vec.h"

#define SEC_HEAD 32		/* a classifier section's header; the weights follow */

struct stripper {
	struct strip_opts o;
	struct txmodel m;
	struct strip_clf text, html, text2, html2;	/* the two stages */
	int has_text, has_html;
	uint32_t *feat;		/* every block's first-stage features, in a row */
	size_t *nfeat;		/* where each block's end */
	size_t fcap, nfcap;
	unsigned *words;
	size_t wcap;
	char namebuf[FEAT_MAX][64];
	struct featurizer *fz;
	struct blocks bl;
	double *score;
	unsigned char *keep;
	size_t scap, kcap;
	struct txedit *e;
	size_t ne, ecap;
	char *out;		/* HTML: the kept text */
	size_t outlen, outcap;
	const struct txrun_unit *u;
	int pending;
};

static float
weight(const struct strip_clf *c, uint32_t f)
{
	return txmodel_getf32(c->w + 4 * (size_t)f);
}

int
strip_clf_load(struct strip_clf *c, const struct txmodel *m, const char *mode,
    const char **why)
{
	const unsigned char *s;
	size_t len;

	if ((s = txmodel_section(m, mode, &len)) == NULL) {
		*why = "the model has no classifier for this kind of input";
		return -1;
	}
	if (len < SEC_HEAD || (c->bits = txmodel_get32(s)) < 8 || c->bits > 24 ||
	    txmodel_get32(s + 4) != FEAT_VERSION ||
	    len < SEC_HEAD + ((size_t)4 << c->bits)) {
		*why = "the model's classifier section is malformed";
		return -1;
	}
	c->bias = txmodel_getf64(s + 8);
	c->threshold = txmodel_getf64(s + 16);
	c->switchcost = txmodel_getf64(s + 24);
	if (!isfinite(c->bias) || !(c->threshold > 0 && c->threshold < 1) ||
	    !(c->switchcost >= 0 && c->switchcost < 1e6)) {
		*why = "the model's classifier section is malformed";
		return -1;
	}
	c->w = s + SEC_HEAD;
	return 0;
}

double
strip_logit(double p)
{
	return log(p / (1 - p));
}

double
strip_score(const struct strip_clf *c, const uint32_t *f, size_t n)
{
	double s = c->bias;
	size_t i;

	for (i = 0; i < n; i++)
		s += weight(c, f[i]);
	return s;
}

size_t
strip_smooth(const double *score, size_t n, double cost, double floor,
    unsigned char *keep)
{
	double drop = 0, kept = -INFINITY, nd, nk, best, cur, lf;
	size_t i, kept_n = 0, start = 0, b0 = 0, b1 = 0;
	unsigned char *from;

	if (n == 0)
		return 0;
	/* keep[i] first holds the back-pointers: bit 0 into drop, bit 1 into keep */
	from = keep;
	for (i = 0; i < n; i++) {
		nd = drop >= kept - cost ? drop : kept - cost;
		nk = (kept >= drop - cost ? kept : drop - cost) + score[i];
		from[i] = (unsigned char)((drop >= kept - cost ? 0 : 1) |
		    (kept >= drop - cost ? 2 : 0));
		drop = nd;
		kept = nk;
	}
	{
		int state = kept > drop;

		for (i = n; i-- > 0;) {
			int prev = state ? (from[i] >> 1) & 1 : from[i] & 1;

			keep[i] = (unsigned char)state;
			kept_n += (size_t)state;
			state = prev;
		}
	}
	if (kept_n > 0)
		return kept_n;
	lf = strip_logit(floor);
	best = -INFINITY;
	for (i = 0; i < n; i++)
		if (score[i] > best)
			best = score[i];
	if (best < lf)
		return 0;
	/* the maximum-sum run, the best block at least */
	best = -INFINITY;
	cur = 0;
	for (i = 0; i < n; i++) {
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += score[i];
		if (cur > best) {
			best = cur;
			b0 = start;
			b1 = i + 1;
		}
	}
	for (i = b0; i < b1; i++)
		keep[i] = 1;
	return b1 - b0;
}

int
strip_is_html(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	else if (n >= 2 && ((unsigned char)s[0] == 0xFF ||
	    (unsigned char)s[0] == 0xFE) && ((unsigned char)s[1] ^
	    (unsigned char)s[0]) == 0x01)
		return 1;	/* a UTF-16 BOM: only HTML mode converts it */
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	return i + 1 < n && s[i] == '<' && (s[i + 1] == '!' || s[i + 1] == '?' ||
	    ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'));
}

struct stripper *
strip_new(const struct strip_opts *o, const char *path, const char **why)
{
	struct stripper *st;
	const char *why_html = NULL;
	unsigned bits;

	if ((st = calloc(1, sizeof(*st))) == NULL) {
		*why = strerror(errno);
		return NULL;
	}
	st->o = *o;
	if (txmodel_open(&st->m, path, STRIP_KIND, why) != TXMODEL_OK) {
		free(st);
		return NULL;
	}
	st->has_text = strip_clf_load(&st->text, &st->m, "text", why) == 0 &&
	    strip_clf_load(&st->text2, &st->m, "text2", why) == 0;
	st->has_html = strip_clf_load(&st->html, &st->m, "html", &why_html) == 0 &&
	    strip_clf_load(&st->html2, &st->m, "html2", &why_html) == 0;
	if ((o->mode == STRIP_TEXT && !st->has_text) ||
	    (o->mode == STRIP_HTML && !st->has_html && (*why = why_html)) ||
	    (!st->has_text && !st->has_html)) {
		strip_free(st);
		return NULL;
	}
	bits = st->has_text ? st->text.bits : st->html.bits;
	if ((st->has_text && st->text.bits != st->text2.bits) ||
	    (st->has_html && st->html.bits != st->html2.bits) ||
	    (st->has_text && st->has_html && st->text.bits != st->html.bits)) {
		*why = "the model's classifiers disagree on their size";
		strip_free(st);
		return NULL;
	}
	if ((st->fz = feat_new(bits)) == NULL) {
		*why = strerror(ENOMEM);
		strip_free(st);
		return NULL;
	}
	return st;
}

void
strip_free(struct stripper *st)
{
	if (st == NULL)
		return;
	feat_free(st->fz);
	block_free(&st->bl);
	free(st->score);
	free(st->keep);
	free(st->feat);
	free(st->nfeat);
	free(st->words);
	free(st->e);
	free(st->out);
	txmodel_close(&st->m);
	free(st);
}

static int
add_edit(struct stripper *st, size_t start, size_t end, const char *repl,
    size_t repllen)
{
	struct txedit *e;

	if (start >= end && repllen == 0)
		return 0;
	if (st->ne > 0 && repllen == 0 && st->e[st->ne - 1].end == start &&
	    st->e[st->ne - 1].repllen == 0) {
		st->e[st->ne - 1].end = end;
		return 0;
	}
	if (txvec_grow((void **)&st->e, &st->ecap, st->ne + 1, sizeof(*st->e)) != 0)
		return -1;
	e = &st->e[st->ne++];
	e->start = start;
	e->end = end;
	e->repl = repl;
	e->repllen = repllen;
	e->rule = repllen == 0 ? "boilerplate" : "html";
	return 0;
}

/* Plain text: delete the dropped lines, and blank lines not between kept ones. */
static int
text_edits(struct stripper *st)
{
	const struct blocks *bl = &st->bl;
	size_t i, gap0 = 0;

	for (i = 0; i < bl->n; i++) {
		const struct block *b = &bl->b[i];

		if (!(i > 0 && st->keep[i - 1] && st->keep[i]) &&
		    add_edit(st, gap0, b->start, NULL, 0) != 0)
			return -1;
		if (!st->keep[i] && add_edit(st, b->start, b->next, NULL, 0) != 0)
			return -1;
		gap0 = b->next;
	}
	return add_edit(st, gap0, st->u->len, NULL, 0);
}

static int
put(struct stripper *st, const char *s, size_t n)
{
	if (txvec_grow((void **)&st->out, &st->outcap, st->outlen + n + 1, 1) != 0)
		return -1;
	memcpy(st->out + st->outlen, s, n);
	st->outlen += n;
	return 0;
}

static int
html_edits(struct stripper *st)
{
	const struct blocks *bl = &st->bl;
	size_t i;

	st->outlen = 0;
	if (st->o.title && bl->title != NULL && bl->title[0] != '\0' &&
	    (put(st, bl->title, strlen(bl->title)) != 0 || put(st, "\n", 1) != 0))
		return -1;
	for (i = 0; i < bl->n; i++)
		if (st->keep[i] && (put(st, bl->text + bl->b[i].start,
		    bl->b[i].end - bl->b[i].start) != 0 || put(st, "\n", 1) != 0))
			return -1;
	return add_edit(st, 0, st->u->len, st->out != NULL ? st->out : "",
	    st->outlen);
}

/* The block's row for --explain: its second-stage features, weightiest first. */
static void
explain(struct stripper *st, const struct strip_clf *c, const double *p,
    size_t i)
{
	const struct block *b = &st->bl.b[i];
	uint32_t f[FEAT_MAX];
	const char *names[FEAT_MAX];
	size_t n, k, j, top[4], nt = 0;

	n = feat_block(st->fz, i, f, names);
	n = feat_context(st->fz, p, st->words, p + 3 * st->bl.n,
	    st->bl.html ? p + st->bl.n : NULL,
	    st->bl.n, i, f, n, names, st->namebuf);
	fprintf(st->o.explain, "%llu\t%zu\t%s\t%.3f\t%.*s", st->u->doc, i + 1,
	    st->keep[i] ? "keep" : "drop", 1 / (1 + exp(-st->score[i])),
	    (int)(b->end - b->start > 60 ? 60 : b->end - b->start),
	    st->bl.text + b->start);
	for (k = 0; k < n; k++) {
		for (j = 0; j < nt; j++)
			if (fabs(weight(c, f[k])) > fabs(weight(c, f[top[j]])))
				break;
		if (j >= 4)
			continue;
		memmove(top + j + 1, top + j, (nt < 4 ? nt - j : 3 - j) * sizeof(top[0]));
		top[j] = k;
		nt += nt < 4;
	}
	for (j = 0; j < nt; j++)
		fprintf(st->o.explain, "%s%s %+.2f", j ? ", " : "\t", names[top[j]],
		    weight(c, f[top[j]]));
	fputc('\n', st->o.explain);
}

/* Both stages over the blocks: st->score gets the second's log-odds. */
static int
score_blocks(struct stripper *st, const struct strip_clf *c1,
    const struct strip_clf *c2, double **p)
{
	uint32_t f[FEAT_MAX];
	size_t i, n, at = 0, nb = st->bl.n;

	if (txvec_grow((void **)&st->nfeat, &st->nfcap, nb + 1, sizeof(size_t)) != 0 ||
	    txvec_grow((void **)&st->words, &st->wcap, nb + 1, sizeof(unsigned)) != 0 ||
	    txvec_grow((void **)&st->score, &st->scap, 5 * nb + 1, sizeof(double)) != 0)
		return -1;
	*p = st->score + nb;
	for (i = 0; i < nb; i++) {
		n = feat_block(st->fz, i, f, NULL);
		if (txvec_grow((void **)&st->feat, &st->fcap, at + n, sizeof(uint32_t)) != 0)
			return -1;
		memcpy(st->feat + at, f, n * sizeof(*f));
		at += n;
		st->nfeat[i] = at;
		st->words[i] = feat_nwords(st->fz, i);
		(*p)[i] = 1 / (1 + exp(-strip_score(c1, f, n)));
	}
	/* p holds the first stage's probabilities, the group means, the mass */
	if (st->bl.html && feat_groups(*p, st->words, st->bl.b, nb, *p + nb) != 0)
		return -1;
	feat_mass(*p, st->words, nb, *p + 3 * nb);
	for (i = at = 0; i < nb; i++) {
		n = st->nfeat[i] - at;
		memcpy(f, st->feat + at, n * sizeof(*f));
		at = st->nfeat[i];
		n = feat_context(st->fz, *p, st->words, *p + 3 * nb,
		    st->bl.html ? *p + nb : NULL,
		    nb, i, f, n, NULL, NULL);
		st->score[i] = strip_score(c2, f, n);
	}
	return 0;
}

int
strip_unit_begin(void *eng, const struct txrun_unit *u, const char **why)
{
	struct stripper *st = eng;
	const struct strip_clf *c1, *c2;
	size_t i;
	double lt, *p;
	int html;

	st->u = u;
	st->ne = 0;
	st->pending = 1;
	html = st->o.mode == STRIP_HTML || (st->o.mode == STRIP_AUTO &&
	    st->has_html && strip_is_html(u->text, u->len));
	if (!html && !st->has_text) {
		*why = "the model has no classifier for plain text";
		return -1;
	}
	c1 = html ? &st->html : &st->text;
	c2 = html ? &st->html2 : &st->text2;
	errno = 0;
	if ((html ? block_html(&st->bl, u->text, u->len, why) :
	    block_lines(&st->bl, u->text, u->len)) != 0 ||
	    feat_doc(st->fz, &st->bl) != 0 || score_blocks(st, c1, c2, &p) != 0 ||
	    txvec_grow((void **)&st->keep, &st->kcap, st->bl.n + 1, 1) != 0) {
		if (!html || errno == ENOMEM)
			*why = strerror(ENOMEM);
		return -1;
	}
	lt = strip_logit(st->o.threshold > 0 ? st->o.threshold : c2->threshold);
	for (i = 0; i < st->bl.n; i++)
		st->score[i] -= lt;
	strip_smooth(st->score, st->bl.n, c2->switchcost, STRIP_FLOOR, st->keep);
	if (st->o.explain != NULL)
		for (i = 0; i < st->bl.n; i++) {
			st->score[i] += lt;
			explain(st, c2, p, i);
		}
	if ((html ? html_edits(st) : text_edits(st)) != 0) {
		*why = strerror(ENOMEM);
		return -1;
	}
	return 0;
}

int
strip_unit_next(void *eng, struct txrun_batch *b, const char **why)
{
	struct stripper *st = eng;

	(void)why;
	b->edits = st->pending ? st->e : NULL;
	b->n = st->pending ? st->ne : 0;
	st->pending = 0;
	return 0;
}

json_t *
strip_unit_member(void *eng)
{
	struct stripper *st = eng;

	if (st->bl.title == NULL)
		return json_null();
	return json_stringn(st->bl.title, strlen(st->bl.title));
}
