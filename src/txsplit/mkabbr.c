/*
 * mkabbr: learns English abbreviations from raw text, the way Punkt does
 * (Kiss and Strunk, "Unsupervised Multilingual Sentence Boundary
 * Detection", Computational Linguistics 32(4), 2006).
 *
 *   mkabbr [-m min] [-t threshold] [-l listed]... [-x words]... < TEXT > LIST
 *
 * A word type (the suite's tokenizer's word of letters, lower-cased) is an
 * abbreviation when a full stop follows it far more often than chance.
 * Its score is Dunning's log-likelihood ratio of "a full stop follows
 * this type" at 0.99 against the text's own rate of words before a full
 * stop, times exp(-length) (abbreviations are short) and times
 * length^-(times seen without a full stop) (an abbreviation seldom goes
 * without it).  Types that score at least the threshold (Punkt's 0.3),
 * seen with a full stop at least min times (2: one sighting is a sentence
 * end as often as not) and of two characters or more (single letters are
 * the rules' initials), are learnt.
 *
 * A listed file (SCOWL's english-abbreviations) adds its entries of two to
 * five ASCII letters with one capital at most (an acronym, "FBI" or
 * "ATMs", takes no full stop) unless the text has them without a full stop more often
 * than with one ("min read", "Dan said").  Neither source's entry is kept
 * when a words file (SCOWL's words and names) has it in any case: "Wed"
 * or "max" end a sentence as often as any word.  The list is written lower-cased, a
 * word a line, in byte order.  Deterministic: the same input gives the
 * same list.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "tokens.h"
#include "utf8.h"
#include "vec.h"

#define USAGE "usage: mkabbr [-m min] [-t threshold] [-l listed]... [-x words]... < TEXT > LIST\n"
/* Of a listed file: the longest entry taken. */
#define LISTED_MAX 5
/* Longer words are no abbreviations: exp(-length) leaves them nothing. */
#define TYPE_MAX 16

struct type {
	char *s;		/* NULL: an empty slot */
	size_t n;
	unsigned long with, without;	/* followed by a full stop, or not */
	int listed, word;	/* in a listed file; in a words file */
};

struct counts {
	struct type *t;
	size_t mask, used;
	unsigned long words, stops;	/* words in all, and before a full stop */
};

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "mkabbr: %s: %s\n", what, why);
	exit(1);
}

static struct type *
slot(struct type *t, size_t mask, const char *s, size_t n)
{
	size_t i = (size_t)txhash(s, n, 0) & mask;

	while (t[i].s != NULL && (t[i].n != n || memcmp(t[i].s, s, n) != 0))
		i = (i + 1) & mask;
	return &t[i];
}

/* The count of type s[0..n), made when new; the table at most half full. */
static struct type *
type(struct counts *c, const char *s, size_t n)
{
	struct type *e, *old = c->t, *nt;
	size_t i, slots = c->mask + 1;

	if (2 * (c->used + 1) > slots) {
		if ((nt = calloc(2 * slots, sizeof(*nt))) == NULL)
			die("count", strerror(ENOMEM));
		for (i = 0; i < slots; i++)
			if (old[i].s != NULL)
				*slot(nt, 2 * slots - 1, old[i].s, old[i].n) = old[i];
		free(old);
		c->t = nt;
		c->mask = 2 * slots - 1;
	}
	e = slot(c->t, c->mask, s, n);
	if (e->s == NULL) {
		if ((e->s = malloc(n)) == NULL)
			die("count", strerror(ENOMEM));
		memcpy(e->s, s, n);
		e->n = n;
		c->used++;
	}
	return e;
}

/* Counts the words of text[0..n) and which a full stop follows. */
static void
count(struct counts *c, const char *text, size_t n)
{
	struct txtok t, next;
	char low[TYPE_MAX];
	size_t pos = 0, i;
	struct type *e;
	int letters;

	while (pos < n) {
		pos = txtok_next(text, n, pos, &t);
		if (t.kind != TXTOK_WORD)
			continue;
		c->words++;
		if (t.end - t.start > TYPE_MAX)
			continue;
		/* letters only: "3rd" and "mp3" are no abbreviations */
		letters = 1;
		for (i = t.start; i < t.end && letters; i++)
			letters = (unsigned char)text[i] >= 0x80 ||
			    ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z');
		if (!letters)
			continue;
		for (i = 0; i < t.end - t.start; i++) {
			char ch = text[t.start + i];

			low[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		e = type(c, low, t.end - t.start);
		/* a full stop, not an ellipsis, right after the word */
		if (pos < n && txtok_next(text, n, pos, &next) > pos &&
		    next.kind == TXTOK_PUNCT && next.end - next.start == 1 &&
		    text[pos] == '.') {
			e->with++;
			c->stops++;
		} else
			e->without++;
	}
}

/*
 * Marks the types of file path's lines (Latin-1 or ASCII, as SCOWL's are;
 * lines of other bytes are skipped): listed ones when listed, else words.
 */
static void
mark(struct counts *c, const char *path, int listed)
{
	FILE *f = fopen(path, "r");
	char line[256], low[TYPE_MAX];
	size_t n, i, caps;
	int ascii;

	if (f == NULL)
		die(path, strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		n = strcspn(line, "\r\n");
		ascii = n > 0 && n <= TYPE_MAX;
		for (i = caps = 0; i < n && ascii; i++) {
			ascii = (line[i] | 0x20) >= 'a' && (line[i] | 0x20) <= 'z';
			caps += line[i] >= 'A' && line[i] <= 'Z';
			low[i] = (char)(line[i] | 0x20);
		}
		if (!ascii)
			continue;
		if (!listed)
			type(c, low, n)->word = 1;
		else if (n >= 2 && n <= LISTED_MAX && caps <= 1)
			type(c, low, n)->listed = 1;
	}
	if (ferror(f))
		die(path, strerror(errno));
	fclose(f);
}

/* Dunning's -2 log lambda that k of n sightings of a type precede a full stop, at 0.99 against p. */
static double
likelihood(unsigned long k, unsigned long n, double p)
{
	double null = k * log(p) + (n - k) * log(1 - p);
	double alt = k * log(0.99) + (n - k) * log(0.01);

	return -2 * (null - alt);
}

static int
cmp_type(const void *a, const void *b)
{
	const struct type *x = *(const struct type *const *)a;
	const struct type *y = *(const struct type *const *)b;
	int d = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);

	return d != 0 ? d : (x->n > y->n) - (x->n < y->n);
}

int
main(int argc, char **argv)
{
	struct counts c = { 0 };
	struct type **out = NULL;
	char *text = NULL;
	size_t len = 0, cap = 0, nout = 0, i, chars;
	double threshold = 0.3, p, score;
	unsigned long min = 2;
	const char *files[64];
	int listed[64], nfiles = 0, ch;
	ssize_t k;

	while ((ch = getopt(argc, argv, "l:m:t:x:")) != -1)
		switch (ch) {
		case 'l':
		case 'x':
			if (nfiles == 64)
				die(optarg, "too many lists");
			listed[nfiles] = ch == 'l';
			files[nfiles++] = optarg;
			break;
		case 'm':
			min = strtoul(optarg, NULL, 10);
			break;
		case 't':
			threshold = atof(optarg);
			break;
		default:
			fputs(USAGE, stderr);
			return 2;
		}
	if (optind != argc || min < 1) {
		fputs(USAGE, stderr);
		return 2;
	}
	for (;;) {
		if (txvec_grow((void **)&text, &cap, len + 65536, 1) != 0)
			die("stdin", strerror(ENOMEM));
		if ((k = read(STDIN_FILENO, text + len, cap - len)) < 0)
			die("stdin", strerror(errno));
		if (k == 0)
			break;
		len += (size_t)k;
	}
	if ((c.t = calloc(1024, sizeof(*c.t))) == NULL)
		die("count", strerror(ENOMEM));
	c.mask = 1023;
	count(&c, text, len);
	for (ch = 0; ch < nfiles; ch++)
		mark(&c, files[ch], listed[ch]);
	if (c.stops == 0 || c.stops == c.words)
		die("stdin", "no words before full stops to learn from");
	p = (double)c.stops / (double)c.words;
	if ((out = malloc((c.used + 1) * sizeof(*out))) == NULL)
		die("learn", strerror(ENOMEM));
	for (i = 0; i <= c.mask; i++) {
		struct type *e = &c.t[i];

		if (e->s == NULL || e->word)
			continue;
		if (e->listed) {
			if (e->without <= e->with)
				out[nout++] = e;
			continue;
		}
		if (e->with < min || (chars = txu8_count(e->s, 0, e->n)) < 2)
			continue;
		score = likelihood(e->with, e->with + e->without, p) *
		    exp(-(double)chars) * pow((double)chars, -(double)e->without);
		if (score >= threshold)
			out[nout++] = e;
	}
	qsort(out, nout, sizeof(*out), cmp_type);
	for (i = 0; i < nout; i++)
		printf("%.*s\n", (int)out[i]->n, out[i]->s);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("stdout", strerror(errno));
	for (i = 0; i <= c.mask; i++)
		free(c.t[i].s);
	free(c.t);
	free(out);
	free(text);
	return 0;
}
