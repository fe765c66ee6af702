/*
 * The input module.  Built twice: with the default buffer and with a 7-byte
 * one (TXIN_BUFSIZE=7), so that units and multi-byte sequences fall across
 * reads.
 */
#include "harness.h"
#include "input.h"

struct unit {
	const char *text, *term;
};

static void
expect_units(const char *in, size_t inlen, enum txin_unit kind,
    const struct unit *want, size_t nwant)
{
	struct txin r;
	struct txin_span u;
	uint64_t off = 0;
	size_t i = 0;
	int fd = fd_with(in, inlen), k;

	assert_int_equal(txin_init(&r, fd), 0);
	while ((k = txin_next(&r, kind, &u)) > 0) {
		assert_true(i < nwant);
		if (i == 0 && r.bom)
			off = 3;
		assert_int_equal(u.len, strlen(want[i].text));
		assert_memory_equal(u.text, want[i].text, u.len);
		assert_int_equal(u.termlen, strlen(want[i].term));
		assert_memory_equal(u.term, want[i].term, u.termlen);
		assert_int_equal(u.offset, off);
		off += u.len + u.termlen;
		i++;
	}
	assert_int_equal(k, 0);
	assert_int_equal(i, nwant);
	assert_int_equal(off, inlen);
	txin_free(&r);
	close(fd);
}

#define S(x) x, sizeof(x) - 1
#define N(a) a, sizeof(a) / sizeof(a[0])

static void
test_lines(void **state)
{
	static const struct unit want[] = {
		{ "one", "\n" }, { "", "\n" }, { "three", "\r\n" }, { "four", "" },
	};
	static const struct unit crlf[] = { { "a", "\r\n" }, { "b", "\r\n" } };
	struct txin r;
	struct txin_span u;
	int fd;

	(void)state;
	expect_units(S("one\n\nthree\r\nfour"), TXIN_LINE, N(want));
	expect_units(S("a\r\nb\r\n"), TXIN_LINE, N(crlf));
	fd = fd_with(S("a\r\nb\n"));
	txin_init(&r, fd);
	assert_int_equal(txin_next(&r, TXIN_LINE, &u), 1);
	assert_int_equal(r.crlf, 1);
	txin_free(&r);
	close(fd);
}

static void
test_empty(void **state)
{
	(void)state;
	expect_units("", 0, TXIN_LINE, NULL, 0);
	expect_units("", 0, TXIN_PARA, NULL, 0);
	expect_units("", 0, TXIN_NUL, NULL, 0);
	expect_units("", 0, TXIN_ALL, NULL, 0);
}

static void
test_paragraphs(void **state)
{
	static const struct unit want[] = {
		{ "", "\n \n" },
		{ "p1 a\np1 b", "\n\n\t\r\n" },
		{ "p2", "\n\n" },
		{ "p3 \xC3\xA9\r\nx", "\r\n\r\n" },
		{ "last", "" },
	};
	(void)state;
	expect_units(S("\n \np1 a\np1 b\n\n\t\r\np2\n\np3 \xC3\xA9\r\nx\r\n\r\nlast"),
	    TXIN_PARA, N(want));
}

static void
test_nul_and_all(void **state)
{
	static const struct unit recs[] = {
		{ "a\nb", "\0" }, { "", "\0" }, { "c", "" },
	};
	static const struct unit all[] = { { "x\0y\n", "" } };
	(void)state;
	/* term "\0" compares as length 1 through sizeof, so check by hand */
	struct txin r;
	struct txin_span u;
	int fd = fd_with(S("a\nb\0\0c"));
	size_t i;

	txin_init(&r, fd);
	for (i = 0; i < 3; i++) {
		assert_int_equal(txin_next(&r, TXIN_NUL, &u), 1);
		assert_int_equal(u.len, strlen(recs[i].text));
		assert_memory_equal(u.text, recs[i].text, u.len);
		assert_int_equal(u.termlen, i < 2 ? 1 : 0);
	}
	assert_int_equal(txin_next(&r, TXIN_NUL, &u), 0);
	txin_free(&r);
	close(fd);
	fd = fd_with(S("x\0y\n"));
	txin_init(&r, fd);
	assert_int_equal(txin_next(&r, TXIN_ALL, &u), 1);
	assert_int_equal(u.len, 4);
	assert_memory_equal(u.text, all[0].text, 4);
	assert_int_equal(txin_next(&r, TXIN_ALL, &u), 0);
	txin_free(&r);
	close(fd);
}

static void
test_bom(void **state)
{
	static const struct unit want[] = { { "hi", "\n" }, { "\xEF\xBB\xBFno", "\n" } };
	struct txin r;
	struct txin_span u;
	int fd = fd_with(S("\xEF\xBB\xBFhi\n\xEF\xBB\xBFno\n"));

	(void)state;
	txin_init(&r, fd);
	assert_int_equal(txin_next(&r, TXIN_LINE, &u), 1);
	assert_int_equal(r.bom, 1);
	assert_int_equal(u.offset, 3);
	txin_free(&r);
	close(fd);
	/* only a leading BOM is taken away */
	expect_units(S("\xEF\xBB\xBFhi\n\xEF\xBB\xBFno\n"), TXIN_LINE, N(want));
	/* a lone BOM */
	fd = fd_with(S("\xEF\xBB\xBF"));
	txin_init(&r, fd);
	assert_int_equal(txin_next(&r, TXIN_LINE, &u), 0);
	assert_int_equal(r.bom, 1);
	txin_free(&r);
	close(fd);
}

static void
test_long_line(void **state)
{
	size_t n = 300000, i;
	char *s = malloc(n + 1);
	struct txin r;
	struct txin_span u;
	int fd;

	(void)state;
	/* "é€" repeated: 2- and 3-byte sequences across every read boundary */
	for (i = 0; i + 5 <= n; i += 5)
		memcpy(s + i, "\xC3\xA9\xE2\x82\xAC", 5);
	s[n - 1] = '\n';
	fd = fd_with(s, n);
	txin_init(&r, fd);
	assert_int_equal(txin_next(&r, TXIN_LINE, &u), 1);
	assert_int_equal(u.len, n - 1);
	assert_memory_equal(u.text, s, n - 1);
	assert_int_equal(txin_next(&r, TXIN_LINE, &u), 0);
	txin_free(&r);
	close(fd);
	free(s);
}

static void
test_mem(void **state)
{
	static const char doc[] = "a\n\nb\r\nc";
	struct txin r;
	struct txin_span u;

	(void)state;
	txin_init_mem(&r, doc, sizeof(doc) - 1);
	assert_int_equal(txin_next(&r, TXIN_PARA, &u), 1);
	assert_int_equal(u.len, 1);
	assert_int_equal(u.termlen, 2);
	assert_int_equal(txin_next(&r, TXIN_PARA, &u), 1);
	assert_int_equal(u.len, 4);
	assert_int_equal(u.offset, 3);
	assert_int_equal(u.termlen, 0);
	assert_int_equal(txin_next(&r, TXIN_PARA, &u), 0);
	txin_free(&r);
}

/* The pieces of in as kind with r.max = max, "|" between them, "#" before a terminator. */
static char *
pieces(const char *in, size_t inlen, enum txin_unit kind, size_t max, int fromfd)
{
	static char out[256];
	struct txin r;
	struct txin_span u;
	size_t n = 0;
	uint64_t off = 0;
	int fd = -1, k;

	if (fromfd)
		assert_int_equal(txin_init(&r, fd = fd_with(in, inlen)), 0);
	else
		txin_init_mem(&r, in, inlen);
	r.max = max;
	while ((k = txin_next(&r, kind, &u)) > 0) {
		assert_true(u.len <= max || kind == TXIN_LINE);
		assert_int_equal(u.offset, off);
		assert_true(!u.more || u.termlen == 0);
		off += u.len + u.termlen;
		assert_true(n + u.len + 3 < sizeof(out));
		memcpy(out + n, u.text, u.len);
		n += u.len;
		if (u.termlen > 0)
			out[n++] = '#';
		if (u.more)
			out[n++] = '|';
	}
	assert_int_equal(k, 0);
	assert_int_equal(off, inlen);
	out[n] = '\0';
	txin_free(&r);
	if (fd >= 0)
		close(fd);
	return out;
}

static void
test_pieces(void **state)
{
	int fd;

	(void)state;
	for (fd = 0; fd < 2; fd++) {
		/* after the last blank line in the second half, else the last newline */
		assert_string_equal(pieces(S("aa\n\nbb\ncc\n\ndd\nee\nff"), TXIN_ALL, 16, fd),
		    "aa\n\nbb\ncc\n\n|dd\nee\nff");
		assert_string_equal(pieces(S("aaaaaaaaaa\nbb\ncc dd"), TXIN_ALL, 16, fd),
		    "aaaaaaaaaa\nbb\n|cc dd");
		/* a blank line in the first half is too early: the last newline */
		assert_string_equal(pieces(S("a\n\nbbbbbbbbbbbbb\nccc"), TXIN_ALL, 17, fd),
		    "a\n\nbbbbbbbbbbbbb\n|ccc");
		/* else after white space; else before a lead byte */
		assert_string_equal(pieces(S("aaaaaaaaaa bbbbbbbbbb"), TXIN_ALL, 16, fd),
		    "aaaaaaaaaa |bbbbbbbbbb");
		assert_string_equal(pieces(S("aaaaaaaaaaaaaa\xc3\xa9" "b"), TXIN_ALL, 15, fd),
		    "aaaaaaaaaaaaaa|\xc3\xa9" "b");
		assert_string_equal(pieces(S("aaaaaaaaaaaaaaaaaaaaaaaa"), TXIN_ALL, 8, fd),
		    "aaaaaaaa|aaaaaaaa|aaaaaaaa");
		/* no longer than max: whole, as without a limit */
		assert_string_equal(pieces(S("aaaaaaaa"), TXIN_ALL, 8, fd), "aaaaaaaa");
		/* a NUL record: its pieces, then its terminator on the last */
		assert_string_equal(pieces(S("ab\0aaaaaaaaaaaaaaaaaaaa\0c"), TXIN_NUL, 8, fd),
		    "ab#aaaaaaaa|aaaaaaaa|aaaa#c");
		/* lines and paragraphs are not cut */
		assert_string_equal(pieces(S("aaaaaaaaaaaa\nb"), TXIN_LINE, 8, fd),
		    "aaaaaaaaaaaa#b");
	}
}

static void
test_read_error(void **state)
{
	struct txin r;
	struct txin_span u;

	(void)state;
	txin_init(&r, -1);
	assert_int_equal(txin_next(&r, TXIN_LINE, &u), -1);
	assert_int_not_equal(r.err, 0);
	txin_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_nul_and_all),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_mem),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_read_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
