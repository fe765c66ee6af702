#include "hash.h"

#define K0 0x9E3779B97F4A7C15ULL
#define K1 0xBF58476D1CE4E5B9ULL
#define K2 0x94D049BB133111EBULL

/* Little-endian on every host; compilers make this one load on x86. */
static uint64_t
load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	    (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* splitmix64's finalizer: every input bit reaches every output bit. */
static uint64_t
mix(uint64_t x)
{
	x = (x ^ (x >> 30)) * K1;
	x = (x ^ (x >> 27)) * K2;
	return x ^ (x >> 31);
}

uint64_t
txhash(const void *s, size_t n, uint64_t seed)
{
	const unsigned char *p = s;
	uint64_t h = seed ^ (n * K0), tail = 0;
	size_t i;

	for (; n >= 8; n -= 8, p += 8)
		h = mix(h ^ load64(p)) + K0;
	for (i = 0; i < n; i++)
		tail |= (uint64_t)p[i] << (8 * i);
	return mix(h ^ tail ^ ((uint64_t)n << 59));
}

uint32_t
txhash_feature(unsigned tmpl, const void *s, size_t n, unsigned bits)
{
	uint64_t h = txhash(s, n, mix((uint64_t)tmpl + K0));

	return (uint32_t)(h >> (64 - bits));
}
