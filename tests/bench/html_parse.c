/*
 * The baseline for txstrip's HTML throughput: libxml2's HTML parser alone,
 * with txstrip's options, over NUL-separated pages read from a file,
 * building each tree and freeing it, writing nothing.  Prints the page
 * count and the MB/s inside the parser; the whole process is timed by the
 * caller.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

int
main(int argc, char *argv[])
{
	struct timespec t0, t1;
	FILE *f;
	char *buf, *p, *end, *nul;
	long n, pages = 0;
	double secs;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
	    HTML_PARSE_NODEFDTD | XML_PARSE_HUGE;

	if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: html_parse file\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	if ((buf = malloc((size_t)n + 1)) == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		return 1;
	fclose(f);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (p = buf, end = buf + n; p < end; p = nul + 1) {
		htmlDocPtr doc;

		if ((nul = memchr(p, '\0', (size_t)(end - p))) == NULL)
			nul = end;
		doc = htmlReadMemory(p, (int)(nul - p), NULL, "UTF-8", opts);
		xmlFreeDoc(doc);
		pages++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld pages, %.1f MB/s inside the parser\n", pages, n / secs / 1e6);
	free(buf);
	return 0;
}
