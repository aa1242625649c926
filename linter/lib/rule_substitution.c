/*
 * rule_substitution.c - Vale's `substitution` extension point: a `swap`
 * map of pattern -> preferred form.
 *
 * Semantics (vale.sh/docs/checks/substitution and Vale's substitution.go):
 *  - keys are regexes, tried longest first in one alternation, word-bounded
 *    unless `nonword`, multi-line, caseless with `ignorecase`; capture
 *    groups in a key are made non-capturing for the alternation, and each
 *    branch is one capture group, so the highest group set names the key
 *    that matched.  (A (*MARK) per branch would do the same, but it stops
 *    PCRE2 from computing the pattern's possible first bytes and makes it
 *    try every position: 8x slower on Spacing.)  A rule with a key that
 *    has backreferences or named groups gets the (*MARK) form, since only
 *    it keeps that key's numbering intact;
 *  - the value may hold several forms ("a|b", `\|` for a literal bar); with
 *    `capitalize`, a match that starts with a capital gets capitalized
 *    forms; `$1`.. in the value take the key's own groups from the match;
 *  - a match that already is one of the preferred forms is not reported
 *    (compared case-sensitively, as Vale does: with `ignorecase` the key
 *    `javascript: JavaScript` flags "Javascript" but not "JavaScript");
 *    for rules without `action: replace` a value that is a regex counts as
 *    a pattern of acceptable forms;
 *  - `exceptions` and vocab as for existence (Vale checks them against the
 *    match only, without the multi-word phrase rule);
 *  - message: %s %s = (preferred form(s), match).  With `action: replace`
 *    and no params the forms are joined as Vale's "'a' or 'b'" and a
 *    message written "'%s' ... '%s'" loses the first quotes, as in Vale.
 *  - suggestions: the preferred forms (fulint offers them whatever the
 *    action; an explicit `action.params` list wins).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

typedef struct sub_key {
	const char *repl;      /* the swap value (borrowed from the rule) */
	bool has_refs;         /* value uses $1.. */
	fl_pattern *key_re;    /* the key with its groups, when has_refs */
	fl_pattern *accept_re; /* ^(?:value)$ when the value is a regex (non-replace rules) */
} sub_key;

typedef struct substitution {
	fl_pattern *re;
	sub_key *keys; /* in branch order: longest key first */
	bool marks;    /* branches carry (*MARK:i) instead of being group i+1 */
	size_t n;
	fl_ku_except ex;
	bool replace; /* action.name == replace */
} substitution;

static void substitution_free(substitution *st)
{
	size_t i;
	if (st == NULL)
		return;
	fl_pattern_free(st->re);
	for (i = 0; i < st->n; i++) {
		fl_pattern_free(st->keys[i].key_re);
		fl_pattern_free(st->keys[i].accept_re);
	}
	free(st->keys);
	fl_ku_except_dispose(&st->ex);
	free(st);
}

/* Copy `re` with every capturing "(" turned into "(?:" (escapes and classes respected). */
static int uncapture(fl_buf *b, const char *re)
{
	bool in_class = false;
	const char *p;
	for (p = re; *p; p++) {
		if (*p == '\\' && p[1] != '\0') {
			if (fl_buf_append(b, p, 2) < 0)
				return FULINT_ERR_NOMEM;
			p++;
			continue;
		}
		if (in_class) {
			if (*p == ']')
				in_class = false;
		} else if (*p == '[') {
			in_class = true;
			if (fl_buf_putc(b, *p) < 0)
				return FULINT_ERR_NOMEM;
			/* "[]..." and "[^]...": a leading ] is literal */
			if (p[1] == '^') {
				if (fl_buf_putc(b, *++p) < 0)
					return FULINT_ERR_NOMEM;
			}
			if (p[1] == ']') {
				if (fl_buf_putc(b, *++p) < 0)
					return FULINT_ERR_NOMEM;
			}
			continue;
		} else if (*p == '(' && p[1] != '?' && p[1] != '*') {
			if (fl_buf_puts(b, "(?:") < 0)
				return FULINT_ERR_NOMEM;
			continue;
		}
		if (fl_buf_putc(b, *p) < 0)
			return FULINT_ERR_NOMEM;
	}
	return 0;
}

/*
 * Does a key depend on group numbers or names (backreferences \1 \g \k,
 * named groups, (?|...), subroutine calls (?1) (?&n) (?R))?  Those keep
 * their meaning in the alternation only in the (*MARK) form.
 */
static bool needs_marks(const char *re)
{
	const char *p;
	for (p = re; *p; p++) {
		if (p[0] == '\\' && p[1] != '\0') {
			if ((p[1] >= '1' && p[1] <= '9') || p[1] == 'g' || p[1] == 'k')
				return true;
			p++;
		} else if (p[0] == '(' && p[1] == '?') {
			char c = p[2];
			if (c == '<' && p[3] != '=' && p[3] != '!')
				return true;
			if (c == 'P' || c == '\'' || c == '|' || c == '&' || c == 'R' || c == '+' ||
			    (c >= '0' && c <= '9') || (c == '-' && p[3] >= '0' && p[3] <= '9'))
				return true;
		}
	}
	return false;
}

static bool has_refs(const char *s)
{
	for (; *s; s++)
		if (s[0] == '$' && s[1] >= '0' && s[1] <= '9')
			return true;
	return false;
}

/* Indices of the swap pairs, longest key first (ties in file order). */
static int sorted_order(const fl_pairlist *swap, size_t **out)
{
	size_t *idx = fl_calloc(swap->n ? swap->n : 1, sizeof(*idx)), i;
	size_t lo, hi;
	if (idx == NULL)
		return FULINT_ERR_NOMEM;
	for (i = 0; i < swap->n; i++)
		idx[i] = i;
	/* a stable insertion sort (qsort is neither stable nor given a context) */
	for (hi = 1; hi < swap->n; hi++) {
		size_t v = idx[hi];
		size_t lv = strlen(swap->v[v].key.s);
		for (lo = hi; lo > 0 && strlen(swap->v[idx[lo - 1]].key.s) < lv; lo--)
			idx[lo] = idx[lo - 1];
		idx[lo] = v;
	}
	*out = idx;
	return 0;
}

static int substitution_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	unsigned kflags = d->ignorecase ? FL_RE_CASELESS : 0u;
	unsigned flags = FL_RE_MULTILINE | kflags;
	bool vocab = d->has_vocab ? d->vocab : true;
	substitution *st;
	fl_ku_re re = FL_KU_RE_INIT;
	fl_buf conv = FL_BUF_INIT;
	size_t *order = NULL, i;
	int rc = 0;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL || sorted_order(&d->swap, &order) < 0) {
		free(st);
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	}
	st->replace = d->action_name.s != NULL && strcmp(d->action_name.s, "replace") == 0;
	st->keys = fl_calloc(d->swap.n ? d->swap.n : 1, sizeof(*st->keys));
	if (st->keys == NULL)
		rc = FULINT_ERR_NOMEM;
	for (i = 0; i < d->swap.n; i++)
		if (d->swap.v[i].key.s != NULL && needs_marks(d->swap.v[i].key.s))
			st->marks = true;
	if (rc == 0)
		rc = fl_ku_re_text(&re, d->nonword ? "(?:" : "\\b(?:");
	for (i = 0; rc == 0 && i < d->swap.n; i++) {
		const fl_pair *pr = &d->swap.v[order[i]];
		sub_key *k = &st->keys[st->n];
		char mark[48];

		/* The key alone first: a bad key is reported where it is written. */
		rc = fl_ku_compile(NULL, NULL, kflags, r, "swap", &pr->key, err);
		if (rc < 0)
			break;
		k->repl = pr->value.s ? pr->value.s : "";
		k->has_refs = has_refs(k->repl);
		if (k->has_refs)
			rc = fl_ku_compile(&k->key_re, NULL, kflags | FL_RE_NO_JIT, r, "swap", &pr->key, err);
		if (rc == 0 && !st->replace && !k->has_refs && !fl_ku_is_plain(k->repl)) {
			/* Vale's matchToken: a value that is not a plain phrase is a
			 * pattern of acceptable forms (a bad one falls back to equality). */
			fl_buf a = FL_BUF_INIT;
			if (fl_buf_printf(&a, "^(?:%s)$", k->repl) < 0) {
				rc = FULINT_ERR_NOMEM;
			} else {
				fulint_error ignored;
				if (fl_pattern_compile(&k->accept_re, fl_buf_cstr(&a), FL_RE_NO_JIT, NULL, &ignored) ==
				    FULINT_ERR_NOMEM)
					rc = FULINT_ERR_NOMEM;
			}
			fl_buf_dispose(&a);
		}
		st->n++;
		if (rc < 0)
			break;
		fl_buf_reset(&conv);
		rc = uncapture(&conv, pr->key.s);
		if (st->marks)
			snprintf(mark, sizeof(mark), "%s(*MARK:%zu)(?:", i > 0 ? "|" : "", i);
		else
			snprintf(mark, sizeof(mark), "%s(", i > 0 ? "|" : "");
		if (rc == 0)
			rc = fl_ku_re_text(&re, mark);
		if (rc == 0)
			rc = fl_ku_re_piece(&re, "swap", &pr->key, fl_buf_cstr(&conv));
		if (rc == 0)
			rc = fl_ku_re_text(&re, ")");
	}
	if (rc == 0)
		rc = fl_ku_re_text(&re, d->nonword ? ")" : ")\\b");
	if (rc == FULINT_ERR_NOMEM && (err == NULL || err->code == 0))
		fl_error_set(err, rc, d->path, 0, 0, "out of memory");
	if (rc == 0)
		rc = fl_ku_re_compile(&re, &st->re, flags, r, err);
	if (rc == 0)
		rc = fl_ku_except_init(&st->ex, r, vocab, err);
	fl_ku_re_dispose(&re);
	fl_buf_dispose(&conv);
	free(order);
	if (rc < 0) {
		substitution_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

/* Which key matched: the branch's group or mark, or (never expected) the first key matching it all. */
static size_t key_of(const substitution *st, fl_lintctx *ctx, const fl_match *m, const char *s, size_t len)
{
	size_t i;
	if (!st->marks && m->last_group >= 1 && m->last_group <= st->n)
		return m->last_group - 1;
	if (m->mark != NULL) {
		size_t k = 0;
		const char *p = m->mark;
		while (*p >= '0' && *p <= '9')
			k = k * 10 + (size_t)(*p++ - '0');
		if (*p == '\0' && k < st->n)
			return k;
	}
	for (i = 0; i < st->n; i++)
		if (st->keys[i].key_re != NULL && fl_pattern_matches_all(ctx->matcher, st->keys[i].key_re, s, len))
			return i;
	return 0;
}

/* Vale's subMsg with $n: replace every match of the key in `obs` by the template. */
static const char *expand(fl_lintctx *ctx, const sub_key *k, const char *tpl, const char *obs, size_t len)
{
	fl_buf b = FL_BUF_INIT;
	size_t pos = 0, last = 0;
	fl_match m;
	const char *out = NULL;
	int rc;

	while ((rc = fl_pattern_next(ctx->matcher, k->key_re, obs, len, &pos, &m)) == 1) {
		const char *p;
		if (fl_buf_append(&b, obs + last, m.start - last) < 0)
			goto done;
		for (p = tpl; *p; p++) {
			if (p[0] == '$' && p[1] >= '0' && p[1] <= '9') {
				size_t g = (size_t)(*++p - '0');
				if (g < m.n_groups && m.gstart[g] != SIZE_MAX &&
				    fl_buf_append(&b, obs + m.gstart[g], m.gend[g] - m.gstart[g]) < 0)
					goto done;
			} else if (fl_buf_putc(&b, *p) < 0) {
				goto done;
			}
		}
		last = m.end;
	}
	if (rc < 0 && rc != FL_MATCH_LIMIT)
		goto done;
	if (fl_buf_append(&b, obs + last, len - last) < 0)
		goto done;
	out = fl_arena_strdup(ctx->arena, fl_buf_cstr(&b));
done:
	fl_buf_dispose(&b);
	return out;
}

/* Vale's convertMessage: "'%s' ... '%s'" -> "%s ... '%s'" (the forms come quoted). */
static const char *unquote_first(fl_lintctx *ctx, const char *msg)
{
	static const char *const specs[] = { "'%s'", "\"%s\"" };
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(specs); i++) {
		const char *a = strstr(msg, specs[i]), *b2;
		if (a == NULL)
			continue;
		b2 = strstr(a + 4, specs[i]);
		if (b2 == NULL || strstr(b2 + 4, specs[i]) != NULL)
			continue;
		{
			size_t pre = (size_t)(a - msg);
			char *out = fl_arena_alloc(ctx->arena, strlen(msg) + 1);
			if (out == NULL)
				return NULL;
			memcpy(out, msg, pre);
			memcpy(out + pre, "%s", 2);
			strcpy(out + pre + 2, a + 4);
			msg = out;
		}
	}
	return msg;
}

static int check_match(const fl_rule *r, fl_lintctx *ctx, const substitution *st, const char *base,
                       size_t seg_start, const fl_match *m)
{
	const sub_key *k;
	const char *obs, *expected, *first, *fmt;
	const char **opts = NULL;
	size_t n_opts = 0, i, len = m->end - m->start;
	bool capped, same = false;
	const char *args[2];
	fl_emit_args a;
	int rc;

	if (len == 0)
		return 0;
	obs = fl_arena_strndup(ctx->arena, base + m->start, len);
	if (obs == NULL)
		return FULINT_ERR_NOMEM;
	k = &st->keys[key_of(st, ctx, m, obs, len)];
	expected = k->repl;
	first = fl_ku_cap_first(ctx, obs, len);
	if (first == NULL)
		return FULINT_ERR_NOMEM;
	capped = r->def.capitalize && strcmp(first, obs) == 0;
	if (capped && (expected = fl_ku_cap_first(ctx, expected, strlen(expected))) == NULL)
		return FULINT_ERR_NOMEM;
	if (k->has_refs && (expected = expand(ctx, k, expected, obs, len)) == NULL)
		return FULINT_ERR_NOMEM;
	rc = fl_ku_options(ctx, expected, &opts, &n_opts);
	if (rc < 0)
		return rc;
	if (capped) {
		for (i = 0; i < n_opts; i++)
			if ((opts[i] = fl_ku_cap_first(ctx, opts[i], strlen(opts[i]))) == NULL)
				return FULINT_ERR_NOMEM;
	}

	/* Already in a preferred form? */
	if (!st->replace && k->accept_re != NULL)
		same = fl_pattern_matches_all(ctx->matcher, k->accept_re, obs, len) != 0;
	else if (!st->replace && strcmp(obs, expected) == 0)
		same = true;
	for (i = 0; !same && i < n_opts; i++)
		same = strcmp(opts[i], obs) == 0;
	if (same || fl_ku_excepted(&st->ex, ctx, obs, len))
		return 0;

	memset(&a, 0, sizeof(a));
	a.start = seg_start + m->start;
	a.end = seg_start + m->end;
	fmt = r->def.message.s ? r->def.message.s : "";
	args[0] = expected;
	args[1] = obs;
	if (st->replace && r->def.action_params.n == 0) {
		args[0] = fl_ku_to_sentence(ctx, opts, n_opts, "or");
		fmt = unquote_first(ctx, fmt);
		if (args[0] == NULL || fmt == NULL)
			return FULINT_ERR_NOMEM;
	}
	a.message = fl_format_message(ctx, fmt, args, 2);
	if (a.message == NULL)
		return FULINT_ERR_NOMEM;
	if (!(st->replace && r->def.action_params.n > 0)) {
		a.suggestions = opts;
		a.n_suggestions = n_opts;
	}
	return fl_emit(ctx, r, &a);
}

static int substitution_run(const fl_rule *r, fl_lintctx *ctx)
{
	const substitution *st = r->state;
	const char *subj = fl_scope_subject(ctx, r);
	fl_segment *segs = NULL;
	size_t n = 0, i;
	int rc;

	rc = fl_scope_segments(ctx, r, &segs, &n);
	for (i = 0; rc == 0 && i < n; i++) {
		const char *base = subj + segs[i].start;
		size_t len = segs[i].end - segs[i].start, pos = 0;
		fl_match m;

		while ((rc = fl_pattern_next(ctx->matcher, st->re, base, len, &pos, &m)) == 1) {
			rc = check_match(r, ctx, st, base, segs[i].start, &m);
			if (rc < 0)
				break;
		}
		if (rc == FL_MATCH_LIMIT)
			rc = fl_emit_limit(ctx, r, segs[i].start, segs[i].end);
	}
	return rc < 0 ? rc : 0;
}

static void substitution_dispose(fl_rule *r)
{
	substitution_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_substitution = {
	FL_KIND_SUBSTITUTION,
	substitution_compile,
	substitution_run,
	substitution_dispose,
};
