/*
 * fl_chunk.h - splitting one large text into chunks that can be linted on
 * several threads, and the test that tells which rule patterns may run on
 * a chunk instead of on the whole text.
 *
 * What it is not: it runs nothing (fl_lint.c plans and runs the chunks) and
 * it never looks at the number of threads: the chunks of a text depend on
 * the text and the target size only, so every thread count gives the same
 * chunks and the same findings.
 *
 * Invariants of a split (fl_chunk_split):
 *  - bounds[0] == 0, bounds[n] == len, strictly increasing;
 *  - every inner bound b is the start of a line that follows a blank line:
 *    s[b - 1] == '\n' and the line that this '\n' ends holds only spaces,
 *    tabs and '\r' (and is preceded by a '\n' itself).  Paragraphs,
 *    sentences and words never cross a blank line, so none crosses a bound;
 *  - a text without a blank line after `target` bytes is one chunk (it is
 *    never cut inside a paragraph or at a plain line end).
 */
#ifndef FL_CHUNK_H
#define FL_CHUNK_H

#include "fl_base.h"

/*
 * Split s[0..len) into chunks of at least `target` bytes (the last one may
 * be smaller), each ending just after a blank line.  On success *bounds
 * (free() it) holds *n_chunks + 1 offsets as described above.  Returns 0
 * or FULINT_ERR_NOMEM.  `target` 0 is taken as 1.
 */
int fl_chunk_split(const char *s, size_t len, size_t target, size_t **bounds, size_t *n_chunks);

/* True when offset `b` of s[0..len) is a valid inner bound (see above). */
bool fl_chunk_is_bound(const char *s, size_t len, size_t b);

/*
 * True when the regex `re` (a rule's token, key or exception, as written)
 * provably can neither consume a line feed nor test one: no \s, \n, \v,
 * \R, \W, \D, \H, \X, \C, \P, no class that can hold a line feed, no
 * literal line break, no \A, \G, \Z, \z, no (?s), (?x), (?-m), (?^), no
 * backtracking-control verbs, and \p only for letter, mark, number,
 * punctuation, symbol and separator classes and a few emoji properties.
 * Such a pattern finds, from a chunk that starts at a line start, exactly
 * the matches the whole-text scan finds in that chunk.  False means "not
 * proven", not "wrong".
 */
bool fl_chunk_re_line_local(const char *re);

#endif /* FL_CHUNK_H */
