/*
 * label: which blocks of a page are its main content, given the main
 * content as text (a benchmark's ground truth), for txstrip-train.  A
 * block is content when at least half of its words fall in runs of three
 * or more that the truth has in the same order, or when its words are a
 * whole line of the truth (a short heading).  Words are as the metric
 * counts them (feat_words), lower case.
 */
#ifndef TXSTRIP_LABEL_H
#define TXSTRIP_LABEL_H

#include <stddef.h>
#include <stdint.h>

struct truth;

/* The truth text s[0..n) (any bytes), indexed; NULL when memory ran out. */
struct truth *truth_new(const char *s, size_t n);
void truth_free(struct truth *t);

/* 1 if the block s[0..n) is content by the rule above, 0 if not, -1 (ENOMEM). */
int truth_label(const struct truth *t, const char *s, size_t n);

#endif
