/*
 * txfix's engine over the lexicon the project ships (data/en.lex): each rule
 * on its own, the conflict rule between overlapping edits, and documents
 * that must come out unchanged.
 */
#include "harness.h"
#include "fix.h"

static struct lexicon *lx;

static int
setup(void **state)
{
	const char *why;

	(void)state;
	lx = lex_open("../../data/en.lex", &why);
	/* the shipped scorer was trained on this build's features */
	return lx == NULL || fix_lexicon_problem(lx) != NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	lex_close(lx);
	return 0;
}

/* The document repaired with rules (a mask; 0: all). */
static const char *
fixed(const char *in, unsigned rules)
{
	static char out[4096];
	struct fix_opts o = { rules ? rules : (1u << R_NRULES) - 1, 0, 0, NULL, NULL };
	const struct txedit *ed;
	struct fixer *fx = fix_new(&o, lx);
	size_t n = strlen(in), pos = 0;
	struct txout w;
	long k, i;

	k = fix_doc(fx, in, n, &ed);
	assert_true(k >= 0);
	for (i = 0; i < k; i++) {
		assert_true(ed[i].start >= pos && ed[i].end >= ed[i].start);
		assert_true(fix_rule_find(ed[i].rule) >= 0);
		pos = ed[i].end;
	}
	pos = 0;
	txout_init_mem(&w);
	assert_int_equal(txedit_apply(&w, in, &pos, ed, (size_t)k), 0);
	txout_write(&w, in + pos, n - pos);
	assert_true(w.len < sizeof(out));
	memcpy(out, w.buf != NULL ? w.buf : "", w.len);
	out[w.len] = '\0';
	txout_close(&w);
	fix_free(fx);
	return out;
}

#define R(x) (1u << (x))

static void
test_rule_names(void **state)
{
	(void)state;
	assert_int_equal(fix_rule_find("joined-words"), R_JOINED);
	assert_int_equal(fix_rule_find("nosuch"), -1);
	assert_string_equal(fix_rule_name(R_MOJIBAKE), "mojibake");
}

static void
test_joined(void **state)
{
	(void)state;
	assert_string_equal(fixed("A peace dealthat saw.", R(R_JOINED)),
	    "A peace deal that saw.");
	assert_string_equal(fixed("Most readersof the blog agree. She hasa point.",
	    R(R_JOINED)), "Most readers of the blog agree. She has a point.");
	assert_string_equal(fixed("The report waspublished in May.", R(R_JOINED)),
	    "The report was published in May.");
	/* known words, names, affixes, camel case brands stay */
	assert_string_equal(fixed("The peacekeepers in Nagorno met an iPhone, "
	    "PlayStation and polyrhythmic ostinatos.", R(R_JOINED)),
	    "The peacekeepers in Nagorno met an iPhone, PlayStation and "
	    "polyrhythmic ostinatos.");
	/* a contraction is a part like any listed word */
	assert_string_equal(fixed("I think itwasn't fair.", R(R_JOINED)),
	    "I think it wasn't fair.");
	/* numbers glued to words */
	assert_string_equal(fixed("On March7, 12October the band played 3encores.", R(R_JOINED)),
	    "On March 7, 12 October the band played 3 encores.");
	assert_string_equal(fixed("It was 3rd, 10km and 1,500 people.", R(R_JOINED)),
	    "It was 3rd, 10km and 1,500 people.");
	/* a thousands group before the decimals is one number; a 4-digit year is not */
	assert_string_equal(fixed("It cost 12,345.67 or 1,234,567.5 on May 13,2011.",
	    R(R_JOINED)), "It cost 12,345.67 or 1,234,567.5 on May 13, 2011.");
}

struct seen {
	int n;
	struct fix_join last;
};

static void
seen(void *arg, const struct fix_join *c)
{
	struct seen *sn = arg;

	sn->n++;
	sn->last = *c;
	assert_true(c->nfeat > 0 && c->nfeat <= JOIN_MAXFEAT);
	for (size_t i = 0; i < c->nfeat; i++)
		assert_true(c->feat[i] < (1u << JOIN_BITS));
}

/* Training: each candidate goes to the sink, none is split; a known word is none. */
static void
test_join_sink(void **state)
{
	struct seen sn = { 0 };
	struct fix_opts o = { R(R_JOINED), 0, 0, seen, &sn };
	const struct txedit *ed;
	struct fixer *fx = fix_new(&o, lx);
	const char *doc = "A peace dealthat saw the end of the war.";

	(void)state;
	assert_int_equal(fix_doc(fx, doc, strlen(doc), &ed), 0);
	assert_int_equal(sn.n, 1);
	assert_int_equal(sn.last.start, 8);
	assert_int_equal(sn.last.end, 16);
	assert_int_equal(sn.last.ncut, 1);
	assert_int_equal(sn.last.cut[0], 4);
	fix_free(fx);
}

static void
test_spacing(void **state)
{
	(void)state;
	assert_string_equal(fixed("It closed.The end,now;but U.S.Army and 3.5.",
	    R(R_SENTENCE_SPACE) | R(R_CLAUSE_SPACE)),
	    "It closed. The end, now; but U.S. Army and 3.5.");
	assert_string_equal(fixed("a  b\t c  \nd", R(R_SPACES)), "a b c\nd");
	assert_string_equal(fixed("Left , and right ?", R(R_SPACE_BEFORE)),
	    "Left, and right?");
	assert_string_equal(fixed("He said\"Yes\"and left.", R(R_QUOTE_SPACE)),
	    "He said \"Yes\" and left.");
	/*
	 * lines whose quotes are unpaired are not paired across the
	 * paragraph: the inch marks would put the space on the wrong side
	 */
	assert_string_equal(fixed("She wrote \"the end\nof it\" and a 12\" pipe \"says\"it "
	    "all, 6\" long.", R(R_QUOTE_SPACE)), "She wrote \"the end\nof it\" and a 12\" "
	    "pipe \"says\"it all, 6\" long.");
	assert_string_equal(fixed("A quote \"runs\non,\"Then it ends.", R(R_QUOTE_SPACE)),
	    "A quote \"runs\non, \"Then it ends.");
}

static void
test_unicode(void **state)
{
	(void)state;
	assert_string_equal(fixed("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", R(R_MOJIBAKE)),
	    "It\xE2\x80\x99s");
	/* a small letter after a capital, at a run's end before a small letter: DÄ…b */
	assert_string_equal(fixed("Meet D\xC3\x84\xE2\x80\xA6" "browski.", R(R_MOJIBAKE)),
	    "Meet D\xC4\x85" "browski.");
	/* ...but not before a capital or the end: "Ä…" stays in "XÄ…." */
	assert_string_equal(fixed("See X\xC3\x84\xE2\x80\xA6.", R(R_MOJIBAKE)),
	    "See X\xC3\x84\xE2\x80\xA6.");
	/* a doubly encoded left quote passes through U+02DC: Ã¢â‚¬Ëœ */
	assert_string_equal(fixed("said \xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC"
	    "\xC3\x8B\xC5\x93yes", R(R_MOJIBAKE)), "said \xE2\x80\x98yes");
	assert_string_equal(fixed("e\xCC\x81t\xC3\xA9", R(R_NFC)), "\xC3\xA9t\xC3\xA9");
	assert_string_equal(fixed("can\xE2\x80\x8B" "didates", R(R_ZERO_WIDTH)), "candidates");
	/* between two words it stood for a space; a word joiner is none */
	assert_string_equal(fixed("A peace deal\xE2\x80\x8Bthat saw the end.", R(R_ZERO_WIDTH)),
	    "A peace deal that saw the end.");
	assert_string_equal(fixed("A peace deal\xE2\x81\xA0that saw the end.", R(R_ZERO_WIDTH)),
	    "A peace dealthat saw the end.");
	assert_string_equal(fixed("even\xC2\xA0number", R(R_NBSP)), "even number");
	/* invalid bytes are passed through untouched */
	assert_string_equal(fixed("bad \xFF byte.The end", 0), "bad \xFF byte. The end");
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(fixed("Gallagher spoke. Gallagher left. Gallagher stayed. Galagher came.",
	    R(R_NAMES)), "Gallagher spoke. Gallagher left. Gallagher stayed. Gallagher came.");
	/* the evidence is the document's: three uses, possessives counted, not two */
	assert_string_equal(fixed("Gallagher spoke. Gallagher's book. Gallagher left. Galagher came.",
	    R(R_NAMES)), "Gallagher spoke. Gallagher's book. Gallagher left. Gallagher came.");
	assert_string_equal(fixed("Gallagher spoke. Gallagher left. Galagher came.", R(R_NAMES)),
	    "Gallagher spoke. Gallagher left. Galagher came.");
	/* a letter replaced at the end is a misspelling too */
	assert_string_equal(fixed("Gallagher spoke. Gallagher left. Gallagher stayed. Gallaghar came.",
	    R(R_NAMES)), "Gallagher spoke. Gallagher left. Gallagher stayed. Gallagher came.");
	/* known words are never names to correct: Iran/Iraq, Mali/Bali */
	assert_string_equal(fixed("Iran met Iraq. Iran spoke. Mali, Mali and Bali.", R(R_NAMES)),
	    "Iran met Iraq. Iran spoke. Mali, Mali and Bali.");
	/* short names one letter apart are two names; an acronym's letter is no typo */
	assert_string_equal(fixed("Pahl met Paul. Paul spoke. Paul left. Paul came.", R(R_NAMES)),
	    "Pahl met Paul. Paul spoke. Paul left. Paul came.");
	assert_string_equal(fixed("UK-based firms. US-based firms, US-based staff, US-based.",
	    R(R_NAMES)), "UK-based firms. US-based firms, US-based staff, US-based.");
	/* endings vary on purpose */
	assert_string_equal(fixed("Gallagher said. Gallagher left. Gallagher spoke. Gallaghers came.",
	    R(R_NAMES)), "Gallagher said. Gallagher left. Gallagher spoke. Gallaghers came.");
}

static void
test_hyphenation(void **state)
{
	(void)state;
	assert_string_equal(fixed("atten-\nded and frame-\nsemantic", R(R_HYPHENATION)),
	    "attended and frame-semantic");
	assert_string_equal(fixed("zqx-\nwvy", R(R_HYPHENATION)), "zqx-\nwvy");
	/* a curly quote after the second half is no part of the word */
	assert_string_equal(fixed("\xE2\x80\x9Cthe sys-\ntem\xE2\x80\x9D was",
	    R(R_HYPHENATION)), "\xE2\x80\x9Cthe system\xE2\x80\x9D was");
}

static void
test_conflicts(void **state)
{
	(void)state;
	/* the mojibake's decoded quote is not a capital: no sentence space */
	assert_string_equal(fixed("visitors?\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC"
	    "\xC3\x82\xC2\x9D Then", 0), "visitors?\xE2\x80\x9D Then");
	/* a misspelled name that reads as two words is the names rule's */
	{
		const char *doc = "The report said that Downon was here, and Downon was "
		    "there, and then Downon came back home, but Downin left the town.";

		assert_string_equal(fixed(doc, R(R_JOINED)), "The report said that Downon "
		    "was here, and Downon was there, and then Downon came back home, but "
		    "Down in left the town.");
		assert_string_equal(fixed(doc, 0), "The report said that Downon was here, "
		    "and Downon was there, and then Downon came back home, but Downon left "
		    "the town.");
	}
}

static void
test_no_lexicon(void **state)
{
	struct fix_opts o = { (1u << R_NRULES) - 1, 0, 0, NULL, NULL };
	const struct txedit *ed;
	struct fixer *fx = fix_new(&o, NULL);

	(void)state;
	/* the lexicon rules are off, the others still work */
	assert_int_equal(fix_doc(fx, "dealthat.The", 12, &ed), 1);
	assert_string_equal(ed[0].rule, "sentence-space");
	assert_int_equal(fix_doc(fx, "", 0, &ed), 0);
	fix_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_names),
		cmocka_unit_test(test_joined),
		cmocka_unit_test(test_join_sink),
		cmocka_unit_test(test_spacing),
		cmocka_unit_test(test_unicode),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test(test_conflicts),
		cmocka_unit_test(test_no_lexicon),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
