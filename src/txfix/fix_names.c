/*
 * fix_names: names, a name misspelled once in a document where the right
 * spelling is used at least NAME_MIN times (possessives counted).
 *
 * Every deletion variant of each name used that often goes into a hash
 * (a symmetric-delete index), so that a name used once finds the names
 * one edit away in O(length) probes.  The edit must be a misspelling's
 * (one letter replaced, two swapped, or one added or dropped before the
 * last two letters), the right spelling must be no lower-case word, and
 * exactly one spelling must qualify.  The lexicon's counts never decide:
 * only the document's own evidence does.
 */
#include <stdlib.h>
#include <string.h>

#include "fix_impl.h"
#include "hash.h"
#include "vec.h"

/* A small ASCII letter, or a byte of a letter beyond ASCII. */
static int
small(char c)
{
	return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

static int
edit1(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j;

	if (an == bn) {
		while (i < an && a[i] == b[i])
			i++;
		if (i == an)
			return 0;
		/* one substitution, or two letters swapped */
		if (memcmp(a + i + 1, b + i + 1, an - i - 1) == 0)
			return 1;
		return i + 1 < an && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, an - i - 2) == 0;
	}
	if (an + 1 == bn)
		return edit1(b, bn, a, an);
	if (an != bn + 1)
		return 0;
	while (i < bn && a[i] == b[i])
		i++;
	for (j = i; j < bn; j++)
		if (a[j + 1] != b[j])
			return 0;
	return 1;
}

/*
 * Whether the edit from a to b may be a misspelling: of the same length
 * (a letter replaced or two swapped, anywhere), or a letter added or
 * dropped before the last two letters of the shorter, since endings vary
 * on purpose (Gallagher, Gallaghers); and where it starts both have a
 * small letter (or a letter beyond ASCII), not a capital of an acronym,
 * a hyphen or a digit ("UK-based" is no "US-based").
 */
static int
early_edit(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, m = an < bn ? an : bn;

	while (i < m && a[i] == b[i])
		i++;
	if ((i < an && !small(a[i])) || (i < bn && !small(b[i])))
		return 0;
	return an == bn || i + 2 < m;
}

/* Capitalized words and hyphenated names: "Gallagher", "Baker-Wood". */
static int
name_like(const struct txtok *t, const char *s)
{
	return t->kind == TXTOK_WORD && (t->flags & TXTOK_UPPER) &&
	    !(t->flags & TXTOK_ALLCAPS) && t->end - t->start >= NAME_MINLEN &&
	    t->end - t->start <= MAXWORD && s[t->start] != '\0';
}

/* How often the document uses name w[0..n) (count times as spelt), its possessives too. */
static unsigned
name_uses(struct fixer *fx, const char *w, size_t n, unsigned count)
{
	static const char *const ends[] = { "'s", "\xE2\x80\x99s" };
	char buf[MAXWORD + 4];
	size_t k;

	for (k = 0; k < 2 && n + strlen(ends[k]) <= sizeof(buf); k++) {
		memcpy(buf, w, n);
		memcpy(buf + n, ends[k], strlen(ends[k]));
		count += fx_doc_count(fx, buf, n + strlen(ends[k]));
	}
	return count;
}

/* txhash of s[0..n) (n <= MAXWORD) without its byte skip (none if skip >= n). */
static uint64_t
del_hash(const char *s, size_t n, size_t skip)
{
	char buf[MAXWORD];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof(buf); i++)
		if (i != skip)
			buf[k++] = s[i];
	return txhash(buf, k, 0);
}

int
rule_names(struct fixer *fx)
{
	const char *s = fx->s, *w, *c;
	const struct txtok *t, *u;
	struct dword *dw;
	size_t i, d, n, cn, cap, slot, found, total = 0;

	/*
	 * Every deletion variant of each frequent name goes into a hash, so
	 * that a rare name finds the names one edit away in O(length).
	 */
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		if (!name_like(t, s))
			continue;
		dw = fx_tok_word(fx, i);
		/* once a spelling: its uses are the document's, wherever it stands */
		if (dw->indexed != 0)
			continue;
		dw->indexed = name_uses(fx, s + t->start, t->end - t->start,
		    dw->count) >= NAME_MIN ? 1 : 3;
		if (dw->indexed == 1)
			total += t->end - t->start + 1;
	}
	if (total == 0)
		return 0;
	for (cap = 1024; cap < total * 2; cap *= 2)
		;
	if (txvec_grow((void **)&fx->names, &fx->namescap, cap, sizeof(*fx->names)) != 0)
		return -1;
	memset(fx->names, 0xFF, cap * sizeof(*fx->names));
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		if (!name_like(t, s))
			continue;
		dw = fx_tok_word(fx, i);
		if (dw->indexed != 1)
			continue;
		dw->indexed = 2;
		n = t->end - t->start;
		for (d = 0; d <= n; d++) {
			slot = del_hash(s + t->start, n, d) & (cap - 1);
			while (fx->names[slot] != (size_t)-1)
				slot = (slot + 1) & (cap - 1);
			fx->names[slot] = i;
		}
	}
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		w = s + t->start;
		n = t->end - t->start;
		if (!name_like(t, s) || fx_tok_word(fx, i)->count != 1 ||
		    (lex_flags(fx->lx, fx_tok_lex(fx, i)) & (LEX_LOWER | LEX_UPPER)))
			continue;
		found = (size_t)-1;
		for (d = 0; d <= n && found != (size_t)-2; d++) {
			for (slot = del_hash(w, n, d) & (cap - 1);
			    fx->names[slot] != (size_t)-1;
			    slot = (slot + 1) & (cap - 1)) {
				u = &fx->tk[fx->names[slot]];
				c = s + u->start;
				cn = u->end - u->start;
				/*
				 * The right spelling is a name, not a word (Rond is no
				 * Road), and the edit is a misspelling's (early_edit).
				 */
				if (c[0] != w[0] || !edit1(w, n, c, cn) ||
				    !early_edit(w, n, c, cn) ||
				    (lex_flags(fx->lx, fx_lookup(fx, c, cn)) & LEX_LOWER))
					continue;
				if (found != (size_t)-1 && (fx->tk[found].end -
				    fx->tk[found].start != cn || memcmp(s +
				    fx->tk[found].start, c, cn) != 0)) {
					found = (size_t)-2;	/* two candidates: leave it */
					break;
				}
				found = fx->names[slot];
			}
		}
		if (found == (size_t)-1 || found == (size_t)-2)
			continue;
		u = &fx->tk[found];
		if (fx_edit(fx, t->start, t->end, R_NAMES, s + u->start,
		    u->end - u->start) != 0)
			return -1;
	}
	return 0;
}
