/*
 * rule_spelling.c - Vale's `spelling` extension point on fulint's speller
 * (fl_speller: Hunspell behind a memory-mapped fast path).
 *
 * What it checks: each word of the rule's scope that could be an ordinary
 * word.  Never looked at (fl_spelling_should_check): URLs, e-mail
 * addresses, @handles and #tags, file paths, placeholders, anything with a
 * digit (numbers, ordinals like 22nd, times, model names), ALL-CAPS
 * acronyms, CamelCase names (JavaScript), names the text model knows (the
 * greeting's name, the sender's under the closing, names from e-mail
 * headers), single letters, and words in scripts other than Latin.  Quoted
 * text and the signature are masked by the text model and have no words.
 *
 * How a word is checked:
 *  - hyphenated words are checked whole first, then part by part (a part
 *    that is a common prefix such as "co", "pre", "re" is fine);
 *  - possessives: "Zyntrix's" / "Anna’s" are checked as written, then
 *    without the 's (curly apostrophes are normalised by the speller);
 *  - vocab.reject words are always flagged; vocab.accept words, the rule's
 *    `exceptions`, `filters` (regexes a whole word must match) and `ignore`
 *    files (one word per line, relative to the rule file) are never flagged;
 *  - unknown capitalised words: a capitalised word in mid-sentence that
 *    Hunspell does not know ("Zyntrix", "Siobhan") is taken for a name and
 *    not flagged.  At the start of a sentence, where any word is
 *    capitalised, it is flagged only when its best suggestion is close
 *    (weighted distance at most CAP_MAX_DISTANCE, fl_rerank_distance):
 *    "Recieve" is flagged, "Zyntrix" is not.  Measured on 600 capitalised
 *    names from SCOWL's proper-name lists (sizes 80/95) that en_US does not
 *    know, and 600 capitalised misspellings (codespell's list, the slice
 *    the re-ranker was tuned on), the share flagged was:
 *        policy                          names (false alarms)   typos caught
 *        flag every unknown word         99.2%                  100%
 *        best suggestion within 1.00     36.8%                  88.8%
 *        best suggestion within 0.75     28.7%                  79.8%
 *        best suggestion within 0.50      3.7%                  28.5%
 *        never                            0%                      0%
 *    Mid-sentence, where a capital almost always means a name, we never
 *    flag (no false alarms; a typo inside a name goes unseen).  At a
 *    sentence start we use 0.75: most typos there are of ordinary words,
 *    and a name opening a sentence is rarer than a name inside one.
 * The message is the rule's, with %s = the word and a second %s = the
 * first suggestion; when there is no suggestion a fixed message says so.
 * A dictionary that cannot be loaded fails the lint (FULINT_ERR_DICT).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_kindutil.h"
#include "fl_rerank.h"
#include "fl_speller.h"

/* A capitalised word at a sentence start is flagged only this close to a suggestion. */
#define CAP_MAX_DISTANCE 0.75
/* Cap on `ignore` files. */
#define IGNORE_MAX_BYTES ((size_t)4 << 20)

typedef struct spelling {
	fl_ku_except ex;
	fl_pattern *filter; /* ^(?:f1|f2|...)$, or NULL */
	fl_strlist ignore;  /* words from `ignore` files */
} spelling;

static void spelling_free(spelling *st)
{
	if (st == NULL)
		return;
	fl_ku_except_dispose(&st->ex);
	fl_pattern_free(st->filter);
	fl_strlist_dispose(&st->ignore);
	free(st);
}

/* Read one `ignore` file (relative to the rule file's folder). */
static int load_ignore(spelling *st, const fl_rule *r, const fl_str *entry, fulint_error *err)
{
	const char *rp = r->def.path ? r->def.path : "";
	const char *slash = strrchr(rp, '/');
	fl_buf path = FL_BUF_INIT, data = FL_BUF_INIT;
	char chunk[8192];
	FILE *f;
	size_t n, pos = 0;
	int rc = 0;

	if (entry->s == NULL || entry->s[0] == '\0')
		return 0;
	if (entry->s[0] != '/' && slash != NULL)
		rc = fl_buf_append(&path, rp, (size_t)(slash - rp + 1));
	if (rc == 0)
		rc = fl_buf_puts(&path, entry->s);
	if (rc != 0) {
		fl_buf_dispose(&path);
		return fl_error_set(err, FULINT_ERR_NOMEM, rp, entry->line, entry->column, "out of memory");
	}
	f = fopen(fl_buf_cstr(&path), "rb");
	if (f == NULL) {
		rc = fl_error_set(err, FULINT_ERR_RULE, rp, entry->line, entry->column,
		                  "cannot read the 'ignore' word list %s: %s", fl_buf_cstr(&path),
		                  strerror(errno));
		fl_buf_dispose(&path);
		return rc;
	}
	data.max = IGNORE_MAX_BYTES;
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (fl_buf_append(&data, chunk, n) != 0)
			rc = fl_error_set(err, FULINT_ERR_RULE, rp, entry->line, entry->column,
			                  "the 'ignore' word list %s is too large", fl_buf_cstr(&path));
	fclose(f);
	fl_buf_dispose(&path);
	while (rc == 0 && pos < data.len) {
		size_t ll = 0, wl = 0;
		const char *line = data.data + pos;
		while (pos + ll < data.len && line[ll] != '\n')
			ll++;
		pos += ll + 1;
		while (wl < ll && line[wl] != ' ' && line[wl] != '\t' && line[wl] != '\r')
			wl++;
		if (wl > 0 && line[0] != '#' && fl_strlist_pushn(&st->ignore, line, wl, 0, 0) != 0)
			rc = fl_error_set(err, FULINT_ERR_NOMEM, rp, 0, 0, "out of memory");
	}
	fl_buf_dispose(&data);
	return rc;
}

static int spelling_compile(fl_rule *r, fulint_error *err)
{
	const fl_ruledef *d = &r->def;
	spelling *st = fl_calloc(1, sizeof *st);
	fl_ku_re re = FL_KU_RE_INIT;
	size_t i;
	int rc;

	if (st == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, d->path, 0, 0, "out of memory");
	rc = fl_ku_except_init(&st->ex, r, d->has_vocab ? d->vocab : true, err);
	if (rc == 0 && d->filters.n > 0) {
		rc = fl_ku_re_text(&re, "^(?:");
		for (i = 0; rc == 0 && i < d->filters.n; i++) {
			if (i > 0)
				rc = fl_ku_re_text(&re, "|");
			if (rc == 0)
				rc = fl_ku_re_piece(&re, "filters", &d->filters.v[i], NULL);
		}
		if (rc == 0)
			rc = fl_ku_re_text(&re, ")$");
		if (rc == 0)
			rc = fl_ku_re_compile(&re, &st->filter, 0, r, err);
		else
			fl_error_set(err, rc, d->path, 0, 0, "out of memory");
		fl_ku_re_dispose(&re);
	}
	for (i = 0; rc == 0 && i < d->ignore.n; i++)
		rc = load_ignore(st, r, &d->ignore.v[i], err);
	if (rc != 0) {
		spelling_free(st);
		return rc;
	}
	r->state = st;
	return 0;
}

static void spelling_dispose(fl_rule *r)
{
	spelling_free(r->state);
	r->state = NULL;
}

/* ------------------------------------------------------------------ */
/* which words                                                          */

bool fl_spelling_should_check(const fl_text *t, const fl_word *w)
{
	const unsigned never = FL_W_DIGIT | FL_W_URL | FL_W_EMAIL | FL_W_HANDLE | FL_W_PATH |
	                       FL_W_PLACEHOLDER | FL_W_NAME | FL_W_ALLCAPS | FL_W_CAMEL;
	const char *s = t->lint;
	size_t i, letters = 0;

	if ((w->flags & never) != 0 || (w->flags & FL_W_ALPHA) == 0 || w->end <= w->start)
		return false;
	for (i = w->start; i < w->end;) {
		uint32_t cp;
		size_t k = fl_utf8_decode(s + i, w->end - i, &cp);
		if (k == 0)
			return false;
		/* Latin letters (and the joiners the text model keeps inside words) only. */
		if (cp > 0x24F && cp != 0x2019 && cp != 0x2010 && cp != 0x2011 && !(cp >= 0x300 && cp <= 0x36F))
			return false;
		if (cp != '\'' && cp != '-' && cp < 0x2010)
			letters++;
		i += k;
	}
	return letters >= 2;
}

/* ------------------------------------------------------------------ */
/* checking                                                             */

static const char *const common_prefixes[] = {
	"anti", "bi", "co", "counter", "cross", "de", "e", "ex", "inter", "intra", "mid", "multi",
	"non", "over", "post", "pre", "pro", "re", "self", "semi", "sub", "super", "tri", "un", "under",
};

static bool is_prefix_part(const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(common_prefixes); i++)
		if (strlen(common_prefixes[i]) == len && fl_ascii_ncasecmp(common_prefixes[i], w, len) == 0)
			return true;
	return false;
}

/* Length without a possessive ending ('s, ’s, or a bare ' after s), or len. */
static size_t strip_possessive(const char *w, size_t len)
{
	if (len > 2 && w[len - 1] == 's' && w[len - 2] == '\'')
		return len - 2;
	if (len > 4 && w[len - 1] == 's' && (unsigned char)w[len - 4] == 0xE2 &&
	    (unsigned char)w[len - 3] == 0x80 && (unsigned char)w[len - 2] == 0x99)
		return len - 4;
	return len;
}

static bool ignored_word(const spelling *st, const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < st->ignore.n; i++)
		if (strlen(st->ignore.v[i].s) == len && memcmp(st->ignore.v[i].s, w, len) == 0)
			return true;
	return false;
}

static bool filtered(const spelling *st, fl_lintctx *ctx, const char *w, size_t len)
{
	fl_match m;
	return st->filter != NULL && fl_pattern_find(ctx->matcher, st->filter, w, len, 0, &m) > 0;
}

typedef struct part {
	size_t start, end; /* byte span in the text */
	bool sent_start;   /* the word opens its sentence and this is its first part */
	bool capital;      /* first letter is an upper-case ASCII or Latin-1 letter */
} part;

static bool starts_upper(const char *w, size_t len)
{
	uint32_t cp;
	if (fl_utf8_decode(w, len, &cp) == 0)
		return false;
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

/* Emit a finding for [p->start, p->end) with the speller's suggestions. */
static int report(fl_lintctx *ctx, const fl_rule *r, const part *p, char **sugg, size_t n)
{
	const char *w = ctx->text->lint + p->start;
	size_t len = p->end - p->start;
	fl_emit_args a;
	const char *word = fl_arena_strndup(ctx->arena, w, len);
	const char *args[2];

	if (word == NULL)
		return FULINT_ERR_NOMEM;
	memset(&a, 0, sizeof a);
	a.start = p->start;
	a.end = p->end;
	args[0] = word;
	args[1] = n > 0 ? sugg[0] : "";
	if (n > 0)
		a.message = fl_ku_message(ctx, r, args, 2);
	else
		a.message = fl_arena_printf(ctx->arena,
		                            "'%s' is not in the dictionary and has no close suggestion; "
		                            "add it to your word list if it is right",
		                            word);
	if (a.message == NULL)
		return FULINT_ERR_NOMEM;
	a.suggestions = (const char *const *)sugg;
	a.n_suggestions = n;
	return fl_emit(ctx, r, &a);
}

/* "BSN", "APIs", "X": an acronym (and its plural) or a single letter, never checked. */
static bool acronym_like(const char *w, size_t len)
{
	size_t i, upper = 0;
	if (len == 1)
		return true;
	if (len > 2 && w[len - 1] == 's')
		len--;
	for (i = 0; i < len; i++) {
		if (w[i] >= 'A' && w[i] <= 'Z')
			upper++;
		else
			return false;
	}
	return upper >= 2;
}

/* Check one word or hyphen part; emits at most one finding. */
static int check_part(fl_lintctx *ctx, const fl_rule *r, const spelling *st, const part *p)
{
	const char *w = ctx->text->lint + p->start;
	size_t len = p->end - p->start, base = strip_possessive(w, len);
	fl_speller *sp;
	bool ok = false, rejected;
	char **sugg = NULL;
	size_t n = 0;
	int rc;

	rejected = fl_lint_rejects(ctx, w, len) || fl_lint_rejects(ctx, w, base);
	if (!rejected) {
		/* An unknown capitalised word in mid-sentence is taken for a name, so
		 * whether Hunspell knows it does not matter: do not load it. */
		if (p->capital && !p->sent_start)
			return 0;
		if (acronym_like(w, len) || fl_lint_accepts(ctx, w, len) || fl_lint_accepts(ctx, w, base) ||
		    fl_text_is_name(ctx->text, w, len) || ignored_word(st, w, len) ||
		    ignored_word(st, w, base) || filtered(st, ctx, w, len) ||
		    fl_ku_excepted(&st->ex, ctx, w, len))
			return 0;
	}
	sp = fl_lint_speller(ctx);
	if (sp == NULL)
		return ctx->err && ctx->err->code ? ctx->err->code : FULINT_ERR_DICT;
	if (!rejected) {
		if ((rc = fl_speller_check(sp, w, len, &ok, ctx->err)) != 0)
			return rc;
		if (!ok && base < len && (rc = fl_speller_check(sp, w, base, &ok, ctx->err)) != 0)
			return rc;
		if (ok)
			return 0;
	}
	if ((rc = fl_speller_suggest(sp, w, base, &sugg, &n, ctx->err)) != 0)
		return rc;
	if (!rejected && p->capital && p->sent_start &&
	    (n == 0 || fl_rerank_distance(w, base, sugg[0], strlen(sugg[0])) > CAP_MAX_DISTANCE)) {
		fl_speller_free_suggestions(sugg, n);
		return 0; /* "Zyntrix is hiring": nothing close, so most likely a name */
	}
	rc = report(ctx, r, p, sugg, n);
	fl_speller_free_suggestions(sugg, n);
	return rc;
}

/* Length of the hyphen at s[i] (ASCII -, U+2010, U+2011), or 0. */
static size_t hyphen_at(const char *s, size_t i, size_t end)
{
	if (s[i] == '-')
		return 1;
	if (i + 2 < end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91))
		return 3;
	return 0;
}

static int check_word(fl_lintctx *ctx, const fl_rule *r, const spelling *st, const fl_word *w)
{
	const char *s = ctx->text->lint;
	size_t i, ps = w->start, parts = 0;
	part p;
	int rc;
	bool ok;
	fl_speller *sp;

	for (i = w->start; i < w->end; i++)
		if (hyphen_at(s, i, w->end) > 0)
			parts++;
	memset(&p, 0, sizeof p);
	p.sent_start = (w->flags & FL_W_SENT_START) != 0;
	if (parts == 0) {
		p.start = w->start;
		p.end = w->end;
		p.capital = starts_upper(s + p.start, p.end - p.start);
		return check_part(ctx, r, st, &p);
	}
	/* A hyphenated word the dictionary (or vocabulary) knows whole is fine. */
	if (fl_lint_accepts(ctx, s + w->start, w->end - w->start))
		return 0;
	sp = fl_lint_speller(ctx);
	if (sp == NULL)
		return ctx->err && ctx->err->code ? ctx->err->code : FULINT_ERR_DICT;
	/* Every part known to the fast path (Hunspell also splits at hyphens and
	 * accepts such compounds): fine, without loading Hunspell. */
	if (!fl_lint_rejects(ctx, s + w->start, w->end - w->start)) {
		bool all_known = true;
		size_t a = w->start;
		for (i = w->start; i <= w->end && all_known; i++) {
			size_t h = i < w->end ? hyphen_at(s, i, w->end) : 1;
			const char *ws;
			size_t wl;
			if (h == 0)
				continue;
			ws = s + a;
			wl = i - a;
			if (wl > 0 && !acronym_like(ws, wl) && !is_prefix_part(ws, wl) &&
			    !fl_text_is_name(ctx->text, ws, wl) && !fl_lint_accepts(ctx, ws, wl) &&
			    !fl_speller_knows_fast(sp, ws, wl))
				all_known = false;
			a = i + h;
			i = a - 1;
		}
		if (all_known)
			return 0;
	}
	if ((rc = fl_speller_check(sp, s + w->start, w->end - w->start, &ok, ctx->err)) != 0)
		return rc;
	if (ok && !fl_lint_rejects(ctx, s + w->start, w->end - w->start))
		return 0;
	for (i = w->start; i <= w->end; i++) {
		size_t h = i < w->end ? hyphen_at(s, i, w->end) : 1;
		if (h == 0)
			continue;
		if (i - ps >= 2 || (i - ps == 1 && ps != w->start)) {
			p.start = ps;
			p.end = i;
			p.capital = starts_upper(s + p.start, p.end - p.start);
			if (!(ps == w->start && i < w->end && is_prefix_part(s + ps, i - ps)) &&
			    (rc = check_part(ctx, r, st, &p)) != 0)
				return rc;
		}
		p.sent_start = false;
		ps = i + h;
		i = ps - 1;
	}
	return 0;
}

static int spelling_run(const fl_rule *r, fl_lintctx *ctx)
{
	const spelling *st = r->state;
	const fl_text *t = ctx->text;
	fl_segment *seg = NULL;
	size_t n_seg = 0, si = 0, wi = 0;
	int rc;

	if ((rc = fl_scope_segments(ctx, r, &seg, &n_seg)) != 0)
		return rc;
	/* Start at the first segment's words (a chunk of a split lint starts late). */
	if (n_seg > 0) {
		size_t lo = 0, hi = t->n_words;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (t->words[mid].start < seg[0].start)
				lo = mid + 1;
			else
				hi = mid;
		}
		wi = lo;
	}
	for (; wi < t->n_words && si < n_seg; wi++) {
		const fl_word *w = &t->words[wi];
		while (si < n_seg && seg[si].end <= w->start)
			si++;
		if (si >= n_seg || w->start < seg[si].start || w->end > seg[si].end)
			continue;
		if (!fl_spelling_should_check(t, w))
			continue;
		if ((rc = check_word(ctx, r, st, w)) != 0)
			return rc;
	}
	return 0;
}

const fl_kind_ops fl_kind_spelling = {
	FL_KIND_SPELLING,
	spelling_compile,
	spelling_run,
	spelling_dispose,
};
