/*
 * txsplit's engine on each category of the hard cases, with examples of our
 * own.  Each case is a paragraph and its sentences joined by " | ".
 */
#include <math.h>

#include "harness.h"
#include "model.h"
#include "split.h"
#include "tokens.h"

struct tcase {
	const char *in, *want;
};

static void
run_opts(const struct tcase *c, size_t n, const struct split_opts *o)
{
	struct txspan sv;
	struct splitter *sp;
	const char *why;
	char got[2048];
	size_t i, len;
	int k, bad = 0;

	sp = split_new(o, &why);
	assert_non_null(sp);
	for (i = 0; i < n; i++) {
		assert_int_equal(split_begin(sp, c[i].in, strlen(c[i].in)), 0);
		len = 0;
		got[0] = '\0';
		while ((k = split_next(sp, &sv)) > 0)
			len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%.*s",
			    len ? " | " : "", (int)(sv.end - sv.start),
			    c[i].in + sv.start);
		assert_int_equal(k, 0);
		if (strcmp(got, c[i].want) != 0) {
			print_error("in:   %s\nwant: %s\ngot:  %s\n", c[i].in, c[i].want, got);
			bad++;
		}
	}
	split_free(sp);
	assert_int_equal(bad, 0);
}

static void
run(const struct tcase *c, size_t n, const char *lang, enum split_newlines nl)
{
	struct split_opts o = { .newlines = nl, .lang = lang };

	run_opts(c, n, &o);
}

#define RUN(cases) run(cases, sizeof(cases) / sizeof(cases[0]), "en", SPLIT_NL_SPACE)

/* Conventions of academic text and of times, each both ways. */
static void
test_conventions(void **state)
{
	static const struct tcase c[] = {
		{ "Yeast grew faster. [4] Later strains grew slower.",
		  "Yeast grew faster. [4] | Later strains grew slower." },
		{ "Both held. [8, 9] Neither failed. [10-12]",
		  "Both held. [8, 9] | Neither failed. [10-12]" },
		{ "Both held. [note] Neither failed.",
		  "Both held. | [note] Neither failed." },
		{ "3. Results", "3. Results" },
		{ "12. Discussion of the data", "12. Discussion of the data" },
		{ "It rose. 3. Results follow.", "It rose. | 3. | Results follow." },
		{ "The shop shut at 6 p.m. Mr. Ortiz went home.",
		  "The shop shut at 6 p.m. | Mr. Ortiz went home." },
		{ "The U.S. Sen. Ada Ruiz voted.", "The U.S. Sen. Ada Ruiz voted." },
	};
	(void)state;
	RUN(c);
}

static void
test_titles_abbreviations(void **state)
{
	static const struct tcase c[] = {
		{ "Mr. Hale met Dr. Okafor at St. Mary's. They talked.",
		  "Mr. Hale met Dr. Okafor at St. Mary's. | They talked." },
		{ "We climbed Mt. Rainier with Prof. Lee and Jr. staff.",
		  "We climbed Mt. Rainier with Prof. Lee and Jr. staff." },
		{ "Buy fruit, e.g. pears, i.e. the ripe ones, etc. and go.",
		  "Buy fruit, e.g. pears, i.e. the ripe ones, etc. and go." },
		{ "He brought apples, pears, etc. The rest stayed home.",
		  "He brought apples, pears, etc. | The rest stayed home." },
		{ "Acme Co. hired him. See p. 42 for more.",
		  "Acme Co. hired him. | See p. 42 for more." },
		{ "We met at 9 a.m. and left at 5 p.m. The bus was late.",
		  "We met at 9 a.m. and left at 5 p.m. | The bus was late." },
	};
	(void)state;
	RUN(c);
}

static void
test_initials(void **state)
{
	static const struct tcase c[] = {
		{ "Jonas E. Smith wrote it. Albert I. Jones read it.",
		  "Jonas E. Smith wrote it. | Albert I. Jones read it." },
		{ "It was you and I. Did you know?",
		  "It was you and I. | Did you know?" },
		{ "J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it." },
	};
	(void)state;
	RUN(c);
}

static void
test_multi_period(void **state)
{
	static const struct tcase c[] = {
		{ "The U.S. Army left. It moved to the U.S.A. in May.",
		  "The U.S. Army left. | It moved to the U.S.A. in May." },
		{ "She lives in the U.S. The weather is fine.",
		  "She lives in the U.S. | The weather is fine." },
		{ "The E.U. rules changed.", "The E.U. rules changed." },
	};
	(void)state;
	RUN(c);
}

static void
test_numbers(void **state)
{
	static const struct tcase c[] = {
		{ "It cost $12.50 today. Prices rose 3.5% in 2020.",
		  "It cost $12.50 today. | Prices rose 3.5% in 2020." },
		{ "See No. 5 and N°. 1026.253.553 now. Then stop.",
		  "See No. 5 and N°. 1026.253.553 now. | Then stop." },
		{ "He came 2nd. The 3rd runner fell.",
		  "He came 2nd. | The 3rd runner fell." },
		{ "The troops fired, killing 4. It was clear.",
		  "The troops fired, killing 4. | It was clear." },
	};
	(void)state;
	RUN(c);
}

static void
test_web(void **state)
{
	static const struct tcase c[] = {
		{ "Mail jo.doe@example.com today. Visit www.example.org. It works.",
		  "Mail jo.doe@example.com today. | Visit www.example.org. | It works." },
		{ "Go to https://example.com/a.b?c=d. Then log in.",
		  "Go to https://example.com/a.b?c=d. | Then log in." },
		{ "Use Node.js here. I love Yahoo! It is old. Try Yahoo! Answers now.",
		  "Use Node.js here. | I love Yahoo! | It is old. | Try Yahoo! Answers now." },
	};
	(void)state;
	RUN(c);
}

static void
test_quotes_brackets(void **state)
{
	static const struct tcase c[] = {
		{ "He said, \"Stop.\" Then he left.",
		  "He said, \"Stop.\" | Then he left." },
		{ "\"Why?\" she asked. \"Because!\" he said.",
		  "\"Why?\" she asked. | \"Because!\" he said." },
		{ "It was big (really big.) We ran.",
		  "It was big (really big.) | We ran." },
		{ "“Go home,” he said. ‘Now.’ She went.",
		  "“Go home,” he said. | ‘Now.’ | She went." },
	};
	(void)state;
	RUN(c);
}

static void
test_marks_ellipses(void **state)
{
	static const struct tcase c[] = {
		{ "Really?! You did?? Wow!!! Great.",
		  "Really?! | You did?? | Wow!!! | Great." },
		{ "I wonder... maybe not. Wait… Then go.",
		  "I wonder... maybe not. | Wait… | Then go." },
		{ "He stopped . . . and thought. Then. . . . Next one.",
		  "He stopped . . . and thought. | Then. . . . | Next one." },
		{ "The text [...] goes on. I... I do not know.",
		  "The text [...] goes on. | I... I do not know." },
	};
	(void)state;
	RUN(c);
}

static void
test_lists(void **state)
{
	static const struct tcase c[] = {
		{ "1. Buy milk 2. Buy eggs 3. Go home",
		  "1. Buy milk | 2. Buy eggs | 3. Go home" },
		{ "1) first item 2) second item", "1) first item | 2) second item" },
		{ "a. Apples b. Pears", "a. Apples | b. Pears" },
		{ "Bring: • bread • cheese ⁃ wine",
		  "Bring: | • bread | • cheese | ⁃ wine" },
	};
	(void)state;
	RUN(c);
}

static void
test_glued(void **state)
{
	static const struct tcase c[] = {
		{ "I went to the store.Today it rained.",
		  "I went to the store. | Today it rained." },
		{ "Is it?Yes it is.", "Is it? | Yes it is." },
		{ "See example.com and U.S.A. flags.", "See example.com and U.S.A. flags." },
	};
	(void)state;
	RUN(c);
}

static void
test_newlines(void **state)
{
	static const struct tcase brk[] = {
		{ "A heading\nThe text goes on here.", "A heading | The text goes on here." },
	};
	static const struct tcase auto_[] = {
		{ "What is the conflict?\nNagorno-Karabakh lies within Azerbaijan but was under the control of ethnic forces.\nRussia brokers a peace deal\nA peace deal ended six weeks of fighting.",
		  "What is the conflict? | Nagorno-Karabakh lies within Azerbaijan but was under the control of ethnic forces. | Russia brokers a peace deal | A peace deal ended six weeks of fighting." },
		{ "The quick brown fox jumps over the lazy dog and keeps running far into\nthe forest where nobody can see it any more, not even the owls that\nlive there.",
		  "The quick brown fox jumps over the lazy dog and keeps running far into\nthe forest where nobody can see it any more, not even the owls that\nlive there." },
	};
	static const struct tcase space[] = {
		{ "A heading\nThe text goes on here.", "A heading\nThe text goes on here." },
	};
	(void)state;
	run(brk, 1, "en", SPLIT_NL_BREAK);
	run(auto_, 2, "en", SPLIT_NL_AUTO);
	run(space, 1, "en", SPLIT_NL_SPACE);
}

static void
test_other_languages(void **state)
{
	static const struct tcase de[] = {
		{ "Am 1. Januar regnete es. Dr. Müller blieb z.B. hier.",
		  "Am 1. Januar regnete es. | Dr. Müller blieb z.B. hier." },
		/* dotted letters with spaces: an abbreviation, or initials */
		{ "Wir kaufen z. B. Brot. Sonst d. h. nichts. Dann kam J. R. Weber.",
		  "Wir kaufen z. B. Brot. | Sonst d. h. nichts. | Dann kam J. R. Weber." },
		/* a number after "Seite" counts; after "am" it is an ordinal */
		{ "Lies Seite 12. Dort steht es. Wir kommen am 12. Mai.",
		  "Lies Seite 12. | Dort steht es. | Wir kommen am 12. Mai." },
		{ "Siehe S. 7. Danach Abb. 3. Fertig.",
		  "Siehe S. 7. | Danach Abb. 3. | Fertig." },
		/* ICU's own German list would keep these together */
		{ "Er war Lehrer. Sie war Malerin. Wir tranken Wasser. Alle gingen.",
		  "Er war Lehrer. | Sie war Malerin. | Wir tranken Wasser. | Alle gingen." },
	};
	static const struct tcase ja[] = {
		{ "今日は晴れ。明日は雨？そうです！", "今日は晴れ。 | 明日は雨？ | そうです！" },
	};
	/* a line inside a sentence of a script without case goes on */
	static const struct tcase ja_lines[] = {
		{ "駅の前で友達と\n待ち合わせました。それから映画を見ました。",
		  "駅の前で友達と\n待ち合わせました。 | それから映画を見ました。" },
		{ "買い物リスト\nりんご\nみかん", "買い物リスト | りんご | みかん" },
	};
	/* a "！" or "？" inside a title or quotation ends no sentence */
	static const struct tcase zh[] = {
		{ "我读了《你好！世界》这本书。很好！", "我读了《你好！世界》这本书。 | 很好！" },
		{ "他说「真的？你确定？」然后走了。", "他说「真的？你确定？」 | 然后走了。" },
	};
	/* --lang=auto: each paragraph's own language */
	static const struct tcase any[] = {
		{ "Gestern kam Herr Bauer z. B. mit dem Zug aus Hamburg. Er war müde und ging früh schlafen.",
		  "Gestern kam Herr Bauer z. B. mit dem Zug aus Hamburg. | Er war müde und ging früh schlafen." },
		{ "The ferry left at noon. Dr. Hale was on board with his two sons.",
		  "The ferry left at noon. | Dr. Hale was on board with his two sons." },
	};
	(void)state;
	run(de, sizeof(de) / sizeof(de[0]), "de", SPLIT_NL_SPACE);
	run(ja, 1, "ja", SPLIT_NL_SPACE);
	run(ja, 1, "auto", SPLIT_NL_SPACE);
	run(ja_lines, 2, "ja", SPLIT_NL_AUTO);
	run(zh, 2, "zh", SPLIT_NL_SPACE);
	run(any, 2, "auto", SPLIT_NL_AUTO);
}

static void
test_bytes(void **state)
{
	static const struct tcase c[] = {
		{ "Bad \xFF byte. Next one.", "Bad \xFF byte. | Next one." },
		{ "   ", "" },
		{ "", "" },
	};
	(void)state;
	RUN(c);
}

/* Paragraphs longer than the window: nothing lost or doubled at its seams. */
static void
test_windows(void **state)
{
	struct split_opts o = { .newlines = SPLIT_NL_AUTO, .lang = "en" };
	size_t n = 3 * SPLIT_WINDOW + 7, i, count = 0, prev = 0;
	char *s = malloc(n);
	struct txspan sv;
	struct splitter *sp;
	const char *why;

	(void)state;
	for (i = 0; i + 9 <= n; i += 9)
		memcpy(s + i, "Abc def. ", 9);
	memset(s + i, 'x', n - i);
	sp = split_new(&o, &why);
	assert_int_equal(split_begin(sp, s, n), 0);
	while (split_next(sp, &sv) == 1) {
		assert_int_equal(sv.start, prev == 0 ? 0 : prev + 1);
		/* "Abc def." each, then the tail of x's */
		assert_int_equal(sv.end - sv.start, count < n / 9 ? 8 : n - i);
		prev = sv.end;
		count++;
	}
	assert_int_equal(count, n / 9 + 1);
	/* one sentence longer than the window */
	for (i = 0; i + 5 <= n; i += 5)
		memcpy(s + i, "word ", 5);
	memcpy(s + n - 2, "x.", 2);
	assert_int_equal(split_begin(sp, s, n), 0);
	assert_int_equal(split_next(sp, &sv), 1);
	assert_int_equal(sv.start, 0);
	assert_int_equal(sv.end, n);
	assert_int_equal(split_next(sp, &sv), 0);
	split_free(sp);
	free(s);
}

/* Writes a boundary model of bits, the feature set version and bias, weights zero, to path. */
static void
write_model(const char *path, const char *kind, unsigned bits, unsigned version,
    double bias)
{
	size_t len = 32 + ((size_t)4 << SPLIT_BITS);
	unsigned char *sec = calloc(1, len);
	struct txmodel_sec ms = { "boundary", sec, len };
	uint64_t u;
	FILE *f = fopen(path, "wb");

	assert_non_null(sec);
	assert_non_null(f);
	txmodel_put32(sec, bits);
	txmodel_put32(sec + 4, version);
	memcpy(&u, &bias, sizeof(u));
	txmodel_put64(sec + 8, u);
	assert_int_equal(txmodel_write(fileno(f), "test_split", kind, &ms, 1), 0);
	fclose(f);
	free(sec);
}

/*
 * A model that says yes to every gap it is asked about shows which gaps
 * those are: none after a mark, none before lower case (but after an
 * emoticon, a URL or an address), none inside glued text.
 */
static void
test_model_candidates(void **state)
{
	static const struct tcase c[] = {
		{ "we painted the fence Then we ate", "we painted the fence | Then we ate" },
		{ "we painted the fence then we ate", "we painted the fence then we ate" },
		{ "we ate, 3 of us - in (the) garden", "we ate, | 3 of us | - in | (the) garden" },
		{ "Mr. Lee came. Then he left.", "Mr. Lee came. | Then he left." },
		{ "Mr. Lee met Ann", "Mr. Lee met | Ann" },
		{ "see www.example.com now", "see www.example.com | now" },
		{ "nice :) really", "nice :) | really" },
		{ "\"Yes,\" she said", "\"Yes,\" she said" },
		/* a separator line: either side, whatever follows */
		{ "the hall ===== Every seat", "the hall | ===== | Every seat" },
		{ "a ***** b", "a | ***** | b" },
	};
	char path[] = "/tmp/test_split_XXXXXX";
	struct split_opts o = { .newlines = SPLIT_NL_AUTO, .lang = "en", .model = path };
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	write_model(path, SPLIT_KIND, SPLIT_BITS, SPLIT_FEAT_VERSION, 100);
	run_opts(c, sizeof(c) / sizeof(c[0]), &o);
	unlink(path);
}

struct gaps {
	size_t at[512][2];
	size_t n;
};

static void
gap_sink(void *arg, const struct split_gap *g)
{
	struct gaps *gs = arg;

	assert_true(gs->n < 512);
	gs->at[gs->n][0] = g->end;
	gs->at[gs->n++][1] = g->next;
}

/*
 * The splitter's own fast tokenizer cuts text where the suite's tokenizer
 * does: the gaps a sink is shown (every gap, when training) are those
 * between txtok_next's tokens, on texts of the marks and runs the fast
 * path decides and on random ones.
 */
static void
test_tokens_agree(void **state)
{
	static const char *const texts[] = {
		"Dr. Lee met us at 10:30 on 5,600 acres; he's well-known. OK?",
		"see www.example.com or mail a.b@example.org: it's done.",
		"U.S. e.g. etc. Ph.D. 3.5 1st mp3 :-) ;) =) <3 #tag @name",
		"Why?! No... ***** ----- === ___ ~~~ ### +++ a-b a'b a' 'a",
		"word. word: word.word word:word Word.Word x. y: z.\n\tq",
		"caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D \xFF bad",
	};
	static const char alphabet[] = "ab AB.:;,?!'\"-()/%$>12@#*=<\n\t\xC3\xA9";
	struct gaps gs;
	struct split_opts o = { .newlines = SPLIT_NL_AUTO, .lang = "en",
	    .sink = gap_sink, .sink_arg = &gs, .every_gap = 1 };
	struct splitter *sp;
	struct txspan span;
	struct txtok t;
	const char *why, *s;
	char buf[200];
	size_t i, k, n, pos, prev, want;
	unsigned seed = 11;

	(void)state;
	assert_non_null(sp = split_new(&o, &why));
	for (i = 0; i < 2000 + sizeof(texts) / sizeof(texts[0]); i++) {
		if (i < sizeof(texts) / sizeof(texts[0]))
			n = strlen(s = texts[i]);
		else {
			seed = seed * 1103515245 + 12345;
			n = 1 + ((seed >> 8) % (sizeof(buf) - 1));
			for (k = 0; k < n; k++) {
				seed = seed * 1103515245 + 12345;
				buf[k] = alphabet[(seed >> 8) % (sizeof(alphabet) - 1)];
			}
			s = buf;
		}
		gs.n = 0;
		assert_int_equal(split_begin(sp, s, n), 0);
		while (split_next(sp, &span) > 0)
			;
		/* the gaps between txtok_next's tokens that are not white space */
		want = 0;
		prev = (size_t)-1;
		for (pos = 0; pos < n; ) {
			pos = txtok_next(s, n, pos, &t);
			if (t.kind == TXTOK_SPACE)
				continue;
			if (prev != (size_t)-1) {
				assert_true(want < gs.n);
				if (gs.at[want][0] != prev || gs.at[want][1] != t.start)
					fail_msg("\"%.*s\": a gap at %zu-%zu, the tokenizer's at %zu-%zu",
					    (int)n, s, gs.at[want][0], gs.at[want][1], prev, t.start);
				want++;
			}
			prev = t.end;
		}
		assert_int_equal(want, gs.n);
	}
	split_free(sp);
}

/* A model file is refused when it is of another kind, size or feature set. */
static void
test_model_refused(void **state)
{
	char path[] = "/tmp/test_split_XXXXXX";
	struct split_opts o = { .newlines = SPLIT_NL_AUTO, .lang = "en", .model = path };
	const char *why;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	write_model(path, "txstrip blocks", SPLIT_BITS, SPLIT_FEAT_VERSION, 0);
	why = NULL;
	assert_null(split_new(&o, &why));
	assert_string_equal(why, "a tx model of another kind");
	write_model(path, SPLIT_KIND, SPLIT_BITS - 1, SPLIT_FEAT_VERSION, 0);
	assert_null(split_new(&o, &why));
	assert_string_equal(why, "the boundary model is malformed or of another feature set");
	write_model(path, SPLIT_KIND, SPLIT_BITS, SPLIT_FEAT_VERSION + 1, 0);
	assert_null(split_new(&o, &why));
	assert_string_equal(why, "the boundary model is malformed or of another feature set");
	write_model(path, SPLIT_KIND, SPLIT_BITS, SPLIT_FEAT_VERSION, NAN);
	assert_null(split_new(&o, &why));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_agree),
		cmocka_unit_test(test_titles_abbreviations),
		cmocka_unit_test(test_conventions),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_multi_period),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_web),
		cmocka_unit_test(test_quotes_brackets),
		cmocka_unit_test(test_marks_ellipses),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_glued),
		cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_other_languages),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_model_candidates),
		cmocka_unit_test(test_model_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
