/* fit: liblinear's logistic regression on a problem small enough to know. */
#include "harness.h"
#include "fit.h"

/* A trainer's example with a field of its own after the one fit reads. */
struct example {
	struct txfit_example e;
	int mine;
};

/* Feature 1 means +1, feature 2 means -1; feature 3 is the bias. */
static struct feature_node pos[] = { { 1, 1 }, { 3, 1 }, { -1, 0 } };
static struct feature_node neg[] = { { 2, 1 }, { 3, 1 }, { -1, 0 } };

static void
test_train(void **state)
{
	struct example ex[8];
	struct model *md;
	size_t i;

	(void)state;
	for (i = 0; i < 8; i++) {
		ex[i].e.x = i % 2 ? neg : pos;
		ex[i].e.y = i % 2 ? -1 : 1;
		ex[i].e.fold = (int)(i / 4);
		ex[i].mine = 7;
	}
	/* the first label liblinear meets is -1 here: decide still says +1 */
	ex[0].e.x = neg;
	ex[0].e.y = -1;
	md = txfit_train(ex, 8, sizeof(ex[0]), -1, 3, -1, 1.0);
	assert_non_null(md);
	assert_true(txfit_decide(md, pos) > 0);
	assert_true(txfit_decide(md, neg) < 0);
	assert_true(txfit_weight(md, 0) > 0);
	assert_true(txfit_weight(md, 1) < 0);
	free_and_destroy_model(&md);
	/* fold 0 left out: trained on ex[4..8) alone, the same signs */
	md = txfit_train(ex, 8, sizeof(ex[0]), 0, 3, -1, 1.0);
	assert_non_null(md);
	assert_true(txfit_decide(md, pos) > 0);
	free_and_destroy_model(&md);
	/* nothing left to learn from */
	assert_null(txfit_train(ex, 4, sizeof(ex[0]), 0, 3, -1, 1.0));
	/* a cost liblinear refuses */
	assert_null(txfit_train(ex, 8, sizeof(ex[0]), -1, 3, -1, -1.0));
}

/* A row of binary features: sorted, each once, the caller's bias last. */
static void
test_binary(void **state)
{
	static const uint32_t slot[] = { 5, 2, 5, 9, 2 };
	static const int want[] = { 3, 6, 10, 11, -1 };
	struct feature_node *x = txfit_binary(slot, 5, 11);
	size_t i;

	(void)state;
	assert_non_null(x);
	for (i = 0; i < 5; i++) {
		assert_int_equal(x[i].index, want[i]);
		if (want[i] > 0)
			assert_true(x[i].value == 1);
	}
	assert_int_equal(slot[0], 5);	/* the caller's slots unchanged */
	free(x);
	x = txfit_binary(NULL, 0, 4);
	assert_non_null(x);
	assert_int_equal(x[0].index, 4);
	assert_int_equal(x[1].index, -1);
	free(x);
}

/* Scores sorted highest first, a wrong one first among equals. */
static void
test_scored(void **state)
{
	struct txfit_scored s[] = { { 0.5, 1 }, { 2, 1 }, { 0.5, 0 }, { -1, 1 } };

	(void)state;
	qsort(s, 4, sizeof(s[0]), txfit_cmp_scored);
	assert_true(s[0].v == 2);
	assert_true(s[1].v == 0.5 && s[1].right == 0);
	assert_true(s[2].v == 0.5 && s[2].right == 1);
	assert_true(s[3].v == -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_train),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_scored),
	};

	txfit_quiet();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
