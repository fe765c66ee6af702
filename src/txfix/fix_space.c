/*
 * fix_space: the rules of white space.
 *
 * spaces and space-before-punct walk the white space between tokens
 * (common/tokens.h): a run of spaces or a tab between two pieces of text
 * becomes one space, trailing white space goes, a space before
 * , ; : ! ? . goes.  sentence-space and clause-space
 * walk the tokens (common/tokens.h): where two tokens are glued with no
 * space, the kinds either side say whether a space was lost.
 * quote-space pairs straight double quotes within a line and gives an
 * opening quote its space before, a closing one its space after; curly
 * quotes say which they are.
 */
#include <string.h>

#include "chars.h"
#include "fix_impl.h"

/*
 * Whether the white space s[a..b) separates text: a word or a mark that
 * ends a phrase before it, a word or a quote after it.  Runs between
 * symbols are layout ("Hmm?? :(   ¬¬   ):").
 */
static int
spaced(const char *s, size_t n, size_t a, size_t b)
{
	int32_t before = cp_before(s, a), after;
	int l;

	after = txu8_at(s, n, b, &l);
	return (is_word_cp(before) || before == ',' || before == ';' ||
	    before == ':' || txch_is(before, TXCH_TERMINAL | TXCH_CLOSE)) &&
	    (is_word_cp(after) || txch_is(after, TXCH_OPEN));
}

/*
 * spaces over the white space s[a..b) between two tokens (or the text's
 * ends); line_start: a is at the start of a line, whose indentation stays.
 */
static int
spaces_in(struct fixer *fx, size_t a, size_t b, int line_start)
{
	const char *s = fx->s;
	size_t n = fx->n, i = a, r;

	while (i < b) {
		if (line_start)
			while (i < b && (s[i] == ' ' || s[i] == '\t'))
				i++;
		line_start = 0;
		if (i == b)
			break;
		if (s[i] != ' ' && s[i] != '\t') {
			line_start = s[i++] == '\n';
			continue;
		}
		for (r = i; i < b && (s[i] == ' ' || s[i] == '\t'); i++)
			;
		/* trailing: before the end of the line or of the text */
		if (i == n || s[i] == '\n' || (s[i] == '\r' && (i + 1 == n ||
		    s[i + 1] == '\n'))) {
			if (fx_edit(fx, r, i, R_SPACES, "", 0) != 0)
				return -1;
		} else if ((i - r > 1 || s[r] == '\t') && spaced(s, n, r, i) &&
		    fx_edit(fx, r, i, R_SPACES, " ", 1) != 0)
			return -1;
	}
	return 0;
}

/* Over the gaps between tokens, which are white space: one space needs nothing. */
int
rule_spaces(struct fixer *fx)
{
	const char *s = fx->s;
	size_t i, a = 0, b;

	for (i = 0; i <= fx->ntk; i++) {
		b = i < fx->ntk ? fx->tk[i].start : fx->n;
		if (b > a && !(b == a + 1 && s[a] == ' ' && b < fx->n) &&
		    spaces_in(fx, a, b, a == 0) != 0)
			return -1;
		if (i < fx->ntk)
			a = fx->tk[i].end;
	}
	return 0;
}

/* A mark after a space starts a token: a space never ends one. */
int
rule_space_before(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i, a, k;
	int32_t before;
	unsigned char c, next;

	for (k = 0; k < fx->ntk; k++) {
		if ((i = fx->tk[k].start) == 0)
			continue;
		c = (unsigned char)s[i];
		if (s[i - 1] != ' ' || !(c == ',' || c == ';' || c == ':' ||
		    c == '!' || c == '?' || c == '.'))
			continue;
		next = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
		/* "left ,slowly": the space moves to after the comma */
		if ((c == ',' || c == ';') && ascii_letter(next) && i >= 2 &&
		    ascii_letter((unsigned char)s[i - 2])) {
			if (fx_edit(fx, i - 1, i + 1, R_SPACE_BEFORE, c == ',' ? ", " :
			    "; ", 2) != 0)
				return -1;
			continue;
		}
		/* "a .NET", ":)", " ..." stay */
		if (!(next == ' ' || next == '\n' || next == '\r' || next == '"' ||
		    (next == '.' && c != '.') || (c == '?' && next == '!') ||
		    (c == '!' && next == '?') || i + 1 == n))
			continue;
		if (c == '.' && next == '.')
			continue;
		for (a = i; a > 0 && s[a - 1] == ' '; a--)
			;
		if (a == 0 || s[a - 1] == '\n')
			continue;
		before = cp_before(s, a);
		if (!(is_word_cp(before) || txch_is(before, TXCH_CLOSE)))
			continue;
		if (fx_edit(fx, a, i, R_SPACE_BEFORE, "", 0) != 0)
			return -1;
	}
	return 0;
}

/* --- missing spaces between tokens --------------------------------------- */

static int
glued(const struct txtok *a, const struct txtok *b)
{
	return a->end == b->start;
}

static int
is_char(const struct txtok *t, char c)
{
	return t->first == c && t->end == t->start + 1;
}

/* A word with a lower-case letter after its capital: "The", not "NASA". */
static int
capitalized(const char *s, const struct txtok *t)
{
	return t->kind == TXTOK_WORD && (t->flags & TXTOK_UPPER) &&
	    !(t->flags & TXTOK_ALLCAPS) && txu8_count(s, t->start, t->end) >= 2;
}

/* A word with a capital after its first letter: "StringBuilder", "getURL". */
static int
inner_capital(const char *s, const struct txtok *t)
{
	size_t k;

	for (k = t->start + 1; t->kind == TXTOK_WORD && k < t->end; k++)
		if (s[k] >= 'A' && s[k] <= 'Z')
			return 1;
	return 0;
}

static int
is_closing(const struct txtok *t)
{
	char one[4];

	/* one closing quote or bracket alone */
	return t->kind == TXTOK_PUNCT && txch_is(t->first, TXCH_CLOSE) &&
	    t->end - t->start == (size_t)txu8_encode(t->first, one);
}

static int
word_len(const char *s, const struct txtok *t)
{
	return t->kind == TXTOK_WORD ? (int)txu8_count(s, t->start, t->end) : 0;
}

/*
 * Calls fn(fx, i, a, p, b) for each token p = tk[i] glued to the token a
 * before it, b the token after p or NULL, until fn returns non-zero.
 */
typedef int glued_fn(struct fixer *, size_t, const struct txtok *,
    const struct txtok *, const struct txtok *);

static int
each_glued(struct fixer *fx, glued_fn *fn)
{
	const struct txtok *tk = fx->tk;
	size_t i;

	for (i = 1; i < fx->ntk; i++)
		if (glued(&tk[i - 1], &tk[i]) && fn(fx, i, &tk[i - 1], &tk[i],
		    i + 1 < fx->ntk ? &tk[i + 1] : NULL) != 0)
			return -1;
	return 0;
}

/*
 * Whether the mark tk[i] glued between two tokens is code's, a name's dot:
 * one of a chain ("os.path.join"), in a file name
 * ("Setup.config.json"), before a call, an address or a statement's end
 * ("Shop.Open(", "ann.Lee@", "System.IO;"), after an opening bracket,
 * or beside a word with a capital inside it ("StringBuilder.Append").
 * Prose ends no sentence so.
 */
static int
code_mark(const struct fixer *fx, size_t i)
{
	const struct txtok *tk = fx->tk, *a = &tk[i - 1], *b = &tk[i + 1], *c;
	const char *s = fx->s;

	if (a->kind == TXTOK_WORD && i >= 3 && glued(&tk[i - 2], a) &&
	    is_char(&tk[i - 2], '.') && glued(&tk[i - 3], &tk[i - 2]) &&
	    tk[i - 3].kind == TXTOK_WORD)
		return 1;
	if (i >= 2 && glued(&tk[i - 2], a) && (is_char(&tk[i - 2], '(') ||
	    is_char(&tk[i - 2], '[')))
		return 1;
	if (i + 2 < fx->ntk && glued(b, c = &tk[i + 2]) && (is_char(c, '(') ||
	    is_char(c, '@') || is_char(c, ';') || (is_char(c, '.') &&
	    i + 3 < fx->ntk && glued(c, &tk[i + 3]) && tk[i + 3].kind == TXTOK_WORD)))
		return 1;
	return inner_capital(s, a) || inner_capital(s, b) ||
	    (b->kind == TXTOK_WORD && memchr(s + b->start, '.', b->end - b->start) != NULL);
}

/*
 * sentence-space: "U.S.Navy" (an abbreviation glued to a word), and a
 * sentence's end glued to the next: "rained.The", "it?Yes", "(see 2.1).It",
 * "flickered.A".
 */
static int
sentence_space(struct fixer *fx, size_t i, const struct txtok *a,
    const struct txtok *p, const struct txtok *b)
{
	const char *s = fx->s;

	/* after initials a name is as written ("J.R.Smith"), a word is not */
	if (a->kind == TXTOK_ABBREV && word_len(s, p) >= 2 &&
	    !(p->flags & TXTOK_ALLCAPS) && (fx->lx == NULL ||
	    (lex_flags(fx->lx, fx_tok_lex(fx, i)) & LEX_LOWER)) &&
	    fx_edit(fx, p->start, p->start, R_SENTENCE_SPACE, " ", 1) != 0)
		return -1;
	if (b != NULL && glued(p, b) && (is_char(p, '.') ||
	    is_char(p, '?') || is_char(p, '!')) && (capitalized(s, b) ||
	    ((is_char(b, 'A') || is_char(b, 'I')) && word_len(s, a) >= 3)) &&
	    ((a->kind == TXTOK_WORD && txu8_is_lower(a->last) &&
	    word_len(s, a) >= 2) || a->kind == TXTOK_NUMBER ||
	    (a->kind == TXTOK_PUNCT && txch_is(a->last, TXCH_CLOSE))) &&
	    !code_mark(fx, i) && fx_edit(fx, p->end, p->end, R_SENTENCE_SPACE, " ", 1) != 0)
		return -1;
	return 0;
}

int
rule_sentence_space(struct fixer *fx)
{
	return each_glued(fx, sentence_space);
}

/* clause-space: a clause's mark or a bracket glued to the next word. */
static int
clause_space(struct fixer *fx, size_t i, const struct txtok *a,
    const struct txtok *p, const struct txtok *b)
{
	const struct txtok *tk = fx->tk;
	const char *s = fx->s;

	/* "Lane)runs", "[3]Her", "(mostly)new"; not "(s)he" */
	if ((is_char(a, ')') || is_char(a, ']')) && word_len(s, p) >= 2 &&
	    !(i >= 3 && word_len(s, &tk[i - 2]) == 1 &&
	    (is_char(&tk[i - 3], '(') || is_char(&tk[i - 3], '['))) &&
	    fx_edit(fx, p->start, p->start, R_CLAUSE_SPACE, " ", 1) != 0)
		return -1;
	/*
	 * "Tides(1921)", "houses(some"; not "word(s)", "f(x)" or a call in
	 * code ("list.add(x", "AddRange(items")
	 */
	if (is_char(p, '(') && word_len(s, a) >= 2 && !inner_capital(s, a) &&
	    memchr(s + a->start, '.', a->end - a->start) == NULL &&
	    !(i >= 2 && glued(&tk[i - 2], a) && is_char(&tk[i - 2], '.')) &&
	    txu8_is_letter(a->last) && b != NULL && glued(p, b) &&
	    (b->end - b->start >= 2 && (b->kind == TXTOK_WORD ||
	    b->kind == TXTOK_NUMBER)) &&
	    fx_edit(fx, p->start, p->start, R_CLAUSE_SPACE, " ", 1) != 0)
		return -1;
	if (b == NULL || !glued(p, b))
		return 0;
	/*
	 * "funds,mostly", "others;but", "),Ottavia", "Varnholt,a",
	 * "412,000;388,000"; not "x,y" or "5,600"
	 */
	if ((is_char(p, ',') || is_char(p, ';')) &&
	    ((((word_len(s, a) >= 2 && txu8_is_letter(a->last)) ||
	    is_closing(a)) && word_len(s, b) >= (word_len(s, a) >= 3 ? 1 : 2) &&
	    txu8_is_letter(b->first)) || (is_char(p, ';') &&
	    a->kind == TXTOK_NUMBER && b->kind == TXTOK_NUMBER &&
	    a->end - a->start >= 3 && b->end - b->start >= 3)) &&
	    fx_edit(fx, p->end, p->end, R_CLAUSE_SPACE, " ", 1) != 0)
		return -1;
	/* "Notes:these", "shade:a"; not "Re:X" or "x:y" */
	if (is_char(p, ':') && word_len(s, a) >= 3 &&
	    txu8_is_letter(a->last) && b->kind == TXTOK_WORD &&
	    (capitalized(s, b) || (fx->lx != NULL &&
	    fx_function_word(fx, s + b->start, b->end - b->start))) &&
	    fx_edit(fx, p->end, p->end, R_CLAUSE_SPACE, " ", 1) != 0)
		return -1;
	return 0;
}

int
rule_clause_space(struct fixer *fx)
{
	return each_glued(fx, clause_space);
}

/*
 * Quotes: straight double quotes are paired within a line, or else within
 * the paragraph, when their number there is even; an opening quote glued
 * to the word before it and a closing one glued to the word after it get
 * their space.  Curly quotes say which they are.
 */
static int
quote_span(struct fixer *fx, size_t a, size_t b)
{
	const char *s = fx->s, *q;
	size_t i, k = 0;
	int32_t before, after;
	int l;

	for (i = a; i < b && (q = memchr(s + i, '"', b - i)) != NULL; i++) {
		i = (size_t)(q - s);
		before = cp_before(s, i);
		after = txu8_at(s, fx->n, i + 1, &l);
		if (k++ % 2 == 0) {
			if ((is_word_cp(before) || before == ',') &&
			    (is_word_cp(after) || after == 0x2018) &&
			    fx_edit(fx, i, i, R_QUOTE_SPACE, " ", 1) != 0)
				return -1;
		} else if (is_word_cp(after) && (is_word_cp(before) ||
		    before == '.' || before == ',' || before == '!' ||
		    before == '?') && fx_edit(fx, i + 1, i + 1, R_QUOTE_SPACE, " ",
		    1) != 0)
			return -1;
	}
	return 0;
}

static size_t
count_quotes(const char *s, size_t a, size_t b)
{
	const char *q;
	size_t k = 0;

	for (; a < b && (q = memchr(s + a, '"', b - a)) != NULL; k++)
		a = (size_t)(q - s) + 1;
	return k;
}

int
rule_quotes(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, pa = 0, pe, la, le;
	const char *q = NULL, *nq;
	int32_t cp, prev, next;
	size_t i, k;
	int l, l2, low9 = 0;

	/* paragraphs with straight quotes, from the next quote nq */
	for (nq = memchr(s, '"', n); nq != NULL && pa < n; pa = pe + 1) {
		/* a paragraph [pa, pe): up to a blank line */
		for (pe = pa; (q = memchr(s + pe, '\n', n - pe)) != NULL; pe++) {
			pe = (size_t)(q - s);
			if (pe + 1 == n || s[pe + 1] == '\n' ||
			    (s[pe + 1] == '\r' && pe + 2 < n && s[pe + 2] == '\n'))
				break;
		}
		if (q == NULL)
			pe = n;
		if ((size_t)(nq - s) >= pe)
			continue;
		nq = pe + 1 < n ? memchr(s + pe + 1, '"', n - pe - 1) : NULL;
		/*
		 * Quotes are paired within a line; where a line's are unpaired
		 * (a quotation across lines, an inch mark), which of them open
		 * is a guess, so only the sure case: 'said,"The'.
		 */
		for (la = pa; la < pe; la = le + 1) {
			le = (q = memchr(s + la, '\n', pe - la)) != NULL ?
			    (size_t)(q - s) : pe;
			if (count_quotes(s, la, le) % 2 != 0)
				break;
		}
		if (la < pe) {
			for (i = pa + 2; i + 1 < pe && (q = memchr(s + i, '"',
			    pe - 1 - i)) != NULL; i++)
				if ((i = (size_t)(q - s), s[i - 1] == ',') &&
				    ascii_letter((unsigned char)s[i - 2]) &&
				    s[i + 1] >= 'A' && s[i + 1] <= 'Z' &&
				    fx_edit(fx, i, i, R_QUOTE_SPACE, " ", 1) != 0)
					return -1;
		} else
			for (la = pa; la < pe; la = le + 1) {
				le = (q = memchr(s + la, '\n', pe - la)) != NULL ?
				    (size_t)(q - s) : pe;
				if (quote_span(fx, la, le) != 0)
					return -1;
			}
	}
	for (i = 0; i < n; i += (size_t)l) {
		k = txu8_skip_ascii(s, i, n);
		if (low9 && memchr(s + i, '\n', k - i) != NULL)
			low9 = 0;
		if ((i = k) == n)
			break;
		cp = txu8_at(s, n, i, &l);
		if (cp == 0x201E)
			low9 = 1;
		if (cp == 0x201C && !low9) {	/* in „...“ it closes */
			prev = cp_before(s, i);
			if ((is_word_cp(prev) || prev == ',') &&
			    fx_edit(fx, i, i, R_QUOTE_SPACE, " ", 1) != 0)
				return -1;
		} else if (cp == 0x201D) {
			next = txu8_at(s, n, i + (size_t)l, &l2);
			if (is_word_cp(next) && is_word_cp(cp_before(s, i)) &&
			    fx_edit(fx, i + (size_t)l, i + (size_t)l, R_QUOTE_SPACE,
			    " ", 1) != 0)
				return -1;
		}
	}
	return 0;
}
