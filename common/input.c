#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

int
txin_init(struct txin *r, int fd)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->crlf = -1;
	r->cap = TXIN_BUFSIZE;
	if ((r->buf = malloc(r->cap)) == NULL) {
		r->err = errno;
		return -1;
	}
	return 0;
}

void
txin_init_mem(struct txin *r, const char *s, size_t n)
{
	const char *nl;

	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->crlf = -1;
	/* Never written through: refill() returns at eof before touching buf. */
	r->buf = (char *)(uintptr_t)s;
	r->cap = r->end = n;
	r->eof = 1;
	r->borrowed = 1;
	if ((nl = memchr(s, '\n', n)) != NULL)
		r->crlf = nl > s && nl[-1] == '\r';
}

void
txin_free(struct txin *r)
{
	if (!r->borrowed)
		free(r->buf);
	r->buf = NULL;
}

/* Reads one more block.  Returns 1 when bytes came, 0 at EOF, -1 on error. */
static int
refill(struct txin *r)
{
	ssize_t n;
	size_t want;
	char *nb, *nl;

	if (r->eof)
		return 0;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->end == r->cap) {
		if ((nb = realloc(r->buf, r->cap * 2)) == NULL) {
			r->err = errno;
			return -1;
		}
		r->buf = nb;
		r->cap *= 2;
	}
	want = r->cap - r->end;
	if (want > TXIN_BUFSIZE)
		want = TXIN_BUFSIZE;
	do
		n = read(r->fd, r->buf + r->end, want);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		r->err = errno;
		return -1;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	if (r->crlf < 0 && (nl = memchr(r->buf + r->end, '\n', (size_t)n)) != NULL)
		r->crlf = nl > r->buf + r->start && nl[-1] == '\r';
	r->end += (size_t)n;
	return 1;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Fills *sp with text [0,textlen) and terminator [textlen,unitlen) from start. */
static int
emit(struct txin *r, struct txin_span *sp, size_t textlen, size_t unitlen)
{
	sp->text = r->buf + r->start;
	sp->len = textlen;
	sp->term = sp->text + textlen;
	sp->termlen = unitlen - textlen;
	sp->offset = r->offset;
	sp->more = 0;
	r->start += unitlen;
	r->offset += unitlen;
	return 1;
}

/* Offset, relative to start, of the first c at or after pos, reading as needed; -1 if none before EOF, -2 on error. */
static long long
find(struct txin *r, int c, size_t pos)
{
	char *p;
	int k;

	for (;;) {
		if (r->start + pos < r->end &&
		    (p = memchr(r->buf + r->start + pos, c,
		    r->end - r->start - pos)) != NULL)
			return p - (r->buf + r->start);
		pos = r->end - r->start;
		if ((k = refill(r)) < 0)
			return -2;
		if (k == 0)
			return -1;
	}
}

static int
next_para(struct txin *r, struct txin_span *sp)
{
	size_t pos = 0, textend = 0, lineend;
	int blanks_seen = 0;
	long long nl;
	const char *line;

	for (;;) {
		if ((nl = find(r, '\n', pos)) == -2)
			return -1;
		lineend = nl < 0 ? r->end - r->start : (size_t)nl;
		if (nl < 0 && lineend == pos)
			break;
		line = r->buf + r->start + pos;
		if (is_blank(line, lineend - pos)) {
			blanks_seen = 1;
		} else {
			if (blanks_seen)
				return emit(r, sp, textend, pos);
			textend = lineend;
			if (nl >= 0 && lineend > pos && line[lineend - pos - 1] == '\r')
				textend--;
		}
		if (nl < 0) {
			pos = lineend;
			break;
		}
		pos = lineend + 1;
	}
	return emit(r, sp, textend, pos);
}

/*
 * Where to cut a piece of s[0..max) that the unit goes on after: see
 * txin.max.  Returns a length in (0, max].
 */
static size_t
cut_point(const char *s, size_t max)
{
	size_t i, last_nl = SIZE_MAX, next_nl = SIZE_MAX, space = 0;

	for (i = max; i > max / 2; i--) {
		if (s[i - 1] == '\n') {
			if (next_nl != SIZE_MAX && is_blank(s + i, next_nl - i))
				return next_nl + 1;
			if (last_nl == SIZE_MAX)
				last_nl = i - 1;
			next_nl = i - 1;
		} else if (space == 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
			space = i;
	}
	if (last_nl != SIZE_MAX)
		return last_nl + 1;
	if (space != 0)
		return space;
	for (i = max; i > 1 && i + 3 > max && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
		;
	return i;
}

/*
 * With r->max set, the unit of kind u (ALL or NUL) once max + 1 bytes are
 * read: a piece of it when it is longer than max, the whole record when
 * its NUL is among them; 0 (read it as without a limit) when the input
 * ends first.
 */
static int
piece(struct txin *r, enum txin_unit u, struct txin_span *sp)
{
	const char *z;
	size_t n;
	int k = 1;

	while (r->end - r->start <= r->max && (k = refill(r)) > 0)
		;
	if (k < 0)
		return -1;
	n = r->end - r->start;
	if (n <= r->max)
		return 0;
	if (u == TXIN_NUL && (z = memchr(r->buf + r->start, '\0', r->max + 1)) != NULL) {
		n = (size_t)(z - (r->buf + r->start));
		return emit(r, sp, n, n + 1);
	}
	n = cut_point(r->buf + r->start, r->max);
	emit(r, sp, n, n);
	sp->more = 1;
	return 1;
}

int
txin_next(struct txin *r, enum txin_unit u, struct txin_span *sp)
{
	long long at;
	size_t len;
	int k;

	if (!r->started) {
		r->started = 1;
		while (r->end - r->start < 3)
			if (refill(r) <= 0)
				break;
		if (r->err)
			return -1;
		if (!r->rawbom && r->end - r->start >= 3 &&
		    memcmp(r->buf + r->start, "\xEF\xBB\xBF", 3) == 0) {
			r->bom = 1;
			r->start += 3;
			r->offset = 3;
		}
	}
	if (r->start == r->end && (r->eof || refill(r) <= 0))
		return r->err ? -1 : 0;

	if (r->max > 0 && (u == TXIN_ALL || u == TXIN_NUL) &&
	    (k = piece(r, u, sp)) != 0)
		return k;
	switch (u) {
	case TXIN_PARA:
		return next_para(r, sp);
	case TXIN_LINE:
	case TXIN_NUL:
		if ((at = find(r, u == TXIN_LINE ? '\n' : '\0', 0)) == -2)
			return -1;
		if (at < 0) {
			len = r->end - r->start;
			return emit(r, sp, len, len);
		}
		len = (size_t)at;
		if (u == TXIN_LINE && len > 0 && r->buf[r->start + len - 1] == '\r')
			return emit(r, sp, len - 1, len + 1);
		return emit(r, sp, len, len + 1);
	case TXIN_ALL:
		while ((at = refill(r)) > 0)
			;
		if (at < 0)
			return -1;
		len = r->end - r->start;
		return emit(r, sp, len, len);
	}
	return -1;
}
