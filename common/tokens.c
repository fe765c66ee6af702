#include <string.h>
#include <strings.h>

#include "tokens.h"
#include "utf8.h"

static int32_t
cp_at(const char *s, size_t n, size_t i, int *len)
{
	int32_t cp;

	if (i >= n) {
		*len = 0;
		return -1000;
	}
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	*len = txu8_decode(s + i, n - i, &cp);
	return cp;
}

static int
is_alnum(int32_t cp)
{
	return txu8_is_letter(cp) || txu8_is_digit(cp) || txu8_is_mark(cp);
}

static int
is_ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* End of the word or number starting at i. */
static size_t
scan_word(const char *s, size_t n, size_t i, int *number)
{
	int32_t cp, prev = -1000, next;
	int len, nlen, onlydigits = 1;

	*number = 1;
	for (;;) {
		cp = cp_at(s, n, i, &len);
		if (len == 0)
			break;
		if (is_alnum(cp)) {
			if (!txu8_is_digit(cp))
				onlydigits = *number = 0;
			prev = cp;
			i += len;
			continue;
		}
		next = cp_at(s, n, i + len, &nlen);
		if (nlen == 0 || !is_alnum(prev))
			break;
		if ((cp == '\'' || cp == 0x2019) && txu8_is_letter(prev) &&
		    txu8_is_letter(next))
			;
		else if ((cp == '-' || cp == 0x2010) && is_alnum(next))
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
		while ((cp = cp_at(s, n, j, &len), len > 0) &&
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
	int parens = 0;

	if (n - i > 4 && strncasecmp(s + i, "www.", 4) == 0 &&
	    is_ascii_alnum((unsigned char)s[i + 4]))
		j = i + 4;
	else {
		while (j < n && (is_ascii_alnum((unsigned char)s[j]) ||
		    s[j] == '+' || s[j] == '-' || s[j] == '.'))
			j++;
		if (j == i || j + 3 >= n || memcmp(s + j, "://", 3) != 0 ||
		    !url_char((unsigned char)s[j + 3]))
			return 0;
		j += 3;
	}
	while (j < n && url_char((unsigned char)s[j])) {
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

	while (j < n && (is_ascii_alnum((unsigned char)s[j]) ||
	    strchr("._%+-", s[j]) != NULL) && s[j] != '\0')
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
	while ((cp = cp_at(s, n, j, &len), len > 0) &&
	    (is_alnum(cp) || cp == '_')) {
		letters += !txu8_is_digit(cp);
		j += len;
	}
	return letters > 0 ? j : 0;
}

static unsigned
case_flags(const char *s, size_t start, size_t end)
{
	unsigned f = 0;
	int letters = 0, lower = 0, len;
	int32_t cp;
	size_t i;

	for (i = start; i < end; i += (size_t)len) {
		cp = cp_at(s, end, i, &len);
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

	memset(t, 0, sizeof(*t));
	t->start = pos;
	cp = cp_at(s, n, pos, &len);
	t->first = cp;
	end = pos + (size_t)len;

	if (TXU8_ISBAD(cp)) {
		t->kind = TXTOK_INVALID;
	} else if (txu8_is_space(cp)) {
		t->kind = TXTOK_SPACE;
		end = pos;
		while ((c2 = cp_at(s, n, end, &len2), len2 > 0) &&
		    txu8_is_space(c2)) {
			t->newlines += c2 == '\n';
			end += (size_t)len2;
		}
	} else if ((cp == '@' || cp == '#') &&
	    (e = scan_mention(s, n, pos)) != 0) {
		t->kind = cp == '@' ? TXTOK_HANDLE : TXTOK_HASHTAG;
		end = e;
	} else if (is_alnum(cp)) {
		if ((end = scan_url(s, n, pos)) > pos)
			t->kind = TXTOK_URL;
		else if ((end = scan_email(s, n, pos)) > pos)
			t->kind = TXTOK_EMAIL;
		else if ((end = scan_abbrev(s, n, pos)) != (size_t)-1)
			t->kind = TXTOK_ABBREV;
		else {
			end = scan_word(s, n, pos, &number);
			t->kind = number ? TXTOK_NUMBER : TXTOK_WORD;
		}
		t->flags = case_flags(s, pos, end);
	} else if (txu8_is_punct(cp) && (cp == '.' || cp == '?' || cp == '!' ||
	    cp == '-' || cp == 0x2014 || cp == 0x2013)) {
		t->kind = TXTOK_PUNCT;
		/* Runs: "...", "?!?", "--". */
		while ((c2 = cp_at(s, n, end, &len2), len2 > 0) &&
		    (c2 == cp || ((cp == '?' || cp == '!') &&
		    (c2 == '?' || c2 == '!'))))
			end += (size_t)len2;
	} else {
		t->kind = txu8_is_punct(cp) ? TXTOK_PUNCT : TXTOK_SYMBOL;
	}
	t->end = end;
	txu8_decode_back(s + pos, end - pos, &t->last);
	return end;
}

const char *
txtok_kind_name(enum txtok_kind kind)
{
	static const char *names[] = {
		"space", "word", "number", "abbrev", "url", "email", "handle",
		"hashtag", "punct", "symbol", "invalid"
	};

	return (unsigned)kind < sizeof(names) / sizeof(names[0]) ?
	    names[kind] : "?";
}
