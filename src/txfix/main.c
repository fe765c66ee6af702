#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "fix.h"
#include "lexicon.h"
#include "log.h"
#include "output.h"
#include "run.h"

#define USAGE "usage: txfix [--only rules | --skip rules] [--log file] [--dry-run] " \
	"[--lexicon file] [--nfkc] [--keep-nbsp] [--window bytes] " TXCLI_USAGE \
	" [file ...]\n" \
	"       txfix --learn [--lexicon file] [file ...]\n"

enum {
	OPT_ONLY = TXCLI_OPT_PROG, OPT_SKIP, OPT_LOG, OPT_DRY, OPT_LEXICON,
	OPT_NFKC, OPT_KEEP_NBSP, OPT_WINDOW, OPT_LEARN
};

/* The fixer (or, with --learn, the lexicon builder) as the loop's engine. */
struct engine {
	struct fixer *fx;
	struct lexbuild *learn;
	struct fixlog log;
	const struct txedit *ed;
	long ned;
	char why[128];
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
	    "      --window=BYTES   repair a longer document in pieces (default 2M)\n"
	    "      --learn          write the lexicon with the input's words added\n"
	    "  -z, --null           documents are separated by NUL bytes\n"
	    "      --jsonl[=FIELD]  JSON Lines: repair FIELD (default text)\n"
	    "      --strict         stop at invalid UTF-8 (status 1)\n"
	    "      --skip-bad       pass malformed JSON Lines records through\n"
	    "      --help, --version\n\nRules, in the order they claim text:\n", stdout);
	for (r = 0; r < R_NRULES; r++)
		printf("  %-19s %s\n", fix_rule_name(r), fix_rule_summary(r));
}

static int
begin(void *eng, const struct txrun_unit *u, const char **why)
{
	struct engine *e = eng;

	e->ned = 0;
	if (e->learn != NULL && lexb_add_text(e->learn, u->text, u->len) != 0)
		e->ned = -1;
	else if (e->learn == NULL)
		e->ned = fix_doc(e->fx, u->text, u->len, &e->ed);
	if (e->ned < 0) {
		*why = strerror(ENOMEM);
		return -1;
	}
	if (fixlog_write(&e->log, u, e->ed, (size_t)e->ned) != 0) {
		snprintf(e->why, sizeof(e->why), "--log: %s", strerror(errno));
		*why = e->why;
		return -1;
	}
	return 0;
}

static int
next(void *eng, struct txrun_batch *b, const char **why)
{
	struct engine *e = eng;

	(void)why;
	b->edits = e->ed;
	b->n = (size_t)e->ned;
	return 0;
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
		{ "window", required_argument, NULL, OPT_WINDOW },
		{ "learn", no_argument, NULL, OPT_LEARN },
		{ NULL, 0, NULL, 0 }
	};
	struct fix_opts fo = { (1u << R_NRULES) - 1, 0, 0, NULL, NULL };
	struct engine e = { 0 };
	struct txcli cli;
	struct txrun run = { .cli = &cli, .unit = TXIN_ALL, .result = TXRUN_EDITS,
	    .max = FIX_WINDOW, .eng = &e, .begin = begin, .next = next };
	const char *logpath = NULL, *lexpath = NULL, *why;
	struct lexicon *lx;
	char *found = NULL;
	unsigned only = 0, skip = 0;
	struct txout out;
	int c, n, status, learn = 0;

	txcli_init(&cli, "txfix", usage);
	while ((c = txcli_getopt(&cli, argc, argv, "", longopts)) >= 0) {
		switch (c) {
		case OPT_ONLY:
		case OPT_SKIP:
			if (fix_rules_parse(optarg, c == OPT_ONLY ? &only : &skip,
			    &why, &n) != 0) {
				txcli_warn(&cli, "%.*s: no such rule (see --help)", n, why);
				return 2;
			}
			break;
		case OPT_LOG:
			logpath = optarg;
			break;
		case OPT_DRY:
			run.quiet = 1;
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
		case OPT_WINDOW:
			if (txcli_bytes(&cli, "--window", optarg, FIX_WINDOW_MIN,
			    &run.max) != 0)
				return 2;
			break;
		case OPT_LEARN:
			learn = run.quiet = 1;
			break;
		}
	}
	if (c != TXCLI_END)
		return TXCLI_STATUS(c);
	argc -= optind;
	argv += optind;
	if (only != 0 && skip != 0) {
		txcli_warn(&cli, "--only and --skip exclude each other");
		return 2;
	}
	if (run.quiet && !learn && logpath == NULL)
		logpath = "-";
	fo.rules = (only != 0 ? only : fo.rules) & ~skip;
	if (lexpath == NULL && (lexpath = found = txdata_find("en.lex")) == NULL) {
		txcli_warn(&cli, "en.lex: lexicon not found (install tx, set TX_DATA or use --lexicon)");
		return 1;
	}
	if ((lx = lex_open(lexpath, &why)) == NULL ||
	    (!learn && (why = fix_lexicon_problem(lx)) != NULL)) {
		txcli_warn(&cli, "%s: %s", lexpath, why);
		return 1;
	}
	if (fixlog_open(&e.log, logpath) != 0)
		return txcli_fatal(&cli, logpath, errno);
	e.log.bom = run.drop_bom = !learn && ((fo.rules >> R_ZERO_WIDTH) & 1);
	if ((learn && ((e.learn = lexb_new()) == NULL ||
	    lexb_add_lexicon(e.learn, lx) != 0)) ||
	    (!learn && (e.fx = fix_new(&fo, lx)) == NULL) ||
	    txout_init(&out, STDOUT_FILENO) != 0)
		return txcli_fatal(&cli, NULL, ENOMEM);
	status = txrun_files(&run, &out, argc, argv);
	if (learn && status == 0 && (txout_flush(&out) != 0 ||
	    lexb_write(e.learn, STDOUT_FILENO, "txfix --learn") != 0))
		out.err = out.err ? out.err : errno;
	lexb_free(e.learn);
	fix_free(e.fx);
	lex_close(lx);
	free(found);
	if (fixlog_close(&e.log) != 0)
		status = txcli_fatal(&cli, logpath, errno);
	return txcli_close_stdout(&cli, &out) != 0 ? 1 : status;
}
