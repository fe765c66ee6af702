/*
 * fix_join: joined-words, words run together ("dealthat").
 *
 * Numbers glued to words and words glued after an 's are split by rule
 * (split_glued).  Any other word of ASCII letters (and inner apostrophes)
 * that the lexicon does not list as a word of its own is a candidate:
 * join_candidate finds its likeliest split into 2..NPARTS listed words by
 * a unigram model over the lexicon's counts, raised by the association
 * of listed pairs; join_features describes the candidate (counts, flags
 * and lengths of the word and its parts, pairs with the words either
 * side, the document's own uses, capitals, seams, affixes, the commonest
 * word one edit away) as hashed feature slots, and the logistic scorer
 * that mkjoin.c trains and the lexicon stores weighs them: the split is
 * made when the score passes the lexicon's threshold, chosen for
 * precision.  A candidate is found once per spelling and document.
 */
#include <math.h>
#include <string.h>

#include "fix_impl.h"
#include "hash.h"
#include "lang.h"

/* ASCII letters, and apostrophes between letters: "itwasn't" is a candidate */
static int
join_word(const struct txtok *t, const char *s)
{
	size_t i;

	for (i = t->start; i < t->end; i++)
		if (!ascii_letter((unsigned char)s[i]) && !(s[i] == '\'' &&
		    i > t->start && i + 1 < t->end &&
		    ascii_letter((unsigned char)s[i - 1]) &&
		    ascii_letter((unsigned char)s[i + 1])))
			return 0;
	return 1;
}

/*
 * Whether word w (entry id) is a word in its own right: in a word list, in lower
 * case, or capitalized as written (a name).
 */
static int
listed(const struct fixer *fx, const char *w, long id)
{
	unsigned f = lex_flags(fx->lx, id);

	return (f & LEX_LOWER) || ((f & LEX_UPPER) && w[0] >= 'A' && w[0] <= 'Z');
}


/*
 * Whether the zero-width space at [i, e) stands between two words, not
 * inside one: the letters either side are listed words, and together they
 * are none ("deal|that", not "can|didates").
 */
int
fx_zw_between_words(struct fixer *fx, size_t i, size_t e)
{
	const char *s = fx->s;
	char joined[MAXWORD];
	size_t a, b;

	if (fx->lx == NULL || !fx->english)
		return 0;
	for (a = i; a > 0 && ascii_letter((unsigned char)s[a - 1]); a--)
		;
	for (b = e; b < fx->n && ascii_letter((unsigned char)s[b]); b++)
		;
	if (a == i || b == e || (i - a) + (b - e) > MAXWORD)
		return 0;
	memcpy(joined, s + a, i - a);
	memcpy(joined + (i - a), s + e, b - e);
	return !fx_known(fx, fx_lookup(fx, joined, (i - a) + (b - e))) &&
	    listed(fx, s + a, fx_lookup(fx, s + a, i - a)) &&
	    listed(fx, s + e, fx_lookup(fx, s + e, b - e));
}

/* Two-letter words that may stand alone in a split (others are too rare). */
const char fx_short_words[] =
	"a i am an as at be by do go he if in is it me my no of on or so to "
	"up us we";

/* Beginnings and ends of derived words: "polyrhythmic", "ostinatos" are no joins. */
const char fx_affixes[] =
	"anti auto bio co counter cross de dis eco geo hyper inter intra "
	"macro mega meta micro mid mini mis mono multi neo non over poly "
	"post pre pro proto pseudo re self semi sub super tele trans tri "
	"ultra un under fore -able -dom -ful -hood -ism -isms -ist -less "
	"-like -ly -ness -ship -some -ward -wards -wise -man -men -work "
	"-works -land -side -line -way -ways -where -house -room -ware "
	"-board -book -time -day -ing -ed -er -ers -s -es -en -town -ville "
	"-burg -field -ford -wood -port -mouth -ton -son -stone -bridge "
	"-berg -stein -shire -ham -ley -well -water -hall -gate -dale -wick "
	"-worth -bury -borough -castle -mont -view -hard -hart -heim -hof "
	"-dorf -feld -mann -berger";


/* Whether w[0..n), ASCII letters, is in capitals. */
static int
all_caps(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] >= 'a' && w[i] <= 'z')
			return 0;
	return n > 0;
}

/*
 * Words glued to numbers or to an 's: "March7", "12October", "3encores",
 * "5thbirthday", "1.2Results", "13,2011", "it'sfine"; not "3rd", "10km",
 * "F16", "mp3", "1,500", "Web3Summit" or "MAY2025".
 */
static int
split_glued(struct fixer *fx, const struct txtok *t)
{
	const char *s = fx->s, *w = s + t->start, *q;
	size_t n = t->end - t->start, i, j, k, p;
	int digit, prev;
	long id;

	if (t->kind == TXTOK_NUMBER) {
		/*
		 * a comma before four digits, or between decimals, parts two
		 * numbers ("13,2011"); in a list of three or more ("1,5,10,500,1000")
		 * the commas are as written
		 */
		if ((q = memchr(w, ',', n)) != NULL &&
		    memchr(q + 1, ',', (size_t)(w + n - q - 1)) != NULL)
			return 0;
		for (i = 1; i + 1 < n; i++) {
			if (w[i] != ',')
				continue;
			for (j = i + 1; j < n && w[j] >= '0' && w[j] <= '9'; j++)
				;
			for (k = i; k > 0 && w[k - 1] >= '0' && w[k - 1] <= '9'; k--)
				;
			/* not a thousands group before the decimals: 12,345.67 */
			if ((j - i - 1 == 4 && (j == n || w[j] != ',')) ||
			    (j < n && w[j] == '.' && j - i - 1 != 3) ||
			    (k > 0 && w[k - 1] == '.'))
				if (fx_edit(fx, t->start + i + 1, t->start + i + 1, R_JOINED,
				    " ", 1) != 0)
					return -1;
		}
		return 0;
	}
	if (t->kind != TXTOK_WORD || n > MAXWORD)
		return 0;
	/* "it'sfine", "that’sthe", "city'scouncil": a word after the 's */
	for (i = 1; i + 4 <= n; i++) {
		k = w[i] == '\'' ? 1 : (unsigned char)w[i] == 0xE2 && i + 3 <= n &&
		    memcmp(w + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
		if (k == 0 || w[i + k] != 's' || i + k + 3 > n)
			continue;
		for (j = i + k + 1; j < n && ascii_letter((unsigned char)w[j]); j++)
			;
		id = fx_lookup(fx, w + i + k + 1, j - i - k - 1);
		if (j == n && ascii_letter((unsigned char)w[i - 1]) &&
		    (lex_flags(fx->lx, id) & LEX_LOWER) &&
		    (fx_function_word(fx, w + i + k + 1, j - i - k - 1) ||
		    lex_count(fx->lx, id) >= GLUED_MIN) &&
		    fx_edit(fx, t->start + i + k + 1, t->start + i + k + 1, R_JOINED,
		    " ", 1) != 0)
			return -1;
		break;
	}
	for (i = 1; i < n; i++) {
		digit = w[i] >= '0' && w[i] <= '9';
		prev = w[i - 1] >= '0' && w[i - 1] <= '9';
		if (digit == prev || !ascii_letter((unsigned char)(digit ?
		    w[i - 1] : w[i])))
			continue;
		if (digit) {
			/* letters then digits: a month or a function word before a number */
			for (k = i; k > 0 && ascii_letter((unsigned char)w[k - 1]); k--)
				;
			for (j = i; j < n && w[j] >= '0' && w[j] <= '9'; j++)
				;
			/* not an acronym's: "COVID19", "WHY2025" are names */
			if (k == 0 && j == n && j - i <= 4 && !all_caps(w, i) &&
			    (fx_in_words(&fx->months, w, i, 0) ||
			    (fx_function_word(fx, w, i) && i >= 2)) &&
			    fx_edit(fx, t->start + i, t->start + i, R_JOINED, " ", 1) != 0)
				return -1;
			continue;
		}
		/* digits then letters: skip an ordinal's suffix */
		k = i;
		if (n - i > 2 && (strncmp(w + i, "th", 2) == 0 ||
		    strncmp(w + i, "st", 2) == 0 || strncmp(w + i, "nd", 2) == 0 ||
		    strncmp(w + i, "rd", 2) == 0))
			k = i + 2;
		for (j = k; j < n && ascii_letter((unsigned char)w[j]); j++)
			;
		/*
		 * not a name with a digit inside ("Tech4All") nor a code or
		 * an acronym after a number ("1040EZ", "13CAD")
		 */
		for (p = i; p > 0 && w[p - 1] >= '0' && w[p - 1] <= '9'; p--)
			;
		if (j != n || j - k < 3 || (p > 0 && ascii_letter((unsigned char)w[p - 1])) ||
		    all_caps(w + k, j - k))
			continue;
		id = fx_lookup(fx, w + k, j - k);
		/* a listed word (a capitalized one, or of 5 letters: not "10kms") */
		if (((lex_flags(fx->lx, id) & LEX_LOWER) && (j - k >= 5 ||
		    (w[k] >= 'A' && w[k] <= 'Z'))) ||
		    fx_in_words(&fx->months, w + k, j - k, 0))
			if (fx_edit(fx, t->start + k, t->start + k, R_JOINED, " ", 1) != 0)
				return -1;
	}
	return 0;
}

/*
 * The count of the most frequent listed word one edit (deletion,
 * insertion, substitution, transposition) from the lower-case ASCII word
 * w[0..n), leaving out the words equal to a part of the split cut[0..np):
 * "gardan" is "garden" misspelled more likely than "gar dan".  About 54n
 * look-ups, made only for a word about to be split.
 */
static uint64_t
typo_neighbour(struct fixer *fx, const char *w, size_t n, const size_t *cut,
    int np)
{
	char buf[MAXWORD + 2];
	uint64_t best = 0, c;
	size_t i, k, m, a0, b1;
	long id;
	int p, part;
	char ch, t;

	if (n + 1 > MAXWORD)
		return 0;
	for (k = 0; k < 4 * (n + 1); k++) {
		i = k / 4;
		switch (k % 4) {
		case 0:	/* deletion */
			if (i >= n)
				continue;
			memcpy(buf, w, i);
			memcpy(buf + i, w + i + 1, n - i - 1);
			m = n - 1;
			break;
		case 1:	/* transposition */
			if (i + 1 >= n)
				continue;
			memcpy(buf, w, n);
			t = buf[i];
			buf[i] = buf[i + 1];
			buf[i + 1] = t;
			m = n;
			break;
		default:	/* insertion (2) and substitution (3), by letter below */
			m = 0;
			break;
		}
		for (ch = 'a'; ch <= 'z'; ch++) {
			if (k % 4 == 2) {
				memcpy(buf, w, i);
				buf[i] = ch;
				memcpy(buf + i + 1, w + i, n - i);
				m = n + 1;
			} else if (k % 4 == 3) {
				if (i >= n || w[i] == ch)
					continue;
				memcpy(buf, w, n);
				buf[i] = ch;
				m = n;
			} else if (ch > 'a')
				break;
			if (m == 0)
				continue;
			/* the parts themselves are no misspelling: "hasa" is not "has" */
			for (p = 0, part = 0; p <= np && !part; p++) {
				a0 = p > 0 ? cut[p - 1] : 0;
				b1 = p < np ? cut[p] : n;
				part = b1 - a0 == m && memcmp(w + a0, buf, m) == 0;
			}
			if (part)
				continue;
			id = fx_lookup(fx, buf, m);
			if ((lex_flags(fx->lx, id) & LEX_LOWER) &&
			    (c = lex_count(fx->lx, id)) > best)
				best = c;
		}
	}
	return best;
}

/*
 * The likeliest split of w[0..n) into 2..NPARTS words, the candidate that
 * the join scorer then accepts or refuses: by a unigram model over the
 * lexicon's counts, a listed pair raised by its association, a part that
 * spans a change from lower to upper case ("aData") lowered.  A part is a
 * listed word or name, of three letters or more unless a function word or
 * a common short word; a part that begins with a capital may also be a
 * name the document uses alone.  self is w's lexicon entry.  Fills cut[]
 * and returns the number of cuts, 0 for none.  Work: O(n * MAXWORD)
 * look-ups, each a probe of the lexicon's index.
 */
static int
join_candidate(struct fixer *fx, const char *w, size_t n, long self, size_t *cut,
    double *lm)
{
	double score[MAXWORD + 1], sc, total = (double)lex_total(fx->lx) + 1;
	int parts[MAXWORD + 1];
	size_t from[MAXWORD + 1], i, j, k;
	long id[MAXWORD + 1], wid;
	uint64_t cnt, pair;
	unsigned f, across;
	int np;

	for (i = 0; i <= n; i++) {
		score[i] = -1e300;
		parts[i] = 0;
	}
	score[0] = 0;
	id[0] = -1;
	for (j = 1; j <= n; j++) {
		for (i = 0; i < j; i++) {
			if (score[i] <= -1e299 || parts[i] >= NPARTS || (i == 0 && j == n) ||
			    w[i] == '\'' || w[j - 1] == '\'')
				continue;
			/* the short-word lists first: they are in cache, the lexicon is not */
			if (j - i < 3 && !fx_function_word(fx, w + i, j - i) &&
			    !fx_in_words(&fx->short_words, w + i, j - i, 0))
				continue;
			wid = fx_lookup(fx, w + i, j - i);
			f = lex_flags(fx->lx, wid);
			cnt = lex_count(fx->lx, wid);
			if (!(f & (LEX_LOWER | LEX_UPPER)) && !(w[i] >= 'A' &&
			    w[i] <= 'Z' && j - i >= 3 && fx_doc_count(fx, w + i, j - i) > 0))
				continue;
			for (k = i + 1, across = 0; k < j; k++)
				across += w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a';
			sc = score[i] + log(((double)cnt + 1) / total) - CASE_CUT_COST * across;
			if (i > 0 && (pair = lex_pair(fx->lx, id[i], wid)) > 0)
				sc += log((double)pair * total / (((double)lex_count(fx->lx,
				    id[i]) + 1) * ((double)cnt + 1)) + 1);
			if (sc > score[j]) {
				score[j] = sc;
				from[j] = i;
				parts[j] = parts[i] + 1;
				id[j] = wid;
			}
		}
	}
	if (score[n] <= -1e299 || parts[n] < 2)
		return 0;
	np = parts[n] - 1;
	for (k = n, i = (size_t)np; i > 0; i--) {
		k = from[k];
		cut[i - 1] = k;
	}
	*lm = score[n] - log(((double)lex_count(fx->lx, self) + 1) / total);
	return np;
}

/* The features of a candidate, as slots of the scorer's table. */
struct jfeat {
	uint32_t f[JOIN_MAXFEAT];
	size_t n;
	unsigned bits;
};

/* The feature of template tmpl, part pos, with value v and the text s[0..sn). */
static void
jf(struct jfeat *j, unsigned tmpl, int pos, long v, const char *s, size_t sn)
{
	unsigned char key[64];
	size_t k = 0, i;

	if (j->n >= JOIN_MAXFEAT)
		return;
	key[k++] = (unsigned char)pos;
	for (i = 0; i < 4; i++)
		key[k++] = (unsigned char)((unsigned long)v >> (8 * i));
	for (i = 0; i < sn && k < sizeof(key); i++)
		key[k++] = (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	j->f[j->n++] = txhash_feature(tmpl, key, k, j->bits);
}

/* A count's order of magnitude: 0 for none, then one step per factor of four. */
static long
mag(uint64_t c)
{
	long b = 0;

	while (c > 0) {
		c >>= 2;
		b++;
	}
	return b;
}

enum {
	F_SHAPE, F_NPARTS, F_JCOUNT, F_JFLAGS, F_JLEN, F_JDOC, F_TYPO, F_LM,
	F_PREFIX, F_SUFFIX, F_LEN, F_COUNT, F_FLAGS, F_FUNC, F_AFFIX, F_DOC,
	F_WORD, F_FIRST, F_PAIR, F_SEAM, F_PAIRSEAM, F_MINCOUNT, F_MINLEN,
	F_SHAPECOUNT, F_LAST, F_BEFORE, F_AFTER, F_CTXWORD, F_CASECUT, F_SEAMCHARS,
	F_GLUE, F_CAMELDOC
};

/*
 * What touches a word with no space between: 0 nothing (white space, the
 * text's ends), 1 a mark of prose (. , ; : ! ?), 2 a quote, a bracket or
 * any non-ASCII, 3 the marks of code and addresses (< = / _ @ { ...).
 * "nameof(x)" and "<PackageRef" are written so; "saltand" is not.
 */
static long
glue_class(const char *s, size_t n, size_t i)
{
	unsigned char c = i < n ? (unsigned char)s[i] : ' ';

	if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
		return 0;
	if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?')
		return 1;
	if (c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' ||
	    c == ']' || c >= 0x80)
		return 2;
	return 3;
}

/*
 * The document's size in words, in three steps (fx->docsize): the counts
 * of a word and its parts elsewhere in it say more in a page than in a
 * line, so those features are weighed by size.  How much of it is written
 * with a capital inside a word ("getValue", "PowerShell"), in five steps
 * (fx->camel): code and product pages are full of such names, prose has
 * few.
 */
static void
doc_shape(struct fixer *fx)
{
	size_t i, k, all = 0, camel = 0;
	const struct dword *d;

	for (i = 0; i < fx->dwn; i++) {
		d = &fx->dw[i];
		all += d->count;
		for (k = 1; k < d->n; k++)
			if (d->s[k] >= 'A' && d->s[k] <= 'Z' && d->s[k - 1] >= 'a' &&
			    d->s[k - 1] <= 'z') {
				camel += d->count;
				break;
			}
	}
	fx->docsize = all < 30 ? 0 : all < 300 ? 1 : 2;
	fx->camel = camel == 0 ? 0 : camel * 200 < all ? 1 : camel * 50 < all ? 2 :
	    camel * 20 < all ? 3 : 4;
}

/*
 * The features of splitting w[0..n), lexicon entry self (shape: 'l' lower
 * case, 'C' capitalized, 'M' one inner capital, 'N' more), used dcount
 * times in the document, at its byte start, at cut[0..np), lm the split's
 * log-likelihood ratio; ctx[] the lexicon entries of the words before and
 * after it, -1 for none.  The count of the commonest word one edit away,
 * F_TYPO, is join_cuts' to add.
 */
static void
join_features(struct fixer *fx, const char *w, size_t n, long self, int shape,
    unsigned dcount, const long *ctx, size_t start, const size_t *cut, int np,
    double lm, struct jfeat *j)
{
	long id, prev = -1, mincnt = 99, minlen = 99;
	size_t i, a, b;
	unsigned dc;
	int pos, fw, pfw = 0;

	j->n = 0;
	jf(j, F_SHAPE, shape, 0, NULL, 0);
	jf(j, F_NPARTS, shape, np, NULL, 0);
	jf(j, F_JCOUNT, shape, mag(lex_count(fx->lx, self)), NULL, 0);
	jf(j, F_JFLAGS, shape, (long)lex_flags(fx->lx, self), NULL, 0);
	jf(j, F_JLEN, 0, (long)(n < 24 ? n / 2 : 12), NULL, 0);
	jf(j, F_JDOC, shape, (dcount < 3 ? dcount : 3) * 4 + fx->docsize, NULL, 0);
	jf(j, F_GLUE, shape, glue_class(fx->s, fx->n, start > 0 ? start - 1 :
	    fx->n) * 4 + glue_class(fx->s, fx->n, start + n), NULL, 0);
	jf(j, F_CAMELDOC, shape, fx->camel * 4 + fx->docsize, NULL, 0);
	jf(j, F_LM, 0, lm < -8 ? -4 : lm > 24 ? 12 : (long)floor(lm / 2), NULL, 0);
	{
		long at = 0, cased = 0, k;

		for (k = 1; k < (long)n; k++)
			if (w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a') {
				cased++;
				for (i = 0; i < (size_t)np; i++)
					at += cut[i] == (size_t)k;
			}
		jf(j, F_CASECUT, shape, at * 8 + (cased - at), NULL, 0);
	}
	jf(j, F_PREFIX, 0, 0, w, 3);
	jf(j, F_SUFFIX, 0, 0, w + n - 3, 3);
	for (i = 0; i <= (size_t)np; i++) {
		a = i > 0 ? cut[i - 1] : 0;
		b = i < (size_t)np ? cut[i] : n;
		pos = i == 0 ? 'F' : i == (size_t)np ? 'L' : 'M';
		id = fx_lookup(fx, w + a, b - a);
		fw = fx_function_word(fx, w + a, b - a);
		jf(j, F_LEN, pos, (long)(b - a < 10 ? b - a : 10), NULL, 0);
		jf(j, F_COUNT, pos, mag(lex_count(fx->lx, id)), NULL, 0);
		jf(j, F_FLAGS, pos, (long)lex_flags(fx->lx, id), NULL, 0);
		jf(j, F_FUNC, pos, fw, NULL, 0);
		if ((i < (size_t)np && fx_in_words(&fx->affixes, w + a, b - a, 0)) ||
		    (i > 0 && fx_in_words(&fx->affixes, w + a, b - a, 1)))
			jf(j, F_AFFIX, pos, 1, NULL, 0);
		dc = a > 0 || b < n ? fx_doc_count(fx, w + a, b - a) : 0;
		jf(j, F_DOC, pos, (dc > 1 ? 2 : (long)dc) * 4 + fx->docsize, NULL, 0);
		if (b - a <= 3 || fw)
			jf(j, F_WORD, pos, 0, w + a, b - a);
		if (i == 0)
			jf(j, F_FIRST, shape, (long)lex_flags(fx->lx, id) * 64 +
			    mag(lex_count(fx->lx, id)), NULL, 0);
		if (i > 0) {
			long pm = mag(lex_pair(fx->lx, prev, id));

			/* letters either side of the seam: "l|th" is likelier than "i|ng" */
			size_t s0 = a >= 2 ? a - 2 : 0, s1 = a + 2 <= n ? a + 2 : n;

			jf(j, F_SEAMCHARS, (int)(a - s0), (long)(s1 - a), w + s0, s1 - s0);
			jf(j, F_PAIR, 0, pm, NULL, 0);
			jf(j, F_SEAM, shape, pfw * 2 + fw, NULL, 0);
			jf(j, F_PAIRSEAM, 0, pm * 4 + pfw * 2 + fw, NULL, 0);
		}
		if (!fw && mag(lex_count(fx->lx, id)) < mincnt)
			mincnt = mag(lex_count(fx->lx, id));
		if ((long)(b - a) < minlen)
			minlen = (long)(b - a);
		prev = id;
		pfw = fw;
	}
	jf(j, F_MINCOUNT, 0, mincnt, NULL, 0);
	jf(j, F_MINLEN, 0, minlen, NULL, 0);
	jf(j, F_SHAPECOUNT, shape, np * 100 + mincnt, NULL, 0);
	/* its pairs with the words either side, beside the word's own */
	if (ctx[0] >= 0) {
		long first = fx_lookup(fx, w, cut[0]);

		jf(j, F_BEFORE, 0, mag(lex_pair(fx->lx, ctx[0], first)) * 64 +
		    mag(lex_pair(fx->lx, ctx[0], self)), NULL, 0);
		jf(j, F_CTXWORD, 'B', mag(lex_count(fx->lx, ctx[0])), NULL, 0);
	}
	if (ctx[1] >= 0) {
		jf(j, F_AFTER, 0, mag(lex_pair(fx->lx, prev, ctx[1])) * 64 +
		    mag(lex_pair(fx->lx, self, ctx[1])), NULL, 0);
		jf(j, F_CTXWORD, 'A', mag(lex_count(fx->lx, ctx[1])), NULL, 0);
	}
	/* the last part's count beside the first's: "Berlin|was", "Holly|wood" */
	jf(j, F_LAST, shape, mag(lex_count(fx->lx, prev)) * 64 + minlen, NULL, 0);
}

/*
 * Where the unlisted word w[0..n), with `upper` inner capitals, its
 * document entry dw, between the words ctx[], is split: fills cut[] and
 * returns the number of cuts, 0 for none.  The candidate is found once per
 * spelling a document; the score, which weighs the context, each time.
 * With a sink (training), every candidate goes to it and none is made.
 */
static int
join_cuts(struct fixer *fx, const char *w, size_t n, size_t upper,
    struct dword *dw, const long *ctx, size_t start, size_t *cut)
{
	struct jfeat j;
	struct fix_join fj;
	double score = 0, lm = 0;
	int np, shape = upper > 1 ? 'N' : upper == 1 ? 'M' : w[0] < 'a' ? 'C' : 'l';
	size_t i;

	if (dw->split == NULL || memcmp(dw->split, w, n) != 0) {
		dw->split = w;
		dw->ncut = (signed char)join_candidate(fx, w, n, dw->lexid, cut, &lm);
		dw->lm = (float)lm;
		for (i = 0; i < (size_t)dw->ncut; i++)
			dw->cut[i] = (unsigned char)cut[i];
		dw->typo = -1;
	}
	if ((np = dw->ncut) == 0)
		return 0;
	for (i = 0; i < (size_t)np; i++)
		cut[i] = dw->cut[i];
	j.bits = fx->join.bits;
	join_features(fx, w, n, dw->lexid, shape, dw->count, ctx, start, cut, np,
	    dw->lm, &j);
	if (fx->o.join_sink == NULL) {
		for (i = 0, score = fx->join.bias; i < j.n; i++)
			score += lex_join_weight(&fx->join, j.f[i]);
		/* the typo check's 54n look-ups only where its weight decides */
		if (score + fx->typo_w[1] <= fx->join.threshold)
			return 0;
		if (score + fx->typo_w[0] > fx->join.threshold)
			return np;
	}
	if (dw->typo < 0)
		dw->typo = (signed char)mag(n >= 5 && n + 1 <= MAXWORD ?
		    typo_neighbour(fx, w, n, cut, np) : 0);
	jf(&j, F_TYPO, 0, dw->typo, NULL, 0);
	if (fx->o.join_sink == NULL)
		return score + lex_join_weight(&fx->join, j.f[j.n - 1]) >
		    fx->join.threshold ? np : 0;
	fj.start = start;
	fj.end = start + n;
	fj.ncut = np;
	for (i = 0; i < (size_t)np; i++)
		fj.cut[i] = cut[i];
	fj.feat = j.f;
	fj.nfeat = j.n;
	fx->o.join_sink(fx->o.join_arg, &fj);
	return 0;
}

/* The least and greatest weight the typo feature can add (fx->typo_w). */
void
fx_typo_range(struct fixer *fx)
{
	struct jfeat j;
	float v;
	long m;

	fx->typo_w[0] = 1e30f;
	fx->typo_w[1] = -1e30f;
	j.bits = fx->join.bits;
	for (m = 0; m <= 32; m++) {
		j.n = 0;
		jf(&j, F_TYPO, 0, m, NULL, 0);
		v = lex_join_weight(&fx->join, j.f[0]);
		fx->typo_w[0] = v < fx->typo_w[0] ? v : fx->typo_w[0];
		fx->typo_w[1] = v > fx->typo_w[1] ? v : fx->typo_w[1];
	}
}

int
rule_joined(struct fixer *fx)
{
	const char *s = fx->s, *w;
	const struct txtok *t;
	size_t i, k, n, upper, cut[NPARTS];
	int np, j, letters;
	long self, ctx[2];

	doc_shape(fx);
	for (i = 0; i < fx->ntk; i++) {
		t = &fx->tk[i];
		n = t->end - t->start;
		w = s + t->start;
		/* a word of letters alone (most) has no digit or 's to split at */
		letters = t->kind == TXTOK_WORD && fx_tok_word(fx, i)->letters;
		if (!letters && split_glued(fx, t) != 0)
			return -1;
		if (t->kind != TXTOK_WORD || n < 3 || n > MAXWORD ||
		    (t->flags & TXTOK_ALLCAPS) || !(letters || join_word(t, s)))
			continue;
		/* half of a word broken across lines: the hyphenation rule's */
		if ((t->start >= 2 && s[t->start - 1] == '\n' && (s[t->start - 2] == '-' ||
		    (t->start >= 3 && s[t->start - 2] == '\r' && s[t->start - 3] == '-'))) ||
		    (t->end + 1 < fx->n && s[t->end] == '-' && (s[t->end + 1] == '\n' ||
		    s[t->end + 1] == '\r')))
			continue;
		if (!fx->has_join && fx->o.join_sink == NULL)
			continue;
		self = fx_tok_lex(fx, i);
		/* a word of its own; frequency-list junk ("hasa") is not */
		if (listed(fx, w, self))
			continue;
		for (k = 1, upper = 0; k < n; k++)
			upper += w[k] >= 'A' && w[k] <= 'Z';
		/* the words either side, across one space */
		ctx[0] = i > 0 && t[-1].kind == TXTOK_WORD && t[-1].end + 1 == t->start &&
		    s[t[-1].end] == ' ' ? fx_tok_lex(fx, i - 1) : -1;
		ctx[1] = i + 1 < fx->ntk && t[1].kind == TXTOK_WORD &&
		    t->end + 1 == t[1].start && s[t->end] == ' ' ? fx_tok_lex(fx, i + 1) : -1;
		np = join_cuts(fx, w, n, upper, fx_tok_word(fx, i), ctx, t->start, cut);
		for (j = 0; j < np; j++)
			if (fx_edit(fx, t->start + cut[j], t->start + cut[j], R_JOINED,
			    " ", 1) != 0)
				return -1;
	}
	return 0;
}
