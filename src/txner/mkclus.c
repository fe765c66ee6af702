/*
 * mkclus: word classes for txner from word vectors, by spherical k-means.
 *
 *   mkclus K VECFILE > classes.tsv
 *
 * VECFILE: fastText's text vectors ("COUNT DIM" and then "word v1 .. vDIM"
 * a line, the most frequent word first).  Writes "word<TAB>c0<TAB>c1<TAB>c2"
 * a line: c0 one of K classes of the words, c1 one of K/4 classes of those
 * classes and c2 one of K/16, so the three levels nest and a word's class
 * at a coarser level is shared by more words.  K is a multiple of 16, at
 * most 65536.  Deterministic: the first centroids are words evenly spaced
 * by frequency rank, and every sum is taken in the same order.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ITERATIONS 20
#define LEVELS 3

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "mkclus: %s: %s\n", what, why);
	exit(1);
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (p == NULL)
		die("memory", strerror(ENOMEM));
	return p;
}

static void
unit(float *v, size_t dim)
{
	double s = 0;
	size_t d;

	for (d = 0; d < dim; d++)
		s += (double)v[d] * v[d];
	s = sqrt(s);
	if (s > 0)
		for (d = 0; d < dim; d++)
			v[d] = (float)(v[d] / s);
}

/*
 * Clusters the n unit vectors x (dim each) into k classes: class[i] for
 * each, and the k unit centroids into cen.
 */
static void
kmeans(const float *x, size_t n, size_t dim, size_t k, unsigned *class, float *cen)
{
	double *sum = xcalloc(k * dim, sizeof(*sum));
	size_t i, c, d, *count = xcalloc(k, sizeof(*count));
	int it;

	for (c = 0; c < k; c++)
		memcpy(cen + c * dim, x + (c * n / k) * dim, dim * sizeof(*cen));
	for (it = 0; it < ITERATIONS; it++) {
		memset(sum, 0, k * dim * sizeof(*sum));
		memset(count, 0, k * sizeof(*count));
		for (i = 0; i < n; i++) {
			const float *v = x + i * dim;
			float best = -INFINITY;
			unsigned arg = 0;

			for (c = 0; c < k; c++) {
				const float *m = cen + c * dim;
				float dot = 0;

				for (d = 0; d < dim; d++)
					dot += v[d] * m[d];
				if (dot > best) {
					best = dot;
					arg = (unsigned)c;
				}
			}
			class[i] = arg;
			count[arg]++;
			for (d = 0; d < dim; d++)
				sum[arg * dim + d] += v[d];
		}
		/* a class left empty keeps its centroid */
		for (c = 0; c < k; c++)
			if (count[c] > 0) {
				for (d = 0; d < dim; d++)
					cen[c * dim + d] = (float)sum[c * dim + d];
				unit(cen + c * dim, dim);
			}
	}
	free(sum);
	free(count);
}

int
main(int argc, char *argv[])
{
	FILE *fp;
	char *line = NULL, **word, *end;
	size_t cap = 0, nword = 0, dim = 0, maxword, i, d, k[LEVELS];
	unsigned *class[LEVELS];
	float *vec, *cen[LEVELS];
	long kk;
	int l;

	if (argc != 3) {
		fputs("usage: mkclus K vecfile\n", stderr);
		return 2;
	}
	kk = strtol(argv[1], &end, 10);
	if (end == argv[1] || *end != '\0' || kk < 16 || kk > 65536 || kk % 16 != 0) {
		fprintf(stderr, "mkclus: %s: K must be a multiple of 16, at most 65536\n", argv[1]);
		return 2;
	}
	if ((fp = fopen(argv[2], "r")) == NULL)
		die(argv[2], strerror(errno));
	if (getline(&line, &cap, fp) < 0 || sscanf(line, "%zu %zu", &maxword, &dim) != 2 ||
	    dim == 0 || dim > 10000 || maxword > 100000000)
		die(argv[2], "not fastText text vectors (\"COUNT DIM\" first)");
	word = xcalloc(maxword + 1, sizeof(*word));
	vec = xcalloc((maxword + 1) * dim, sizeof(*vec));
	while (nword < maxword && getline(&line, &cap, fp) > 0) {
		char *p = strchr(line, ' '), *q;

		if (p == NULL)
			die(argv[2], "a line without a vector");
		*p++ = '\0';
		if (strcmp(line, "</s>") == 0)
			continue;
		for (d = 0; d < dim; d++) {
			vec[nword * dim + d] = strtof(p, &q);
			if (q == p)
				die(argv[2], "a vector shorter than DIM");
			p = q;
		}
		if ((word[nword] = strdup(line)) == NULL)
			die("memory", strerror(ENOMEM));
		unit(vec + nword * dim, dim);
		nword++;
	}
	if (ferror(fp))
		die(argv[2], strerror(errno));
	fclose(fp);
	free(line);
	k[0] = (size_t)kk;
	for (l = 1; l < LEVELS; l++)
		k[l] = k[l - 1] / 4;
	if (nword < k[0])
		die(argv[2], "fewer words than classes");
	/* level l clusters the centroids of level l - 1 */
	for (l = 0; l < LEVELS; l++) {
		class[l] = xcalloc(l == 0 ? nword : k[l - 1], sizeof(*class[l]));
		cen[l] = xcalloc(k[l] * dim, sizeof(*cen[l]));
		kmeans(l == 0 ? vec : cen[l - 1], l == 0 ? nword : k[l - 1], dim, k[l],
		    class[l], cen[l]);
	}
	for (i = 0; i < nword; i++) {
		unsigned c = class[0][i];

		printf("%s", word[i]);
		for (l = 0; l < LEVELS; l++) {
			printf("\t%u", c);
			if (l + 1 < LEVELS)
				c = class[l + 1][c];
		}
		putchar('\n');
		free(word[i]);
	}
	for (l = 0; l < LEVELS; l++) {
		free(class[l]);
		free(cen[l]);
	}
	free(word);
	free(vec);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("stdout", strerror(errno));
	return 0;
}
