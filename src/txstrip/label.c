#include <stdlib.h>
#include <string.h>

#include "block.h"
#include "hash.h"
#include "label.h"
#include "utf8.h"
#include "vec.h"

struct truth {
	uint64_t *slot;		/* hashes of word trigrams and of whole lines */
	size_t cap;
};

struct toks {
	uint64_t *h;
	size_t n, cap;
	int failed;
};

static void
tok(void *arg, const char *w, size_t n)
{
	struct toks *t = arg;
	uint64_t h = txhash_start(n, 0x70b);
	size_t i = 0;
	int len;
	int32_t cp;

	while (i < n) {
		cp = txu8_at(w, n, i, &len);
		h = txhash_block(h, (uint64_t)(uint32_t)txu8_tolower(cp));
		i += (size_t)len;
	}
	if (txvec_grow((void **)&t->h, &t->cap, t->n + 1, sizeof(*t->h)) != 0) {
		t->failed = 1;
		return;
	}
	t->h[t->n++] = txhash_end(h, 0, 0);
}

static uint64_t
seq(const uint64_t *h, size_t n, uint64_t kind)
{
	uint64_t x = txhash_start(n, kind);
	size_t i;

	for (i = 0; i < n; i++)
		x = txhash_block(x, h[i]);
	return txhash_end(x, 0, 0) | 1;
}

static void
add(struct truth *t, uint64_t k)
{
	size_t i = (size_t)k & (t->cap - 1);

	while (t->slot[i] != 0 && t->slot[i] != k)
		i = (i + 1) & (t->cap - 1);
	t->slot[i] = k;
}

static int
has(const struct truth *t, uint64_t k)
{
	size_t i = (size_t)k & (t->cap - 1);

	while (t->slot[i] != 0) {
		if (t->slot[i] == k)
			return 1;
		i = (i + 1) & (t->cap - 1);
	}
	return 0;
}

struct truth *
truth_new(const char *s, size_t n)
{
	struct truth *t;
	struct toks all = { 0 }, line = { 0 };
	const char *nl;
	size_t i, pos, lines = 1, end;

	for (i = 0; i < n; i++)
		lines += s[i] == '\n';
	feat_words(s, n, tok, &all);
	if (all.failed || (t = calloc(1, sizeof(*t))) == NULL) {
		free(all.h);
		return NULL;
	}
	t->cap = 64;
	while (t->cap < 2 * (all.n + lines))
		t->cap <<= 1;
	if ((t->slot = calloc(t->cap, sizeof(*t->slot))) == NULL) {
		free(all.h);
		free(t);
		return NULL;
	}
	for (i = 0; i + 3 <= all.n; i++)
		add(t, seq(all.h + i, 3, 3));
	for (pos = 0; pos < n; pos = end + 1) {
		nl = memchr(s + pos, '\n', n - pos);
		end = nl ? (size_t)(nl - s) : n;
		line.n = 0;
		feat_words(s + pos, end - pos, tok, &line);
		if (line.failed)
			break;
		if (line.n > 0)
			add(t, seq(line.h, line.n, 1));
	}
	free(all.h);
	free(line.h);
	if (line.failed) {
		truth_free(t);
		return NULL;
	}
	return t;
}

void
truth_free(struct truth *t)
{
	if (t == NULL)
		return;
	free(t->slot);
	free(t);
}

int
truth_label(const struct truth *t, const char *s, size_t n)
{
	struct toks b = { 0 };
	size_t i, j, covered = 0, upto = 0;
	int rc;

	feat_words(s, n, tok, &b);
	if (b.failed) {
		free(b.h);
		return -1;
	}
	if (b.n == 0)
		rc = 0;
	else if (has(t, seq(b.h, b.n, 1)))
		rc = 1;
	else {
		for (i = 0; i + 3 <= b.n; i++)
			if (has(t, seq(b.h + i, 3, 3)))
				for (j = i > upto ? i : upto; j < i + 3; j++, upto = j)
					covered++;
		rc = covered * 2 >= b.n;
	}
	free(b.h);
	return rc;
}
