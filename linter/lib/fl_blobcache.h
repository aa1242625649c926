/*
 * fl_blobcache.h - a content-addressed cache of derived data, kept in one
 * memory-mapped file under the cache folder ($XDG_CACHE_HOME/fulint).
 *
 * What it is: a map from (kind, key bytes) to value bytes, where the key is
 * the whole input the value was derived from (a rule file's YAML text, a
 * regex and its compile flags) and the value is what fulint would
 * otherwise recompute on every run (the parsed YAML tree, PCRE2's
 * serialised compiled pattern).  Because the key is the input itself,
 * compared byte for byte, an entry can never be stale: an edited rule file
 * is simply another key.
 *
 * Trust: the file is mapped read-only; its header and the bounds of every
 * entry are checked at open, and each entry carries an XXH3 checksum over
 * its kind, lengths, key and value that is verified before the value is
 * first handed out.  A file that fails any check is dropped as a whole (no
 * entry of it is used) and rewritten at close.  Consumers still validate
 * what they decode (fl_yaml_decode checks every bound; PCRE2 checks its
 * own serialisation header), so a valid-checksum file written by another
 * build cannot make them read out of bounds.
 *
 * Writing: new entries are kept in memory and written at close, together
 * with the entries used in this run and, up to FL_BLOBCACHE_MAX_BYTES,
 * the others, into a new file that replaces the old one atomically.  Two
 * processes racing simply both replace it; readers see one file or the
 * other.  Failing to write is not an error: the cache is an optimisation.
 *
 * Threads: one fl_blobcache belongs to one thread (fulint_ruleset_new
 * opens one, uses it while it builds the ruleset, and closes it).
 * fl_blobcache_set_current makes it visible to code deep in the rule
 * compilers (fl_pattern_compile, fl_yaml_parse) without threading a
 * parameter through every kind; the setting is thread-local.
 */
#ifndef FL_BLOBCACHE_H
#define FL_BLOBCACHE_H

#include "fl_base.h"

/* Bump when the file layout changes. */
#define FL_BLOBCACHE_VERSION 1u
/* Largest cache file written (older, unused entries are dropped first). */
#define FL_BLOBCACHE_MAX_BYTES ((size_t)16 << 20)

/* What an entry holds (part of its identity). */
enum {
	FL_BLOB_YAML = 1,    /* key: YAML text; value: fl_yaml_encode tree */
	FL_BLOB_PATTERN = 2, /* key: flags + regex; value: pcre2_serialize_encode bytes */
	FL_BLOB_LITERALS = 3 /* key: as FL_BLOB_PATTERN; value: fl_litset_encode */
};

typedef struct fl_blobcache fl_blobcache;

/* Why the existing file was not used (for tests and diagnostics). */
typedef enum fl_blob_status {
	FL_BLOB_OK = 0,
	FL_BLOB_MISSING, /* no file, or unreadable */
	FL_BLOB_CORRUPT, /* bad header, bounds or checksum */
	FL_BLOB_VERSION  /* another format version */
} fl_blob_status;

/*
 * Open the cache file `name` in folder `dir`.  Returns NULL only when
 * `dir` is NULL/empty (no caching) or memory runs out; a missing, corrupt
 * or foreign file gives an empty cache (it will be rewritten).
 */
fl_blobcache *fl_blobcache_open(const char *dir, const char *name);

/*
 * The value stored for (kind, key[0..key_len)), or NULL.  The pointer is
 * valid until fl_blobcache_close.  A checksum failure here drops the whole
 * file (NULL is returned now and for every later lookup).
 */
const void *fl_blobcache_get(fl_blobcache *c, unsigned kind, const void *key, size_t key_len,
                             size_t *val_len);

/*
 * Remember a new entry (copied); written at close.  An entry with the same
 * kind and key but another value is replaced (its consumer could not use
 * it).  FULINT_ERR_NOMEM or 0.
 */
int fl_blobcache_put(fl_blobcache *c, unsigned kind, const void *key, size_t key_len, const void *val,
                     size_t val_len);

/* What happened to the file at open (FL_BLOB_OK when it was used). */
fl_blob_status fl_blobcache_status(const fl_blobcache *c);

/* Write the file when something changed, then free everything.  NULL: no-op. */
void fl_blobcache_close(fl_blobcache *c);

/* This thread's current cache (NULL: none) and a setter returning the previous one. */
fl_blobcache *fl_blobcache_current(void);
fl_blobcache *fl_blobcache_set_current(fl_blobcache *c);

#endif /* FL_BLOBCACHE_H */
