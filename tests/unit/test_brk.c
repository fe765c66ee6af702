/*
 * The break iterators, driven by Unicode's own conformance files
 * (Debian unicode-data: SentenceBreakTest.txt and WordBreakTest.txt):
 * every boundary ICU gives over the UTF-8 text must be a "÷" of the file.
 * Word breaks are checked with locale "sv": since CLDR 42 (ICU 72) the root
 * rules no longer take ':' for MidLetter, as UAX #29 does, and only Swedish
 * and Finnish keep it; test_colon shows the difference.
 */
#include "harness.h"
#include "brk.h"
#include "utf8.h"

#ifndef UCD_AUX
#define UCD_AUX "/usr/share/unicode/auxiliary"
#endif

static int
run_file(const char *name, enum txbrk_kind kind, int *cases)
{
	char path[512], line[4096], text[1024], *p, *end;
	long want[256], got;
	size_t nwant, len;
	struct txbrk *b;
	const char *why;
	int failures = 0, lineno = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", UCD_AUX, name);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("%s: cannot open (install unicode-data)", path);
	b = txbrk_open(kind, kind == TXBRK_WORD ? "sv" : "en", 0, &why);
	assert_non_null(b);
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if ((p = strchr(line, '#')) != NULL)
			*p = '\0';
		len = nwant = 0;
		for (p = line; *p != '\0';) {
			if (strncmp(p, "\xC3\xB7", 2) == 0) {	/* ÷ */
				if (len > 0)
					want[nwant++] = (long)len;
				p += 2;
			} else if (strncmp(p, "\xC3\x97", 2) == 0) {	/* × */
				p += 2;
			} else if (*p == ' ' || *p == '\t' || *p == '\n') {
				p++;
			} else {
				long cp = strtol(p, &end, 16);

				assert_true(end > p);
				len += (size_t)txu8_encode((int32_t)cp, text + len);
				p = end;
			}
		}
		if (len == 0)
			continue;
		(*cases)++;
		assert_int_equal(txbrk_set_text(b, text, len, &why), 0);
		size_t i = 0;
		int bad = 0;

		while ((got = txbrk_next(b)) >= 0) {
			if (i >= nwant || want[i] != got)
				bad = 1;
			i++;
		}
		if (bad || i != nwant) {
			failures++;
			print_error("%s:%d: boundaries differ\n", name, lineno);
		}
	}
	fclose(f);
	txbrk_close(b);
	return failures;
}

static void
test_sentence_conformance(void **state)
{
	int cases = 0;

	(void)state;
	assert_int_equal(run_file("SentenceBreakTest.txt", TXBRK_SENTENCE, &cases), 0);
	assert_true(cases > 400);
}

static void
test_word_conformance(void **state)
{
	int cases = 0;

	(void)state;
	assert_int_equal(run_file("WordBreakTest.txt", TXBRK_WORD, &cases), 0);
	assert_true(cases > 1500);
}

static void
test_offsets_are_bytes(void **state)
{
	/* "Été. Ça va." : sentence breaks at byte offsets, not UTF-16 units */
	static const char s[] = "\xC3\x89t\xC3\xA9. \xC3\x87" "a va.";
	struct txbrk *b;
	const char *why;

	(void)state;
	b = txbrk_open(TXBRK_SENTENCE, "fr", 0, &why);
	assert_non_null(b);
	assert_int_equal(txbrk_set_text(b, s, sizeof(s) - 1, &why), 0);
	assert_int_equal(txbrk_next(b), 7);
	assert_int_equal(txbrk_next(b), (long)sizeof(s) - 1);
	assert_int_equal(txbrk_next(b), -1);
	txbrk_close(b);
}

static void
test_suppressions(void **state)
{
	static const char s[] = "Mr. Smith came. He left.";
	struct txbrk *b;
	const char *why;

	(void)state;
	/* without suppressions ICU breaks after "Mr."; with them, not */
	b = txbrk_open(TXBRK_SENTENCE, "en", 0, &why);
	txbrk_set_text(b, s, sizeof(s) - 1, &why);
	assert_int_equal(txbrk_next(b), 4);
	txbrk_close(b);
	b = txbrk_open(TXBRK_SENTENCE, "en", 1, &why);
	assert_non_null(b);
	txbrk_set_text(b, s, sizeof(s) - 1, &why);
	assert_int_equal(txbrk_next(b), 16);
	txbrk_close(b);
}

static void
test_colon(void **state)
{
	static const char s[] = "a:b";
	struct txbrk *b;
	const char *why;

	(void)state;
	b = txbrk_open(TXBRK_WORD, "en", 0, &why);
	txbrk_set_text(b, s, sizeof(s) - 1, &why);
	assert_int_equal(txbrk_next(b), 1);
	txbrk_close(b);
	b = txbrk_open(TXBRK_WORD, "sv", 0, &why);
	txbrk_set_text(b, s, sizeof(s) - 1, &why);
	assert_int_equal(txbrk_next(b), 3);
	txbrk_close(b);
}

static void
test_invalid_bytes(void **state)
{
	/* an invalid byte is U+FFFD to ICU and keeps its one-byte offset */
	static const char s[] = "a\xFF" "b c";
	struct txbrk *b;
	const char *why;

	(void)state;
	b = txbrk_open(TXBRK_WORD, "en", 0, &why);
	txbrk_set_text(b, s, sizeof(s) - 1, &why);
	assert_int_equal(txbrk_next(b), 1);
	assert_true(txbrk_is_word(b));
	assert_int_equal(txbrk_next(b), 2);
	assert_int_equal(txbrk_next(b), 3);
	txbrk_close(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentence_conformance),
		cmocka_unit_test(test_word_conformance),
		cmocka_unit_test(test_offsets_are_bytes),
		cmocka_unit_test(test_suppressions),
		cmocka_unit_test(test_colon),
		cmocka_unit_test(test_invalid_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
