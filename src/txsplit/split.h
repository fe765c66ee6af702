/*
 * split: the sentence splitter's engine.  It finds the sentences of one
 * paragraph; it never prints and never exits.
 */
#ifndef TXSPLIT_SPLIT_H
#define TXSPLIT_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "run.h"
#include "span.h"

enum split_newlines { SPLIT_NL_AUTO, SPLIT_NL_SPACE, SPLIT_NL_BREAK };

/*
 * A gap between two tokens of English text, as the boundary model sees
 * it: the bytes end..next between them (white space, or none), whether
 * the rules end a sentence there (then feat is NULL), or else the model's
 * features (NULL for a gap the model does not decide, which a sink sees
 * only with every_gap).
 */
struct split_gap {
	size_t end, next;	/* byte offsets in the paragraph */
	int rule;
	const uint32_t *feat;	/* indices below 1 << the model's bits */
	size_t nfeat;
};

/* Features of a gap are hashed into 1 << SPLIT_BITS weights. */
#define SPLIT_BITS 16
#define SPLIT_FEAT_MAX 32
/* Of the feature set: a model file is for one. */
#define SPLIT_FEAT_VERSION 2
#define SPLIT_KIND "txsplit boundaries"

struct split_opts {
	enum split_newlines newlines;
	const char *lang;	/* "en" (the suite's rules), another ISO 639 code (ICU), or "auto" */
	size_t max_sentence;	/* bytes; 0: SPLIT_MAX_SENTENCE */
	const char *model;	/* the boundary model's file; NULL: the rules alone */
	/*
	 * Abbreviations learnt from raw text (mkabbr), lower case, separated
	 * by spaces, which end a sentence only before an opener, as the
	 * listed ones do; for training: at run time the model brings its own.
	 */
	const char *abbrev;
	/* for training: called for every gap the model decides or the rules end */
	void (*sink)(void *arg, const struct split_gap *g);
	void *sink_arg;
	int every_gap;		/* the sink sees every gap between tokens (tests) */
};

/*
 * A sentence with no boundary for this many bytes is cut there (at white
 * space when there is some in its last window), so that memory is bounded
 * by it, not by the paragraph.
 */
#define SPLIT_MAX_SENTENCE ((size_t)1 << 20)

struct splitter;

/*
 * Returns a splitter for opts, or NULL with a message in *why (static
 * storage): an unknown language, or a model file that cannot be read, is
 * not a tx boundary model or is malformed.
 */
struct splitter *split_new(const struct split_opts *opts, const char **why);
void split_free(struct splitter *sp);

/* Paragraphs are split in windows of about this many bytes. */
#define SPLIT_WINDOW 65536

/*
 * Points sp at paragraph s[0..n) (no blank line inside; any bytes, valid
 * UTF-8 or not), which must stay unchanged until the last split_next.
 * Returns 0, or -1 when memory is exhausted or ICU fails (split_error).
 */
int split_begin(struct splitter *sp, const char *s, size_t n);

/*
 * Stores the paragraph's next sentence in *out (its byte span, without
 * the white space around it; no label): sentences come in order
 * and together cover every byte that is not white space.  Returns 1, 0
 * after the last, or -1 when memory is exhausted or ICU fails (split_error).
 * Memory is bounded by the longest sentence, not by the paragraph.
 */
int split_next(struct splitter *sp, struct txspan *out);

/*
 * How many sentences were cut at the maximum length over sp's life; that
 * length (opts' max_sentence, made at least SPLIT_WINDOW) in *max.
 */
unsigned long long split_cuts(const struct splitter *sp, size_t *max);

/* What made the last split_begin or split_next fail (static storage). */
const char *split_error(const struct splitter *sp);

/*
 * The splitter (eng) as the document loop's engine (see run.h), a
 * paragraph a unit, one sentence a batch.
 */
int split_unit_begin(void *eng, const struct txrun_unit *u, const char **why);
int split_unit_next(void *eng, struct txrun_batch *b, const char **why);

#endif
