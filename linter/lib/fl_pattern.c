/*
 * fl_pattern.c - PCRE2 behind a small interface (see fl_pattern.h).
 *
 * The only file that includes <pcre2.h>; no PCRE2 type leaves it.
 * Patterns: UTF | UCP | MATCH_INVALID_UTF, newlines ANYCRLF, JIT when it
 * compiles (silently interpreted otherwise).  Matchers: one per thread,
 * with match data sized for the largest pattern seen, a JIT stack, and a
 * match context carrying the limits that keep a pathological user regex
 * from hanging fulint.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_blobcache.h"
#include "fl_literal.h"
#include "fl_pattern.h"

/* Limits: about 10 ms of backtracking at most per call on this hardware. */
#define FL_RE_MATCH_LIMIT 1000000u
#define FL_RE_DEPTH_LIMIT 10000u
#define FL_RE_HEAP_LIMIT_KIB 20480u
#define FL_RE_JIT_STACK_MAX (1024u * 1024u)

struct fl_pattern {
	pcre2_code *code;
	unsigned groups;
	bool jit;
	uint32_t lit_id; /* index in the prefilter registry, or FL_NO_LITS */
};

#define FL_NO_LITS UINT32_MAX

struct fl_matcher {
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	pcre2_match_data *md;
	uint32_t md_pairs;
	const char *trusted; /* known valid UTF-8: matched with PCRE2_NO_UTF_CHECK */
	size_t trusted_len;
	/* literal prefilter: where each registered pattern's strings occur in pf_base */
	const char *pf_base;
	size_t pf_len;
	fl_lithits *hits;
	size_t n_hits;
};

static char *cache_key(const char *re, uint32_t options, size_t *len);
static uint32_t options_of(unsigned flags);

static _Thread_local fl_pattern_lits *lits_current;

fl_pattern_lits *fl_pattern_lits_set_current(fl_pattern_lits *r)
{
	fl_pattern_lits *old = lits_current;
	lits_current = r;
	return old;
}

void fl_pattern_lits_dispose(fl_pattern_lits *r)
{
	size_t i;
	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		fl_litset_dispose(&r->v[i]);
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

/* The required strings of `re` (from the blob cache when it has them). */
static int pattern_lits(fl_litset *out, const char *key, size_t key_len, const char *re)
{
	fl_blobcache *bc = fl_blobcache_current();
	fl_buf enc = FL_BUF_INIT;
	int rc;
	if (bc != NULL && key != NULL) {
		size_t vlen = 0;
		const char *val = fl_blobcache_get(bc, FL_BLOB_LITERALS, key, key_len, &vlen);
		if (val != NULL && fl_litset_decode(out, val, vlen) == 0)
			return 0;
	}
	rc = fl_literal_extract(re, out);
	if (rc == 0 && bc != NULL && key != NULL && fl_litset_encode(out, &enc) == 0)
		(void)fl_blobcache_put(bc, FL_BLOB_LITERALS, key, key_len, enc.data, enc.len);
	fl_buf_dispose(&enc);
	return rc;
}

/* Record the required strings of a pattern being compiled (when a registry is current). */
static int register_lits(fl_pattern *p, const char *re, unsigned flags)
{
	fl_pattern_lits *r = lits_current;
	fl_litset set;
	char *key;
	size_t key_len = 0;
	int rc;
	p->lit_id = FL_NO_LITS;
	if (r == NULL || r->n >= FL_NO_LITS - 1)
		return 0;
	key = cache_key(re, options_of(flags), &key_len);
	if (key == NULL)
		return FULINT_ERR_NOMEM;
	rc = pattern_lits(&set, key, key_len, re);
	free(key);
	if (rc < 0)
		return rc;
	if (set.n == 0) {
		fl_litset_dispose(&set);
		return 0;
	}
	if (fl_grow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v)) < 0) {
		fl_litset_dispose(&set);
		return FULINT_ERR_NOMEM;
	}
	r->v[r->n] = set;
	p->lit_id = (uint32_t)r->n++;
	return 0;
}

/* The cache key: the options that shape the compiled code, then the pattern. */
static char *cache_key(const char *re, uint32_t options, size_t *len)
{
	size_t rl = strlen(re);
	char *k = malloc(rl + 16);
	if (k == NULL)
		return NULL;
	*len = (size_t)snprintf(k, 16, "re1:%08x:", (unsigned)options);
	memcpy(k + *len, re, rl);
	*len += rl;
	return k;
}

static uint32_t options_of(unsigned flags)
{
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	if (flags & FL_RE_CASELESS)
		options |= PCRE2_CASELESS;
	if (flags & FL_RE_MULTILINE)
		options |= PCRE2_MULTILINE;
	return options;
}

/* The compiled code of `re`: from the current blob cache, else compiled (and cached). */
static int compile_code(pcre2_code **out, const char *re, unsigned flags, bool check_only, size_t *err_offset,
                        fulint_error *err)
{
	uint32_t options = options_of(flags);
	fl_blobcache *bc = fl_blobcache_current();
	pcre2_compile_context *cctx;
	pcre2_code *code = NULL;
	int errcode = 0;
	PCRE2_SIZE eoff = 0;
	char *key = NULL;
	size_t key_len = 0;

	*out = NULL;
	if (bc != NULL && (key = cache_key(re, options, &key_len)) != NULL) {
		size_t vlen = 0;
		const void *val = fl_blobcache_get(bc, FL_BLOB_PATTERN, key, key_len, &vlen);
		if (val != NULL && check_only) {
			free(key);
			return 0; /* it compiled when it was cached */
		}
		if (val != NULL && pcre2_serialize_get_number_of_codes(val) == 1 &&
		    pcre2_serialize_decode(&code, 1, val, NULL) == 1) {
			free(key);
			*out = code;
			return 0;
		}
	}
	cctx = pcre2_compile_context_create(NULL);
	if (cctx == NULL) {
		free(key);
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	pcre2_set_newline(cctx, PCRE2_NEWLINE_ANYCRLF);
	pcre2_set_max_pattern_length(cctx, 1u << 20);
	pcre2_set_parens_nest_limit(cctx, 250);
	code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, options, &errcode, &eoff, cctx);
	pcre2_compile_context_free(cctx);
	if (code == NULL) {
		PCRE2_UCHAR msg[256];
		free(key);
		if (pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0)
			strcpy((char *)msg, "invalid pattern");
		if (err_offset)
			*err_offset = (size_t)eoff;
		return fl_error_set(err, FULINT_ERR_RULE, NULL, 0, 0, "bad regex at offset %zu: %s",
		                    (size_t)eoff, (const char *)msg);
	}
	if (key != NULL) {
		uint8_t *bytes = NULL;
		PCRE2_SIZE size = 0;
		const pcre2_code *one[1];
		one[0] = code;
		if (pcre2_serialize_encode(one, 1, &bytes, &size, NULL) == 1) {
			(void)fl_blobcache_put(bc, FL_BLOB_PATTERN, key, key_len, bytes, (size_t)size);
			pcre2_serialize_free(bytes);
		}
		free(key);
	}
	*out = code;
	return 0;
}

int fl_pattern_compile(fl_pattern **out, const char *re, unsigned flags, size_t *err_offset,
                       fulint_error *err)
{
	pcre2_code *code;
	fl_pattern *p;
	uint32_t groups = 0;
	int rc;

	*out = NULL;
	rc = compile_code(&code, re, flags, false, err_offset, err);
	if (rc < 0)
		return rc;
	p = calloc(1, sizeof(*p));
	if (p == NULL) {
		pcre2_code_free(code);
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	p->code = code;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	p->groups = groups;
	rc = register_lits(p, re, flags);
	if (rc < 0) {
		fl_pattern_free(p);
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	if (!(flags & FL_RE_NO_JIT))
		p->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	*out = p;
	return 0;
}

int fl_pattern_check(const char *re, unsigned flags, size_t *err_offset, fulint_error *err)
{
	pcre2_code *code = NULL;
	int rc = compile_code(&code, re, flags, true, err_offset, err);
	pcre2_code_free(code);
	return rc;
}

void fl_pattern_free(fl_pattern *p)
{
	if (p == NULL)
		return;
	pcre2_code_free(p->code);
	free(p);
}

unsigned fl_pattern_groups(const fl_pattern *p)
{
	return p->groups;
}

int fl_matcher_new(fl_matcher **out)
{
	fl_matcher *m = calloc(1, sizeof(*m));
	*out = NULL;
	if (m == NULL)
		return FULINT_ERR_NOMEM;
	m->mctx = pcre2_match_context_create(NULL);
	m->jit_stack = pcre2_jit_stack_create(32u * 1024u, FL_RE_JIT_STACK_MAX, NULL);
	m->md_pairs = FL_MAX_GROUPS;
	m->md = pcre2_match_data_create(m->md_pairs, NULL);
	if (m->mctx == NULL || m->md == NULL) {
		fl_matcher_free(m);
		return FULINT_ERR_NOMEM;
	}
	pcre2_set_match_limit(m->mctx, FL_RE_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, FL_RE_DEPTH_LIMIT);
	pcre2_set_heap_limit(m->mctx, FL_RE_HEAP_LIMIT_KIB);
	if (m->jit_stack != NULL)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
	*out = m;
	return 0;
}

void fl_matcher_free(fl_matcher *m)
{
	if (m == NULL)
		return;
	fl_lithits_dispose(m->hits, m->n_hits);
	free(m->hits);
	pcre2_match_data_free(m->md);
	pcre2_jit_stack_free(m->jit_stack);
	pcre2_match_context_free(m->mctx);
	free(m);
}

static int run_match(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len, size_t start,
                     uint32_t options, fl_match *out)
{
	int rc;
	PCRE2_SIZE *ov;
	size_t i, n;
	PCRE2_SPTR mark;

	if (start > len)
		return 0;
	if (m->pf_base != NULL && p->lit_id < m->n_hits && subject >= m->pf_base && len <= m->pf_len &&
	    (size_t)(subject - m->pf_base) <= m->pf_len - len) {
		/* Every match holds one of the pattern's required strings (fl_literal.h). */
		size_t off = (size_t)(subject - m->pf_base);
		if (!fl_lithits_any(&m->hits[p->lit_id], off + start, off + len))
			return 0;
	}
	if (p->groups + 1u > m->md_pairs) {
		/* Room for every group, so the highest one set is always known. */
		pcre2_match_data *md = pcre2_match_data_create(p->groups + 1u, NULL);
		if (md == NULL)
			return FULINT_ERR_NOMEM;
		pcre2_match_data_free(m->md);
		m->md = md;
		m->md_pairs = p->groups + 1u;
	}
	if (m->trusted != NULL && subject >= m->trusted && len <= m->trusted_len &&
	    (size_t)(subject - m->trusted) <= m->trusted_len - len)
		options |= PCRE2_NO_UTF_CHECK;
	rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, start, options, m->md, m->mctx);
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	    rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return FL_MATCH_LIMIT;
	if (rc == PCRE2_ERROR_NOMEMORY)
		return FULINT_ERR_NOMEM;
	if (rc < 0)
		return FL_MATCH_LIMIT; /* any other run-time failure: report it, never hang */
	ov = pcre2_get_ovector_pointer(m->md);
	n = rc == 0 ? m->md_pairs : (size_t)rc;
	if (n > FL_MAX_GROUPS)
		n = FL_MAX_GROUPS;
	out->start = (size_t)ov[0];
	out->end = (size_t)ov[1];
	if (out->end < out->start) /* \K in a lookahead can do this; keep spans sane */
		out->end = out->start;
	out->n_groups = n;
	out->last_group = rc > 0 ? (size_t)rc - 1u : 0u;
	for (i = 0; i < FL_MAX_GROUPS; i++) {
		if (i < n && ov[2 * i] != PCRE2_UNSET) {
			out->gstart[i] = (size_t)ov[2 * i];
			out->gend[i] = (size_t)ov[2 * i + 1];
		} else {
			out->gstart[i] = out->gend[i] = SIZE_MAX;
		}
	}
	mark = pcre2_get_mark(m->md);
	out->mark = (const char *)mark;
	return 1;
}

int fl_matcher_prefilter(fl_matcher *m, const fl_litindex *ix, const char *text, size_t len)
{
	size_t count = fl_litindex_count(ix);
	int rc;
	m->pf_base = NULL;
	m->pf_len = 0;
	if (ix == NULL || text == NULL || count == 0)
		return 0;
	if (m->n_hits < count) {
		fl_lithits *h = fl_reallocarray(m->hits, count, sizeof(*h));
		if (h == NULL)
			return FULINT_ERR_NOMEM;
		memset(h + m->n_hits, 0, (count - m->n_hits) * sizeof(*h));
		m->hits = h;
		m->n_hits = count;
	}
	rc = fl_litindex_scan(ix, text, len, m->hits);
	if (rc == 1) {
		m->pf_base = text;
		m->pf_len = len;
	}
	return rc < 0 ? rc : 0;
}

void fl_matcher_trust(fl_matcher *m, const char *valid, size_t len)
{
	m->trusted = valid;
	m->trusted_len = valid != NULL ? len : 0;
}

int fl_pattern_find(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len, size_t start,
                    fl_match *out)
{
	return run_match(m, p, subject, len, start, 0, out);
}

int fl_pattern_next(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len, size_t *pos,
                    fl_match *out)
{
	int rc = run_match(m, p, subject, len, *pos, 0, out);
	if (rc != 1) {
		*pos = len + 1;
		return rc;
	}
	if (out->end > out->start) {
		*pos = out->end;
	} else {
		/* Empty match: step over one character so the loop advances. */
		size_t step = 1;
		if (out->end < len) {
			uint32_t cp;
			size_t n = fl_utf8_decode(subject + out->end, len - out->end, &cp);
			step = n ? n : 1;
		}
		*pos = out->end + step;
	}
	return 1;
}

int fl_pattern_matches_all(fl_matcher *m, const fl_pattern *p, const char *s, size_t len)
{
	fl_match mm;
	int rc = run_match(m, p, s, len, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, &mm);
	return rc == 1;
}

int fl_pattern_quote(fl_buf *b, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (c != '\0' && strchr("\\^$.|?*+()[]{}#-/", c) != NULL) {
			if (fl_buf_putc(b, '\\') < 0)
				return FULINT_ERR_NOMEM;
		}
		if (fl_buf_putc(b, c) < 0)
			return FULINT_ERR_NOMEM;
	}
	return 0;
}
