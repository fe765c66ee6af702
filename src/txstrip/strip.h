/*
 * strip: txstrip's engine.  A page becomes blocks (lines of plain text, or
 * HTML's block elements), each block is scored by a linear model over
 * hashed features (block.h), and a pass over the sequence of scores keeps
 * the main content as few runs as the evidence allows.  Plain text comes
 * out as the kept lines, byte for byte (edits that delete the others);
 * HTML as the kept blocks' text, one a line.  Never prints, never exits.
 */
#ifndef TXSTRIP_STRIP_H
#define TXSTRIP_STRIP_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "block.h"
#include "model.h"
#include "run.h"

#define STRIP_KIND "txstrip-blocks-1"
#define STRIP_FLOOR 0.05	/* below it everywhere, a page is all boilerplate */

enum strip_mode { STRIP_AUTO, STRIP_TEXT, STRIP_HTML };

/* One mode's classifier, as the model file holds it. */
struct strip_clf {
	unsigned bits;
	double bias, threshold, switchcost;
	const unsigned char *w;	/* 2^bits little-endian float32 weights, in the map */
};

struct strip_opts {
	enum strip_mode mode;
	int title;		/* write the page title first (HTML) */
	double threshold;	/* 0 < t < 1, or 0: the model's */
	FILE *explain;		/* one TSV row per block, or NULL */
};

struct stripper;

/*
 * Loads the model at path and makes an engine.  Returns it, or NULL with
 * *why set (static storage): the model file's fault, a mode it lacks, or
 * memory.
 */
struct stripper *strip_new(const struct strip_opts *o, const char *path,
    const char **why);
void strip_free(struct stripper *st);

/* The document loop's callbacks (run.h); eng is a struct stripper. */
int strip_unit_begin(void *eng, const struct txrun_unit *u, const char **why);
int strip_unit_next(void *eng, struct txrun_batch *b, const char **why);
/* --jsonl: the "title" member's value for the last document, or NULL. */
json_t *strip_unit_member(void *eng);

/*
 * The score of a block with features f[0..n): the model's log-odds.
 */
double strip_score(const struct strip_clf *c, const uint32_t *f, size_t n);

/*
 * The smoothing pass: sets keep[0..n) to the decisions that maximise the
 * sum of score[i] over the kept blocks less cost for each change between
 * neighbours (a Viterbi over keep and drop).  When none is kept but some
 * score is at least floor, keeps the best-scoring run instead: a page
 * never comes out empty for want of one confident block.  Returns how
 * many are kept.
 */
size_t strip_smooth(const double *score, size_t n, double cost, double floor,
    unsigned char *keep);

/*
 * Whether text[0..len) (any bytes) looks like HTML: after white space and
 * a BOM, "<" and a tag name, "!" or "?".
 */
int strip_is_html(const char *text, size_t len);

/* Reads mode's classifier ("text" or "html") from m; 0, or -1 with *why. */
int strip_clf_load(struct strip_clf *c, const struct txmodel *m,
    const char *mode, const char **why);

double strip_logit(double p);

#endif
