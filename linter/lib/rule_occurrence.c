/*
 * rule_occurrence.c - Vale's `occurrence` extension point: count the
 * matches of `token` in each segment of the scope and fire when the count
 * is above `max` or below `min`.
 *
 * Semantics (vale.sh/docs/checks/occurrence and Vale's occurrence.go):
 *  - the pattern is `(?:token)`, caseless with `ignorecase`, not
 *    word-bounded and not multi-line;
 *  - `max` and `min` count only when above 0 (Vale: `max: 0` means none);
 *  - the message's %s (or %d) is the number of matches.
 * Where the finding points (fulint's choices):
 *  - too many: at the first match past `max` (the second "!" when `max` is
 *    1), which is the one to remove; Vale points at the first match;
 *  - too few in a whole-note scope (text, body, raw): the note as a whole
 *    is missing something, so the finding is whole_note, anchored at the
 *    body's start (Vale anchors such findings at the document's start);
 *  - too few in a smaller scope (sentence, paragraph, a part): the span of
 *    that segment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

typedef struct occurrence {
	fl_pattern *re;
} occurrence;

static int occurrence_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	occurrence *st;
	fl_ku_re re = FL_KU_RE_INIT;
	fl_str none = { NULL, 0, 0 };
	int rc;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	rc = fl_ku_compile(NULL, NULL, 0, r, "token", d->token.s ? &d->token : &none, err);
	if (rc == 0) {
		rc = fl_ku_re_text(&re, "(?:");
		if (rc == 0)
			rc = fl_ku_re_piece(&re, "token", d->token.s ? &d->token : &none, NULL);
		if (rc == 0)
			rc = fl_ku_re_text(&re, ")");
		if (rc == FULINT_ERR_NOMEM)
			fl_error_set(err, rc, d->path, 0, 0, "out of memory");
	}
	if (rc == 0)
		rc = fl_ku_re_compile(&re, &st->re, d->ignorecase ? FL_RE_CASELESS : 0u, r, err);
	fl_ku_re_dispose(&re);
	if (rc < 0) {
		free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

/* The message with %d read as %s (Vale passes the count to either). */
static const char *count_message(fl_lintctx *ctx, const fl_rule *r, size_t count)
{
	const char *msg = r->def.message.s ? r->def.message.s : "";
	char num[32];
	const char *args[1];
	char *fmt = fl_arena_strdup(ctx->arena, msg), *p;
	if (fmt == NULL)
		return NULL;
	for (p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == '%')
			p++;
		else if (p[0] == '%' && p[1] == 'd')
			p[1] = 's';
	}
	snprintf(num, sizeof(num), "%zu", count);
	args[0] = num;
	return fl_format_message(ctx, fmt, args, 1);
}

static int occurrence_run(const fl_rule *r, fl_lintctx *ctx)
{
	const occurrence *st = r->state;
	const fl_ruledef *d = &r->def;
	const char *subj = fl_scope_subject(ctx, r);
	bool whole = fl_ku_whole_note(r);
	bool use_max = d->has_max && d->max > 0, use_min = d->has_min && d->min > 0;
	fl_segment *segs = NULL;
	size_t n = 0, i;
	int rc;

	rc = fl_scope_segments(ctx, r, &segs, &n);
	for (i = 0; rc == 0 && i < n; i++) {
		const char *base = subj + segs[i].start;
		size_t len = segs[i].end - segs[i].start, pos = 0, count = 0;
		size_t past_s = 0, past_e = 0;
		bool have_past = false;
		fl_match m;
		fl_emit_args a;

		while ((rc = fl_pattern_next(ctx->matcher, st->re, base, len, &pos, &m)) == 1) {
			count++;
			if (use_max && !have_past && (double)count > d->max) {
				have_past = true;
				past_s = m.start;
				past_e = m.end;
			}
		}
		if (rc == FL_MATCH_LIMIT) {
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
			continue;
		}
		if (rc < 0)
			break;

		memset(&a, 0, sizeof(a));
		if (have_past) {
			a.start = segs[i].start + past_s;
			a.end = segs[i].start + past_e;
		} else if (use_min && (double)count < d->min) {
			if (whole) {
				a.whole_note = true;
				a.start = a.end = fl_lint_body_anchor(ctx);
			} else {
				size_t s = 0, e = len;
				fl_ku_trim(base, &s, &e);
				a.start = segs[i].start + s;
				a.end = segs[i].start + e;
			}
		} else {
			continue;
		}
		a.message = count_message(ctx, r, count);
		if (a.message == NULL)
			return FULINT_ERR_NOMEM;
		rc = fl_emit(ctx, r, &a);
	}
	return rc < 0 ? rc : 0;
}

static void occurrence_dispose(fl_rule *r)
{
	occurrence *st = r->state;
	if (st != NULL) {
		fl_pattern_free(st->re);
		free(st);
	}
	r->state = NULL;
}

const fl_kind_ops fl_kind_occurrence = {
	FL_KIND_OCCURRENCE,
	occurrence_compile,
	occurrence_run,
	occurrence_dispose,
};
