#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "fix.h"
#include "input.h"
#include "jsonl.h"
#include "lexicon.h"
#include "output.h"
#include "tokens.h"

#define USAGE "usage: txfix [--only rules | --skip rules] [--log file] [--dry-run] " \
	"[--lexicon file] [--nfkc] [--keep-nbsp] " TXCLI_USAGE " [file ...]\n" \
	"       txfix --learn [--lexicon file] [file ...]\n"

enum {
	OPT_ONLY = TXCLI_OPT_PROG, OPT_SKIP, OPT_LOG, OPT_DRY, OPT_LEXICON,
	OPT_NFKC, OPT_KEEP_NBSP, OPT_LEARN
};

/* Where repaired text goes: stdout, or a buffer for a JSON Lines field. */
struct sink {
	struct txout *out;
	char *buf;
	size_t len, cap;
	int oom;
};

struct ctx {
	struct txcli cli;
	struct fixer *fx;
	struct lexbuild *learn;
	struct txout out;
	FILE *log;
	int dry;
	unsigned long long docno;
};

static void
usage(void)
{
	int r;

	fputs(USAGE, stdout);
	fputs("Repair spacing, joined words, broken Unicode and misspelt names; leave the\n"
	    "rest byte for byte.\n\n"
	    "      --only=RULES     apply only these rules (comma-separated)\n"
	    "      --skip=RULES     apply all rules but these\n"
	    "      --log=FILE       one TSV line per change (- for stderr): document, line,\n"
	    "                       byte offset, before, after, rule\n"
	    "      --dry-run        write only the log\n"
	    "      --lexicon=FILE   the lexicon (default: en.lex among the data files)\n"
	    "      --nfkc           normalize to NFKC instead of NFC\n"
	    "      --keep-nbsp      keep a no-break space between a number and its unit\n"
	    "      --learn          write the lexicon with the input's words added\n"
	    "  -z, --null           documents are separated by NUL bytes\n"
	    "      --jsonl[=FIELD]  JSON Lines: repair FIELD (default text)\n"
	    "      --strict         stop at invalid UTF-8 (status 1)\n"
	    "      --skip-bad       pass malformed JSON Lines records through\n"
	    "      --help, --version\n\nRules:", stdout);
	for (r = 0; r < R_NRULES; r++)
		printf(" %s", fix_rule_name(r));
	putchar('\n');
	exit(0);
}

/* Parses "a,b,c" into a rule mask; returns 0 after a message for an unknown rule. */
static int
parse_rules(struct txcli *c, const char *arg, unsigned *mask)
{
	char buf[512], *p, *tok;
	int r;

	*mask = 0;
	snprintf(buf, sizeof(buf), "%s", arg);
	for (tok = strtok_r(buf, ",", &p); tok != NULL; tok = strtok_r(NULL, ",", &p)) {
		if ((r = fix_rule_find(tok)) < 0) {
			txcli_warn(c, "%s: no such rule (see --help)", tok);
			return 0;
		}
		*mask |= 1u << r;
	}
	return 1;
}

static void
put(struct sink *k, const char *s, size_t n)
{
	char *nb;
	size_t nc;

	if (k->out != NULL) {
		txout_write(k->out, s, n);
		return;
	}
	if (k->len + n > k->cap) {
		for (nc = k->cap ? k->cap : 256; nc < k->len + n; nc *= 2)
			;
		if ((nb = realloc(k->buf, nc)) == NULL) {
			k->oom = 1;
			return;
		}
		k->buf = nb;
		k->cap = nc;
	}
	memcpy(k->buf + k->len, s, n);
	k->len += n;
}

static void
log_escaped(FILE *f, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t')
			fputs("\\t", f);
		else if (s[i] == '\n')
			fputs("\\n", f);
		else if (s[i] == '\r')
			fputs("\\r", f);
		else if (s[i] == '\\')
			fputs("\\\\", f);
		else
			fputc(s[i], f);
	}
}

/*
 * Repairs document s[0..n), whose first byte is at offset base of its
 * input, writes it to k (unless --dry-run) and its changes to the log.
 * Returns 0, or -1 after a message.
 */
static int
fix_one(struct ctx *x, const char *name, const char *s, size_t n,
    unsigned long long base, struct sink *k)
{
	const struct fix_edit *ed;
	unsigned long long line = 1;
	size_t pos = 0, lpos = 0;
	long ne, i;

	x->docno++;
	if ((ne = fix_doc(x->fx, s, n, &ed)) < 0) {
		txcli_warn(&x->cli, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	for (i = 0; i < ne; i++) {
		if (!x->dry) {
			put(k, s + pos, ed[i].start - pos);
			put(k, fix_repl(x->fx, &ed[i]), ed[i].repllen);
		}
		pos = ed[i].end;
		if (x->log == NULL)
			continue;
		for (; lpos < ed[i].start; lpos++)
			line += s[lpos] == '\n';
		fprintf(x->log, "%llu\t%llu\t%llu\t", x->docno, line,
		    base + ed[i].start);
		log_escaped(x->log, s + ed[i].start, ed[i].end - ed[i].start);
		fputc('\t', x->log);
		log_escaped(x->log, fix_repl(x->fx, &ed[i]), ed[i].repllen);
		fprintf(x->log, "\t%s\n", fix_rule_name(ed[i].rule));
	}
	if (!x->dry)
		put(k, s + pos, n - pos);
	/* each document's log is written out when it is done, not at exit */
	if (x->log != NULL)
		fflush(x->log);
	if (k->oom) {
		txcli_warn(&x->cli, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	return 0;
}

/* --learn: counts the words and word pairs of s[0..n). */
static int
learn_one(struct ctx *x, const char *s, size_t n)
{
	struct txtok t;
	size_t pos = 0, pa = 0, pn = 0;
	int have = 0;

	while (pos < n) {
		pos = txtok_next(s, n, pos, &t);
		if (t.kind == TXTOK_SPACE)
			continue;
		if (t.kind != TXTOK_WORD) {
			have = 0;
			continue;
		}
		if (lexb_add(x->learn, s + t.start, t.end - t.start, 1,
		    (t.flags & TXTOK_UPPER) ? LEX_UPPER : LEX_LOWER) != 0 ||
		    (have && lexb_add_pair(x->learn, s + pa, pn, s + t.start,
		    t.end - t.start, 1) != 0))
			return -1;
		pa = t.start;
		pn = t.end - t.start;
		have = 1;
	}
	return 0;
}

static int
do_doc(struct ctx *x, const char *name, const char *s, size_t n,
    unsigned long long base)
{
	struct sink k = { &x->out, NULL, 0, 0, 0 };

	if (txcli_check_utf8(&x->cli, name, s, n, base) != 0)
		return -1;
	if (x->learn != NULL) {
		if (learn_one(x, s, n) == 0)
			return 0;
		txcli_warn(&x->cli, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	return fix_one(x, name, s, n, base, &k);
}

static int
do_jsonl(struct ctx *x, struct txin *r, const char *name)
{
	struct txjson_rec rec;
	struct txin_span u;
	unsigned long long lineno = 0;
	struct sink k;
	int rc;

	while ((rc = txcli_next_record(&x->cli, r, name, &lineno, NULL, &rec,
	    &u, x->dry || x->learn != NULL ? NULL : &x->out)) > 0) {
		if (x->learn != NULL) {
			rc = do_doc(x, name, rec.text, rec.textlen, 0);
			txjson_free(&rec);
			if (rc != 0)
				return -1;
			continue;
		}
		memset(&k, 0, sizeof(k));
		if (fix_one(x, name, rec.text, rec.textlen, 0, &k) != 0) {
			free(k.buf);
			txjson_free(&rec);
			return -1;
		}
		if (!x->dry) {
			txjson_write(&x->out, &rec, k.buf != NULL ? k.buf : "", k.len, NULL);
			txout_write(&x->out, u.term, u.termlen);
		}
		free(k.buf);
		txjson_free(&rec);
	}
	return rc;
}

/* Returns 0, 1 for an unreadable input (the others go on), -1 to stop. */
static int
process(struct ctx *x, const char *path)
{
	const char *name;
	struct txin_span u;
	struct txin r;
	int rc, k = 0;

	if ((rc = txcli_open(&x->cli, path, &r, &name)) != 0)
		return rc;
	if (x->cli.framing == TXCLI_JSONL)
		rc = do_jsonl(x, &r, name);
	else {
		while (rc == 0 && (k = txin_next(&r, x->cli.framing == TXCLI_NUL ?
		    TXIN_NUL : TXIN_ALL, &u)) > 0) {
			/* a document keeps its BOM */
			if (u.offset == 3 && r.bom && !x->dry && x->learn == NULL)
				txout_write(&x->out, "\xEF\xBB\xBF", 3);
			rc = do_doc(x, name, u.text, u.len, u.offset);
			if (rc == 0 && !x->dry && x->learn == NULL)
				txout_write(&x->out, u.term, u.termlen);
		}
		if (rc == 0 && k < 0) {
			txcli_warn(&x->cli, "%s: %s", name, strerror(r.err));
			rc = -1;
		}
	}
	txcli_close(&r);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "only", required_argument, NULL, OPT_ONLY },
		{ "skip", required_argument, NULL, OPT_SKIP },
		{ "log", required_argument, NULL, OPT_LOG },
		{ "dry-run", no_argument, NULL, OPT_DRY },
		{ "lexicon", required_argument, NULL, OPT_LEXICON },
		{ "nfkc", no_argument, NULL, OPT_NFKC },
		{ "keep-nbsp", no_argument, NULL, OPT_KEEP_NBSP },
		{ "learn", no_argument, NULL, OPT_LEARN },
		{ NULL, 0, NULL, 0 }
	};
	struct fix_opts fo = { (1u << R_NRULES) - 1, 0, 0 };
	const char *logpath = NULL, *lexpath = NULL, *why;
	struct lexicon *lx = NULL;
	char *found = NULL;
	unsigned only = 0, skip = 0;
	struct ctx x;
	int c, rc, status = 0, learn = 0;

	memset(&x, 0, sizeof(x));
	txcli_init(&x.cli, "txfix");
	while ((c = getopt_long(argc, argv, TXCLI_SHORTOPTS, longopts, NULL)) != -1) {
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
		case OPT_ONLY:
			if (!parse_rules(&x.cli, optarg, &only))
				return 2;
			break;
		case OPT_SKIP:
			if (!parse_rules(&x.cli, optarg, &skip))
				return 2;
			break;
		case OPT_LOG:
			logpath = optarg;
			break;
		case OPT_DRY:
			x.dry = 1;
			break;
		case OPT_LEXICON:
			lexpath = optarg;
			break;
		case OPT_NFKC:
			fo.nfkc = 1;
			break;
		case OPT_KEEP_NBSP:
			fo.keep_nbsp = 1;
			break;
		case OPT_LEARN:
			learn = 1;
			break;
		default:
			txcli_bad_option(&x.cli, argv, c);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (only != 0 && skip != 0) {
		txcli_warn(&x.cli, "--only and --skip exclude each other");
		return 2;
	}
	if (x.dry && logpath == NULL)
		logpath = "-";
	if (only != 0)
		fo.rules = only;
	fo.rules &= ~skip;

	if (lexpath == NULL && (lexpath = found = txdata_find("en.lex")) == NULL) {
		txcli_warn(&x.cli, "en.lex: lexicon not found (install tx, set TX_DATA or use --lexicon)");
		return 1;
	}
	if ((lx = lex_open(lexpath, &why)) == NULL) {
		txcli_warn(&x.cli, "%s: %s", lexpath, why);
		free(found);
		return 1;
	}
	if (logpath != NULL) {
		if (strcmp(logpath, "-") == 0)
			x.log = stderr;
		else if ((x.log = fopen(logpath, "w")) == NULL) {
			txcli_warn(&x.cli, "%s: %s", logpath, strerror(errno));
			return 1;
		}
	}
	if (learn && ((x.learn = lexb_new()) == NULL ||
	    lexb_add_lexicon(x.learn, lx) != 0)) {
		txcli_warn(&x.cli, "%s", strerror(ENOMEM));
		return 1;
	}
	if ((!learn && (x.fx = fix_new(&fo, lx)) == NULL) ||
	    txout_init(&x.out, STDOUT_FILENO) != 0) {
		txcli_warn(&x.cli, "%s", strerror(ENOMEM));
		return 1;
	}
	if (argc == 0)
		status = process(&x, "-");
	for (; argc > 0 && status >= 0; argc--, argv++)
		if ((rc = process(&x, *argv)) != 0)
			status = rc;
	if (learn && status >= 0) {
		if (txout_flush(&x.out) != 0 || lexb_write(x.learn, STDOUT_FILENO) != 0) {
			txcli_warn(&x.cli, "write error: %s", strerror(errno));
			status = -1;
		}
	}
	lexb_free(x.learn);
	fix_free(x.fx);
	lex_close(lx);
	free(found);
	if (x.log != NULL && x.log != stderr && fclose(x.log) != 0) {
		txcli_warn(&x.cli, "%s: %s", logpath, strerror(errno));
		status = -1;
	}
	if (txout_close(&x.out) != 0) {
		txcli_warn(&x.cli, "write error: %s", strerror(x.out.err));
		return 1;
	}
	return status != 0;
}
