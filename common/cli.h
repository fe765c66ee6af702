/*
 * cli: what every tx program shares at its user interface: the common
 * options, the framing, the invalid-input policy and the diagnostics.
 * This is the one module that writes to stderr, and only when a program
 * asks it to; it never exits.
 */
#ifndef TX_CLI_H
#define TX_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>

#include "input.h"
#include "jsonl.h"
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

/* Prints "prog: VERSION\n" to stdout. */
void txcli_version(const struct txcli *c);

/*
 * The invalid-input policy for s[0..n), which starts at byte offset off of
 * input name.  Returns 0 when s may be processed: it is valid, or --strict
 * is off.  Returns -1 after printing "prog: name: invalid UTF-8 at byte N"
 * under --strict.
 */
int txcli_check_utf8(const struct txcli *c, const char *name, const char *s,
    size_t n, uint64_t off);

/*
 * Opens input path ("-" is standard input) and prepares r to read it;
 * *name is what messages call it.  Returns 0; 1 after "prog: path: why"
 * when the file cannot be opened (the caller goes on with the others); -1
 * after a message when memory is exhausted.
 */
int txcli_open(const struct txcli *c, const char *path, struct txin *r,
    const char **name);

/* Frees r and closes its file, unless it is standard input. */
void txcli_close(struct txin *r);

/*
 * The next JSON Lines record of r, parsed for member c->field and addkey
 * (see txjson_parse).  A blank line, and under --skip-bad a malformed
 * record (with a warning), is written to w unchanged, when w is not NULL,
 * and skipped.  Returns 1 with *rec parsed (the caller frees it) and *u its
 * line; 0 at the end of input; -1 after a message: a read error, or a
 * malformed record without --skip-bad.  *lineno counts the lines read.
 */
int txcli_next_record(const struct txcli *c, struct txin *r,
    const char *name, unsigned long long *lineno, const char *addkey,
    struct txjson_rec *rec, struct txin_span *u, struct txout *w);

#endif
