/*
 * vec: growing the arrays that engines keep between calls, and sorting
 * them.  Never prints,
 * never exits.
 */
#ifndef TX_VEC_H
#define TX_VEC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Makes the array *p of *cap elements of size bytes hold at least need
 * elements, doubling its capacity (from 64) and updating *p and *cap.
 * Returns 0, or -1 when memory is exhausted (*p and *cap are unchanged).
 */
int txvec_grow(void **p, size_t *cap, size_t need, size_t size);

/* Sorts a[0..n) in ascending order (feature slots, as liblinear wants them). */
void txvec_sort_u32(uint32_t *a, size_t n);

#endif
