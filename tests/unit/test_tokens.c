#include "harness.h"
#include "tokens.h"

/* Tokenizes s and compares "kind:text" of each non-space token with want, joined by '|'. */
static void
expect(const char *s, const char *want)
{
	char got[2048];
	size_t n = strlen(s), pos = 0, len = 0;
	struct txtok t;

	got[0] = '\0';
	while (pos < n) {
		size_t end = txtok_next(s, n, pos, &t);

		assert_true(end > pos);
		assert_int_equal(t.start, pos);
		assert_int_equal(t.end, end);
		if (t.kind != TXTOK_SPACE)
			len += (size_t)snprintf(got + len, sizeof(got) - len,
			    "%s%s:%.*s", len ? "|" : "", txtok_kind_name(t.kind),
			    (int)(end - pos), s + pos);
		pos = end;
	}
	assert_string_equal(got, want);
}

static void
test_words(void **state)
{
	(void)state;
	expect("don't e-mail O’Neill", "word:don't|word:e-mail|word:O’Neill");
	expect("peace-keepers, 3rd F-16", "word:peace-keepers|punct:,|word:3rd|word:F-16");
	expect("Node.js example.com", "word:Node.js|word:example.com");
	expect("closed.The", "word:closed|punct:.|word:The");
	expect("naïve café", "word:naïve|word:café");
	expect("'quoted'", "punct:'|word:quoted|punct:'");
}

static void
test_numbers(void **state)
{
	(void)state;
	expect("5,600 10:30 3.5 1026.253.553 12/25/2004",
	    "number:5,600|number:10:30|number:3.5|number:1026.253.553|number:12/25/2004");
	expect("killed 4.", "word:killed|number:4|punct:.");
	expect("$12.50", "symbol:$|number:12.50");
}

static void
test_abbrev(void **state)
{
	(void)state;
	expect("U.S. e.g. a.m. U.S.A. Ph.D.",
	    "abbrev:U.S.|abbrev:e.g.|abbrev:a.m.|abbrev:U.S.A.|abbrev:Ph.D.");
	expect("Mr. E. Smith", "word:Mr|punct:.|word:E|punct:.|word:Smith");
}

static void
test_web(void **state)
{
	(void)state;
	expect("see https://example.com/a_(b). ok",
	    "word:see|url:https://example.com/a_(b)|punct:.|word:ok");
	expect("(www.example.org)", "punct:(|url:www.example.org|punct:)");
	expect("mail jo.doe@example.co.uk.", "word:mail|email:jo.doe@example.co.uk|punct:.");
	expect("@tx_dev #nlp2024 a@b", "handle:@tx_dev|hashtag:#nlp2024|word:a|punct:@|word:b");
	expect("# 1", "punct:#|number:1");
	/* the bounds that keep the scanners linear: a 64-byte local part, a 32-byte scheme */
	expect("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b.org",
	    "email:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b.org");
	expect("svn+ssh://h/x", "url:svn+ssh://h/x");
	/* a URL takes other scripts, not an invalid byte or U+00A0 (found by fuzz_tokens) */
	expect("http://h/caf\xc3\xa9 x", "url:http://h/caf\xc3\xa9|word:x");
	expect("http://h/a\xff" "b", "url:http://h/a|invalid:\xff|word:b");
	expect("www.h.org\xc2\xa0" "b", "url:www.h.org|word:b");
	expect("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa://h",
	    "word:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|emoticon:://|word:h");
}

static void
test_punct(void **state)
{
	(void)state;
	expect("Wait... what?!? No -- yes…",
	    "word:Wait|punct:...|word:what|punct:?!?|word:No|punct:--|word:yes|punct:…");
	expect("«Ja» „so“", "punct:«|word:Ja|punct:»|punct:„|word:so|punct:“");
	expect("*** ==== __", "punct:***|symbol:====|punct:__");
}

static void
test_emoticons(void **state)
{
	(void)state;
	expect("great :-) see :) ok;) :D <3 :((",
	    "word:great|emoticon::-)|word:see|emoticon::)|word:ok|emoticon:;)|emoticon::D|emoticon:<3|emoticon::((");
	expect("Re:Dear 10:30 (see: x) a:b", "word:Re|punct::|word:Dear|number:10:30|punct:(|word:see|punct::|word:x|punct:)|word:a|punct::|word:b");
}

static void
test_bytes(void **state)
{
	struct txtok t;
	(void)state;
	expect("a\xFF" "b", "word:a|invalid:\xFF|word:b");
	/* a NUL byte is a symbol of its own */
	assert_int_equal(txtok_next("x\0y", 3, 1, &t), 2);
	assert_int_equal(t.kind, TXTOK_SYMBOL);
	txtok_next(" \n\t\n", 4, 0, &t);
	assert_int_equal(t.kind, TXTOK_SPACE);
	assert_int_equal(t.newlines, 2);
	assert_int_equal(t.end, 4);
}

static void
test_flags(void **state)
{
	struct txtok t;

	(void)state;
	txtok_next("Hello", 5, 0, &t);
	assert_int_equal(t.flags, TXTOK_UPPER);
	txtok_next("NASA", 4, 0, &t);
	assert_int_equal(t.flags, TXTOK_UPPER | TXTOK_ALLCAPS);
	txtok_next("iPhone", 6, 0, &t);
	assert_int_equal(t.flags, TXTOK_LOWER);
	assert_int_equal(t.first, 'i');
	assert_int_equal(t.last, 'e');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_abbrev),
		cmocka_unit_test(test_web),
		cmocka_unit_test(test_punct),
		cmocka_unit_test(test_emoticons),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
