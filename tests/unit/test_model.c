/*
 * The model file format: a round trip, byte order, and every truncation
 * and every flipped byte of a file refused without a read out of bounds.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "harness.h"
#include "hash.h"
#include "model.h"

static char path[64];

static size_t
write_model(unsigned char *copy, size_t cap)
{
	static const unsigned char nums[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	const struct txmodel_sec sec[] = {
		{ "weights", nums, 8 },
		{ "names", "PER\0ORG\0LOC", 11 },
		{ "empty", NULL, 0 },
	};
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/tmp/txmodel.%ld", (long)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(txmodel_write(fd, "test_model", "test-kind-1", sec, 3), 0);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, copy, cap);
	close(fd);
	assert_true(n > 0 && (size_t)n < cap);
	return (size_t)n;
}

static void
put_file(const unsigned char *s, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
}

static void
test_round_trip(void **state)
{
	unsigned char buf[1024];
	struct txmodel m;
	const unsigned char *p;
	const char *why;
	size_t n, len;

	(void)state;
	n = write_model(buf, sizeof(buf));
	/* header, 3 table entries, 8 + 16 (11 padded) + 0 bytes of sections */
	assert_int_equal(n, 96 + 3 * 32 + 8 + 16);
	assert_int_equal(txmodel_open(&m, path, "test-kind-1", &why), TXMODEL_OK);
	assert_string_equal(m.producer, "test_model");
	assert_string_equal(m.kind, "test-kind-1");
	p = txmodel_section(&m, "weights", &len);
	assert_non_null(p);
	assert_int_equal(len, 8);
	assert_int_equal((uintptr_t)p % 8, 0);
	assert_int_equal(txmodel_get64(p), 0x0807060504030201ULL);
	assert_int_equal(txmodel_get32(p + 4), 0x08070605);
	p = txmodel_section(&m, "names", &len);
	assert_int_equal(len, 11);
	assert_memory_equal(p, "PER\0ORG\0LOC", 11);
	assert_non_null(txmodel_section(&m, "empty", &len));
	assert_int_equal(len, 0);
	assert_null(txmodel_section(&m, "absent", &len));
	txmodel_close(&m);
	/* any kind, or this kind only */
	assert_int_equal(txmodel_open(&m, path, NULL, &why), TXMODEL_OK);
	txmodel_close(&m);
	assert_int_equal(txmodel_open(&m, path, "txner-1", &why), TXMODEL_EKIND);
	unlink(path);
}

/*
 * Version 1 files, whose checksum chains txhash over the sections, are
 * read still; a version 2 file must carry txhash_wide's; no later version
 * is read.
 */
static void
test_versions(void **state)
{
	static const unsigned char zero[8];
	unsigned char buf[1024];
	const unsigned char *s;
	struct txmodel m;
	const char *why;
	uint64_t h;
	size_t n;
	uint32_t i;

	(void)state;
	n = write_model(buf, sizeof(buf));
	assert_int_equal(txmodel_get32(buf + 8), 2);
	txmodel_put32(buf + 8, 1);
	txmodel_put64(buf + 88, 0);
	h = txhash(buf, 88, 0);
	h = txhash(zero, 8, h);
	h = txhash(buf + 96, 3 * 32, h);
	for (i = 0; i < 3; i++) {
		s = buf + 96 + 32 * i;
		h = txhash(buf + txmodel_get64(s + 16), txmodel_get64(s + 24), h);
	}
	txmodel_put64(buf + 88, h);
	put_file(buf, n);
	assert_int_equal(txmodel_open(&m, path, "test-kind-1", &why), TXMODEL_OK);
	assert_int_equal(m.version, 1);
	txmodel_close(&m);
	txmodel_put32(buf + 8, 2);
	put_file(buf, n);
	assert_int_equal(txmodel_open(&m, path, NULL, &why), TXMODEL_ECORRUPT);
	txmodel_put32(buf + 8, 3);
	put_file(buf, n);
	assert_int_equal(txmodel_open(&m, path, NULL, &why), TXMODEL_EVERSION);
	unlink(path);
}

static void
test_byte_order(void **state)
{
	unsigned char b[8];

	(void)state;
	txmodel_put64(b, 0x1122334455667788ULL);
	assert_memory_equal(b, "\x88\x77\x66\x55\x44\x33\x22\x11", 8);
	txmodel_put32(b, 0xA1B2C3D4);
	assert_memory_equal(b, "\xD4\xC3\xB2\xA1", 4);
	txmodel_put16(b, 0xBEEF);
	assert_memory_equal(b, "\xEF\xBE", 2);
	assert_int_equal(txmodel_get16(b), 0xBEEF);
}

static void
test_refused(void **state)
{
	unsigned char buf[1024], bad[1024];
	struct txmodel m;
	const char *why;
	size_t n, i;

	(void)state;
	n = write_model(buf, sizeof(buf));
	/* every truncation */
	for (i = 0; i < n; i++) {
		put_file(buf, i);
		assert_true(txmodel_open(&m, path, NULL, &why) < 0);
		assert_non_null(why);
	}
	/* every byte changed */
	for (i = 0; i < n; i++) {
		memcpy(bad, buf, n);
		bad[i] ^= 0x40;
		put_file(bad, n);
		if (txmodel_open(&m, path, "test-kind-1", &why) >= 0)
			fail_msg("byte %zu changed, file accepted", i);
	}
	/* a byte more */
	memcpy(bad, buf, n);
	bad[n] = 0;
	put_file(bad, n + 1);
	assert_int_equal(txmodel_open(&m, path, NULL, &why), TXMODEL_ECORRUPT);
	put_file((const unsigned char *)"TXLEX\0\1\0", 8);
	assert_int_equal(txmodel_open(&m, path, NULL, &why), TXMODEL_EFOREIGN);
	assert_int_equal(txmodel_open(&m, "/nonexistent", NULL, &why), TXMODEL_ESYS);
	assert_int_equal(txmodel_open(&m, "/tmp", NULL, &why), TXMODEL_ESYS);
	unlink(path);
}

static void
test_bad_arguments(void **state)
{
	const struct txmodel_sec longname = { "a-name-too-long!", "x", 1 };
	int fd = open("/dev/null", O_WRONLY);

	(void)state;
	assert_int_equal(txmodel_write(fd, "p", "k", &longname, 1), -1);
	assert_int_equal(errno, EINVAL);
	close(fd);
	if ((fd = open("/dev/full", O_WRONLY)) < 0)
		skip();
	assert_int_equal(txmodel_write(fd, "p", "k", NULL, 0), -1);
	assert_int_equal(errno, ENOSPC);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_byte_order),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
