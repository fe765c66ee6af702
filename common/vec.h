/*
 * vec: growing the arrays that engines keep between calls.  Never prints,
 * never exits.
 */
#ifndef TX_VEC_H
#define TX_VEC_H

#include <stddef.h>

/*
 * Makes the array *p of *cap elements of size bytes hold at least need
 * elements, doubling its capacity (from 64) and updating *p and *cap.
 * Returns 0, or -1 when memory is exhausted (*p and *cap are unchanged).
 */
int txvec_grow(void **p, size_t *cap, size_t need, size_t size);

#endif
