/*
 * fix_unicode: the rules of encoding and invisible characters.
 *
 * mojibake: mojibake.c finds runs of text that was UTF-8 decoded as a
 * single-byte charset and encodes them back.  nfc: each run of non-ASCII
 * characters, with the ASCII letter before it that a mark may combine
 * with, is normalized by utf8proc unless ICU finds it normalized already;
 * a run that changes is an edit.  zero-width, nbsp: one walk each over the
 * characters that may be theirs, deciding by the characters either side
 * (and, for a zero-width space between letters, by the lexicon:
 * fix_join.c).
 */
#include <stdlib.h>
#include <string.h>

#include "fix_impl.h"
#include "mojibake.h"

/* --- mojibake ---------------------------------------------------------- */

static int
moji_edit(void *arg, size_t start, size_t end, const char *repl, size_t len)
{
	return fx_edit(arg, start, end, R_MOJIBAKE, repl, len);
}

int
rule_mojibake(struct fixer *fx)
{
	return moji_find(fx->s, fx->n, moji_edit, fx) < 0 ? -1 : 0;
}

/* --- Unicode normalization --------------------------------------------- */

int
rule_nfc(struct fixer *fx)
{
	const char *s = fx->s;
	size_t n = fx->n, i = 0, start, outlen;
	enum txu8_norm form = fx->o.nfkc ? TXU8_NFKC : TXU8_NFC;
	char *out;

	while ((i = txu8_skip_ascii(s, i, n)) < n) {
		/* the run, with the ASCII letter that marks may combine with */
		start = i > 0 && ascii_letter((unsigned char)s[i - 1]) ?
		    i - 1 : i;
		while (i < n && (unsigned char)s[i] >= 0x80)
			i++;
		if (txu8_normalized(s + start, i - start, form))
			continue;
		if (txu8_normalize(s + start, i - start, form, &out, &outlen) != 0)
			return -1;
		if ((outlen != i - start || memcmp(out, s + start, outlen) != 0) &&
		    fx_edit(fx, start, i, R_NFC, out, outlen) != 0) {
			free(out);
			return -1;
		}
		free(out);
	}
	return 0;
}

/* --- invisible characters -------------------------------------------- */

/*
 * Calls fn(fx, i, e, cp) for each character cp at bytes [i, e) of the
 * document that UTF-8 begins with byte C2, E2 or EF, until fn returns
 * non-zero: the zero-width characters, the soft hyphen and the no-break
 * spaces are among U+0080-U+00BF, U+2000-U+2FFF and U+F000-U+FFFF.
 * ASCII is skipped eight bytes at a time, other text a byte at a time
 * and undecoded.
 */
typedef int char_fn(struct fixer *, size_t, size_t, int32_t);

static int
each_invisible(struct fixer *fx, char_fn *fn)
{
	const char *s = fx->s;
	size_t n = fx->n, i = 0, e;
	unsigned char c;
	int32_t cp;
	int l;

	while ((i = txu8_skip_ascii(s, i, n)) < n) {
		if ((c = (unsigned char)s[i]) != 0xC2 && c != 0xE2 && c != 0xEF) {
			i++;
			continue;
		}
		cp = txu8_at(s, n, i, &l);
		e = i + (size_t)l;
		if (fn(fx, i, e, cp) != 0)
			return -1;
		i = e;
	}
	return 0;
}

/*
 * A zero-width space, word joiner, BOM or soft hyphen inside a word goes;
 * a zero-width space between two words ("deal\u200Bthat") is a space.
 */
static int
zero_width(struct fixer *fx, size_t i, size_t e, int32_t cp)
{
	int l;

	return (cp == 0x200B || cp == 0x2060 || cp == 0xAD ||
	    (cp == 0xFEFF && i > 0)) &&
	    is_word_cp(cp_before(fx->s, i)) && is_word_cp(txu8_at(fx->s, fx->n, e, &l)) &&
	    fx_edit(fx, i, e, R_ZERO_WIDTH, " ", cp == 0x200B &&
	    fx_zw_between_words(fx, i, e) ? 1 : 0) != 0 ? -1 : 0;
}

int
rule_zero_width(struct fixer *fx)
{
	return each_invisible(fx, zero_width);
}

/*
 * A no-break space next to a space goes; one between words becomes a
 * space, unless it holds a number to its unit and --keep-nbsp says so.
 */
static int
nbsp(struct fixer *fx, size_t i, size_t e, int32_t cp)
{
	int32_t prev, next;
	int l;

	if (cp != 0xA0 && cp != 0x202F)
		return 0;
	prev = cp_before(fx->s, i);
	next = txu8_at(fx->s, fx->n, e, &l);
	if (prev == ' ' || next == ' ')
		return fx_edit(fx, i, e, R_NBSP, "", 0);
	if ((fx->english || (prev < 0x80 && next < 0x80)) &&
	    is_word_cp(next) && (is_word_cp(prev) || prev == '.' ||
	    prev == ',' || prev == ';' || prev == ':' || prev == ')') &&
	    !(fx->o.keep_nbsp && txu8_is_digit(prev) && txu8_is_letter(next)))
		return fx_edit(fx, i, e, R_NBSP, " ", 1);
	return 0;
}

int
rule_nbsp(struct fixer *fx)
{
	return each_invisible(fx, nbsp);
}
