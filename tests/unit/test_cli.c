#include <errno.h>
#include <fcntl.h>
#include <signal.h>

#include "harness.h"
#include "cli.h"

static int helped;

static void
usage(void)
{
	helped++;
}

/* Runs txcli_getopt over argv; what it last returned, and *last the last program option. */
static int
parse(struct txcli *c, int argc, char **argv, int *last)
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "own", required_argument, NULL, TXCLI_OPT_PROG },
		{ NULL, 0, NULL, 0 }
	};
	int o;

	optind = 1;
	txcli_init(c, "t", usage);
	while ((o = txcli_getopt(c, argc, argv, "x", longopts)) >= 0)
		*last = o;
	return o;
}

static void
test_framing(void **state)
{
	char *a1[] = { "t", "-z", NULL };
	char *a2[] = { "t", "--jsonl", NULL };
	char *a3[] = { "t", "--jsonl=body", "--strict", "--skip-bad", NULL };
	char *a4[] = { "t", "--null", "-x", "--own=1", "file", NULL };
	struct txcli c;
	int last = 0;

	(void)state;
	assert_int_equal(parse(&c, 2, a1, &last), TXCLI_END);
	assert_int_equal(c.framing, TXCLI_NUL);
	assert_int_equal(parse(&c, 5, a4, &last), TXCLI_END);
	assert_int_equal(c.framing, TXCLI_NUL);
	assert_int_equal(last, TXCLI_OPT_PROG);
	assert_int_equal(optind, 4);
	assert_int_equal(parse(&c, 2, a2, &last), TXCLI_END);
	assert_int_equal(c.framing, TXCLI_JSONL);
	assert_string_equal(c.field, "text");
	assert_int_equal(parse(&c, 4, a3, &last), TXCLI_END);
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
	char *a5[] = { "t", "--help=x", NULL };
	char *a6[] = { "t", "--own", NULL };
	char *a7[] = { "t", "--frobnicate", NULL };
	struct txcli c;
	int last = 0;

	(void)state;
	helped = 0;
	assert_int_equal(parse(&c, 2, a1, &last), TXCLI_EXIT_OK);
	assert_int_equal(helped, 1);
	assert_int_equal(parse(&c, 2, a2, &last), TXCLI_EXIT_OK);
	assert_int_equal(TXCLI_STATUS(TXCLI_EXIT_OK), 0);
	assert_int_equal(parse(&c, 2, a3, &last), TXCLI_EXIT_USAGE);
	assert_int_equal(parse(&c, 2, a4, &last), TXCLI_EXIT_USAGE);
	assert_int_equal(parse(&c, 2, a5, &last), TXCLI_EXIT_USAGE);
	assert_int_equal(parse(&c, 2, a6, &last), TXCLI_EXIT_USAGE);
	assert_int_equal(parse(&c, 2, a7, &last), TXCLI_EXIT_USAGE);
	assert_int_equal(TXCLI_STATUS(TXCLI_EXIT_USAGE), 2);
	assert_int_equal(helped, 1);
}

static void
test_choice(void **state)
{
	static const char *const modes[] = { "auto", "space", "break", NULL };
	struct txcli c;

	(void)state;
	txcli_init(&c, "t", NULL);
	assert_int_equal(txcli_choice(&c, "-n", "auto", modes), 0);
	assert_int_equal(txcli_choice(&c, "-n", "break", modes), 2);
	assert_int_equal(txcli_choice(&c, "-n", "brake", modes), -1);
	assert_int_equal(txcli_choice(&c, "-n", "", modes), -1);
}

static void
test_bytes(void **state)
{
	static const struct { const char *arg; size_t want; } ok[] = {
		{ "65536", 65536 }, { "64K", 65536 }, { "64k", 65536 },
		{ "2M", 2 << 20 }, { "1g", (size_t)1 << 30 }, { "100000", 100000 },
	};
	static const char *const bad[] = {
		"", "K", "-1", "+5", "1KB", "1T", "1.5M", " 64K", "65535", "0",
		"99999999999999999999", "18014398509481984K"
	};
	struct txcli c;
	size_t i, v;

	(void)state;
	txcli_init(&c, "t", NULL);
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = 0;
		assert_int_equal(txcli_bytes(&c, "--w", ok[i].arg, 65536, &v), 0);
		assert_int_equal(v, ok[i].want);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 7;
		assert_int_equal(txcli_bytes(&c, "--w", bad[i], 65536, &v), -1);
		assert_int_equal(v, 7);
	}
}

static void
test_close_stdout(void **state)
{
	struct txout w;
	struct txcli c;
	int fd;

	(void)state;
	txcli_init(&c, "t", NULL);
	assert_int_equal(txout_init(&w, open("/dev/null", O_WRONLY)), 0);
	txout_puts(&w, "x");
	assert_int_equal(txcli_close_stdout(&c, &w), 0);
	if ((fd = open("/dev/full", O_WRONLY)) < 0)
		skip();
	assert_int_equal(txout_init(&w, fd), 0);
	txout_puts(&w, "x");
	assert_int_equal(txcli_close_stdout(&c, &w), 1);
	assert_int_equal(txcli_fatal(&c, NULL, ENOMEM), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_framing),
		cmocka_unit_test(test_help_version_bad),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_close_stdout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
