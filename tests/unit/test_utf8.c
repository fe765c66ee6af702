#include "harness.h"
#include "utf8.h"

static void
test_decode(void **state)
{
	int32_t cp;

	(void)state;
	assert_int_equal(txu8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(txu8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(txu8_decode("\xE2\x82\xAC", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(txu8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* each invalid byte is one opaque unit */
	assert_int_equal(txu8_decode("\xFF", 1, &cp), 1);
	assert_int_equal(cp, TXU8_BAD(0xFF));
	assert_true(TXU8_ISBAD(cp));
	assert_int_equal(txu8_decode("\xC0\x80", 2, &cp), 1);	/* overlong */
	assert_true(TXU8_ISBAD(cp));
	assert_int_equal(txu8_decode("\xED\xA0\x80", 3, &cp), 1);	/* surrogate */
	assert_true(TXU8_ISBAD(cp));
	assert_int_equal(txu8_decode("\xF4\x90\x80\x80", 4, &cp), 1);	/* > U+10FFFF */
	assert_true(TXU8_ISBAD(cp));
	assert_int_equal(txu8_decode("\xE2\x82", 2, &cp), 1);	/* cut */
	assert_true(TXU8_ISBAD(cp));
	assert_int_equal(txu8_decode("\xE2\x82\xAC", 2, &cp), 1);	/* cut by n */
	assert_true(TXU8_ISBAD(cp));
}

static void
test_decode_back(void **state)
{
	int32_t cp;

	(void)state;
	assert_int_equal(txu8_decode_back("a\xE2\x82\xAC", 4, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(txu8_decode_back("a\x82\xAC", 3, &cp), 1);
	assert_int_equal(cp, TXU8_BAD(0xAC));
	assert_int_equal(txu8_decode_back("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
}

static void
test_at(void **state)
{
	int len;

	(void)state;
	assert_int_equal(txu8_at("a\xC3\xA9", 3, 0, &len), 'a');
	assert_int_equal(len, 1);
	assert_int_equal(txu8_at("a\xC3\xA9", 3, 1, &len), 0xE9);
	assert_int_equal(len, 2);
	assert_int_equal(txu8_at("a\xC3\xA9", 3, 3, &len), TXU8_END);
	assert_int_equal(len, 0);
	assert_int_equal(txu8_at("\xFF", 1, 0, &len), TXU8_BAD(0xFF));
	assert_int_equal(len, 1);
}

static void
test_validate(void **state)
{
	(void)state;
	assert_int_equal(txu8_validate("abc", 3), 3);
	assert_int_equal(txu8_validate("", 0), 0);
	assert_int_equal(txu8_validate("ab\xC3\xA9z", 5), 5);
	assert_int_equal(txu8_validate("ab\xFFz", 4), 2);
	assert_int_equal(txu8_validate("ab\xC3", 3), 2);
	assert_int_equal(txu8_validate("a\0b", 3), 3);	/* NUL is valid UTF-8 */
}

static void
test_classes(void **state)
{
	(void)state;
	assert_true(txu8_is_letter('q'));
	assert_true(txu8_is_letter(0x416));	/* Ж */
	assert_true(txu8_is_upper(0x416));
	assert_true(txu8_is_lower(0x436));
	assert_false(txu8_is_letter('1'));
	assert_true(txu8_is_digit(0x661));	/* Arabic-Indic one */
	assert_true(txu8_is_mark(0x301));
	assert_true(txu8_is_space(0xA0));
	assert_true(txu8_is_space(0x3000));
	assert_false(txu8_is_space(0x200B));	/* ZWSP is not White_Space */
	assert_true(txu8_is_punct(0x201C));
	assert_false(txu8_is_punct('$'));	/* a symbol */
	assert_true(txu8_is_cjk(0x4E2D));
	assert_true(txu8_is_cjk(0x3042));
	assert_false(txu8_is_cjk('a'));
	assert_false(txu8_is_letter(TXU8_BAD(0xFF)));
	assert_int_equal(txu8_tolower(0x416), 0x436);
	assert_int_equal(txu8_toupper('a'), 'A');
	assert_int_equal(txu8_tolower(TXU8_BAD(0xC3)), TXU8_BAD(0xC3));
}

static void
test_grapheme(void **state)
{
	int32_t st = 0;

	(void)state;
	assert_false(txu8_grapheme_break('e', 0x301, &st));
	st = 0;
	assert_true(txu8_grapheme_break('a', 'b', &st));
	st = 0;
	assert_false(txu8_grapheme_break('\r', '\n', &st));
	st = 0;
	/* regional indicators pair up */
	assert_false(txu8_grapheme_break(0x1F1E9, 0x1F1EA, &st));
}

/*
 * The word-at-a-time scans agree with a byte at a time on every span of
 * random bytes, mostly ASCII, so that each lane of a word is hit.
 */
static void
test_scans(void **state)
{
	char buf[80];
	size_t a, b, i, want, cont;
	unsigned x = 12345;
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		for (i = 0; i < sizeof(buf); i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (char)((x >> 16) % 23 == 0 ? 0x80 | (x >> 8) : 'a' + (x >> 8) % 26);
		}
		for (a = 0; a <= sizeof(buf); a++)
			for (b = a; b <= sizeof(buf); b++) {
				for (want = a; want < b && (unsigned char)buf[want] < 0x80; want++)
					;
				assert_int_equal(txu8_skip_ascii(buf, a, b), want);
				for (i = a, cont = 0; i < b; i++)
					cont += ((unsigned char)buf[i] & 0xC0) == 0x80;
				assert_int_equal(txu8_count(buf, a, b), b - a - cont);
			}
	}
}

static void
expect_norm(const char *in, size_t n, enum txu8_norm f, const char *want,
    size_t wantlen)
{
	char *out;
	size_t len;

	assert_int_equal(txu8_normalize(in, n, f, &out, &len), 0);
	assert_int_equal(len, wantlen);
	assert_memory_equal(out, want, len);
	free(out);
}

static void
test_normalize(void **state)
{
	(void)state;
	/* e + combining acute -> é */
	expect_norm("e\xCC\x81", 3, TXU8_NFC, "\xC3\xA9", 2);
	/* ﬁ ligature: kept by NFC, "fi" by NFKC */
	expect_norm("\xEF\xAC\x81", 3, TXU8_NFC, "\xEF\xAC\x81", 3);
	expect_norm("\xEF\xAC\x81", 3, TXU8_NFKC, "fi", 2);
	expect_norm("Stra\xC3\x9F" "E", 7, TXU8_CASEFOLD, "strasse", 7);
	/* invalid bytes are kept and the spans around them normalized */
	expect_norm("e\xCC\x81\xFF" "e\xCC\x81", 7, TXU8_NFC,
	    "\xC3\xA9\xFF\xC3\xA9", 5);
	/* a NUL inside is kept */
	expect_norm("a\0b", 3, TXU8_NFC, "a\0b", 3);
	expect_norm("", 0, TXU8_NFC, "", 0);
}

/* The quick check says "normalized" only of text txu8_normalize keeps. */
static void
test_normalized(void **state)
{
	static const char *const pool[] = {
		"a", "e", "\xC3\xA9", "\xC3\xAA", "\xCC\x81", "\xCC\xA3",
		"\xE2\x80\x99", "\xE2\x80\x80", "\xE2\x84\xA6",
		"\xEF\xAC\x81", "\xE1\x84\x80", "\xE1\x85\xA1",
		"\xE1\x86\xA8", "\xEA\xB0\x80", "\xD0\x96", "\xE4\xB8\xAD",
		"\xC2\xA0", "\xF0\x9F\x98\x80", "\xFF",
	};
	static const enum txu8_norm forms[] = { TXU8_NFC, TXU8_NFKC };
	char buf[64], big[1000], *out;
	size_t len, outlen, k, f;
	unsigned x = 99;
	int round, yes = 0;

	(void)state;
	assert_true(txu8_normalized("\xC3\xA9", 2, TXU8_NFC));
	assert_false(txu8_normalized("e\xCC\x81", 3, TXU8_NFC));
	assert_false(txu8_normalized("\xE2\x84\xA6", 3, TXU8_NFC));
	assert_true(txu8_normalized("\xEF\xAC\x81", 3, TXU8_NFC));
	assert_false(txu8_normalized("\xEF\xAC\x81", 3, TXU8_NFKC));
	assert_false(txu8_normalized("\xC3\xA9", 2, TXU8_CASEFOLD));
	assert_false(txu8_normalized("a\xFF", 2, TXU8_NFC));
	memset(big, 'a', sizeof(big));
	assert_true(txu8_normalized(big, sizeof(big), TXU8_NFC));
	memcpy(big + sizeof(big) - 3, "e\xCC\x81", 3);
	assert_false(txu8_normalized(big, sizeof(big), TXU8_NFC));
	for (round = 0; round < 20000; round++) {
		for (len = 0, k = 0; k < 4; k++) {
			x = x * 1103515245u + 12345u;
			const char *p = pool[(x >> 16) % (sizeof(pool) / sizeof(pool[0]))];

			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		for (f = 0; f < 2; f++) {
			if (!txu8_normalized(buf, len, forms[f]))
				continue;
			yes++;
			assert_int_equal(txu8_normalize(buf, len, forms[f], &out, &outlen), 0);
			assert_int_equal(outlen, len);
			assert_memory_equal(out, buf, len);
			free(out);
		}
	}
	assert_true(yes > 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_back),
		cmocka_unit_test(test_at),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_grapheme),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_scans),
		cmocka_unit_test(test_normalized),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
