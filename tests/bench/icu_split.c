/*
 * The baseline for txsplit's throughput: ICU's own sentence iterator over
 * the same UTF-8 bytes (UText, no conversion), writing nothing.  Prints the
 * sentence count and the MB/s inside the iterator; the whole process is
 * timed by the caller.  With -s, writes the sentences instead, one a line
 * (white space at their ends dropped, a newline inside one a space), for
 * the scorer: ICU's accuracy as a peer's.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

int
main(int argc, char *argv[])
{
	UErrorCode err = U_ZERO_ERROR;
	struct timespec t0, t1;
	UBreakIterator *bi;
	UText *ut;
	FILE *f;
	char *buf;
	long n, count = 0, prev = 0, a, b, i;
	int32_t at;
	double secs;
	int sentences = argc == 3 && strcmp(argv[1], "-s") == 0;

	if (argc != 2 + sentences || (f = fopen(argv[1 + sentences], "rb")) == NULL) {
		fprintf(stderr, "usage: icu_split [-s] file\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	if ((buf = malloc((size_t)n)) == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		return 1;
	fclose(f);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ut = utext_openUTF8(NULL, buf, n, &err);
	bi = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &err);
	ubrk_setUText(bi, ut, &err);
	if (U_FAILURE(err)) {
		fprintf(stderr, "icu_split: %s\n", u_errorName(err));
		return 1;
	}
	while ((at = ubrk_next(bi)) != UBRK_DONE) {
		count++;
		if (!sentences)
			continue;
		for (a = prev; a < at && isspace((unsigned char)buf[a]); a++)
			;
		for (b = at; b > a && isspace((unsigned char)buf[b - 1]); b--)
			;
		for (i = a; i < b; i++)
			putchar(buf[i] == '\n' || buf[i] == '\r' ? ' ' : buf[i]);
		if (b > a)
			putchar('\n');
		prev = at;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!sentences)
		printf("%ld sentences, %.1f MB/s inside the iterator\n", count, n / secs / 1e6);
	ubrk_close(bi);
	utext_close(ut);
	free(buf);
	return 0;
}
