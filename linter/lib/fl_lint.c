/*
 * fl_lint.c - the lint pipeline: input checks (binary data, BOM, encoding),
 * the text model, running each enabled rule in its scope, collecting
 * findings, and turning byte spans into lines and columns.
 *
 * What it is not: it does not load rules (fl_ruleset.c) or render findings
 * (report_*.c).  It never prints and never aborts on input.
 *
 * Invariants: findings in a result are sorted by (offset, rule id, end),
 * exact duplicates removed; every offset is within the result's text.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_chunk.h"
#include "fl_email.h"
#include "fl_lint.h"
#include "fl_result.h"
#include "fl_ruleset.h"
#include "fl_speller.h"

/* Bytes scanned for NUL to tell binary data from text (as git and grep do). */
#define FL_BINARY_PROBE 8000u
/* Largest input linted. */
#define FL_MAX_INPUT ((size_t)256 << 20)
/* Findings kept per file; past it one fulint.Limit finding says so. */
#define FL_MAX_FINDINGS 100000u
/*
 * Splitting (see "splitting" below).  Texts of at least FL_SPLIT_MIN bytes
 * are linted in chunks of about FL_SPLIT_CHUNK bytes when the linter may
 * use more than one thread.  Measured on a 2-core machine (README, Speed):
 * below ~256 KiB the threads, the second speller and the merge cost about
 * what the second core saves; 64 KiB chunks keep both cores busy to the
 * end (a chunk takes ~15 ms) at a negligible cost per chunk.
 */
#define FL_SPLIT_MIN ((size_t)256 << 10)
#define FL_SPLIT_CHUNK ((size_t)64 << 10)
/* Most threads one lint uses. */
#define FL_MAX_THREADS 256u

struct fulint_linter {
	const fulint_ruleset *rs;
	fl_matcher *matcher;
	fl_speller *speller;
	bool speller_failed;
	fulint_error speller_err;
	unsigned threads;       /* threads a lint may use (fulint_linter_set_threads) */
	size_t split_min, split_chunk;
	/* Scratch of the helper threads (a matcher and a speller each), kept between lints. */
	fulint_linter **helpers;
	size_t n_helpers;
};

/* A finding while the lint runs (strings in the lint arena). */
typedef struct raw_finding {
	const char *rule;
	fulint_level level;
	const char *message;
	const char *description;
	const char *link;
	const char *action;
	const char *const *suggestions;
	size_t n_suggestions;
	size_t start, end; /* in the text model's coordinates, or the input's when absolute */
	bool whole_note;
	bool absolute;
	/* Split lints: which rule emitted it (SIZE_MAX: the pipeline), and how. */
	size_t rule_index;
	bool counted;      /* through fl_emit (counts towards the rule's `limit`) */
	bool rule_limit;   /* a fulint.RuleLimit finding */
} raw_finding;

typedef struct finding_list {
	raw_finding *v;
	size_t n, cap;
	unsigned *per_rule; /* findings so far per rule index (for `limit`) */
	bool overflow;
	const char *input;  /* the text absolute offsets refer to (the result's text) */
	size_t input_len;
} finding_list;

/* ------------------------------------------------------------------ */
/* emitting                                                             */

const char *fl_format_message(fl_lintctx *ctx, const char *fmt, const char *const *args, size_t n_args)
{
	fl_buf b = FL_BUF_INIT;
	size_t used = 0;
	const char *p;
	char *out;
	if (fmt == NULL)
		fmt = "";
	for (p = fmt; *p; p++) {
		int rc = 0;
		if (p[0] == '%' && p[1] == 's') {
			rc = fl_buf_puts(&b, used < n_args && args[used] ? args[used] : "");
			used++;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			rc = fl_buf_putc(&b, '%');
			p++;
		} else {
			rc = fl_buf_putc(&b, *p);
		}
		if (rc < 0) {
			fl_buf_dispose(&b);
			return NULL;
		}
	}
	out = fl_arena_strdup(ctx->arena, fl_buf_cstr(&b));
	fl_buf_dispose(&b);
	return out;
}

static int push_raw(fl_lintctx *ctx, const raw_finding *f)
{
	finding_list *fl = ctx->findings;
	if (fl->n >= FL_MAX_FINDINGS) {
		fl->overflow = true;
		return 0;
	}
	if (fl_grow((void **)&fl->v, &fl->cap, fl->n + 1, sizeof(*fl->v)) < 0)
		return FULINT_ERR_NOMEM;
	fl->v[fl->n++] = *f;
	return 0;
}

int fl_emit(fl_lintctx *ctx, const fl_rule *r, const fl_emit_args *args)
{
	finding_list *fl = ctx->findings;
	raw_finding f;
	const fl_text *t = ctx->text;
	size_t start = args->start, end = args->end;
	size_t limit = args->absolute ? fl->input_len : t->len;
	const char *src = args->absolute ? fl->input : t->src;
	const char *match;

	if (start > limit)
		start = limit;
	if (end < start)
		end = start;
	if (end > limit)
		end = limit;
	if (r->def.limit > 0 && fl->per_rule[r->index] >= (unsigned)r->def.limit)
		return 0;
	fl->per_rule[r->index]++;

	memset(&f, 0, sizeof(f));
	f.rule = r->def.id;
	f.level = r->level;
	f.description = r->def.description.s ? r->def.description.s : "";
	f.link = r->def.link.s ? r->def.link.s : "";
	f.action = r->def.action_name.s ? r->def.action_name.s : "";
	f.start = start;
	f.end = end;
	f.whole_note = args->whole_note;
	f.absolute = args->absolute;
	f.rule_index = r->index;
	f.counted = true;
	match = fl_arena_strndup(ctx->arena, src + start, end - start);
	if (match == NULL)
		return FULINT_ERR_NOMEM;
	if (args->message != NULL) {
		f.message = fl_arena_strdup(ctx->arena, args->message);
	} else {
		const char *a[1];
		a[0] = match;
		f.message = fl_format_message(ctx, r->def.message.s ? r->def.message.s : "%s", a, 1);
	}
	if (f.message == NULL)
		return FULINT_ERR_NOMEM;
	if (args->n_suggestions > 0) {
		const char **s = fl_arena_alloc(ctx->arena, args->n_suggestions * sizeof(*s));
		size_t i;
		if (s == NULL)
			return FULINT_ERR_NOMEM;
		for (i = 0; i < args->n_suggestions; i++) {
			s[i] = fl_arena_strdup(ctx->arena, args->suggestions[i] ? args->suggestions[i] : "");
			if (s[i] == NULL)
				return FULINT_ERR_NOMEM;
		}
		f.suggestions = s;
		f.n_suggestions = args->n_suggestions;
	} else if (r->def.action_name.s != NULL && strcmp(r->def.action_name.s, "replace") == 0 &&
	           r->def.action_params.n > 0) {
		/* Vale's `action: {name: replace, params: [...]}`: the params are the fixes. */
		const char **s = fl_arena_alloc(ctx->arena, r->def.action_params.n * sizeof(*s));
		size_t i;
		if (s == NULL)
			return FULINT_ERR_NOMEM;
		for (i = 0; i < r->def.action_params.n; i++)
			s[i] = r->def.action_params.v[i].s;
		f.suggestions = s;
		f.n_suggestions = r->def.action_params.n;
	}
	return push_raw(ctx, &f);
}

int fl_emit_limit(fl_lintctx *ctx, const fl_rule *r, size_t start, size_t end)
{
	raw_finding f;
	memset(&f, 0, sizeof(f));
	f.rule = "fulint.RuleLimit";
	f.level = FULINT_WARNING;
	f.message = fl_arena_printf(ctx->arena,
	                            "rule %s hit the regex match limit here and was skipped for this "
	                            "part; simplify its pattern (nested quantifiers backtrack)",
	                            r->def.id);
	f.description = "A rule's regular expression needed too many steps on this text.";
	f.link = "";
	f.action = "";
	f.start = start < ctx->text->len ? start : ctx->text->len;
	f.end = f.start;
	f.rule_index = r->index;
	f.rule_limit = true;
	(void)end;
	if (f.message == NULL)
		return FULINT_ERR_NOMEM;
	return push_raw(ctx, &f);
}

/* ------------------------------------------------------------------ */
/* scopes                                                               */

/* In a chunked context, [lo, hi) is the chunk; else [0, SIZE_MAX). */
typedef struct seg_clip {
	size_t lo, hi;
} seg_clip;

static int add_segment(fl_segment **v, size_t *n, size_t *cap, const seg_clip *c, size_t start, size_t end)
{
	if (end <= c->lo || start >= c->hi)
		return 0;
	if (start < c->lo)
		start = c->lo;
	if (end > c->hi)
		end = c->hi;
	if (end <= start)
		return 0;
	if (fl_grow((void **)v, cap, *n + 1, sizeof(**v)) < 0)
		return FULINT_ERR_NOMEM;
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*n)++;
	return 0;
}

/* Index of the first of the sorted spans v[0..n) that ends after `at`. */
static size_t first_span_ending_after(const fl_span *v, size_t n, size_t at)
{
	size_t lo = 0, hi = n;
	if (at == 0)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int fl_scope_segments(fl_lintctx *ctx, const fl_rule *r, fl_segment **out, size_t *n_out)
{
	const fl_text *t = ctx->text;
	unsigned mask = r->scope_mask;
	fl_segment *v = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	seg_clip c = { 0, SIZE_MAX };

	*out = NULL;
	*n_out = 0;
	if (ctx->chunked) {
		c.lo = ctx->chunk_start;
		c.hi = ctx->chunk_end;
	}
	if (mask == 0)
		mask = FL_SCOPE_TEXT;
	if (mask & (FL_SCOPE_TEXT | FL_SCOPE_RAW))
		rc = add_segment(&v, &n, &cap, &c, 0, t->len);
	if (rc == 0 && (mask & FL_SCOPE_PARAGRAPH))
		for (i = first_span_ending_after(t->paragraphs, t->n_paragraphs, c.lo);
		     rc == 0 && i < t->n_paragraphs && t->paragraphs[i].start < c.hi; i++)
			rc = add_segment(&v, &n, &cap, &c, t->paragraphs[i].start, t->paragraphs[i].end);
	if (rc == 0 && (mask & FL_SCOPE_SENTENCE))
		for (i = first_span_ending_after(t->sentences, t->n_sentences, c.lo);
		     rc == 0 && i < t->n_sentences && t->sentences[i].start < c.hi; i++)
			rc = add_segment(&v, &n, &cap, &c, t->sentences[i].start, t->sentences[i].end);
	if (rc == 0 && (mask & FL_SCOPE_SUBJECT) && t->has_subject)
		rc = add_segment(&v, &n, &cap, &c, t->subject.start, t->subject.end);
	if (rc == 0 && (mask & FL_SCOPE_GREETING) && t->has_greeting)
		rc = add_segment(&v, &n, &cap, &c, t->greeting.start, t->greeting.end);
	if (rc == 0 && (mask & FL_SCOPE_BODY))
		rc = add_segment(&v, &n, &cap, &c, t->body.start, t->body.end);
	if (rc == 0 && (mask & FL_SCOPE_CLOSING) && t->has_closing)
		rc = add_segment(&v, &n, &cap, &c, t->closing.start, t->closing.end);
	if (rc < 0) {
		free(v);
		return rc;
	}
	if (n > 0) {
		fl_segment *a = fl_arena_alloc(ctx->arena, n * sizeof(*a));
		if (a == NULL) {
			free(v);
			return FULINT_ERR_NOMEM;
		}
		memcpy(a, v, n * sizeof(*a));
		*out = a;
	}
	free(v);
	*n_out = n;
	return 0;
}

const char *fl_scope_subject(const fl_lintctx *ctx, const fl_rule *r)
{
	return (r->scope_mask & FL_SCOPE_RAW) ? ctx->text->src : ctx->text->lint;
}

size_t fl_lint_body_anchor(const fl_lintctx *ctx)
{
	const fl_text *t = ctx->text;
	size_t i;
	if (t->body.end > t->body.start)
		return t->body.start;
	for (i = 0; i < t->n_words; i++)
		return t->words[i].start;
	return 0;
}

bool fl_lint_accepts(const fl_lintctx *ctx, const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < ctx->n_accept; i++)
		if (strlen(ctx->accept[i]) == len && memcmp(ctx->accept[i], w, len) == 0)
			return true;
	return false;
}

bool fl_lint_rejects(const fl_lintctx *ctx, const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < ctx->n_reject; i++)
		if (strlen(ctx->reject[i]) == len && fl_ascii_ncasecmp(ctx->reject[i], w, len) == 0)
			return true;
	return false;
}

fl_speller *fl_lint_speller(fl_lintctx *ctx)
{
	fulint_linter *l = ctx->linter;
	const fulint_ruleset *rs = l->rs;
	if (l->speller != NULL)
		return l->speller;
	if (!l->speller_failed) {
		fl_speller_options o;
		int rc;
		memset(&o, 0, sizeof(o));
		o.dictionary = rs->dictionary ? rs->dictionary : "en_US";
		o.dictionary_dirs = &rs->dictionary_dirs;
		o.wordlist_dirs = &rs->wordlist_dirs;
		o.personal = rs->personal_dictionary;
		o.cache_dir = rs->cache_dir;
		o.accept = &rs->accept;
		rc = fl_speller_new(&l->speller, &o, &l->speller_err);
		if (rc < 0) {
			l->speller = NULL;
			l->speller_failed = true;
			if (l->speller_err.code == 0)
				l->speller_err.code = rc;
		}
	}
	if (l->speller == NULL && ctx->err != NULL)
		*ctx->err = l->speller_err;
	return l->speller;
}

/* ------------------------------------------------------------------ */
/* linter                                                               */

int fulint_linter_new(fulint_linter **out, const fulint_ruleset *rs, fulint_error *err)
{
	fulint_linter *l;
	*out = NULL;
	if (rs == NULL)
		return fl_error_set(err, FULINT_ERR_USAGE, NULL, 0, 0, "no ruleset");
	l = calloc(1, sizeof(*l));
	if (l == NULL || fl_matcher_new(&l->matcher) < 0) {
		free(l);
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	l->rs = rs;
	l->threads = 1;
	l->split_min = FL_SPLIT_MIN;
	l->split_chunk = FL_SPLIT_CHUNK;
	*out = l;
	return 0;
}

void fulint_linter_free(fulint_linter *l)
{
	size_t i;
	if (l == NULL)
		return;
	for (i = 0; i < l->n_helpers; i++)
		fulint_linter_free(l->helpers[i]);
	free(l->helpers);
	fl_matcher_free(l->matcher);
	fl_speller_free(l->speller);
	free(l);
}

int fulint_linter_set_threads(fulint_linter *l, unsigned threads)
{
	if (l == NULL || threads == 0)
		return FULINT_ERR_USAGE;
	l->threads = threads < FL_MAX_THREADS ? threads : FL_MAX_THREADS;
	return 0;
}

unsigned fulint_linter_threads(const fulint_linter *l)
{
	return l != NULL ? l->threads : 0;
}

void fl_lint_set_split(fulint_linter *l, size_t min_len, size_t chunk_size)
{
	l->split_min = min_len ? min_len : FL_SPLIT_MIN;
	l->split_chunk = chunk_size ? chunk_size : FL_SPLIT_CHUNK;
}

/* ------------------------------------------------------------------ */
/* results                                                              */

static int cmp_raw(const void *a, const void *b)
{
	const raw_finding *x = a, *y = b;
	int c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	if (c != 0)
		return c;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->message, y->message);
}

/* A cursor that walks the text once, turning increasing offsets into positions. */
typedef struct pos_cursor {
	const char *s;
	size_t len;
	size_t off;          /* current offset */
	unsigned line;       /* 1-based line of `off` */
	size_t line_start;   /* offset where that line starts */
	unsigned col_cp, col_u16; /* 0-based columns of `off` */
} pos_cursor;

static void cursor_init(pos_cursor *c, const char *s, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->len = len;
	c->line = 1;
	/* A byte-order mark is not a column. */
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		c->off = c->line_start = 3;
	}
}

static void cursor_advance(pos_cursor *c, size_t target)
{
	if (target > c->len)
		target = c->len;
	while (c->off < target) {
		unsigned char ch = (unsigned char)c->s[c->off];
		if (ch == '\n' || ch == '\r') {
			size_t step = (ch == '\r' && c->off + 1 < c->len && c->s[c->off + 1] == '\n') ? 2 : 1;
			c->off += step;
			c->line++;
			c->line_start = c->off;
			c->col_cp = c->col_u16 = 0;
			continue;
		}
		if (ch < 0x80) {
			c->off++;
			c->col_cp++;
			c->col_u16++;
		} else {
			uint32_t cp;
			size_t n = fl_utf8_decode(c->s + c->off, c->len - c->off, &cp);
			if (n == 0)
				n = 1;
			c->off += n;
			c->col_cp++;
			c->col_u16 += n == 4 ? 2u : 1u;
		}
	}
}

/* Offset of the start of the last character in [from, to), or from when empty. */
static size_t last_char_start(const char *s, size_t from, size_t to)
{
	size_t i;
	if (to <= from)
		return from;
	i = to - 1;
	while (i > from && ((unsigned char)s[i] & 0xC0) == 0x80 && to - i < 4)
		i--;
	return i;
}

static int build_result(fulint_result *res, fl_lintctx *ctx, size_t base)
{
	finding_list *fl = ctx->findings;
	size_t i, k = 0;
	pos_cursor cur;

	for (i = 0; i < fl->n; i++)
		if (!fl->v[i].absolute) {
			fl->v[i].start += base;
			fl->v[i].end += base;
			fl->v[i].absolute = true;
		}
	if (fl->n > 1)
		qsort(fl->v, fl->n, sizeof(*fl->v), cmp_raw);
	res->findings = fl_calloc(fl->n ? fl->n : 1, sizeof(*res->findings));
	if (res->findings == NULL)
		return FULINT_ERR_NOMEM;
	cursor_init(&cur, res->text, res->text_len);
	for (i = 0; i < fl->n; i++) {
		const raw_finding *r = &fl->v[i];
		fulint_finding *f;
		pos_cursor endc;
		size_t abs_start = r->start, abs_end = r->end, last;
		size_t j;

		if (k > 0 && cmp_raw(&fl->v[i - 1], r) == 0)
			continue; /* same rule, span and message twice (overlapping scopes) */
		f = &res->findings[k];
		f->rule = fl_arena_strdup(&res->arena, r->rule);
		f->level = r->level;
		f->message = fl_arena_strdup(&res->arena, r->message);
		f->description = fl_arena_strdup(&res->arena, r->description);
		f->link = fl_arena_strdup(&res->arena, r->link);
		f->action = fl_arena_strdup(&res->arena, r->action);
		if (abs_end > res->text_len)
			abs_end = res->text_len;
		if (abs_start > abs_end)
			abs_start = abs_end;
		f->match = fl_arena_strndup(&res->arena, res->text + abs_start, abs_end - abs_start);
		if (!f->rule || !f->message || !f->description || !f->link || !f->action || !f->match)
			return FULINT_ERR_NOMEM;
		if (r->n_suggestions > 0) {
			const char **s = fl_arena_alloc(&res->arena, r->n_suggestions * sizeof(*s));
			if (s == NULL)
				return FULINT_ERR_NOMEM;
			for (j = 0; j < r->n_suggestions; j++)
				if ((s[j] = fl_arena_strdup(&res->arena, r->suggestions[j])) == NULL)
					return FULINT_ERR_NOMEM;
			f->suggestions = s;
			f->n_suggestions = r->n_suggestions;
		}
		f->whole_note = r->whole_note;
		f->offset = abs_start;
		f->length = abs_end - abs_start;
		if (abs_start < cur.off) /* never: findings are sorted */
			cursor_init(&cur, res->text, res->text_len);
		cursor_advance(&cur, abs_start);
		f->line = cur.line;
		f->column = cur.col_cp + 1;
		f->column_byte = (unsigned)(cur.off - cur.line_start) + 1;
		f->column_utf16 = cur.col_u16 + 1;
		last = last_char_start(res->text, abs_start, abs_end);
		endc = cur;
		cursor_advance(&endc, last);
		f->end_line = endc.line;
		f->end_column = endc.col_cp + 1;
		f->end_column_byte = (unsigned)(endc.off - endc.line_start) + 1;
		f->end_column_utf16 = endc.col_u16 + 1;
		k++;
	}
	res->n_findings = k;
	return 0;
}

void fulint_result_free(fulint_result *res)
{
	if (res == NULL)
		return;
	free(res->name);
	free(res->text);
	free(res->findings);
	fl_arena_dispose(&res->arena);
	free(res);
}

const char *fulint_result_name(const fulint_result *res)
{
	return res->name;
}

size_t fulint_result_count(const fulint_result *res)
{
	return res->n_findings;
}

const fulint_finding *fulint_result_finding(const fulint_result *res, size_t i)
{
	return i < res->n_findings ? &res->findings[i] : NULL;
}

size_t fulint_result_chunks(const fulint_result *res)
{
	return res->n_chunks ? res->n_chunks : 1;
}

const char *fulint_result_note_kind(const fulint_result *res)
{
	return res->note_kind;
}

const char *fulint_result_input_kind(const fulint_result *res)
{
	return res->input_kind;
}

const char *fulint_result_positions(const fulint_result *res)
{
	return res->positions;
}

const char *fulint_result_text(const fulint_result *res, size_t *len)
{
	if (len)
		*len = res->text_len;
	return res->text;
}

size_t fulint_result_count_at(const fulint_result *res, fulint_level level)
{
	size_t i, n = 0;
	for (i = 0; i < res->n_findings; i++)
		if (res->findings[i].level >= level)
			n++;
	return n;
}

/* ------------------------------------------------------------------ */
/* the pipeline                                                         */

/* A finding the pipeline itself makes (encoding, e-mail problems). */
static int emit_builtin(fl_lintctx *ctx, const char *rule, fulint_level level, size_t at,
                        const char *message, const char *description)
{
	raw_finding f;
	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.level = level;
	f.message = fl_arena_strdup(ctx->arena, message);
	f.description = description;
	f.link = "";
	f.action = "";
	f.start = f.end = at;
	f.rule_index = SIZE_MAX;
	if (f.message == NULL)
		return FULINT_ERR_NOMEM;
	return push_raw(ctx, &f);
}

static int check_encoding(fl_lintctx *ctx)
{
	const fl_text *t = ctx->text;
	int rc = 0;
	if (t->first_invalid != SIZE_MAX) {
		char msg[160];
		snprintf(msg, sizeof(msg),
		         "invalid UTF-8 byte 0x%02X; save the draft as UTF-8 (the rest of the file is "
		         "still checked)",
		         (unsigned)(unsigned char)t->src[t->first_invalid]);
		rc = emit_builtin(ctx, "fulint.Encoding", FULINT_ERROR, t->first_invalid, msg,
		                  "The draft is not valid UTF-8; mail clients may garble it.");
	}
	if (rc == 0 && t->first_nul != SIZE_MAX)
		rc = emit_builtin(ctx, "fulint.Encoding", FULINT_ERROR, t->first_nul,
		                  "NUL byte in the text; remove it (the rest of the file is still checked)",
		                  "The draft holds a NUL byte, which mail clients drop or refuse.");
	return rc;
}

/*
 * Run rules over a text.  `only` (may be NULL) restricts the run to one rule
 * regardless of enabled state (rule examples).
 */
static int run_rules(fulint_linter *l, fl_lintctx *ctx, const fl_rule *only)
{
	const fulint_ruleset *rs = l->rs;
	size_t i;
	for (i = 0; i < rs->n_rules; i++) {
		const fl_rule *r = &rs->rules[i];
		int rc;
		if (only != NULL ? r != only : !r->enabled)
			continue;
		if (r->ops == NULL || r->ops->run == NULL)
			continue;
		rc = r->ops->run(r, ctx);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* splitting                                                            */

/*
 * A large text on several threads.  The text is cut at blank lines into
 * chunks (fl_chunk_split: they depend on the text only, never on the
 * thread count).  Each rule either runs once per chunk ("split") or once
 * on the whole text ("whole"); every run is a task with its own findings
 * list and arena, and a pool of threads (the caller's and helpers, each
 * with its own matcher and speller) takes the tasks in turn.  The findings
 * are then put back in the order the single-threaded lint emits them (rule
 * by rule; a split rule's chunk by chunk), with the rule's `limit` and the
 * per-file cap applied there, so the result is the same byte for byte.
 *
 * Which rules are split (plan_rule): only where the split provably gives
 * the whole-text answer.
 *  - existence, substitution: when every pattern the rule scans the text
 *    with (tokens, raw, swap keys, exceptions) is line-local
 *    (fl_chunk_re_line_local): such a scan finds the same matches in a
 *    chunk as in the whole text, so text- and body-scoped scans may be cut
 *    at chunk bounds.  FollowUp.Exclamation (\A, \G: it counts from the
 *    note's start) and patterns that can cross a line stay whole;
 *  - spelling: words never cross a line; each word is judged alone;
 *  - capitalization, metric, readability, occurrence, repetition: only
 *    when none of the rule's segments (sentences, paragraphs, parts)
 *    crosses a chunk bound, so each segment is seen whole by one chunk.
 *    Text- and body-scoped ones (FollowUp.Length, Gratitude, NextSteps,
 *    RepeatedWord on the whole text, ...) count over the whole note and
 *    stay whole;
 *  - consistency, conditional, subject, recipient and the rest: whole.
 * Also whole: `raw` scope (it reads the unmasked input), and rules whose
 * segments overlap (sentence + paragraph), whose findings order could not
 * be rebuilt chunk by chunk.
 * A split rule that hits a regex limit in some chunk is run again whole,
 * since a limit stops the rest of that rule's scan of the segment.
 */
enum { PLAN_SKIP = 0, PLAN_WHOLE, PLAN_SPLIT };

typedef struct split_task {
	size_t rule;    /* PLAN_WHOLE: the rule; SIZE_MAX for a chunk task */
	size_t chunk;   /* chunk index for a chunk task */
	fl_arena arena;
	finding_list fl;
	fulint_error err;
	int rc;
	size_t fail_rule; /* rule that failed (rc < 0) */
} split_task;

typedef struct split_run {
	const fl_lintctx *base; /* the lint's context: text, e-mail, vocabulary */
	const fulint_ruleset *rs;
	const unsigned char *plan;
	const size_t *bounds;
	split_task *tasks;
	size_t n_tasks;
	size_t next;
	pthread_mutex_t lock;
} split_run;

static bool strlist_line_local(const fl_strlist *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (!fl_chunk_re_line_local(l->v[i].s))
			return false;
	return true;
}

static int plan_rule(fl_lintctx *ctx, const fl_rule *r, const size_t *bounds, size_t n_chunks,
                     unsigned char *out)
{
	const fl_ruledef *d = &r->def;
	fl_segment *segs = NULL;
	size_t n = 0, i, k = 1;
	bool scan; /* segments may be cut at bounds */
	int rc;

	*out = PLAN_WHOLE;
	if (r->scope_mask & FL_SCOPE_RAW)
		return 0;
	switch (d->kind) {
	case FL_KIND_EXISTENCE:
	case FL_KIND_SUBSTITUTION:
		if (!strlist_line_local(&d->tokens) || !strlist_line_local(&d->raw) ||
		    !strlist_line_local(&d->exceptions))
			return 0;
		for (i = 0; i < d->swap.n; i++)
			if (!fl_chunk_re_line_local(d->swap.v[i].key.s))
				return 0;
		scan = true;
		break;
	case FL_KIND_SPELLING:
		scan = true;
		break;
	case FL_KIND_CAPITALIZATION:
	case FL_KIND_METRIC:
	case FL_KIND_READABILITY:
	case FL_KIND_OCCURRENCE:
	case FL_KIND_REPETITION:
		scan = false;
		break;
	default:
		return 0;
	}
	rc = fl_scope_segments(ctx, r, &segs, &n);
	if (rc < 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (i > 0 && segs[i].start < segs[i - 1].end)
			return 0; /* overlapping scopes */
		while (k < n_chunks && bounds[k] <= segs[i].start)
			k++;
		if (!scan && k < n_chunks && segs[i].end > bounds[k])
			return 0; /* the segment crosses a bound */
	}
	*out = PLAN_SPLIT;
	return 0;
}

static void task_dispose(split_task *t)
{
	free(t->fl.v);
	free(t->fl.per_rule);
	fl_arena_dispose(&t->arena);
}

/* Run one task on linter `l` (this thread's scratch). */
static void run_task(split_run *sr, fulint_linter *l, split_task *t)
{
	const fulint_ruleset *rs = sr->rs;
	fl_lintctx ctx = *sr->base;
	size_t i;

	ctx.matcher = l->matcher;
	ctx.linter = l;
	ctx.arena = &t->arena;
	ctx.findings = &t->fl;
	ctx.err = &t->err;
	t->fl.input = ((const finding_list *)sr->base->findings)->input;
	t->fl.input_len = ((const finding_list *)sr->base->findings)->input_len;
	t->fl.per_rule = calloc(rs->n_rules + 1, sizeof(*t->fl.per_rule));
	if (t->fl.per_rule == NULL) {
		t->rc = FULINT_ERR_NOMEM;
		t->fail_rule = t->rule != SIZE_MAX ? t->rule : 0;
		return;
	}
	if (t->rule != SIZE_MAX) {
		const fl_rule *r = &rs->rules[t->rule];
		t->rc = r->ops->run(r, &ctx);
		t->fail_rule = t->rule;
	} else {
		ctx.chunked = true;
		ctx.chunk_start = sr->bounds[t->chunk];
		ctx.chunk_end = sr->bounds[t->chunk + 1];
		for (i = 0; i < rs->n_rules && t->rc >= 0; i++) {
			const fl_rule *r = &rs->rules[i];
			if (sr->plan[i] != PLAN_SPLIT)
				continue;
			t->rc = r->ops->run(r, &ctx);
			t->fail_rule = i;
		}
	}
}

/* Set up / tear down this thread's matcher for the lint's text. */
static void matcher_begin(const split_run *sr, fulint_linter *l)
{
	const fl_text *t = sr->base->text;
	/* The masked text is valid UTF-8 (fl_text.h): skip PCRE2's per-call check. */
	fl_matcher_trust(l->matcher, t->lint, t->len);
	/* A failure only switches the prefilter off (matching is unaffected). */
	(void)fl_matcher_prefilter(l->matcher, sr->rs->litindex, t->lint, t->len);
}

static void matcher_end(fulint_linter *l)
{
	fl_matcher_prefilter(l->matcher, NULL, NULL, 0);
	fl_matcher_trust(l->matcher, NULL, 0);
}

static void *split_worker(void *arg)
{
	void **a = arg;
	split_run *sr = a[0];
	fulint_linter *l = a[1];
	matcher_begin(sr, l);
	for (;;) {
		size_t i;
		pthread_mutex_lock(&sr->lock);
		i = sr->next < sr->n_tasks ? sr->next++ : sr->n_tasks;
		pthread_mutex_unlock(&sr->lock);
		if (i >= sr->n_tasks)
			break;
		run_task(sr, l, &sr->tasks[i]);
	}
	matcher_end(l);
	return NULL;
}

/* Helper linters 0..n-1 (a matcher each; spellers are made on first need). */
static int ensure_helpers(fulint_linter *l, size_t n)
{
	if (l->n_helpers >= n)
		return 0;
	{
		fulint_linter **v = realloc(l->helpers, n * sizeof(*v));
		if (v == NULL)
			return FULINT_ERR_NOMEM;
		l->helpers = v;
	}
	while (l->n_helpers < n) {
		fulint_linter *h = NULL;
		if (fulint_linter_new(&h, l->rs, NULL) < 0)
			return FULINT_ERR_NOMEM;
		l->helpers[l->n_helpers++] = h;
	}
	return 0;
}

/* Append task findings of rule `ri` from v[*pos..) to the lint's list, honouring `limit`. */
static int merge_rule(fl_lintctx *ctx, const fl_rule *r, const split_task *t, size_t *pos, unsigned *count)
{
	const finding_list *src = &t->fl;
	int rc;
	while (*pos < src->n && src->v[*pos].rule_index == r->index) {
		const raw_finding *f = &src->v[(*pos)++];
		if (f->counted) {
			if (r->def.limit > 0 && *count >= (unsigned)r->def.limit)
				continue;
			(*count)++;
		}
		if ((rc = push_raw(ctx, f)) < 0)
			return rc;
	}
	return 0;
}

static bool rule_hit_limit(const split_task *t, size_t ri)
{
	size_t i;
	for (i = 0; i < t->fl.n; i++)
		if (t->fl.v[i].rule_index == ri && t->fl.v[i].rule_limit)
			return true;
	return false;
}

/*
 * Run every enabled rule of `l` over ctx's text in chunks [bounds[k],
 * bounds[k+1]) on up to l->threads threads, and put the findings into ctx
 * in single-threaded order.  The findings' strings stay in the tasks'
 * arenas: *tasks_out (free with free_tasks) must outlive the result's build.
 */
static int run_split(fulint_linter *l, fl_lintctx *ctx, const size_t *bounds, size_t n_chunks,
                     split_task **tasks_out, size_t *n_tasks_out)
{
	const fulint_ruleset *rs = l->rs;
	unsigned char *plan = calloc(rs->n_rules + 1, 1);
	split_task *tasks = NULL;
	size_t *cursor = NULL;
	split_run sr;
	size_t i, k, n_tasks = 0, n_split = 0, n_threads, started = 0;
	pthread_t *tids = NULL;
	void *(*args)[2] = NULL;
	const split_task *bad = NULL;
	int rc = 0;

	*tasks_out = NULL;
	*n_tasks_out = 0;
	memset(&sr, 0, sizeof(sr));
	if (plan == NULL)
		return FULINT_ERR_NOMEM;
	for (i = 0; rc == 0 && i < rs->n_rules; i++) {
		const fl_rule *r = &rs->rules[i];
		if (!r->enabled || r->ops == NULL || r->ops->run == NULL)
			continue;
		rc = plan_rule(ctx, r, bounds, n_chunks, &plan[i]);
		if (plan[i] == PLAN_SPLIT)
			n_split++;
		else
			n_tasks++;
	}
	/* room for the whole-text tasks, the chunks, and a rerun per split rule */
	if (rc == 0) {
		tasks = calloc(n_tasks + (n_split ? n_chunks : 0) + n_split + 1, sizeof(*tasks));
		cursor = calloc(n_chunks + 1, sizeof(*cursor));
		if (tasks == NULL || cursor == NULL)
			rc = FULINT_ERR_NOMEM;
	}
	if (rc < 0)
		goto done;
	/* Whole-text tasks first: they are the longest, so they start early. */
	n_tasks = 0;
	for (i = 0; i < rs->n_rules; i++)
		if (plan[i] == PLAN_WHOLE) {
			tasks[n_tasks].rule = i;
			tasks[n_tasks++].chunk = SIZE_MAX;
		}
	for (k = 0; n_split > 0 && k < n_chunks; k++) {
		tasks[n_tasks].rule = SIZE_MAX;
		tasks[n_tasks++].chunk = k;
	}

	sr.base = ctx;
	sr.rs = rs;
	sr.plan = plan;
	sr.bounds = bounds;
	sr.tasks = tasks;
	sr.n_tasks = n_tasks;
	pthread_mutex_init(&sr.lock, NULL);
	n_threads = l->threads < n_tasks ? l->threads : n_tasks;
	if (n_threads > 1 && ensure_helpers(l, n_threads - 1) == 0) {
		tids = calloc(n_threads - 1, sizeof(*tids));
		args = calloc(n_threads - 1, sizeof(*args));
		for (i = 0; tids != NULL && args != NULL && i + 1 < n_threads; i++) {
			args[i][0] = &sr;
			args[i][1] = l->helpers[i];
			if (pthread_create(&tids[i], NULL, split_worker, args[i]) != 0)
				break; /* fewer threads: the others take more tasks */
			started++;
		}
	}
	{
		void *self[2];
		self[0] = &sr;
		self[1] = l;
		split_worker(self);
	}
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_mutex_destroy(&sr.lock);

	/* A split rule that hit a regex limit in a chunk runs again on the whole text. */
	for (i = 0; i < rs->n_rules; i++) {
		if (plan[i] != PLAN_SPLIT)
			continue;
		for (k = 0; k < n_tasks; k++)
			if (tasks[k].rule == SIZE_MAX && tasks[k].rc >= 0 && rule_hit_limit(&tasks[k], i))
				break;
		if (k < n_tasks) {
			split_task *t = &tasks[n_tasks++];
			t->rule = i;
			t->chunk = SIZE_MAX;
			matcher_begin(&sr, l);
			run_task(&sr, l, t);
			matcher_end(l);
			plan[i] = PLAN_WHOLE; /* its chunk findings are skipped below */
		}
	}

	/* The first failure in task order (whole rules by index, then chunks) fails the lint. */
	for (k = 0; k < n_tasks; k++)
		if (tasks[k].rc < 0 && (bad == NULL || tasks[k].fail_rule < bad->fail_rule))
			bad = &tasks[k];
	if (bad != NULL) {
		if (ctx->err != NULL)
			*ctx->err = bad->err;
		rc = bad->rc;
		goto done;
	}

	/* Merge in single-threaded order: rule by rule, a split rule chunk by chunk. */
	for (i = 0; rc == 0 && i < rs->n_rules; i++) {
		const fl_rule *r = &rs->rules[i];
		unsigned count = 0;
		if (plan[i] == PLAN_WHOLE) {
			for (k = n_tasks; k-- > 0;)
				if (tasks[k].rule == i) {
					size_t pos = 0;
					rc = merge_rule(ctx, r, &tasks[k], &pos, &count);
					break;
				}
			/* a split rule run again whole: drop what its chunks found */
			for (k = 0; k < n_tasks; k++)
				if (tasks[k].rule == SIZE_MAX) {
					size_t *c = &cursor[tasks[k].chunk];
					while (*c < tasks[k].fl.n && tasks[k].fl.v[*c].rule_index == i)
						(*c)++;
				}
		} else if (plan[i] == PLAN_SPLIT) {
			for (k = 0; rc == 0 && k < n_tasks; k++)
				if (tasks[k].rule == SIZE_MAX)
					rc = merge_rule(ctx, r, &tasks[k], &cursor[tasks[k].chunk], &count);
		}
	}
	/* A task that dropped findings past the cap: the lint has more than the cap. */
	for (k = 0; k < n_tasks; k++)
		if (tasks[k].fl.overflow)
			((finding_list *)ctx->findings)->overflow = true;

done:
	free(tids);
	free(args);
	free(cursor);
	free(plan);
	*tasks_out = tasks;
	*n_tasks_out = tasks != NULL ? n_tasks : 0;
	return rc;
}

static void free_tasks(split_task *tasks, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		task_dispose(&tasks[i]);
	free(tasks);
}

typedef struct lint_job {
	const char *name;
	const char *data;
	size_t len;
	const fl_rule *only; /* examples: one rule */
	bool no_email;
} lint_job;

static int lint_impl(fulint_linter *l, const lint_job *job, fulint_result **out, fulint_error *err)
{
	const fulint_ruleset *rs = l->rs;
	fulint_result *res = NULL;
	fl_arena arena = FL_ARENA_INIT;
	finding_list fl;
	fl_text text;
	fl_text_options topts;
	fl_lintctx ctx;
	fl_email email;
	bool is_email = false, text_built = false;
	const char *body;
	size_t body_len, base = 0, i;
	const char *const *names = NULL;
	const char **names_buf = NULL;
	size_t n_names = 0, bom = 0;
	size_t *bounds = NULL, n_chunks = 0, n_tasks = 0;
	split_task *tasks = NULL;
	int rc = 0;

	*out = NULL;
	memset(&fl, 0, sizeof(fl));
	memset(&email, 0, sizeof(email));
	if (job->len > FL_MAX_INPUT)
		return fl_error_set(err, FULINT_ERR_INPUT, job->name, 0, 0,
		                    "input of %zu bytes is larger than the %zu MiB fulint reads", job->len,
		                    FL_MAX_INPUT >> 20);
	res = calloc(1, sizeof(*res));
	fl.per_rule = calloc(rs->n_rules + 1, sizeof(*fl.per_rule));
	if (res == NULL || fl.per_rule == NULL) {
		rc = FULINT_ERR_NOMEM;
		goto cleanup;
	}
	res->name = fl_strdup(job->name ? job->name : "<stdin>");
	if (res->name == NULL) {
		rc = FULINT_ERR_NOMEM;
		goto cleanup;
	}

	body = job->data;
	body_len = job->len;
	if (body_len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		body_len -= 3;
		base = bom = 3;
	}
	if (!job->no_email && rs->input_mode != 1 &&
	    (rs->input_mode == 2 || fl_email_detect(body, body_len))) {
		rc = fl_email_parse(&email, body, body_len, err);
		if (rc < 0)
			goto cleanup;
		is_email = true;
	}
	if (!is_email) {
		/* An e-mail may carry binary parts; a draft with a NUL early is not text. */
		size_t probe = job->len < FL_BINARY_PROBE ? job->len : FL_BINARY_PROBE;
		const char *nul = probe ? memchr(job->data, '\0', probe) : NULL;
		if (nul != NULL) {
			rc = fl_error_set(err, FULINT_ERR_INPUT, job->name, 0, 0,
			                  "binary data (NUL byte at offset %zu), not a text draft; not linted",
			                  (size_t)(nul - job->data));
			goto cleanup;
		}
	} else {
		/* Names in From/To/Cc are never spelling errors. */
		size_t k = 0;
		names_buf = calloc(email.n_to_names + 2, sizeof(*names_buf));
		if (names_buf == NULL) {
			rc = FULINT_ERR_NOMEM;
			goto cleanup;
		}
		for (i = 0; i < email.n_to_names; i++)
			names_buf[k++] = email.to_names[i];
		if (email.from_name != NULL)
			names_buf[k++] = email.from_name;
		names = names_buf;
		n_names = k;
	}

	if (is_email && email.body_in_file) {
		/* Positions point into the file: the model covers the body slice. */
		base += email.body_offset;
		body = job->data + base;
		body_len = email.body_len;
		res->positions = "file";
		res->text = fl_strndup(job->data, job->len);
		res->text_len = job->len;
	} else if (is_email) {
		body = email.body ? email.body : "";
		body_len = email.body ? email.body_len : 0;
		base = 0;
		res->positions = "decoded";
		res->text = fl_strndup(body, body_len);
		res->text_len = body_len;
	} else {
		res->positions = "file";
		res->text = fl_strndup(job->data, job->len);
		res->text_len = job->len;
	}
	res->input_kind = is_email ? "email" : "text";
	if (res->text == NULL) {
		rc = FULINT_ERR_NOMEM;
		goto cleanup;
	}

	memset(&topts, 0, sizeof(topts));
	topts.lint_quoted = rs->lint_quoted;
	topts.names = names;
	topts.n_names = n_names;
	rc = fl_text_build(&text, body, body_len, &topts);
	if (rc < 0)
		goto cleanup;
	text_built = true;

	memset(&ctx, 0, sizeof(ctx));
	ctx.text = &text;
	ctx.matcher = l->matcher;
	ctx.arena = &arena;
	ctx.note_kind = rs->note_kind_auto ? text.note_kind : rs->note_kind;
	ctx.note_kind_told = rs->note_kind_auto;
	ctx.linter = l;
	ctx.findings = &fl;
	ctx.err = err;
	fl.input = res->text;
	fl.input_len = res->text_len;
	if (is_email) {
		ctx.is_email = true;
		ctx.email_subject = email.subject;
		/* The subject's span can be shown only when its bytes are in the file as decoded. */
		ctx.email_subject_in_file =
			email.body_in_file && email.subject != NULL && !email.subject_encoded &&
			bom + email.subject_offset + strlen(email.subject) <= job->len &&
			memcmp(job->data + bom + email.subject_offset, email.subject, strlen(email.subject)) == 0;
		ctx.email_subject_offset = bom + email.subject_offset;
		ctx.recipients = (const char *const *)email.to_names;
		ctx.n_recipients = email.n_to_names;
	}
	ctx.n_accept = rs->accept.n;
	ctx.n_reject = rs->reject.n;
	if (rs->accept.n || rs->reject.n) {
		const char **a = fl_arena_alloc(&arena, (rs->accept.n + rs->reject.n + 1) * sizeof(*a));
		if (a == NULL) {
			rc = FULINT_ERR_NOMEM;
			goto cleanup;
		}
		for (i = 0; i < rs->accept.n; i++)
			a[i] = rs->accept.v[i].s;
		for (i = 0; i < rs->reject.n; i++)
			a[rs->accept.n + i] = rs->reject.v[i].s;
		ctx.accept = a;
		ctx.reject = a + rs->accept.n;
	}

	if (job->only == NULL) {
		rc = check_encoding(&ctx);
		for (i = 0; rc == 0 && is_email && i < email.n_problems; i++) {
			/* Problems point into the input; in decoded mode, at the text's start. */
			size_t at = 0;
			if (email.body_in_file) {
				size_t abs = (job->len >= 3 && memcmp(job->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0) +
				             email.problems[i].offset;
				at = abs >= base ? abs - base : 0;
				/* offsets before the body (headers) cannot be expressed in the model */
				if (abs < base)
					at = 0;
			}
			rc = emit_builtin(&ctx, "fulint.Email", FULINT_WARNING, at, email.problems[i].message,
			                  "The message is malformed; fulint read what it could.");
		}
		if (rc < 0)
			goto cleanup;
	}
	/* A large text on several threads: in chunks (see "splitting"). */
	if (job->only == NULL && l->threads > 1 && text.len >= l->split_min) {
		rc = fl_chunk_split(text.lint, text.len, l->split_chunk, &bounds, &n_chunks);
		if (rc < 0)
			goto cleanup;
	}
	if (n_chunks > 1) {
		rc = run_split(l, &ctx, bounds, n_chunks, &tasks, &n_tasks);
	} else {
		n_chunks = 1;
		/* The masked text is valid UTF-8 (fl_text.h): skip PCRE2's per-call check. */
		fl_matcher_trust(l->matcher, text.lint, text.len);
		/* One pass over the text for every pattern's required strings. */
		rc = fl_matcher_prefilter(l->matcher, l->rs->litindex, text.lint, text.len);
		if (rc == 0)
			rc = run_rules(l, &ctx, job->only);
		fl_matcher_prefilter(l->matcher, NULL, NULL, 0);
		fl_matcher_trust(l->matcher, NULL, 0);
	}
	if (rc < 0)
		goto cleanup;
	if (fl.overflow) {
		fl.n--; /* make room for the notice */
		rc = emit_builtin(&ctx, "fulint.Limit", FULINT_WARNING, text.len,
		                  "more than 100000 findings in this file; the rest are not shown",
		                  "fulint keeps at most 100000 findings per file.");
		if (rc < 0)
			goto cleanup;
	}

	res->note_kind = fl_note_kind_name(ctx.note_kind);
	res->note_kind_told = ctx.note_kind_told;
	res->n_chunks = n_chunks;
	rc = build_result(res, &ctx, base);

cleanup:
	if (rc < 0) {
		if (rc == FULINT_ERR_NOMEM)
			fl_error_set(err, rc, job->name, 0, 0, "out of memory");
		else if (err != NULL && err->code == 0)
			err->code = rc;
		fulint_result_free(res);
		res = NULL;
	}
	if (text_built)
		fl_text_dispose(&text);
	if (is_email)
		fl_email_dispose(&email);
	free(names_buf);
	free(fl.v);
	free(fl.per_rule);
	free_tasks(tasks, n_tasks);
	free(bounds);
	fl_arena_dispose(&arena);
	*out = res;
	return rc;
}

int fulint_lint(fulint_linter *l, const fulint_source *src, fulint_result **out, fulint_error *err)
{
	lint_job job;
	*out = NULL;
	if (l == NULL || src == NULL || (src->data == NULL && src->len > 0))
		return fl_error_set(err, FULINT_ERR_USAGE, NULL, 0, 0, "fulint_lint: bad arguments");
	fl_error_clear(err);
	memset(&job, 0, sizeof(job));
	job.name = src->name ? src->name : "<stdin>";
	job.data = src->data ? src->data : "";
	job.len = src->len;
	return lint_impl(l, &job, out, err);
}

/* ------------------------------------------------------------------ */
/* rule examples                                                        */

int fulint_ruleset_test_examples(const fulint_ruleset *rs, fulint_linter *l, fulint_example_fn cb,
                                 void *payload, size_t *n_checked, size_t *n_failed,
                                 fulint_error *err)
{
	size_t i, j, checked = 0, failed = 0;
	if (rs == NULL || l == NULL || l->rs != rs)
		return fl_error_set(err, FULINT_ERR_USAGE, NULL, 0, 0, "linter does not belong to ruleset");
	for (i = 0; i < rs->n_rules; i++) {
		const fl_rule *r = &rs->rules[i];
		for (j = 0; j < r->def.ex_match.n + r->def.ex_nomatch.n; j++) {
			bool want = j < r->def.ex_match.n;
			const fl_str *ex = want ? &r->def.ex_match.v[j] : &r->def.ex_nomatch.v[j - r->def.ex_match.n];
			lint_job job;
			fulint_result *res = NULL;
			size_t k, hits = 0;
			const char *detail = "";
			int rc;

			if (r->ops == NULL)
				continue;
			memset(&job, 0, sizeof(job));
			job.name = r->def.path;
			job.data = ex->s;
			job.len = strlen(ex->s);
			job.only = r;
			rc = lint_impl(l, &job, &res, err);
			if (rc < 0)
				return rc;
			for (k = 0; k < res->n_findings; k++)
				if (strcmp(res->findings[k].rule, r->def.id) == 0) {
					if (hits == 0)
						detail = res->findings[k].message;
					hits++;
				}
			checked++;
			if ((hits > 0) != want) {
				fulint_example_failure f;
				f.rule = r->def.id;
				f.path = r->def.path;
				f.expected_match = want;
				f.example = ex->s;
				f.detail = detail;
				failed++;
				if (cb)
					cb(payload, &f);
			}
			fulint_result_free(res);
		}
	}
	if (n_checked)
		*n_checked = checked;
	if (n_failed)
		*n_failed = failed;
	return 0;
}
