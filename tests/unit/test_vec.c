#include "harness.h"
#include "vec.h"

static void
test_grow(void **state)
{
	int *a = NULL;
	size_t cap = 0, i;

	(void)state;
	assert_int_equal(txvec_grow((void **)&a, &cap, 1, sizeof(*a)), 0);
	assert_int_equal(cap, 64);
	a[0] = 7;
	assert_int_equal(txvec_grow((void **)&a, &cap, 64, sizeof(*a)), 0);
	assert_int_equal(cap, 64);	/* room enough: unchanged */
	assert_int_equal(txvec_grow((void **)&a, &cap, 1000, sizeof(*a)), 0);
	assert_int_equal(cap, 1024);
	for (i = 0; i < 1000; i++)
		a[i] = (int)i;
	assert_int_equal(a[999], 999);
	/* an impossible size fails and leaves the array as it was */
	assert_int_equal(txvec_grow((void **)&a, &cap, (size_t)-1 / 2, sizeof(*a)), -1);
	assert_int_equal(cap, 1024);
	assert_int_equal(a[999], 999);
	free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
