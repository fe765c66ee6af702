#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

#define TXOUT_BUFSIZE 65536

int
txout_init(struct txout *w, int fd)
{
	memset(w, 0, sizeof(*w));
	w->fd = fd;
	w->cap = TXOUT_BUFSIZE;
	if ((w->buf = malloc(w->cap)) == NULL) {
		w->err = errno;
		return -1;
	}
	return 0;
}

static int
write_all(struct txout *w, const char *s, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = write(w->fd, s, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			w->err = errno;
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

int
txout_flush(struct txout *w)
{
	if (w->err)
		return -1;
	if (w->mem)
		return 0;
	if (w->len > 0 && write_all(w, w->buf, w->len) != 0)
		return -1;
	w->len = 0;
	return 0;
}

int
txout_init_mem(struct txout *w)
{
	memset(w, 0, sizeof(*w));
	w->fd = -1;
	w->mem = 1;
	return 0;
}

void
txout_reset(struct txout *w)
{
	w->len = 0;
	w->err = 0;
}

/* A memory writer's buffer grows instead of being written out. */
static int
grow(struct txout *w, size_t need)
{
	size_t nc = w->cap ? w->cap : 256;
	char *nb;

	while (nc < need)
		nc *= 2;
	if ((nb = realloc(w->buf, nc)) == NULL) {
		w->err = errno;
		return -1;
	}
	w->buf = nb;
	w->cap = nc;
	return 0;
}

int
txout_write(struct txout *w, const void *s, size_t n)
{
	if (w->err)
		return -1;
	if (n == 0)
		return 0;
	if (w->mem && w->len + n > w->cap && grow(w, w->len + n) != 0)
		return -1;
	if (w->len + n <= w->cap) {
		memcpy(w->buf + w->len, s, n);
		w->len += n;
		return 0;
	}
	if (txout_flush(w) != 0)
		return -1;
	if (n >= w->cap)
		return write_all(w, s, n);
	memcpy(w->buf, s, n);
	w->len = n;
	return 0;
}

int
txout_puts(struct txout *w, const char *s)
{
	return txout_write(w, s, strlen(s));
}

int
txout_putc(struct txout *w, char c)
{
	if (w->len < w->cap && !w->err) {
		w->buf[w->len++] = c;
		return 0;
	}
	return txout_write(w, &c, 1);
}

int
txout_putu(struct txout *w, unsigned long long v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do
		tmp[--i] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	return txout_write(w, tmp + i, sizeof(tmp) - (size_t)i);
}

int
txout_detach(struct txout *w)
{
	int rc = txout_flush(w);

	free(w->buf);
	w->buf = NULL;
	return rc;
}

int
txout_close(struct txout *w)
{
	int rc = txout_flush(w);

	free(w->buf);
	w->buf = NULL;
	if (!w->mem && close(w->fd) != 0 && !w->err) {
		w->err = errno;
		rc = -1;
	}
	return rc;
}
