/*
 * mklex: compiles word lists into a tx lexicon (see lexicon.h).
 *
 *   mklex -o OUT [-u UNIGRAMS] [-b BIGRAMS] [WORDLIST ...]
 *
 * UNIGRAMS: "word count" lines (SymSpell's frequency dictionary; a BOM is
 * skipped).  BIGRAMS: "word word count" lines.  WORDLIST: one word a line
 * (SCOWL), marking words as known.  A listed word that the frequency list
 * lacks (SymSpell's lists are British: "airplane") gets a count from its
 * SCOWL size, the number ending the list's name: size 10 is the most common.
 * A word of a list of size 80 or more is only flagged LEX_RARE, with no
 * count: a real word, too rare to count as a dictionary word; of those,
 * forms with an apostrophe (possessives) are left out.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "mklex: %s: %s\n", what, why);
	exit(1);
}

static FILE *
open_list(const char *path)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		die(path, strerror(errno));
	return f;
}

static char *
next_line(FILE *f, char **buf, size_t *cap, int *first)
{
	ssize_t n = getline(buf, cap, f);
	char *s;

	if (n < 0)
		return NULL;
	s = *buf;
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	if (*first && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	*first = 0;
	return s;
}

/* A count for a word of SCOWL size `size`, in the frequency list's scale. */
static unsigned long long
size_count(const char *path)
{
	const char *dot = strrchr(path, '.');
	int size = dot != NULL ? atoi(dot + 1) : 0;

	return size <= 10 ? 50000000ULL : size <= 20 ? 20000000ULL :
	    size <= 35 ? 5000000ULL : size <= 40 ? 2000000ULL :
	    size <= 50 ? 1000000ULL : size <= 55 ? 500000ULL :
	    size <= 60 ? 300000ULL : 100000ULL;
}

static unsigned
case_flag(const char *w)
{
	return *w >= 'A' && *w <= 'Z' ? LEX_UPPER : LEX_LOWER;
}

int
main(int argc, char *argv[])
{
	const char *out = NULL, *uni = NULL, *bi = NULL;
	struct lexbuild *b;
	char *buf = NULL, *s, *sp, *sp2, *end;
	size_t cap = 0;
	unsigned long long count;
	int c, fd, first;
	FILE *f;

	while ((c = getopt(argc, argv, "o:u:b:")) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'u':
			uni = optarg;
			break;
		case 'b':
			bi = optarg;
			break;
		default:
			fprintf(stderr, "usage: mklex -o out [-u unigrams] [-b bigrams] [wordlist ...]\n");
			return 2;
		}
	}
	if (out == NULL) {
		fprintf(stderr, "usage: mklex -o out [-u unigrams] [-b bigrams] [wordlist ...]\n");
		return 2;
	}
	if ((b = lexb_new()) == NULL)
		die("memory", strerror(ENOMEM));
	if (uni != NULL) {
		f = open_list(uni);
		first = 1;
		while ((s = next_line(f, &buf, &cap, &first)) != NULL) {
			if ((sp = strchr(s, ' ')) == NULL)
				continue;
			count = strtoull(sp + 1, &end, 10);
			if (lexb_add(b, s, (size_t)(sp - s), count, LEX_COUNTED) != 0)
				die(uni, strerror(ENOMEM));
		}
		fclose(f);
	}
	if (bi != NULL) {
		f = open_list(bi);
		first = 1;
		while ((s = next_line(f, &buf, &cap, &first)) != NULL) {
			if ((sp = strchr(s, ' ')) == NULL ||
			    (sp2 = strchr(sp + 1, ' ')) == NULL)
				continue;
			count = strtoull(sp2 + 1, &end, 10);
			if (lexb_add_pair(b, s, (size_t)(sp - s), sp + 1,
			    (size_t)(sp2 - sp - 1), count) != 0)
				die(bi, strerror(ENOMEM));
		}
		fclose(f);
	}
	for (; optind < argc; optind++) {
		const char *dot = strrchr(argv[optind], '.');
		int rare = dot != NULL && atoi(dot + 1) >= 80;

		f = open_list(argv[optind]);
		first = 1;
		while ((s = next_line(f, &buf, &cap, &first)) != NULL)
			if (*s != '\0' && !(rare && strchr(s, '\'') != NULL) &&
			    lexb_add_listed(b, s, strlen(s),
			    rare ? LEX_RARE : case_flag(s), rare ? 0 :
			    size_count(argv[optind])) != 0)
				die(argv[optind], strerror(ENOMEM));
		fclose(f);
	}
	free(buf);
	if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		die(out, strerror(errno));
	if (lexb_write(b, fd, "mklex") != 0 || close(fd) != 0)
		die(out, strerror(errno));
	lexb_free(b);
	return 0;
}
