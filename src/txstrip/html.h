/*
 * html: a page's HTML as blocks, by libxml2's HTML parser in recover mode
 * (it never fails on broken markup).  The charset comes from a BOM, then
 * <meta charset> or http-equiv, then the bytes (valid UTF-8 is UTF-8),
 * then ICU's detector; ICU converts to UTF-8.  Script, style, noscript,
 * template and hidden elements are dropped, entities decoded, white space
 * collapsed; each block-level element, <br> and <li> starts a block.
 */
#ifndef TXSTRIP_HTML_H
#define TXSTRIP_HTML_H

#include <stddef.h>

#include "block.h"

/*
 * Makes bl the blocks of the HTML page text[0..len) (any bytes), its
 * title in bl->title.  Returns 0, or -1 with *why set (static storage) and
 * errno ENOMEM when memory ran out.
 */
int block_html(struct blocks *bl, const char *text, size_t len,
    const char **why);

/*
 * The page's charset as a BOM or a <meta> in its first 4 KB declares
 * it, copied to name[0..n) (NUL-terminated, upper case); "" when there
 * is none.  *bom is set to the BOM's length.
 */
void html_charset(const char *text, size_t len, char *name, size_t n,
    size_t *bom);

#endif
