#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "hash.h"
#include "html.h"
#include "utf8.h"
#include "vec.h"

/* What an element is to the walk: a table, as utf8proc's are. */
enum {
	E_BLOCK = 1 << 0,	/* starts and ends a block */
	E_SKIP = 1 << 1,	/* dropped with all it holds */
	E_LINK = 1 << 2,
	E_LIST = 1 << 3,
	E_LANDMARK = 1 << 4,
	E_MAIN = 1 << 5,
	E_HEADING = 1 << 6,
	E_BREAK = 1 << 7	/* an empty element that ends the block */
};

static const struct { const char *name; unsigned kind; } elements[] = {
	{ "a", E_LINK }, { "address", E_BLOCK }, { "article", E_BLOCK | E_MAIN },
	{ "aside", E_BLOCK | E_LANDMARK }, { "blockquote", E_BLOCK },
	{ "body", E_BLOCK }, { "br", E_BREAK }, { "button", E_BLOCK },
	{ "canvas", E_SKIP }, { "caption", E_BLOCK }, { "center", E_BLOCK },
	{ "dd", E_BLOCK }, { "details", E_BLOCK }, { "dialog", E_BLOCK },
	{ "div", E_BLOCK }, { "dl", E_BLOCK }, { "dt", E_BLOCK },
	{ "embed", E_SKIP }, { "fieldset", E_BLOCK }, { "figcaption", E_BLOCK },
	{ "figure", E_BLOCK }, { "footer", E_BLOCK | E_LANDMARK },
	{ "form", E_BLOCK | E_LANDMARK }, { "h1", E_BLOCK | E_HEADING },
	{ "h2", E_BLOCK | E_HEADING }, { "h3", E_BLOCK | E_HEADING },
	{ "h4", E_BLOCK | E_HEADING }, { "h5", E_BLOCK | E_HEADING },
	{ "h6", E_BLOCK | E_HEADING }, { "head", E_SKIP },
	{ "header", E_BLOCK | E_LANDMARK }, { "hr", E_BREAK },
	{ "iframe", E_SKIP }, { "img", 0 }, { "input", 0 },
	{ "legend", E_BLOCK }, { "li", E_BLOCK | E_LIST }, { "main", E_BLOCK | E_MAIN },
	{ "math", E_SKIP }, { "menu", E_BLOCK | E_LANDMARK },
	{ "nav", E_BLOCK | E_LANDMARK }, { "noscript", E_SKIP },
	{ "object", E_SKIP }, { "ol", E_BLOCK }, { "option", E_SKIP },
	{ "p", E_BLOCK }, { "pre", E_BLOCK }, { "script", E_SKIP },
	{ "section", E_BLOCK }, { "select", E_SKIP }, { "style", E_SKIP },
	{ "summary", E_BLOCK }, { "svg", E_SKIP }, { "table", E_BLOCK },
	{ "tbody", E_BLOCK }, { "td", E_BLOCK }, { "template", E_SKIP },
	{ "textarea", E_SKIP }, { "tfoot", E_BLOCK }, { "th", E_BLOCK },
	{ "thead", E_BLOCK }, { "title", E_SKIP }, { "tr", E_BLOCK },
	{ "ul", E_BLOCK }, { "video", E_SKIP }, { "audio", E_SKIP },
};

/* An element's kind: the table searched by the name's first letter. */
static unsigned
kind_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(elements) / sizeof(elements[0]); i++)
		if (elements[i].name[0] == name[0] && strcmp(elements[i].name, name) == 0)
			return elements[i].kind;
	return 0;
}

#define FRAME_CLS 4		/* class and id tokens each frame keeps */

struct frame {
	uint32_t serial;
	unsigned kind;
	uint32_t tag;
	uint32_t cls[FRAME_CLS];
	unsigned ncls;
	unsigned char heading;	/* N of <hN> */
};

/* The parse's state: libxml2 calls back as it reads (SAX), no tree is built. */
struct walk {
	struct blocks *bl;
	htmlParserCtxtPtr ctxt;
	struct frame *fr;	/* the open elements that are not dropped */
	size_t nfr, frcap;
	unsigned char *open;	/* each open element: 1 if it has a frame */
	size_t nopen, opencap;
	size_t skip;		/* open elements inside one dropped with all it holds */
	int skiphead;		/* the dropped element is <head> */
	int intitle;		/* inside <head>'s <title>: its text is in tbuf */
	char *tbuf;
	size_t tlen, tcap;
	unsigned links, lists, landmarks, mains, heading;
	size_t bstart;		/* where the current block's text starts in buf */
	unsigned linkchars, tags;
	int space;		/* a space is owed before the next text */
	uint32_t serial;	/* elements entered so far */
	int failed;		/* memory ran out: the parse is stopped */
};

static uint32_t
hash32(const char *s, size_t n)
{
	return (uint32_t)txhash(s, n, 0x48544d4c);
}

static int
put(struct blocks *bl, const char *s, size_t n)
{
	if (txvec_grow((void **)&bl->buf, &bl->bufcap, bl->buflen + n + 1, 1) != 0)
		return -1;
	memcpy(bl->buf + bl->buflen, s, n);
	bl->buflen += n;
	return 0;
}

/* Appends text with its white space collapsed; counts link characters. */
static int
add_text(struct walk *w, const char *s, size_t n)
{
	size_t i = 0, j;
	int len;
	int32_t cp;

	while (i < n) {
		cp = txu8_at(s, n, i, &len);
		if (txu8_is_space(cp) && cp != 0xA0) {
			w->space = 1;
			i += (size_t)len;
			continue;
		}
		if (w->space && w->bl->buflen > w->bstart && put(w->bl, " ", 1) != 0)
			return -1;
		w->space = 0;
		for (j = i; j < n; j += (size_t)len) {
			cp = txu8_at(s, n, j, &len);
			if (txu8_is_space(cp) && cp != 0xA0)
				break;
		}
		if (put(w->bl, s + i, j - i) != 0)
			return -1;
		if (w->links > 0)
			w->linkchars += (unsigned)txu8_count(s, i, j);
		i = j;
	}
	return 0;
}

/* Tokens of class and id: words of letters and digits, lower case. */
static void
class_tokens(const char *v, struct frame *f)
{
	char tok[32];
	size_t n = 0;
	const char *p;

	for (p = v;; p++) {
		if (*p != '\0' && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
			if (n < sizeof(tok))
				tok[n++] = (char)(*p | 0x20);
			continue;
		}
		if (n >= 3 && f->ncls < FRAME_CLS)
			f->cls[f->ncls++] = hash32(tok, n);
		n = 0;
		if (*p == '\0')
			break;
	}
}

static int
hidden(const xmlChar **atts)
{
	const char *name, *v;

	for (; atts != NULL && atts[0] != NULL; atts += 2) {
		name = (const char *)atts[0];
		if (strcmp(name, "hidden") == 0)
			return 1;
		if ((v = (const char *)atts[1]) == NULL)
			continue;
		if (strcmp(name, "aria-hidden") == 0 && strcmp(v, "true") == 0)
			return 1;
		if (strcmp(name, "style") == 0) {
			char flat[128];
			size_t k = 0;

			for (; *v != '\0' && k + 1 < sizeof(flat); v++)
				if (*v != ' ' && *v != '\t')
					flat[k++] = (char)(*v | 0x20);
			flat[k] = '\0';
			if (strstr(flat, "display:none") != NULL ||
			    strstr(flat, "visibility:hidden") != NULL)
				return 1;
		}
	}
	return 0;
}

static void
trim_tail(struct walk *w)
{
	while (w->bl->buflen > w->bstart && w->bl->buf[w->bl->buflen - 1] == ' ')
		w->bl->buflen--;
}

/* Ends the current block: a block if it holds text, nothing if not. */
static int
flush(struct walk *w)
{
	struct blocks *bl = w->bl;
	struct block *b;
	size_t i, k;

	trim_tail(w);
	w->space = 0;
	if (bl->buflen == w->bstart) {
		w->linkchars = w->tags = 0;
		return 0;
	}
	if (txvec_grow((void **)&bl->b, &bl->cap, bl->n + 1, sizeof(*bl->b)) != 0 ||
	    put(bl, "\n", 1) != 0)
		return -1;
	b = &bl->b[bl->n++];
	memset(b, 0, sizeof(*b));
	b->start = w->bstart;
	b->end = bl->buflen - 1;
	b->next = bl->buflen;
	b->linkchars = w->linkchars;
	b->tags = w->tags;
	b->heading = (unsigned char)w->heading;
	b->list = w->lists > 0;
	b->landmark = w->landmarks > 0;
	b->inmain = w->mains > 0;
	/* the innermost block elements and the class tokens nearest the text */
	for (i = w->nfr, k = 0; i-- > 0;) {
		const struct frame *f = &w->fr[i];
		unsigned c;

		if (k < 3 && (f->kind & E_BLOCK)) {
			if (k == 0)
				b->tag = f->tag;
			else if (k == 1) {
				b->parent = f->tag;
				b->group[0] = f->serial;
			} else
				b->group[1] = f->serial;
			b->path = b->path * 31 + f->tag;
			k++;
		}
		for (c = 0; c < f->ncls && b->ncls < BLOCK_MAXCLS; c++)
			b->cls[b->ncls++] = f->cls[c];
	}
	w->bstart = bl->buflen;
	w->linkchars = w->tags = 0;
	return 0;
}

/* The title's text, its white space collapsed as a block's is. */
static int
set_title(struct walk *w)
{
	struct blocks tmp;
	struct walk tw;

	if (w->bl->title != NULL)
		return 0;
	memset(&tmp, 0, sizeof(tmp));
	memset(&tw, 0, sizeof(tw));
	tw.bl = &tmp;
	if (add_text(&tw, w->tbuf, w->tlen) != 0 || put(&tmp, "", 0) != 0) {
		free(tmp.buf);
		return -1;
	}
	trim_tail(&tw);
	tmp.buf[tmp.buflen] = '\0';
	w->bl->title = tmp.buf;
	return 0;
}

static int
enter(struct walk *w, const char *name, const xmlChar **atts, unsigned kind)
{
	struct frame *f;

	if ((kind & E_BLOCK) && flush(w) != 0)
		return -1;
	if (txvec_grow((void **)&w->fr, &w->frcap, w->nfr + 1, sizeof(*w->fr)) != 0)
		return -1;
	f = &w->fr[w->nfr++];
	f->serial = ++w->serial;
	f->kind = kind;
	f->tag = hash32(name, strlen(name));
	f->ncls = 0;
	f->heading = 0;
	for (; atts != NULL && atts[0] != NULL; atts += 2)
		if ((strcmp((const char *)atts[0], "class") == 0 ||
		    strcmp((const char *)atts[0], "id") == 0) && atts[1] != NULL)
			class_tokens((const char *)atts[1], f);
	w->links += !!(kind & E_LINK);
	w->lists += !!(kind & E_LIST);
	w->landmarks += !!(kind & E_LANDMARK);
	w->mains += !!(kind & E_MAIN);
	if (kind & E_HEADING) {
		f->heading = (unsigned char)(name[1] - '0');
		if (w->heading == 0)
			w->heading = f->heading;
	}
	w->tags++;
	return 0;
}

static int
leave(struct walk *w)
{
	const struct frame *f = &w->fr[--w->nfr];
	unsigned kind = f->kind;

	if ((kind & E_BLOCK) && flush(w) != 0)
		return -1;
	w->links -= !!(kind & E_LINK);
	w->lists -= !!(kind & E_LIST);
	w->landmarks -= !!(kind & E_LANDMARK);
	w->mains -= !!(kind & E_MAIN);
	if (kind & E_HEADING) {
		size_t i;

		w->heading = 0;
		for (i = 0; i < w->nfr; i++)
			if (w->fr[i].kind & E_HEADING)
				w->heading = w->fr[i].heading;
	}
	return 0;
}

static void
fail(struct walk *w)
{
	w->failed = 1;
	xmlStopParser(w->ctxt);
}

static void
on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct walk *w = ctx;
	const char *name = (const char *)xname;
	unsigned kind;
	int framed = 0;

	if (w->failed)
		return;
	if (w->skip > 0) {
		w->skip++;
		if (w->skiphead && w->skip == 2 && strcmp(name, "title") == 0) {
			w->intitle = 1;
			w->tlen = 0;
		}
		return;
	}
	kind = kind_of(name);
	if ((kind & E_SKIP) || hidden(atts)) {
		w->skip = 1;
		w->skiphead = strcmp(name, "head") == 0;
		return;
	}
	if (kind & E_BREAK) {
		if (flush(w) != 0)
			fail(w);
	} else if (enter(w, name, atts, kind) == 0)
		framed = 1;
	else {
		fail(w);
		return;
	}
	if (txvec_grow((void **)&w->open, &w->opencap, w->nopen + 1, 1) != 0) {
		fail(w);
		return;
	}
	w->open[w->nopen++] = (unsigned char)framed;
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct walk *w = ctx;

	(void)name;
	if (w->failed)
		return;
	if (w->skip > 0) {
		if (w->intitle && w->skip == 2) {
			w->intitle = 0;
			if (set_title(w) != 0)
				fail(w);
		}
		w->skip--;
		return;
	}
	if (w->nopen == 0)
		return;
	if (w->open[--w->nopen] && leave(w) != 0)
		fail(w);
}

static void
on_text(void *ctx, const xmlChar *s, int n)
{
	struct walk *w = ctx;

	if (w->failed || n <= 0)
		return;
	if (w->skip > 0) {
		if (!w->intitle)
			return;
		if (txvec_grow((void **)&w->tbuf, &w->tcap, w->tlen + (size_t)n, 1) != 0) {
			fail(w);
			return;
		}
		memcpy(w->tbuf + w->tlen, s, (size_t)n);
		w->tlen += (size_t)n;
		return;
	}
	if (add_text(w, (const char *)s, (size_t)n) != 0)
		fail(w);
}

void
html_charset(const char *s, size_t n, char *name, size_t cap, size_t *bom)
{
	size_t i, k, lim = n < 4096 ? n : 4096;

	name[0] = '\0';
	*bom = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		*bom = 3;
		snprintf(name, cap, "UTF-8");
		return;
	}
	if (n >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) {
		*bom = 2;
		snprintf(name, cap, "UTF-16LE");
		return;
	}
	if (n >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) {
		*bom = 2;
		snprintf(name, cap, "UTF-16BE");
		return;
	}
	for (i = 0; i + 7 < lim; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		/* only inside a <meta ...> tag */
		for (k = i; k > 0 && s[k] != '<' && s[k] != '>'; k--)
			;
		if (s[k] != '<' || k + 5 > lim || strncasecmp(s + k + 1, "meta", 4) != 0)
			continue;
		k = i + 7;
		while (k < lim && (s[k] == ' ' || s[k] == '=' || s[k] == '"' ||
		    s[k] == '\''))
			k++;
		for (i = 0; k < lim && i + 1 < cap && ((s[k] | 0x20) >= 'a' &&
		    (s[k] | 0x20) <= 'z' ? 1 : (s[k] >= '0' && s[k] <= '9') ||
		    s[k] == '-' || s[k] == '_' || s[k] == ':' || s[k] == '.'); k++)
			name[i++] = (char)(s[k] >= 'a' && s[k] <= 'z' ? s[k] - 32 : s[k]);
		name[i] = '\0';
		return;
	}
}

/* The page in UTF-8: *out is text itself, or a buffer to free in *own. */
static int
to_utf8(const char *s, size_t n, const char **out, size_t *outn, char **own,
    const char **why)
{
	char name[64];
	size_t bom;
	UErrorCode err = U_ZERO_ERROR;
	int32_t need;
	char *buf;

	*own = NULL;
	html_charset(s, n, name, sizeof(name), &bom);
	s += bom;
	n -= bom;
	if (name[0] == '\0' || strcmp(name, "UTF-8") == 0 || strcmp(name, "UTF8") == 0) {
		if (name[0] != '\0' || txu8_validate(s, n) == n) {
			*out = s;
			*outn = n;
			return 0;
		}
		/* no declaration and not UTF-8: ask ICU's detector */
		{
			UCharsetDetector *d = ucsdet_open(&err);
			const UCharsetMatch *m;

			ucsdet_setText(d, s, n > INT32_MAX ? INT32_MAX : (int32_t)n, &err);
			m = ucsdet_detect(d, &err);
			snprintf(name, sizeof(name), "%s", U_SUCCESS(err) && m != NULL ?
			    ucsdet_getName(m, &err) : "windows-1252");
			ucsdet_close(d);
			err = U_ZERO_ERROR;
		}
	}
	if (n > INT32_MAX / 4) {
		*why = "too large to convert from its charset";
		errno = EFBIG;
		return -1;
	}
	need = ucnv_convert("UTF-8", name, NULL, 0, s, (int32_t)n, &err);
	if (err == U_FILE_ACCESS_ERROR || err == U_ILLEGAL_ARGUMENT_ERROR) {
		/* a charset ICU does not know: take the bytes as they are */
		*out = s;
		*outn = n;
		return 0;
	}
	err = U_ZERO_ERROR;
	if ((buf = malloc((size_t)need + 1)) == NULL) {
		*why = strerror(ENOMEM);
		return -1;
	}
	ucnv_convert("UTF-8", name, buf, need + 1, s, (int32_t)n, &err);
	if (U_FAILURE(err)) {
		free(buf);
		*out = s;
		*outn = n;
		return 0;
	}
	*out = *own = buf;
	*outn = (size_t)need;
	return 0;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
block_html(struct blocks *bl, const char *text, size_t len, const char **why)
{
	htmlSAXHandler sax;
	xmlCharEncodingHandlerPtr utf8;
	const char *s;
	size_t n;
	char *own;
	struct walk w;
	int rc = 0;

	block_reset(bl);
	bl->html = 1;
	errno = 0;
	if (to_utf8(text, len, &s, &n, &own, why) != 0)
		return -1;
	if (n > INT32_MAX) {
		free(own);
		*why = "a page of 2 GB or more";
		errno = EFBIG;
		return -1;
	}
	if (put(bl, "", 0) != 0) {
		free(own);
		*why = strerror(ENOMEM);
		return -1;
	}
	memset(&w, 0, sizeof(w));
	w.bl = bl;
	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.ignorableWhitespace = on_text;
	sax.initialized = 1;
	xmlSetGenericErrorFunc(NULL, quiet);
	if (n > 0 && (w.ctxt = htmlCreateMemoryParserCtxt(s, (int)n)) == NULL)
		rc = -1;
	if (w.ctxt != NULL) {
		memcpy(w.ctxt->sax, &sax, sizeof(sax));
		w.ctxt->userData = &w;
		htmlCtxtUseOptions(w.ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT |
		    HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE);
		/* the bytes are UTF-8 by now, whatever the page declares */
		if ((utf8 = xmlFindCharEncodingHandler("UTF-8")) != NULL)
			xmlSwitchToEncoding(w.ctxt, utf8);
		htmlParseDocument(w.ctxt);
		if (w.ctxt->myDoc != NULL)
			xmlFreeDoc(w.ctxt->myDoc);
		htmlFreeParserCtxt(w.ctxt);
		if (!w.failed && flush(&w) != 0)
			w.failed = 1;
		rc = w.failed ? -1 : 0;
	}
	free(own);
	free(w.fr);
	free(w.open);
	free(w.tbuf);
	bl->text = bl->buf;
	bl->len = bl->buflen;
	if (rc != 0) {
		*why = strerror(ENOMEM);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}
