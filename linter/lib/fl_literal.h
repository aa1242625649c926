/*
 * fl_literal.h - a literal prefilter for rule patterns: the strings one of
 * which every match of a regex must contain, and an index that finds them
 * all in a text in one pass.
 *
 * Why: most rules find nothing in most notes.  PCRE2 (interpreted for a
 * short note, where JIT compilation would cost more than it saves) tries a
 * large alternation at every word start; a single pass of the index over
 * the note tells which patterns cannot match at all, and where the others
 * can, so fl_pattern skips PCRE2 for a subject that holds none of a
 * pattern's required strings.
 *
 * Soundness is the whole contract: fl_literal_extract may return "no
 * requirement" whenever it is unsure (it gives up on backreferences,
 * recursion, conditionals, (*ACCEPT), unknown escapes, ...), but every
 * string set it returns must be contained in every possible match.  It
 * reasons only about characters a match consumes (lookarounds add
 * nothing), folds ASCII case (so it holds for caseless patterns and (?i)),
 * and treats every non-ASCII character as unknown (Unicode case folding
 * maps some non-ASCII characters to ASCII letters: the Kelvin sign to k,
 * long s to s; fl_litindex_scan refuses texts holding those two).
 *
 * What it is not: a regex engine.  A hit only means "PCRE2 may match here".
 */
#ifndef FL_LITERAL_H
#define FL_LITERAL_H

#include "fl_base.h"

/* Shortest required string worth indexing (shorter ones hit everywhere). */
#define FL_LIT_MIN 3
/* Most strings one requirement may have, and their longest length. */
#define FL_LIT_MAX_STRINGS 256
#define FL_LIT_MAX_LEN 48

/* A requirement: n lower-case ASCII strings (n == 0: none, always run). */
typedef struct fl_litset {
	char **v;
	size_t n;
} fl_litset;

/*
 * Work out the requirement of `re` (PCRE2 syntax, as fl_pattern compiles
 * it).  Returns 0 (out->n may be 0: no usable requirement) or
 * FULINT_ERR_NOMEM.  Strings shorter than FL_LIT_MIN make the requirement
 * unusable (n == 0).
 */
int fl_literal_extract(const char *re, fl_litset *out);
void fl_litset_dispose(fl_litset *s);

/* Compact form for the blob cache: "n\0s1\0s2\0..." (n as decimal). */
int fl_litset_encode(const fl_litset *s, fl_buf *out);
int fl_litset_decode(fl_litset *s, const char *data, size_t len);

/* ---- the index ---- */

typedef struct fl_litindex fl_litindex;

/* Where one pattern's strings occur in the scanned text (sorted by start). */
typedef struct fl_lithits {
	uint32_t *start, *end;
	size_t n, cap;
} fl_lithits;

/*
 * Build an index over requirement sets sets[0..n) (pattern ids are their
 * positions; empty sets are skipped).  FULINT_ERR_NOMEM or 0.
 */
int fl_litindex_new(fl_litindex **out, const fl_litset *sets, size_t n);
void fl_litindex_free(fl_litindex *ix);
size_t fl_litindex_count(const fl_litindex *ix);

/*
 * Scan text[0..len) once and fill hits[0..count) (one per pattern id;
 * reset first).  Returns 1 when the hits are usable, 0 when the text cannot
 * be prefiltered (too long for 32-bit offsets, or it holds U+017F or
 * U+212A), FULINT_ERR_NOMEM on failure.
 */
int fl_litindex_scan(const fl_litindex *ix, const char *text, size_t len, fl_lithits *hits);
void fl_lithits_dispose(fl_lithits *h, size_t count);

/*
 * True when some hit of `h` lies wholly inside [from, to): the only case in
 * which a match inside that range is possible.
 */
bool fl_lithits_any(const fl_lithits *h, size_t from, size_t to);

#endif /* FL_LITERAL_H */
