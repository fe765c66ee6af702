/*
 * chunks SEED: copies standard input to standard output in writes of
 * pseudo-random sizes (1 to 4,096 bytes, most of them small), so that a
 * program reading the pipe sees its input cut at arbitrary places.  The
 * same seed gives the same sizes.  A test helper, not an installed program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	static char buf[1 << 20];
	unsigned long long x;
	size_t n, i, k, want;
	ssize_t w;

	if (argc != 2) {
		fputs("usage: chunks seed\n", stderr);
		return 2;
	}
	x = strtoull(argv[1], NULL, 10) * 2862933555777941757ULL + 3037000493ULL;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		for (i = 0; i < n; i += k) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			/* a size of 1..2^j bytes, j uniform in 0..12 */
			want = 1 + (size_t)((x >> 33) & ((1u << ((x >> 59) % 13)) - 1));
			k = n - i < want ? n - i : want;
			if ((w = write(STDOUT_FILENO, buf + i, k)) < 0)
				return 1;
			k = (size_t)w;
		}
	return ferror(stdin) ? 1 : 0;
}
