/*
 * rule_readability.c - Vale's `readability` extension point: the average
 * grade level of the chosen formulas must not exceed `grade`.
 *
 * Semantics (vale.sh/docs/checks/readability and Vale's readability.go):
 *  - `metrics` names formulas among Flesch-Kincaid, Gunning Fog,
 *    Coleman-Liau, SMOG and Automated Readability (fl_metrics.h); the
 *    grade is the sum of the named formulas divided by the number of
 *    entries in the list (so a name given twice counts once but divides
 *    twice, exactly as Vale);
 *  - evaluated per segment of the scope (the whole text by default); a
 *    segment without words is skipped;
 *  - fires when the grade is above `grade`; the message's %s is the grade
 *    with two decimals ("9.87"), as Vale prints it.
 * Findings are whole_note (at the body's start) when the scope is the
 * whole note, else at the segment's start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"
#include "fl_metrics.h"

typedef struct readability {
	bool use[FL_GRADE_COUNT];
	size_t n; /* entries in `metrics` */
} readability;

static int readability_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	readability *st;
	size_t i;

	r->state = NULL;
	if (d->metrics.n == 0)
		return fl_error_set(err, FULINT_ERR_RULE, d->path, d->kind_line, d->kind_column,
		                    "'metrics' is empty (name at least one of Flesch-Kincaid, Gunning Fog, "
		                    "Coleman-Liau, SMOG, Automated Readability)");
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	for (i = 0; i < d->metrics.n; i++) {
		fl_grade g;
		if (fl_metrics_grade_parse(&g, d->metrics.v[i].s ? d->metrics.v[i].s : "") < 0) {
			free(st);
			return fl_error_set(err, FULINT_ERR_RULE, d->path, d->metrics.v[i].line,
			                    d->metrics.v[i].column,
			                    "unknown readability metric '%s' (Flesch-Kincaid, Gunning Fog, "
			                    "Coleman-Liau, SMOG or Automated Readability)",
			                    d->metrics.v[i].s ? d->metrics.v[i].s : "");
		}
		st->use[g] = true;
	}
	st->n = d->metrics.n;
	r->state = st;
	return 0;
}

static int readability_run(const fl_rule *r, fl_lintctx *ctx)
{
	const readability *st = r->state;
	fl_segment *segs = NULL;
	bool whole = fl_ku_whole_note(r);
	size_t n = 0, i;
	int rc = fl_scope_segments(ctx, r, &segs, &n);

	for (i = 0; rc == 0 && i < n; i++) {
		fl_metrics m;
		double grade = 0;
		char val[64];
		const char *args[1];
		fl_emit_args a;
		int g;

		fl_metrics_compute(&m, ctx->text, segs[i].start, segs[i].end);
		if (m.words <= 0)
			continue;
		for (g = 0; g < FL_GRADE_COUNT; g++)
			if (st->use[g])
				grade += fl_metrics_grade(&m, (fl_grade)g);
		grade /= (double)st->n;
		if (!(grade > r->def.grade))
			continue;
		snprintf(val, sizeof(val), "%.2f", grade);
		args[0] = val;
		memset(&a, 0, sizeof(a));
		a.message = fl_ku_message(ctx, r, args, 1);
		if (a.message == NULL)
			return FULINT_ERR_NOMEM;
		fl_ku_anchor(ctx, r, &segs[i], whole, &a);
		rc = fl_emit(ctx, r, &a);
	}
	return rc;
}

static void readability_dispose(fl_rule *r)
{
	free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_readability = {
	FL_KIND_READABILITY,
	readability_compile,
	readability_run,
	readability_dispose,
};
