#include <stdlib.h>
#include <string.h>

#include "block.h"
#include "utf8.h"
#include "vec.h"

static int
blank(const char *s, size_t n)
{
	size_t i;
	int len;

	for (i = 0; i < n; i += (size_t)len)
		if (!txu8_is_space(txu8_at(s, n, i, &len)))
			return 0;
	return 1;
}

int
block_lines(struct blocks *bl, const char *text, size_t len)
{
	const char *nl;
	size_t pos = 0, end, next;
	struct block *b;

	block_reset(bl);
	bl->text = text;
	bl->len = len;
	while (pos < len) {
		nl = memchr(text + pos, '\n', len - pos);
		next = nl ? (size_t)(nl - text) + 1 : len;
		end = nl ? (size_t)(nl - text) : len;
		if (end > pos && text[end - 1] == '\r')
			end--;
		if (!blank(text + pos, end - pos)) {
			if (txvec_grow((void **)&bl->b, &bl->cap, bl->n + 1,
			    sizeof(*bl->b)) != 0)
				return -1;
			b = &bl->b[bl->n++];
			memset(b, 0, sizeof(*b));
			b->start = pos;
			b->end = end;
			b->next = next;
		}
		pos = next;
	}
	return 0;
}

void
block_reset(struct blocks *bl)
{
	bl->n = 0;
	bl->buflen = 0;
	bl->html = 0;
	free(bl->title);
	bl->title = NULL;
}

void
block_free(struct blocks *bl)
{
	free(bl->b);
	free(bl->buf);
	free(bl->title);
	memset(bl, 0, sizeof(*bl));
}
