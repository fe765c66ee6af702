#include <fcntl.h>

#include "harness.h"
#include "jsonl.h"

/* Writes rec through a txout into a temporary file and returns its text (static). */
static const char *
written(const struct txjson_rec *rec, const char *newtext, const char *add)
{
	static char buf[1024];
	struct txout w;
	FILE *f = tmpfile();
	size_t n;

	assert_int_equal(txout_init(&w, dup(fileno(f))), 0);
	assert_int_equal(txjson_write(&w, rec, newtext,
	    newtext ? strlen(newtext) : 0, add, add ? strlen(add) : 0), 0);
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
	assert_string_equal(written(&rec, NULL, "3"),
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
	assert_string_equal(written(&rec, "b", "[\"a\"]"),
	    "{\"sentences\":[\"a\"],\"text\":\"b\"}");
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"text\":\"a\",\"s\":null}", "text", "s"), TXJSON_OK);
	assert_string_equal(written(&rec, "c", "true"), "{\"text\":\"c\",\"s\":true}");
	txjson_free(&rec);
	/* an empty object gets no comma; a key with escapes is matched */
	assert_int_equal(PARSE(&rec, "{}", "text", "s"), TXJSON_ENOFIELD);
	assert_string_equal(written(&rec, NULL, "true"), "{\"s\":true}");
	txjson_free(&rec);
	assert_int_equal(PARSE(&rec, "{\"t\\u0065xt\":\"a\"}", "text", NULL), TXJSON_OK);
	assert_string_equal(written(&rec, "b", NULL), "{\"t\\u0065xt\":\"b\"}");
	txjson_free(&rec);
}

/*
 * What jansson makes of line: the code txjson_parse must return for it,
 * and the field's text in *text (malloc'd) when it is OK.  Numbers here
 * are small: the big ones are test_numbers'.
 */
static int
jansson_verdict(const char *line, size_t len, char **text, size_t *textlen)
{
	json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, NULL), *v;
	int code;

	*text = NULL;
	if (root == NULL || !json_is_object(root))
		code = TXJSON_EMALFORMED;
	else if ((v = json_object_get(root, "text")) == NULL)
		code = TXJSON_ENOFIELD;
	else if (!json_is_string(v))
		code = TXJSON_ENOTSTRING;
	else {
		code = TXJSON_OK;
		*textlen = json_string_length(v);
		*text = malloc(*textlen + 1);
		memcpy(*text, json_string_value(v), *textlen);
	}
	json_decref(root);
	return code;
}

static void
agree(const char *line, size_t len)
{
	struct txjson_rec rec;
	char *text;
	size_t textlen = 0;
	int want = jansson_verdict(line, len, &text, &textlen);
	int got = txjson_parse(&rec, line, len, "text", "s");

	if (got != want)
		fail_msg("%.*s: %d, jansson %d", (int)len, line, got, want);
	if (want == TXJSON_OK && (rec.textlen != textlen ||
	    memcmp(rec.text, text, textlen) != 0))
		fail_msg("%.*s: the field's text differs from jansson's", (int)len, line);
	free(text);
	txjson_free(&rec);
}

/* The scanner is sure of a record exactly when jansson accepts it, and reads the same text. */
static void
test_scanner_agrees(void **state)
{
	static const char *const lines[] = {
		"{\"text\":\"plain\"}",
		" {\"text\" : \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"} ",
		"{\"text\":\"\\ud83d\\ude00 pair\"}",
		"{\"text\":\"\\ud83d alone\"}",
		"{\"text\":\"\\ude00 low\"}",
		"{\"text\":\"\\u00\"}",
		"{\"text\":\"\\x\"}",
		"{\"text\":\"tab\there\"}",
		"{\"text\":\"del \x7f ok\"}",
		"{\"text\":\"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"}",
		"{\"text\":\"\xC0\xAF overlong\"}",
		"{\"text\":\"\xED\xA0\x80 surrogate\"}",
		"{\"text\":\"\xF4\x90\x80\x80 too high\"}",
		"{\"text\":\"cut \xE2\x82\"}",
		"{\"text\":\"a\",\"text\":\"second wins\"}",
		"{\"text\":\"a\",\"text\":7}",
		"{\"te\\u0078t\":\"escaped key\"}",
		"{\"k\\u0000\":1,\"text\":\"NUL in a key\"}",
		"{\"a\":{\"b\\u0000\":1},\"text\":\"NUL in a nested key\"}",
		"{\"text\":\"x\"} trailing",
		"{\"text\":\"x\"}}",
		"{\"text\":\"x\",}",
		"{,\"text\":\"x\"}",
		"{\"text\" \"x\"}",
		"{\"text\":\"x\" \"y\":1}",
		"\xEF\xBB\xBF{\"text\":\"BOM\"}",
		"{\"text\":\"x\",\"l\":[true,false,null,-0.5e+3,{},[]]}",
		"{\"text\":\"x\",\"l\":[tru]}",
		"{\"text\":\"x\",\"l\":[1,]}",
		"{\"text\":\"x\",\"l\":nul}",
		"{\"text\":\"x\",\"l\":01}",
		"{\"text\":\"x\",\"l\":[1 2]}",
		"{\"text\":null}",
		"{\"text\":[\"x\"]}",
		"{\"text\":\"x\"\n}",
		"{\"text\":\"x\"\x0b}",
		"[{\"text\":\"x\"}]",
		"\"text\"",
		"{}",
		"{",
		"",
	};
	static const char alphabet[] = "{}[]\":,\\ tuenlf0-1.e+\x01\x7f\xC3\xA9\xED";
	char deep[3000], buf[160];
	size_t i, k, n, m;
	unsigned seed = 7;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		agree(lines[i], strlen(lines[i]));
	/* nesting deeper than the scanner follows, and than jansson allows */
	for (k = 0; k < 2; k++) {
		n = k == 0 ? 600 : 1400;
		m = (size_t)snprintf(deep, sizeof(deep), "{\"text\":\"d\",\"a\":");
		for (i = 0; i < n; i++)
			deep[m++] = '[';
		for (i = 0; i < n; i++)
			deep[m++] = ']';
		deep[m++] = '}';
		agree(deep, m);
	}
	/* records made wrong one byte at a time, with a fixed seed */
	for (i = 0; i < 20000; i++) {
		n = (size_t)snprintf(buf, sizeof(buf),
		    "{\"id\":[1,-2.5e3,true,null],\"text\":\"a\\n\\u00e9 \xC3\xA9\\ud83d\\ude00\",\"m\":{\"k\":\"v\"}}");
		for (k = 0; k < 1 + i % 3; k++) {
			seed = seed * 1103515245 + 12345;
			m = (seed >> 8) % n;
			seed = seed * 1103515245 + 12345;
			switch ((seed >> 8) % 3) {
			case 0:
				buf[m] = alphabet[(seed >> 12) % (sizeof(alphabet) - 1)];
				break;
			case 1:
				memmove(buf + m, buf + m + 1, n - m - 1);
				n--;
				break;
			default:
				if (n + 1 < sizeof(buf)) {
					memmove(buf + m + 1, buf + m, n - m);
					buf[m] = alphabet[(seed >> 12) % (sizeof(alphabet) - 1)];
					n++;
				}
			}
		}
		agree(buf, n);
	}
}

/* Strings are escaped as jansson's compact dump escapes them. */
static void
test_put_string(void **state)
{
	char s[160], *dumped;
	struct txout w;
	json_t *v;
	size_t n = 0;
	int c;

	(void)state;
	for (c = 0; c < 0x80; c++)
		s[n++] = (char)c;
	memcpy(s + n, "\xC3\xA9\xE2\x80\xA8\xF0\x9F\x98\x80", 9);
	n += 9;
	txout_init_mem(&w);
	assert_int_equal(txjson_put_string(&w, s, n), 0);
	v = json_stringn(s, n);
	dumped = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	assert_int_equal(w.len, strlen(dumped));
	assert_memory_equal(w.buf, dumped, w.len);
	free(dumped);
	json_decref(v);
	/* not UTF-8: nothing written */
	txout_reset(&w);
	assert_int_equal(txjson_put_string(&w, "a\xFF", 2), -1);
	assert_int_equal(w.len, 0);
	txout_close(&w);
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
		cmocka_unit_test(test_scanner_agrees),
		cmocka_unit_test(test_put_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
