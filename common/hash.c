#include "hash.h"

uint32_t
txhash_feature(unsigned tmpl, const void *s, size_t n, unsigned bits)
{
	uint64_t h = txhash(s, n, txhash_mix_((uint64_t)tmpl + TXHASH_K0));

	return (uint32_t)(h >> (64 - bits));
}
