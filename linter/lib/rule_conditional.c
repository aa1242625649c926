/*
 * rule_conditional.c - Vale's `conditional` extension point: `first`
 * requires `second` (an acronym must be defined).
 *
 * Semantics (vale.sh/docs/checks/conditional and Vale's conditional.go):
 *  - when `second` has a capture group, every text it captures anywhere in
 *    the scope (e.g. "WHO" in "World Health Organization (WHO)") is a known
 *    definition, and each `first` match that is not one of them is
 *    flagged;
 *  - when `second` has no capture group the rule is a presence check: if
 *    `second` matches anywhere in the scope nothing is flagged, otherwise
 *    every `first` match is;
 *  - `exceptions` (word-bounded, searched in the match), multi-word
 *    exceptions around the match, and vocab skip a `first` match;
 *  - `ignorecase` makes both patterns caseless (Vale reads the key but its
 *    patterns stay case-sensitive; fulint applies it as documented);
 *  - the message's %s is the flagged match.
 * Vale collects definitions block by block as it reads the file, so a
 * definition after the first use may or may not count; fulint looks at the
 * whole scope before flagging, so the order never matters.
 */
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

typedef struct conditional {
	fl_pattern *first, *second;
	bool second_groups;
	fl_ku_except ex;
} conditional;

typedef struct capture {
	const char *s; /* into the subject */
	size_t len;
} capture;

static void conditional_free(conditional *st)
{
	if (st == NULL)
		return;
	fl_pattern_free(st->first);
	fl_pattern_free(st->second);
	fl_ku_except_dispose(&st->ex);
	free(st);
}

static int conditional_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	unsigned flags = d->ignorecase ? FL_RE_CASELESS : 0u;
	bool vocab = d->has_vocab ? d->vocab : true;
	fl_str none = { NULL, 0, 0 };
	conditional *st;
	int rc;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	rc = fl_ku_compile(&st->second, NULL, flags, r, "second", d->second.s ? &d->second : &none, err);
	if (rc == 0)
		rc = fl_ku_compile(&st->first, NULL, flags, r, "first", d->first.s ? &d->first : &none, err);
	if (rc == 0)
		rc = fl_ku_except_init(&st->ex, r, vocab, err);
	if (rc < 0) {
		conditional_free(st);
		return rc;
	}
	st->second_groups = fl_pattern_groups(st->second) > 0;
	r->state = st;
	return 0;
}

/* Order captures by length, then bytes, so lookups are a binary search. */
static int cmp_capture(const void *a, const void *b)
{
	const capture *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return memcmp(x->s, y->s, x->len);
}

static bool known(const capture *caps, size_t n, const char *s, size_t len)
{
	capture key;
	key.s = s;
	key.len = len;
	return n > 0 && bsearch(&key, caps, n, sizeof(*caps), cmp_capture) != NULL;
}

static int conditional_run(const fl_rule *r, fl_lintctx *ctx)
{
	const conditional *st = r->state;
	const char *subj = fl_scope_subject(ctx, r);
	fl_segment *segs = NULL;
	capture *caps = NULL;
	bool *skip = NULL; /* segments where a regex limit was hit */
	bool second_seen = false;
	fl_ku_phrases ph;
	size_t n = 0, n_caps = 0, cap_caps = 0, i, g;
	int rc;

	memset(&ph, 0, sizeof(ph));
	rc = fl_scope_segments(ctx, r, &segs, &n);
	if (rc < 0 || n == 0)
		return rc;
	skip = fl_calloc(n, sizeof(*skip));
	if (skip == NULL)
		return FULINT_ERR_NOMEM;

	/* The consequent: what `second` defines, anywhere in the scope. */
	for (i = 0; i < n; i++) {
		const char *base = subj + segs[i].start;
		size_t len = segs[i].end - segs[i].start, pos = 0;
		fl_match m;
		while ((rc = fl_pattern_next(ctx->matcher, st->second, base, len, &pos, &m)) == 1) {
			second_seen = true;
			if (!st->second_groups)
				break;
			for (g = 1; g < m.n_groups && g < FL_MAX_GROUPS; g++) {
				if (m.gstart[g] == SIZE_MAX || m.gend[g] == m.gstart[g])
					continue;
				if (fl_grow((void **)&caps, &cap_caps, n_caps + 1, sizeof(*caps)) < 0) {
					rc = FULINT_ERR_NOMEM;
					goto done;
				}
				caps[n_caps].s = base + m.gstart[g];
				caps[n_caps].len = m.gend[g] - m.gstart[g];
				n_caps++;
			}
		}
		if (rc == FL_MATCH_LIMIT) {
			skip[i] = true;
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
		}
		if (rc < 0)
			goto done;
		if (second_seen && !st->second_groups)
			break;
	}
	if (second_seen && !st->second_groups)
		goto done;
	if (n_caps > 1)
		qsort(caps, n_caps, sizeof(*caps), cmp_capture);

	/* The antecedent: each `first` match that nothing defines. */
	for (i = 0; i < n; i++) {
		const char *base = subj + segs[i].start;
		size_t len = segs[i].end - segs[i].start, pos = 0;
		fl_match m;
		if (skip[i])
			continue;
		fl_ku_phrases_reset(&ph);
		while ((rc = fl_pattern_next(ctx->matcher, st->first, base, len, &pos, &m)) == 1) {
			fl_emit_args a;
			if (m.end == m.start || known(caps, n_caps, base + m.start, m.end - m.start) ||
			    fl_ku_excepted(&st->ex, ctx, base + m.start, m.end - m.start) ||
			    fl_ku_within_phrase(&st->ex, ctx, &ph, base, len, m.start, m.end))
				continue;
			memset(&a, 0, sizeof(a));
			a.start = segs[i].start + m.start;
			a.end = segs[i].start + m.end;
			rc = fl_emit(ctx, r, &a);
			if (rc < 0)
				goto done;
		}
		if (rc == FL_MATCH_LIMIT)
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
		if (rc < 0)
			goto done;
	}
done:
	fl_ku_phrases_dispose(&ph);
	free(caps);
	free(skip);
	return rc < 0 ? rc : 0;
}

static void conditional_dispose(fl_rule *r)
{
	conditional_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_conditional = {
	FL_KIND_CONDITIONAL,
	conditional_compile,
	conditional_run,
	conditional_dispose,
};
