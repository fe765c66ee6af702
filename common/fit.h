/*
 * fit: the logistic regression the suite's trainers fit (liblinear's
 * L2-regularised L2R_LR, tolerance 0.01) on examples that each belong to
 * a fold, and its decision values.  Only trainers use it: it links
 * liblinear (Debian liblinear-dev), the programs do not.
 */
#ifndef TX_FIT_H
#define TX_FIT_H

#include <stddef.h>
#include <stdint.h>

#include <linear.h>

/* An example; a trainer's own example struct may begin with one. */
struct txfit_example {
	struct feature_node *x;	/* liblinear's: indices from 1, ascending, ended by -1 */
	double y;		/* +1 or -1 */
	int fold;
};

/*
 * Fits with cost c on the n examples at ex, stride bytes apart (each
 * beginning with a struct txfit_example), leaving out those of fold (none
 * when fold < 0).  nfeat and bias are liblinear's problem.n and
 * problem.bias (bias < 0: the caller's features hold any bias).  ex is
 * borrowed.  Returns the model, to be freed with free_and_destroy_model,
 * or NULL: no examples left, liblinear refuses the parameters, or no
 * memory.
 */
struct model *txfit_train(const void *ex, size_t n, size_t stride, int fold,
    int nfeat, double bias, double c);

/*
 * A row of binary features for liblinear: 1 at index slot[i] + 1 for each
 * of slot[0..n) (sorted here, each index once), then 1 at index last (a
 * bias of the caller's), then the -1 that ends it.  slot is not changed.
 * Returns the row, to be freed with free, or NULL with no memory.
 */
struct feature_node *txfit_binary(const uint32_t *slot, size_t n, int last);

/* A decision value and whether its example is a positive; a trainer's own may begin with one. */
struct txfit_scored {
	double v;
	int right;
};

/*
 * qsort's order for structs that begin with a struct txfit_scored: the
 * highest value first and, among equal values, a wrong one first, so
 * that a threshold at a tie counts it against itself.
 */
int txfit_cmp_scored(const void *a, const void *b);

/* Silences liblinear's training log, which it writes to standard output. */
void txfit_quiet(void);

/* The decision value of x for the label +1, whichever label liblinear put first. */
double txfit_decide(const struct model *md, const struct feature_node *x);

/* The weight of md's feature index i + 1 (slot i; slot nfeat - 1 the bias) for the label +1. */
double txfit_weight(const struct model *md, size_t i);

#endif
