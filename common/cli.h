/*
 * cli: what every tx program shares at its user interface: the common
 * options and the diagnostics (`prog: what: why`).  This is the one module
 * of common/ that prints, and only when a program (or the document loop,
 * run) asks it to; it never exits.
 */
#ifndef TX_CLI_H
#define TX_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>

#include "output.h"

enum txcli_framing { TXCLI_PLAIN, TXCLI_NUL, TXCLI_JSONL };

enum {
	TXCLI_OPT_HELP = 0x100,
	TXCLI_OPT_VERSION,
	TXCLI_OPT_JSONL,
	TXCLI_OPT_STRICT,
	TXCLI_OPT_SKIPBAD,
	TXCLI_OPT_PROG		/* the first value free for a program's own options */
};

/* The shared long options, to put in a program's option table. */
#define TXCLI_LONGOPTS \
	{ "help", no_argument, NULL, TXCLI_OPT_HELP }, \
	{ "version", no_argument, NULL, TXCLI_OPT_VERSION }, \
	{ "null", no_argument, NULL, 'z' }, \
	{ "jsonl", optional_argument, NULL, TXCLI_OPT_JSONL }, \
	{ "strict", no_argument, NULL, TXCLI_OPT_STRICT }, \
	{ "skip-bad", no_argument, NULL, TXCLI_OPT_SKIPBAD }
/* The leading ':' makes getopt_long report a missing argument as ':' and print nothing. */
#define TXCLI_SHORTOPTS ":z"

/* The shared options in usage() form. */
#define TXCLI_USAGE "[-z | --jsonl[=FIELD]] [--strict] [--skip-bad]"

struct txcli {
	const char *prog;
	enum txcli_framing framing;
	const char *field;	/* the JSON Lines member worked on */
	int strict;		/* stop at invalid UTF-8 */
	int skip_bad;		/* pass malformed JSON Lines records through */
};

/*
 * Sets c to the defaults for program prog and restores SIGPIPE to its
 * default action, so that a closed pipe ends the program quietly.
 */
void txcli_init(struct txcli *c, const char *prog);

enum { TXCLI_NOTMINE, TXCLI_DONE, TXCLI_HELP, TXCLI_VERSION, TXCLI_BAD };

/*
 * Handles option opt (as returned by getopt_long) if it is a shared one.
 * Returns TXCLI_DONE, TXCLI_HELP or TXCLI_VERSION for a shared option
 * (the program prints), TXCLI_BAD for a bad argument (message printed), or
 * TXCLI_NOTMINE.
 */
int txcli_option(struct txcli *c, int opt, const char *arg);

/* Prints "prog: MESSAGE\n" to stderr, MESSAGE formatted as by printf. */
void txcli_warn(const struct txcli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Prints, on one line, what was wrong with the option getopt_long just
 * rejected by returning opt ('?' or ':'); argv and optind as it left them.
 * The caller exits with status 2.
 */
void txcli_bad_option(const struct txcli *c, char *const argv[], int opt);

/* Prints "prog VERSION\n" to stdout; returns 0, the exit status. */
int txcli_version(const struct txcli *c);

/*
 * Prints "prog: what: strerror(err)" ("prog: strerror(err)" when what is
 * NULL) and returns 1, the exit status of a runtime error.
 */
int txcli_fatal(const struct txcli *c, const char *what, int err);

/*
 * Matches arg against the NULL-terminated list of choices.  Returns its
 * index, or -1 after "prog: opt: arg: must be a, b or c" (a usage error).
 */
int txcli_choice(const struct txcli *c, const char *opt, const char *arg,
    const char *const choices[]);

/*
 * Closes standard output's writer w, as the last thing a program does
 * (coreutils' close_stdout).  Returns 0, or 1 after "prog: write error:
 * why" when anything written could not be.
 */
int txcli_close_stdout(const struct txcli *c, struct txout *w);

#endif
