#include <errno.h>
#include <fcntl.h>

#include "harness.h"
#include "output.h"

static void
test_buffered(void **state)
{
	struct txout w;
	FILE *f = tmpfile();
	char buf[200000], *big = malloc(150000);
	size_t n;

	(void)state;
	memset(big, 'x', 150000);
	assert_int_equal(txout_init(&w, dup(fileno(f))), 0);
	assert_int_equal(txout_puts(&w, "a"), 0);
	assert_int_equal(txout_putc(&w, 'b'), 0);
	assert_int_equal(txout_putu(&w, 0), 0);
	assert_int_equal(txout_putu(&w, 18446744073709551615ULL), 0);
	assert_int_equal(txout_write(&w, big, 150000), 0);	/* larger than the buffer */
	assert_int_equal(txout_puts(&w, "z"), 0);
	assert_int_equal(txout_close(&w), 0);
	rewind(f);
	n = fread(buf, 1, sizeof(buf), f);
	assert_int_equal(n, 2 + 1 + 20 + 150000 + 1);
	assert_memory_equal(buf, "ab018446744073709551615x", 24);
	assert_int_equal(buf[n - 1], 'z');
	fclose(f);
	free(big);
}

static void
test_full_disk(void **state)
{
	struct txout w;
	int fd = open("/dev/full", O_WRONLY);

	(void)state;
	if (fd < 0)
		skip();
	assert_int_equal(txout_init(&w, fd), 0);
	assert_int_equal(txout_puts(&w, "lost"), 0);	/* buffered: no error yet */
	assert_int_equal(txout_close(&w), -1);
	assert_int_equal(w.err, ENOSPC);
}

static void
test_sticky(void **state)
{
	struct txout w;

	(void)state;
	assert_int_equal(txout_init(&w, -1), 0);
	assert_int_equal(txout_flush(&w), 0);	/* nothing to write */
	assert_int_equal(txout_puts(&w, "x"), 0);
	assert_int_equal(txout_flush(&w), -1);
	assert_int_equal(w.err, EBADF);
	assert_int_equal(txout_puts(&w, "y"), -1);
	assert_int_equal(txout_close(&w), -1);
	assert_int_equal(w.err, EBADF);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffered),
		cmocka_unit_test(test_full_disk),
		cmocka_unit_test(test_sticky),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
