/*
 * fl_lint.h - the lint context rule kinds run in, and how they report.
 *
 * A context lives for one lint of one source: the text model, the
 * thread's PCRE2 scratch, the (lazily loaded) speller, the findings so far
 * and an arena for their strings.  Kinds read the text through the scope
 * helpers and report through fl_emit().
 */
#ifndef FL_LINT_H
#define FL_LINT_H

#include "fl_base.h"
#include "fl_pattern.h"
#include "fl_rule.h"
#include "fl_text.h"

typedef struct fl_speller fl_speller; /* fl_speller.h */

/* A finding under construction (strings are copied by fl_emit). */
typedef struct fl_emit_args {
	size_t start, end;        /* byte span in the text (end may equal start) */
	const char *message;      /* already formatted; NULL: the rule's message with %s = match */
	const char *const *suggestions;
	size_t n_suggestions;
	bool whole_note;          /* about the whole note (something missing) */
	bool absolute;            /* start/end are offsets in the input (e-mail headers), not the model */
} fl_emit_args;

struct fl_lintctx {
	const fl_text *text;
	fl_matcher *matcher;
	fl_arena *arena;              /* per-lint scratch, freed when the lint ends */
	fl_note_kind note_kind;
	bool note_kind_told;          /* true when told from the text, false when set */
	/* Spelling: loaded on first use by fl_lint_speller(). */
	void *linter;                 /* the owning fulint_linter */
	/* Findings collected so far (see fl_lint.c). */
	void *findings;
	const char *const *accept;    /* vocab.accept */
	size_t n_accept;
	const char *const *reject;    /* vocab.reject */
	size_t n_reject;
	fulint_error *err;            /* where fatal errors (dictionary) go */
	/* E-mail input (is_email false for a plain draft). */
	bool is_email;
	const char *email_subject;    /* decoded Subject, NULL when there is none */
	bool email_subject_in_file;   /* its bytes are at email_subject_offset in the input */
	size_t email_subject_offset;  /* absolute offset in the input */
	const char *const *recipients; /* To/Cc display names */
	size_t n_recipients;
	/*
	 * Split lints (fl_lint.c, "splitting"): when `chunked`, the rule runs on
	 * the part [chunk_start, chunk_end) of the text only, and
	 * fl_scope_segments returns its segments cut to that part.  (Each
	 * thread has its own speller; fl_speller serialises Hunspell's loading.)
	 */
	bool chunked;
	size_t chunk_start, chunk_end;
};

/*
 * Report one finding of rule `r`.  Messages with "%s" get the matched text
 * (for substitution: suggestion then match, as Vale does) unless
 * args->message is given.  Honours the rule's `limit`.  Returns 0 or
 * FULINT_ERR_NOMEM.
 */
int fl_emit(fl_lintctx *ctx, const fl_rule *r, const fl_emit_args *args);

/* Report a fulint.RuleLimit finding for rule `r` at [start, end). */
int fl_emit_limit(fl_lintctx *ctx, const fl_rule *r, size_t start, size_t end);

/*
 * Format `fmt`, replacing each "%s" in turn with args[i] (missing ones with
 * ""), "%%" with "%"; allocated in the context's arena.
 */
const char *fl_format_message(fl_lintctx *ctx, const char *fmt, const char *const *args, size_t n_args);

/* A segment the rule runs on: a span of ctx->text->lint. */
typedef struct fl_segment {
	size_t start, end;
} fl_segment;

/*
 * The segments of rule `r`'s scope, in order (allocated in the arena).
 * `text` gives the lintable text as one segment (the body...end of the
 * closing, quoted text and signature masked), `sentence` each sentence,
 * `paragraph` each paragraph, `raw` the whole input, the part scopes the
 * span of that part (none when absent).  In a chunked context only the
 * segments that overlap the chunk are given, cut to it.
 */
int fl_scope_segments(fl_lintctx *ctx, const fl_rule *r, fl_segment **out, size_t *n);

/* The subject string to match against: the masked text (or the raw source for scope raw). */
const char *fl_scope_subject(const fl_lintctx *ctx, const fl_rule *r);

/* Where a whole-note finding points: the start of the body (or of the text). */
size_t fl_lint_body_anchor(const fl_lintctx *ctx);

/*
 * The speller for this lint, loaded on first call.  Returns NULL and sets
 * ctx->err (FULINT_ERR_DICT) when the dictionary cannot be loaded.
 */
fl_speller *fl_lint_speller(fl_lintctx *ctx);

/* True when a word is in vocab.accept (case-sensitive) / vocab.reject. */
bool fl_lint_accepts(const fl_lintctx *ctx, const char *w, size_t len);
bool fl_lint_rejects(const fl_lintctx *ctx, const char *w, size_t len);

/*
 * Tuning of the split of large texts (see fl_lint.c): texts of at least
 * `min_len` bytes are cut into chunks of about `chunk_size` bytes when the
 * linter may use more than one thread.  0 keeps the default.  For tests:
 * small values exercise the split path on small drafts.
 */
void fl_lint_set_split(fulint_linter *l, size_t min_len, size_t chunk_size);

#endif /* FL_LINT_H */
