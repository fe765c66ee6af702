/*
 * engine: txner's tagger on the shared document loop (run.h).  Plain
 * input is a sentence a line, tokenized by the suite's tokenizer; CoNLL
 * input is a sentence a paragraph, a token a line.  The output is the text
 * with entities bracketed in it (edits), a token a line with its tag
 * (edits), or the entities as spans (TSV, or the "entities" member).
 */
#ifndef TXNER_ENGINE_H
#define TXNER_ENGINE_H

#include "ner.h"
#include "run.h"

enum ner_format { NER_INLINE, NER_CONLL, NER_TSV };
enum ner_input { NER_IN_TEXT, NER_IN_CONLL };

struct ner_engine;

/* An engine over model m (which must outlive it), or NULL (ENOMEM). */
struct ner_engine *ner_engine_new(const struct ner_model *m,
    enum ner_format f, enum ner_input in);
void ner_engine_free(struct ner_engine *ng);

int ner_unit_begin(void *eng, const struct txrun_unit *u, const char **why);
int ner_unit_next(void *eng, struct txrun_batch *b, const char **why);

#endif
