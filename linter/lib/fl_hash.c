/*
 * fl_hash.c - XXH3 behind fl_hash64 (see fl_hash.h).  xxHash is used in
 * its header-only form so the binary does not load one more shared
 * library at start-up (a pre-send hook pays for every one).
 */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "fl_hash.h"

uint64_t fl_hash64(const void *data, size_t len, uint64_t seed)
{
	return (uint64_t)XXH3_64bits_withSeed(data, len, (XXH64_hash_t)seed);
}
