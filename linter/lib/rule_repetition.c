/*
 * rule_repetition.c - Vale's `repetition` extension point: a token that
 * comes twice in a row ("the the").
 *
 * Semantics (vale.sh/docs/checks/repetition and Vale's repetition.go):
 *  - `tokens` are joined into one pattern `(t1|t2|...)`, caseless with
 *    `ignorecase`; the text is scanned match after match and a match that
 *    equals the one before it (white space trimmed; compared without case
 *    under `ignorecase`) is a repeat;
 *  - with `alpha: true` only repeats made of letters count;
 *  - `max` (default 0) is how many repeats are tolerated before one is
 *    reported; after a report the count starts again;
 *  - a repeat that spans two sentences ("...about that. That is...") is
 *    not reported;
 *  - the finding covers both occurrences (from the first to the second);
 *    `exceptions` (and multi-word exceptions, and vocab) are checked
 *    against that text;
 *  - the message's %s is the repeated token; an `action` (Vale's own
 *    Repetition rule uses edit/truncate " ") gives the suggestion.
 */
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

typedef struct repetition {
	fl_pattern *re;
	fl_pattern *alpha; /* \p{L}+ */
	fl_ku_except ex;
	fl_ku_action act;
} repetition;

static void repetition_free(repetition *st)
{
	if (st == NULL)
		return;
	fl_pattern_free(st->re);
	fl_pattern_free(st->alpha);
	fl_ku_except_dispose(&st->ex);
	fl_ku_action_dispose(&st->act);
	free(st);
}

static int repetition_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	unsigned flags = d->ignorecase ? FL_RE_CASELESS : 0u;
	bool vocab = d->has_vocab ? d->vocab : true;
	repetition *st;
	fl_ku_re re = FL_KU_RE_INIT;
	fl_str none = { NULL, 0, 0 };
	size_t i;
	int rc = 0;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	for (i = 0; rc == 0 && i < d->tokens.n; i++)
		rc = fl_ku_compile(NULL, NULL, flags, r, "tokens", &d->tokens.v[i], err);
	if (rc == 0) {
		rc = fl_ku_re_text(&re, "(");
		for (i = 0; rc == 0 && i < d->tokens.n; i++) {
			if (i > 0)
				rc = fl_ku_re_text(&re, "|");
			if (rc == 0)
				rc = fl_ku_re_piece(&re, "tokens", &d->tokens.v[i], NULL);
		}
		if (rc == 0)
			rc = fl_ku_re_text(&re, ")");
		if (rc == FULINT_ERR_NOMEM)
			fl_error_set(err, rc, d->path, 0, 0, "out of memory");
	}
	if (rc == 0)
		rc = fl_ku_re_compile(&re, &st->re, flags, r, err);
	if (rc == 0)
		rc = fl_ku_compile(&st->alpha, "\\p{L}+", FL_RE_NO_JIT, r, "alpha", &none, err);
	if (rc == 0)
		rc = fl_ku_except_init(&st->ex, r, vocab, err);
	if (rc == 0)
		rc = fl_ku_action_init(&st->act, r, err);
	fl_ku_re_dispose(&re);
	if (rc < 0) {
		repetition_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

/* True when [start, end) of the text lies within one sentence (or outside all of them). */
static bool one_sentence(const fl_text *t, size_t start, size_t end)
{
	size_t lo = 0, hi = t->n_sentences;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->sentences[mid].end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= t->n_sentences || t->sentences[lo].start > start)
		return true; /* not in a sentence: nothing to cross */
	return end <= t->sentences[lo].end;
}

static int report(const fl_rule *r, fl_lintctx *ctx, const repetition *st, const char *subj, size_t start,
                  size_t end, const char *curr, size_t curr_len)
{
	fl_emit_args a;
	const char *args[1];
	const char **fixes = NULL;
	size_t n_fixes = 0;
	int rc;

	memset(&a, 0, sizeof(a));
	a.start = start;
	a.end = end;
	args[0] = fl_arena_strndup(ctx->arena, curr, curr_len);
	if (args[0] == NULL)
		return FULINT_ERR_NOMEM;
	a.message = fl_ku_message(ctx, r, args, 1);
	if (a.message == NULL)
		return FULINT_ERR_NOMEM;
	rc = fl_ku_action_fixes(&st->act, r, ctx, subj + start, end - start, &fixes, &n_fixes);
	if (rc < 0)
		return rc;
	a.suggestions = fixes;
	a.n_suggestions = n_fixes;
	return fl_emit(ctx, r, &a);
}

static int repetition_run(const fl_rule *r, fl_lintctx *ctx)
{
	const repetition *st = r->state;
	const fl_ruledef *d = &r->def;
	const char *subj = fl_scope_subject(ctx, r);
	fl_segment *segs = NULL;
	fl_ku_phrases ph;
	size_t n = 0, i;
	int rc;

	memset(&ph, 0, sizeof(ph));
	rc = fl_scope_segments(ctx, r, &segs, &n);
	for (i = 0; rc == 0 && i < n; i++) {
		const char *base = subj + segs[i].start;
		size_t len = segs[i].end - segs[i].start, pos = 0;
		size_t prev_s = 0, prev_e = 0, prev_ms = 0; /* trimmed previous match, and its start */
		bool have_prev = false;
		double count = 0;
		fl_match m;

		fl_ku_phrases_reset(&ph);
		while ((rc = fl_pattern_next(ctx->matcher, st->re, base, len, &pos, &m)) == 1) {
			size_t s = m.start, e = m.end;
			bool hit = false;
			fl_ku_trim(base, &s, &e);
			if (have_prev && e > s) {
				if (d->ignorecase)
					hit = fl_ku_fold_eq(base + s, e - s, base + prev_s, prev_e - prev_s);
				else
					hit = e - s == prev_e - prev_s && memcmp(base + s, base + prev_s, e - s) == 0;
			}
			if (hit && d->alpha)
				hit = fl_pattern_matches_all(ctx->matcher, st->alpha, base + s, e - s) == 1;
			if (hit)
				count += 1;
			if (hit && count > (d->has_max ? d->max : 0) &&
			    one_sentence(ctx->text, segs[i].start + prev_ms, segs[i].start + m.end) &&
			    !fl_ku_excepted(&st->ex, ctx, base + prev_ms, m.end - prev_ms) &&
			    !fl_ku_within_phrase(&st->ex, ctx, &ph, base, len, prev_ms, m.end)) {
				rc = report(r, ctx, st, subj, segs[i].start + prev_ms, segs[i].start + m.end, base + s,
				            e - s);
				if (rc < 0)
					break;
				count = 0;
			}
			have_prev = true;
			prev_s = s;
			prev_e = e;
			prev_ms = m.start;
		}
		if (rc == FL_MATCH_LIMIT)
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
	}
	fl_ku_phrases_dispose(&ph);
	return rc < 0 ? rc : 0;
}

static void repetition_dispose(fl_rule *r)
{
	repetition_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_repetition = {
	FL_KIND_REPETITION,
	repetition_compile,
	repetition_run,
	repetition_dispose,
};
