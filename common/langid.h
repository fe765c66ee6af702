/*
 * langid: the language of a stretch of text, by Google's Compact Language
 * Detector 2 (libcld2), for the programs that treat languages apart
 * (txsplit --lang=auto, a paragraph at a time).  Deterministic; no state.
 */
#ifndef TX_LANGID_H
#define TX_LANGID_H

#include <stddef.h>

/*
 * Writes to code (at least 8 bytes) the ISO 639-1 code of the language
 * s[0..n) is written in ("de"; "zh" for either Chinese script), as CLD2
 * tells it from at most the first TXLANGID_MAX bytes; s need not be valid
 * UTF-8 (what follows the first invalid byte is not looked at).  Returns
 * 1 when CLD2 calls its answer reliable, else 0 with code empty: too
 * little text, a mixture, or a language it does not know.
 */
int txlangid(const char *s, size_t n, char *code);

#define TXLANGID_MAX 4096

#endif
