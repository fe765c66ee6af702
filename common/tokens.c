#include <string.h>
#include <strings.h>

#include "chars.h"
#include "tokens.h"
#include "utf8.h"

static inline int
is_alnum(int32_t cp)
{
	if ((uint32_t)cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
		    (cp >= '0' && cp <= '9');
	return txu8_is_letter(cp) || txu8_is_digit(cp) || txu8_is_mark(cp);
}

static int
is_ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/*
 * End of the word or number starting at i; sets whether it is a number, its
 * case flags and its last code point.
 */
static size_t
scan_word(const char *s, size_t n, size_t i, int *number, unsigned *flags,
    int32_t *last)
{
	int32_t cp, prev = TXU8_END, next;
	int len, nlen, onlydigits = 1, letters = 0, lower = 0;

	*number = 1;
	*flags = 0;
	for (;;) {
		/* ASCII letters and digits first: most of any text. */
		if (i < n) {
			unsigned char b = (unsigned char)s[i];

			if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
				onlydigits = *number = 0;
				if (letters++ == 0)
					*flags = b >= 'a' ? TXTOK_LOWER : TXTOK_UPPER;
				lower |= b >= 'a';
				prev = b;
				i++;
				continue;
			}
			if (b >= '0' && b <= '9') {
				prev = b;
				i++;
				continue;
			}
		}
		cp = txu8_at(s, n, i, &len);
		if (len == 0)
			break;
		if (is_alnum(cp)) {
			if (!txu8_is_digit(cp)) {
				onlydigits = *number = 0;
				if (txu8_is_letter(cp)) {
					if (letters++ == 0)
						*flags = txu8_is_upper(cp) ? TXTOK_UPPER :
						    txu8_is_lower(cp) ? TXTOK_LOWER : 0;
					lower |= txu8_is_lower(cp);
				}
			}
			prev = cp;
			i += len;
			continue;
		}
		if ((uint32_t)cp < 0x80 && cp != '\'' && cp != '-' && cp != '.' &&
		    cp != ',' && cp != ':' && cp != '/')
			break;
		next = txu8_at(s, n, i + len, &nlen);
		if (nlen == 0 || !is_alnum(prev))
			break;
		if (txch_is(cp, TXCH_APOSTROPHE) && txu8_is_letter(prev) &&
		    txu8_is_letter(next))
			;
		else if (txch_is(cp, TXCH_HYPHEN) && is_alnum(next))
			*number = 0;
		else if (cp == '.' && (txu8_is_lower(next) ||
		    txu8_is_digit(next)) && !(onlydigits && !txu8_is_digit(next)))
			;
		else if ((cp == ',' || cp == ':' || cp == '/') &&
		    txu8_is_digit(prev) && txu8_is_digit(next) && onlydigits)
			;
		else
			break;
		prev = cp;
		i += len;
	}
	if (letters >= 2 && !lower)
		*flags |= TXTOK_ALLCAPS;
	*last = prev;
	return i;
}

/* End of an abbreviation such as U.S. or Ph.D. at i, or i when there is none. */
static size_t
scan_abbrev(const char *s, size_t n, size_t i)
{
	size_t j = i;
	int segs = 0, letters, len;
	int32_t cp;

	for (;;) {
		letters = 0;
		while ((cp = txu8_at(s, n, j, &len), len > 0) &&
		    txu8_is_letter(cp)) {
			letters++;
			j += len;
		}
		if (letters == 0 || letters > (segs == 0 ? 2 : 1) ||
		    j >= n || s[j] != '.')
			break;
		j++;
		segs++;
		i = j;
	}
	return segs >= 2 ? i : (size_t)-1;
}

#define MAX_SCHEME 32	/* bytes of a URL scheme ("https", "svn+ssh") */
#define MAX_LOCAL 64	/* bytes of an e-mail address before its @ */

static int
url_char(unsigned char c)
{
	return c > ' ' && c != '<' && c != '>' && c != '"' && c != 0x7F;
}

/* End of a URL at i, or 0 when there is none. */
static size_t
scan_url(const char *s, size_t n, size_t i)
{
	size_t j = i, end;
	int parens = 0, len;
	int32_t cp;

	if (n - i > 4 && strncasecmp(s + i, "www.", 4) == 0 &&
	    is_ascii_alnum((unsigned char)s[i + 4]))
		j = i + 4;
	else {
		/*
		 * A scheme is short: bounding it keeps the scan from running
		 * to the end of a long run once per token (quadratic time).
		 */
		while (j < n && j - i < MAX_SCHEME && (is_ascii_alnum((unsigned char)s[j]) ||
		    s[j] == '+' || s[j] == '-' || s[j] == '.'))
			j++;
		if (j == i || j + 3 >= n || memcmp(s + j, "://", 3) != 0 ||
		    !url_char((unsigned char)s[j + 3]))
			return 0;
		j += 3;
	}
	while (j < n && url_char((unsigned char)s[j])) {
		if ((unsigned char)s[j] >= 0x80) {
			/* invalid bytes and white space (U+00A0...) are tokens of their own */
			cp = txu8_at(s, n, j, &len);
			if (TXU8_ISBAD(cp) || txu8_is_space(cp))
				break;
			j += (size_t)len;
			continue;
		}
		if (s[j] == '(')
			parens++;
		else if (s[j] == ')')
			parens--;
		j++;
	}
	/* Punctuation that ends a sentence or closes a bracket is not the URL's. */
	for (end = j; end > i; end--) {
		unsigned char c = (unsigned char)s[end - 1];

		if (c == ')' && parens < 0) {
			parens++;
			continue;
		}
		if (strchr(".,;:!?'\"]}", c) == NULL || c == '\0')
			break;
	}
	return end;
}

/* End of an e-mail address at i, or 0. */
static size_t
scan_email(const char *s, size_t n, size_t i)
{
	size_t j = i, dot = 0;

	/* RFC 5321's bound on the local part, which also keeps the scan linear */
	while (j < n && j - i <= MAX_LOCAL && (is_ascii_alnum((unsigned char)s[j]) ||
	    s[j] == '.' || s[j] == '_' || s[j] == '%' || s[j] == '+' || s[j] == '-'))
		j++;
	if (j == i || j >= n || s[j] != '@')
		return 0;
	j++;
	while (j < n && (is_ascii_alnum((unsigned char)s[j]) || s[j] == '-' ||
	    (s[j] == '.' && j + 1 < n && is_ascii_alnum((unsigned char)s[j + 1])))) {
		if (s[j] == '.')
			dot = j;
		j++;
	}
	return dot != 0 ? j : 0;
}

/* End of @handle or #tag at i, or 0. */
static size_t
scan_mention(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;
	int letters = 0, len;
	int32_t cp;

	if (i > 0 && is_ascii_alnum((unsigned char)s[i - 1]))
		return 0;
	while ((cp = txu8_at(s, n, j, &len), len > 0) &&
	    (is_alnum(cp) || cp == '_')) {
		letters += !txu8_is_digit(cp);
		j += len;
	}
	return letters > 0 ? j : 0;
}

/* End of an emoticon at i, or 0. */
static size_t
scan_emoticon(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;
	unsigned char c = (unsigned char)s[i], m;

	if (c == '<')
		return j < n && s[j] == '3' && (j + 1 == n ||
		    !is_ascii_alnum((unsigned char)s[j + 1])) ? j + 1 : 0;
	if (j < n && (s[j] == '-' || s[j] == '\''))
		j++;
	if (j >= n)
		return 0;
	m = (unsigned char)s[j];
	if (strchr(")(]/|*3", m) == NULL && !(m == 'D' || m == 'P' ||
	    m == 'p' || m == 'O' || m == 'o'))
		return 0;
	/* ":D" after a letter is "Re:Dear"; a letter after it is a word */
	if (is_ascii_alnum(m) && ((i > 0 && is_ascii_alnum((unsigned char)s[i - 1])) ||
	    (j + 1 < n && is_ascii_alnum((unsigned char)s[j + 1]))))
		return 0;
	if (c == '=' && m != ')' && m != '(' && m != 'D')
		return 0;
	/* "(see: )" is no smile; ":)" needs no space before it */
	while (j + 1 < n && (unsigned char)s[j + 1] == m && !is_ascii_alnum(m))
		j++;
	return j + 1;
}

static unsigned
case_flags(const char *s, size_t start, size_t end)
{
	unsigned f = 0;
	int letters = 0, lower = 0, len;
	int32_t cp;
	size_t i;

	for (i = start; i < end; i += (size_t)len) {
		cp = txu8_at(s, end, i, &len);
		if (!txu8_is_letter(cp))
			continue;
		if (letters++ == 0)
			f |= txu8_is_upper(cp) ? TXTOK_UPPER :
			    txu8_is_lower(cp) ? TXTOK_LOWER : 0;
		lower |= txu8_is_lower(cp);
	}
	if (letters >= 2 && !lower)
		f |= TXTOK_ALLCAPS;
	return f;
}

size_t
txtok_next(const char *s, size_t n, size_t pos, struct txtok *t)
{
	int32_t cp, c2;
	size_t end, e;
	int len, len2, number;

	t->start = pos;
	t->flags = 0;
	t->newlines = 0;
	if ((unsigned)(((unsigned char)s[pos] | 0x20) - 'a') < 26u) {
		/* Fast path: ASCII letters ended by a mark no joiner can start. */
		size_t j = pos + 1;
		int lower = s[pos] >= 'a';
		unsigned char b = 0;

		while (j < n && (unsigned)(((b = (unsigned char)s[j]) | 0x20) - 'a') < 26u) {
			lower |= b >= 'a';
			j++;
		}
		if (j == n || b == ' ' || b == '\n' || b == ',' || b == ';' ||
		    b == '?' || b == '!' || b == ')' || b == '"' || b == '\t' ||
		    b == '\r') {
			t->kind = TXTOK_WORD;
			t->end = j;
			t->first = (unsigned char)s[pos];
			t->last = (unsigned char)s[j - 1];
			t->flags = s[pos] >= 'a' ? TXTOK_LOWER : TXTOK_UPPER;
			if (!lower && j - pos >= 2)
				t->flags |= TXTOK_ALLCAPS;
			return j;
		}
	}
	if (s[pos] == ' ' && (pos + 1 == n || ((unsigned char)s[pos + 1] > ' ' &&
	    (unsigned char)s[pos + 1] < 0x80))) {
		/* Fast path: one space before ASCII that is no white space. */
		t->kind = TXTOK_SPACE;
		t->first = t->last = ' ';
		t->end = pos + 1;
		return pos + 1;
	}
	cp = txu8_at(s, n, pos, &len);
	t->first = cp;
	end = pos + (size_t)len;

	if (TXU8_ISBAD(cp)) {
		t->kind = TXTOK_INVALID;
	} else if (txu8_is_space(cp)) {
		t->kind = TXTOK_SPACE;
		end = pos;
		while ((c2 = txu8_at(s, n, end, &len2), len2 > 0) &&
		    txu8_is_space(c2)) {
			t->newlines += c2 == '\n';
			end += (size_t)len2;
		}
	} else if ((cp == '@' || cp == '#') &&
	    (e = scan_mention(s, n, pos)) != 0) {
		t->kind = cp == '@' ? TXTOK_HANDLE : TXTOK_HASHTAG;
		end = e;
	} else if (is_alnum(cp)) {
		/* The word first; the rarer kinds only where its end allows them. */
		end = scan_word(s, n, pos, &number, &t->flags, &t->last);
		t->kind = number ? TXTOK_NUMBER : TXTOK_WORD;
		c2 = end < n ? (unsigned char)s[end] : 0;
		if ((c2 == ':' || c2 == '.' || c2 == '+' || c2 == '-' ||
		    ((cp | 0x20) == 'w' && end - pos >= 4 && s[pos + 3] == '.' &&
		    strncasecmp(s + pos, "www.", 4) == 0)) &&
		    (e = scan_url(s, n, pos)) > pos)
			t->kind = TXTOK_URL;
		else if ((c2 == '@' || c2 == '.' || c2 == '%' || c2 == '+' ||
		    c2 == '-' || c2 == '_') && (e = scan_email(s, n, pos)) > pos)
			t->kind = TXTOK_EMAIL;
		else if (c2 == '.' && (e = scan_abbrev(s, n, pos)) != (size_t)-1)
			t->kind = TXTOK_ABBREV;
		else
			e = end;
		if (e != end) {
			end = e;
			t->flags = case_flags(s, pos, end);
			txu8_decode_back(s + pos, end - pos, &t->last);
		}
		t->end = end;
		return end;
	} else if ((cp == ':' || cp == ';' || cp == '=' || cp == '<') &&
	    (e = scan_emoticon(s, n, pos)) != 0) {
		t->kind = TXTOK_EMOTICON;
		end = e;
	} else if (cp == '?' || cp == '!') {
		t->kind = TXTOK_PUNCT;
		while (end < n && (s[end] == '?' || s[end] == '!'))
			end++;
	} else if (cp == '.' || cp == '-' || cp == '*' || cp == '=' || cp == '_' ||
	    cp == '~' || cp == '#' || cp == '+') {
		/* runs: "...", "--", "***", "=====" */
		t->kind = txu8_is_punct(cp) ? TXTOK_PUNCT : TXTOK_SYMBOL;
		while (end < n && s[end] == (char)cp)
			end++;
	} else if (cp >= 0x80 && txch_is(cp, TXCH_DASH)) {
		t->kind = TXTOK_PUNCT;
		while ((c2 = txu8_at(s, n, end, &len2), len2 > 0) && c2 == cp)
			end += (size_t)len2;
	} else {
		t->kind = txu8_is_punct(cp) ? TXTOK_PUNCT : TXTOK_SYMBOL;
	}
	t->end = end;
	if (end - pos == (size_t)len)
		t->last = cp;
	else
		txu8_decode_back(s + pos, end - pos, &t->last);
	return end;
}

const char *
txtok_kind_name(enum txtok_kind kind)
{
	static const char *names[] = {
		"space", "word", "number", "abbrev", "url", "email", "handle",
		"hashtag", "emoticon", "punct", "symbol", "invalid"
	};

	return (unsigned)kind < sizeof(names) / sizeof(names[0]) ?
	    names[kind] : "?";
}
