/*
 * Exhausted memory, at every allocation in turn: the engines' constructors
 * and their work fail cleanly (NULL or -1, the message an engine gives)
 * and free what they had taken; nothing crashes.  The linker wraps malloc,
 * calloc, realloc and free (see test_alloc_LDFLAGS in the Makefile), so
 * only the code of this repository sees the failures; the live count of
 * its allocations proves that nothing leaks.
 */
#include <errno.h>
#include <fcntl.h>

#include "harness.h"
#include "fix.h"
#include "lexicon.h"
#include "run.h"
#include "split.h"

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void __real_free(void *);

static long budget = -1;	/* allocations left before one fails; -1: no limit */
static long live;		/* allocations not yet freed */

/* Whether the next allocation may succeed; a failure sets errno as malloc does. */
static int
allowed(void)
{
	if (budget == 0) {
		errno = ENOMEM;
		return 0;
	}
	if (budget > 0)
		budget--;
	return 1;
}

void *
__wrap_malloc(size_t n)
{
	void *p = allowed() ? __real_malloc(n) : NULL;

	live += p != NULL;
	return p;
}

void *
__wrap_calloc(size_t n, size_t k)
{
	void *p = allowed() ? __real_calloc(n, k) : NULL;

	live += p != NULL;
	return p;
}

void *
__wrap_realloc(void *old, size_t n)
{
	void *p = allowed() ? __real_realloc(old, n) : NULL;

	live += old == NULL && p != NULL;
	return p;
}

void
__wrap_free(void *p)
{
	live -= p != NULL;
	__real_free(p);
}

static const char text[] =
    "Mr. Smith left at 9 a.m. on Oct. 5. He said \"no\" and went home.\n"
    "It closed.The deal  closed ,and the crowd left. Gallagher spoke; Gallagher wrote.";

static void
test_split(void **state)
{
	const struct split_opts langs[] = {
		{ .newlines = SPLIT_NL_AUTO, .lang = "en" },
		{ .newlines = SPLIT_NL_SPACE, .lang = "de" },
		{ .newlines = SPLIT_NL_AUTO, .lang = "auto" },
		{ .newlines = SPLIT_NL_AUTO, .lang = "en", .model = "../../data/split.model" } };
	struct splitter *sp;
	struct txspan span;
	const char *why;
	long n, base, k;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		for (n = 0; n < 400; n++) {
			base = live;
			budget = n;
			why = NULL;
			sp = split_new(&langs[i], &why);
			if (sp == NULL) {
				budget = -1;
				assert_non_null(why);
				assert_int_equal(live, base);
				continue;
			}
			rc = split_begin(sp, text, sizeof(text) - 1);
			for (k = 0; rc == 0 && (rc = split_next(sp, &span)) > 0; k++)
				rc = 0;
			if (rc < 0)
				assert_non_null(split_error(sp));
			budget = -1;
			split_free(sp);
			assert_int_equal(live, base);
			if (rc == 0 && k > 0)
				break;	/* every allocation has had its turn */
		}
		assert_true(n > 0 && n < 400);
	}
}

static void
test_fix(void **state)
{
	struct fix_opts o = { (1u << R_NRULES) - 1, 0, 0, NULL, NULL };
	const struct txedit *ed;
	struct fixer *fx;
	long n, base, k;

	(void)state;
	for (n = 0; n < 400; n++) {
		base = live;
		budget = n;
		if ((fx = fix_new(&o, NULL)) == NULL) {
			budget = -1;
			assert_int_equal(live, base);
			continue;
		}
		k = fix_doc(fx, text, sizeof(text) - 1, &ed);
		budget = -1;
		fix_free(fx);
		assert_int_equal(live, base);
		if (k > 0)
			break;
	}
	assert_true(n > 0 && n < 400);
}

static void
test_lexicon(void **state)
{
	char path[64];
	struct lexbuild *b;
	struct lexicon *lx;
	const char *why;
	long n, base;
	int fd, rc;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/txalloc.%ld", (long)getpid());
	for (n = 0; n < 400; n++) {
		base = live;
		budget = n;
		rc = -1;
		if ((b = lexb_new()) != NULL &&
		    lexb_add_text(b, text, sizeof(text) - 1) == 0) {
			fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			assert_true(fd >= 0);
			rc = lexb_write(b, fd, "test_alloc");
			close(fd);
		}
		lexb_free(b);
		if (rc == 0 && (lx = lex_open(path, &why)) != NULL) {
			budget = -1;
			assert_true(lex_find(lx, "smith", 5) >= 0);
			lex_close(lx);
		} else
			rc = -1;
		budget = -1;
		assert_int_equal(live, base);
		if (rc == 0)
			break;
	}
	assert_true(n > 0 && n < 400);
	unlink(path);
}

/* The document loop, in every framing, with its engine and writer failing. */
static void
test_run(void **state)
{
	static const char *const flags[] = { "", "z", "j" };
	const struct split_opts so = { .newlines = SPLIT_NL_AUTO, .lang = "en" };
	char path[64], *argv[1];
	struct txrun r = { 0 };
	struct txcli cli;
	struct txout w;
	long n, base;
	size_t i;
	int status;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/txalloc-run.%ld", (long)getpid());
	assert_non_null(f = fopen(path, "w"));
	fputs("{\"text\":\"One. Two.\\n\\nThree.\"}\nOne. Two.\n\nThree.\0Four.\n", f);
	fclose(f);
	argv[0] = path;
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		for (n = 0; n < 400; n++) {
			base = live;
			txcli_init(&cli, "test_alloc", NULL);
			cli.framing = flags[i][0] == 'z' ? TXCLI_NUL :
			    flags[i][0] == 'j' ? TXCLI_JSONL : TXCLI_PLAIN;
			cli.skip_bad = 1;
			r = (struct txrun){ .cli = &cli, .unit = TXIN_PARA,
			    .result = TXRUN_SPANS, .form = TXSPAN_TEXT,
			    .member = "sentences", .begin = split_unit_begin,
			    .next = split_unit_next };
			if ((r.eng = split_new(&so, &(const char *){ NULL })) == NULL)
				fail_msg("split_new");
			txout_init_mem(&w);
			budget = n;
			status = txrun_files(&r, &w, 1, argv);
			budget = -1;
			txout_close(&w);
			split_free(r.eng);
			assert_int_equal(live, base);
			if (status == 0)
				break;
		}
		assert_true(n > 0 && n < 400);
	}
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_fix),
		cmocka_unit_test(test_lexicon),
		cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
