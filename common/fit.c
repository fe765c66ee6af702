#include <stdlib.h>
#include <string.h>

#include "fit.h"
#include "vec.h"

struct model *
txfit_train(const void *ex, size_t n, size_t stride, int fold, int nfeat,
    double bias, double c)
{
	const struct txfit_example *e;
	struct problem p;
	struct parameter par;
	struct model *md = NULL;
	size_t i;

	memset(&p, 0, sizeof(p));
	memset(&par, 0, sizeof(par));
	p.n = nfeat;
	p.bias = bias;
	if ((p.x = malloc((n + 1) * sizeof(*p.x))) == NULL ||
	    (p.y = malloc((n + 1) * sizeof(*p.y))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		e = (const struct txfit_example *)((const char *)ex + i * stride);
		if (fold < 0 || e->fold != fold) {
			p.x[p.l] = e->x;
			p.y[p.l++] = e->y;
		}
	}
	par.solver_type = L2R_LR;
	par.eps = 0.01;
	par.C = c;
	if (p.l > 0 && check_parameter(&p, &par) == NULL)
		md = train(&p, &par);
out:
	free(p.x);
	free(p.y);
	return md;
}

int
txfit_cmp_scored(const void *a, const void *b)
{
	const struct txfit_scored *x = a, *y = b;

	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return x->right - y->right;
}

static void
discard(const char *s)
{
	(void)s;
}

void
txfit_quiet(void)
{
	set_print_string_function(discard);
}

double
txfit_decide(const struct model *md, const struct feature_node *x)
{
	double v;

	predict_values(md, x, &v);
	return md->label[0] == 1 ? v : -v;
}

double
txfit_weight(const struct model *md, size_t i)
{
	return md->label[0] == 1 ? md->w[i] : -md->w[i];
}

struct feature_node *
txfit_binary(const uint32_t *slot, size_t n, int last)
{
	struct feature_node *x;
	uint32_t *f;
	size_t i, k = 0;

	if ((f = malloc((n + 1) * sizeof(*f))) == NULL ||
	    (x = malloc((n + 2) * sizeof(*x))) == NULL) {
		free(f);
		return NULL;
	}
	if (n > 0)
		memcpy(f, slot, n * sizeof(*f));
	txvec_sort_u32(f, n);
	for (i = 0; i < n; i++) {
		if (k > 0 && x[k - 1].index == (int)f[i] + 1)
			continue;
		x[k].index = (int)f[i] + 1;
		x[k++].value = 1;
	}
	free(f);
	x[k].index = last;
	x[k].value = 1;
	x[k + 1].index = -1;
	return x;
}
