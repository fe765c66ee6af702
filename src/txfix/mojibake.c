#include <stdlib.h>
#include <string.h>

#include "mojibake.h"
#include "utf8.h"

/* A mojibake run is re-decoded at most this many times (double encoding). */
#define LAYERS	3

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


/* cp1252's 0x80-0x9F, as Unicode; 0 where cp1252 has no character. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* cp1251's 0x80-0xBF (0xC0-0xFF are U+0410-U+044F), as Unicode. */
static const uint16_t cp1251_hi[64] = {
	0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
	0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
	0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
	0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
	0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
	0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
	0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

enum codepage { CP1252, CP1251 };

/*
 * The byte that code point cp was decoded from by cp1252 (or Latin-1, for
 * the bytes cp1252 lacks), or by cp1251; -1 if none.
 */
static int
mojibake_byte(int32_t cp, enum codepage cpg)
{
	int i;

	/* the tables' greatest character is U+2122: most text is past it or ASCII */
	if (cp < 0x80 || cp > 0x2122)
		return -1;
	if (cpg == CP1251) {
		if (cp >= 0x410 && cp <= 0x44F)
			return 0xC0 + (cp - 0x410);
		for (i = 0; i < 64; i++)
			if (cp1251_hi[i] == cp && cp != 0)
				return 0x80 + i;
		return -1;
	}
	if (cp >= 0x80 && cp <= 0xFF)
		return cp;
	for (i = 0; i < 32; i++)
		if (cp1252_hi[i] == cp && cp != 0)
			return 0x80 + i;
	return -1;
}

/*
 * Whether a character that UTF-8 begins with byte c can be one of code
 * page cpg's (mojibake_byte >= 0): cp1252's are U+0080-U+00FF and letters
 * and marks of U+0152-U+02DC and U+2013-U+2122; cp1251's are U+00A0-U+00BB,
 * U+0401-U+0491 and U+2013-U+2122.  The rest of a text is passed over
 * undecoded.
 */
static int
lead_maybe(unsigned char c, enum codepage cpg)
{
	if (cpg == CP1251)
		return c == 0xC2 || (c >= 0xD0 && c <= 0xD2) || c == 0xE2;
	return c == 0xC2 || c == 0xC3 || c == 0xC5 || c == 0xC6 || c == 0xCB ||
	    c == 0xE2;
}

/*
 * Whether a character decoded from want bytes of mojibake is one text
 * plausibly holds: letters of the alphabets and the punctuation that
 * mojibake is made of, not IPA, Armenian, Hangul or Hebrew points (ftfy's
 * negatives: "É’", "Ê…", "ë…" are text as written).
 */
static int
plausible(int32_t d, size_t want, int lead, int second)
{
	if (want == 2) {
		/* a no-break space as the second byte: only "Â " and "Ã " */
		if (second == 0xA0 && lead != 0xC2 && lead != 0xC3)
			return 0;
		/*
		 * C1 controls: a layer of double mojibake ("Â\x9d" in "â€Â\x9d");
		 * so are cp1252's modifier letters, ˆ and ˜ ("â€˜" in "Ã¢â‚¬Ëœ")
		 */
		return (d >= 0x80 && d <= 0x17F) || d == 0x2C6 || d == 0x2DC || (d >= 0x300 && d <= 0x36F) ||
		    (d >= 0x386 && d <= 0x3CE) || (d >= 0x400 && d <= 0x4FF) ||
		    (d >= 0x5D0 && d <= 0x5EA) || (d >= 0x620 && d <= 0x64A);
	}
	if (want == 3)
		return (d >= 0x2000 && d <= 0x206F) || (d >= 0x20A0 && d <= 0x20CF) ||
		    (d >= 0x2100 && d <= 0x215F) || (d >= 0x2190 && d <= 0x21FF) ||
		    (d >= 0x2500 && d <= 0x27BF) || (d >= 0x3000 && d <= 0x30FF) ||
		    (d >= 0x4E00 && d <= 0x9FFF) || (d >= 0xFB00 && d <= 0xFB06) ||
		    (d >= 0xFF00 && d <= 0xFFEF) || d == 0xFFFD;
	return d >= 0x1F300 && d <= 0x1FAFF;
}

/*
 * Re-decodes the text s[0..n) once: every sequence of characters whose
 * cp1252/Latin-1 bytes form one valid multi-byte UTF-8 character is
 * replaced by it; before and next are the characters either side of the
 * run in the text.  Writes to out (at most n bytes); returns the new
 * length, or n when nothing changed.
 */
static size_t
redecode(const char *s, size_t n, char *out, int32_t before, int32_t next,
    enum codepage cpg)
{
	size_t i = 0, o = 0, j, k, want;
	unsigned char bytes[4];
	int len, l2, b, changed = 0, other = 0, latin = 0;
	int32_t cp, c2, dec, after;

	while (i < n) {
		cp = txu8_at(s, n, i, &len);
		b = mojibake_byte(cp, cpg);
		want = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
		if (b < 0 || want == 0)
			goto copy;
		bytes[0] = (unsigned char)b;
		for (j = 1, k = i + (size_t)len; j < want; j++) {
			c2 = txu8_at(s, n, k, &l2);
			if (l2 == 0 || (b = mojibake_byte(c2, cpg)) < 0x80 || b > 0xBF)
				break;
			bytes[j] = (unsigned char)b;
			k += (size_t)l2;
		}
		if (j < want || txu8_decode((char *)bytes, want, &dec) != (int)want ||
		    !plausible(dec, want, bytes[0], bytes[1]))
			goto copy;
		/*
		 * "XÄ£ÄY": a small letter between capitals was no mojibake;
		 * at the run's end, only a small letter next in the text
		 * makes it one ("DÄ…browski" is "Dąbrowski")
		 */
		after = k < n ? txu8_at(s, n, k, &l2) : next;
		if (txu8_is_lower(dec) && txu8_is_upper(before) &&
		    (k < n ? txu8_is_upper(after) : !txu8_is_lower(after)))
			goto copy;
		o += (size_t)txu8_encode(dec, out + o);
		if (want == 2 && dec >= 0x370 && dec < 0x2000)
			other++;
		else
			latin++;
		before = dec;
		i = k;
		changed = 1;
		continue;
copy:
		memcpy(out + o, s + i, (size_t)len);
		o += (size_t)len;
		i += (size_t)len;
		before = cp;
	}
	/* one Greek, Cyrillic or Hebrew letter alone is text: "5×£35", "“×”" */
	if (other == 1 && latin == 0)
		return n;
	/* from cp1251, only what is no Cyrillic itself: "вЂ™" is "’", "Рё" stays */
	if (cpg == CP1251 && other > 0)
		return n;
	return changed ? o : n;
}

/*
 * Copies s[0..n) to out, each C1 control by the Windows-1252 character of
 * its byte ("’\x85" is "’…"); returns the length.  out holds 3n/2 bytes: a
 * C1 control takes 2 bytes, its replacement at most 3.
 */
static size_t
c1_to_cp1252(const char *s, size_t n, char *out)
{
	size_t i = 0, o = 0;
	int32_t cp;
	int l;

	while (i < n) {
		l = txu8_decode(s + i, n - i, &cp);
		if (cp >= 0x80 && cp <= 0x9F && cp1252_hi[cp - 0x80] != 0)
			o += (size_t)txu8_encode(cp1252_hi[cp - 0x80], out + o);
		else {
			memcpy(out + o, s + i, (size_t)l);
			o += (size_t)l;
		}
		i += (size_t)l;
	}
	return o;
}

/*
 * Mojibake decoded by code page cpg: each run of characters the code page
 * can give is re-decoded, up to LAYERS times for cp1252 (double encoding),
 * once for cp1251.
 */
static long
mojibake_runs(const char *s, size_t n, enum codepage cpg, moji_fn fn, void *arg)
{
	size_t i = 0, start, len, k;
	long found = 0;
	int32_t before, next;
	char *a, *b, *t;
	int32_t cp;
	int l = 1, layer, seam, prevb, b0;

	while ((i = txu8_skip_ascii(s, i, n)) < n) {
		if (!lead_maybe((unsigned char)s[i], cpg)) {
			i++;
			continue;
		}
		start = i;
		seam = 0;
		for (prevb = 0; i < n && (cp = txu8_at(s, n, i, &l),
		    (b0 = mojibake_byte(cp, cpg)) >= 0); prevb = b0) {
			seam |= prevb >= 0xC2 && b0 <= 0xBF;
			i += (size_t)l;
		}
		if (i == start) {
			i += (size_t)l;
			continue;
		}
		/* no lead byte before a continuation byte: nothing decodes ("’" alone) */
		if (!seam)
			continue;
		len = i - start;
		if ((a = malloc(len * 2)) == NULL || (b = malloc(len * 2)) == NULL) {
			free(a);
			return -1;
		}
		memcpy(a, s + start, len);
		before = TXU8_END;
		if (start > 0)
			txu8_decode_back(s, start, &before);
		next = i < n ? txu8_at(s, n, i, &l) : TXU8_END;
		for (layer = 0; layer < (cpg == CP1252 ? LAYERS : 1); layer++) {
			k = redecode(a, len, b, before, next, cpg);
			if (k == len)
				break;
			t = a;
			a = b;
			b = t;
			len = k;
		}
		if (layer > 0) {
			len = c1_to_cp1252(a, len, b);
			t = a;
			a = b;
			b = t;
		}
		if (layer > 0 && fn(arg, start, i, a, len) != 0) {
			free(a);
			free(b);
			return -1;
		}
		found += layer > 0;
		free(a);
		free(b);
	}
	return found;
}

/* The first occurrence of needle[0..m) in s[0..n), or NULL (memmem is not POSIX). */
static const char *
find_bytes(const char *s, size_t n, const char *needle, size_t m)
{
	const char *p = s, *end = s + n;

	while (m > 0 && (size_t)(end - p) >= m &&
	    (p = memchr(p, needle[0], (size_t)(end - p) - m + 1)) != NULL) {
		if (memcmp(p, needle, m) == 0)
			return p;
		p++;
	}
	return NULL;
}

/*
 * Where a document has mojibake, the traces of the bytes that were lost
 * with it: a no-break space (A0) turned into a space ("Ã " was "à ", "Â "
 * a no-break space) and a third byte lost to "?" or U+FFFD ("â€?").
 * Without other mojibake these are text as written.
 */
static long
mojibake_traces(const char *s, size_t n, moji_fn fn, void *arg)
{
	static const struct { const char *from, *to; int lone; } tr[] = {
		{ "\xC3\x83 ", "\xC3\xA0 ", 1 },		/* "Ã " -> "à " */
		{ "\xD0\x93 ", "\xC3\xA0 ", 1 },		/* "Г " (cp1251) -> "à " */
		{ "\xC3\x82 ", "\xC2\xA0", 0 },		/* "Â " -> no-break space */
		{ "\xC3\xA2\xE2\x82\xAC?", "\xEF\xBF\xBD", 0 },
		{ "\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD", "\xEF\xBF\xBD", 0 },
	};
	const char *p;
	size_t i, k, len;
	long found = 0;

	for (k = 0; k < NELEM(tr); k++) {
		len = strlen(tr[k].from);
		for (p = s; (p = find_bytes(p, n - (size_t)(p - s), tr[k].from,
		    len)) != NULL; p += len) {
			i = (size_t)(p - s);
			/* "à" is a French word of its own: a Latin word and a space before it */
			if (tr[k].lone && (i < 2 || s[i - 1] != ' ' ||
			    !ascii_letter((unsigned char)s[i - 2])))
				continue;
			if (fn(arg, i, i + len, tr[k].to, strlen(tr[k].to)) != 0)
				return -1;
			found++;
		}
	}
	return found;
}

/*
 * A C1 control character (U+0080-U+009F) left alone is a Windows-1252 byte
 * decoded as Latin-1: "Tal\x93" is "Tal“".  Text never means a C1 control.
 */
static long
lone_c1(const char *s, size_t n, moji_fn fn, void *arg)
{
	const char *p;
	size_t i;
	char out[4];
	long found = 0;
	int32_t cp;
	int l;

	for (i = 0; i + 1 < n; i++) {
		if ((p = memchr(s + i, 0xC2, n - 1 - i)) == NULL)
			break;
		i = (size_t)(p - s);
		if ((unsigned char)s[i + 1] > 0x9F)
			continue;
		cp = txu8_at(s, n, i, &l);
		if (cp >= 0x80 && cp <= 0x9F && cp1252_hi[cp - 0x80] != 0) {
			if (fn(arg, i, i + 2, out,
			    (size_t)txu8_encode(cp1252_hi[cp - 0x80], out)) != 0)
				return -1;
			found++;
		}
	}
	return found;
}

long
moji_find(const char *s, size_t n, moji_fn fn, void *arg)
{
	long a, b, c, d = 0;

	if ((a = mojibake_runs(s, n, CP1252, fn, arg)) < 0 ||
	    (b = mojibake_runs(s, n, CP1251, fn, arg)) < 0 ||
	    (c = lone_c1(s, n, fn, arg)) < 0)
		return -1;
	/* the traces only where the document has mojibake */
	if (a + b + c > 0 && (d = mojibake_traces(s, n, fn, arg)) < 0)
		return -1;
	return a + b + c + d;
}

