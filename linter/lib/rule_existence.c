/*
 * rule_existence.c - Vale's `existence` extension point: flag every match
 * of a list of tokens.
 *
 * Semantics (vale.sh/docs/checks/existence and Vale's existence.go):
 *  - `tokens` become one non-capturing alternation, word-bounded
 *    (`\b(?:t1|t2)\b`) unless `nonword: true`; blank tokens are dropped;
 *  - `raw` pieces are concatenated as written and put before the tokens
 *    (after them with `append: true`);
 *  - the pattern is multi-line (Vale's (?m)) and caseless with `ignorecase`;
 *  - a match is skipped when one of `exceptions` occurs in it (word-bounded,
 *    case-sensitive unless the term starts with (?i)), when it lies inside
 *    a multi-word exception, or when it is a vocab.accept word (not for
 *    nonword rules, as in Vale);
 *  - the message's first %s is the match; with an `action`, a second %s is
 *    the fix (one, or Vale's "'a' or 'b'"), and the fixes are the finding's
 *    suggestions.
 * Empty matches (possible with raw patterns) are never reported.
 *
 * What it is not: it does not parse the rule file (fl_ruledef.c) or decide
 * scopes (fl_lint.c).
 */
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

typedef struct existence {
	fl_pattern *re;
	fl_ku_except ex;
	fl_ku_action act;
} existence;

static void existence_free(existence *st)
{
	if (st == NULL)
		return;
	fl_pattern_free(st->re);
	fl_ku_except_dispose(&st->ex);
	fl_ku_action_dispose(&st->act);
	free(st);
}

static int add_tokens(fl_ku_re *re, const fl_ruledef *d, bool word)
{
	size_t i, used = 0;
	int rc = fl_ku_re_text(re, word ? "\\b(?:" : "(?:");
	for (i = 0; rc == 0 && i < d->tokens.n; i++) {
		const char *t = d->tokens.v[i].s;
		if (t == NULL || t[strspn(t, " \t\r\n")] == '\0')
			continue;
		if (used++ > 0)
			rc = fl_ku_re_text(re, "|");
		if (rc == 0)
			rc = fl_ku_re_piece(re, "tokens", &d->tokens.v[i], NULL);
	}
	if (rc == 0)
		rc = fl_ku_re_text(re, word ? ")\\b" : ")");
	return rc;
}

static int add_raw(fl_ku_re *re, const fl_ruledef *d)
{
	size_t i;
	int rc = 0;
	for (i = 0; rc == 0 && i < d->raw.n; i++)
		rc = fl_ku_re_piece(re, "raw", &d->raw.v[i], NULL);
	return rc;
}

static int existence_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	existence *st;
	fl_ku_re re = FL_KU_RE_INIT;
	unsigned flags = FL_RE_MULTILINE | (d->ignorecase ? FL_RE_CASELESS : 0u);
	bool word = !d->nonword && d->tokens.n > 0;
	bool vocab = (d->has_vocab ? d->vocab : true) && !d->nonword;
	size_t i;
	int rc = 0;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	/* Each token is a regex of its own: report a bad one where it is written. */
	for (i = 0; rc == 0 && i < d->tokens.n; i++)
		if (d->tokens.v[i].s != NULL && d->tokens.v[i].s[0] != '\0')
			rc = fl_ku_compile(NULL, NULL, flags, r, "tokens", &d->tokens.v[i], err);
	if (rc == 0) {
		if (d->append) {
			rc = add_tokens(&re, d, word);
			if (rc == 0)
				rc = add_raw(&re, d);
		} else {
			rc = add_raw(&re, d);
			if (rc == 0)
				rc = add_tokens(&re, d, word);
		}
		if (rc == FULINT_ERR_NOMEM)
			fl_error_set(err, rc, d->path, 0, 0, "out of memory");
	}
	if (rc == 0)
		rc = fl_ku_re_compile(&re, &st->re, flags, r, err);
	if (rc == 0)
		rc = fl_ku_except_init(&st->ex, r, vocab, err);
	if (rc == 0)
		rc = fl_ku_action_init(&st->act, r, err);
	fl_ku_re_dispose(&re);
	if (rc < 0) {
		existence_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

static int report(const fl_rule *r, fl_lintctx *ctx, const existence *st, const char *subj, size_t start,
                  size_t end)
{
	fl_emit_args a;
	const char **fixes = NULL;
	size_t n_fixes = 0;
	int rc;

	memset(&a, 0, sizeof(a));
	a.start = start;
	a.end = end;
	if (st->act.kind != FL_ACT_NONE) {
		const char *args[2];
		rc = fl_ku_action_fixes(&st->act, r, ctx, subj + start, end - start, &fixes, &n_fixes);
		if (rc < 0)
			return rc;
		args[0] = fl_arena_strndup(ctx->arena, subj + start, end - start);
		if (args[0] == NULL)
			return FULINT_ERR_NOMEM;
		if (n_fixes == 1)
			args[1] = fixes[0];
		else if (n_fixes > 1)
			args[1] = fl_ku_to_sentence(ctx, fixes, n_fixes, "or");
		else
			args[1] = args[0];
		if (args[1] == NULL)
			return FULINT_ERR_NOMEM;
		a.message = fl_ku_message(ctx, r, args, 2);
		if (a.message == NULL)
			return FULINT_ERR_NOMEM;
		a.suggestions = fixes;
		a.n_suggestions = n_fixes;
	}
	return fl_emit(ctx, r, &a);
}

static int existence_run(const fl_rule *r, fl_lintctx *ctx)
{
	const existence *st = r->state;
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
		fl_match m;

		fl_ku_phrases_reset(&ph);
		while ((rc = fl_pattern_next(ctx->matcher, st->re, base, len, &pos, &m)) == 1) {
			size_t s = m.start, e = m.end;
			if (e == s)
				continue;
			fl_ku_trim(base, &s, &e);
			if (fl_ku_excepted(&st->ex, ctx, base + s, e - s) ||
			    fl_ku_within_phrase(&st->ex, ctx, &ph, base, len, m.start, m.end))
				continue;
			rc = report(r, ctx, st, subj, segs[i].start + m.start, segs[i].start + m.end);
			if (rc < 0)
				break;
		}
		if (rc == FL_MATCH_LIMIT)
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
	}
	fl_ku_phrases_dispose(&ph);
	return rc < 0 ? rc : 0;
}

static void existence_dispose(fl_rule *r)
{
	existence_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_existence = {
	FL_KIND_EXISTENCE,
	existence_compile,
	existence_run,
	existence_dispose,
};
