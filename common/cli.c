#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

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

int
txcli_version(const struct txcli *c)
{
	printf("%s %s\n", c->prog, TX_VERSION);
	return 0;
}

int
txcli_fatal(const struct txcli *c, const char *what, int err)
{
	if (what != NULL)
		txcli_warn(c, "%s: %s", what, strerror(err));
	else
		txcli_warn(c, "%s", strerror(err));
	return 1;
}

int
txcli_choice(const struct txcli *c, const char *opt, const char *arg,
    const char *const choices[])
{
	char list[256];
	size_t n = 0;
	int i;

	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(arg, choices[i]) == 0)
			return i;
	list[0] = '\0';
	for (i = 0; choices[i] != NULL && n < sizeof(list); i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s",
		    i == 0 ? "" : choices[i + 1] == NULL ? " or " : ", ", choices[i]);
	txcli_warn(c, "%s: %s: must be %s", opt, arg, list);
	return -1;
}

int
txcli_close_stdout(const struct txcli *c, struct txout *w)
{
	if (txout_close(w) == 0)
		return 0;
	txcli_warn(c, "write error: %s", strerror(w->err));
	return 1;
}
