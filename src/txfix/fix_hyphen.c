/*
 * fix_hyphen: hyphenation, a word broken across lines.
 *
 * At each "-\n" (or "-\r\n") between lower-case ASCII letters, the
 * letters before and after are looked up: where the joined word is a
 * counted word, or a listed one whose first half is not ("hori-|zon"),
 * the hyphen and the line break go; where both halves are words
 * ("self-|service"), only the line break goes.  Otherwise nothing changes.
 */
#include <string.h>

#include "fix_impl.h"

int
rule_hyphenation(struct fixer *fx)
{
	const char *s = fx->s, *q;
	size_t n = fx->n, i, a, b, nl, e;
	char joined[2 * MAXWORD + 2];
	long wa, wb, wj;

	/* from each line break: most text has fewer of them than hyphens */
	for (q = memchr(s, '\n', n); q != NULL; q = nl + 1 < n ?
	    memchr(s + nl + 1, '\n', n - nl - 1) : NULL) {
		nl = (size_t)(q - s);
		i = nl >= 2 && s[nl - 1] == '\r' ? nl - 2 : nl - 1;
		if (nl < 2 || i < 1 || s[i] != '-' ||
		    !(s[i - 1] >= 'a' && s[i - 1] <= 'z') || nl + 1 >= n ||
		    !(s[nl + 1] >= 'a' && s[nl + 1] <= 'z'))
			continue;
		for (a = i; a > 0 && ascii_letter((unsigned char)s[a - 1]); a--)
			;
		/* unsigned: a byte of UTF-8 after the word is no letter */
		for (b = nl + 1; b < n && (unsigned char)s[b] >= 'a' &&
		    (unsigned char)s[b] <= 'z'; b++)
			;
		if (i - a > MAXWORD || b - nl - 1 > MAXWORD)
			continue;
		memcpy(joined, s + a, i - a);
		memcpy(joined + (i - a), s + nl + 1, b - nl - 1);
		e = (i - a) + (b - nl - 1);
		wj = fx_lookup(fx, joined, e);
		wa = fx_lookup(fx, s + a, i - a);
		wb = fx_lookup(fx, s + nl + 1, b - nl - 1);
		if (lex_count(fx->lx, wj) > 0 || (fx_known(fx, wj) && !fx_known(fx, wa))) {
			if (fx_edit(fx, i, nl + 1, R_HYPHENATION, "", 0) != 0)
				return -1;
		} else if (fx_known(fx, wa) && fx_known(fx, wb) &&
		    fx_edit(fx, i + 1, nl + 1, R_HYPHENATION, "", 0) != 0)
			return -1;
	}
	return 0;
}
