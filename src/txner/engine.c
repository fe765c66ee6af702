#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "conll.h"
#include "engine.h"
#include "tokens.h"
#include "utf8.h"
#include "vec.h"

#define NER_CHUNK 4096		/* tokens tagged at once */

struct ner_engine {
	const struct ner_model *m;
	size_t pos, from;	/* where the next piece of the unit starts, and this one */
	enum ner_format fmt;
	enum ner_input in;
	struct ner_tagger *tg;
	const struct txrun_unit *u;
	unsigned long long doc;	/* the document the tagger's history is of */
	size_t *start, *end, *line0, *line1;	/* tokens, and (CoNLL) their lines */
	size_t ntok, startcap, endcap, l0cap, l1cap;
	unsigned *tag;
	size_t tagcap;
	struct txspan *spans;
	struct txedit *edits;
	size_t nout, scap, ecap;
	char *buf;		/* the edits' replacement text */
	size_t blen, bcap;
	size_t *off;		/* where each edit's text starts in buf */
	size_t ocap;
};

struct ner_engine *
ner_engine_new(const struct ner_model *m, enum ner_format f, enum ner_input in)
{
	struct ner_engine *ng = calloc(1, sizeof(*ng));

	if (ng == NULL)
		return NULL;
	ng->m = m;
	ng->fmt = f;
	ng->in = in;
	if ((ng->tg = ner_tagger_new(m)) == NULL) {
		free(ng);
		return NULL;
	}
	return ng;
}

void
ner_engine_free(struct ner_engine *ng)
{
	if (ng == NULL)
		return;
	ner_tagger_free(ng->tg);
	free(ng->start);
	free(ng->end);
	free(ng->line0);
	free(ng->line1);
	free(ng->tag);
	free(ng->spans);
	free(ng->edits);
	free(ng->buf);
	free(ng->off);
	free(ng);
}

static int
add_token(struct ner_engine *ng, size_t s, size_t e, size_t l0, size_t l1)
{
	if (txvec_grow((void **)&ng->start, &ng->startcap, ng->ntok + 1, sizeof(size_t)) != 0 ||
	    txvec_grow((void **)&ng->end, &ng->endcap, ng->ntok + 1, sizeof(size_t)) != 0 ||
	    txvec_grow((void **)&ng->line0, &ng->l0cap, ng->ntok + 1, sizeof(size_t)) != 0 ||
	    txvec_grow((void **)&ng->line1, &ng->l1cap, ng->ntok + 1, sizeof(size_t)) != 0)
		return -1;
	ng->start[ng->ntok] = s;
	ng->end[ng->ntok] = e;
	ng->line0[ng->ntok] = l0;
	ng->line1[ng->ntok++] = l1;
	return 0;
}

/*
 * A token; a word with an inner hyphen before a lower-case letter as its
 * parts and the hyphen, as the treebanks the model learns from cut
 * "Moscow-brokered" (a name and a modifier); "Nagorno-Karabakh" stays one.
 */
static int
add_word(struct ner_engine *ng, const char *s, size_t start, size_t end, int word)
{
	const char *h;
	size_t at = start, from = start, i;
	int len;

	while (word && from < end && (h = memchr(s + from, '-', end - from)) != NULL) {
		i = (size_t)(h - s);
		from = i + 1;
		if (i > at && i + 1 < end && txu8_is_lower(txu8_at(s, end, i + 1, &len))) {
			if (add_token(ng, at, i, 0, 0) != 0 || add_token(ng, i, i + 1, 0, 0) != 0)
				return -1;
			at = i + 1;
		}
	}
	return add_token(ng, at, end, 0, 0);
}

/*
 * The next tokens of s[0..n) from ng->pos, at most NER_CHUNK of them:
 * a longer sentence is tagged in pieces, so memory stays bounded.  Moves
 * ng->pos to where the next piece starts (n at the end).
 */
static int
tokenize(struct ner_engine *ng, const char *s, size_t n)
{
	struct txtok t;
	size_t pos = ng->pos, next, fs, fe, ts, te, eol;

	ng->ntok = 0;
	if (ng->in == NER_IN_TEXT) {
		while (pos < n) {
			next = txtok_next(s, n, pos, &t);
			if (t.kind != TXTOK_SPACE) {
				if (ng->ntok == NER_CHUNK)
					break;
				if (add_word(ng, s, t.start, t.end, t.kind == TXTOK_WORD) != 0)
					return -1;
			}
			pos = next;
		}
		ng->pos = pos;
		return 0;
	}
	for (; pos < n; pos = eol + 1) {
		const char *nl = memchr(s + pos, '\n', n - pos);

		eol = nl != NULL ? (size_t)(nl - s) : n;
		if (!conll_line(s + pos, eol - pos, &fs, &fe, &ts, &te))
			continue;
		if (ng->ntok == NER_CHUNK)
			break;
		if (add_token(ng, pos + fs, pos + fe, pos, eol) != 0)
			return -1;
	}
	ng->pos = pos < n ? pos : n;
	return 0;
}

static size_t
put(struct ner_engine *ng, const char *s, size_t n)
{
	size_t at = ng->blen;

	if (txvec_grow((void **)&ng->buf, &ng->bcap, ng->blen + n, 1) != 0)
		return SIZE_MAX;
	memcpy(ng->buf + at, s, n);
	ng->blen += n;
	return at;
}

/* An insertion at pos: merged with the last edit when that is one at pos too. */
static int
insert(struct ner_engine *ng, size_t pos, const char *s, size_t n, size_t *first)
{
	struct txedit *e;

	if (ng->nout > 0 && ng->edits[ng->nout - 1].start == pos &&
	    ng->edits[ng->nout - 1].end == pos) {
		if (put(ng, s, n) == SIZE_MAX)
			return -1;
		return 0;
	}
	if (txvec_grow((void **)&ng->edits, &ng->ecap, ng->nout + 1, sizeof(*ng->edits)) != 0)
		return -1;
	if ((*first = put(ng, s, n)) == SIZE_MAX)
		return -1;
	e = &ng->edits[ng->nout++];
	e->start = e->end = pos;
	e->repl = NULL;
	e->repllen = *first;	/* an offset until the buffer stops moving */
	e->rule = NULL;
	return 0;
}

/* The entities of the tagged tokens, as conlleval reads the tags. */
static int
entities(struct ner_engine *ng)
{
	const struct ner_tags *tags = &ng->m->tags;
	size_t i, s = SIZE_MAX, first;
	char open[40];
	int n;

	for (i = 0; i <= ng->ntok; i++) {
		unsigned t = i < ng->ntok ? ng->tag[i] : 0;
		int starts = ner_tag_begins(tags, t);

		if (s != SIZE_MAX && (t == 0 || starts)) {
			if (ng->fmt == NER_INLINE) {
				if (insert(ng, ng->end[i - 1], "]", 1, &first) != 0)
					return -1;
			} else {
				struct txspan *sp;

				if (txvec_grow((void **)&ng->spans, &ng->scap, ng->nout + 1,
				    sizeof(*ng->spans)) != 0)
					return -1;
				sp = &ng->spans[ng->nout++];
				sp->start = ng->start[s];
				sp->end = ng->end[i - 1];
				sp->label = ner_tag_type(tags, ng->tag[s]);
			}
			s = SIZE_MAX;
		}
		if (starts) {
			s = i;
			if (ng->fmt == NER_INLINE) {
				n = snprintf(open, sizeof(open), "[%s ", ner_tag_type(tags, t));
				if (insert(ng, ng->start[i], open, (size_t)n, &first) != 0)
					return -1;
			}
		}
	}
	return 0;
}

/*
 * CoNLL out: each token's line becomes FORM<TAB>TAG; a plain line becomes
 * all of its tokens so.  Each edit's text starts at off[k] in buf.
 */
static int
conll_out(struct ner_engine *ng, const char *text)
{
	const struct ner_tags *tags = &ng->m->tags;
	size_t i, at;
	struct txedit *e;

	for (i = 0; i < ng->ntok; i++) {
		const char *tg = tags->name[tags->iob[ng->tag[i]]];

		at = ng->blen;
		if (put(ng, text + ng->start[i], ng->end[i] - ng->start[i]) == SIZE_MAX ||
		    put(ng, "\t", 1) == SIZE_MAX || put(ng, tg, strlen(tg)) == SIZE_MAX ||
		    (ng->in == NER_IN_TEXT && put(ng, "\n", 1) == SIZE_MAX))
			return -1;
		if (txvec_grow((void **)&ng->edits, &ng->ecap, ng->nout + 1,
		    sizeof(*ng->edits)) != 0 ||
		    txvec_grow((void **)&ng->off, &ng->ocap, ng->nout + 1,
		    sizeof(*ng->off)) != 0)
			return -1;
		ng->off[ng->nout] = at;
		e = &ng->edits[ng->nout++];
		if (ng->in == NER_IN_TEXT) {
			/* the token and the space after it; the space before the first too */
			e->start = i == 0 ? ng->from : ng->start[i];
			e->end = i + 1 < ng->ntok ? ng->start[i + 1] : ng->pos;
		} else {
			e->start = ng->line0[i];
			e->end = ng->line1[i];
		}
		e->repl = NULL;
		e->repllen = ng->blen - at;
		e->rule = NULL;
	}
	/* a plain line's tokens end with a newline; its own makes the blank line after */
	for (i = 0; i < ng->nout; i++)
		ng->edits[i].repl = ng->buf + ng->off[i];
	return 0;
}

/* Whether a line of s[0..n) starts a document (CoNLL's own marks). */
static int
has_newdoc(const char *s, size_t n)
{
	size_t pos, eol;

	for (pos = 0; pos < n; pos = eol + 1) {
		const char *nl = memchr(s + pos, '\n', n - pos);

		eol = nl != NULL ? (size_t)(nl - s) : n;
		if (conll_newdoc(s + pos, eol - pos))
			return 1;
	}
	return 0;
}

int
ner_unit_begin(void *eng, const struct txrun_unit *u, const char **why)
{
	struct ner_engine *ng = eng;

	(void)why;
	ng->u = u;
	ng->pos = 0;
	/* a name's earlier tags inform it within a document, never across */
	if (u->doc != ng->doc || (ng->in == NER_IN_CONLL && has_newdoc(u->text, u->len)))
		ner_tagger_doc(ng->tg);
	ng->doc = u->doc;
	return 0;
}

/* Tags the unit's next piece: its edits or spans are the batch. */
int
ner_unit_next(void *eng, struct txrun_batch *b, const char **why)
{
	struct ner_engine *ng = eng;
	const struct txrun_unit *u = ng->u;
	struct ner_sent s;
	size_t i, first;

	ng->nout = 0;
	ng->blen = 0;
	ng->from = ng->pos;
	*why = strerror(ENOMEM);
	if (tokenize(ng, u->text, u->len) != 0 ||
	    txvec_grow((void **)&ng->tag, &ng->tagcap, ng->ntok + 1, sizeof(*ng->tag)) != 0)
		return -1;
	s.text = u->text;
	s.start = ng->start;
	s.end = ng->end;
	s.n = ng->ntok;
	if (ner_tag(ng->tg, &s, ng->tag) != 0)
		return -1;
	if (ng->fmt == NER_CONLL) {
		if (conll_out(ng, u->text) != 0)
			return -1;
	} else if (entities(ng) != 0)
		return -1;
	if (ng->fmt == NER_INLINE)
		for (i = 0; i < ng->nout; i++) {
			first = ng->edits[i].repllen;
			ng->edits[i].repl = ng->buf + first;
			ng->edits[i].repllen = (i + 1 < ng->nout ?
			    ng->edits[i + 1].repllen : ng->blen) - first;
		}
	b->spans = ng->spans;
	b->edits = ng->edits;
	b->n = ng->nout;
	return ng->pos < u->len;
}
