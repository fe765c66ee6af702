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

#define TXHASH_K0 0x9E3779B97F4A7C15ULL
#define TXHASH_K1 0xBF58476D1CE4E5B9ULL
#define TXHASH_K2 0x94D049BB133111EBULL

/* Little-endian on every host; compilers make this one load on x86. */
static inline uint64_t
txhash_load64_(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	    (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* splitmix64's finalizer: every input bit reaches every output bit. */
static inline uint64_t
txhash_mix_(uint64_t x)
{
	x = (x ^ (x >> 30)) * TXHASH_K1;
	x = (x ^ (x >> 27)) * TXHASH_K2;
	return x ^ (x >> 31);
}

/*
 * txhash in three steps, for a caller that makes the bytes as it goes
 * (lowering them, say): start with the total length, one block for each
 * eight bytes (little-endian), then the last n % 8 bytes as one word.
 */
static inline uint64_t
txhash_start(size_t n, uint64_t seed)
{
	return seed ^ (n * TXHASH_K0);
}

static inline uint64_t
txhash_block(uint64_t h, uint64_t block)
{
	return txhash_mix_(h ^ block) + TXHASH_K0;
}

static inline uint64_t
txhash_end(uint64_t h, uint64_t tail, size_t ntail)
{
	return txhash_mix_(h ^ tail ^ ((uint64_t)ntail << 59));
}

/*
 * A 64-bit hash of s[0..n) (any bytes), started from seed; chaining, as
 * txhash(b, nb, txhash(a, na, 0)), hashes a sequence of pieces.  Reads
 * eight bytes at a time.  Not for adversaries: a table keyed by it must
 * still bound its probe chains.  Inline, as it keys the hot tables.
 */
static inline uint64_t
txhash(const void *s, size_t n, uint64_t seed)
{
	const unsigned char *p = s;
	uint64_t h = txhash_start(n, seed), tail = 0;
	size_t i;

	for (; n >= 8; n -= 8, p += 8)
		h = txhash_block(h, txhash_load64_(p));
	for (i = 0; i < n; i++)
		tail |= (uint64_t)p[i] << (8 * i);
	return txhash_end(h, tail, n);
}

/*
 * txhash's long-input form: four chains over the words of each 32 bytes,
 * which a CPU runs side by side, joined by txhash over the rest.  About
 * three times txhash's speed on long input, and a different value.  For
 * checksums of model files, not for table keys.
 */
static inline uint64_t
txhash_wide(const void *s, size_t n, uint64_t seed)
{
	const unsigned char *p = s;
	uint64_t h0 = txhash_start(n, seed), h1 = txhash_start(n, seed + TXHASH_K0),
	    h2 = txhash_start(n, seed + TXHASH_K1), h3 = txhash_start(n, seed + TXHASH_K2);

	for (; n >= 32; n -= 32, p += 32) {
		h0 = txhash_block(h0, txhash_load64_(p));
		h1 = txhash_block(h1, txhash_load64_(p + 8));
		h2 = txhash_block(h2, txhash_load64_(p + 16));
		h3 = txhash_block(h3, txhash_load64_(p + 24));
	}
	return txhash(p, n, txhash_mix_(h0 + txhash_mix_(h1 + txhash_mix_(h2 +
	    txhash_mix_(h3)))));
}

/*
 * Feature hashing: the slot, below 2^bits (bits 1 to 32), of the feature
 * named by s[0..n) within the template numbered tmpl, so that equal
 * strings of different templates fall apart.
 */
uint32_t txhash_feature(unsigned tmpl, const void *s, size_t n,
    unsigned bits);

#endif
