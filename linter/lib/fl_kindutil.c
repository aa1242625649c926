/*
 * fl_kindutil.c - helpers shared by the rule kinds (see fl_kindutil.h).
 *
 * Exceptions follow Vale (internal/check/definition.go, updateExceptions
 * and buildPhraseRe): one `\b(?:...)\b` alternation of the terms, longest
 * first, each case-sensitive unless it starts with (?i); a match is excepted
 * when that alternation occurs anywhere inside it.  Multi-word terms also
 * except a match that lies inside one of their occurrences in the text
 * (so `mea` is not flagged inside an accepted `mea culpa`).
 *
 * Case mapping covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
 * without locale or libc tables, which is what English follow-up notes and
 * the names in them need.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

/* ------------------------------------------------------------------ */
/* pattern building                                                     */

int fl_ku_re_text(fl_ku_re *re, const char *s)
{
	return fl_buf_puts(&re->b, s) < 0 ? FULINT_ERR_NOMEM : 0;
}

int fl_ku_re_piece(fl_ku_re *re, const char *key, const fl_str *src, const char *text)
{
	fl_ku_piece *p;
	if (text == NULL)
		text = src->s ? src->s : "";
	if (fl_grow((void **)&re->v, &re->cap, re->n + 1, sizeof(*re->v)) < 0)
		return FULINT_ERR_NOMEM;
	p = &re->v[re->n++];
	p->key = key;
	p->line = src->line;
	p->column = src->column;
	p->off = re->b.len;
	p->len = strlen(text);
	return fl_buf_puts(&re->b, text) < 0 ? FULINT_ERR_NOMEM : 0;
}

void fl_ku_re_dispose(fl_ku_re *re)
{
	fl_buf_dispose(&re->b);
	free(re->v);
	re->v = NULL;
	re->n = re->cap = 0;
}

/* The reason part of fl_pattern's "bad regex at offset N: reason". */
static const char *reason_of(const char *msg)
{
	const char *p = strstr(msg, "offset ");
	if (p != NULL) {
		p += 7;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p[0] == ':' && p[1] == ' ')
			return p + 2;
	}
	return msg;
}

static int regex_error(fulint_error *err, const fl_rule *r, const char *key, unsigned line,
                       unsigned column, size_t offset, const fulint_error *perr)
{
	char reason[sizeof(perr->message)];
	snprintf(reason, sizeof(reason), "%s", reason_of(perr->message));
	return fl_error_set(err, FULINT_ERR_RULE, r->def.path, line, column,
	                    "bad regex in '%s' at offset %zu: %s", key, offset, reason);
}

int fl_ku_re_compile(fl_ku_re *re, fl_pattern **out, unsigned flags, const fl_rule *r,
                     fulint_error *err)
{
	fulint_error perr;
	size_t off = 0, i;
	const fl_ku_piece *at = NULL;
	int rc;

	memset(&perr, 0, sizeof(perr));
	if (r->def.no_jit)
		flags |= FL_RE_NO_JIT;
	rc = fl_pattern_compile(out, fl_buf_cstr(&re->b), flags, &off, &perr);
	if (rc == 0)
		return 0;
	if (rc != FULINT_ERR_RULE)
		return fl_error_set(err, rc, r->def.path, 0, 0, "%s", perr.message);
	/* The last piece starting at or before the offset holds the problem
	 * (or the template text right after it). */
	for (i = 0; i < re->n; i++)
		if (re->v[i].off <= off)
			at = &re->v[i];
	if (at == NULL && re->n > 0)
		at = &re->v[0];
	if (at == NULL)
		return regex_error(err, r, "pattern", 0, 0, off, &perr);
	return regex_error(err, r, at->key, at->line, at->column,
	                   off >= at->off ? FL_MIN(off - at->off, at->len) : 0, &perr);
}

int fl_ku_compile(fl_pattern **out, const char *text, unsigned flags, const fl_rule *r, const char *key,
                  const fl_str *at, fulint_error *err)
{
	fulint_error perr;
	fl_pattern *p = NULL;
	size_t off = 0;
	int rc;

	if (text == NULL)
		text = at->s ? at->s : "";
	memset(&perr, 0, sizeof(perr));
	if (r->def.no_jit || out == NULL)
		flags |= FL_RE_NO_JIT;
	if (out == NULL)
		rc = fl_pattern_check(text, flags, &off, &perr);
	else
		rc = fl_pattern_compile(&p, text, flags, &off, &perr);
	if (rc == FULINT_ERR_RULE)
		return regex_error(err, r, key, at->line, at->column, off, &perr);
	if (rc < 0)
		return fl_error_set(err, rc, r->def.path, 0, 0, "%s", perr.message);
	if (out != NULL)
		*out = p;
	return 0;
}

/* ------------------------------------------------------------------ */
/* exceptions                                                           */

static bool is_phrase_term(const char *s)
{
	return strchr(s, ' ') != NULL || strchr(s, '\t') != NULL || strstr(s, "\\s") != NULL;
}

static int cmp_len_desc(const void *a, const void *b)
{
	const fl_str *x = *(const fl_str *const *)a, *y = *(const fl_str *const *)b;
	size_t lx = strlen(x->s), ly = strlen(y->s);
	if (lx != ly)
		return lx > ly ? -1 : 1;
	/* Equal lengths keep the file's order (qsort is not stable). */
	return x < y ? -1 : (x > y ? 1 : 0);
}

int fl_ku_except_init(fl_ku_except *ex, const fl_rule *r, bool vocab, fulint_error *err)
{
	const fl_strlist *l = &r->def.exceptions;
	const fl_str **sorted = NULL;
	fl_ku_re re = FL_KU_RE_INIT, ph = FL_KU_RE_INIT;
	size_t i, n_terms = 0, n_phrases = 0;
	int rc = 0;

	memset(ex, 0, sizeof(*ex));
	ex->vocab = vocab;
	if (l->n == 0)
		return 0;
	sorted = fl_calloc(l->n, sizeof(*sorted));
	if (sorted == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, r->def.path, 0, 0, "out of memory");
	for (i = 0; i < l->n; i++) {
		if (l->v[i].s == NULL || l->v[i].s[0] == '\0')
			continue;
		/* Each term must be a regex of its own: check it where it is written. */
		rc = fl_ku_compile(NULL, l->v[i].s, 0, r, "exceptions", &l->v[i], err);
		if (rc < 0)
			goto done;
		sorted[n_terms++] = &l->v[i];
	}
	if (n_terms == 0)
		goto done;
	qsort(sorted, n_terms, sizeof(*sorted), cmp_len_desc);

	rc = fl_ku_re_text(&re, "\\b(?:");
	for (i = 0; rc == 0 && i < n_terms; i++) {
		const char *t = sorted[i]->s;
		if (i > 0)
			rc = fl_ku_re_text(&re, "|");
		/* Vale: a (?i) in one term must not leak into the others. */
		if (rc == 0 && strncmp(t, "(?i)", 4) != 0)
			rc = fl_ku_re_text(&re, "(?-i)");
		if (rc == 0)
			rc = fl_ku_re_piece(&re, "exceptions", sorted[i], NULL);
	}
	if (rc == 0)
		rc = fl_ku_re_text(&re, ")\\b");
	if (rc == 0)
		rc = fl_ku_re_compile(&re, &ex->re, FL_RE_MULTILINE, r, err);
	if (rc < 0)
		goto done;

	rc = fl_ku_re_text(&ph, "\\b(?:");
	for (i = 0; rc == 0 && i < n_terms; i++) {
		if (!is_phrase_term(sorted[i]->s))
			continue;
		if (n_phrases++ > 0)
			rc = fl_ku_re_text(&ph, "|");
		if (rc == 0)
			rc = fl_ku_re_piece(&ph, "exceptions", sorted[i], NULL);
	}
	if (rc == 0)
		rc = fl_ku_re_text(&ph, ")\\b");
	if (rc == 0 && n_phrases > 0)
		rc = fl_ku_re_compile(&ph, &ex->phrase, FL_RE_CASELESS | FL_RE_MULTILINE, r, err);

done:
	if (rc == FULINT_ERR_NOMEM && err != NULL && err->code == 0)
		fl_error_set(err, rc, r->def.path, 0, 0, "out of memory");
	fl_ku_re_dispose(&re);
	fl_ku_re_dispose(&ph);
	free(sorted);
	if (rc < 0)
		fl_ku_except_dispose(ex);
	return rc;
}

void fl_ku_except_dispose(fl_ku_except *ex)
{
	fl_pattern_free(ex->re);
	fl_pattern_free(ex->phrase);
	ex->re = ex->phrase = NULL;
}

bool fl_ku_excepted(const fl_ku_except *ex, fl_lintctx *ctx, const char *obs, size_t len)
{
	if (ex->re != NULL) {
		fl_match m;
		if (fl_pattern_find(ctx->matcher, ex->re, obs, len, 0, &m) == 1)
			return true;
	}
	return ex->vocab && len > 0 && fl_lint_accepts(ctx, obs, len);
}

void fl_ku_phrases_reset(fl_ku_phrases *c)
{
	c->n = 0;
	c->done = false;
}

void fl_ku_phrases_dispose(fl_ku_phrases *c)
{
	free(c->v);
	memset(c, 0, sizeof(*c));
}

bool fl_ku_within_phrase(const fl_ku_except *ex, fl_lintctx *ctx, fl_ku_phrases *cache, const char *seg,
                         size_t seglen, size_t ms, size_t me)
{
	if (ex->phrase == NULL)
		return false;
	if (!cache->done) {
		size_t pos = 0;
		fl_match m;
		cache->done = true;
		cache->n = 0;
		while (fl_pattern_next(ctx->matcher, ex->phrase, seg, seglen, &pos, &m) == 1) {
			if (fl_grow((void **)&cache->v, &cache->cap, cache->n + 1, sizeof(*cache->v)) < 0)
				break; /* out of memory: fewer exceptions, never a crash */
			cache->v[cache->n].start = m.start;
			cache->v[cache->n].end = m.end;
			cache->n++;
		}
	}
	/* The spans are sorted and disjoint: the last one starting at or
	 * before `ms` is the only one that can hold the match. */
	{
		size_t lo = 0, hi = cache->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cache->v[mid].start <= ms)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo > 0 && me <= cache->v[lo - 1].end;
	}
}

/* ------------------------------------------------------------------ */
/* actions                                                              */

int fl_ku_action_init(fl_ku_action *a, const fl_rule *r, fulint_error *err)
{
	const char *name = r->def.action_name.s;
	const fl_strlist *p = &r->def.action_params;

	memset(a, 0, sizeof(*a));
	if (name == NULL || name[0] == '\0')
		return 0;
	if (strcmp(name, "replace") == 0)
		a->kind = FL_ACT_REPLACE;
	else if (strcmp(name, "remove") == 0)
		a->kind = FL_ACT_REMOVE;
	else if (strcmp(name, "edit") == 0)
		a->kind = FL_ACT_EDIT;
	else if (strcmp(name, "suggest") == 0)
		a->kind = FL_ACT_SUGGEST;
	else if (strcmp(name, "convert") == 0)
		a->kind = FL_ACT_CONVERT;
	if (a->kind == FL_ACT_EDIT && p->n == 3 && strcmp(p->v[0].s, "regex") == 0)
		return fl_ku_compile(&a->re, NULL, 0, r, "action.params", &p->v[1], err);
	return 0;
}

void fl_ku_action_dispose(fl_ku_action *a)
{
	fl_pattern_free(a->re);
	a->re = NULL;
}

/* Go's ReplaceAllString template: $1, ${1}, $$ (named groups are not supported). */
static int expand_template(fl_buf *b, const char *tpl, const char *s, const fl_match *m)
{
	const char *p;
	for (p = tpl; *p; p++) {
		if (*p == '$' && p[1] == '$') {
			if (fl_buf_putc(b, '$') < 0)
				return FULINT_ERR_NOMEM;
			p++;
		} else if (*p == '$' && ((p[1] >= '0' && p[1] <= '9') || (p[1] == '{' && p[2] >= '0' && p[2] <= '9'))) {
			bool brace = p[1] == '{';
			size_t g = 0;
			p += brace ? 2 : 1;
			while (*p >= '0' && *p <= '9') {
				if (g < 1000)
					g = g * 10 + (size_t)(*p - '0');
				p++;
			}
			if (brace && *p == '}')
				p++;
			p--;
			if (g < m->n_groups && g < FL_MAX_GROUPS && m->gstart[g] != SIZE_MAX &&
			    fl_buf_append(b, s + m->gstart[g], m->gend[g] - m->gstart[g]) < 0)
				return FULINT_ERR_NOMEM;
		} else if (fl_buf_putc(b, *p) < 0) {
			return FULINT_ERR_NOMEM;
		}
	}
	return 0;
}

static bool in_set(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

int fl_ku_action_fixes(const fl_ku_action *a, const fl_rule *r, fl_lintctx *ctx, const char *match,
                       size_t len, const char ***out, size_t *n)
{
	const fl_strlist *p = &r->def.action_params;
	const char **v;
	fl_buf b = FL_BUF_INIT;
	size_t i, s = 0, e = len;
	int rc = 0;

	*out = NULL;
	*n = 0;
	switch (a->kind) {
	case FL_ACT_REPLACE:
		if (p->n == 0)
			return 0;
		v = fl_arena_alloc(ctx->arena, p->n * sizeof(*v));
		if (v == NULL)
			return FULINT_ERR_NOMEM;
		for (i = 0; i < p->n; i++)
			v[i] = p->v[i].s;
		*out = v;
		*n = p->n;
		return 0;
	case FL_ACT_REMOVE:
		v = fl_arena_alloc(ctx->arena, sizeof(*v));
		if (v == NULL)
			return FULINT_ERR_NOMEM;
		v[0] = "";
		*out = v;
		*n = 1;
		return 0;
	case FL_ACT_CONVERT:
		break;
	case FL_ACT_EDIT: {
		const char *op = p->n > 0 ? p->v[0].s : "";
		if (strcmp(op, "regex") == 0 && a->re != NULL) {
			size_t pos = 0, last = 0;
			fl_match m;
			while ((rc = fl_pattern_next(ctx->matcher, a->re, match, len, &pos, &m)) == 1) {
				if (fl_buf_append(&b, match + last, m.start - last) < 0 ||
				    expand_template(&b, p->v[2].s, match, &m) < 0) {
					rc = FULINT_ERR_NOMEM;
					break;
				}
				last = m.end;
			}
			if (rc < 0 && rc != FL_MATCH_LIMIT)
				goto fail;
			if (rc == FL_MATCH_LIMIT) {
				fl_buf_dispose(&b);
				return 0; /* no fix rather than a wrong one */
			}
			if (fl_buf_append(&b, match + last, len - last) < 0)
				goto nomem;
			match = fl_buf_cstr(&b);
			len = b.len;
			e = len;
		} else if (p->n == 2 && (strcmp(op, "trim") == 0 || strcmp(op, "trim_left") == 0 ||
		                         strcmp(op, "trim_right") == 0)) {
			const char *set = p->v[1].s;
			if (strcmp(op, "trim_right") != 0)
				while (s < e && in_set(match[s], set))
					s++;
			if (strcmp(op, "trim_left") != 0)
				while (e > s && in_set(match[e - 1], set))
					e--;
		} else if (p->n == 2 && strcmp(op, "truncate") == 0 && p->v[1].s[0] != '\0') {
			const char *sep = p->v[1].s;
			size_t sl = strlen(sep);
			for (i = 0; i + sl <= len; i++)
				if (memcmp(match + i, sep, sl) == 0)
					break;
			if (i + sl <= len)
				e = i;
		} else if (p->n == 3 && strcmp(op, "split") == 0 && p->v[1].s[0] != '\0') {
			const char *sep = p->v[1].s;
			size_t sl = strlen(sep), want = 0, part = 0, from = 0;
			const char *q = p->v[2].s;
			bool found = false;
			while (*q >= '0' && *q <= '9' && want < 100000)
				want = want * 10 + (size_t)(*q++ - '0');
			for (i = 0; i <= len; i++) {
				bool at_sep = i + sl <= len && memcmp(match + i, sep, sl) == 0;
				if (at_sep || i == len) {
					if (part == want) {
						s = from;
						e = i;
						found = true;
						break;
					}
					part++;
					from = i + sl;
					if (at_sep)
						i += sl - 1;
				}
			}
			if (!found) {
				fl_buf_dispose(&b);
				return 0;
			}
		} else if (strcmp(op, "regex") != 0) {
			fl_buf_dispose(&b);
			return 0; /* unknown edit: Vale fails; fulint offers nothing */
		}
		/* Vale trims the edited text. */
		fl_ku_trim(match, &s, &e);
		break;
	}
	default:
		return 0;
	}
	v = fl_arena_alloc(ctx->arena, sizeof(*v));
	if (v == NULL)
		goto nomem;
	v[0] = fl_arena_strndup(ctx->arena, match + s, e - s);
	if (v[0] == NULL)
		goto nomem;
	fl_buf_dispose(&b);
	*out = v;
	*n = 1;
	return 0;
nomem:
	rc = FULINT_ERR_NOMEM;
fail:
	fl_buf_dispose(&b);
	return rc;
}

/* ------------------------------------------------------------------ */
/* case                                                                 */

uint32_t fl_ku_lower_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
		return cp + 32;
	if (cp == 0x178)
		return 0xFF;
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x130)
			return 'i';
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return (cp & 1) ? cp + 1 : cp;
		if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
			return (cp & 1) ? cp : cp + 1;
		return cp;
	}
	if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

uint32_t fl_ku_upper_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
		return cp - 32;
	if (cp == 0xFF)
		return 0x178;
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x131)
			return 'I';
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return (cp & 1) ? cp : cp - 1;
		if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
			return (cp & 1) ? cp - 1 : cp;
		return cp;
	}
	if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2)
		return cp - 32;
	if (cp == 0x3C2) /* final sigma */
		return 0x3A3;
	if (cp >= 0x430 && cp <= 0x44F)
		return cp - 32;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 80;
	return cp;
}

int fl_ku_case(fl_buf *b, const char *s, size_t len, bool upper)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = fl_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (fl_buf_putc(b, s[i]) < 0)
				return FULINT_ERR_NOMEM;
			i++;
			continue;
		}
		{
			uint32_t m = upper ? fl_ku_upper_cp(cp) : fl_ku_lower_cp(cp);
			char enc[4];
			size_t k = fl_utf8_encode(m, enc);
			if (fl_buf_append(b, enc, k) < 0)
				return FULINT_ERR_NOMEM;
		}
		i += n;
	}
	return 0;
}

bool fl_ku_is_cased(const char *s, size_t len, bool upper)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = fl_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		if ((upper ? fl_ku_upper_cp(cp) : fl_ku_lower_cp(cp)) != cp)
			return false;
		i += n;
	}
	return true;
}

bool fl_ku_fold_eq(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		uint32_t x, y;
		size_t n = fl_utf8_decode(a + i, alen - i, &x), m = fl_utf8_decode(b + j, blen - j, &y);
		if (n == 0 || m == 0) {
			if (a[i] != b[j])
				return false;
			i++;
			j++;
			continue;
		}
		if (fl_ku_lower_cp(x) != fl_ku_lower_cp(y))
			return false;
		i += n;
		j += m;
	}
	return i == alen && j == blen;
}

const char *fl_ku_cap_first(fl_lintctx *ctx, const char *s, size_t len)
{
	fl_buf b = FL_BUF_INIT;
	const char *out;
	uint32_t cp;
	size_t n = len ? fl_utf8_decode(s, len, &cp) : 0;
	if (n > 0) {
		char enc[4];
		size_t k = fl_utf8_encode(fl_ku_upper_cp(cp), enc);
		if (fl_buf_append(&b, enc, k) < 0)
			goto fail;
	}
	if (fl_buf_append(&b, s + n, len - n) < 0)
		goto fail;
	out = fl_arena_strdup(ctx->arena, fl_buf_cstr(&b));
	fl_buf_dispose(&b);
	return out;
fail:
	fl_buf_dispose(&b);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* small text helpers                                                   */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void fl_ku_trim(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && is_space(s[*start]))
		(*start)++;
	while (*end > *start && is_space(s[*end - 1]))
		(*end)--;
}

bool fl_ku_is_plain(const char *s)
{
	for (; *s; s++)
		if (strchr("\\^$.|?*+()[]{}", *s) != NULL)
			return false;
	return true;
}

int fl_ku_options(fl_lintctx *ctx, const char *s, const char ***out, size_t *n)
{
	size_t count = 1, k = 0;
	const char *p;
	const char **v;
	fl_buf b = FL_BUF_INIT;

	*out = NULL;
	*n = 0;
	for (p = s; *p; p++)
		if (*p == '|')
			count++;
	v = fl_arena_alloc(ctx->arena, count * sizeof(*v));
	if (v == NULL)
		return FULINT_ERR_NOMEM;
	for (p = s;; p++) {
		if (*p == '\\' && p[1] == '|') {
			if (fl_buf_putc(&b, '|') < 0)
				goto nomem;
			p++;
		} else if (*p == '|' || *p == '\0') {
			if (b.len > 0) {
				v[k] = fl_arena_strndup(ctx->arena, b.data, b.len);
				if (v[k] == NULL)
					goto nomem;
				k++;
			}
			fl_buf_reset(&b);
			if (*p == '\0')
				break;
		} else if (fl_buf_putc(&b, *p) < 0) {
			goto nomem;
		}
	}
	fl_buf_dispose(&b);
	*out = v;
	*n = k;
	return 0;
nomem:
	fl_buf_dispose(&b);
	return FULINT_ERR_NOMEM;
}

const char *fl_ku_to_sentence(fl_lintctx *ctx, const char *const *items, size_t n, const char *word)
{
	fl_buf b = FL_BUF_INIT;
	const char *out;
	size_t i;
	int rc = 0;
	for (i = 0; rc == 0 && i < n; i++) {
		if (i > 0 && n == 2)
			rc = fl_buf_printf(&b, " %s ", word);
		else if (i > 0 && i + 1 == n)
			rc = fl_buf_printf(&b, ", %s ", word);
		else if (i > 0)
			rc = fl_buf_puts(&b, ", ");
		if (rc == 0)
			rc = fl_buf_printf(&b, "'%s'", items[i]);
	}
	out = rc < 0 ? NULL : fl_arena_strdup(ctx->arena, fl_buf_cstr(&b));
	fl_buf_dispose(&b);
	return out;
}

void fl_ku_format_value(char *buf, size_t cap, double v)
{
	if (isfinite(v) && fabs(v) < 1e15 && v == floor(v))
		snprintf(buf, cap, "%.0f", v == 0 ? 0.0 : v);
	else
		snprintf(buf, cap, "%.2f", v);
}

void fl_ku_format_limit(char *buf, size_t cap, double v)
{
	if (isfinite(v) && fabs(v) < 1e15 && v == floor(v))
		snprintf(buf, cap, "%.0f", v == 0 ? 0.0 : v);
	else
		snprintf(buf, cap, "%g", v);
}

void fl_ku_anchor(fl_lintctx *ctx, const fl_rule *r, const fl_segment *seg, bool whole, fl_emit_args *a)
{
	if (whole) {
		a->whole_note = true;
		a->start = a->end = fl_lint_body_anchor(ctx);
	} else {
		size_t s0 = seg->start, e0 = seg->end;
		fl_ku_trim(fl_scope_subject(ctx, r), &s0, &e0);
		a->start = a->end = s0;
	}
}

bool fl_ku_whole_note(const fl_rule *r)
{
	unsigned mask = r->scope_mask;
	return mask == 0 || (mask & ~(unsigned)(FL_SCOPE_TEXT | FL_SCOPE_BODY | FL_SCOPE_RAW)) == 0;
}

const char *fl_ku_message(fl_lintctx *ctx, const fl_rule *r, const char *const *args, size_t n)
{
	return fl_format_message(ctx, r->def.message.s ? r->def.message.s : "", args, n);
}
