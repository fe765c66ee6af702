/*
 * log: txfix's record of its changes, one TSV line per edit: document,
 * line, byte offset, before, after, rule.  Tabs, newlines, CRs and
 * backslashes in the text are written as \t \n \r \\.
 */
#ifndef TXFIX_LOG_H
#define TXFIX_LOG_H

#include <stdio.h>

#include "run.h"
#include "span.h"

struct fixlog {
	FILE *f;			/* NULL: no log */
	unsigned long long doc, line;	/* the line the next unit starts on */
	int bom;			/* a unit's BOM (u->bom) was removed: say so */
};

/*
 * Opens the log at path ("-": standard error; NULL: none).  Returns 0, or
 * -1 with errno set.
 */
int fixlog_open(struct fixlog *lg, const char *path);

/*
 * Writes the lines for edits e[0..ne) of unit u and flushes, so that each
 * document's log is out before its text; first, with lg->bom, a line for
 * the BOM set aside before the unit (zero-width).  Units of one document (its
 * pieces) are counted on from line to line.  Returns 0, or -1 when the log
 * could not be written (errno set).  Without a log, does nothing.
 */
int fixlog_write(struct fixlog *lg, const struct txrun_unit *u,
    const struct txedit *e, size_t ne);

/* Closes the log (not standard error).  Returns 0, or -1 with errno set. */
int fixlog_close(struct fixlog *lg);

#endif
