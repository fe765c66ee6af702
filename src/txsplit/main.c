#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "jsonl.h"
#include "output.h"
#include "split.h"

#define USAGE "usage: txsplit [-o] [-l lang] [-n auto|space|break] " \
	TXCLI_USAGE " [file ...]\n"

struct ctx {
	struct txcli cli;
	struct splitter *sp;
	struct txout out;
	int offsets;
};

static void
usage(void)
{
	fputs(USAGE, stdout);
	fputs("Write one sentence a line, a blank line between paragraphs.\n\n"
	    "  -o, --offsets        write START<TAB>END byte offsets, not text\n"
	    "  -l, --lang=LANG      en (default: the suite's rules), de, fr, es, it,\n"
	    "                       pt, ru, zh, ja... (ICU's rules), or auto\n"
	    "  -n, --newlines=MODE  auto (default), space (a newline is a space),\n"
	    "                       or break (every line ends a sentence)\n"
	    "  -z, --null           documents are separated by NUL bytes\n"
	    "      --jsonl[=FIELD]  JSON Lines: split FIELD (default text), add \"sentences\"\n"
	    "      --strict         stop at invalid UTF-8 (status 1)\n"
	    "      --skip-bad       pass malformed JSON Lines records through\n"
	    "      --help, --version\n", stdout);
	exit(0);
}

/* Writes a sentence, each newline (with its CR) as one space. */
static void
put_sentence(struct txout *w, const char *s, size_t n)
{
	const char *nl;
	size_t k;

	while ((nl = memchr(s, '\n', n)) != NULL) {
		k = (size_t)(nl - s);
		txout_write(w, s, k > 0 && s[k - 1] == '\r' ? k - 1 : k);
		txout_putc(w, ' ');
		n -= k + 1;
		s = nl + 1;
	}
	txout_write(w, s, n);
}

static void
put_offsets(struct txout *w, unsigned long long a, unsigned long long b)
{
	txout_putu(w, a);
	txout_putc(w, '\t');
	txout_putu(w, b);
}

/*
 * Splits the paragraphs that r hands out and writes them, a blank line
 * between paragraphs.  base is added to offsets.  A whole plain-text input
 * keeps its BOM and its missing final newline.  Returns 0, or -1 after a
 * message.
 */
static int
split_units(struct ctx *x, struct txin *r, const char *name,
    unsigned long long base, int plain)
{
	int first = 1;
	struct split_span sv;
	const char *eol;
	struct txin_span u;
	int k, more, any;

	while ((k = txin_next(r, TXIN_PARA, &u)) > 0) {
		eol = r->crlf == 1 ? "\r\n" : "\n";
		if (txcli_check_utf8(&x->cli, name, u.text, u.len,
		    base + u.offset) != 0)
			return -1;
		if (split_begin(x->sp, u.text, u.len) != 0 ||
		    (more = split_next(x->sp, &sv)) < 0)
			goto nomem;
		any = more;
		if (any && first && plain && r->bom && !x->offsets)
			txout_puts(&x->out, "\xEF\xBB\xBF");
		if (any && !first)
			txout_puts(&x->out, eol);
		while (more) {
			if (x->offsets)
				put_offsets(&x->out, base + u.offset + sv.start,
				    base + u.offset + sv.end);
			else
				put_sentence(&x->out, u.text + sv.start,
				    sv.end - sv.start);
			if ((more = split_next(x->sp, &sv)) < 0)
				goto nomem;
			/* A missing final newline stays missing. */
			if (more || !plain || u.termlen > 0)
				txout_puts(&x->out, eol);
		}
		if (any)
			first = 0;
	}
	if (k < 0) {
		txcli_warn(&x->cli, "%s: %s", name, strerror(r->err));
		return -1;
	}
	return 0;
nomem:
	txcli_warn(&x->cli, "%s: %s", name, strerror(ENOMEM));
	return -1;
}

static int
do_nul(struct ctx *x, struct txin *r, const char *name)
{
	struct txin_span u;
	struct txin doc;
	int k;

	while ((k = txin_next(r, TXIN_NUL, &u)) > 0) {
		txin_init_mem(&doc, u.text, u.len);
		k = split_units(x, &doc, name, u.offset, 0);
		txin_free(&doc);
		if (k != 0)
			return -1;
		if (u.termlen > 0)
			txout_putc(&x->out, '\0');
	}
	if (k < 0) {
		txcli_warn(&x->cli, "%s: %s", name, strerror(r->err));
		return -1;
	}
	return 0;
}

/* The "sentences" member for the text of one record. */
static json_t *
sentences(struct ctx *x, const char *text, size_t len)
{
	struct split_span sv;
	struct txin doc;
	struct txin_span u;
	json_t *arr, *v;
	char *buf;
	size_t k, j, n, len2;
	int more;

	if ((arr = json_array()) == NULL)
		return NULL;
	txin_init_mem(&doc, text, len);
	while (txin_next(&doc, TXIN_PARA, &u) > 0) {
		if (split_begin(x->sp, u.text, u.len) != 0)
			goto fail;
		while ((more = split_next(x->sp, &sv)) > 0) {
			k = (size_t)u.offset + sv.start;
			n = sv.end - sv.start;
			if (x->offsets) {
				v = json_pack("[I,I]", (json_int_t)k,
				    (json_int_t)(k + n));
			} else {
				/* each newline, with its CR, becomes a space, as in put_sentence */
				if ((buf = malloc(n)) == NULL)
					goto fail;
				for (j = 0, len2 = 0; j < n; j++) {
					if (text[k + j] == '\r' && j + 1 < n &&
					    text[k + j + 1] == '\n')
						continue;
					buf[len2++] = text[k + j] == '\n' ? ' ' : text[k + j];
				}
				v = json_stringn(buf, len2);
				free(buf);
			}
			if (json_array_append_new(arr, v) != 0)
				goto fail;
		}
		if (more < 0)
			goto fail;
	}
	txin_free(&doc);
	return arr;
fail:
	txin_free(&doc);
	json_decref(arr);
	return NULL;
}

static int
do_jsonl(struct ctx *x, struct txin *r, const char *name)
{
	struct txjson_rec rec;
	struct txin_span u;
	unsigned long long lineno = 0;
	json_t *arr;
	int k;

	while ((k = txcli_next_record(&x->cli, r, name, &lineno, "sentences",
	    &rec, &u, &x->out)) > 0) {
		if ((arr = sentences(x, rec.text, rec.textlen)) == NULL) {
			txjson_free(&rec);
			txcli_warn(&x->cli, "%s:%llu: %s", name, lineno,
			    strerror(ENOMEM));
			return -1;
		}
		txjson_write(&x->out, &rec, NULL, 0, arr);
		txjson_free(&rec);
		txout_write(&x->out, u.term, u.termlen);
	}
	return k;
}

/* Returns 0, 1 for an unreadable input (the others go on), -1 to stop. */
static int
process(struct ctx *x, const char *path)
{
	const char *name;
	struct txin r;
	int rc;

	if ((rc = txcli_open(&x->cli, path, &r, &name)) != 0)
		return rc;
	if (x->cli.framing == TXCLI_JSONL)
		rc = do_jsonl(x, &r, name);
	else if (x->cli.framing == TXCLI_NUL)
		rc = do_nul(x, &r, name);
	else
		rc = split_units(x, &r, name, 0, 1);
	txcli_close(&r);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "offsets", no_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "newlines", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct split_opts so = { SPLIT_NL_AUTO, "en" };
	struct ctx x;
	const char *why;
	int c, rc, status = 0;

	memset(&x, 0, sizeof(x));
	txcli_init(&x.cli, "txsplit");
	while ((c = getopt_long(argc, argv, TXCLI_SHORTOPTS "ol:n:", longopts,
	    NULL)) != -1) {
		switch (txcli_option(&x.cli, c, optarg)) {
		case TXCLI_DONE:
			continue;
		case TXCLI_HELP:
			usage();
			break;
		case TXCLI_VERSION:
			txcli_version(&x.cli);
			return 0;
		case TXCLI_BAD:
			return 2;
		}
		switch (c) {
		case 'o':
			x.offsets = 1;
			break;
		case 'l':
			so.lang = optarg;
			break;
		case 'n':
			if (strcmp(optarg, "auto") == 0)
				so.newlines = SPLIT_NL_AUTO;
			else if (strcmp(optarg, "space") == 0)
				so.newlines = SPLIT_NL_SPACE;
			else if (strcmp(optarg, "break") == 0)
				so.newlines = SPLIT_NL_BREAK;
			else {
				txcli_warn(&x.cli, "--newlines: %s: must be auto, space or break",
				    optarg);
				return 2;
			}
			break;
		default:
			txcli_bad_option(&x.cli, argv, c);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;

	if ((x.sp = split_new(&so, &why)) == NULL) {
		txcli_warn(&x.cli, "--lang: %s: %s", so.lang, why);
		return 2;
	}
	if (txout_init(&x.out, STDOUT_FILENO) != 0) {
		txcli_warn(&x.cli, "%s", strerror(ENOMEM));
		return 1;
	}
	if (argc == 0)
		status = process(&x, "-");
	for (; argc > 0 && status >= 0; argc--, argv++)
		if ((rc = process(&x, *argv)) != 0)
			status = rc;
	split_free(x.sp);
	if (txout_close(&x.out) != 0) {
		txcli_warn(&x.cli, "write error: %s", strerror(x.out.err));
		return 1;
	}
	return status != 0;
}
