/*
 * fl_hash.h - the one non-cryptographic hash fulint uses: XXH3 (64-bit)
 * from the xxHash library (Debian's libxxhash-dev, header-only here).
 *
 * Used for checksums of the cache files (a flipped byte is caught) and for
 * hash-table buckets; never for anything an attacker could exploit beyond
 * slowing a table down (inputs are capped everywhere).
 */
#ifndef FL_HASH_H
#define FL_HASH_H

#include <stddef.h>
#include <stdint.h>

/* XXH3-64 of data[0..len) with `seed` (chain calls by passing the last result). */
uint64_t fl_hash64(const void *data, size_t len, uint64_t seed);

#endif /* FL_HASH_H */
