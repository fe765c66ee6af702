/*
 * span: the one vocabulary of what engines return.  A span is a labelled
 * byte range of the text an engine was given (a sentence, an entity, a kept
 * block); an edit replaces a byte range of it (a repair, a dropped block).
 * One writer per output form, so every program spells each form alike.
 */
#ifndef TX_SPAN_H
#define TX_SPAN_H

#include <stddef.h>
#include <stdint.h>

#include "output.h"

struct txspan {
	size_t start, end;	/* bytes [start, end) of the engine's text */
	const char *label;	/* static storage, or NULL */
};

struct txedit {
	size_t start, end;	/* bytes [start, end) become repl */
	const char *repl;	/* owned by the engine, valid until its next call */
	size_t repllen;
	const char *rule;	/* what made the edit (static storage), or NULL */
};

/* How a span list is written. */
enum txspan_form {
	TXSPAN_TEXT,		/* the span's text: a line; a JSON string */
	TXSPAN_OFFSETS,		/* START<TAB>END[<TAB>LABEL]; [start,end] */
	TXSPAN_ENTITY		/* START<TAB>END<TAB>LABEL<TAB>TEXT; {"start","end","type","text"} */
};

/*
 * Writes span sp of text s as one line without its newline, in form f;
 * base is added to offsets.  With flatten, each newline of the span's text
 * (with the CR before it) is written as one space.  Returns 0, or -1 after
 * a write error (sticky in w).
 */
int txspan_write(struct txout *w, const char *s, const struct txspan *sp,
    enum txspan_form f, uint64_t base, int flatten);

/*
 * Writes span sp of text s in form f as one JSON value (offsets plus
 * base), as jansson's compact dump would write it; flatten as for
 * txspan_write.  Returns 0, or -1 when memory is exhausted, when the
 * span's text is not valid UTF-8 (a JSON Lines field never is), or after
 * a write error (sticky in w).
 */
int txspan_put_json(struct txout *w, const char *s, const struct txspan *sp,
    enum txspan_form f, uint64_t base, int flatten);

/*
 * Writes s from *pos with edits e[0..ne) applied, up to the end of the last
 * edit, and moves *pos there; the caller writes the rest of s.  Edits are
 * in order of start, do not overlap, and start at or after *pos.  Returns
 * 0, or -1 after a write error (sticky in w).
 */
int txedit_apply(struct txout *w, const char *s, size_t *pos,
    const struct txedit *e, size_t ne);

#endif
