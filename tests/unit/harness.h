/* What the unit tests share: cmocka and a file holding given bytes. */
#ifndef TX_TEST_HARNESS_H
#define TX_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* A descriptor open for reading on a temporary file holding s[0..n). */
static inline int
fd_with(const char *s, size_t n)
{
	FILE *f = tmpfile();
	int fd;

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	fflush(f);
	fd = dup(fileno(f));
	fclose(f);
	assert_true(fd >= 0);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

#endif
