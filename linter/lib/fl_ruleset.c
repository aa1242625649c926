/*
 * fl_ruleset.c - building a fulint_ruleset from a configuration: find the
 * style folders (built-in, then each styles path; a later folder of the
 * same style replaces an earlier one), parse the rule files of the styles
 * that run and of the rules switched on one by one, apply the config's
 * overrides, compile.
 *
 * Also fl_rule_compile (scope parsing and dispatch to the kind's compile).
 *
 * Invariants: rules are sorted by id and unique; a ruleset is read-only
 * after fulint_ruleset_new returns.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fl_builtin.h"
#include "fl_config.h"
#include "fl_blobcache.h"
#include "fl_literal.h"
#include "fl_pattern.h"
#include "fl_ruleset.h"
#include "fl_yaml.h"

/* ------------------------------------------------------------------ */
/* compiling one rule                                                   */

static const fl_kind_ops *ops_for(fl_kind k)
{
	switch (k) {
	case FL_KIND_EXISTENCE: return &fl_kind_existence;
	case FL_KIND_SUBSTITUTION: return &fl_kind_substitution;
	case FL_KIND_OCCURRENCE: return &fl_kind_occurrence;
	case FL_KIND_REPETITION: return &fl_kind_repetition;
	case FL_KIND_CONSISTENCY: return &fl_kind_consistency;
	case FL_KIND_CONDITIONAL: return &fl_kind_conditional;
	case FL_KIND_CAPITALIZATION: return &fl_kind_capitalization;
	case FL_KIND_METRIC: return &fl_kind_metric;
	case FL_KIND_READABILITY: return &fl_kind_readability;
	case FL_KIND_SPELLING: return &fl_kind_spelling;
	case FL_KIND_SUBJECT: return &fl_kind_subject;
	case FL_KIND_RECIPIENT: return &fl_kind_recipient;
	case FL_KIND_SEQUENCE:
	case FL_KIND_SCRIPT:
	case FL_KIND_COUNT:
		break;
	}
	return NULL;
}

/* Vale's markup scopes: they exist in Markdown/HTML, never in a plain draft. */
static const char *const markup_scopes[] = {
	"heading", "table", "list", "blockquote", "code", "alt", "comment", "link", "strong",
	"emphasis", "pre", "script", "style", "title", "image", "figure", "caption", "attr",
};

static int parse_scope(const char *name, unsigned *bit)
{
	static const struct {
		const char *name;
		unsigned bit;
	} scopes[] = {
		{ "text", FL_SCOPE_TEXT },         { "summary", FL_SCOPE_TEXT },
		{ "sentence", FL_SCOPE_SENTENCE }, { "paragraph", FL_SCOPE_PARAGRAPH },
		{ "raw", FL_SCOPE_RAW },           { "subject", FL_SCOPE_SUBJECT },
		{ "greeting", FL_SCOPE_GREETING }, { "body", FL_SCOPE_BODY },
		{ "closing", FL_SCOPE_CLOSING },
	};
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(scopes); i++)
		if (strcmp(name, scopes[i].name) == 0) {
			*bit = scopes[i].bit;
			return 0;
		}
	for (i = 0; i < FL_ARRAY_LEN(markup_scopes); i++) {
		size_t n = strlen(markup_scopes[i]);
		if (strncmp(name, markup_scopes[i], n) == 0 && (name[n] == '\0' || name[n] == '.')) {
			*bit = FL_SCOPE_MARKUP;
			return 0;
		}
	}
	return FULINT_ERR_RULE;
}

static int compile_scopes(fl_rule *r, fulint_error *err)
{
	size_t i;
	r->scope_mask = r->scope_not = 0;
	for (i = 0; i < r->def.scopes.n; i++) {
		const fl_str *s = &r->def.scopes.v[i];
		const char *name = s->s;
		bool neg = false;
		unsigned bit;
		if (name[0] == '~') {
			neg = true;
			name++;
		}
		if (parse_scope(name, &bit) < 0)
			return fl_error_set(err, FULINT_ERR_RULE, r->def.path, s->line, s->column,
			                    "unknown scope '%s' (fulint knows text, sentence, paragraph, raw, "
			                    "subject, greeting, body, closing, and Vale's markup scopes)",
			                    s->s);
		if (neg)
			r->scope_not |= bit;
		else
			r->scope_mask |= bit;
	}
	if (r->scope_mask == 0) {
		/* Only negations (e.g. ~code): everything else, i.e. the text. Vale
		 * applies capitalization to headings by default. */
		if (r->def.scopes.n == 0 && r->def.kind == FL_KIND_CAPITALIZATION)
			r->scope_mask = FL_SCOPE_MARKUP;
		else
			r->scope_mask = FL_SCOPE_TEXT;
	}
	if (r->scope_mask == FL_SCOPE_MARKUP)
		r->scope_mask = FL_SCOPE_MARKUP; /* matches nothing in plain text */
	return 0;
}

int fl_rule_compile(fl_rule *r, fl_ruledef *def, fulint_error *err)
{
	int rc;
	memset(r, 0, sizeof(*r));
	r->def = *def;
	memset(def, 0, sizeof(*def));
	r->level = r->def.level;
	r->enabled = true;
	rc = compile_scopes(r, err);
	if (rc < 0)
		return rc;
	r->ops = ops_for(r->def.kind);
	if (r->ops != NULL && r->ops->compile != NULL) {
		rc = r->ops->compile(r, err);
		if (rc < 0) {
			if (err != NULL && err->file[0] == '\0')
				snprintf(err->file, sizeof(err->file), "%s", r->def.path);
			r->ops = NULL; /* nothing to dispose beyond what compile cleaned */
			return rc;
		}
	}
	return 0;
}

void fl_rule_dispose(fl_rule *r)
{
	if (r->ops != NULL && r->ops->dispose != NULL)
		r->ops->dispose(r);
	r->state = NULL;
	fl_ruledef_dispose(&r->def);
}

/* ------------------------------------------------------------------ */
/* finding rule files                                                   */

typedef struct rule_src {
	char *id;    /* Style.Rule */
	char *style; /* Style */
	char *path;  /* file path, or "<builtin>/Style/Rule.yml" */
	const char *data; /* built-in data, or NULL (read `path`) */
	size_t len;
	int origin;  /* 0 built-in, 1 + index of the styles path */
} rule_src;

typedef struct src_list {
	rule_src *v;
	size_t n, cap;
} src_list;

static void src_list_dispose(src_list *l)
{
	size_t i;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].style);
		free(l->v[i].path);
	}
	free(l->v);
}

static bool valid_name(const char *s, size_t n)
{
	size_t i;
	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		      c == '_' || (unsigned char)c >= 0x80))
			return false;
	}
	return true;
}

/* Add or replace a rule source.  A style seen from a later origin replaces
 * all of that style's rules from earlier origins (done by the caller). */
static int src_add(src_list *l, const char *style, size_t style_len, const char *rule, size_t rule_len,
                   const char *path, const char *data, size_t len, int origin)
{
	rule_src *s;
	if (fl_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
		return FULINT_ERR_NOMEM;
	s = &l->v[l->n];
	memset(s, 0, sizeof(*s));
	s->style = fl_strndup(style, style_len);
	s->id = malloc(style_len + rule_len + 2);
	s->path = fl_strdup(path);
	if (s->style == NULL || s->id == NULL || s->path == NULL) {
		free(s->style);
		free(s->id);
		free(s->path);
		return FULINT_ERR_NOMEM;
	}
	memcpy(s->id, style, style_len);
	s->id[style_len] = '.';
	memcpy(s->id + style_len + 1, rule, rule_len);
	s->id[style_len + 1 + rule_len] = '\0';
	s->data = data;
	s->len = len;
	s->origin = origin;
	l->n++;
	return 0;
}

/* Drop the rules of `style` that came from an origin before `origin`. */
static void src_drop_style(src_list *l, const char *style, int origin)
{
	size_t i, k = 0;
	for (i = 0; i < l->n; i++) {
		if (l->v[i].origin < origin && strcmp(l->v[i].style, style) == 0) {
			free(l->v[i].id);
			free(l->v[i].style);
			free(l->v[i].path);
			continue;
		}
		l->v[k++] = l->v[i];
	}
	l->n = k;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* List a folder's entries, sorted (deterministic order). */
static int list_dir(const char *dir, char ***out, size_t *n_out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;
	*out = NULL;
	*n_out = 0;
	if (d == NULL)
		return FULINT_ERR_IO;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n >= 10000)
			break; /* a styles folder this large is a mistake; stay bounded */
		if (fl_grow((void **)&v, &cap, n + 1, sizeof(*v)) < 0 || (v[n] = fl_strdup(e->d_name)) == NULL) {
			closedir(d);
			while (n > 0)
				free(v[--n]);
			free(v);
			return FULINT_ERR_NOMEM;
		}
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_cstr);
	*out = v;
	*n_out = n;
	return 0;
}

static void free_names(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int scan_styles_path(src_list *l, const char *dir, int origin, fulint_error *err)
{
	char **styles = NULL;
	size_t n_styles = 0, i;
	int rc;
	if (!is_dir(dir))
		return fl_error_set(err, FULINT_ERR_CONFIG, dir, 0, 0,
		                    "styles path '%s' is not a readable folder", dir);
	rc = list_dir(dir, &styles, &n_styles);
	if (rc < 0)
		return fl_error_set(err, rc, dir, 0, 0, "cannot read styles path '%s': %s", dir, strerror(errno));
	for (i = 0; i < n_styles && rc == 0; i++) {
		fl_buf sp = FL_BUF_INIT;
		char **files = NULL;
		size_t n_files = 0, j;
		if (!valid_name(styles[i], strlen(styles[i])))
			continue;
		if (fl_buf_printf(&sp, "%s/%s", dir, styles[i]) < 0) {
			rc = FULINT_ERR_NOMEM;
			break;
		}
		if (!is_dir(fl_buf_cstr(&sp)) || list_dir(fl_buf_cstr(&sp), &files, &n_files) < 0) {
			fl_buf_dispose(&sp);
			continue; /* e.g. a config-vocabularies folder or a stray file */
		}
		src_drop_style(l, styles[i], origin);
		for (j = 0; j < n_files && rc == 0; j++) {
			fl_buf fp = FL_BUF_INIT;
			size_t stem;
			if (!has_suffix(files[j], ".yml") && !has_suffix(files[j], ".yaml"))
				continue;
			stem = strlen(files[j]) - (has_suffix(files[j], ".yml") ? 4 : 5);
			if (!valid_name(files[j], stem))
				continue;
			if (fl_buf_printf(&fp, "%s/%s", fl_buf_cstr(&sp), files[j]) < 0)
				rc = FULINT_ERR_NOMEM;
			else
				rc = src_add(l, styles[i], strlen(styles[i]), files[j], stem, fl_buf_cstr(&fp), NULL, 0,
				             origin);
			fl_buf_dispose(&fp);
		}
		free_names(files, n_files);
		fl_buf_dispose(&sp);
	}
	free_names(styles, n_styles);
	if (rc == FULINT_ERR_NOMEM)
		return fl_error_set(err, rc, NULL, 0, 0, "out of memory");
	return rc;
}

static int add_builtin(src_list *l)
{
	size_t i;
	for (i = 0; i < fl_builtin_styles_count; i++) {
		const fl_builtin_file *f = &fl_builtin_styles[i];
		const char *slash = strchr(f->path, '/');
		fl_buf p = FL_BUF_INIT;
		size_t stem;
		int rc;
		if (slash == NULL || !has_suffix(f->path, ".yml"))
			continue;
		stem = strlen(slash + 1) - 4;
		if (fl_buf_printf(&p, "<builtin>/%s", f->path) < 0)
			return FULINT_ERR_NOMEM;
		rc = src_add(l, f->path, (size_t)(slash - f->path), slash + 1, stem, fl_buf_cstr(&p), f->data,
		             f->len, 0);
		fl_buf_dispose(&p);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Read a rule file, at most the YAML size cap plus one byte (the parser
 * then reports the size). */
static int read_rule_file(const char *path, char **out, size_t *len, fulint_error *err)
{
	FILE *f = fopen(path, "rb");
	fl_buf b = FL_BUF_INIT;
	char chunk[16384];
	size_t n;
	*out = NULL;
	*len = 0;
	if (f == NULL)
		return fl_error_set(err, FULINT_ERR_RULE, path, 0, 0, "cannot read rule file: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (fl_buf_append(&b, chunk, n) < 0) {
			fclose(f);
			fl_buf_dispose(&b);
			return fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
		}
		if (b.len > FL_YAML_MAX_BYTES)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		fl_buf_dispose(&b);
		return fl_error_set(err, FULINT_ERR_RULE, path, 0, 0, "cannot read rule file: %s", strerror(errno));
	}
	fclose(f);
	*len = b.len;
	*out = b.data ? fl_buf_detach(&b) : fl_strdup("");
	return *out ? 0 : fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
}

/* ------------------------------------------------------------------ */
/* the ruleset                                                          */

static bool style_selected(const fulint_config *cfg, const char *style)
{
	if (!cfg->styles_set)
		return strcmp(style, "FollowUp") == 0;
	return fl_strlist_contains(&cfg->styles, style) || fl_strlist_contains(&cfg->styles, "*");
}

static int cmp_rule(const void *a, const void *b)
{
	return strcmp(((const fl_rule *)a)->def.id, ((const fl_rule *)b)->def.id);
}

static int copy_config(fulint_ruleset *rs, const fulint_config *cfg, fulint_error *err)
{
	if (fl_strlist_copy(&rs->accept, &cfg->accept) < 0 || fl_strlist_copy(&rs->reject, &cfg->reject) < 0 ||
	    fl_strlist_copy(&rs->dictionary_dirs, &cfg->dictionary_dirs) < 0 ||
	    fl_strlist_copy(&rs->wordlist_dirs, &cfg->wordlist_dirs) < 0)
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	rs->dictionary = fl_strdup(cfg->dictionary ? cfg->dictionary : "en_US");
	rs->personal_dictionary = fl_strdup(cfg->personal_dictionary);
	rs->cache_dir = fl_strdup(cfg->cache_dir);
	if (rs->dictionary == NULL || (cfg->personal_dictionary && !rs->personal_dictionary) ||
	    (cfg->cache_dir && !rs->cache_dir))
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	rs->note_kind_auto = cfg->note_kind == NULL || strcmp(cfg->note_kind, "auto") == 0;
	rs->note_kind = FL_NOTE_THANK_YOU;
	if (!rs->note_kind_auto && fl_note_kind_parse(&rs->note_kind, cfg->note_kind) < 0)
		return fl_error_set(err, FULINT_ERR_CONFIG, NULL, 0, 0,
		                    "unknown note kind '%s' (auto, thank-you, check-in, nudge, rejection-reply)",
		                    cfg->note_kind);
	rs->input_mode = 0;
	if (cfg->input != NULL && strcmp(cfg->input, "text") == 0)
		rs->input_mode = 1;
	else if (cfg->input != NULL && strcmp(cfg->input, "email") == 0)
		rs->input_mode = 2;
	rs->lint_quoted = cfg->lint_quoted;
	return 0;
}

int fulint_ruleset_new(fulint_ruleset **out, const fulint_config *cfg, fulint_warn_fn warn, void *payload,
                       fulint_error *err)
{
	fulint_ruleset *rs;
	src_list srcs;
	size_t i, j;
	int rc = 0;
	fl_blobcache *cache, *prev_cache;
	fl_pattern_lits lits = { NULL, 0, 0 }, *prev_lits;

	*out = NULL;
	fl_error_clear(err);
	if (cfg == NULL)
		return fl_error_set(err, FULINT_ERR_USAGE, NULL, 0, 0, "no configuration");
	memset(&srcs, 0, sizeof(srcs));
	rs = calloc(1, sizeof(*rs));
	if (rs == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	rc = copy_config(rs, cfg, err);
	if (rc < 0) {
		fulint_ruleset_free(rs);
		return rc;
	}
	/* Parsed rule files and compiled patterns from earlier runs (see
	 * fl_blobcache.h): a pre-send hook should not re-parse and recompile
	 * the same styles on every message. */
	cache = fl_blobcache_open(cfg->cache_dir, "rules.flb");
	prev_cache = fl_blobcache_set_current(cache);
	prev_lits = fl_pattern_lits_set_current(&lits);
	rc = add_builtin(&srcs);
	for (i = 0; rc == 0 && i < cfg->styles_paths.n; i++)
		rc = scan_styles_path(&srcs, cfg->styles_paths.v[i].s, (int)i + 1, err);
	if (rc < 0) {
		if (rc == FULINT_ERR_NOMEM)
			fl_error_set(err, rc, NULL, 0, 0, "out of memory");
		goto fail;
	}

	/* Every style asked for must exist, and every rule named in `rules:`. */
	for (i = 0; i < cfg->styles.n; i++) {
		bool found = strcmp(cfg->styles.v[i].s, "*") == 0;
		for (j = 0; j < srcs.n && !found; j++)
			found = strcmp(srcs.v[j].style, cfg->styles.v[i].s) == 0;
		if (!found) {
			rc = fl_error_set(err, FULINT_ERR_CONFIG, NULL, cfg->styles.v[i].line, cfg->styles.v[i].column,
			                  "style '%s' not found (built-in styles: FollowUp; add its folder with "
			                  "styles_path or --styles-path)",
			                  cfg->styles.v[i].s);
			goto fail;
		}
	}
	for (i = 0; i < cfg->n_rules; i++) {
		bool found = false;
		for (j = 0; j < srcs.n && !found; j++)
			found = strcmp(srcs.v[j].id, cfg->rules[i].id) == 0;
		if (!found) {
			rc = fl_error_set(err, FULINT_ERR_CONFIG, NULL, 0, 0,
			                  "rule '%s' not found in any style (see fulint --list-rules)",
			                  cfg->rules[i].id);
			goto fail;
		}
	}

	rs->rules = fl_calloc(srcs.n ? srcs.n : 1, sizeof(*rs->rules));
	if (rs->rules == NULL) {
		rc = fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; i < srcs.n; i++) {
		const rule_src *s = &srcs.v[i];
		const fl_rule_setting *set = fl_config_rule(cfg, s->id);
		bool selected = style_selected(cfg, s->style);
		bool on = set != NULL && (set->state == FL_RULE_ON || set->state == FL_RULE_LEVEL);
		fl_ruledef def;
		char *owned = NULL;
		const char *data = s->data;
		size_t len = s->len;
		fl_rule *r;

		if (!selected && !on)
			continue;
		if (data == NULL) {
			rc = read_rule_file(s->path, &owned, &len, err);
			if (rc < 0)
				goto fail;
			data = owned;
		}
		memset(&def, 0, sizeof(def));
		rc = fl_ruledef_parse(&def, s->id, s->path, data, len, err);
		def.no_jit = cfg->no_jit;
		free(owned);
		if (rc < 0)
			goto fail;
		for (j = 0; set != NULL && j < set->n_keys; j++) {
			const fl_rule_key *k = &set->keys[j];
			rc = fl_ruledef_override(&def, k->key, k->value, k->where, k->line, k->column, err);
			if (rc < 0) {
				fl_ruledef_dispose(&def);
				goto fail;
			}
		}
		if (def.kind == FL_KIND_SEQUENCE || def.kind == FL_KIND_SCRIPT) {
			if (warn != NULL) {
				fulint_error w;
				fl_error_set(&w, 0, s->path, def.kind_line, def.kind_column,
				             "rule %s: kind '%s' is not supported by fulint; the rule is skipped",
				             s->id, fl_kind_name(def.kind));
				warn(payload, &w);
			}
		}
		r = &rs->rules[rs->n_rules];
		rc = fl_rule_compile(r, &def, err);
		if (rc < 0) {
			fl_rule_dispose(r);
			goto fail;
		}
		rs->n_rules++;
		r->enabled = r->ops != NULL && (set == NULL || set->state != FL_RULE_OFF);
		if (set != NULL && set->state == FL_RULE_LEVEL)
			r->level = set->level;
	}
	if (rs->n_rules > 1)
		qsort(rs->rules, rs->n_rules, sizeof(*rs->rules), cmp_rule);
	for (i = 0; i < rs->n_rules; i++)
		rs->rules[i].index = i;
	src_list_dispose(&srcs);
	fl_pattern_lits_set_current(prev_lits);
	fl_blobcache_set_current(prev_cache);
	fl_blobcache_close(cache);
	/* One index over every pattern's required strings: a lint scans the
	 * text once and skips the patterns that cannot match (fl_literal.h). */
	if (lits.n > 0 && fl_litindex_new(&rs->litindex, lits.v, lits.n) < 0) {
		fl_pattern_lits_dispose(&lits);
		fulint_ruleset_free(rs);
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	fl_pattern_lits_dispose(&lits);
	*out = rs;
	return 0;

fail:
	fl_pattern_lits_set_current(prev_lits);
	fl_pattern_lits_dispose(&lits);
	fl_blobcache_set_current(prev_cache);
	fl_blobcache_close(cache);
	src_list_dispose(&srcs);
	fulint_ruleset_free(rs);
	if (err != NULL && err->code == 0)
		err->code = rc;
	return rc;
}

void fulint_ruleset_free(fulint_ruleset *rs)
{
	size_t i;
	if (rs == NULL)
		return;
	for (i = 0; i < rs->n_rules; i++)
		fl_rule_dispose(&rs->rules[i]);
	free(rs->rules);
	fl_litindex_free(rs->litindex);
	fl_strlist_dispose(&rs->accept);
	fl_strlist_dispose(&rs->reject);
	fl_strlist_dispose(&rs->dictionary_dirs);
	fl_strlist_dispose(&rs->wordlist_dirs);
	free(rs->dictionary);
	free(rs->personal_dictionary);
	free(rs->cache_dir);
	free(rs);
}

size_t fulint_ruleset_count(const fulint_ruleset *rs)
{
	return rs ? rs->n_rules : 0;
}

int fulint_ruleset_rule(const fulint_ruleset *rs, size_t i, fulint_rule_info *out)
{
	const fl_rule *r;
	if (rs == NULL || i >= rs->n_rules)
		return FULINT_ERR_USAGE;
	r = &rs->rules[i];
	out->id = r->def.id;
	out->kind = fl_kind_name(r->def.kind);
	out->level = r->level;
	out->enabled = r->enabled;
	out->description = r->def.description.s ? r->def.description.s : "";
	out->link = r->def.link.s ? r->def.link.s : "";
	out->path = r->def.path;
	return 0;
}
