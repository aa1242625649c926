/*
 * rule_metric.c - Vale's `metric` extension point: a `formula` over text
 * statistics, reported when `condition` holds.
 *
 * Semantics (vale.sh/docs/checks/metric and Vale's metric.go):
 *  - variables: words, sentences, paragraphs, syllables, characters,
 *    complex_words, long_words, polysyllabic_words (fl_metrics.h), and
 *    Vale's markup counts heading_h1..heading_h6 (or heading.h1..), pre,
 *    list, blockquote, table, which are 0 in a plain draft;
 *  - the formula is evaluated per segment of the scope (the whole text by
 *    default, as Vale's summary scope); a segment without words is skipped
 *    (Vale: an empty file has no metrics);
 *  - `condition` is the rest of a comparison whose left side is the
 *    result ("> 8.0", ">= 3"): as in Vale, the result is put in front of
 *    it and the whole is evaluated (fl_expr.h has the grammar); a result
 *    that is not a finite number (division by zero) is never reported;
 *  - message: %s is the result, without decimals when it is a whole number
 *    ("240"), else with two (Vale always prints two).
 * fulint extensions:
 *  - `by_kind`: a map of note kind (thank-you, check-in, nudge,
 *    rejection-reply) to condition that replaces `condition` for notes of
 *    that kind (a kind with neither is not checked);
 *  - `{kind}` in the message is the note kind's name and `{limit}` the
 *    first number of the condition used, so a message can read "this
 *    {kind} note's body has %s words; keep it under {limit}".
 * Findings are about the whole scope: whole_note (at the body's start)
 * when the scope is the whole note (text, body), else at the segment's
 * start.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_expr.h"
#include "fl_kindutil.h"
#include "fl_metrics.h"

enum {
	V_WORDS,
	V_SENTENCES,
	V_PARAGRAPHS,
	V_SYLLABLES,
	V_CHARACTERS,
	V_COMPLEX,
	V_LONG,
	V_POLY,
	V_PRE,
	V_LIST,
	V_BLOCKQUOTE,
	V_TABLE,
	V_H1,
	V_H2,
	V_H3,
	V_H4,
	V_H5,
	V_H6,
	V_RES,
	V_COUNT
};

static const char *const variables[V_COUNT] = {
	"words", "sentences", "paragraphs", "syllables", "characters", "complex_words",
	"long_words", "polysyllabic_words", "pre", "list", "blockquote", "table",
	"heading_h1", "heading_h2", "heading_h3", "heading_h4", "heading_h5", "heading_h6",
	"__res__",
};

/* What the condition is spliced behind (so offsets in errors are shifted by its length). */
#define RES_PREFIX "__res__ "

typedef struct cond {
	fl_expr *e;   /* NULL: no condition */
	double limit; /* first number in it, for {limit} */
	bool has_limit;
} cond;

typedef struct metric {
	fl_expr *formula;
	cond def;
	cond by_kind[FL_NOTE_KIND_COUNT];
} metric;

static void metric_free(metric *st)
{
	size_t i;
	if (st == NULL)
		return;
	fl_expr_free(st->formula);
	fl_expr_free(st->def.e);
	for (i = 0; i < FL_NOTE_KIND_COUNT; i++)
		fl_expr_free(st->by_kind[i].e);
	free(st);
}

/* The first number written in `s` ("> 200" -> 200). */
static bool first_number(const char *s, double *out)
{
	const char *p = s;
	while (*p && !(*p >= '0' && *p <= '9') && !(*p == '.' && p[1] >= '0' && p[1] <= '9'))
		p++;
	if (*p == '\0')
		return false;
	{
		char buf[64];
		size_t n = 0;
		fl_expr *e = NULL;
		while (n + 1 < sizeof(buf) && ((p[n] >= '0' && p[n] <= '9') || p[n] == '.'))
			n++;
		memcpy(buf, p, n);
		buf[n] = '\0';
		if (fl_expr_parse(&e, buf, NULL, 0, NULL, NULL) < 0)
			return false;
		fl_expr_eval(e, NULL, out);
		fl_expr_free(e);
	}
	return true;
}

static int parse_cond(const fl_rule *r, const char *key, const fl_str *src, cond *out, fulint_error *err)
{
	fl_buf b = FL_BUF_INIT;
	fulint_error perr;
	size_t off = 0;
	int rc;

	memset(&perr, 0, sizeof(perr));
	if (fl_buf_puts(&b, RES_PREFIX) < 0 || fl_buf_puts(&b, src->s ? src->s : "") < 0) {
		fl_buf_dispose(&b);
		return fl_error_set(err, FULINT_ERR_NOMEM, r->def.path, 0, 0, "out of memory");
	}
	rc = fl_expr_parse(&out->e, fl_buf_cstr(&b), variables, V_COUNT, &off, &perr);
	fl_buf_dispose(&b);
	if (rc == FULINT_ERR_RULE) {
		size_t at = off >= strlen(RES_PREFIX) ? off - strlen(RES_PREFIX) : 0;
		return fl_error_set(err, rc, r->def.path, src->line, src->column,
		                    "bad %s at offset %zu: %s (write it as in Vale, e.g. '> 8.0')", key, at,
		                    perr.message);
	}
	if (rc < 0)
		return fl_error_set(err, rc, r->def.path, 0, 0, "%s", perr.message);
	out->has_limit = first_number(src->s ? src->s : "", &out->limit);
	return 0;
}

static int metric_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	fulint_error perr;
	size_t off = 0, i;
	metric *st;
	int rc;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	memset(&perr, 0, sizeof(perr));
	rc = fl_expr_parse(&st->formula, d->formula.s ? d->formula.s : "", variables, V_RES, &off, &perr);
	if (rc == FULINT_ERR_RULE)
		rc = fl_error_set(err, rc, d->path, d->formula.line, d->formula.column,
		                  "bad 'formula' at offset %zu: %s", off, perr.message);
	else if (rc < 0)
		rc = fl_error_set(err, rc, d->path, 0, 0, "%s", perr.message);
	if (rc == 0 && d->condition.s != NULL)
		rc = parse_cond(r, "'condition'", &d->condition, &st->def, err);
	for (i = 0; rc == 0 && i < d->by_kind.n; i++) {
		const fl_pair *p = &d->by_kind.v[i];
		fl_note_kind k;
		if (fl_note_kind_parse(&k, p->key.s ? p->key.s : "") < 0) {
			rc = fl_error_set(err, FULINT_ERR_RULE, d->path, p->key.line, p->key.column,
			                  "unknown note kind '%s' in 'by_kind' (thank-you, check-in, nudge or "
			                  "rejection-reply)",
			                  p->key.s ? p->key.s : "");
			break;
		}
		fl_expr_free(st->by_kind[k].e);
		st->by_kind[k].e = NULL;
		rc = parse_cond(r, "'by_kind' condition", &p->value, &st->by_kind[k], err);
	}
	if (rc == 0 && d->has_max) {
		/* fulint: `max: N` (e.g. from a config override) means "> N" for every kind of note. */
		char buf[64];
		fl_str s;
		size_t k;
		snprintf(buf, sizeof(buf), "> %.15g", d->max);
		s.s = buf;
		s.line = d->kind_line;
		s.column = d->kind_column;
		for (k = 0; k < FL_NOTE_KIND_COUNT; k++) {
			fl_expr_free(st->by_kind[k].e);
			st->by_kind[k].e = NULL;
		}
		fl_expr_free(st->def.e);
		st->def.e = NULL;
		rc = parse_cond(r, "'max'", &s, &st->def, err);
	}
	if (rc < 0) {
		metric_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

/* Replace every `tok` in `s` by `with` (arena). */
static const char *replace_all(fl_lintctx *ctx, const char *s, const char *tok, const char *with)
{
	fl_buf b = FL_BUF_INIT;
	const char *p = s, *q, *out;
	size_t tl = strlen(tok);
	if (strstr(s, tok) == NULL)
		return s;
	while ((q = strstr(p, tok)) != NULL) {
		if (fl_buf_append(&b, p, (size_t)(q - p)) < 0 || fl_buf_puts(&b, with) < 0)
			goto fail;
		p = q + tl;
	}
	if (fl_buf_puts(&b, p) < 0)
		goto fail;
	out = fl_arena_strdup(ctx->arena, fl_buf_cstr(&b));
	fl_buf_dispose(&b);
	return out;
fail:
	fl_buf_dispose(&b);
	return NULL;
}

static int metric_run(const fl_rule *r, fl_lintctx *ctx)
{
	const metric *st = r->state;
	const cond *c;
	fl_segment *segs = NULL;
	bool whole = fl_ku_whole_note(r);
	size_t n = 0, i;
	int rc;

	c = ((unsigned)ctx->note_kind < FL_NOTE_KIND_COUNT && st->by_kind[ctx->note_kind].e != NULL)
	        ? &st->by_kind[ctx->note_kind]
	        : &st->def;
	if (c->e == NULL)
		return 0;
	rc = fl_scope_segments(ctx, r, &segs, &n);
	for (i = 0; rc == 0 && i < n; i++) {
		fl_metrics m;
		double v[V_COUNT], res, fire;
		char val[64], lim[64];
		const char *args[1], *msg;
		fl_emit_args a;

		fl_metrics_compute(&m, ctx->text, segs[i].start, segs[i].end);
		if (m.words <= 0)
			continue;
		memset(v, 0, sizeof(v));
		v[V_WORDS] = m.words;
		v[V_SENTENCES] = m.sentences;
		v[V_PARAGRAPHS] = m.paragraphs;
		v[V_SYLLABLES] = m.syllables;
		v[V_CHARACTERS] = m.characters;
		v[V_COMPLEX] = m.complex_words;
		v[V_LONG] = m.long_words;
		v[V_POLY] = m.polysyllabic_words;
		fl_expr_eval(st->formula, v, &res);
		if (!isfinite(res))
			continue;
		v[V_RES] = res;
		fl_expr_eval(c->e, v, &fire);
		if (!(fire != 0) || isnan(fire))
			continue;

		fl_ku_format_value(val, sizeof(val), res);
		if (c->has_limit)
			fl_ku_format_limit(lim, sizeof(lim), c->limit);
		else
			lim[0] = '\0';
		args[0] = val;
		msg = fl_ku_message(ctx, r, args, 1);
		if (msg != NULL)
			msg = replace_all(ctx, msg, "{kind}", fl_note_kind_name(ctx->note_kind));
		if (msg != NULL)
			msg = replace_all(ctx, msg, "{limit}", lim);
		if (msg == NULL)
			return FULINT_ERR_NOMEM;
		memset(&a, 0, sizeof(a));
		a.message = msg;
		fl_ku_anchor(ctx, r, &segs[i], whole, &a);
		rc = fl_emit(ctx, r, &a);
	}
	return rc;
}

static void metric_dispose(fl_rule *r)
{
	metric_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_metric = {
	FL_KIND_METRIC,
	metric_compile,
	metric_run,
	metric_dispose,
};
