/* The suite's hash: the same values on every host, and well mixed. */
#include "harness.h"
#include "hash.h"

static void
test_values(void **state)
{
	(void)state;
	/* computed by an independent Python version of the same function */
	assert_int_equal(txhash("", 0, 0), 0);
	assert_int_equal(txhash("hello world, a longer string", 28, 0),
	    0x59f7aa31e91b6c3fULL);
	assert_int_equal(txhash("abc", 3, 42), 0x7dfaf8f94fe48d0fULL);
	assert_int_equal(txhash_feature(3, "word=Paris", 10, 20), 107296);
}

static int
popcount64(uint64_t x)
{
	int n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

static void
test_mixing(void **state)
{
	unsigned char buf[64];
	uint64_t h[65], base;
	int i, j, bits = 0, flips = 0;

	(void)state;
	for (i = 0; i < 64; i++)
		buf[i] = (unsigned char)(i * 7);
	/* every prefix differs, so lengths and the tail are hashed */
	for (i = 0; i <= 64; i++) {
		h[i] = txhash(buf, (size_t)i, 0);
		for (j = 0; j < i; j++)
			assert_true(h[i] != h[j]);
	}
	/* each input bit flips about half the output bits */
	base = txhash(buf, 40, 0);
	for (i = 0; i < 40 * 8; i++) {
		buf[i / 8] ^= (unsigned char)(1 << (i % 8));
		bits += popcount64(base ^ txhash(buf, 40, 0));
		buf[i / 8] ^= (unsigned char)(1 << (i % 8));
		flips++;
	}
	assert_true(bits / flips >= 28 && bits / flips <= 36);
	assert_true(txhash(buf, 40, 1) != base);
}

/*
 * txhash_wide: values of the same independent Python version (model files
 * carry them: they must not change), every prefix distinct, and every
 * input bit felt.
 */
static void
test_wide(void **state)
{
	unsigned char buf[100];
	uint64_t h[101], base;
	int i, j;

	(void)state;
	for (i = 0; i < 100; i++)
		buf[i] = (unsigned char)(i * 7);
	assert_int_equal(txhash_wide(buf, 100, 0), 0x69aa1a0e89888f59ULL);
	assert_int_equal(txhash_wide(buf, 33, 5), 0x45230262e8fafec8ULL);
	assert_int_equal(txhash_wide(buf, 31, 0), 0xb499c45b2cf3e5ddULL);
	for (i = 0; i <= 100; i++) {
		h[i] = txhash_wide(buf, (size_t)i, 0);
		for (j = 0; j < i; j++)
			assert_true(h[i] != h[j]);
	}
	base = txhash_wide(buf, 100, 0);
	for (i = 0; i < 100 * 8; i++) {
		buf[i / 8] ^= (unsigned char)(1 << (i % 8));
		assert_true(txhash_wide(buf, 100, 0) != base);
		buf[i / 8] ^= (unsigned char)(1 << (i % 8));
	}
}

/* The three steps give txhash's value, whatever the length. */
static void
test_steps(void **state)
{
	unsigned char buf[40];
	uint64_t h, w;
	size_t n, i;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 37 + 1);
	for (n = 0; n <= sizeof(buf); n++) {
		h = txhash_start(n, 5);
		for (i = 0, w = 0; i < n; i++) {
			w |= (uint64_t)buf[i] << (8 * (i & 7));
			if ((i & 7) == 7) {
				h = txhash_block(h, w);
				w = 0;
			}
		}
		assert_int_equal(txhash_end(h, w, n & 7), txhash(buf, n, 5));
	}
}

static void
test_feature(void **state)
{
	unsigned bits;

	(void)state;
	for (bits = 1; bits <= 32; bits++)
		assert_true(bits == 32 ||
		    txhash_feature(1, "suffix=ing", 10, bits) < (1u << bits));
	assert_true(txhash_feature(1, "Paris", 5, 24) !=
	    txhash_feature(2, "Paris", 5, 24));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_mixing),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_feature),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
