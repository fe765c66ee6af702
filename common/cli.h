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
/* The shared options in usage() form. */
#define TXCLI_USAGE "[-z | --jsonl[=FIELD]] [--strict] [--skip-bad]"

struct txcli {
	const char *prog;
	void (*usage)(void);	/* prints the program's --help text to stdout */
	enum txcli_framing framing;
	const char *field;	/* the JSON Lines member worked on */
	int strict;		/* stop at invalid UTF-8 */
	int skip_bad;		/* pass malformed JSON Lines records through */
	char shortopts[64];
};

/*
 * Sets c to the defaults for program prog, whose --help text usage prints,
 * and restores SIGPIPE to its default action, so that a closed pipe ends
 * the program quietly.
 */
void txcli_init(struct txcli *c, const char *prog, void (*usage)(void));

enum {
	TXCLI_END = -1,		/* no more options: operands start at optind */
	TXCLI_EXIT_OK = -2,	/* --help or --version was printed: exit 0 */
	TXCLI_EXIT_USAGE = -3	/* a usage error was reported: exit 2 */
};

/*
 * getopt_long over argv with the shared options (TXCLI_LONGOPTS, -z)
 * handled here and shortopts (the program's own, as getopt spells them)
 * added.  Returns the next of the program's own options (optarg set),
 * TXCLI_END, TXCLI_EXIT_OK after printing the help or the version, or
 * TXCLI_EXIT_USAGE after printing, on one line, what was wrong: an
 * unknown option, a missing or unwanted argument, a bad --jsonl field.
 * A program's options must not be ':' or '?'.
 */
int txcli_getopt(struct txcli *c, int argc, char *argv[], const char *shortopts,
    const struct option *longopts);

/* The exit status for what txcli_getopt returned: 0 or 2. */
#define TXCLI_STATUS(k) ((k) == TXCLI_EXIT_OK ? 0 : 2)

/* Prints "prog: MESSAGE\n" to stderr, MESSAGE formatted as by printf. */
void txcli_warn(const struct txcli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

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
 * Parses arg as a size in bytes: digits, optionally K, M or G (powers of
 * 1024; k, m, g alike).  Returns 0 with *bytes set, or -1 after "prog: opt: arg: must be
 * a number of bytes (K, M or G), at least min" (a usage error).
 */
int txcli_bytes(const struct txcli *c, const char *opt, const char *arg,
    size_t min, size_t *bytes);

/*
 * Closes standard output's writer w, as the last thing a program does
 * (coreutils' close_stdout).  Returns 0, or 1 after "prog: write error:
 * why" when anything written could not be.
 */
int txcli_close_stdout(const struct txcli *c, struct txout *w);

#endif
