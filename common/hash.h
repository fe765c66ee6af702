/*
 * hash: the suite's one hash function, for hash tables, feature hashing
 * and model checksums.  The value depends only on the bytes and the seed,
 * never on the host: a feature hashed by a trainer on one machine lands
 * in the same slot on another.
 */
#ifndef TX_HASH_H
#define TX_HASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * A 64-bit hash of s[0..n) (any bytes), started from seed; chaining, as
 * txhash(b, nb, txhash(a, na, 0)), hashes a sequence of pieces.  Reads
 * eight bytes at a time.  Not for adversaries: a table keyed by it must
 * still bound its probe chains.
 */
uint64_t txhash(const void *s, size_t n, uint64_t seed);

/*
 * Feature hashing: the slot, below 2^bits (bits 1 to 32), of the feature
 * named by s[0..n) within the template numbered tmpl, so that equal
 * strings of different templates fall apart.
 */
uint32_t txhash_feature(unsigned tmpl, const void *s, size_t n,
    unsigned bits);

#endif
