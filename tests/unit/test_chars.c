/*
 * The punctuation classes, checked against Unicode's own PropList.txt
 * (Debian unicode-data): Sentence_Terminal, Quotation_Mark and Dash for
 * every code point, and against what the engines' own lists held before
 * they moved here.
 */
#include "harness.h"
#include "chars.h"

#define PROPLIST "/usr/share/unicode/PropList.txt"

/* Marks in have[] the code points PropList.txt gives property prop. */
static size_t
load(const char *prop, unsigned char *have)
{
	char line[512], name[64];
	unsigned lo, hi, cp;
	size_t count = 0;
	FILE *f;

	if ((f = fopen(PROPLIST, "r")) == NULL)
		fail_msg("%s: cannot open (install unicode-data)", PROPLIST);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%x..%x ; %63s", &lo, &hi, name) != 3) {
			if (sscanf(line, "%x ; %63s", &lo, name) != 2)
				continue;
			hi = lo;
		}
		if (strcmp(name, prop) != 0)
			continue;
		for (cp = lo; cp <= hi && cp <= 0x10FFFF; cp++, count++)
			have[cp] = 1;
	}
	fclose(f);
	return count;
}

static void
against(const char *prop, unsigned mask, unsigned want_all)
{
	unsigned char *have = calloc(0x110000, 1);
	unsigned cls;
	int32_t cp;

	assert_non_null(have);
	assert_true(load(prop, have) > 10);
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		cls = txch_class(cp);
		if (have[cp] && (cls & mask) == 0)
			fail_msg("U+%04X is %s, not in the class", (unsigned)cp, prop);
		if (!have[cp] && (cls & want_all) != 0)
			fail_msg("U+%04X is no %s, yet in the class", (unsigned)cp, prop);
	}
	free(have);
}

static void
test_proplist(void **state)
{
	(void)state;
	against("Sentence_Terminal", TXCH_TERMINAL, TXCH_TERMINAL);
	against("Quotation_Mark", TXCH_OPEN_QUOTE | TXCH_CLOSE_QUOTE,
	    TXCH_OPEN_QUOTE | TXCH_CLOSE_QUOTE);
	against("Dash", TXCH_DASH, TXCH_DASH);
}

static void
test_ascii_table(void **state)
{
	int32_t c;

	(void)state;
	for (c = 0; c < 128; c++)
		if (txch_class(c) != txch_derive(c))
			fail_msg("'%c' (%d): table %#x, derived %#x", c, (int)c,
			    txch_class(c), txch_derive(c));
}

/* What split.c, fix.c and tokens.c listed by hand before: still so. */
static void
test_old_lists(void **state)
{
	static const int32_t closers[] = { '"', '\'', ')', ']', '}', 0x201D,
		0x2019, 0xBB, 0x300D, 0x300F, 0xFF09, 0x3011, 0x203A };
	static const int32_t openers[] = { '"', '\'', '(', '[', '{', 0x201C,
		0x2018, 0xAB, 0x300C, 0x300E, 0xFF08, 0x3010, 0x201E };
	static const int32_t bullets[] = { 0x2022, 0x2043, 0x25E6, 0x25AA,
		0x2023, 0x25CF, 0x25A0 };
	static const int32_t qe[] = { '?', '!', 0x203C, 0x2047, 0x2049 };
	static const int32_t cjk[] = { 0x3002, 0xFF01, 0xFF1F, 0xFF61 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(closers) / sizeof(closers[0]); i++)
		assert_true(txch_is(closers[i], TXCH_CLOSE));
	for (i = 0; i < sizeof(openers) / sizeof(openers[0]); i++)
		assert_true(txch_is(openers[i], TXCH_OPEN));
	for (i = 0; i < sizeof(bullets) / sizeof(bullets[0]); i++)
		assert_true(txch_is(bullets[i], TXCH_BULLET));
	for (i = 0; i < sizeof(qe) / sizeof(qe[0]); i++)
		assert_int_equal(txch_class(qe[i]) & (TXCH_TERMINAL | TXCH_WIDE),
		    TXCH_TERMINAL);
	for (i = 0; i < sizeof(cjk) / sizeof(cjk[0]); i++)
		assert_int_equal(txch_class(cjk[i]) & (TXCH_TERMINAL | TXCH_WIDE),
		    TXCH_TERMINAL | TXCH_WIDE);
	assert_true(txch_is(0xA1, TXCH_INVERTED) && txch_is(0xBF, TXCH_INVERTED));
	assert_true(txch_is(0x2026, TXCH_ELLIPSIS));
	assert_true(txch_is(0x2014, TXCH_DASH) && txch_is(0x2013, TXCH_DASH));
	assert_true(txch_is(0x2019, TXCH_APOSTROPHE) && txch_is('\'', TXCH_APOSTROPHE));
	assert_true(txch_is(0x2010, TXCH_HYPHEN) && txch_is('-', TXCH_HYPHEN));
	/* the ambiguous quotes both open and close; curly ones say which */
	assert_int_equal(txch_class('"') & (TXCH_OPEN | TXCH_CLOSE),
	    TXCH_OPEN_QUOTE | TXCH_CLOSE_QUOTE);
	assert_int_equal(txch_class(0x201C) & TXCH_CLOSE, 0);
	assert_int_equal(txch_class(0x201D) & TXCH_OPEN, 0);
	assert_int_equal(txch_class('a'), 0);
	assert_int_equal(txch_class(0x4E00), 0);
	assert_int_equal(txch_class(-1), 0);
	assert_int_equal(txch_class(0x110000), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_proplist),
		cmocka_unit_test(test_ascii_table),
		cmocka_unit_test(test_old_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
