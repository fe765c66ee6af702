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
#define NER_FEAT_VERSION 4	/* of the feature set: a model is for one */
#define NER_MAXTYPES 15
#define NER_MAXTAGS (1 + 4 * NER_MAXTYPES)
#define NER_MAXFEAT 56		/* the most features one token has */
#define NER_CUE_SLOTS 512	/* a power of two, over twice the cue words */

/* A sentence: its tokens' byte spans in text. */
struct ner_sent {
	const char *text;
	const size_t *start, *end;	/* token i is text[start[i]..end[i]) */
	size_t n;
};

/*
 * The tags: "O" first, then for each type X either B-X and I-X (BIO,
 * per = 2) or B-X, I-X, L-X and U-X (BILOU, per = 4: the last token of a
 * name and a name of one token are tags of their own).  A tag is its
 * index; iob[t] is the B-X or I-X a tag is written as.
 */
struct ner_tags {
	unsigned n, per;
	char *name[NER_MAXTAGS];	/* owned */
	unsigned iob[NER_MAXTAGS];
	unsigned char ok[NER_MAXTAGS + 1][NER_MAXTAGS + 1];	/* ner_allowed */
};

/*
 * A table from 64-bit keys (never 0) to fixed-size values, by open
 * addressing, kept in the byte layout a model section stores:
 *
 *	u64 cap			a power of two
 *	u64 key[cap]		0 for an empty slot
 *	value[cap]		vsize bytes each
 *
 * little-endian, so the tagger uses the mapped section as it is.  A key
 * is looked for in at most cap slots, so a malformed full table cannot
 * make a lookup loop.
 */
struct ner_table {
	const unsigned char *bytes;	/* the layout above, or NULL for none */
	size_t cap;
	unsigned vsize;
	unsigned char *own;	/* bytes, when built here rather than mapped */
};

/* The key of s[0..n) in every table. */
uint64_t ner_table_key(const char *s, size_t n);

/*
 * Makes an empty table with room for n keys and vsize-byte values.
 * Returns 0, or -1 (ENOMEM).
 */
int ner_table_new(struct ner_table *t, size_t n, unsigned vsize);

/*
 * The value of key in t, zeroed and added when absent; NULL when t is
 * full (it never is for at most the n keys it was made for).
 */
unsigned char *ner_table_put(struct ner_table *t, uint64_t key);

/* The value of key in t (vsize bytes, read-only), or NULL. */
const unsigned char *ner_table_get(const struct ner_table *t, uint64_t key);

/*
 * Uses the section s[0..len) as a table of vsize-byte values, without
 * copying.  Returns 0, or -1 when the layout is wrong.
 */
int ner_table_map(struct ner_table *t, const void *s, size_t len, unsigned vsize);

/* The table's bytes and their length, to write into a model. */
size_t ner_table_size(const struct ner_table *t);
void ner_table_free(struct ner_table *t);

/*
 * Gazetteer: names of one to NER_GAZ_WORDS words, lower case, one space
 * apart, each with a byte of the lists it is in.
 */
#define NER_GAZ_WORDS 4
enum {
	NER_GAZ_LOC = 1, NER_GAZ_PER = 2, NER_GAZ_ORG = 4, NER_GAZ_CITY = 8,
	NER_GAZ_FIRST = 16, NER_GAZ_OTHER = 32
};
#define NER_GAZ_TYPES 6

/*
 * Reads "TYPE<TAB>name" lines from s[0..n) into a new table t (TYPE LOC,
 * PER, ORG, CITY or FIRST; any other is NER_GAZ_OTHER).  Returns 0, or -1
 * (ENOMEM).
 */
int ner_gaz_build(struct ner_table *t, const char *s, size_t n);

/*
 * Word classes: "word<TAB>c0<TAB>c1<TAB>c2" lines (src/txner/mkclus.c),
 * three nested levels of class numbers below 65535, into a new table t
 * of their values plus one, as three little-endian u16.  A line of
 * another layout is skipped.  Returns 0, or -1 (ENOMEM).
 */
#define NER_CLUS_LEVELS 3
int ner_clus_build(struct ner_table *t, const char *s, size_t n);

/* What the features know beyond the sentence: NULL or empty tables for none. */
struct ner_lex {
	const struct ner_table *gaz, *clus;
};

/* A model as the tagger reads it: weights in the map (or a converted copy). */
struct ner_model {
	struct txmodel file;
	struct ner_table gaz, clus;
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
	unsigned gz;		/* its longest gazetteer match: lists << 2 | begins | inside */
	unsigned cl[NER_CLUS_LEVELS];	/* its word classes plus one, or 0 */
	uint64_t hkey;		/* its key in a document's history, or 0 (lower case) */
};

/*
 * A document's history (Ratinov and Roth's prediction history): for each
 * capitalised word, by its lower-case form, how often each type (0 for O)
 * was tagged on it earlier in the document.  Types from NER_HIST_TYPES - 1
 * up are counted together.
 */
#define NER_HIST_TYPES 8
#define NER_HIST_FEAT 8		/* of the NER_MAXFEAT, the most it adds */
struct ner_hist {
	uint64_t *key;
	uint32_t (*count)[NER_HIST_TYPES];
	size_t cap;		/* a power of two, or 0 */
	size_t *used;		/* the slots in use, so a reset costs what was used */
	size_t n, ucap;
};

/* Forgets the document (keeps the memory for the next). */
void ner_hist_reset(struct ner_hist *h);
void ner_hist_free(struct ner_hist *h);

/*
 * Counts the types of the tags tag[0..m) (of tags) of the tokens whose
 * keys are hkey[0..m) (0: not counted) into h.  Returns 0, or -1 (ENOMEM;
 * h then misses some).
 */
int ner_hist_add(struct ner_hist *h, const struct ner_tags *tags,
    const uint64_t *hkey, size_t m, const unsigned *tag);

/*
 * Appends to each token's features (f and n as ner_features left them)
 * the types h has seen its word tagged with, and how often against the
 * rest; at most NER_HIST_FEAT features a token.
 */
void ner_hist_features(const struct ner_hist *h, const uint64_t *hkey, size_t m,
    unsigned bits, uint32_t *f, unsigned *n);

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
 * of them, each below 2^bits, with the gazetteer and word classes of lex
 * (NULL for none); f and n have room for s->n tokens.  Returns 0, or -1
 * when memory is exhausted.  Input need not be valid UTF-8.
 */
int ner_features(struct ner_scratch *sc, const struct ner_sent *s,
    unsigned bits, const struct ner_lex *lex, uint32_t *f, unsigned *n);
void ner_scratch_free(struct ner_scratch *sc);

/*
 * The best well-formed tag sequence of m tokens (an I-X only after B-X or
 * I-X) for emission scores e[i * ntags + t] and transitions trans as in
 * struct ner_model, into tag[0..m).  work holds 2 * m * ntags values.
 */
void ner_viterbi(const float *e, size_t m, unsigned ntags,
    const struct ner_tags *tags, const float *trans, float *work,
    unsigned *tag);

/*
 * Whether tag b may follow tag a: a = ntags is the start, b = ntags the
 * end (where BILOU's B-X and I-X may not stand).
 */
int ner_allowed(const struct ner_tags *tags, unsigned a, unsigned b);

/*
 * 'B', 'I', 'L', 'U' or 'O'; the type name after "B-" (or "" for O); the
 * type's number, 1 for the first, 0 for O; whether t begins a name (B or U).
 */
char ner_tag_kind(const struct ner_tags *tags, unsigned t);
const char *ner_tag_type(const struct ner_tags *tags, unsigned t);
unsigned ner_tag_typeno(const struct ner_tags *tags, unsigned t);
int ner_tag_begins(const struct ner_tags *tags, unsigned t);

/*
 * The tag of kind 'B', 'I', 'L' or 'U' (its BIO stand-in when per = 2) of
 * type number ty (1..).
 */
unsigned ner_tag_of(const struct ner_tags *tags, unsigned ty, char kind);

/*
 * Makes tags from type names (each at most 31 bytes, without B-/I-), in
 * the order given, per = 2 (BIO) or 4 (BILOU).  Returns 0, or -1 (too
 * many, or no memory).
 */
int ner_tags_make(struct ner_tags *tags, const char *const *types, unsigned n,
    unsigned per);
void ner_tags_free(struct ner_tags *tags);

/*
 * Opens the model at path.  Returns 0, or -1 with *why set (static
 * storage): not found, not a txner model, corrupt, or memory.
 */
int ner_model_open(struct ner_model *m, const char *path, const char **why);
void ner_model_close(struct ner_model *m);

/*
 * Tags sentence s with m into tag[0..s->n), with what the sentences tagged
 * before it in the same document say of its words; 0, or -1 (ENOMEM).
 * ner_tagger_doc starts a new document.
 */
struct ner_tagger;
struct ner_tagger *ner_tagger_new(const struct ner_model *m);
void ner_tagger_free(struct ner_tagger *tg);
void ner_tagger_doc(struct ner_tagger *tg);
int ner_tag(struct ner_tagger *tg, const struct ner_sent *s, unsigned *tag);

#endif
