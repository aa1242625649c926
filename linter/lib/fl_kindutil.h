/*
 * fl_kindutil.h - helpers the rule kinds (rule_<kind>.c) share, so that
 * each kind file holds only its own semantics and kinds never include each
 * other.
 *
 * What it is:
 *  - a regex builder that remembers which rule-file string each piece of a
 *    combined pattern came from, so a bad regex is reported at the
 *    line:column of that string ("bad regex in 'tokens' at offset 4: ...");
 *  - Vale's `exceptions` (a word-bounded alternation searched inside the
 *    matched text, multi-word exceptions that cover the match, and the
 *    vocabulary's accepted words);
 *  - Vale's `action` (replace, remove, edit, ...) turned into suggestions;
 *  - small text helpers: case mapping, trimming, Vale's ToSentence, the
 *    "a|b" option split, number formatting for messages.
 *
 * What it is not: a rule kind.  It never emits findings itself.
 *
 * Invariants: everything compiled here is read-only after the rule's
 * compile step; per-lint strings go to the lint arena.
 */
#ifndef FL_KINDUTIL_H
#define FL_KINDUTIL_H

#include "fl_lint.h"
#include "fl_pattern.h"
#include "fl_rule.h"

/* ---- building patterns from rule strings ---- */

typedef struct fl_ku_piece {
	const char *key;      /* rule key the piece came from ("tokens") */
	unsigned line, column;
	size_t off, len;      /* where it sits in the combined pattern */
} fl_ku_piece;

typedef struct fl_ku_re {
	fl_buf b;
	fl_ku_piece *v;
	size_t n, cap;
} fl_ku_re;
#define FL_KU_RE_INIT { FL_BUF_INIT, NULL, 0, 0 }

/* Append template text that comes from no rule string. */
int fl_ku_re_text(fl_ku_re *re, const char *s);
/* Append `text` (NULL: src->s), remembering it came from `src` under `key`. */
int fl_ku_re_piece(fl_ku_re *re, const char *key, const fl_str *src, const char *text);
/*
 * Compile the combined pattern.  On a syntax error the offset is mapped
 * back to the piece holding it and reported as FULINT_ERR_RULE at that
 * piece's position in r->def.path.
 */
int fl_ku_re_compile(fl_ku_re *re, fl_pattern **out, unsigned flags, const fl_rule *r,
                     fulint_error *err);
void fl_ku_re_dispose(fl_ku_re *re);

/*
 * Compile one rule string `text` (NULL: at->s) on its own; errors are
 * reported at `at` under `key`.  With out == NULL the pattern is only
 * checked (compiled without JIT and freed).
 */
int fl_ku_compile(fl_pattern **out, const char *text, unsigned flags, const fl_rule *r, const char *key,
                  const fl_str *at, fulint_error *err);

/* ---- exceptions ---- */

typedef struct fl_ku_except {
	fl_pattern *re;     /* \b(?:e1|e2|...)\b, longest first; NULL when none */
	fl_pattern *phrase; /* (?i)\b(?:multi word|...)\b; NULL when none */
	bool vocab;         /* also skip matches that are vocab.accept words */
} fl_ku_except;

/*
 * Compile r->def.exceptions as Vale does: each term case-sensitive unless
 * it starts with (?i), sorted longest first, joined into one word-bounded
 * alternation; terms with white space also make the phrase pattern.
 * `vocab` says whether the vocabulary's accepted words count too (Vale's
 * `vocab` key, true unless the rule says false, and never for nonword
 * existence rules).
 */
int fl_ku_except_init(fl_ku_except *ex, const fl_rule *r, bool vocab, fulint_error *err);
void fl_ku_except_dispose(fl_ku_except *ex);

/*
 * True when `obs` (a match, already trimmed) is excepted: the exception
 * pattern occurs in it (Vale's isMatch), or vocab applies and it is an
 * accepted word.  A regex limit while checking counts as "not excepted".
 */
bool fl_ku_excepted(const fl_ku_except *ex, fl_lintctx *ctx, const char *obs, size_t len);

/* Multi-word exception spans of one segment, found on first need. */
typedef struct fl_ku_phrases {
	fl_span *v;
	size_t n, cap;
	bool done;
} fl_ku_phrases;

/*
 * True when [ms, me) (offsets into seg[0..seglen)) lies inside a match of
 * the phrase pattern.  `cache` must be reset (fl_ku_phrases_reset) when the
 * segment changes and disposed at the end.
 */
bool fl_ku_within_phrase(const fl_ku_except *ex, fl_lintctx *ctx, fl_ku_phrases *cache, const char *seg,
                         size_t seglen, size_t ms, size_t me);
void fl_ku_phrases_reset(fl_ku_phrases *c);
void fl_ku_phrases_dispose(fl_ku_phrases *c);

/* ---- actions ---- */

enum { FL_ACT_NONE = 0, FL_ACT_REPLACE, FL_ACT_REMOVE, FL_ACT_EDIT, FL_ACT_SUGGEST, FL_ACT_CONVERT };

typedef struct fl_ku_action {
	int kind;
	fl_pattern *re; /* edit regex */
} fl_ku_action;

/* Read r->def.action_*; an `edit: regex` pattern is compiled (errors at its param). */
int fl_ku_action_init(fl_ku_action *a, const fl_rule *r, fulint_error *err);
void fl_ku_action_dispose(fl_ku_action *a);

/*
 * The fixes Vale's action gives for `match`: replace -> its params, remove
 * -> "", edit -> the edited match (regex, trim, trim_left, trim_right,
 * truncate, split), convert -> the match.  suggest (scripts, spellings)
 * gives none here.  *out is allocated in the lint arena.
 */
int fl_ku_action_fixes(const fl_ku_action *a, const fl_rule *r, fl_lintctx *ctx, const char *match,
                       size_t len, const char ***out, size_t *n);

/* ---- text helpers ---- */

uint32_t fl_ku_lower_cp(uint32_t cp);
uint32_t fl_ku_upper_cp(uint32_t cp);
/* Append s[0..len) to b lower-cased (upper == false) or upper-cased. */
int fl_ku_case(fl_buf *b, const char *s, size_t len, bool upper);
/* True when s equals its lower-cased (upper-cased) form. */
bool fl_ku_is_cased(const char *s, size_t len, bool upper);
/* Case-insensitive equality (simple case folding of the common scripts). */
bool fl_ku_fold_eq(const char *a, size_t alen, const char *b, size_t blen);
/* `s` with its first character upper-cased (Vale's CapFirst), in the arena. */
const char *fl_ku_cap_first(fl_lintctx *ctx, const char *s, size_t len);

/* Shrink [*start, *end) of s past white space at both ends. */
void fl_ku_trim(const char *s, size_t *start, size_t *end);
/* True when s holds no regex metacharacter (Vale's IsPhrase: a plain phrase). */
bool fl_ku_is_plain(const char *s);

/*
 * Split "a|b|c" at unescaped bars (`\|` is a literal bar), dropping empty
 * options, into arena strings.
 */
int fl_ku_options(fl_lintctx *ctx, const char *s, const char ***out, size_t *n);
/* Vale's ToSentence: 'a' / 'a' or 'b' / 'a', 'b', or 'c' (arena). */
const char *fl_ku_to_sentence(fl_lintctx *ctx, const char *const *items, size_t n, const char *word);

/* A value for a message: integral values without decimals ("240"), others "%.2f". */
void fl_ku_format_value(char *buf, size_t cap, double v);
/* A limit for a message: integral values without decimals, others as "%g". */
void fl_ku_format_limit(char *buf, size_t cap, double v);

/* True when the rule's scope covers the whole note (text, body, raw). */
bool fl_ku_whole_note(const fl_rule *r);

/*
 * Where a finding about a whole segment points: the body's start when
 * `whole` (something about the note), else the segment's first character
 * past white space.  Sets a->start, a->end and a->whole_note.
 */
void fl_ku_anchor(fl_lintctx *ctx, const fl_rule *r, const fl_segment *seg, bool whole, fl_emit_args *a);

/*
 * Format the rule's message with args ("%s" in turn); NULL only when out of
 * memory.  A rule without a message gets "".
 */
const char *fl_ku_message(fl_lintctx *ctx, const fl_rule *r, const char *const *args, size_t n);

#endif /* FL_KINDUTIL_H */
