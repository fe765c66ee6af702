/*
 * ner: txner's tagger.  A sentence is a sequence of tokens; each token
 * gets hashed features of itself and its neighbours (ner_features), a
 * linear model scores every tag for it, and a Viterbi pass over the BIO
 * tags, with learned transition scores, picks the best well-formed
 * sequence (ner_decode).  The trainer (train.c) and the tagger call the
 * same code, so a feature means the same thing in both.  Never prints,
 * never exits.
 */
#ifndef TXNER_NER_H
#define TXNER_NER_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define NER_KIND "txner-bio-1"
#define NER_FEAT_VERSION 3	/* of the feature set: a model is for one */
#define NER_MAXTAGS 64		/* O, and B- and I- of up to 31 types */
#define NER_MAXFEAT 40		/* the most features one token has */
#define NER_CUE_SLOTS 512	/* a power of two, over twice the cue words */

/* A sentence: its tokens' byte spans in text. */
struct ner_sent {
	const char *text;
	const size_t *start, *end;	/* token i is text[start[i]..end[i]) */
	size_t n;
};

/*
 * The tags: "O" first, then B-X and I-X of each type X.  A tag is its
 * index; ner_type gives the type of B-X and I-X (1..ntypes), 0 for O.
 */
struct ner_tags {
	unsigned n;
	char *name[NER_MAXTAGS];	/* owned */
};

/*
 * A gazetteer: names of one to four words, lower case, each with the
 * types it is a name of (bit 0 LOC, 1 PER, 2 ORG, 3 any other).
 */
struct ner_gaz {
	uint64_t *key;
	unsigned char *bits;
	size_t cap;		/* a power of two, or 0 for none */
};

#define NER_GAZ_WORDS 4

/*
 * Reads "TYPE<TAB>name" lines from s[0..n) (names lower case, words one
 * space apart) into g.  Returns 0, or -1 (ENOMEM).
 */
int ner_gaz_load(struct ner_gaz *g, const char *s, size_t n);
void ner_gaz_free(struct ner_gaz *g);

/* A model as the tagger reads it: weights in the map (or a converted copy). */
struct ner_model {
	struct txmodel file;
	struct ner_gaz gaz;
	unsigned bits, ntags;
	struct ner_tags tags;
	const float *w;		/* 2^bits x ntags emission weights */
	const float *trans;	/* (ntags + 1) x ntags: row a from tag a, row ntags from the start */
	float *own;		/* the weights converted on a big-endian host, or NULL */
};

/* What the feature extractor knows of a token: offsets into its buffer. */
struct ner_tokinfo {
	size_t low, lowlen;	/* the lower-case form */
	size_t shape, sshape;	/* the shape and the short shape */
	unsigned char cue;	/* the cue lists it is in (ner.c) */
	unsigned char gz;	/* its longest gazetteer match: types << 2 | begins | inside */
};

/* Scratch of the feature extractor, reused from sentence to sentence. */
struct ner_scratch {
	char *buf;		/* the tokens' lower-case forms and shapes */
	size_t len, cap;
	struct ner_tokinfo *tok;
	size_t tcap;
	uint64_t cuekey[NER_CUE_SLOTS];	/* the cue words, hashed */
	unsigned char cuebits[NER_CUE_SLOTS];
	int cueready;
	char *phrase;		/* a candidate gazetteer name */
	size_t pcap;
};

/*
 * Writes the features of each token of s to f[i * NER_MAXFEAT ...], n[i]
 * of them, each below 2^bits, gazetteer matches from gz (or none when NULL); f and n have room for s->n tokens.  Returns
 * 0, or -1 when memory is exhausted.  Input need not be valid UTF-8.
 */
int ner_features(struct ner_scratch *sc, const struct ner_sent *s,
    unsigned bits, const struct ner_gaz *gz, uint32_t *f, unsigned *n);
void ner_scratch_free(struct ner_scratch *sc);

/*
 * The best well-formed tag sequence of m tokens (an I-X only after B-X or
 * I-X) for emission scores e[i * ntags + t] and transitions trans as in
 * struct ner_model, into tag[0..m).  work holds 2 * m * ntags values.
 */
void ner_viterbi(const float *e, size_t m, unsigned ntags,
    const struct ner_tags *tags, const float *trans, float *work,
    unsigned *tag);

/* Whether tag b may follow tag a (a = ntags: the start). */
int ner_allowed(const struct ner_tags *tags, unsigned a, unsigned b);

/* 'B', 'I' or 'O', and the type name after "B-" (or "" for O). */
char ner_tag_kind(const struct ner_tags *tags, unsigned t);
const char *ner_tag_type(const struct ner_tags *tags, unsigned t);

/*
 * Makes tags from type names (each at most 31 bytes, without B-/I-), in
 * the order given.  Returns 0, or -1 (too many, or no memory).
 */
int ner_tags_make(struct ner_tags *tags, const char *const *types, unsigned n);
void ner_tags_free(struct ner_tags *tags);

/*
 * Opens the model at path.  Returns 0, or -1 with *why set (static
 * storage): not found, not a txner model, corrupt, or memory.
 */
int ner_model_open(struct ner_model *m, const char *path, const char **why);
void ner_model_close(struct ner_model *m);

/* Tags sentence s with m into tag[0..s->n); 0, or -1 (ENOMEM). */
struct ner_tagger;
struct ner_tagger *ner_tagger_new(const struct ner_model *m);
void ner_tagger_free(struct ner_tagger *tg);
int ner_tag(struct ner_tagger *tg, const struct ner_sent *s, unsigned *tag);

#endif
