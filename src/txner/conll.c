#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conll.h"
#include "vec.h"

int
conll_newdoc(const char *s, size_t n)
{
	return (n >= 8 && memcmp(s, "# newdoc", 8) == 0 &&
	    (n == 8 || s[8] == ' ' || s[8] == '\t' || s[8] == '\r')) ||
	    (n >= 10 && memcmp(s, "-DOCSTART-", 10) == 0 &&
	    (n == 10 || s[10] == ' ' || s[10] == '\t' || s[10] == '\r'));
}

int
conll_line(const char *s, size_t n, size_t *fs, size_t *fe, size_t *ts,
    size_t *te)
{
	size_t f[8][2], nf = 0, i = 0, j;
	char sep;
	int digits;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if ((n >= 2 && s[0] == '#' && s[1] == ' ') || conll_newdoc(s, n))
		return 0;
	sep = memchr(s, '\t', n) != NULL ? '\t' : ' ';
	while (i < n && nf < 8) {
		while (sep == ' ' && i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && s[j] != sep; j++)
			;
		f[nf][0] = i;
		f[nf++][1] = j;
		i = j + 1;
	}
	if (nf == 0 || f[0][1] == f[0][0])
		return 0;
	for (i = f[0][0], digits = 1; i < f[0][1]; i++)
		digits &= s[i] >= '0' && s[i] <= '9';
	if (nf >= 3 && digits) {
		*fs = f[1][0];
		*fe = f[1][1];
		*ts = f[2][0];
		*te = f[2][1];
	} else {
		*fs = f[0][0];
		*fe = f[0][1];
		*ts = nf >= 2 ? f[nf - 1][0] : f[0][1];
		*te = nf >= 2 ? f[nf - 1][1] : f[0][1];
	}
	return 1;
}

static int
add(struct conll *c, const char *s, size_t n, size_t *at)
{
	if (txvec_grow((void **)&c->buf, &c->cap, c->len + n + 1, 1) != 0)
		return -1;
	*at = c->len;
	memcpy(c->buf + c->len, s, n);
	c->len += n;
	c->buf[c->len++] = '\0';
	return 0;
}

/* Makes *v hold n values; on failure *v is kept, to be freed. */
static int
grow_to(size_t **v, size_t n)
{
	size_t *p = realloc(*v, n * sizeof(**v));

	if (p == NULL)
		return -1;
	*v = p;
	return 0;
}

static int
end_sentence(struct conll *c)
{
	if (c->sent[c->nsent] == c->ntok)
		return 0;	/* no token since the last one */
	if (txvec_grow((void **)&c->sent, &c->scap, c->nsent + 2, sizeof(*c->sent)) != 0)
		return -1;
	c->sent[++c->nsent] = c->ntok;
	return 0;
}

/* Ends the document being read, if it has a sentence. */
static int
end_doc(struct conll *c)
{
	if (end_sentence(c) != 0)
		return -1;
	if (c->doc[c->ndoc] == c->nsent)
		return 0;
	if (txvec_grow((void **)&c->doc, &c->dcap, c->ndoc + 2, sizeof(*c->doc)) != 0)
		return -1;
	c->doc[++c->ndoc] = c->nsent;
	return 0;
}

int
conll_read_file(struct conll *c, const char *path, const char **why)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, fs, fe, ts, te, at, old;
	ssize_t len;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if ((fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r")) == NULL) {
		*why = strerror(errno);
		return -1;
	}
	if (txvec_grow((void **)&c->sent, &c->scap, 2, sizeof(*c->sent)) != 0 ||
	    txvec_grow((void **)&c->doc, &c->dcap, 2, sizeof(*c->doc)) != 0) {
		*why = strerror(ENOMEM);
		if (fp != stdin)
			fclose(fp);
		return -1;
	}
	c->sent[0] = 0;
	c->doc[0] = 0;
	while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
		size_t n = (size_t)len;

		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (!conll_line(line, n, &fs, &fe, &ts, &te)) {
			if (n == 0 || (n == 1 && line[0] == '\r'))
				rc = end_sentence(c);
			else if (conll_newdoc(line, n))
				rc = end_doc(c);
			continue;
		}
		old = c->tcap;
		if (txvec_grow((void **)&c->start, &c->tcap, c->ntok + 1, sizeof(size_t)) != 0 ||
		    (c->tcap != old && (grow_to(&c->end, c->tcap) != 0 ||
		    grow_to(&c->tag, c->tcap) != 0)) ||
		    add(c, line + fs, fe - fs, &at) != 0) {
			rc = -1;
			break;
		}
		c->start[c->ntok] = at;
		c->end[c->ntok] = at + (fe - fs);
		if (add(c, line + ts, te - ts, &c->tag[c->ntok]) != 0) {
			rc = -1;
			break;
		}
		c->ntok++;
	}
	if (rc == 0)
		rc = end_doc(c);
	if (rc != 0)
		*why = strerror(ENOMEM);
	else if (ferror(fp)) {
		*why = strerror(errno);
		rc = -1;
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	if (rc != 0)
		conll_free(c);
	return rc;
}

void
conll_free(struct conll *c)
{
	free(c->buf);
	free(c->start);
	free(c->end);
	free(c->tag);
	free(c->sent);
	free(c->doc);
	memset(c, 0, sizeof(*c));
}
