/*
 * rule_consistency.c - Vale's `consistency` extension point: of each
 * `either` pair (one form: the other), a note should use only one.
 *
 * Semantics (vale.sh/docs/checks/consistency and Vale's consistency.go):
 *  - each pair becomes one pattern `\b(?:(form1)|(form2))\b` (no \b with
 *    `nonword`), multi-line, caseless with `ignorecase`;
 *  - Vale remembers which forms it has seen across the whole file and
 *    reports once both have been seen.  fulint states the same rule per
 *    note: when both forms occur in the rule's scope (all its segments),
 *    the form that appears second (whose first occurrence comes later) is
 *    the inconsistent one, and every occurrence of it is flagged;
 *  - the message's %s is the flagged text; when the other form is a plain
 *    word or phrase it is offered as the suggestion.
 */
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

typedef struct pair_re {
	fl_pattern *re; /* branches marked "1" (key) and "2" (value) */
} pair_re;

typedef struct consistency {
	pair_re *pairs;
	size_t n;
} consistency;

typedef struct hit {
	size_t start, end; /* in the text */
	int form;          /* 0: key, 1: value */
} hit;

static void consistency_free(consistency *st)
{
	size_t i;
	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++)
		fl_pattern_free(st->pairs[i].re);
	free(st->pairs);
	free(st);
}

static int consistency_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	unsigned kflags = d->ignorecase ? FL_RE_CASELESS : 0u;
	consistency *st;
	size_t i;
	int rc = 0;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st != NULL)
		st->pairs = fl_calloc(d->either.n ? d->either.n : 1, sizeof(*st->pairs));
	if (st == NULL || st->pairs == NULL) {
		free(st);
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	}
	for (i = 0; rc == 0 && i < d->either.n; i++) {
		const fl_pair *p = &d->either.v[i];
		fl_ku_re re = FL_KU_RE_INIT;
		rc = fl_ku_compile(NULL, NULL, kflags, r, "either", &p->key, err);
		if (rc == 0)
			rc = fl_ku_compile(NULL, NULL, kflags, r, "either", &p->value, err);
		if (rc == 0) {
			rc = fl_ku_re_text(&re, d->nonword ? "(?:(*MARK:1)(?:" : "\\b(?:(*MARK:1)(?:");
			if (rc == 0)
				rc = fl_ku_re_piece(&re, "either", &p->key, NULL);
			if (rc == 0)
				rc = fl_ku_re_text(&re, ")|(*MARK:2)(?:");
			if (rc == 0)
				rc = fl_ku_re_piece(&re, "either", &p->value, NULL);
			if (rc == 0)
				rc = fl_ku_re_text(&re, d->nonword ? "))" : "))\\b");
			if (rc == FULINT_ERR_NOMEM)
				fl_error_set(err, rc, d->path, 0, 0, "out of memory");
		}
		if (rc == 0)
			rc = fl_ku_re_compile(&re, &st->pairs[i].re, FL_RE_MULTILINE | kflags, r, err);
		if (rc == 0)
			st->n++;
		fl_ku_re_dispose(&re);
	}
	if (rc < 0) {
		consistency_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

static int check_pair(const fl_rule *r, fl_lintctx *ctx, const fl_pair *p, const pair_re *pr,
                      const char *subj, const fl_segment *segs, size_t n_segs)
{
	hit *hits = NULL;
	size_t n = 0, cap = 0, i, first[2] = { SIZE_MAX, SIZE_MAX };
	int rc = 0, second;

	for (i = 0; i < n_segs; i++) {
		const char *base = subj + segs[i].start;
		size_t len = segs[i].end - segs[i].start, pos = 0;
		fl_match m;
		while ((rc = fl_pattern_next(ctx->matcher, pr->re, base, len, &pos, &m)) == 1) {
			int form = (m.mark != NULL && m.mark[0] == '2') ? 1 : 0;
			if (m.end == m.start)
				continue;
			if (fl_grow((void **)&hits, &cap, n + 1, sizeof(*hits)) < 0) {
				rc = FULINT_ERR_NOMEM;
				break;
			}
			hits[n].start = segs[i].start + m.start;
			hits[n].end = segs[i].start + m.end;
			hits[n].form = form;
			if (first[form] == SIZE_MAX)
				first[form] = hits[n].start;
			n++;
		}
		if (rc == FL_MATCH_LIMIT)
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
		if (rc < 0)
			goto done;
	}
	if (first[0] == SIZE_MAX || first[1] == SIZE_MAX)
		goto done;
	second = first[1] > first[0] ? 1 : 0;
	for (i = 0; i < n; i++) {
		fl_emit_args a;
		const char *other = second ? p->key.s : p->value.s;
		if (hits[i].form != second)
			continue;
		memset(&a, 0, sizeof(a));
		a.start = hits[i].start;
		a.end = hits[i].end;
		if (other != NULL && other[0] != '\0' && fl_ku_is_plain(other)) {
			a.suggestions = &other;
			a.n_suggestions = 1;
		}
		rc = fl_emit(ctx, r, &a);
		if (rc < 0)
			break;
	}
done:
	free(hits);
	return rc < 0 ? rc : 0;
}

static int consistency_run(const fl_rule *r, fl_lintctx *ctx)
{
	const consistency *st = r->state;
	const char *subj = fl_scope_subject(ctx, r);
	fl_segment *segs = NULL;
	size_t n = 0, i;
	int rc;

	rc = fl_scope_segments(ctx, r, &segs, &n);
	for (i = 0; rc == 0 && i < st->n; i++)
		rc = check_pair(r, ctx, &r->def.either.v[i], &st->pairs[i], subj, segs, n);
	return rc;
}

static void consistency_dispose(fl_rule *r)
{
	consistency_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_consistency = {
	FL_KIND_CONSISTENCY,
	consistency_compile,
	consistency_run,
	consistency_dispose,
};
