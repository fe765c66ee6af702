#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "engine.h"
#include "output.h"
#include "run.h"

#define USAGE "usage: txner [--format inline | conll | tsv] [--input text | conll] " \
	"[--model file] " TXCLI_USAGE " [file ...]\n"

enum { OPT_FORMAT = TXCLI_OPT_PROG, OPT_INPUT, OPT_MODEL };

static void
usage(void)
{
	fputs(USAGE, stdout);
	fputs("Find the names of people, organisations and places in text, a sentence\n"
	    "a line (as txsplit writes it).\n\n"
	    "      --format=F       inline: the text with [TYPE name] around each\n"
	    "                       entity (default); conll: a token a line, TAB,\n"
	    "                       its IOB2 tag; tsv: an entity a line: start and\n"
	    "                       end byte offsets, type, text\n"
	    "      --input=I        text (default); conll: a token a line, the form\n"
	    "                       first (or ID FORM ...), a blank line after each\n"
	    "                       sentence (output: conll, or tsv)\n"
	    "      --model=FILE     the model (default: en.ner in the data)\n"
	    "  -z, --null           documents are separated by NUL bytes\n"
	    "      --jsonl[=FIELD]  JSON Lines: tag FIELD (default text) and add its\n"
	    "                       \"entities\": [{\"start\", \"end\", \"type\", \"text\"}]\n"
	    "      --strict         stop at invalid UTF-8 (status 1)\n"
	    "      --skip-bad       pass malformed JSON Lines records through\n"
	    "      --help, --version\n", stdout);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		TXCLI_LONGOPTS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "input", required_argument, NULL, OPT_INPUT },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "inline", "conll", "tsv", NULL };
	struct txrun run = { .unit = TXIN_LINE, .result = TXRUN_EDITS,
	    .begin = ner_unit_begin, .next = ner_unit_next };
	enum ner_format fmt = NER_INLINE;
	enum ner_input in = NER_IN_TEXT;
	struct ner_engine *ng;
	struct ner_model m;
	struct txcli cli;
	struct txout out;
	const char *why, *path = NULL;
	char *found = NULL;
	int c, k, status, fmt_given = 0;

	txcli_init(&cli, "txner", usage);
	while ((c = txcli_getopt(&cli, argc, argv, "", longopts)) >= 0) {
		switch (c) {
		case OPT_FORMAT:
			for (k = 0; formats[k] != NULL && strcmp(formats[k], optarg) != 0; k++)
				;
			if (formats[k] == NULL) {
				txcli_warn(&cli, "--format: %s: not inline, conll or tsv", optarg);
				return 2;
			}
			fmt = (enum ner_format)k;
			fmt_given = 1;
			break;
		case OPT_INPUT:
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "conll") != 0) {
				txcli_warn(&cli, "--input: %s: not text or conll", optarg);
				return 2;
			}
			in = strcmp(optarg, "conll") == 0 ? NER_IN_CONLL : NER_IN_TEXT;
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
	if (in == NER_IN_CONLL && !fmt_given)
		fmt = NER_CONLL;
	if (in == NER_IN_CONLL && fmt == NER_INLINE) {
		txcli_warn(&cli, "--input conll: the output is conll or tsv");
		return 2;
	}
	/* JSON Lines: the entities as a member, unless another form is asked for */
	if (cli.framing == TXCLI_JSONL && !fmt_given)
		fmt = NER_TSV;

	if (path == NULL && (path = found = txdata_find("en.ner")) == NULL) {
		txcli_warn(&cli, "en.ner: model not found (install tx, set TX_DATA or use --model)");
		return 1;
	}
	if (ner_model_open(&m, path, &why) != 0) {
		txcli_warn(&cli, "%s: %s", path, why);
		free(found);
		return 1;
	}
	free(found);
	if ((ng = ner_engine_new(&m, fmt, in)) == NULL) {
		ner_model_close(&m);
		return txcli_fatal(&cli, NULL, ENOMEM);
	}
	if (in == NER_IN_CONLL)
		run.unit = TXIN_PARA;
	if (fmt == NER_TSV) {
		run.result = TXRUN_SPANS;
		run.form = TXSPAN_ENTITY;
		run.member = "entities";
	}
	run.cli = &cli;
	run.eng = ng;
	if (txout_init(&out, STDOUT_FILENO) != 0)
		return txcli_fatal(&cli, "stdout", out.err);
	status = txrun_files(&run, &out, argc, argv);
	ner_engine_free(ng);
	ner_model_close(&m);
	return txcli_close_stdout(&cli, &out) != 0 ? 1 : status;
}
