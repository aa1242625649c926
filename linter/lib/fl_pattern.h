/*
 * fl_pattern.h - regular expressions for rules: the only module that
 * includes <pcre2.h>.
 *
 * Patterns are compiled once with UTF, UCP and MATCH_INVALID_UTF (so one bad
 * byte never makes every match fail), JIT-compiled when the platform allows,
 * and shared read-only between threads.  An fl_matcher holds one thread's
 * scratch (match data, match context with limits, JIT stack).
 *
 * Compiled-code cache: while a blob cache is current on this thread
 * (fl_blobcache_set_current; fulint_ruleset_new does it), compiled code is
 * taken from it (PCRE2's own serialisation, keyed by the pattern text and
 * its options) instead of being recompiled, and new code is added to it.
 * JIT code cannot be serialised; it is always compiled afresh.
 *
 * Limits: every match runs under a match limit, a depth limit and a heap
 * limit; hitting one returns FL_MATCH_LIMIT, which callers turn into a
 * fulint.RuleLimit finding.  Linting goes on.
 */
#ifndef FL_PATTERN_H
#define FL_PATTERN_H

#include "fl_base.h"

/* Compile flags. */
enum {
	FL_RE_CASELESS = 1u << 0,
	FL_RE_MULTILINE = 1u << 1,
	FL_RE_NO_JIT = 1u << 2
};

/* Returned by fl_pattern_find when a resource limit was hit. */
#define FL_MATCH_LIMIT (-100)
/* Maximum capture groups reported. */
#define FL_MAX_GROUPS 16

typedef struct fl_pattern fl_pattern;
typedef struct fl_matcher fl_matcher;
typedef struct fl_litindex fl_litindex;
typedef struct fl_litset fl_litset;

typedef struct fl_match {
	size_t start, end;             /* whole match, offsets into the subject */
	size_t n_groups;               /* groups captured, including group 0 */
	size_t gstart[FL_MAX_GROUPS];  /* SIZE_MAX when unset */
	size_t gend[FL_MAX_GROUPS];
	size_t last_group;             /* highest-numbered group that is set (0: none) */
	const char *mark;              /* (*MARK:name) of the matching branch, or NULL */
} fl_match;

/*
 * Compile `re`.  On a syntax error returns FULINT_ERR_RULE with a message
 * naming the offset in the pattern ("bad regex at offset 4: missing
 * closing parenthesis"); *err_offset (when not NULL) receives that offset.
 */
int fl_pattern_compile(fl_pattern **out, const char *re, unsigned flags, size_t *err_offset,
                       fulint_error *err);
/* Only check that `re` compiles (same errors as fl_pattern_compile). */
int fl_pattern_check(const char *re, unsigned flags, size_t *err_offset, fulint_error *err);
void fl_pattern_free(fl_pattern *p);
/* Number of capture groups in the pattern. */
unsigned fl_pattern_groups(const fl_pattern *p);

int fl_matcher_new(fl_matcher **out);
void fl_matcher_free(fl_matcher *m);

/*
 * Declare valid[0..len) valid UTF-8 (NULL: nothing).  Subjects wholly inside
 * it are matched without PCRE2's UTF check, which the interpreter otherwise
 * repeats over the rest of the subject at every call (quadratic when a rule
 * walks a long text match by match).  The caller guarantees validity and
 * that subjects and start offsets begin at character boundaries.
 */
void fl_matcher_trust(fl_matcher *m, const char *valid, size_t len);

/*
 * The literal prefilter (fl_literal.h).  While a registry is current on
 * this thread (fulint_ruleset_new sets one), fl_pattern_compile records
 * each pattern's required strings in it and numbers the pattern; the
 * ruleset builds one fl_litindex from the registry.
 */
typedef struct fl_pattern_lits {
	fl_litset *v; /* by pattern id */
	size_t n, cap;
} fl_pattern_lits;
fl_pattern_lits *fl_pattern_lits_set_current(fl_pattern_lits *r);
void fl_pattern_lits_dispose(fl_pattern_lits *r);

/*
 * Scan text[0..len) with `ix` (NULL: switch the prefilter off) and, until
 * the next call, skip PCRE2 for any subject inside that text that holds
 * none of a registered pattern's required strings: fl_pattern_find and
 * fl_pattern_next then answer "no match" at once.  The text must stay
 * alive and unchanged meanwhile.  Returns 0 or FULINT_ERR_NOMEM (then the
 * prefilter is off and matching is unaffected).
 */
int fl_matcher_prefilter(fl_matcher *m, const fl_litindex *ix, const char *text, size_t len);

/*
 * Find the next match of `p` in subject[0..len) starting at `start`
 * (lookbehind may see bytes before `start`).  Returns 1 and fills *out, 0
 * when there is none, FL_MATCH_LIMIT when a limit was hit, or
 * FULINT_ERR_NOMEM.
 */
int fl_pattern_find(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len, size_t start,
                    fl_match *out);

/*
 * Iterate over all non-overlapping matches: call with *pos = 0 first; each
 * call advances *pos past the match (by one character after an empty match,
 * as pcre2demo does).  Same returns as fl_pattern_find.
 */
int fl_pattern_next(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len, size_t *pos,
                    fl_match *out);

/* True when the whole of s[0..len) matches `p` (anchored at both ends). */
int fl_pattern_matches_all(fl_matcher *m, const fl_pattern *p, const char *s, size_t len);

/*
 * Escape regex metacharacters of s[0..len) into `b` (for building
 * alternations from literal words).
 */
int fl_pattern_quote(fl_buf *b, const char *s, size_t len);

#endif /* FL_PATTERN_H */
