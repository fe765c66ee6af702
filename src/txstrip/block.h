/*
 * block: a page as a sequence of blocks, and the features of each block
 * that txstrip's classifier scores and txstrip-train learns from.  A block
 * is a line of plain text, or the text of a block-level element of HTML
 * (block_html in html.h).  Engine and trainer call the same code, so a
 * feature means the same thing in both.
 */
#ifndef TXSTRIP_BLOCK_H
#define TXSTRIP_BLOCK_H

#include <stddef.h>
#include <stdint.h>

#define FEAT_VERSION 3		/* of the feature set: a model is for one */
#define BLOCK_MAXCLS 10		/* class and id tokens kept per block */

struct block {
	size_t start, end;	/* the block's text in blocks.text, no terminator */
	size_t next;		/* plain text: where the next line starts */
	/* HTML only (zero in plain text) */
	uint32_t tag, parent;	/* hashed tag names of the element and its parent */
	uint32_t path;		/* hashed names of the three innermost block elements */
	uint32_t cls[BLOCK_MAXCLS];	/* hashed class and id tokens, innermost first */
	unsigned ncls;
	unsigned linkchars;	/* characters inside <a> */
	unsigned tags;		/* start tags inside the block */
	unsigned char heading;	/* 1..6 inside <hN>, else 0 */
	unsigned char list;	/* inside <li> */
	unsigned char landmark;	/* inside <nav>, <header>, <footer>, <aside>, <form> */
	unsigned char inmain;	/* inside <article>, <main> */
	uint32_t group[2];	/* the element the block's element is in, and the one above: numbers unique in the page, 0 for none */
};

struct blocks {
	const char *text;	/* what start and end index: the input, or buf */
	size_t len;
	struct block *b;
	size_t n, cap;
	int html;
	char *buf;		/* HTML: the blocks' text, owned */
	size_t buflen, bufcap;
	char *title;		/* HTML: the page title (NUL-terminated, owned), or NULL */
};

/*
 * Makes bl the lines of text[0..len) (any bytes): every line that holds
 * more than white space is a block; blank lines are not.  Returns 0, or
 * -1 when memory is exhausted.  bl keeps a pointer to text.
 */
int block_lines(struct blocks *bl, const char *text, size_t len);

/* Empties bl, keeping its memory for the next document. */
void block_reset(struct blocks *bl);

/* Frees what bl owns. */
void block_free(struct blocks *bl);

/*
 * Feature extraction.  A featurizer holds the function-word table and the
 * per-document scratch; feat_doc computes the document-level facts of bl
 * (repeats, the densest run, headings), after which feat_block gives the
 * hashed features of each block.
 */
struct featurizer;

/* Returns a featurizer for hashed indices below 2^bits, or NULL (ENOMEM). */
struct featurizer *feat_new(unsigned bits);
void feat_free(struct featurizer *fz);

/* Prepares the features of bl's blocks.  Returns 0, or -1 (ENOMEM). */
int feat_doc(struct featurizer *fz, const struct blocks *bl);

#define FEAT_MAX 128		/* the most features one block has */

/*
 * Writes the features of block i of the document last given to feat_doc
 * to out[0..FEAT_MAX), without duplicates (in no order), each below 2^bits and
 * never 0 (the bias is the model's); with names, the name of each as well
 * (static storage or fz's, valid until the next call), for --explain.
 * Returns how many.
 */
size_t feat_block(struct featurizer *fz, size_t i, uint32_t *out,
    const char **names);

/* Drops repeats from f[0..n), n <= FEAT_MAX, in place; returns how many are left. */
size_t feat_unique(uint32_t *f, size_t n);
/* The words of block i of the document last given to feat_doc. */
unsigned feat_nwords(const struct featurizer *fz, size_t i);

/*
 * The share of the likely content words of a page of n blocks that comes
 * before each block, given the first stage's probability p[] and the word
 * count words[] of each: mass[i], or -1 when the page has none.
 */
void feat_mass(const double *p, const unsigned *words, size_t n, double *mass);

/*
 * The second stage's features of block i of a page of n blocks, given
 * the first stage's probability p[], the word count words[] and the mass
 * (feat_mass) of each: how sure the stage is around it, near and far,
 * and where the page's likely content lies.  Added to out[0..have)
 * (feat_block's), the whole without duplicates again; names as for
 * feat_block.  Returns how many.
 */
size_t feat_context(const struct featurizer *fz, const double *p,
    const unsigned *words, const double *mass, const double *gp, size_t n,
    size_t i, uint32_t *out, size_t have, const char **names,
    char (*namebuf)[64]);

/*
 * HTML: the mean first-stage probability, weighted by words, of the
 * blocks in the same element as each block (gp[2i]) and in the one above
 * (gp[2i+1]); -1 where a block has none.  gp holds 2n values.  Returns 0,
 * or -1 (ENOMEM).
 */
int feat_groups(const double *p, const unsigned *words,
    const struct block *b, size_t n, double *gp);

/*
 * The words of s[0..n) the metric counts: runs of letters, digits and
 * "_" (ASCII, or any Unicode L* or N*).  Calls fn for each with its bytes;
 * returns how many.
 */
size_t feat_words(const char *s, size_t n,
    void (*fn)(void *arg, const char *w, size_t wn), void *arg);

#endif
