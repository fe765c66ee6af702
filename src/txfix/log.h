/*
 * log: txfix's record of its changes, one TSV line per edit: document,
 * line, byte offset, before, after, rule.  Tabs, newlines, CRs and
 * backslashes in the text are written as \t \n \r \\.
 */
#ifndef TXFIX_LOG_H
#define TXFIX_LOG_H

#include <stdint.h>
#include <stdio.h>

#include "span.h"

/*
 * Writes the lines for edits e[0..ne) of document number doc, text
 * s[0..n) whose first byte is at offset base of its input, and flushes f,
 * so that each document's log is out before its text.  Returns 0, or -1
 * when f could not be written (errno set).
 */
int fixlog_write(FILE *f, unsigned long long doc, const char *s,
    uint64_t base, const struct txedit *e, size_t ne);

#endif
