#include "harness.h"
#include "span.h"

/* What writing sp of s in form f (base 100) gives. */
static const char *
line(const char *s, size_t a, size_t b, const char *label,
    enum txspan_form f, int flatten)
{
	static char got[256];
	struct txspan sp = { a, b, label };
	struct txout w;

	txout_init_mem(&w);
	assert_int_equal(txspan_write(&w, s, &sp, f, 100, flatten), 0);
	assert_true(w.len < sizeof(got));
	memcpy(got, w.buf != NULL ? w.buf : "", w.len);
	got[w.len] = '\0';
	txout_close(&w);
	return got;
}

static void
test_write(void **state)
{
	const char *s = "One line\r\nand two. Next";

	(void)state;
	assert_string_equal(line(s, 0, 18, NULL, TXSPAN_TEXT, 0),
	    "One line\r\nand two.");
	assert_string_equal(line(s, 0, 18, NULL, TXSPAN_TEXT, 1),
	    "One line and two.");
	assert_string_equal(line(s, 19, 23, NULL, TXSPAN_OFFSETS, 1), "119\t123");
	assert_string_equal(line(s, 19, 23, "S", TXSPAN_OFFSETS, 1), "119\t123\tS");
	/* an entity's text never breaks its TSV line */
	assert_string_equal(line(s, 4, 13, "PER", TXSPAN_ENTITY, 0),
	    "104\t113\tPER\tline and");
	assert_string_equal(line(s, 0, 0, NULL, TXSPAN_TEXT, 1), "");
}

static char *
dumped(json_t *v)
{
	char *s;

	assert_non_null(v);
	s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(v);
	return s;
}

static void
test_json(void **state)
{
	const char *s = "Two\nlines. Caf\xC3\xA9.";
	struct txspan a = { 0, 10, NULL }, b = { 11, 16, "LOC" };
	char *d;

	(void)state;
	d = dumped(txspan_json(s, &a, TXSPAN_TEXT, 0, 1));
	assert_string_equal(d, "\"Two lines.\"");
	free(d);
	d = dumped(txspan_json(s, &a, TXSPAN_TEXT, 0, 0));
	assert_string_equal(d, "\"Two\\nlines.\"");
	free(d);
	d = dumped(txspan_json(s, &b, TXSPAN_OFFSETS, 5, 1));
	assert_string_equal(d, "[16,21]");
	free(d);
	d = dumped(txspan_json(s, &b, TXSPAN_ENTITY, 0, 1));
	assert_string_equal(d, "{\"start\":11,\"end\":16,\"type\":\"LOC\",\"text\":\"Caf\xC3\xA9\"}");
	free(d);
	/* text that is not UTF-8 has no JSON string */
	assert_null(txspan_json("\xFF", &(struct txspan){ 0, 1, NULL },
	    TXSPAN_TEXT, 0, 0));
}

/* A line break between two CJK characters is no space; beside others it is. */
static void
test_flat_cjk(void **state)
{
	const char *s = "雨が\r\n降った。\nOK\n晴れ";
	struct txspan all = { 0, strlen(s), NULL };
	char *d;

	(void)state;
	assert_string_equal(line(s, 0, strlen(s), NULL, TXSPAN_TEXT, 1),
	    "雨が降った。 OK 晴れ");
	d = dumped(txspan_json(s, &all, TXSPAN_TEXT, 0, 1));
	assert_string_equal(d, "\"雨が降った。 OK 晴れ\"");
	free(d);
}

static void
test_apply(void **state)
{
	const char *s = "dealthat.The end";
	const struct txedit e[] = {
		{ 4, 4, " ", 1, "joined-words" },
		{ 9, 9, " ", 1, "sentence-space" },
		{ 13, 16, "END", 3, NULL },
	};
	struct txout w;
	size_t pos = 0;

	(void)state;
	txout_init_mem(&w);
	/* in two batches, as an engine may give them */
	assert_int_equal(txedit_apply(&w, s, &pos, e, 1), 0);
	assert_int_equal(pos, 4);
	assert_int_equal(txedit_apply(&w, s, &pos, e + 1, 2), 0);
	assert_int_equal(pos, 16);
	assert_int_equal(txedit_apply(&w, s, &pos, NULL, 0), 0);
	assert_int_equal(w.len, 18);
	assert_memory_equal(w.buf, "deal that. The END", 18);
	txout_close(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_flat_cjk),
		cmocka_unit_test(test_apply),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
