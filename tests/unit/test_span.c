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

/* What txspan_put_json writes for sp of s in form f, or NULL when it fails (static). */
static const char *
json(const char *s, struct txspan sp, enum txspan_form f, uint64_t base,
    int flatten)
{
	static char got[256];
	struct txout w;
	int rc;

	txout_init_mem(&w);
	rc = txspan_put_json(&w, s, &sp, f, base, flatten);
	assert_true(w.len < sizeof(got));
	memcpy(got, w.buf != NULL ? w.buf : "", w.len);
	got[w.len] = '\0';
	txout_close(&w);
	return rc == 0 ? got : NULL;
}

static void
test_json(void **state)
{
	const char *s = "Two\nlines. Caf\xC3\xA9.";
	struct txspan a = { 0, 10, NULL }, b = { 11, 16, "LOC" };

	(void)state;
	assert_string_equal(json(s, a, TXSPAN_TEXT, 0, 1), "\"Two lines.\"");
	assert_string_equal(json(s, a, TXSPAN_TEXT, 0, 0), "\"Two\\nlines.\"");
	assert_string_equal(json(s, b, TXSPAN_OFFSETS, 5, 1), "[16,21]");
	assert_string_equal(json(s, b, TXSPAN_ENTITY, 0, 1),
	    "{\"start\":11,\"end\":16,\"type\":\"LOC\",\"text\":\"Caf\xC3\xA9\"}");
	/* a label and a text are escaped */
	assert_string_equal(json("\"q\"\t", (struct txspan){ 0, 4, "A\\B" },
	    TXSPAN_ENTITY, 0, 0),
	    "{\"start\":0,\"end\":4,\"type\":\"A\\\\B\",\"text\":\"\\\"q\\\"\\t\"}");
	/* text that is not UTF-8 has no JSON string */
	assert_null(json("\xFF", (struct txspan){ 0, 1, NULL }, TXSPAN_TEXT, 0, 0));
}

/* A line break between two CJK characters is no space; beside others it is. */
static void
test_flat_cjk(void **state)
{
	const char *s = "雨が\r\n降った。\nOK\n晴れ";
	struct txspan all = { 0, strlen(s), NULL };

	(void)state;
	assert_string_equal(line(s, 0, strlen(s), NULL, TXSPAN_TEXT, 1),
	    "雨が降った。 OK 晴れ");
	assert_string_equal(json(s, all, TXSPAN_TEXT, 0, 1), "\"雨が降った。 OK 晴れ\"");
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
