#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef TX_VERSION
#define TX_VERSION "0.1"
#endif

void
txcli_init(struct txcli *c, const char *prog, void (*usage)(void))
{
	memset(c, 0, sizeof(*c));
	c->prog = prog;
	c->usage = usage;
	c->framing = TXCLI_PLAIN;
	c->field = "text";
	signal(SIGPIPE, SIG_DFL);
	opterr = 0;
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

/*
 * What was wrong with the option getopt_long just rejected by returning
 * opt ('?' or ':'), on one line.  A long option is named as it was given,
 * up to any '=', never by its value (which may be no character at all).
 */
static int
bad_option(const struct txcli *c, char *const argv[], int opt)
{
	const char *arg = argv[optind - 1];
	int n = (int)strcspn(arg, "=");

	if (opt == ':')
		txcli_warn(c, "option '%.*s' needs an argument (see --help)", n, arg);
	else if (arg[0] == '-' && arg[1] == '-' && arg[n] == '=')
		txcli_warn(c, "option '%.*s' takes no argument (see --help)", n, arg);
	else if (arg[0] == '-' && arg[1] == '-')
		txcli_warn(c, "unknown option '%.*s' (see --help)", n, arg);
	else if (optopt > ' ' && optopt < 0x7F)
		txcli_warn(c, "unknown option '-%c' (see --help)", optopt);
	else
		txcli_warn(c, "unknown option (see --help)");
	return TXCLI_EXIT_USAGE;
}

int
txcli_getopt(struct txcli *c, int argc, char *argv[], const char *shortopts,
    const struct option *longopts)
{
	int opt;

	if (c->shortopts[0] == '\0')
		snprintf(c->shortopts, sizeof(c->shortopts), ":z%s", shortopts);
	/* the leading ':': a missing argument is reported as ':', and silently */
	for (;;) {
		switch ((opt = getopt_long(argc, argv, c->shortopts, longopts, NULL))) {
		case -1:
			return TXCLI_END;
		case '?':
		case ':':
			return bad_option(c, argv, opt);
		case TXCLI_OPT_HELP:
			if (c->usage != NULL)
				c->usage();
			return TXCLI_EXIT_OK;
		case TXCLI_OPT_VERSION:
			printf("%s %s\n", c->prog, TX_VERSION);
			return TXCLI_EXIT_OK;
		case 'z':
			c->framing = TXCLI_NUL;
			break;
		case TXCLI_OPT_JSONL:
			if (optarg != NULL && *optarg == '\0') {
				txcli_warn(c, "--jsonl: empty field name");
				return TXCLI_EXIT_USAGE;
			}
			c->framing = TXCLI_JSONL;
			c->field = optarg != NULL ? optarg : "text";
			break;
		case TXCLI_OPT_STRICT:
			c->strict = 1;
			break;
		case TXCLI_OPT_SKIPBAD:
			c->skip_bad = 1;
			break;
		default:
			return opt;
		}
	}
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
txcli_bytes(const struct txcli *c, const char *opt, const char *arg,
    size_t min, size_t *bytes)
{
	static const char units[] = "KkMmGg";
	unsigned long long v = 0, scale = 1;
	const char *p = arg, *u;
	int i;

	for (; *p >= '0' && *p <= '9' && v <= SIZE_MAX / 10; p++)
		v = v * 10 + (unsigned)(*p - '0');
	if (p > arg && *p != '\0' && p[1] == '\0' && (u = strchr(units, *p)) != NULL)
		for (p++, i = 0; i <= (u - units) / 2; i++)
			scale *= 1024;
	if (p == arg || *p != '\0' || v > SIZE_MAX / scale || v * scale < min) {
		txcli_warn(c, "%s: %s: must be a number of bytes (K, M or G), at least %zu",
		    opt, arg, min);
		return -1;
	}
	*bytes = (size_t)(v * scale);
	return 0;
}

int
txcli_close_stdout(const struct txcli *c, struct txout *w)
{
	if (txout_close(w) == 0)
		return 0;
	txcli_warn(c, "write error: %s", strerror(w->err));
	return 1;
}
