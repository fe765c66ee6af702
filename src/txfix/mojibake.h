/*
 * mojibake: finds text that was UTF-8 decoded by the wrong code page
 * (Windows-1252 or Latin-1, once or more; Windows-1251), a character at a
 * time and only where the bytes form valid UTF-8 that text plausibly
 * holds; lone C1 controls (Windows-1252 read as Latin-1); and, in text
 * that has mojibake, the traces of bytes lost with it ("Ã " for "à ").
 * It never prints and never exits.
 */
#ifndef TXFIX_MOJIBAKE_H
#define TXFIX_MOJIBAKE_H

#include <stddef.h>

/*
 * Called for each repair found: bytes [start, end) of the text become
 * repl[0..len) (valid UTF-8, valid only during the call).  Returns 0, or
 * non-zero to stop.
 */
typedef int (*moji_fn)(void *arg, size_t start, size_t end,
    const char *repl, size_t len);

/*
 * Finds the mojibake of s[0..n) (any bytes) and calls fn for each repair,
 * in no particular order; repairs may overlap (runs, then traces).
 * Returns their number, or -1 when memory is exhausted or fn stopped.
 */
long moji_find(const char *s, size_t n, moji_fn fn, void *arg);

#endif
