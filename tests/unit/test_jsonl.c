#include <fcntl.h>

#include "harness.h"
#include "jsonl.h"

/* Writes rec through a txout into a temporary file and returns its text (static). */
static const char *
written(const struct txjson_rec *rec, const char *newtext, json_t *add)
{
	static char buf[1024];
	struct txout w;
	FILE *f = tmpfile();
	size_t n;

	assert_int_equal(txout_init(&w, dup(fileno(f))), 0);
	assert_int_equal(txjson_write(&w, rec, newtext,
	    newtext ? strlen(newtext) : 0, add), 0);
	assert_int_equal(txout_close(&w), 0);
	rewind(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#define PARSE(rec, s, field, add) txjson_parse(rec, s, strlen(s), field, add)

static void
test_field(void **state)
{
	struct txjson_rec rec;

	(void)state;
	assert_int_equal(PARSE(&rec, "{\"id\":1,\"text\":\"a\\u00e9\\n\"}", "text", NULL), TXJSON_OK);
	assert_int_equal(rec.textlen, 4);
	assert_memory_equal(rec.text, "a\xC3\xA9\n", 4);
	txjson_free(&rec);
	/* NUL inside a string is kept */
	assert_int_equal(PARSE(&rec, "{\"text\":\"a\\u0000b\"}", "text", NULL), TXJSON_OK);
	assert_int_equal(rec.textlen, 3);
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"body\":\"x\"}", "text", NULL), TXJSON_ENOFIELD);
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"text\":7}", "text", NULL), TXJSON_ENOTSTRING);
	txjson_free(&rec);
}

static void
test_malformed(void **state)
{
	struct txjson_rec rec;

	(void)state;
	assert_int_equal(PARSE(&rec, "{\"text\":", "text", NULL), TXJSON_EMALFORMED);
	assert_non_null(strstr(txjson_strerror(&rec, TXJSON_EMALFORMED), "column"));
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "[1,2]", "text", NULL), TXJSON_EMALFORMED);
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"text\":\"\xFF\"}", "text", NULL), TXJSON_EMALFORMED);
	txjson_free(&rec);
	/* numbers too big for a long long are still JSON */
	assert_int_equal(PARSE(&rec, "{\"n\":123456789012345678901234567890,\"text\":\"\"}",
	    "text", NULL), TXJSON_OK);
	txjson_free(&rec);
}

/* Numbers out of a double's range are valid JSON; numbers that break the grammar are not. */
static void
test_numbers(void **state)
{
	static const char *const good[] = { "1e400", "-1E+400", "0.5e-999",
		"[1e400,{\"a\":-2e999}]", "-0" };
	static const char *const bad[] = { "01", "1.", "-", ".5", "1e", "+1", "0x10" };
	char line[128];
	struct txjson_rec rec;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(line, sizeof(line), "{\"n\":%s,\"text\":\"1e400\"}", good[i]);
		assert_int_equal(PARSE(&rec, line, "text", NULL), TXJSON_OK);
		assert_int_equal(rec.textlen, 5);
		assert_memory_equal(rec.text, "1e400", 5);
		txjson_free(&rec);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(line, sizeof(line), "{\"n\":%s,\"text\":\"x\"}", bad[i]);
		if (PARSE(&rec, line, "text", NULL) != TXJSON_EMALFORMED)
			fail_msg("%s taken for a number", bad[i]);
		txjson_free(&rec);
	}
}

static void
test_blank(void **state)
{
	(void)state;
	assert_true(txjson_blank("", 0));
	assert_true(txjson_blank(" \t\r", 3));
	assert_false(txjson_blank(" {}", 3));
}

static void
test_write_keeps_other_members(void **state)
{
	static const char line[] =
	    "{ \"id\" : 1.50, \"text\":\"old\" ,\"meta\":{\"a\":[1,\"}\"]}, \"x\":1e5 }";
	struct txjson_rec rec;

	(void)state;
	assert_int_equal(PARSE(&rec, line, "text", "n"), TXJSON_OK);
	assert_string_equal(written(&rec, NULL, NULL), line);
	assert_string_equal(written(&rec, "new \"q\"", NULL),
	    "{ \"id\" : 1.50, \"text\":\"new \\\"q\\\"\" ,\"meta\":{\"a\":[1,\"}\"]}, \"x\":1e5 }");
	assert_string_equal(written(&rec, NULL, json_integer(3)),
	    "{ \"id\" : 1.50, \"text\":\"old\" ,\"meta\":{\"a\":[1,\"}\"]}, \"x\":1e5 ,\"n\":3}");
	txjson_free(&rec);
}

static void
test_write_replaces_member(void **state)
{
	struct txjson_rec rec;

	(void)state;
	/* an existing member of the added name is replaced in place */
	assert_int_equal(PARSE(&rec, "{\"sentences\":[0],\"text\":\"a\"}", "text",
	    "sentences"), TXJSON_OK);
	assert_string_equal(written(&rec, "b", json_pack("[s]", "a")),
	    "{\"sentences\":[\"a\"],\"text\":\"b\"}");
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"text\":\"a\",\"s\":null}", "text", "s"), TXJSON_OK);
	assert_string_equal(written(&rec, "c", json_true()), "{\"text\":\"c\",\"s\":true}");
	txjson_free(&rec);
	/* an empty object gets no comma; a key with escapes is matched */
	assert_int_equal(PARSE(&rec, "{}", "text", "s"), TXJSON_ENOFIELD);
	assert_string_equal(written(&rec, NULL, json_true()), "{\"s\":true}");
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"t\\u0065xt\":\"a\"}", "text", NULL), TXJSON_OK);
	assert_string_equal(written(&rec, "b", NULL), "{\"t\\u0065xt\":\"b\"}");
	txjson_free(&rec);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_write_keeps_other_members),
		cmocka_unit_test(test_write_replaces_member),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
