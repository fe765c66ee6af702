#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "lang.h"
#include "output.h"
#include "run.h"
#include "split.h"

#define USAGE "usage: txsplit [-o] [-l lang] [-n auto|space|break] " \
	"[--max-sentence bytes] [--model file | --rules-only] " TXCLI_USAGE \
	" [--replace] [file ...]\n"

enum { OPT_MAX = TXCLI_OPT_PROG, OPT_MODEL, OPT_RULES, OPT_REPLACE };

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
	    "      --max-sentence=BYTES  cut a sentence with no boundary after BYTES\n"
	    "                       (default 1048576, at least 65536)\n"
	    "      --model=FILE     English boundaries no mark decides: this model\n"
	    "                       (default: split.model in the data)\n"
	    "      --rules-only     English boundaries by the rules alone, no model\n"
	    "  -z, --null           documents are separated by NUL bytes\n"
	    "      --jsonl[=FIELD]  JSON Lines: split FIELD (default text), add \"sentences\"\n"
	    "      --replace        with --jsonl: FIELD becomes its sentences, one a line,\n"
	    "                       as in plain text, instead of adding \"sentences\"\n"
	    "      --strict         stop at invalid UTF-8 (status 1)\n"
	    "      --skip-bad       pass malformed JSON Lines records through\n"
	    "      --help, --version\n", stdout);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "offsets", no_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "newlines", required_argument, NULL, 'n' },
		{ "max-sentence", required_argument, NULL, OPT_MAX },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ "rules-only", no_argument, NULL, OPT_RULES },
		{ "replace", no_argument, NULL, OPT_REPLACE },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const modes[] = { "auto", "space", "break", NULL };
	struct split_opts so = { .newlines = SPLIT_NL_AUTO, .lang = "en" };
	struct txrun run = { .unit = TXIN_PARA, .result = TXRUN_SPANS,
	    .form = TXSPAN_TEXT, .flatten = 1, .separators = 1,
	    .member = "sentences",
	    .begin = split_unit_begin, .next = split_unit_next };
	struct splitter *sp;
	struct txcli cli;
	struct txout out;
	const char *why;
	char codes[512], *found = NULL;
	int rules_only = 0;
	size_t max;
	int c, m, status;

	txcli_init(&cli, "txsplit", usage);
	while ((c = txcli_getopt(&cli, argc, argv, "ol:n:", longopts)) >= 0) {
		switch (c) {
		case 'o':
			run.form = TXSPAN_OFFSETS;
			break;
		case 'l':
			so.lang = optarg;
			break;
		case 'n':
			if ((m = txcli_choice(&cli, "--newlines", optarg, modes)) < 0)
				return 2;
			so.newlines = (enum split_newlines)m;
			break;
		case OPT_MAX:
			if (txcli_bytes(&cli, "--max-sentence", optarg, 1,
			    &so.max_sentence) != 0)
				return 2;
			break;
		case OPT_MODEL:
			so.model = optarg;
			break;
		case OPT_RULES:
			rules_only = 1;
			break;
		case OPT_REPLACE:
			run.spans_in_field = 1;
			break;
		}
	}
	if (c != TXCLI_END)
		return TXCLI_STATUS(c);
	argc -= optind;
	argv += optind;

	if (strcmp(so.lang, "auto") != 0 && txlang_find(so.lang) == NULL) {
		txcli_warn(&cli, "--lang: %s: unknown language (auto, %s)", so.lang,
		    txlang_codes(codes, sizeof(codes)));
		return 2;
	}
	if (run.spans_in_field && (cli.framing != TXCLI_JSONL ||
	    run.form != TXSPAN_TEXT)) {
		txcli_warn(&cli, "--replace needs --jsonl, and excludes -o");
		return 2;
	}
	if (rules_only && so.model != NULL) {
		txcli_warn(&cli, "--model and --rules-only exclude each other");
		return 2;
	}
	/* only English text is split by the model */
	if (rules_only || (strcmp(so.lang, "en") != 0 && strcmp(so.lang, "auto") != 0))
		so.model = NULL;
	else if (so.model == NULL && (so.model = found = txdata_find("split.model")) == NULL) {
		txcli_warn(&cli, "split.model: model not found (install tx, set TX_DATA, "
		    "or use --model or --rules-only)");
		return 1;
	}
	if ((sp = split_new(&so, &why)) == NULL) {
		/* English needs no ICU: what failed is the model */
		if (so.model != NULL)
			txcli_warn(&cli, "%s: %s", so.model, why);
		else
			txcli_warn(&cli, "--lang: %s: %s", so.lang, why);
		free(found);
		return 1;
	}
	free(found);
	run.cli = &cli;
	run.eng = sp;
	if (txout_init(&out, STDOUT_FILENO) != 0)
		return txcli_fatal(&cli, "stdout", out.err);
	status = txrun_files(&run, &out, argc, argv);
	if (split_cuts(sp, &max) > 0)
		txcli_warn(&cli, "%llu sentences with no boundary in %zu bytes were cut "
		    "(see --max-sentence)", split_cuts(sp, &max), max);
	split_free(sp);
	return txcli_close_stdout(&cli, &out) != 0 ? 1 : status;
}
