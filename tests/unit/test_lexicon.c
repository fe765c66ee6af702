/* txfix's lexicon: build, write, map, query, and reject corrupt files. */
#include <fcntl.h>
#include <sys/stat.h>

#include "harness.h"
#include "lexicon.h"

static char path[64];

static void
write_small(void)
{
	struct lexbuild *b = lexb_new();
	int fd;

	assert_non_null(b);
	assert_int_equal(lexb_add(b, "the", 3, 1000, LEX_COUNTED), 0);
	assert_int_equal(lexb_add(b, "Deal", 4, 50, LEX_COUNTED), 0);	/* lowered */
	assert_int_equal(lexb_add(b, "deal", 4, 25, LEX_LOWER), 0);	/* merged */
	assert_int_equal(lexb_add_listed(b, "Paris", 5, LEX_UPPER, 7), 0);
	assert_int_equal(lexb_add_listed(b, "the", 3, LEX_LOWER, 7), 0);	/* keeps 1000 */
	assert_int_equal(lexb_add_pair(b, "deal", 4, "that", 4, 99), 0);
	assert_int_equal(lexb_add_pair(b, "deal", 4, "that", 4, 1), 0);	/* merged */
	assert_int_equal(lexb_add(b, "\xC3\x89T\xC3\x89", 6, 3, LEX_COUNTED), 0);
	snprintf(path, sizeof(path), "/tmp/txlex.%ld", (long)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(lexb_write(b, fd), 0);
	close(fd);
	lexb_free(b);
}

static void
test_round_trip(void **state)
{
	struct lexicon *lx;
	const char *why;
	long the, deal, that;

	(void)state;
	write_small();
	lx = lex_open(path, &why);
	assert_non_null(lx);
	assert_int_equal(lex_nwords(lx), 5);
	the = lex_find(lx, "the", 3);
	deal = lex_find(lx, "deal", 4);
	that = lex_find(lx, "that", 4);
	assert_true(the >= 0 && deal >= 0 && that >= 0);
	assert_int_equal(lex_count(lx, the), 1000);
	assert_int_equal(lex_flags(lx, the), LEX_COUNTED | LEX_LOWER);
	assert_int_equal(lex_count(lx, deal), 75);
	assert_int_equal(lex_count(lx, lex_find(lx, "paris", 5)), 7);
	assert_int_equal(lex_flags(lx, lex_find(lx, "paris", 5)), LEX_UPPER);
	assert_true(lex_find(lx, "\xC3\xA9t\xC3\xA9", 6) >= 0);	/* lowered: été */
	assert_int_equal(lex_find(lx, "Deal", 4), -1);	/* keys are lower case */
	assert_int_equal(lex_find(lx, "dea", 3), -1);
	assert_int_equal(lex_pair(lx, deal, that), 100);
	assert_int_equal(lex_pair(lx, that, deal), 0);
	assert_int_equal(lex_pair(lx, -1, deal), 0);
	assert_int_equal(lex_total(lx), 1000 + 75 + 7 + 3);
	lex_close(lx);
	unlink(path);
}

static void
corrupt(const char *bytes, size_t n, const char *want)
{
	const char *why = NULL;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_int_equal(write(fd, bytes, n), (ssize_t)n);
	close(fd);
	assert_null(lex_open(path, &why));
	assert_non_null(why);
	assert_non_null(strstr(why, want));
}

static void
test_corrupt(void **state)
{
	char buf[4096];
	struct stat st;
	const char *why;
	ssize_t n;
	int fd;

	(void)state;
	write_small();
	fd = open(path, O_RDONLY);
	fstat(fd, &st);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	assert_int_equal(n, st.st_size);
	corrupt("", 0, "bad header");
	corrupt("TXLEX", 5, "bad header");
	corrupt("not a lexicon, just some text of some length", 44, "bad header");
	corrupt(buf, (size_t)n - 1, "sizes do not match");	/* truncated */
	buf[32 + 4] = 0x7F;	/* the first word's length runs past the pool */
	corrupt(buf, (size_t)n, "bad word table");
	assert_null(lex_open("/nonexistent/x.lex", &why));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_corrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
