/*
 * fl_spellcache.h - the spelling fast path: a compact, memory-mapped table
 * of words a Hunspell dictionary accepts, and the affix expander that
 * proposes the words to put in it.
 *
 * What it is: a file format (header, open-addressing hash table of offsets,
 * string pool), a builder that writes it atomically (temp file + rename),
 * a reader that maps it and verifies it before trusting one byte of it,
 * and fl_affix_expand, which walks a .dic through the .aff's PFX/SFX rules.
 *
 * What it is not: it never includes <hunspell.h> and never decides
 * correctness itself.  The expander only proposes candidates; fl_speller
 * keeps the ones Hunspell accepts (and the case forms Hunspell accepts),
 * so that the table's contract holds: every word it accepts, Hunspell
 * accepts.
 *
 * Invariants of an open table: magic, format version, size, the key (the
 * .aff/.dic sizes and mtimes and whatever else the caller hashes in) and a
 * checksum over everything after the checksum field were all verified at
 * open; the table is read-only and may be shared by threads.  Case folding
 * in lookups is ASCII-only (a word with another capital simply misses and
 * goes to Hunspell).
 */
#ifndef FL_SPELLCACHE_H
#define FL_SPELLCACHE_H

#include "fl_base.h"

/* Bump when the file layout, the hash or the meaning of an entry changes
 * (2: XXH3 replaced a hand-written hash). */
#define FL_SPELLCACHE_VERSION 2u
/* Longest word (bytes) the table stores; longer words go to Hunspell. */
#define FL_SPELLCACHE_MAX_WORD 64
/* Most words one table may hold (a cap, like every growable thing). */
#define FL_SPELLCACHE_MAX_WORDS ((size_t)4 << 20)

/* Entry flags: which forms of the stored word Hunspell accepts. */
enum {
	FL_SC_EXACT = 1u << 0, /* the word as stored */
	FL_SC_CAP = 1u << 1,   /* with its first letter upper-cased ("Receive") */
	FL_SC_UPPER = 1u << 2  /* all upper case ("RECEIVE") */
};

/* What the table was built from: a table whose key differs is stale. */
typedef struct fl_spellcache_key {
	uint64_t aff_size, aff_mtime_ns;
	uint64_t dic_size, dic_mtime_ns;
	uint64_t extra; /* caller's hash of anything else the table depends on */
} fl_spellcache_key;

/* Why fl_spellcache_open refused a file (for tests and diagnostics). */
typedef enum fl_sc_status {
	FL_SC_OK = 0,
	FL_SC_MISSING,  /* no file (or unreadable) */
	FL_SC_CORRUPT,  /* bad magic, size, layout or checksum */
	FL_SC_VERSION,  /* another format version */
	FL_SC_STALE     /* built from other dictionary files */
} fl_sc_status;

typedef struct fl_spellcache fl_spellcache;
typedef struct fl_spellcache_builder fl_spellcache_builder;

/*
 * A 64-bit hash (not cryptographic) of data[0..len), chained through
 * `seed`: callers use it to fold word lists or paths into a key.
 */
uint64_t fl_spellcache_hash(const void *data, size_t len, uint64_t seed);

/*
 * Map and verify the table at `path` against `key`.  Returns 0 and sets
 * *out, or FULINT_ERR_IO with *why (when not NULL) saying what was wrong;
 * nothing of a refused file is used.  Verification reads the whole file
 * (an XXH3 checksum), so a flipped byte anywhere is caught; once a table
 * has passed, "<path>.ok" records its device, inode, size, mtime, ctime
 * and checksum, and a later open of the same unchanged file (every write
 * changes the ctime, which users cannot set) skips the full read.
 */
int fl_spellcache_open(fl_spellcache **out, const char *path, const fl_spellcache_key *key,
                       fl_sc_status *why);
void fl_spellcache_close(fl_spellcache *c);

/* The flags stored for exactly word[0..len), or 0 when it is not in the table. */
unsigned fl_spellcache_lookup(const fl_spellcache *c, const char *word, size_t len);

/*
 * True when the table proves Hunspell accepts word[0..len): the word is
 * stored as is, or it is the capitalised / all-upper-case form (ASCII
 * letters) of a stored word whose entry says Hunspell accepts that form.
 * False means "ask Hunspell", not "misspelt".
 */
bool fl_spellcache_accepts(const fl_spellcache *c, const char *word, size_t len);

/* Number of words in the table. */
size_t fl_spellcache_count(const fl_spellcache *c);

/*
 * Walk the table in storage order: call `fn` once per entry with its word
 * (not NUL-terminated) and flags; a non-zero return stops the walk and is
 * returned.
 */
int fl_spellcache_foreach(const fl_spellcache *c,
                          int (*fn)(void *payload, const char *word, size_t len, unsigned flags),
                          void *payload);

/* ---- building ---- */

int fl_spellcache_builder_new(fl_spellcache_builder **out);
void fl_spellcache_builder_free(fl_spellcache_builder *b);

/*
 * Add word[0..len) (UTF-8) with `flags` (or them into an existing entry).
 * Words longer than FL_SPELLCACHE_MAX_WORD are ignored.  Returns 0,
 * FULINT_ERR_NOMEM, or FULINT_ERR_USAGE past FL_SPELLCACHE_MAX_WORDS.
 */
int fl_spellcache_builder_add(fl_spellcache_builder *b, const char *word, size_t len, unsigned flags);

/* Flags already recorded for word[0..len) (0 when absent). */
unsigned fl_spellcache_builder_lookup(const fl_spellcache_builder *b, const char *word, size_t len);

size_t fl_spellcache_builder_count(const fl_spellcache_builder *b);

/* fl_spellcache_accepts over the words added so far (same case rules). */
bool fl_spellcache_builder_accepts(const fl_spellcache_builder *b, const char *word, size_t len);

/* Walk the words added so far, in insertion order (as fl_spellcache_foreach). */
int fl_spellcache_builder_foreach(const fl_spellcache_builder *b,
                                  int (*fn)(void *payload, const char *word, size_t len,
                                            unsigned flags),
                                  void *payload);

/*
 * Write the table to `path` atomically: a temporary file in the same
 * folder, fsync'd, then renamed over `path`, so a reader never sees half a
 * table.  Returns 0 or FULINT_ERR_IO / FULINT_ERR_NOMEM (details in err).
 */
int fl_spellcache_builder_write(const fl_spellcache_builder *b, const char *path,
                                const fl_spellcache_key *key, fulint_error *err);

/* ---- affix expansion ---- */

/*
 * Called once per candidate, in the dictionary's own encoding (see
 * fl_affix_expand); not NUL-terminated.  A non-zero return stops the walk.
 */
typedef int (*fl_affix_fn)(void *payload, const char *word, size_t len);

/*
 * Propose the words of the Hunspell dictionary `dic_path` expanded with the
 * PFX/SFX rules of `aff_path`: every stem, stem+suffix (and one level of
 * continuation suffixes), prefix+stem, and prefix+stem+suffix where both
 * allow cross products.  Flag formats char, long, num and UTF-8 and AF
 * aliases are understood; compounding is not (compounds just go to
 * Hunspell at lint time).  Candidates may repeat and may be words Hunspell
 * rejects (NEEDAFFIX, FORBIDDENWORD, ...): the caller filters them.
 * `*utf8` (when not NULL) is set to whether the .aff says SET UTF-8.
 * Returns 0, FULINT_ERR_IO, FULINT_ERR_NOMEM or the callback's return.
 */
int fl_affix_expand(const char *aff_path, const char *dic_path, fl_affix_fn fn, void *payload,
                    bool *utf8, fulint_error *err);

#endif /* FL_SPELLCACHE_H */
