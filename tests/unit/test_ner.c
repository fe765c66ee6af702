/*
 * txner's engine below the model: the tags and which may follow which,
 * the Viterbi pass, the CoNLL line reader and the features.  Expected
 * values are worked out by hand.
 */
#include "harness.h"
#include "conll.h"
#include "model.h"
#include "ner.h"

static void
test_tags(void **state)
{
	static const char *const types[] = { "LOC", "PER" };
	struct ner_tags t;

	(void)state;
	assert_int_equal(ner_tags_make(&t, types, 2, 2), 0);
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
	/* BIO may end anywhere */
	assert_true(ner_allowed(&t, 1, t.n));
	assert_int_equal(ner_tag_typeno(&t, 4), 2);
	assert_int_equal(ner_tag_of(&t, 2, 'U'), 3);
	assert_int_equal(ner_tag_of(&t, 2, 'L'), 4);
	assert_int_equal(t.iob[4], 4);
	ner_tags_free(&t);

	/* BILOU: O, then B I L U of LOC, of PER */
	assert_int_equal(ner_tags_make(&t, types, 2, 4), 0);
	assert_int_equal(t.n, 9);
	assert_string_equal(t.name[3], "L-LOC");
	assert_string_equal(t.name[8], "U-PER");
	assert_string_equal(ner_tag_type(&t, 7), "PER");
	assert_int_equal(ner_tag_typeno(&t, 4), 1);
	assert_int_equal(ner_tag_typeno(&t, 5), 2);
	assert_int_equal(ner_tag_of(&t, 2, 'L'), 7);
	assert_true(ner_tag_begins(&t, 4));
	assert_true(ner_tag_begins(&t, 5));
	assert_false(ner_tag_begins(&t, 7));
	/* written as IOB2: U-X as B-X, L-X as I-X */
	assert_int_equal(t.iob[4], 1);
	assert_int_equal(t.iob[3], 2);
	assert_int_equal(t.iob[8], 5);
	/* B-X and I-X go on in I-X or L-X of X, and nothing else */
	assert_true(ner_allowed(&t, 1, 3));
	assert_true(ner_allowed(&t, 2, 2));
	assert_false(ner_allowed(&t, 1, 0));
	assert_false(ner_allowed(&t, 1, 5));
	assert_false(ner_allowed(&t, 1, 7));
	assert_false(ner_allowed(&t, 2, t.n));
	/* L-X and U-X end a name: anything that begins may follow */
	assert_true(ner_allowed(&t, 3, 8));
	assert_true(ner_allowed(&t, 4, 0));
	assert_false(ner_allowed(&t, 4, 2));
	assert_true(ner_allowed(&t, 3, t.n));
	assert_false(ner_allowed(&t, t.n, 3));
	assert_true(ner_allowed(&t, t.n, 4));
	ner_tags_free(&t);
	assert_int_equal(ner_tags_make(&t, types, 2, 3), -1);
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
	assert_int_equal(ner_tags_make(&t, types, 1, 2), 0);
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
test_viterbi_bilou(void **state)
{
	static const char *const types[] = { "X" };
	/* tags O, B-X, I-X, L-X, U-X */
	static const float one[] = { 0, 5, 0, 0, 1 };
	static const float two[] = { 0, 5, 0, 0, 1, 4, 0, 0, 1, 0 };
	static const float zero[30];
	float work[20];
	unsigned tag[2];
	struct ner_tags t;

	(void)state;
	assert_int_equal(ner_tags_make(&t, types, 1, 4), 0);
	/* a name may not end on B-X: alone, the token is U-X */
	ner_viterbi(one, 1, 5, &t, zero, work, tag);
	assert_int_equal(tag[0], 4);
	/* B-X needs its L-X: B L (6) beats U O (5); B O may not be */
	ner_viterbi(two, 2, 5, &t, zero, work, tag);
	assert_int_equal(tag[0], 1);
	assert_int_equal(tag[1], 3);
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
	/* the marks that start a document are not tokens */
	line("-DOCSTART- -X- -X- O", 0, "", "");
	line("-DOCSTART-\tO", 0, "", "");
	line("-DOCSTARTED\tO", 1, "-DOCSTARTED", "O");
	assert_true(conll_newdoc("# newdoc id = a", 15));
	assert_true(conll_newdoc("# newdoc", 8));
	assert_true(conll_newdoc("-DOCSTART- -X- O", 16));
	assert_true(conll_newdoc("-DOCSTART-\r", 11));
	assert_false(conll_newdoc("# newdocs", 9));
	assert_false(conll_newdoc("# sent_id = a", 13));
	assert_false(conll_newdoc("-DOCSTART", 9));
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

static void
test_tables(void **state)
{
	static const char gaz[] = "LOC\tparis\nCITY\tparis\nFIRST\tjohn\n"
	    "PER\tjohn smith\nno tab here\nORG\tacme corp";
	struct ner_table t, m;
	const unsigned char *v;
	unsigned char *bytes;
	size_t len;
	unsigned i;

	(void)state;
	assert_int_equal(ner_gaz_build(&t, gaz, sizeof(gaz) - 1), 0);
	v = ner_table_get(&t, ner_table_key("paris", 5));
	assert_non_null(v);
	assert_int_equal(*v, NER_GAZ_LOC | NER_GAZ_CITY);
	assert_int_equal(*ner_table_get(&t, ner_table_key("john", 4)), NER_GAZ_FIRST);
	assert_int_equal(*ner_table_get(&t, ner_table_key("john smith", 10)), NER_GAZ_PER);
	assert_int_equal(*ner_table_get(&t, ner_table_key("acme corp", 9)), NER_GAZ_ORG);
	assert_null(ner_table_get(&t, ner_table_key("smith", 5)));
	assert_null(ner_table_get(&t, ner_table_key("no tab here", 11)));

	/* each list a name is in is two features of each of its words */
	{
		static const char text[] = "John Smith saw Paris";
		static const size_t start[] = { 0, 5, 11, 15 }, end[] = { 4, 10, 14, 20 };
		struct ner_sent s = { text, start, end, 4 };
		struct ner_scratch sc;
		uint32_t f0[4 * NER_MAXFEAT], f1[4 * NER_MAXFEAT];
		unsigned n0[4], n1[4];
		struct ner_lex lex = { &t, NULL };

		memset(&sc, 0, sizeof(sc));
		assert_int_equal(ner_features(&sc, &s, 16, NULL, f0, n0), 0);
		assert_int_equal(ner_features(&sc, &s, 16, &lex, f1, n1), 0);
		assert_int_equal(n1[0], n0[0] + 2);	/* john smith: PER */
		assert_int_equal(n1[1], n0[1] + 2);
		assert_int_equal(n1[2], n0[2]);
		assert_int_equal(n1[3], n0[3] + 4);	/* paris: LOC and CITY */
		assert_int_not_equal(f1[n0[0]], f1[NER_MAXFEAT + n0[1]]);	/* begins, inside */
		ner_scratch_free(&sc);
	}

	/* the bytes, mapped as a model section, give the same answers */
	len = ner_table_size(&t);
	assert_int_equal(len, 8 + t.cap * 9);
	bytes = malloc(len);
	assert_non_null(bytes);
	memcpy(bytes, t.bytes, len);
	assert_int_equal(ner_table_map(&m, bytes, len, 1), 0);
	assert_int_equal(*ner_table_get(&m, ner_table_key("paris", 5)), NER_GAZ_LOC | NER_GAZ_CITY);
	assert_null(ner_table_get(&m, ner_table_key("rome", 4)));

	/* a wrong length, vsize or capacity is refused */
	assert_int_equal(ner_table_map(&m, bytes, len - 1, 1), -1);
	assert_int_equal(ner_table_map(&m, bytes, len, 2), -1);
	assert_int_equal(ner_table_map(&m, bytes, 7, 1), -1);
	txmodel_put64(bytes, t.cap - 1);
	assert_int_equal(ner_table_map(&m, bytes, 8 + (t.cap - 1) * 9, 1), -1);

	/* a full table with no empty slot: a lookup still ends */
	txmodel_put64(bytes, t.cap);
	for (i = 0; i < t.cap; i++)
		txmodel_put64(bytes + 8 + 8 * i, 2 * (uint64_t)i + 3);
	assert_int_equal(ner_table_map(&m, bytes, len, 1), 0);
	assert_null(ner_table_get(&m, 2));
	assert_non_null(ner_table_get(&m, 5));
	free(bytes);
	ner_table_free(&t);
}

static void
test_clusters(void **state)
{
	static const char clus[] = "Paris\t7\t1\t0\nparis\t8\t2\t0\nrome\t9\t2\t0\n"
	    "bad\t1\t2\nworse\t1\tx\t3\nbig\t70000\t1\t1\nlong\t1\t2\t3\t4\n\t1\t2\t3\nlast\t0\t0\t1";
	static const char text[] = "Paris PARIS Rome Oslo";
	static const size_t start[] = { 0, 6, 12, 17 }, end[] = { 5, 11, 16, 21 };
	struct ner_sent s = { text, start, end, 4 };
	struct ner_table t;
	struct ner_lex lex = { NULL, &t };
	struct ner_scratch sc;
	uint32_t f0[4 * NER_MAXFEAT], f1[4 * NER_MAXFEAT];
	unsigned n0[4], n1[4];
	const unsigned char *v;

	(void)state;
	assert_int_equal(ner_clus_build(&t, clus, sizeof(clus) - 1), 0);
	v = ner_table_get(&t, ner_table_key("Paris", 5));
	assert_non_null(v);
	assert_int_equal(txmodel_get16(v), 8);
	assert_int_equal(txmodel_get16(v + 2), 2);
	assert_int_equal(txmodel_get16(v + 4), 1);
	assert_int_equal(txmodel_get16(ner_table_get(&t, ner_table_key("last", 4)) + 4), 2);
	/* too few or too many fields, not a number, too big, no word: skipped */
	assert_null(ner_table_get(&t, ner_table_key("bad", 3)));
	assert_null(ner_table_get(&t, ner_table_key("worse", 5)));
	assert_null(ner_table_get(&t, ner_table_key("big", 3)));
	assert_null(ner_table_get(&t, ner_table_key("long", 4)));
	assert_null(ner_table_get(&t, ner_table_key("", 0)));

	/* a known word gets its classes; an unknown form is looked up in lower case */
	memset(&sc, 0, sizeof(sc));
	assert_int_equal(ner_features(&sc, &s, 16, NULL, f0, n0), 0);
	assert_int_equal(ner_features(&sc, &s, 16, &lex, f1, n1), 0);
	assert_int_equal(sc.tok[0].cl[0], 8);
	assert_int_equal(sc.tok[1].cl[0], 9);
	assert_int_equal(sc.tok[2].cl[0], 10);
	assert_int_equal(sc.tok[3].cl[0], 0);
	assert_int_equal(n1[0], n0[0] + 7);
	assert_int_equal(n1[3], n0[3]);
	ner_scratch_free(&sc);
	ner_table_free(&t);
}

static void
test_history(void **state)
{
	uint64_t key[4] = { 0, 0, 0, 0 };
	static const char *const types[] = { "X", "Y" };
	unsigned tag[4] = { 1, 3, 0, 8 };	/* B-X L-X O U-Y: types 1 1 0 2 */
	uint32_t f[4 * NER_MAXFEAT], g[4 * NER_MAXFEAT];
	unsigned n[4] = { 5, 5, 5, 5 }, m[4] = { 5, 5, 5, 5 }, i;
	struct ner_hist h;
	struct ner_tags t;

	(void)state;
	memset(&h, 0, sizeof(h));
	assert_int_equal(ner_tags_make(&t, types, 2, 4), 0);
	key[0] = key[2] = ner_table_key("smith", 5);
	key[1] = ner_table_key("jones", 5);
	/* nothing seen yet: nothing added */
	ner_hist_features(&h, key, 4, 16, f, n);
	for (i = 0; i < 4; i++)
		assert_int_equal(n[i], 5);
	/* smith: once X, once O; jones: once X; the last token has no key */
	assert_int_equal(ner_hist_add(&h, &t, key, 4, tag), 0);
	ner_hist_features(&h, key, 4, 16, f, n);
	assert_int_equal(n[0], 7);
	assert_int_equal(n[1], 6);
	assert_int_equal(n[2], 7);
	assert_int_equal(n[3], 5);
	assert_memory_equal(f + 5, f + 2 * NER_MAXFEAT + 5, 2 * sizeof(*f));
	assert_int_not_equal(f[NER_MAXFEAT + 5], f[5]);
	/* "always X" and "half the time X" are different features */
	assert_int_not_equal(f[NER_MAXFEAT + 5], f[6]);
	/* a new document forgets */
	ner_hist_reset(&h);
	ner_hist_features(&h, key, 4, 16, g, m);
	for (i = 0; i < 4; i++)
		assert_int_equal(m[i], 5);
	/* many keys: the table grows and keeps them all */
	for (i = 0; i < 5000; i++) {
		uint64_t k = 2 * (uint64_t)i + 1;
		unsigned one = 1;

		assert_int_equal(ner_hist_add(&h, &t, &k, 1, &one), 0);
	}
	for (i = 0; i < 5000; i += 499) {
		uint64_t k = 2 * (uint64_t)i + 1;
		unsigned c = 0;

		ner_hist_features(&h, &k, 1, 16, g, &c);
		assert_int_equal(c, 1);
	}
	ner_hist_free(&h);
	ner_tags_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_viterbi),
		cmocka_unit_test(test_viterbi_bilou),
		cmocka_unit_test(test_conll),
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_history),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
