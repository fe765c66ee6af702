/*
 * run: the one document loop every program hands its engine to (toybox's
 * loopfiles).  It owns what all of them do the same way: the operands,
 * the three framings (plain, -z, --jsonl[=FIELD] with --skip-bad), the
 * unit the engine asks for, the BOM, CRLF and final-newline policy,
 * --strict, writing the engine's spans or edits, and the exit status.
 * It reports through cli's diagnostics helper and never exits.
 *
 * The policy, the same under every framing: each input file, NUL-separated
 * record or JSON Lines field is one document.  A document's leading BOM is
 * set aside before the engine sees the text and written back at the
 * start of the document's output whenever that output is text (edited
 * text, or spans as lines), never inside offsets, unless the program
 * removes it (txfix, the normalizer: drop_bom).  Lines the loop writes
 * end as the document's first line did (CR LF or LF).  A document whose
 * last line lacks its newline gets none after its last output line.
 * Where the engine edits, every byte it does not edit, terminators
 * included, is written as it came.
 */
#ifndef TX_RUN_H
#define TX_RUN_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "cli.h"
#include "input.h"
#include "output.h"
#include "span.h"

enum txrun_result {
	TXRUN_SPANS,		/* the engine finds spans: written as lines, or as the JSON member */
	TXRUN_EDITS		/* the engine edits: the edited text replaces the unit */
};

/* One unit, as the loop hands it to the engine. */
struct txrun_unit {
	const char *text;	/* no BOM, no terminator; any bytes (valid UTF-8 under --strict) */
	size_t len;
	uint64_t offset;	/* of text[0]: in the input for plain and -z, in the field's UTF-8 for --jsonl */
	const char *name;	/* the input, as messages call it */
	unsigned long long doc;	/* the document's number, from 1, over all inputs */
	int bom;		/* a BOM was set aside just before text[0] */
};

/* A batch of results, owned by the engine and valid until its next call. */
struct txrun_batch {
	const struct txspan *spans;	/* TXRUN_SPANS */
	const struct txedit *edits;	/* TXRUN_EDITS */
	size_t n;
};

/* What a program hands the loop. */
struct txrun {
	const struct txcli *cli;	/* framing, field, --strict, --skip-bad */
	enum txin_unit unit;	/* TXIN_ALL (a document), TXIN_PARA or TXIN_LINE */
	enum txrun_result result;
	enum txspan_form form;	/* how spans are written */
	int flatten;		/* a newline inside a span is written as a space */
	/*
	 * The spans tile the unit, white space between them: as lines, what
	 * of that space a line break does not stand for (\v, \f, U+00A0,
	 * U+2028, a lone CR...) is kept, at the end of the line before.
	 */
	int separators;
	/*
	 * 0, or the most a TXIN_ALL unit hands the engine at once: a longer
	 * document (a file, a -z record, a JSON field) comes in pieces cut
	 * as txin.max says, each a unit of the same document.
	 */
	size_t max;
	const char *member;	/* --jsonl: the member spans are set in */
	/*
	 * --jsonl, TXRUN_SPANS: the spans replace the field instead, written
	 * as lines exactly as plain text has them (no member is added), so
	 * that the next program of a pipeline sees what it would in a file.
	 */
	int spans_in_field;
	/*
	 * --jsonl, TXRUN_EDITS: when not NULL, the value of member for the
	 * record just edited (a new reference, or NULL for none), set after
	 * the edited field (txstrip's "title").
	 */
	json_t *(*member_value)(void *eng);
	int quiet;		/* write nothing (a dry run, a pass that only counts) */
	int drop_bom;		/* a document's leading BOM is not written back */
	void *eng;
	/*
	 * Starts on unit u.  Returns 0, or -1 with *why set (static storage):
	 * the loop reports it and stops.
	 */
	int (*begin)(void *eng, const struct txrun_unit *u, const char **why);
	/*
	 * The unit's next batch, offsets relative to u->text.  Returns 1 when
	 * more batches follow, 0 for the last one (it may be empty), -1 as
	 * begin.
	 */
	int (*next)(void *eng, struct txrun_batch *b, const char **why);
};

/*
 * Runs r's engine over the operands argv[0..argc) ("-" or none: standard
 * input), writing to out.  An input that cannot be opened or read (a
 * directory, say) is reported and the others are still processed.  The
 * loop stops at invalid UTF-8 under --strict, a malformed JSON Lines
 * record without --skip-bad, an engine failure, or a failed write (which
 * the caller reports when it closes out).  Returns the exit status: 0, or
 * 1 if anything went wrong.
 */
int txrun_files(const struct txrun *r, struct txout *out, int argc,
    char *const argv[]);

#endif
