#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "output.h"
#include "run.h"
#include "strip.h"

#define USAGE "usage: txstrip [--text | --html] [--title] [--threshold x] " \
	"[--explain] [--model file] " TXCLI_USAGE " [file ...]\n"

enum { OPT_TEXT = TXCLI_OPT_PROG, OPT_HTML, OPT_TITLE, OPT_THRESHOLD,
	OPT_EXPLAIN, OPT_MODEL };

static void
usage(void)
{
	fputs(USAGE, stdout);
	fputs("Keep the main content of web pages: drop navigation, teasers, share,\n"
	    "cookie and copyright lines, comments.\n\n"
	    "      --text           the input is plain text: keep whole lines\n"
	    "      --html           the input is HTML: write the kept blocks' text\n"
	    "                       (default: HTML if a document starts with a tag)\n"
	    "      --title          HTML: write the page title first\n"
	    "                       (--jsonl: add \"title\" to the record)\n"
	    "      --threshold=X    keep a block above probability X, 0 < X < 1\n"
	    "                       (default: the model's, best in cross-validation)\n"
	    "      --explain        one TSV row per block on stderr: document, block,\n"
	    "                       decision, probability, text, the weightiest features\n"
	    "      --model=FILE     the classifier (default: strip.model in the data)\n"
	    "  -z, --null           documents are separated by NUL bytes\n"
	    "      --jsonl[=FIELD]  JSON Lines: strip FIELD (default text)\n"
	    "      --strict         stop at invalid UTF-8 (status 1)\n"
	    "      --skip-bad       pass malformed JSON Lines records through\n"
	    "      --help, --version\n", stdout);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "text", no_argument, NULL, OPT_TEXT },
		{ "html", no_argument, NULL, OPT_HTML },
		{ "title", no_argument, NULL, OPT_TITLE },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ NULL, 0, NULL, 0 }
	};
	struct strip_opts so = { STRIP_AUTO, 0, 0, NULL };
	struct txrun run = { .unit = TXIN_ALL, .result = TXRUN_EDITS,
	    .begin = strip_unit_begin, .next = strip_unit_next };
	struct stripper *st;
	struct txcli cli;
	struct txout out;
	const char *why, *path = NULL;
	char *found = NULL, *end;
	int c, status;

	txcli_init(&cli, "txstrip", usage);
	while ((c = txcli_getopt(&cli, argc, argv, "", longopts)) >= 0) {
		switch (c) {
		case OPT_TEXT:
		case OPT_HTML:
			if (so.mode != STRIP_AUTO && so.mode != (c == OPT_TEXT ?
			    STRIP_TEXT : STRIP_HTML)) {
				txcli_warn(&cli, "--text and --html exclude each other");
				return 2;
			}
			so.mode = c == OPT_TEXT ? STRIP_TEXT : STRIP_HTML;
			break;
		case OPT_TITLE:
			so.title = 1;
			break;
		case OPT_THRESHOLD:
			so.threshold = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !(so.threshold > 0 &&
			    so.threshold < 1)) {
				txcli_warn(&cli, "--threshold: %s: not a number between 0 and 1",
				    optarg);
				return 2;
			}
			break;
		case OPT_EXPLAIN:
			so.explain = stderr;
			break;
		case OPT_MODEL:
			path = optarg;
			break;
		}
	}
	if (c != TXCLI_END)
		return TXCLI_STATUS(c);
	argc -= optind;
	argv += optind;

	if (path == NULL && (path = found = txdata_find("strip.model")) == NULL) {
		txcli_warn(&cli, "strip.model: model not found (install tx, set TX_DATA or use --model)");
		return 1;
	}
	if ((st = strip_new(&so, path, &why)) == NULL) {
		txcli_warn(&cli, "%s: %s", path, why);
		free(found);
		return 1;
	}
	free(found);
	run.cli = &cli;
	run.eng = st;
	if (so.title) {
		run.member = "title";
		run.member_value = strip_unit_member;
	}
	if (txout_init(&out, STDOUT_FILENO) != 0)
		return txcli_fatal(&cli, "stdout", out.err);
	status = txrun_files(&run, &out, argc, argv);
	strip_free(st);
	return txcli_close_stdout(&cli, &out) != 0 ? 1 : status;
}
