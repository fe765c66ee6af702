/* txfix's lexicon: build, write, map, query, and reject corrupt files. */
#include <fcntl.h>
#include <sys/stat.h>

#include "harness.h"
#include "fix.h"
#include "hash.h"
#include "lexicon.h"
#include "model.h"

static char path[64];

static void
write_small(void)
{
	struct lexbuild *b = lexb_new();
	int fd;

	assert_non_null(b);
	assert_int_equal(lexb_add(b, "the", 3, 1000, LEX_COUNTED), 0);
	assert_int_equal(lexb_add(b, "Deal", 4, 50, LEX_COUNTED), 0);	/* lowered */
	assert_int_equal(lexb_add(b, "deal", 4, 25, LEX_LOWER), 0);	/* merged */
	assert_int_equal(lexb_add_listed(b, "Paris", 5, LEX_UPPER, 7), 0);
	assert_int_equal(lexb_add_listed(b, "the", 3, LEX_LOWER, 7), 0);	/* keeps 1000 */
	assert_int_equal(lexb_add_pair(b, "deal", 4, "that", 4, 99), 0);
	assert_int_equal(lexb_add_pair(b, "deal", 4, "that", 4, 1), 0);	/* merged */
	assert_int_equal(lexb_add(b, "\xC3\x89T\xC3\x89", 6, 3, LEX_COUNTED), 0);
	snprintf(path, sizeof(path), "/tmp/txlex.%ld", (long)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(lexb_write(b, fd, "test"), 0);
	close(fd);
	lexb_free(b);
}

static void
test_round_trip(void **state)
{
	struct lexicon *lx;
	const char *why;
	long the, deal, that;

	(void)state;
	write_small();
	lx = lex_open(path, &why);
	assert_non_null(lx);
	assert_int_equal(lex_nwords(lx), 5);
	the = lex_find(lx, "the", 3);
	deal = lex_find(lx, "deal", 4);
	that = lex_find(lx, "that", 4);
	assert_true(the >= 0 && deal >= 0 && that >= 0);
	assert_int_equal(lex_count(lx, the), 1000);
	assert_int_equal(lex_flags(lx, the), LEX_COUNTED | LEX_LOWER);
	assert_int_equal(lex_count(lx, deal), 75);
	assert_int_equal(lex_count(lx, lex_find(lx, "paris", 5)), 7);
	assert_int_equal(lex_flags(lx, lex_find(lx, "paris", 5)), LEX_UPPER);
	assert_true(lex_find(lx, "\xC3\xA9t\xC3\xA9", 6) >= 0);	/* lowered: été */
	assert_int_equal(lex_find(lx, "Deal", 4), -1);	/* keys are lower case */
	assert_int_equal(lex_find(lx, "dea", 3), -1);
	assert_int_equal(lex_pair(lx, deal, that), 100);
	assert_int_equal(lex_pair(lx, that, deal), 0);
	assert_int_equal(lex_pair(lx, -1, deal), 0);
	assert_int_equal(lex_total(lx), 1000 + 75 + 7 + 3);
	lex_close(lx);
	unlink(path);
}

static void
expect_refused(const char *want)
{
	const char *why = NULL;

	assert_null(lex_open(path, &why));
	assert_non_null(why);
	if (strstr(why, want) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", why, want);
}

static void
corrupt(const char *bytes, size_t n, const char *want)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_int_equal(write(fd, bytes, n), (ssize_t)n);
	close(fd);
	expect_refused(want);
}

/* A model file of the lexicon's kind whose checksum is right but whose tables are not. */
static void
crafted(const struct txmodel_sec *sec, size_t n, const char *kind, const char *want)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_int_equal(txmodel_write(fd, "test", kind, sec, n), 0);
	close(fd);
	expect_refused(want);
}

static void
test_corrupt(void **state)
{
	unsigned char word[16] = { 0 }, word2[16] = { 0 }, pair[16] = { 0 }, total[8] = { 0 };
	char buf[4096];
	struct stat st;
	const char *why;
	ssize_t n;
	int fd;

	(void)state;
	write_small();
	fd = open(path, O_RDONLY);
	fstat(fd, &st);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	assert_int_equal(n, st.st_size);
	corrupt("", 0, "not a tx model");
	corrupt("TXLEX", 5, "not a tx model");
	corrupt("TXLEX\0\1\0\5\0\0\0\0\0\0\0", 16, "not a tx model");	/* the old format */
	corrupt("not a lexicon, just some text of some length", 44, "not a tx model");
	corrupt(buf, (size_t)n - 1, "truncated");
	corrupt(buf, 100, "truncated");
	buf[n - 1] ^= 1;
	corrupt(buf, (size_t)n, "checksum");
	buf[n - 1] ^= 1;
	buf[8] = 9;	/* a version to come */
	corrupt(buf, (size_t)n, "version");
	assert_null(lex_open("/nonexistent/x.lex", &why));
	assert_null(lex_open("/tmp", &why));

	/* right checksums, wrong contents */
	txmodel_put32(word, 0);
	word[4] = 9;	/* 9 bytes at 0: past a pool of 3 */
	txmodel_put32(word2, 0);
	word2[4] = 3;
	crafted((struct txmodel_sec[]){ { "words", word, 16 }, { "pairs", pair, 0 },
	    { "pool", "the", 3 }, { "total", total, 8 } }, 4, "txfix-lexicon-1",
	    "bad word table");
	/* two words out of order */
	crafted((struct txmodel_sec[]){ { "words", (unsigned char[32]){ 0, 0, 0, 0, 3, 0,
	    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0 }, 32 }, { "pairs", pair, 0 },
	    { "pool", "the", 3 }, { "total", total, 8 } }, 4, "txfix-lexicon-1",
	    "bad word table");
	txmodel_put32(pair, 0);
	txmodel_put32(pair + 4, 7);	/* no word 7 */
	crafted((struct txmodel_sec[]){ { "words", word2, 16 }, { "pairs", pair, 16 },
	    { "pool", "the", 3 }, { "total", total, 8 } }, 4, "txfix-lexicon-1",
	    "bad pair table");
	crafted((struct txmodel_sec[]){ { "words", word2, 16 }, { "pool", "the", 3 },
	    { "total", total, 8 } }, 3, "txfix-lexicon-1", "sections");
	crafted((struct txmodel_sec[]){ { "words", word2, 15 }, { "pairs", pair, 0 },
	    { "pool", "the", 3 }, { "total", total, 8 } }, 4, "txfix-lexicon-1",
	    "sections");
	crafted((struct txmodel_sec[]){ { "words", word2, 16 } }, 1, "txner-model-1",
	    "another kind");
	/* join scorers: 2^30 weights in 16 bytes, 2^8 cut short, 2^7 (too few bits) */
	{
		unsigned char join[16 + 1024] = { 0 };

		txmodel_put32(join, 30);
		crafted((struct txmodel_sec[]){ { "words", word2, 16 }, { "pairs", pair, 0 },
		    { "pool", "the", 3 }, { "total", total, 8 }, { "join", join, 16 } }, 5,
		    "txfix-lexicon-1", "join scorer");
		txmodel_put32(join, 8);
		crafted((struct txmodel_sec[]){ { "words", word2, 16 }, { "pairs", pair, 0 },
		    { "pool", "the", 3 }, { "total", total, 8 }, { "join", join, 1000 } }, 5,
		    "txfix-lexicon-1", "join scorer");
		txmodel_put32(join, 7);
		crafted((struct txmodel_sec[]){ { "words", word2, 16 }, { "pairs", pair, 0 },
		    { "pool", "the", 3 }, { "total", total, 8 }, { "join", join, 528 } }, 5,
		    "txfix-lexicon-1", "join scorer");
	}
	unlink(path);
}

/* Writes the lexicon b to path and frees it. */
static void
write_built(struct lexbuild *b)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(lexb_write(b, fd, "test"), 0);
	close(fd);
	lexb_free(b);
}

/* The join scorer: none until set, kept by lexb_add_lexicon, read back bit for bit. */
static void
test_join(void **state)
{
	struct lexicon *lx, *lx2;
	struct lexbuild *b;
	struct lex_join j;
	float w[256];
	const char *why;
	size_t i;

	(void)state;
	write_small();
	assert_non_null(lx = lex_open(path, &why));
	assert_int_equal(lex_join(lx, &j), -1);
	assert_null(fix_lexicon_problem(lx));
	for (i = 0; i < 256; i++)
		w[i] = (float)i / 4 - 32;
	assert_non_null(b = lexb_new());
	assert_int_equal(lexb_add_lexicon(b, lx), 0);
	assert_int_equal(lexb_set_join(b, 30, 1, w, 0, 0), -1);
	assert_int_equal(lexb_set_join(b, 8, 3, w, 1.5f, -2.25f), 0);
	lex_close(lx);
	write_built(b);
	assert_non_null(lx = lex_open(path, &why));
	assert_int_equal(lex_join(lx, &j), 0);
	assert_int_equal(j.bits, 8);
	assert_int_equal(j.version, 3);
	/* weights of another feature set than the fixer's are refused */
	assert_non_null(fix_lexicon_problem(lx));
	assert_true(j.bias == 1.5f && j.threshold == -2.25f);
	for (i = 0; i < 256; i++)
		assert_true(lex_join_weight(&j, (uint32_t)i) == w[i]);
	/* copied whole into a new lexicon, as txfix --learn does */
	assert_non_null(b = lexb_new());
	assert_int_equal(lexb_add_lexicon(b, lx), 0);
	lex_close(lx);
	write_built(b);
	assert_non_null(lx2 = lex_open(path, &why));
	assert_int_equal(lex_join(lx2, &j), 0);
	assert_true(j.bits == 8 && j.version == 3 && j.bias == 1.5f &&
	    lex_join_weight(&j, 255) == w[255]);
	assert_int_equal(lex_count(lx2, lex_find(lx2, "the", 3)), 1000);
	lex_close(lx2);
	unlink(path);
}

/* The hash indexes: every word and pair of a larger lexicon found, others not. */
static void
test_index(void **state)
{
	struct lexbuild *b = lexb_new();
	struct lexicon *lx;
	const char *why, *k;
	char w[32], v[32];
	size_t n;
	long i, id, prev = -1;

	(void)state;
	assert_non_null(b);
	for (i = 0; i < 3000; i++) {
		snprintf(w, sizeof(w), "w%ldx", i * 7919 % 100003);
		assert_int_equal(lexb_add(b, w, strlen(w), (uint64_t)i + 1, LEX_COUNTED), 0);
		if (i > 0) {
			snprintf(v, sizeof(v), "w%ldx", (i - 1) * 7919 % 100003);
			assert_int_equal(lexb_add_pair(b, v, strlen(v), w, strlen(w),
			    (uint64_t)i), 0);
		}
	}
	write_built(b);
	assert_non_null(lx = lex_open(path, &why));
	for (i = 0; i < 3000; i++) {
		snprintf(w, sizeof(w), "w%ldx", i * 7919 % 100003);
		id = lex_find(lx, w, strlen(w));
		assert_true(id >= 0);
		k = lex_word(lx, id, &n);
		assert_int_equal(n, strlen(w));
		assert_memory_equal(k, w, n);
		assert_int_equal(lex_count(lx, id), i + 1);
		if (prev >= 0) {
			assert_int_equal(lex_pair(lx, prev, id), i);
			assert_int_equal(lex_pair(lx, id, prev), 0);
		}
		prev = id;
		snprintf(w, sizeof(w), "w%ldy", i);
		assert_int_equal(lex_find(lx, w, strlen(w)), -1);
	}
	lex_close(lx);
	unlink(path);
}

/*
 * Indexes with right checksums and wrong contents: a malformed one is
 * refused; one that points outside the tables finds nothing, reading
 * nothing out of bounds (an indexed file is not walked on open).
 */
static void
test_index_corrupt(void **state)
{
	unsigned char word[16] = { 0 }, total[8] = { 0 }, pair[16] = { 0 };
	unsigned char widx[8 + 4 * 16] = { 0 }, pidx[8 + 4 * 16] = { 0 };
	struct lexicon *lx;
	const char *why;
	size_t i;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/txlex.%ld", (long)getpid());
	word[4] = 3;	/* "the" at 0 */
	txmodel_put32(widx, 4);
	txmodel_put32(widx + 4, 1);	/* one word: numbers 0..1 in one bit */
	txmodel_put32(pidx, 4);
	crafted((struct txmodel_sec[]){ { "words", word, 16 }, { "pairs", pair, 0 },
	    { "pool", "the", 3 }, { "total", total, 8 }, { "windex", widx, 8 + 4 * 15 },
	    { "pindex", pidx, sizeof(pidx) } }, 6, "txfix-lexicon-1", "index");
	crafted((struct txmodel_sec[]){ { "words", word, 16 }, { "pairs", pair, 0 },
	    { "pool", "the", 3 }, { "total", total, 8 }, { "windex", widx, sizeof(widx) } },
	    5, "txfix-lexicon-1", "index");
	/*
	 * every slot full, tagged as "the": word 0 lies past the pool, or no
	 * word at all
	 */
	word[4] = 9;
	for (i = 0; i < 16; i++)
		txmodel_put32(widx + 8 + 4 * i,
		    ((uint32_t)(txhash("the", 3, 0) >> 32) & ~(uint32_t)1) | (i % 2));
	for (i = 0; i < 16; i++)
		txmodel_put32(pidx + 8 + 4 * i, 5);	/* no pair 5 */
	{
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		assert_int_equal(txmodel_write(fd, "test", "txfix-lexicon-1",
		    (struct txmodel_sec[]){ { "words", word, 16 }, { "pairs", pair, 0 },
		    { "pool", "the", 3 }, { "total", total, 8 }, { "windex", widx,
		    sizeof(widx) }, { "pindex", pidx, sizeof(pidx) } }, 6), 0);
		close(fd);
	}
	assert_non_null(lx = lex_open(path, &why));
	assert_int_equal(lex_find(lx, "the", 3), -1);
	assert_int_equal(lex_find(lx, "", 0), -1);
	assert_int_equal(lex_pair(lx, 0, 0), 0);
	lex_word(lx, 0, &i);
	assert_int_equal(i, 0);
	lex_close(lx);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_index_corrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
