/*
 * fl_rerank.h - ordering spelling suggestions, and proposing the near
 * words Hunspell's list may miss.
 *
 * What it is: a scorer for (misspelling, candidate) pairs built from a
 * weighted edit distance (transpositions, doubled letters, vowel swaps,
 * QWERTY neighbours, sound-alike letters, apostrophes, case), a word
 * frequency prior (the commonest English words, from SCOWL's size-10 and
 * size-20 lists) and the rank Hunspell gave.  What it is not: a speller.
 * It never decides whether a word is right; candidates come from Hunspell
 * and from one-edit variants the caller's `accepts` confirms.
 *
 * Pure functions over UTF-8 strings; no state, thread-safe.
 */
#ifndef FL_RERANK_H
#define FL_RERANK_H

#include "fl_base.h"

/* Most candidates fl_rerank_edits adds. */
#define FL_RERANK_MAX_EDITS 64

/* Does the dictionary accept word[0..len)?  (The speller's fast check.) */
typedef bool (*fl_rerank_accept_fn)(void *payload, const char *word, size_t len);

/*
 * Append to `cands` the words one edit away from word[0..len) (a letter
 * deleted, inserted or replaced, two neighbours swapped, an apostrophe
 * inserted) that `accepts` says are words and that `cands` does not hold
 * yet, at most FL_RERANK_MAX_EDITS of them.  Generated letters are ASCII
 * a-z; words longer than 48 bytes get nothing.  Returns 0 or
 * FULINT_ERR_NOMEM.
 */
int fl_rerank_edits(const char *word, size_t len, fl_rerank_accept_fn accepts, void *payload,
                    fl_strlist *cands);

/*
 * Sort cands[0..n) best first as corrections of word[0..len).  The first
 * `n_hunspell` entries are Hunspell's suggestions in Hunspell's order; the
 * rest were added by fl_rerank_edits.  Ties keep the given order.  Returns
 * the best score (lower is better; see fl_rerank.c), or a huge value when
 * n == 0 or out of memory.
 */
double fl_rerank(const char *word, size_t len, fl_str *cands, size_t n, size_t n_hunspell);

/*
 * The cost of turning `typo` into `word` (lower is closer), as used by
 * fl_rerank.  Exposed for tests and the benchmark.
 */
double fl_rerank_distance(const char *typo, size_t tlen, const char *word, size_t wlen);

/* 1 for the commonest words, 2 for common ones, 0 when not in the lists (case-insensitive for ASCII). */
int fl_rerank_frequency_tier(const char *word, size_t len);

#endif /* FL_RERANK_H */
