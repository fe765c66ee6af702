/* The language profiles: found by code, sorted, complete, and listed. */
#include "harness.h"
#include "lang.h"

static void
test_find(void **state)
{
	const struct txlang *en = txlang_find("en"), *de = txlang_find("de");

	(void)state;
	assert_non_null(en);
	assert_true(en->flags & TXLANG_RULES);
	assert_non_null(de);
	assert_true(de->flags & TXLANG_DOT_ORDINALS);
	assert_false(de->flags & TXLANG_RULES);
	assert_true(txlang_in(de->nonfinal, "bzw", 3));
	assert_false(txlang_in(de->nonfinal, "bz", 2));
	assert_true(txlang_in(en->titles, "Dr", 2));
	assert_true(txlang_in(en->function_words, "the", 3));
	assert_true(txlang_in(en->months, "may", 3));
	assert_null(txlang_find("xx"));
	assert_null(txlang_find(""));
	assert_null(txlang_find("EN"));
	assert_null(txlang_find("auto"));
}

static void
test_table(void **state)
{
	const struct txlang *l, *prev = NULL;
	size_t i;

	(void)state;
	for (i = 0; (l = txlang_at(i)) != NULL; i++) {
		/* sorted, for txlang_find's search, and every list there */
		if (prev != NULL)
			assert_true(strcmp(prev->code, l->code) < 0);
		assert_ptr_equal(txlang_find(l->code), l);
		assert_non_null(l->name);
		assert_non_null(l->titles);
		assert_non_null(l->numabbr);
		assert_non_null(l->abbr);
		assert_non_null(l->nonfinal);
		assert_non_null(l->openers);
		assert_non_null(l->closings);
		assert_non_null(l->bangnames);
		assert_non_null(l->function_words);
		assert_non_null(l->months);
		prev = l;
	}
	assert_true(i >= 9);
}

static void
test_lists(void **state)
{
	const char *list = "Dr  Mr e.g.", *w;
	size_t n, count = 0;

	(void)state;
	assert_true(txlang_in(list, "Mr", 2));
	assert_true(txlang_in(list, "e.g.", 4));
	assert_false(txlang_in(list, "M", 1));
	assert_false(txlang_in(list, "", 0));
	assert_false(txlang_in("", "", 0));
	while ((w = txlang_next(&list, &n)) != NULL) {
		assert_true(n > 0 && w[0] != ' ');
		count++;
	}
	assert_int_equal(count, 3);
	list = "";
	assert_null(txlang_next(&list, &n));
}

static void
test_codes(void **state)
{
	char buf[512], small[8];

	(void)state;
	txlang_codes(buf, sizeof(buf));
	assert_non_null(strstr(buf, "de, el, en, es"));
	assert_int_equal(strncmp(buf, "ar, ", 4), 0);
	/* truncated, still a string */
	txlang_codes(small, sizeof(small));
	assert_true(strlen(small) < sizeof(small));
}

/* A word set holds exactly its list's words, as txlang_in finds them. */
static void
test_wordset(void **state)
{
	const struct txlang *en = txlang_find("en");
	const char *lists[] = { en->function_words, en->months, en->titles,
	    "Dr  Mr e.g. Mr", "" }, *p, *w;
	const char *others[] = { "", "th", "thee", "Mr.", "e.g", "may ", "xyz" };
	struct txwordset ws;
	size_t i, k, n;

	(void)state;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		assert_int_equal(txwordset_init(&ws, lists[i]), 0);
		for (p = lists[i]; (w = txlang_next(&p, &n)) != NULL;)
			assert_true(txwordset_has(&ws, w, n));
		for (k = 0; k < sizeof(others) / sizeof(others[0]); k++)
			assert_int_equal(txwordset_has(&ws, others[k], strlen(others[k])),
			    txlang_in(lists[i], others[k], strlen(others[k])));
		txwordset_free(&ws);
		txwordset_free(&ws);	/* twice is harmless */
		assert_false(txwordset_has(&ws, "the", 3));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_wordset),
		cmocka_unit_test(test_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
