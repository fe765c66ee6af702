#include <signal.h>

#include "harness.h"
#include "cli.h"

static int
parse(struct txcli *c, int argc, char **argv, int *last)
{
	static const struct option longopts[] = { TXCLI_LONGOPTS, { NULL, 0, NULL, 0 } };
	int o, r = TXCLI_DONE;

	optind = 1;
	txcli_init(c, "t");
	while ((o = getopt_long(argc, argv, TXCLI_SHORTOPTS, longopts, NULL)) != -1) {
		*last = o;
		if ((r = txcli_option(c, o, optarg)) != TXCLI_DONE)
			return r;
	}
	return r;
}

static void
test_framing(void **state)
{
	char *a1[] = { "t", "-z", NULL };
	char *a2[] = { "t", "--jsonl", NULL };
	char *a3[] = { "t", "--jsonl=body", "--strict", "--skip-bad", NULL };
	char *a4[] = { "t", "--null", NULL };
	struct txcli c;
	int last;

	(void)state;
	assert_int_equal(parse(&c, 2, a1, &last), TXCLI_DONE);
	assert_int_equal(c.framing, TXCLI_NUL);
	assert_int_equal(parse(&c, 2, a4, &last), TXCLI_DONE);
	assert_int_equal(c.framing, TXCLI_NUL);
	assert_int_equal(parse(&c, 2, a2, &last), TXCLI_DONE);
	assert_int_equal(c.framing, TXCLI_JSONL);
	assert_string_equal(c.field, "text");
	assert_int_equal(parse(&c, 4, a3, &last), TXCLI_DONE);
	assert_string_equal(c.field, "body");
	assert_true(c.strict && c.skip_bad);
	assert_int_equal(signal(SIGPIPE, SIG_DFL), SIG_DFL);
}

static void
test_help_version_bad(void **state)
{
	char *a1[] = { "t", "--help", NULL };
	char *a2[] = { "t", "--version", NULL };
	char *a3[] = { "t", "--jsonl=", NULL };
	char *a4[] = { "t", "-q", NULL };
	struct txcli c;
	int last = 0;

	(void)state;
	assert_int_equal(parse(&c, 2, a1, &last), TXCLI_HELP);
	assert_int_equal(parse(&c, 2, a2, &last), TXCLI_VERSION);
	assert_int_equal(parse(&c, 2, a3, &last), TXCLI_BAD);
	assert_int_equal(parse(&c, 2, a4, &last), TXCLI_NOTMINE);
	assert_int_equal(last, '?');
}

static void
test_strict(void **state)
{
	struct txcli c;

	(void)state;
	txcli_init(&c, "t");
	assert_int_equal(txcli_check_utf8(&c, "f", "a\xFF", 2, 0), 0);
	c.strict = 1;
	assert_int_equal(txcli_check_utf8(&c, "f", "ok", 2, 0), 0);
	assert_int_equal(txcli_check_utf8(&c, "f", "a\xFF", 2, 10), -1);
}

static void
test_open(void **state)
{
	struct txcli c;
	struct txin r;
	const char *name;

	(void)state;
	txcli_init(&c, "t");
	assert_int_equal(txcli_open(&c, "/nonexistent/file", &r, &name), 1);
	assert_int_equal(txcli_open(&c, "-", &r, &name), 0);
	assert_string_equal(name, "<stdin>");
	txcli_close(&r);
}

static void
test_records(void **state)
{
	static const char in[] = "{\"text\":\"a\"}\n\n[1]\n{\"text\":\"b\"}\n";
	char buf[256];
	struct txjson_rec rec;
	struct txin_span u;
	struct txout w;
	struct txcli c;
	struct txin r;
	unsigned long long lineno = 0;
	int fd = fd_with(in, sizeof(in) - 1);
	FILE *f = tmpfile();
	size_t n;

	(void)state;
	txcli_init(&c, "t");
	c.skip_bad = 1;
	txout_init(&w, dup(fileno(f)));
	txin_init(&r, fd);
	assert_int_equal(txcli_next_record(&c, &r, "x", &lineno, NULL, &rec, &u, &w), 1);
	assert_int_equal(lineno, 1);
	assert_memory_equal(rec.text, "a", 1);
	txjson_free(&rec);
	/* the blank line and the malformed record go to w */
	assert_int_equal(txcli_next_record(&c, &r, "x", &lineno, NULL, &rec, &u, &w), 1);
	assert_int_equal(lineno, 4);
	assert_memory_equal(rec.text, "b", 1);
	txjson_free(&rec);
	assert_int_equal(txcli_next_record(&c, &r, "x", &lineno, NULL, &rec, &u, &w), 0);
	assert_int_equal(txout_close(&w), 0);
	rewind(f);
	n = fread(buf, 1, sizeof(buf), f);
	assert_int_equal(n, 5);
	assert_memory_equal(buf, "\n[1]\n", 5);
	fclose(f);
	txin_free(&r);
	close(fd);
	/* without --skip-bad a malformed record stops */
	fd = fd_with("[1]\n", 4);
	c.skip_bad = 0;
	lineno = 0;
	txin_init(&r, fd);
	assert_int_equal(txcli_next_record(&c, &r, "x", &lineno, NULL, &rec, &u, NULL), -1);
	txin_free(&r);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_framing),
		cmocka_unit_test(test_help_version_bad),
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_open),
		cmocka_unit_test(test_records),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
