/*
 * input: reads a file descriptor in large blocks and hands out whole units
 * (lines, paragraphs, NUL-separated records, or everything) of any length.
 * Memory is bounded by the longest unit, not by the stream.
 */
#ifndef TX_INPUT_H
#define TX_INPUT_H

#include <stddef.h>
#include <stdint.h>

#ifndef TXIN_BUFSIZE
#define TXIN_BUFSIZE 65536
#endif

enum txin_unit {
	TXIN_LINE,	/* up to a newline; term is "\n" or "\r\n" */
	TXIN_PARA,	/* lines up to a blank line; term is the newline and the blank lines */
	TXIN_NUL,	/* up to a NUL byte; term is "\0" */
	TXIN_ALL	/* the rest of the input; term is empty */
};

/*
 * One unit.  text and term point into the reader's buffer and stay valid
 * until the next call on the reader.  A unit at the end of input that lacks
 * its terminator has termlen 0: the caller keeps a missing final newline
 * missing.  term directly follows text in the stream.
 */
struct txin_span {
	const char *text;
	size_t len;
	const char *term;
	size_t termlen;
	uint64_t offset;	/* of text[0] in the stream, a leading BOM counted */
	int more;		/* a piece (see txin.max): the same unit goes on */
};

struct txin {
	int fd;
	char *buf;
	size_t cap, start, end;
	uint64_t offset;	/* stream offset of buf[start] */
	int eof;
	int err;		/* errno of a failed read or allocation */
	int started;
	int borrowed;		/* buf is the caller's (txin_init_mem) */
	int rawbom;		/* set before the first txin_next: a leading BOM is data */
	int bom;		/* the stream began with U+FEFF, which is skipped */
	int crlf;		/* the first line ended in CR LF; -1 until a newline is seen */
	/*
	 * Set before reading: a TXIN_ALL or TXIN_NUL unit longer than max
	 * bytes comes in pieces of at most max, each cut after a blank line,
	 * else after a newline, else after white space, in the piece's second
	 * half, else before a UTF-8 lead byte.  0: no limit.
	 */
	size_t max;
};

/* Prepares r to read fd, which the caller keeps owning.  Returns 0, or -1 when memory is exhausted. */
int txin_init(struct txin *r, int fd);

/*
 * Prepares r to hand out the units of s[0..n), which the caller keeps
 * owning and must not change while r is in use.  Cannot fail.
 */
void txin_init_mem(struct txin *r, const char *s, size_t n);

/* Frees r's buffer; fd is not closed. */
void txin_free(struct txin *r);

/*
 * Reads the next unit of kind u into *sp.  Returns 1 when a unit was read, 0
 * at the end of input, -1 on a read error or exhausted memory (errno value in
 * r->err).  Empty input yields no unit.  Blank means only spaces, tabs and
 * CRs.  In TXIN_PARA, blank lines before the first paragraph come as a unit
 * with empty text.  Bytes are not validated.  A piece (sp->more set) has
 * termlen 0; the unit's last piece has more 0 and the terminator.
 */
int txin_next(struct txin *r, enum txin_unit u, struct txin_span *sp);

#endif
