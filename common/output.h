/*
 * output: a buffered writer on a file descriptor whose errors are sticky
 * and reported by the final close, so that a full disk or a closed pipe is
 * never silent.
 */
#ifndef TX_OUTPUT_H
#define TX_OUTPUT_H

#include <stddef.h>

struct txout {
	int fd;
	char *buf;
	size_t len, cap;
	int err;		/* errno of the first failed write, 0 if none */
	int mem;		/* collects in buf (txout_init_mem) */
};

/* Prepares w to write to fd (owned by the caller).  Returns 0, or -1 when memory is exhausted. */
int txout_init(struct txout *w, int fd);

/*
 * Prepares w to collect what is written in memory: w->buf[0..w->len), owned
 * by w, grows as needed; txout_close frees it.  Returns 0.
 */
int txout_init_mem(struct txout *w);

/* Empties a memory writer for reuse, keeping its buffer; clears its error. */
void txout_reset(struct txout *w);

/*
 * Appends s[0..n).  Returns 0, or -1 once any write has failed (w->err
 * keeps the first errno; later calls do nothing).
 */
int txout_write(struct txout *w, const void *s, size_t n);
int txout_puts(struct txout *w, const char *s);
int txout_putc(struct txout *w, char c);
/* Appends the decimal form of v. */
int txout_putu(struct txout *w, unsigned long long v);

/* Writes out what is buffered.  Returns 0 or -1 as txout_write. */
int txout_flush(struct txout *w);

/*
 * Flushes and frees the buffer, leaving fd open.  Returns 0, or -1 with
 * w->err set when a write failed.
 */
int txout_detach(struct txout *w);

/*
 * Flushes, frees the buffer and closes fd (not for a memory writer).  Returns 0, or -1 with w->err
 * set when a write or the close failed: the caller reports it.
 */
int txout_close(struct txout *w);

#endif
