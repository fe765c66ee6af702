#include <fcntl.h>
#include <sys/stat.h>

#include "harness.h"
#include "run.h"

/*
 * A test engine.  As spans: each run of bytes other than space, tab, CR
 * and LF, one a batch.  As edits: each 'x' becomes "yy", in one batch.
 * A unit starting "FAIL" fails.
 */
struct engine {
	const char *s;
	size_t n, pos;
	struct txspan sp;
	struct txedit ed[16];
	size_t ned;
	unsigned long long docs[16];
	size_t units;
};

static int
is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
begin(void *eng, const struct txrun_unit *u, const char **why)
{
	struct engine *e = eng;
	size_t i;

	if (u->len >= 4 && memcmp(u->text, "FAIL", 4) == 0) {
		*why = "engine failed";
		return -1;
	}
	e->s = u->text;
	e->n = u->len;
	e->pos = 0;
	e->ned = 0;
	if (e->units < 16)
		e->docs[e->units] = u->doc;
	e->units++;
	for (i = 0; i < u->len && e->ned < 16; i++)
		if (u->text[i] == 'x')
			e->ed[e->ned++] = (struct txedit){ i, i + 1, "yy", 2, "t" };
	return 0;
}

static int
next_span(void *eng, struct txrun_batch *b, const char **why)
{
	struct engine *e = eng;
	size_t a;

	(void)why;
	while (e->pos < e->n && is_sp(e->s[e->pos]))
		e->pos++;
	if (e->pos == e->n)
		return 0;
	for (a = e->pos; e->pos < e->n && !is_sp(e->s[e->pos]); e->pos++)
		;
	e->sp = (struct txspan){ a, e->pos, "W" };
	b->spans = &e->sp;
	b->n = 1;
	return 1;
}

static int
next_edit(void *eng, struct txrun_batch *b, const char **why)
{
	struct engine *e = eng;

	(void)why;
	b->edits = e->ed;
	b->n = e->ned;
	return 0;
}

static char dir[] = "/tmp/txrunXXXXXX";

/* A file in the test directory holding s[0..n); its path. */
static char *
file(const char *name, const char *s, size_t n)
{
	static char paths[8][128];
	static int k;
	char *p = paths[k++ % 8];
	FILE *f;

	snprintf(p, 128, "%s/%s", dir, name);
	assert_non_null(f = fopen(p, "wb"));
	assert_int_equal(fwrite(s, 1, n, f), n);
	fclose(f);
	return p;
}

struct result {
	char out[1024];
	size_t len;
	int status;
	struct engine e;
};

/*
 * Runs the loop over files made of ins[] (NULL-terminated; "@DIR" is the
 * test directory itself, "@MISSING" a path that does not exist) with the
 * given framing flags ("z", "j", "js": --skip-bad, "s": --strict).
 */
static struct result *
run(enum txrun_result res, enum txin_unit unit, enum txspan_form form,
    const char *flags, const char *const ins[])
{
	static struct result r;
	char *argv[8];
	struct txcli cli;
	struct txrun tr = { 0 };
	struct txout w;
	int argc = 0;
	char name[16];

	memset(&r, 0, sizeof(r));
	txcli_init(&cli, "test", NULL);
	if (strchr(flags, 'z') != NULL)
		cli.framing = TXCLI_NUL;
	if (strchr(flags, 'j') != NULL)
		cli.framing = TXCLI_JSONL;
	cli.strict = strchr(flags, 's') != NULL && cli.framing != TXCLI_JSONL;
	cli.skip_bad = strstr(flags, "js") != NULL;
	tr.cli = &cli;
	tr.unit = unit;
	tr.result = res;
	tr.form = form;
	tr.flatten = 1;
	tr.member = "spans";
	tr.quiet = strchr(flags, 'q') != NULL;
	tr.eng = &r.e;
	tr.begin = begin;
	tr.next = res == TXRUN_SPANS ? next_span : next_edit;
	for (; *ins != NULL; ins++) {
		if (strcmp(*ins, "@DIR") == 0)
			argv[argc++] = dir;
		else if (strcmp(*ins, "@MISSING") == 0)
			argv[argc++] = "/nonexistent/tx-test";
		else {
			snprintf(name, sizeof(name), "in%d", argc);
			argv[argc++] = file(name, *ins, strlen(*ins));
		}
	}
	txout_init_mem(&w);
	r.status = txrun_files(&tr, &w, argc, argv);
	assert_true(w.len < sizeof(r.out));
	memcpy(r.out, w.buf != NULL ? w.buf : "", w.len);
	r.len = w.len;
	r.out[r.len] = '\0';
	txout_close(&w);
	return &r;
}

#define IN(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define PARA(flags, ...) run(TXRUN_SPANS, TXIN_PARA, TXSPAN_TEXT, flags, IN(__VA_ARGS__))
#define EDIT(flags, ...) run(TXRUN_EDITS, TXIN_ALL, TXSPAN_TEXT, flags, IN(__VA_ARGS__))

static void
test_plain_spans(void **state)
{
	(void)state;
	/* a blank line between paragraphs, however many there were */
	assert_string_equal(PARA("", "a b\nc\n\n\n\nd\n")->out, "a\nb\nc\n\nd\n");
	/* a missing final newline stays missing; CRLF stays CRLF */
	assert_string_equal(PARA("", "a b")->out, "a\nb");
	assert_string_equal(PARA("", "a\r\nb\r\n\r\nc\r\n")->out, "a\r\nb\r\n\r\nc\r\n");
	/* the BOM is written back before the text, never before offsets */
	assert_string_equal(PARA("", "\xEF\xBB\xBF" "a b\n")->out, "\xEF\xBB\xBF" "a\nb\n");
	assert_string_equal(run(TXRUN_SPANS, TXIN_PARA, TXSPAN_OFFSETS, "",
	    IN("\xEF\xBB\xBF" "a bc"))->out, "3\t4\tW\n5\t7\tW\n");
	assert_string_equal(PARA("", "")->out, "");
	assert_string_equal(PARA("", "\xEF\xBB\xBF")->out, "\xEF\xBB\xBF");
	/* each input is a document */
	assert_string_equal(PARA("", "a\n", "b")->out, "a\nb");
	assert_int_equal(PARA("", "a\n", "b")->e.docs[1], 2);
}

static void
test_lines(void **state)
{
	struct result *r;

	(void)state;
	r = run(TXRUN_SPANS, TXIN_LINE, TXSPAN_ENTITY, "", IN("a b\n\nc\n"));
	/* offsets count from the start of the input, no blank line between lines */
	assert_string_equal(r->out, "0\t1\tW\ta\n2\t3\tW\tb\n5\t6\tW\tc\n");
	assert_int_equal(r->e.units, 3);
}

/* -z, through a file: the records hold NUL bytes. */
static void
test_nul(void **state)
{
	static const char in[] = "\xEF\xBB\xBF" "a b\n\0\xEF\xBB\xBF" "c d\0e";
	static const char want[] = "\xEF\xBB\xBF" "a\nb\n\0\xEF\xBB\xBF" "c\nd\0e";
	static const char wantoff[] = "3\t4\tW\n5\t6\tW\n\0"
	    "11\t12\tW\n13\t14\tW\n\0" "15\t16\tW\n";
	struct txrun tr = { 0 };
	struct engine e;
	struct txcli cli;
	struct txout w;
	char *argv[1];

	(void)state;
	memset(&e, 0, sizeof(e));
	argv[0] = file("nul", in, sizeof(in) - 1);
	txcli_init(&cli, "test", NULL);
	cli.framing = TXCLI_NUL;
	tr = (struct txrun){ .cli = &cli, .unit = TXIN_PARA,
	    .result = TXRUN_SPANS, .form = TXSPAN_TEXT, .eng = &e,
	    .begin = begin, .next = next_span };
	/* every record keeps its own BOM, its NUL, its missing newline */
	txout_init_mem(&w);
	assert_int_equal(txrun_files(&tr, &w, 1, argv), 0);
	assert_int_equal(w.len, sizeof(want) - 1);
	assert_memory_equal(w.buf, want, sizeof(want) - 1);
	/* offsets are the stream's, and every offsets line ends */
	txout_reset(&w);
	tr.form = TXSPAN_OFFSETS;
	assert_int_equal(txrun_files(&tr, &w, 1, argv), 0);
	assert_int_equal(w.len, sizeof(wantoff) - 1);
	assert_memory_equal(w.buf, wantoff, sizeof(wantoff) - 1);
	/* edits keep every byte they do not change */
	txout_reset(&w);
	tr.result = TXRUN_EDITS;
	tr.unit = TXIN_ALL;
	tr.next = next_edit;
	assert_int_equal(txrun_files(&tr, &w, 1, argv), 0);
	assert_int_equal(w.len, sizeof(in) - 1);
	assert_memory_equal(w.buf, in, sizeof(in) - 1);
	txout_close(&w);
	assert_int_equal(e.docs[2], 3);
}

static void
test_edits(void **state)
{
	(void)state;
	assert_string_equal(EDIT("", "\xEF\xBB\xBF" "axb\r\n\r\nx")->out,
	    "\xEF\xBB\xBF" "ayyb\r\n\r\nyy");
	assert_string_equal(run(TXRUN_EDITS, TXIN_LINE, TXSPAN_TEXT, "",
	    IN("x\nax\n\nb"))->out, "yy\nayy\n\nb");
	assert_string_equal(EDIT("q", "x")->out, "");
	assert_string_equal(EDIT("", "\xEF\xBB\xBF")->out, "\xEF\xBB\xBF");
}

static void
test_jsonl(void **state)
{
	struct result *r;

	(void)state;
	r = PARA("j", "{\"id\":1.50,\"text\":\"a b\\n\\nc\"}\n\n{\"text\":\"\",\"spans\":0}");
	assert_string_equal(r->out, "{\"id\":1.50,\"text\":\"a b\\n\\nc\",\"spans\":[\"a\",\"b\",\"c\"]}\n\n"
	    "{\"text\":\"\",\"spans\":[]}");
	assert_int_equal(r->status, 0);
	r = EDIT("j", "{\"text\":\"\\ufeffx\",\"n\":[1]}\r\n{\"text\":\"\"}\n");
	assert_string_equal(r->out, "{\"text\":\"\xEF\xBB\xBFyy\",\"n\":[1]}\r\n{\"text\":\"\"}\n");
	/* a malformed record stops the run, or with --skip-bad passes through */
	r = EDIT("j", "{\"text\":\"x\"}\n[1]\n{\"text\":\"x\"}\n");
	assert_string_equal(r->out, "{\"text\":\"yy\"}\n");
	assert_int_equal(r->status, 1);
	r = EDIT("js", "{\"text\":\"x\"}\n[1]\n{\"body\":1}\n{\"text\":\"x\"}\n");
	assert_string_equal(r->out, "{\"text\":\"yy\"}\n[1]\n{\"body\":1}\n{\"text\":\"yy\"}\n");
	assert_int_equal(r->status, 0);
	assert_int_equal(r->e.docs[1], 2);
	/* the stream's BOM is kept */
	assert_string_equal(EDIT("j", "\xEF\xBB\xBF{\"text\":\"x\"}\n")->out,
	    "\xEF\xBB\xBF{\"text\":\"yy\"}\n");
	assert_string_equal(EDIT("jq", "{\"text\":\"x\"}\n\n")->out, "");
}

static void
test_operands(void **state)
{
	struct result *r;

	(void)state;
	/* a directory or a missing file is reported; the rest are processed */
	r = EDIT("", "a\n", "@DIR", "b\n", "@MISSING", "c\n");
	assert_string_equal(r->out, "a\nb\nc\n");
	assert_int_equal(r->status, 1);
	r = EDIT("z", "@DIR", "b\n");
	assert_string_equal(r->out, "b\n");
	assert_int_equal(r->status, 1);
	r = EDIT("", "a\n", "b\n");
	assert_int_equal(r->status, 0);
}

static void
test_stops(void **state)
{
	struct result *r;

	(void)state;
	/* --strict: the lines before are whole; nothing after */
	r = PARA("s", "good one\n\nbad \xFF\n", "never\n");
	assert_string_equal(r->out, "good\none\n");
	assert_int_equal(r->status, 1);
	r = PARA("", "bad \xFF\n");
	assert_string_equal(r->out, "bad\n\xFF\n");
	assert_int_equal(r->status, 0);
	/* an engine failure stops the run */
	r = PARA("", "a\n\nFAIL\n\nb\n", "c\n");
	assert_string_equal(r->out, "a\n");
	assert_int_equal(r->status, 1);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL;
}

static int
teardown(void **state)
{
	char p[160];
	int i;

	(void)state;
	for (i = 0; i < 8; i++) {
		snprintf(p, sizeof(p), "%s/in%d", dir, i);
		unlink(p);
	}
	snprintf(p, sizeof(p), "%s/nul", dir);
	unlink(p);
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_spans),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_edits),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_operands),
		cmocka_unit_test(test_stops),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
