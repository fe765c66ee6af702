/*
 * txstrip's engine below the model: the smoothing pass, the HTML walk and
 * its charset sniffing, the lines of plain text, the words the metric
 * counts and the features' de-duplication.  Expected values are worked
 * out by hand.
 */
#include "harness.h"
#include "block.h"
#include "html.h"
#include "strip.h"

static void
test_smooth(void **state)
{
	static const double s[] = { 1, 1, -0.5, 1, -3, -3 };
	static const double low[] = { -3, -0.5, -0.2, -4 };
	static const double none[] = { -5, -4, -6 };
	unsigned char keep[8];

	(void)state;
	/* no cost: each block on its own sign */
	assert_int_equal(strip_smooth(s, 6, 0, STRIP_FLOOR, keep), 3);
	assert_memory_equal(keep, "\1\1\0\1\0\0", 6);
	/* a cost of 1 bridges the weak block: 2.5 - 1 beats 3 - 3 */
	assert_int_equal(strip_smooth(s, 6, 1, STRIP_FLOOR, keep), 4);
	assert_memory_equal(keep, "\1\1\1\1\0\0", 6);
	/* a cost of 3 keeps nothing, so the best run is kept instead */
	assert_int_equal(strip_smooth(s, 6, 3, STRIP_FLOOR, keep), 4);
	assert_memory_equal(keep, "\1\1\1\1\0\0", 6);
	/* nothing positive but blocks above the floor: the best run, */
	assert_int_equal(strip_smooth(low, 4, 0, STRIP_FLOOR, keep), 1);
	assert_memory_equal(keep, "\0\0\1\0", 4);
	/* and nothing at all when every block is below it */
	assert_int_equal(strip_smooth(none, 3, 0, STRIP_FLOOR, keep), 0);
	assert_memory_equal(keep, "\0\0\0", 3);
	assert_int_equal(strip_smooth(none, 0, 0, STRIP_FLOOR, keep), 0);
}

/* The blocks of bl as "a|b|c". */
static void
blocks_are(const struct blocks *bl, const char *want)
{
	char got[512];
	size_t i, len = 0;

	got[0] = '\0';
	for (i = 0; i < bl->n; i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%.*s",
		    i ? "|" : "", (int)(bl->b[i].end - bl->b[i].start),
		    bl->text + bl->b[i].start);
	assert_string_equal(got, want);
}

static void
test_lines(void **state)
{
	struct blocks bl;
	static const char t[] = "one\r\n\n \t\ntwo  \nthree";

	(void)state;
	memset(&bl, 0, sizeof(bl));
	assert_int_equal(block_lines(&bl, t, sizeof(t) - 1), 0);
	blocks_are(&bl, "one|two  |three");
	assert_int_equal(bl.b[0].next, 5);
	assert_int_equal(bl.b[2].next, sizeof(t) - 1);
	assert_int_equal(block_lines(&bl, "", 0), 0);
	assert_int_equal(bl.n, 0);
	block_free(&bl);
}

static void
html(struct blocks *bl, const char *page, const char *want)
{
	const char *why = NULL;

	assert_int_equal(block_html(bl, page, strlen(page), &why), 0);
	blocks_are(bl, want);
}

static void
test_html(void **state)
{
	struct blocks bl;

	(void)state;
	memset(&bl, 0, sizeof(bl));
	/* inline elements join, block elements and <br> split, space collapses */
	html(&bl, "<p>a <b>bold</b>\n  word</p><div>x<br>y</div>", "a bold word|x|y");
	/* dropped with what they hold: script, style, hidden, display:none, head */
	html(&bl, "<html><head><title> The  title </title><style>p{}</style></head>"
	    "<body><script>var x;</script><p hidden>h</p><p style=\"Display: None\">n</p>"
	    "<p aria-hidden=\"true\">a</p><noscript>ns</noscript><p>kept &amp; shown</p>"
	    "</body></html>", "kept & shown");
	assert_non_null(bl.title);
	assert_string_equal(bl.title, "The title");
	/* what a block knows of its place */
	html(&bl, "<nav><ul><li><a href=/>Home</a></li></ul></nav><article><h2>Head</h2>"
	    "<p>Some <a href=/x>link</a> text</p></article>", "Home|Head|Some link text");
	assert_true(bl.b[0].list && bl.b[0].landmark && !bl.b[0].inmain);
	assert_int_equal(bl.b[0].linkchars, 4);
	assert_int_equal(bl.b[1].heading, 2);
	assert_true(bl.b[1].inmain && !bl.b[1].landmark);
	assert_int_equal(bl.b[2].linkchars, 4);
	assert_true(bl.b[1].group[0] == bl.b[2].group[0] && bl.b[1].group[0] != 0);
	assert_null(bl.title);
	/* broken markup is read, not refused; nothing readable is no blocks */
	html(&bl, "<div><p>open<p>again</div></span>tail", "open|again|tail");
	html(&bl, "", "");
	html(&bl, "<!-- only a comment -->", "");
	block_free(&bl);
}

static void
charset(const char *page, size_t n, const char *want, size_t wantbom)
{
	char name[32];
	size_t bom = 99;

	html_charset(page, n, name, sizeof(name), &bom);
	assert_string_equal(name, want);
	assert_int_equal(bom, wantbom);
}

static void
test_charset(void **state)
{
	char big[6000];

	(void)state;
	charset("\xEF\xBB\xBF<p>x", 6, "UTF-8", 3);
	charset("\xFF\xFE<\0p\0", 6, "UTF-16LE", 2);
	charset("\xFE\xFF\0<\0p", 6, "UTF-16BE", 2);
	charset("<meta charset=\"iso-8859-1\">", 27, "ISO-8859-1", 0);
	charset("<META http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
	    75, "WINDOWS-1252", 0);
	/* the word outside a <meta> tag, or past the first 4 KB, is no declaration */
	charset("<p>charset=koi8-r</p>", 21, "", 0);
	memset(big, ' ', sizeof(big));
	memcpy(big + 5000, "<meta charset=koi8-r>", 21);
	charset(big, sizeof(big), "", 0);
}

static void
count(void *arg, const char *w, size_t n)
{
	char *out = arg;

	if (*out != '\0')
		strcat(out, "|");
	strncat(out, w, n);
}

static void
test_words(void **state)
{
	char out[256] = "";
	static const char s[] = "don\xE2\x80\x99t COVID-19 caf\xC3\xA9_x 1,000 \xE2\x80\x94 ok";

	(void)state;
	assert_int_equal(feat_words(s, sizeof(s) - 1, count, out), 8);
	assert_string_equal(out, "don|t|COVID|19|caf\xC3\xA9_x|1|000|ok");
}

/* Whether block i of bl has the feature named name. */
static int
has(struct featurizer *fz, size_t i, const char *name)
{
	uint32_t f[FEAT_MAX];
	const char *names[FEAT_MAX];
	size_t n, k;

	n = feat_block(fz, i, f, names);
	for (k = 0; k < n; k++)
		if (strcmp(names[k], name) == 0)
			return 1;
	return 0;
}

static void
test_features(void **state)
{
	static const char t[] = "Home\n"
	    "The council voted on Tuesday to rebuild the old wall.\n"
	    "Related articles:\n"
	    "Home\n"
	    "\xE5\x89\x8D\xE4\xBA\x8C\xE3\x80\x81\xE5\xB1\x85\xE6\xB0\x91\xE3\x81\xAF\xE6\xB5\xB7\xE5\xA0\xA4\xE3\x82\x92\xE7\x9B\xB4\xE3\x81\x99\xE3\x80\x82\n";
	struct featurizer *fz = feat_new(16);
	struct blocks bl;
	uint32_t f[FEAT_MAX];
	size_t n, k;

	(void)state;
	assert_non_null(fz);
	memset(&bl, 0, sizeof(bl));
	assert_int_equal(block_lines(&bl, t, sizeof(t) - 1), 0);
	assert_int_equal(bl.n, 5);
	assert_int_equal(feat_doc(fz, &bl), 0);
	/* a short line: its words and shape; it is there twice */
	assert_true(has(fz, 0, "first=home") && has(fz, 0, "shape=home"));
	assert_true(has(fz, 0, "repeat=2") && has(fz, 3, "repeat=2"));
	assert_true(has(fz, 0, "pos=64"));	/* the first block */
	/* prose: ten words (bucket 6), a full stop, first and last word */
	assert_int_equal(feat_nwords(fz, 1), 10);
	assert_true(has(fz, 1, "words=6") && has(fz, 1, "end=1"));
	assert_true(has(fz, 1, "first=the") && has(fz, 1, "last=wall"));
	assert_true(has(fz, 1, "repeat=1") && has(fz, 1, "run=0"));
	/* a section heading, whatever its punctuation, and the block after it */
	assert_true(has(fz, 2, "section=0"));
	assert_true(has(fz, 3, "section=12"));	/* 1 after, past the run */
	assert_false(has(fz, 1, "section=0"));
	/* Japanese: ICU's words, not one run of letters */
	assert_true(feat_nwords(fz, 4) >= 5);
	/* hashed: each below 2^16, never 0, none twice */
	n = feat_block(fz, 1, f, NULL);
	assert_true(n > 10);
	for (k = 0; k < n; k++)
		assert_true(f[k] > 0 && f[k] < 1u << 16);
	assert_int_equal(feat_unique(f, n), n);
	block_free(&bl);
	feat_free(fz);
}

static void
test_unique(void **state)
{
	uint32_t f[] = { 5, 3, 5, 7, 3, 5, 9 };

	(void)state;
	assert_int_equal(feat_unique(f, 7), 4);
	assert_int_equal(f[0], 5);
	assert_int_equal(f[1], 3);
	assert_int_equal(f[2], 7);
	assert_int_equal(f[3], 9);
	assert_int_equal(feat_unique(f, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smooth),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_unique),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
