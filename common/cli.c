#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "utf8.h"

#ifndef TX_VERSION
#define TX_VERSION "0.1"
#endif

void
txcli_init(struct txcli *c, const char *prog)
{
	memset(c, 0, sizeof(*c));
	c->prog = prog;
	c->framing = TXCLI_PLAIN;
	c->field = "text";
	signal(SIGPIPE, SIG_DFL);
	opterr = 0;
}

int
txcli_option(struct txcli *c, int opt, const char *arg)
{
	switch (opt) {
	case TXCLI_OPT_HELP:
		return TXCLI_HELP;
	case TXCLI_OPT_VERSION:
		return TXCLI_VERSION;
	case 'z':
		c->framing = TXCLI_NUL;
		return TXCLI_DONE;
	case TXCLI_OPT_JSONL:
		if (arg != NULL && *arg == '\0') {
			txcli_warn(c, "--jsonl: empty field name");
			return TXCLI_BAD;
		}
		c->framing = TXCLI_JSONL;
		c->field = arg != NULL ? arg : "text";
		return TXCLI_DONE;
	case TXCLI_OPT_STRICT:
		c->strict = 1;
		return TXCLI_DONE;
	case TXCLI_OPT_SKIPBAD:
		c->skip_bad = 1;
		return TXCLI_DONE;
	}
	return TXCLI_NOTMINE;
}

void
txcli_warn(const struct txcli *c, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
txcli_bad_option(const struct txcli *c, char *const argv[], int opt)
{
	const char *arg = argv[optind - 1];

	if (opt == ':')
		txcli_warn(c, "option '%s' needs an argument (see --help)", arg);
	else if (optopt != 0)
		txcli_warn(c, "unknown option '-%c' (see --help)", optopt);
	else
		txcli_warn(c, "unknown option '%s' (see --help)", arg);
}

void
txcli_version(const struct txcli *c)
{
	printf("%s %s\n", c->prog, TX_VERSION);
}

int
txcli_check_utf8(const struct txcli *c, const char *name, const char *s,
    size_t n, uint64_t off)
{
	size_t bad;

	if (!c->strict || (bad = txu8_validate(s, n)) == n)
		return 0;
	txcli_warn(c, "%s: invalid UTF-8 at byte %llu", name,
	    (unsigned long long)(off + bad));
	return -1;
}

int
txcli_open(const struct txcli *c, const char *path, struct txin *r,
    const char **name)
{
	int fd = 0;

	*name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
		txcli_warn(c, "%s: %s", path, strerror(errno));
		return 1;
	}
	if (txin_init(r, fd) != 0) {
		txcli_warn(c, "%s: %s", *name, strerror(r->err));
		if (fd != 0)
			close(fd);
		return -1;
	}
	return 0;
}

void
txcli_close(struct txin *r)
{
	txin_free(r);
	if (r->fd > 0)
		close(r->fd);
}

int
txcli_next_record(const struct txcli *c, struct txin *r, const char *name,
    unsigned long long *lineno, const char *addkey, struct txjson_rec *rec,
    struct txin_span *u, struct txout *w)
{
	int k, code;

	while ((k = txin_next(r, TXIN_LINE, u)) > 0) {
		++*lineno;
		if (txjson_blank(u->text, u->len)) {
			if (w != NULL)
				txout_write(w, u->text, u->len + u->termlen);
			continue;
		}
		if ((code = txjson_parse(rec, u->text, u->len, c->field,
		    addkey)) == TXJSON_OK)
			return 1;
		txcli_warn(c, "%s:%llu: %s%s", name, *lineno,
		    txjson_strerror(rec, code), c->skip_bad ? " (passed through)" : "");
		txjson_free(rec);
		if (!c->skip_bad)
			return -1;
		if (w != NULL)
			txout_write(w, u->text, u->len + u->termlen);
	}
	if (k < 0) {
		txcli_warn(c, "%s: %s", name, strerror(r->err));
		return -1;
	}
	return 0;
}
