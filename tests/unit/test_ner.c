/*
 * txner's engine below the model: the tags and which may follow which,
 * the Viterbi pass, the CoNLL line reader and the features.  Expected
 * values are worked out by hand.
 */
#include "harness.h"
#include "conll.h"
#include "ner.h"

static void
test_tags(void **state)
{
	static const char *const types[] = { "LOC", "PER" };
	struct ner_tags t;

	(void)state;
	assert_int_equal(ner_tags_make(&t, types, 2), 0);
	assert_int_equal(t.n, 5);
	assert_string_equal(t.name[0], "O");
	assert_string_equal(t.name[1], "B-LOC");
	assert_string_equal(t.name[4], "I-PER");
	assert_int_equal(ner_tag_kind(&t, 3), 'B');
	assert_string_equal(ner_tag_type(&t, 4), "PER");
	assert_string_equal(ner_tag_type(&t, 0), "");
	/* I-X only after B-X or I-X, never first */
	assert_false(ner_allowed(&t, t.n, 2));
	assert_true(ner_allowed(&t, 1, 2));
	assert_true(ner_allowed(&t, 2, 2));
	assert_false(ner_allowed(&t, 3, 2));
	assert_false(ner_allowed(&t, 0, 4));
	assert_true(ner_allowed(&t, 0, 3));
	assert_true(ner_allowed(&t, t.n, 1));
	ner_tags_free(&t);
}

static void
test_viterbi(void **state)
{
	static const char *const types[] = { "X" };
	/* tags O, B-X, I-X; the first token's best, I-X, may not start */
	static const float e[] = { 0, 1, 5, 0, 0.5f, 3, 2, 0, 0 };
	static const float zero[12];
	float trans[12] = { 0 }, work[18];
	unsigned tag[3];
	struct ner_tags t;

	(void)state;
	assert_int_equal(ner_tags_make(&t, types, 1), 0);
	/* B I O: 1 + 3 + 2 beats B B O (3.5), B O O (3) and O B O (2.5) */
	ner_viterbi(e, 3, 3, &t, zero, work, tag);
	assert_int_equal(tag[0], 1);
	assert_int_equal(tag[1], 2);
	assert_int_equal(tag[2], 0);
	/* B-X to I-X at -5: B B O (3.5) now beats B I O (1) and B O O (3) */
	trans[1 * 3 + 2] = -5;
	ner_viterbi(e, 3, 3, &t, trans, work, tag);
	assert_int_equal(tag[0], 1);
	assert_int_equal(tag[1], 1);
	assert_int_equal(tag[2], 0);
	ner_tags_free(&t);
}

static void
line(const char *s, int want, const char *form, const char *tag)
{
	size_t fs = 0, fe = 0, ts = 0, te = 0;

	assert_int_equal(conll_line(s, strlen(s), &fs, &fe, &ts, &te), want);
	if (!want)
		return;
	assert_int_equal(fe - fs, strlen(form));
	assert_memory_equal(s + fs, form, fe - fs);
	assert_int_equal(te - ts, strlen(tag));
	assert_memory_equal(s + ts, tag, te - ts);
}

static void
test_conll(void **state)
{
	(void)state;
	line("3\tParis\tB-LOC\t-\tann", 1, "Paris", "B-LOC");
	line("Paris\tB-LOC", 1, "Paris", "B-LOC");
	line("Paris\tNNP\tB-NP\tB-LOC\r", 1, "Paris", "B-LOC");
	line("Paris  B-LOC", 1, "Paris", "B-LOC");
	line("word", 1, "word", "");
	line("#\tO", 1, "#", "O");
	line("2010\tO", 1, "2010", "O");
	line("# sent_id = a-1", 0, "", "");
	line("", 0, "", "");
	line("\r", 0, "", "");
}

static void
test_features(void **state)
{
	static const char text[] = "John Smith flew to Paris . Paris";
	static const size_t start[] = { 0, 5, 11, 16, 19, 25, 27 };
	static const size_t end[] = { 4, 10, 15, 18, 24, 26, 32 };
	struct ner_sent s = { text, start, end, 7 };
	struct ner_scratch sc;
	uint32_t f[7 * NER_MAXFEAT];
	unsigned n[7], i, k, same = 0;

	(void)state;
	memset(&sc, 0, sizeof(sc));
	assert_int_equal(ner_features(&sc, &s, 16, NULL, f, n), 0);
	for (i = 0; i < 7; i++) {
		assert_true(n[i] >= 15 && n[i] <= NER_MAXFEAT);
		for (k = 0; k < n[i]; k++)
			assert_true(f[i * NER_MAXFEAT + k] < 1u << 16);
	}
	/* the same word in other company: its own features alike, its context not */
	for (k = 0; k < 3; k++)
		assert_int_equal(f[4 * NER_MAXFEAT + k], f[6 * NER_MAXFEAT + k]);
	for (k = 0; k < n[4]; k++)
		same += f[4 * NER_MAXFEAT + k] == f[6 * NER_MAXFEAT + k];
	assert_true(same < n[4]);
	/* and the same sentence again gives the same features */
	{
		uint32_t g[7 * NER_MAXFEAT];
		unsigned m[7];

		assert_int_equal(ner_features(&sc, &s, 16, NULL, g, m), 0);
		assert_memory_equal(m, n, sizeof(m));
		for (i = 0; i < 7; i++)
			assert_memory_equal(g + i * NER_MAXFEAT, f + i * NER_MAXFEAT,
			    n[i] * sizeof(uint32_t));
	}
	ner_scratch_free(&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_viterbi),
		cmocka_unit_test(test_conll),
		cmocka_unit_test(test_features),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
