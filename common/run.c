#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonl.h"
#include "run.h"
#include "utf8.h"

#define BOM "\xEF\xBB\xBF"

/* The loop's state over one run. */
struct loop {
	const struct txrun *r;
	struct txout *out;
	struct txout field;	/* --jsonl with edits: the field's new text */
	struct txout member;	/* --jsonl: the member's value, as JSON text */
	size_t items;		/* in member's array */
	const char *name;	/* the input being read */
	unsigned long long doc;
	size_t edits;		/* made in the current document */
	int status;
};

/* Reports "prog: what: why" and marks the run failed; returns -1. */
static int
fail(struct loop *l, const char *what, const char *why)
{
	txcli_warn(l->r->cli, "%s: %s", what, why);
	l->status = 1;
	return -1;
}

/*
 * After the last txin_next on in returned k: 0, or 1 after a message when
 * it was a read error, which ends this input (the others go on).
 */
static int
read_end(struct loop *l, const struct txin *in, int k)
{
	if (k >= 0)
		return 0;
	fail(l, l->name, strerror(in->err));
	return 1;
}

/* The --strict policy for one unit. */
static int
check_utf8(struct loop *l, const struct txrun_unit *u)
{
	size_t bad;

	if (!l->r->cli->strict || (bad = txu8_validate(u->text, u->len)) == u->len)
		return 0;
	txcli_warn(l->r->cli, "%s: invalid UTF-8 at byte %llu", u->name,
	    (unsigned long long)(u->offset + bad));
	l->status = 1;
	return -1;
}

/* Where the spans of one document go. */
struct spanout {
	struct loop *l;
	struct txout *w;
	const char *eol;
	struct txout *arr;	/* --jsonl: the member's array, its '[' written */
	int term;		/* the unit has its terminator */
	int pending;		/* a line was written and its newline may be owed */
	int any_in_unit, any_in_doc;
	int blank_between;	/* a blank line between units (paragraphs) */
};

/*
 * Writes the separators of s[a..b) (white space between spans) that a line
 * break would lose: all but spaces, tabs, newlines and a CR before one.
 */
static void
put_separators(struct txout *w, const char *s, size_t a, size_t b)
{
	for (; a < b; a++)
		if (s[a] != ' ' && s[a] != '\t' && s[a] != '\n' &&
		    !(s[a] == '\r' && a + 1 < b && s[a + 1] == '\n'))
			txout_putc(w, s[a]);
}

/* The end of the white space that starts at s[i], i <= n. */
static size_t
space_end(const char *s, size_t n, size_t i)
{
	int32_t cp;
	int len;

	while ((cp = txu8_at(s, n, i, &len), len > 0) && txu8_is_space(cp))
		i += (size_t)len;
	return i;
}

/* Before a line: the newline owed, and a blank line between units that ask for one. */
static void
line_start(struct spanout *so)
{
	if (so->pending)
		txout_puts(so->w, so->eol);
	so->pending = 0;
	if (!so->any_in_unit && so->any_in_doc && so->blank_between)
		txout_puts(so->w, so->eol);
	so->any_in_unit = so->any_in_doc = 1;
}

/*
 * After a line.  It is ended at once, so that what was written before a
 * stop is whole, but for the lines of a last unit without its newline: the
 * text's last line stays unended.  Offsets are records, not the text, and
 * always end.
 */
static void
line_end(struct spanout *so)
{
	if (so->term || so->l->r->form != TXSPAN_TEXT)
		txout_puts(so->w, so->eol);
	else
		so->pending = 1;
}

static int
put_span(struct spanout *so, const char *s, size_t n, const struct txspan *sp,
    uint64_t base)
{
	const struct txrun *r = so->l->r;
	int seps = r->separators && r->form == TXSPAN_TEXT, first;

	if (so->arr != NULL) {
		if (so->l->items++ > 0)
			txout_putc(so->arr, ',');
		if (txspan_put_json(so->arr, s, sp, r->form, base, r->flatten) != 0)
			return fail(so->l, so->l->name, so->arr->err ?
			    strerror(so->arr->err) : "cannot encode a span");
		return 0;
	}
	first = !so->any_in_unit;
	line_start(so);
	if (seps && first)
		put_separators(so->w, s, 0, sp->start);
	txspan_write(so->w, s, sp, r->form, base, r->flatten);
	if (seps)
		put_separators(so->w, s, sp->end, space_end(s, n, sp->end));
	line_end(so);
	return 0;
}

/* A unit of separators alone (a form feed between NULs) is a line of its own. */
static void
put_lone_separators(struct spanout *so, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			break;
	if (i == n)
		return;
	line_start(so);
	put_separators(so->w, s, 0, n);
	line_end(so);
}

/*
 * Runs the engine on one unit and writes its results: edits applied to
 * the unit's text to w, or spans handed to put_span.  Returns 0 or -1.
 */
static int
run_unit(struct loop *l, const struct txrun_unit *u, struct txout *w,
    struct spanout *so)
{
	const struct txrun *r = l->r;
	struct txrun_batch b;
	const char *why = "failed";
	size_t pos = 0, i;
	int more;

	if (check_utf8(l, u) != 0)
		return -1;
	if (r->begin(r->eng, u, &why) != 0)
		return fail(l, u->name, why);
	do {
		memset(&b, 0, sizeof(b));
		if ((more = r->next(r->eng, &b, &why)) < 0)
			return fail(l, u->name, why);
		if (r->quiet)
			continue;
		if (r->result == TXRUN_EDITS) {
			txedit_apply(w, u->text, &pos, b.edits, b.n);
			l->edits += b.n;
		} else
			for (i = 0; i < b.n; i++)
				if (put_span(so, u->text, u->len, &b.spans[i],
				    u->offset) != 0)
					return -1;
	} while (more > 0);
	if (r->result == TXRUN_EDITS && !r->quiet)
		txout_write(w, u->text + pos, u->len - pos);
	else if (r->separators && r->form == TXSPAN_TEXT && so->arr == NULL &&
	    !so->any_in_unit && !r->quiet)
		put_lone_separators(so, u->text, u->len);
	so->any_in_unit = 0;
	return 0;
}

/*
 * One document, read from d (a stream, or a NUL record or JSON field in
 * memory), whose offsets start at base; output to w, or into arr for spans
 * under --jsonl.  This is where the BOM, CRLF and final-newline policy
 * lives (see run.h).  Returns 0, or -1 when the run must stop.
 */
static int
run_doc(struct loop *l, struct txin *d, uint64_t base, struct txout *w,
    struct txout *arr, int cont)
{
	const struct txrun *r = l->r;
	struct spanout so;
	struct txrun_unit u;
	struct txin_span sp;
	int k, bom_owed;

	memset(&so, 0, sizeof(so));
	so.l = l;
	so.w = w;
	so.arr = arr;
	so.blank_between = r->unit == TXIN_PARA;
	if (!cont) {
		l->doc++;
		l->edits = 0;
	}
	u.name = l->name;
	u.doc = l->doc;
	if (r->unit == TXIN_ALL)
		d->max = r->max;
	/* a -z record's later piece: its start is no BOM */
	d->rawbom |= cont;
	bom_owed = arr == NULL && !r->quiet && !cont && !r->drop_bom &&
	    (r->result == TXRUN_EDITS || r->form == TXSPAN_TEXT);
	u.bom = !cont;	/* the BOM, if any, is set aside by the first txin_next */
	while ((k = txin_next(d, r->unit, &sp)) > 0) {
		if (bom_owed && d->bom)
			txout_write(w, BOM, 3);
		bom_owed = 0;
		u.bom &= d->bom;
		/* a dropped BOM is an edit: a JSON field is written anew */
		l->edits += u.bom && r->drop_bom;
		so.eol = d->crlf == 1 ? "\r\n" : "\n";
		so.term = sp.termlen > 0;
		u.text = sp.text;
		u.len = sp.len;
		u.offset = base + sp.offset;
		if (run_unit(l, &u, w, &so) != 0)
			return -1;
		u.bom = 0;
		if (r->result == TXRUN_EDITS && !r->quiet)
			txout_write(w, sp.term, sp.termlen);
	}
	if (bom_owed && d->bom)
		txout_write(w, BOM, 3);
	/*
	 * A BOM and nothing after it: its removal is an edit that no unit
	 * made, and the engine is shown it in an empty unit (txfix logs it).
	 */
	if (k == 0 && u.bom && d->bom && r->drop_bom) {
		l->edits++;
		u.text = "";
		u.len = 0;
		u.offset = base + 3;
		so.eol = "\n";
		so.term = 0;
		if (run_unit(l, &u, w, &so) != 0)
			return -1;
	}
	return read_end(l, d, k);
}

/* -z: each NUL-separated record is a document; its NUL is kept. */
static int
run_nul(struct loop *l, struct txin *in)
{
	struct txin_span rec;
	struct txin d;
	int k, rc, cont = 0;

	if (l->r->unit == TXIN_ALL)
		in->max = l->r->max;
	while ((k = txin_next(in, TXIN_NUL, &rec)) > 0) {
		txin_init_mem(&d, rec.text, rec.len);
		rc = run_doc(l, &d, rec.offset, l->out, NULL, cont);
		txin_free(&d);
		cont = rec.more;
		if (rc != 0)
			return rc;
		if (rec.termlen > 0 && !l->r->quiet)
			txout_putc(l->out, '\0');
		if (l->out->err)
			return -1;
	}
	return read_end(l, in, k);
}

/* One JSON Lines record's field as a document; the record written back. */
static int
run_record(struct loop *l, struct txjson_rec *rec)
{
	const struct txrun *r = l->r;
	struct txout *arr = NULL;
	struct txin d;
	json_t *v;
	int rc;

	txin_init_mem(&d, rec->text, rec->textlen);
	txout_reset(&l->member);
	if (r->result == TXRUN_SPANS && !r->spans_in_field) {
		arr = &l->member;
		l->items = 0;
		txout_putc(arr, '[');
	}
	txout_reset(&l->field);
	rc = run_doc(l, &d, 0, &l->field, arr, 0);
	txin_free(&d);
	if (rc != 0 || r->quiet)
		return rc != 0 ? -1 : 0;
	if (l->field.err)
		return fail(l, l->name, strerror(l->field.err));
	if (arr != NULL)
		txout_putc(arr, ']');
	else if (r->member != NULL && r->member_value != NULL &&
	    (v = r->member_value(r->eng)) != NULL) {
		rc = txjson_put_value(&l->member, v);
		json_decref(v);
		if (rc != 0)
			return fail(l, l->name, "cannot encode the record");
		arr = &l->member;
	}
	if (l->member.err)
		return fail(l, l->name, strerror(l->member.err));
	/* a field without edits keeps its spelling (escapes and all) */
	if (arr == NULL && (r->result == TXRUN_EDITS ? l->edits == 0 :
	    l->field.len == rec->textlen &&
	    (rec->textlen == 0 || memcmp(l->field.buf, rec->text, rec->textlen) == 0)))
		return txout_write(l->out, rec->line, rec->len) != 0 ? -1 : 0;
	if (txjson_write(l->out, rec,
	    r->result == TXRUN_SPANS && !r->spans_in_field ? NULL :
	    l->field.buf != NULL ? l->field.buf : "", l->field.len,
	    arr != NULL ? arr->buf : NULL, arr != NULL ? arr->len : 0) != 0 &&
	    !l->out->err)
		return fail(l, l->name, "cannot encode the record");
	return 0;
}

static int
run_jsonl(struct loop *l, struct txin *in)
{
	const struct txrun *r = l->r;
	struct txjson_rec rec;
	struct txin_span line;
	unsigned long long lineno = 0;
	int k, code, first = 1;
	char where[32];

	while ((k = txin_next(in, TXIN_LINE, &line)) > 0) {
		if (first && in->bom && !r->quiet)
			txout_write(l->out, BOM, 3);
		first = 0;
		++lineno;
		if (txjson_blank(line.text, line.len)) {
			if (!r->quiet)
				txout_write(l->out, line.text, line.len + line.termlen);
			continue;
		}
		code = txjson_parse(&rec, line.text, line.len, r->cli->field,
		    (r->result == TXRUN_SPANS && !r->spans_in_field) ||
		    r->member_value != NULL ? r->member : NULL);
		if (code != TXJSON_OK) {
			snprintf(where, sizeof(where), "%llu", lineno);
			txcli_warn(r->cli, "%s:%s: %s%s", l->name, where,
			    txjson_strerror(&rec, code),
			    r->cli->skip_bad ? " (passed through)" : "");
			txjson_free(&rec);
			if (!r->cli->skip_bad) {
				l->status = 1;
				return -1;
			}
			if (!r->quiet)
				txout_write(l->out, line.text, line.len + line.termlen);
			continue;
		}
		k = run_record(l, &rec);
		txjson_free(&rec);
		if (k != 0)
			return -1;
		if (!r->quiet)
			txout_write(l->out, line.term, line.termlen);
		if (l->out->err)
			return -1;
	}
	/* a BOM and nothing after it */
	if (first && k == 0 && in->bom && !r->quiet)
		txout_write(l->out, BOM, 3);
	return read_end(l, in, k);
}

/* Opens one operand; 0, or -1 after a message (the others go on). */
static int
open_input(struct loop *l, const char *path, int *fd)
{
	struct stat st;

	*fd = STDIN_FILENO;
	l->name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (strcmp(path, "-") != 0 && (*fd = open(path, O_RDONLY)) < 0)
		return fail(l, path, strerror(errno));
	if (fstat(*fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (*fd != STDIN_FILENO)
			close(*fd);
		return fail(l, l->name, strerror(EISDIR));
	}
	return 0;
}

/* One operand.  Returns 0, 1 when it could not be read, -1 to stop. */
static int
run_input(struct loop *l, const char *path)
{
	const struct txrun *r = l->r;
	struct txin in;
	int fd, rc;

	if (open_input(l, path, &fd) != 0)
		return 1;
	if (txin_init(&in, fd) != 0) {
		fail(l, l->name, strerror(in.err));
		rc = -1;
	} else if (r->cli->framing == TXCLI_JSONL) {
		rc = run_jsonl(l, &in);
	} else if (r->cli->framing == TXCLI_NUL) {
		/* each record strips its own BOM */
		in.rawbom = 1;
		rc = run_nul(l, &in);
	} else
		rc = run_doc(l, &in, 0, l->out, NULL, 0);
	txin_free(&in);
	if (fd != STDIN_FILENO)
		close(fd);
	if (l->out->err)
		return -1;
	return rc;
}

int
txrun_files(const struct txrun *r, struct txout *out, int argc,
    char *const argv[])
{
	struct loop l;
	int i;

	memset(&l, 0, sizeof(l));
	l.r = r;
	l.out = out;
	txout_init_mem(&l.field);
	txout_init_mem(&l.member);
	if (argc == 0)
		run_input(&l, "-");
	for (i = 0; i < argc; i++)
		if (run_input(&l, argv[i]) < 0)
			break;
	txout_close(&l.field);
	txout_close(&l.member);
	return l.status || out->err ? 1 : 0;
}
