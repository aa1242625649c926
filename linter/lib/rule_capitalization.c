/*
 * rule_capitalization.c - Vale's `capitalization` extension point: the
 * text of each segment must be in title case, sentence case, lower case,
 * upper case, or match a pattern.
 *
 * Semantics (vale.sh/docs/checks/capitalization and Vale's
 * capitalization.go / variables.go):
 *  - Vale applies the rule to headings by default; a plain draft has none,
 *    so a rule runs only where its `scope` says (the subject line, each
 *    sentence, ...), on each segment's text with white space trimmed;
 *  - `$title`: the text is title-cased by AP rules (default) or Chicago
 *    (`style: Chicago`): first and last words capitalized, small words
 *    (a, an, and, as, at, but, by, for, if, in, nor, of, on, or, per, the,
 *    to, vs, via; Chicago adds common prepositions such as with, from,
 *    about) in lower case.  The words of the text are compared one by one
 *    with that form; a word also counts as right when it is all capitals
 *    or an exception.  The text passes when more than `threshold` (default
 *    0.8) of its words are right.  Without a part-of-speech tagger fulint
 *    cannot tell an infinitive "to" (capitalized by AP), so it accepts
 *    either case for "to";
 *  - `$sentence`: the first word capitalized (a first word in lower case
 *    fails at once), the others lower case unless all capitals, an
 *    exception, or right after a word ending in one of `indicators` (or a
 *    list number such as "1."); trailing ?!.: are ignored; passes above
 *    `threshold`;
 *  - `$lower` / `$upper`: the whole text in that case, or an exception;
 *  - any other `match` is a regex that must occur in the text (or an
 *    exception matches it);
 *  - `prefix`: a constant prefix skipped before checking;
 *  - the message's %s %s are the text and the expected form; for $title,
 *    $sentence, $lower and $upper the expected form is the suggestion.
 */
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"

enum { CAP_TITLE, CAP_SENTENCE, CAP_LOWER, CAP_UPPER, CAP_REGEX };

typedef struct capitalization {
	int mode;
	bool chicago;
	double threshold;
	fl_pattern *re;      /* CAP_REGEX */
	fl_pattern *words;   /* exceptions, or [\p{N}\p{L}*]+[^\s]* */
	fl_pattern *split;   /* title-case split: [\p{N}\p{L}]+[^\s/\-]* */
	fl_pattern *numlist; /* \d+\. */
	fl_ku_except ex;
} capitalization;

static const char *const small_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor",
	"of", "on", "or", "per", "the", "to", "vs", "vs.", "via", "v", "v.",
};

static const char *const prepositions[] = {
	"with", "from", "into", "during", "including", "until", "against", "among", "throughout",
	"despite", "towards", "upon", "concerning", "about", "over", "through", "before", "between",
	"after", "since", "without", "under", "within", "along", "following", "across", "beyond",
	"around", "down", "near", "above",
};

typedef struct span {
	size_t s, e;
} span;

typedef struct spans {
	span *v;
	size_t n, cap;
} spans;

static void capitalization_free(capitalization *st)
{
	if (st == NULL)
		return;
	fl_pattern_free(st->re);
	fl_pattern_free(st->words);
	fl_pattern_free(st->split);
	fl_pattern_free(st->numlist);
	fl_ku_except_dispose(&st->ex);
	free(st);
}

static int capitalization_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	const char *match = d->match.s ? d->match.s : "";
	bool vocab = d->has_vocab ? d->vocab : true;
	fl_str none = { NULL, 0, 0 };
	capitalization *st;
	fl_ku_re re = FL_KU_RE_INIT;
	size_t i, used = 0;
	int rc = 0;

	r->state = NULL;
	st = fl_calloc(1, sizeof(*st));
	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	st->threshold = d->has_threshold && d->threshold != 0 ? d->threshold : 0.8;
	st->chicago = d->style.s != NULL && fl_ascii_casecmp(d->style.s, "Chicago") == 0;
	if (strcmp(match, "$title") == 0)
		st->mode = CAP_TITLE;
	else if (strcmp(match, "$sentence") == 0)
		st->mode = CAP_SENTENCE;
	else if (strcmp(match, "$lower") == 0)
		st->mode = CAP_LOWER;
	else if (strcmp(match, "$upper") == 0)
		st->mode = CAP_UPPER;
	else {
		st->mode = CAP_REGEX;
		rc = fl_ku_compile(&st->re, NULL, 0, r, "match", &d->match, err);
	}
	if (rc == 0)
		rc = fl_ku_except_init(&st->ex, r, vocab, err);
	/* Words: an exception (possibly several words) or one token. */
	if (rc == 0) {
		rc = fl_ku_re_text(&re, "\\b(?:");
		for (i = 0; rc == 0 && i < d->exceptions.n; i++) {
			if (d->exceptions.v[i].s == NULL || d->exceptions.v[i].s[0] == '\0')
				continue;
			if (used++ > 0)
				rc = fl_ku_re_text(&re, "|");
			if (rc == 0)
				rc = fl_ku_re_piece(&re, "exceptions", &d->exceptions.v[i], NULL);
		}
		if (rc == 0)
			rc = fl_ku_re_text(&re, used ? ")\\b|[\\p{N}\\p{L}*]+\\S*" : "(*FAIL))|[\\p{N}\\p{L}*]+\\S*");
		if (rc == FULINT_ERR_NOMEM)
			fl_error_set(err, rc, d->path, 0, 0, "out of memory");
	}
	if (rc == 0)
		rc = fl_ku_re_compile(&re, &st->words, 0, r, err);
	if (rc == 0)
		rc = fl_ku_compile(&st->split, "[\\p{N}\\p{L}]+[^\\s/\\-]*", 0, r, "match", &none, err);
	if (rc == 0)
		rc = fl_ku_compile(&st->numlist, "\\d+\\.", FL_RE_NO_JIT, r, "indicators", &none, err);
	fl_ku_re_dispose(&re);
	if (rc < 0) {
		capitalization_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

/* All matches of `p` in s[0..len) into *out (reset first). */
static int find_all(fl_lintctx *ctx, const fl_pattern *p, const char *s, size_t len, spans *out)
{
	size_t pos = 0;
	fl_match m;
	int rc;
	out->n = 0;
	while ((rc = fl_pattern_next(ctx->matcher, p, s, len, &pos, &m)) == 1) {
		if (m.end == m.start)
			continue;
		if (fl_grow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v)) < 0)
			return FULINT_ERR_NOMEM;
		out->v[out->n].s = m.start;
		out->v[out->n].e = m.end;
		out->n++;
	}
	return rc;
}

static bool in_list(const char *w, size_t len, const char *const *list, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
			return true;
	return false;
}

/* An exception term equal to the word but for case (the vocabulary's spelling wins). */
static const char *vocab_form(const fl_rule *r, const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < r->def.exceptions.n; i++) {
		const char *t = r->def.exceptions.v[i].s;
		if (t != NULL && fl_ku_is_plain(t) && fl_ku_fold_eq(t, strlen(t), w, len))
			return t;
	}
	return NULL;
}

static char char_at(const char *s, size_t len, size_t i, bool valid)
{
	return valid && i < len ? s[i] : s[0];
}

/* The title-case form of s (Vale's TitleConverter, without its POS tagger). */
static int title_case(const capitalization *st, const fl_rule *r, fl_lintctx *ctx, const char *s, size_t len,
                      fl_buf *out, spans *tmp)
{
	size_t i, last = 0;
	int rc = find_all(ctx, st->split, s, len, tmp);
	if (rc < 0)
		return rc;
	for (i = 0; i < tmp->n; i++) {
		size_t ms = tmp->v[i].s, me = tmp->v[i].e;
		bool bounding = ms == 0 || me == len, small;
		char prev = char_at(s, len, ms - 1, ms >= 1), pprev = char_at(s, len, ms - 2, ms >= 2);
		char next = char_at(s, len, me, true);
		fl_buf low = FL_BUF_INIT;
		const char *vf;

		if (fl_buf_append(out, s + last, ms - last) < 0 || fl_ku_case(&low, s + ms, me - ms, false) < 0) {
			fl_buf_dispose(&low);
			return FULINT_ERR_NOMEM;
		}
		small = !bounding && (in_list(fl_buf_cstr(&low), low.len, small_words, FL_ARRAY_LEN(small_words)) ||
		                      (st->chicago && in_list(fl_buf_cstr(&low), low.len, prepositions,
		                                              FL_ARRAY_LEN(prepositions))));
		vf = vocab_form(r, s + ms, me - ms);
		if (vf != NULL)
			rc = fl_buf_puts(out, vf);
		else if (small && (prev == ' ' || prev == '-' || prev == '/') && pprev != ':' && pprev != '-' &&
		         (next != '-' || prev == '-'))
			rc = fl_buf_append(out, fl_buf_cstr(&low), low.len);
		else {
			const char *cap = fl_ku_cap_first(ctx, s + ms, me - ms);
			rc = cap ? fl_buf_puts(out, cap) : FULINT_ERR_NOMEM;
		}
		fl_buf_dispose(&low);
		if (rc < 0)
			return FULINT_ERR_NOMEM;
		last = me;
	}
	return fl_buf_append(out, s + last, len - last) < 0 ? FULINT_ERR_NOMEM : 0;
}

/* Vale's title(): the share of words that agree with the title-case form. */
static int check_title(const capitalization *st, const fl_rule *r, fl_lintctx *ctx, const char *s, size_t len,
                       fl_buf *expected, bool *ok)
{
	spans a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	double count = 0, words = 0;
	const char *x;
	size_t i;
	int rc = title_case(st, r, ctx, s, len, expected, &a);
	if (rc == 0)
		rc = find_all(ctx, st->words, s, len, &a);
	x = fl_buf_cstr(expected);
	if (rc == 0)
		rc = find_all(ctx, st->words, x, expected->len, &b);
	for (i = 0; rc == 0 && i < a.n; i++) {
		const char *w = s + a.v[i].s;
		size_t wl = a.v[i].e - a.v[i].s;
		words++;
		if (i >= b.n) {
			count++;
			continue;
		}
		if ((wl == b.v[i].e - b.v[i].s && memcmp(w, x + b.v[i].s, wl) == 0) ||
		    fl_ku_excepted(&st->ex, ctx, w, wl) || fl_ku_is_cased(w, wl, true) ||
		    (wl == 2 && fl_ku_fold_eq(w, wl, "to", 2)))
			count++;
	}
	free(a.v);
	free(b.v);
	*ok = words == 0 || count / words > st->threshold;
	return rc < 0 ? rc : 0;
}

static bool has_indicator(const fl_rule *r, const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < r->def.indicators.n; i++) {
		const char *sfx = r->def.indicators.v[i].s;
		size_t n = sfx ? strlen(sfx) : 0;
		if (n > 0 && len >= n && memcmp(w + len - n, sfx, n) == 0)
			return true;
	}
	return false;
}

/* The part of a token before '-', '\'' or U+2019 (Vale: "Top-level", "Client's"). */
static size_t head_len(const char *w, size_t len)
{
	size_t i;
	const char *cut = memchr(w, '-', len);
	if (cut == NULL)
		cut = memchr(w, '\'', len);
	if (cut == NULL) {
		for (i = 0; i + 2 < len; i++)
			if (memcmp(w + i, "\xE2\x80\x99", 3) == 0) {
				cut = w + i;
				break;
			}
	}
	return cut ? (size_t)(cut - w) : len;
}

/* True when w is "Xxxx": first character upper case, the rest lower case. */
static bool is_title_word(const char *w, size_t len)
{
	uint32_t cp;
	size_t n = len ? fl_utf8_decode(w, len, &cp) : 0;
	if (n == 0)
		return len == 0;
	return fl_ku_upper_cp(fl_ku_lower_cp(cp)) == cp && fl_ku_is_cased(w + n, len - n, false);
}

/* Vale's sentence(): first word capitalized, the rest lower case (with exceptions). */
static int check_sentence(const capitalization *st, const fl_rule *r, fl_lintctx *ctx, const char *s,
                          size_t len, fl_buf *expected, bool *ok)
{
	spans t = { NULL, 0, 0 };
	double count = 0, words = 0;
	size_t i, tl = len, last = 0;
	bool fail_first = false;
	int rc;

	while (tl > 0 && strchr("?!.:", s[tl - 1]) != NULL)
		tl--;
	rc = find_all(ctx, st->words, s, tl, &t);
	for (i = 0; rc == 0 && i < t.n; i++) {
		const char *w = s + t.v[i].s;
		size_t wl = t.v[i].e - t.v[i].s, hl = head_len(w, wl);
		bool keep = false;
		if (i > 0) {
			const char *pw = s + t.v[i - 1].s;
			size_t pl = t.v[i - 1].e - t.v[i - 1].s;
			keep = has_indicator(r, pw, pl) ||
			       fl_pattern_matches_all(ctx->matcher, st->numlist, pw, pl) == 1;
		}
		keep = keep || fl_ku_is_cased(w, hl, true) || fl_ku_excepted(&st->ex, ctx, w, hl) ||
		       fl_ku_excepted(&st->ex, ctx, w, wl);
		words++;
		if (keep)
			count++;
		else if (i == 0 && !is_title_word(w, hl))
			fail_first = true;
		else if (i == 0 || fl_ku_is_cased(w, hl, false))
			count++;

		/* the expected form */
		if (fl_buf_append(expected, s + last, t.v[i].s - last) < 0)
			rc = FULINT_ERR_NOMEM;
		else if (keep)
			rc = fl_buf_append(expected, w, wl) < 0 ? FULINT_ERR_NOMEM : 0;
		else if (i == 0) {
			fl_buf low = FL_BUF_INIT;
			const char *cap = NULL;
			if (fl_ku_case(&low, w, wl, false) == 0)
				cap = fl_ku_cap_first(ctx, fl_buf_cstr(&low), low.len);
			rc = cap != NULL && fl_buf_puts(expected, cap) == 0 ? 0 : FULINT_ERR_NOMEM;
			fl_buf_dispose(&low);
		} else {
			rc = fl_ku_case(expected, w, wl, false);
		}
		last = t.v[i].e;
	}
	if (rc >= 0 && fl_buf_append(expected, s + last, len - last) < 0)
		rc = FULINT_ERR_NOMEM;
	free(t.v);
	*ok = !fail_first && (words == 0 || count / words > st->threshold);
	return rc < 0 ? rc : 0;
}

static int check_segment(const fl_rule *r, fl_lintctx *ctx, const capitalization *st, const char *subj,
                         size_t start, size_t end)
{
	const char *s;
	size_t len, skip = 0;
	fl_buf expected = FL_BUF_INIT;
	const char *exp_s = NULL;
	bool ok = true, suggest = true;
	int rc = 0;

	fl_ku_trim(subj, &start, &end);
	if (end <= start)
		return 0;
	s = subj + start;
	len = end - start;
	if (r->def.prefix.s != NULL && r->def.prefix.s[0] != '\0') {
		size_t pl = strlen(r->def.prefix.s);
		if (pl <= len && memcmp(s, r->def.prefix.s, pl) == 0) {
			skip = pl;
			while (skip < len && (s[skip] == ' ' || s[skip] == '\t'))
				skip++;
		}
	}

	switch (st->mode) {
	case CAP_LOWER:
	case CAP_UPPER: {
		bool up = st->mode == CAP_UPPER;
		ok = fl_ku_is_cased(s + skip, len - skip, up) || fl_ku_excepted(&st->ex, ctx, s + skip, len - skip);
		if (!ok && (fl_buf_append(&expected, s, skip) < 0 ||
		            fl_ku_case(&expected, s + skip, len - skip, up) < 0))
			rc = FULINT_ERR_NOMEM;
		break;
	}
	case CAP_REGEX: {
		fl_match m;
		int f = fl_pattern_find(ctx->matcher, st->re, s + skip, len - skip, 0, &m);
		if (f == FL_MATCH_LIMIT)
			return fl_emit_limit(ctx, r, start, end);
		if (f < 0)
			return f;
		ok = f == 1 || fl_ku_excepted(&st->ex, ctx, s + skip, len - skip);
		suggest = false;
		exp_s = r->def.match.s;
		break;
	}
	case CAP_TITLE:
	case CAP_SENTENCE:
		if (fl_buf_append(&expected, s, skip) < 0) {
			rc = FULINT_ERR_NOMEM;
			break;
		}
		rc = st->mode == CAP_TITLE ? check_title(st, r, ctx, s + skip, len - skip, &expected, &ok)
		                           : check_sentence(st, r, ctx, s + skip, len - skip, &expected, &ok);
		break;
	default:
		break;
	}
	if (rc == FL_MATCH_LIMIT) {
		fl_buf_dispose(&expected);
		return fl_emit_limit(ctx, r, start, end);
	}
	if (rc == 0 && !ok) {
		fl_emit_args a;
		const char *args[2];
		memset(&a, 0, sizeof(a));
		a.start = start;
		a.end = end;
		args[0] = fl_arena_strndup(ctx->arena, s, len);
		args[1] = exp_s ? exp_s : fl_arena_strdup(ctx->arena, fl_buf_cstr(&expected));
		if (args[0] == NULL || args[1] == NULL) {
			rc = FULINT_ERR_NOMEM;
		} else {
			a.message = fl_ku_message(ctx, r, args, 2);
			if (suggest && strcmp(args[1], args[0]) != 0) {
				a.suggestions = &args[1];
				a.n_suggestions = 1;
			}
			rc = a.message ? fl_emit(ctx, r, &a) : FULINT_ERR_NOMEM;
		}
	}
	fl_buf_dispose(&expected);
	return rc;
}

static int capitalization_run(const fl_rule *r, fl_lintctx *ctx)
{
	const capitalization *st = r->state;
	const char *subj = fl_scope_subject(ctx, r);
	fl_segment *segs = NULL;
	size_t n = 0, i;
	int rc = fl_scope_segments(ctx, r, &segs, &n);
	for (i = 0; rc == 0 && i < n; i++)
		rc = check_segment(r, ctx, st, subj, segs[i].start, segs[i].end);
	return rc < 0 ? rc : 0;
}

static void capitalization_dispose(fl_rule *r)
{
	capitalization_free(r->state);
	r->state = NULL;
}

const fl_kind_ops fl_kind_capitalization = {
	FL_KIND_CAPITALIZATION,
	capitalization_compile,
	capitalization_run,
	capitalization_dispose,
};
