/*
 * fl_config.c - fulint_config: the public setters and the YAML loader.
 *
 * What it is: plain data describing which styles and rules run, their
 * levels and key overrides, vocabularies, dictionaries and input options;
 * the YAML configuration file is read (on fl_yaml) into the same data the
 * setters fill.  Also the small error/level helpers of fulint.h.
 *
 * What it is not: it loads no styles and checks no rule keys (a key such
 * as `max` is checked by fl_ruledef_override when the ruleset is built,
 * because only then is the rule's kind known).  It reads no environment.
 *
 * Invariants: loading a file is all-or-nothing (a bad file leaves the
 * configuration as it was); every string it holds is owned; relative paths
 * in a file are resolved against the file's folder at load time.
 */
#include "fl_config.h"
#include "fl_yaml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX_BYTES FL_YAML_MAX_BYTES

static const char *const level_names[] = { "suggestion", "warning", "error" };
static const char *const rule_values[] = { "off", "on", "suggestion", "warning", "error" };
static const char *const note_kinds[] = { "auto", "thank-you", "check-in", "nudge", "rejection-reply" };
static const char *const input_modes[] = { "auto", "text", "email" };

/* ---- fulint.h helpers ---- */

char *fulint_error_format(const fulint_error *err, char *buf, size_t size)
{
	size_t used = 0;
	int w;
	if (buf == NULL || size == 0)
		return buf;
	buf[0] = '\0';
	if (err == NULL)
		return buf;
	if (err->file[0] != '\0') {
		w = snprintf(buf, size, "%s:", err->file);
		used = w < 0 ? 0 : FL_MIN((size_t)w, size - 1);
	}
	if (err->line > 0 && used < size - 1) {
		if (err->column > 0)
			w = snprintf(buf + used, size - used, "%u:%u:", err->line, err->column);
		else
			w = snprintf(buf + used, size - used, "%u:", err->line);
		used += w < 0 ? 0 : FL_MIN((size_t)w, size - 1 - used);
	}
	if (used < size - 1)
		snprintf(buf + used, size - used, "%s%s", used > 0 ? " " : "", err->message);
	return buf;
}

const char *fulint_level_name(fulint_level level)
{
	return (unsigned)level < FL_ARRAY_LEN(level_names) ? level_names[level] : "unknown";
}

int fulint_level_parse(fulint_level *out, const char *name)
{
	size_t i;
	if (name == NULL)
		return FULINT_ERR_USAGE;
	for (i = 0; i < FL_ARRAY_LEN(level_names); i++) {
		if (strcmp(name, level_names[i]) == 0) {
			if (out != NULL)
				*out = (fulint_level)i;
			return 0;
		}
	}
	return FULINT_ERR_USAGE;
}

/* ---- small helpers ---- */

static bool in_list(const char *s, const char *const *names, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return true;
	return false;
}

static bool name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-';
}

/* A style folder name: letters, digits, '_' and '-' ("*" means every style). */
static bool valid_style_name(const char *s)
{
	if (strcmp(s, "*") == 0)
		return true;
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!name_char(*s))
			return false;
	return true;
}

/* "Style.Rule". */
static bool valid_rule_id(const char *id)
{
	const char *dot;
	const char *p;
	if (id == NULL)
		return false;
	dot = strchr(id, '.');
	if (dot == NULL || dot == id || dot[1] == '\0' || strchr(dot + 1, '.') != NULL)
		return false;
	for (p = id; *p != '\0'; p++)
		if (p != dot && !name_char(*p))
			return false;
	return true;
}

static int replace_str(char **dst, const char *src)
{
	char *s = fl_strdup(src);
	if (src != NULL && s == NULL)
		return FULINT_ERR_NOMEM;
	free(*dst);
	*dst = s;
	return 0;
}

/* `p` relative to `base` (unless absolute or base is empty). */
static char *join_path(const char *base, const char *p)
{
	size_t bl, pl;
	char *out;
	if (base == NULL || *base == '\0' || p[0] == '/')
		return fl_strdup(p);
	bl = strlen(base);
	pl = strlen(p);
	out = fl_malloc(bl + pl + 2);
	if (out == NULL)
		return NULL;
	memcpy(out, base, bl);
	if (base[bl - 1] != '/')
		out[bl++] = '/';
	memcpy(out + bl, p, pl + 1);
	return out;
}

/* ---- rule settings ---- */

static void rule_setting_dispose(fl_rule_setting *s)
{
	size_t i;
	for (i = 0; i < s->n_keys; i++) {
		free(s->keys[i].key);
		free(s->keys[i].value);
		free(s->keys[i].where);
	}
	free(s->keys);
	free(s->id);
	memset(s, 0, sizeof(*s));
}

const fl_rule_setting *fl_config_rule(const fulint_config *cfg, const char *id)
{
	size_t i;
	if (cfg == NULL || id == NULL)
		return NULL;
	for (i = 0; i < cfg->n_rules; i++)
		if (strcmp(cfg->rules[i].id, id) == 0)
			return &cfg->rules[i];
	return NULL;
}

static fl_rule_setting *rule_get(fulint_config *cfg, const char *id)
{
	fl_rule_setting *s;
	size_t i;
	for (i = 0; i < cfg->n_rules; i++)
		if (strcmp(cfg->rules[i].id, id) == 0)
			return &cfg->rules[i];
	if (fl_grow((void **)&cfg->rules, &cfg->cap_rules, cfg->n_rules + 1, sizeof(*cfg->rules)) < 0)
		return NULL;
	s = &cfg->rules[cfg->n_rules];
	memset(s, 0, sizeof(*s));
	s->id = fl_strdup(id);
	if (s->id == NULL)
		return NULL;
	cfg->n_rules++;
	return s;
}

/* Set (or replace: later wins) one key override of a rule. */
static int rule_key_set(fl_rule_setting *s, const char *key, const char *value, const char *where,
                        unsigned line, unsigned column)
{
	fl_rule_key *k = NULL;
	char *nk, *nv, *nw;
	size_t i;
	for (i = 0; i < s->n_keys; i++)
		if (strcmp(s->keys[i].key, key) == 0)
			k = &s->keys[i];
	nk = fl_strdup(key);
	nv = fl_strdup(value);
	nw = fl_strdup(where != NULL ? where : "");
	if (nk == NULL || nv == NULL || nw == NULL)
		goto nomem;
	if (k == NULL) {
		if (fl_grow((void **)&s->keys, &s->cap_keys, s->n_keys + 1, sizeof(*s->keys)) < 0)
			goto nomem;
		k = &s->keys[s->n_keys++];
	} else {
		free(k->key);
		free(k->value);
		free(k->where);
	}
	k->key = nk;
	k->value = nv;
	k->where = nw;
	k->line = line;
	k->column = column;
	return 0;
nomem:
	free(nk);
	free(nv);
	free(nw);
	return FULINT_ERR_NOMEM;
}

static int rule_value_apply(fl_rule_setting *s, const char *value)
{
	fulint_level lv;
	if (strcmp(value, "off") == 0)
		s->state = FL_RULE_OFF;
	else if (strcmp(value, "on") == 0)
		s->state = FL_RULE_ON;
	else if (fulint_level_parse(&lv, value) == 0) {
		s->state = FL_RULE_LEVEL;
		s->level = lv;
	} else
		return FULINT_ERR_USAGE;
	return 0;
}

/* Split "a, b,c" into `out` (replacing it); "" gives an empty list. */
static int split_styles(fl_strlist *out, const char *list, unsigned line, unsigned column, char **bad)
{
	fl_strlist tmp = FL_STRLIST_INIT;
	const char *p = list;
	*bad = NULL;
	while (*p != '\0') {
		const char *start, *end, *comma = strchr(p, ',');
		char *item;
		if (comma == NULL)
			comma = p + strlen(p);
		start = p;
		end = comma;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		item = fl_strndup(start, (size_t)(end - start));
		if (item == NULL)
			goto nomem;
		if (!valid_style_name(item)) {
			*bad = item;
			fl_strlist_dispose(&tmp);
			return FULINT_ERR_USAGE;
		}
		if (!fl_strlist_contains(&tmp, item) && fl_strlist_push(&tmp, item, line, column) < 0) {
			free(item);
			goto nomem;
		}
		free(item);
		p = *comma == ',' ? comma + 1 : comma;
	}
	fl_strlist_dispose(out);
	*out = tmp;
	return 0;
nomem:
	fl_strlist_dispose(&tmp);
	return FULINT_ERR_NOMEM;
}

/* ---- lifecycle ---- */

static void config_dispose(fulint_config *cfg)
{
	size_t i;
	fl_strlist_dispose(&cfg->styles_paths);
	fl_strlist_dispose(&cfg->styles);
	for (i = 0; i < cfg->n_rules; i++)
		rule_setting_dispose(&cfg->rules[i]);
	free(cfg->rules);
	fl_strlist_dispose(&cfg->accept);
	fl_strlist_dispose(&cfg->reject);
	free(cfg->dictionary);
	fl_strlist_dispose(&cfg->dictionary_dirs);
	fl_strlist_dispose(&cfg->wordlist_dirs);
	free(cfg->personal_dictionary);
	free(cfg->cache_dir);
	free(cfg->note_kind);
	free(cfg->input);
	memset(cfg, 0, sizeof(*cfg));
}

static int config_defaults(fulint_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->min_level = FULINT_SUGGESTION;
	cfg->fail_level = FULINT_ERROR;
	cfg->dictionary = fl_strdup("en_US");
	cfg->note_kind = fl_strdup("auto");
	cfg->input = fl_strdup("auto");
	if (cfg->dictionary == NULL || cfg->note_kind == NULL || cfg->input == NULL) {
		config_dispose(cfg);
		return FULINT_ERR_NOMEM;
	}
	return 0;
}

/* Deep copy of src into dst (dst is overwritten, not freed). */
static int config_copy(fulint_config *dst, const fulint_config *src)
{
	size_t i, j;
	memset(dst, 0, sizeof(*dst));
	dst->styles_set = src->styles_set;
	dst->min_level = src->min_level;
	dst->fail_level = src->fail_level;
	dst->lint_quoted = src->lint_quoted;
	dst->no_jit = src->no_jit;
	if (fl_strlist_copy(&dst->styles_paths, &src->styles_paths) < 0 ||
	    fl_strlist_copy(&dst->styles, &src->styles) < 0 || fl_strlist_copy(&dst->accept, &src->accept) < 0 ||
	    fl_strlist_copy(&dst->reject, &src->reject) < 0 ||
	    fl_strlist_copy(&dst->dictionary_dirs, &src->dictionary_dirs) < 0 ||
	    fl_strlist_copy(&dst->wordlist_dirs, &src->wordlist_dirs) < 0 ||
	    replace_str(&dst->dictionary, src->dictionary) < 0 ||
	    replace_str(&dst->personal_dictionary, src->personal_dictionary) < 0 ||
	    replace_str(&dst->cache_dir, src->cache_dir) < 0 || replace_str(&dst->note_kind, src->note_kind) < 0 ||
	    replace_str(&dst->input, src->input) < 0)
		goto nomem;
	for (i = 0; i < src->n_rules; i++) {
		const fl_rule_setting *s = &src->rules[i];
		fl_rule_setting *d = rule_get(dst, s->id);
		if (d == NULL)
			goto nomem;
		d->state = s->state;
		d->level = s->level;
		for (j = 0; j < s->n_keys; j++)
			if (rule_key_set(d, s->keys[j].key, s->keys[j].value, s->keys[j].where, s->keys[j].line,
			                 s->keys[j].column) < 0)
				goto nomem;
	}
	return 0;
nomem:
	config_dispose(dst);
	return FULINT_ERR_NOMEM;
}

int fulint_config_new(fulint_config **out)
{
	fulint_config *cfg;
	if (out == NULL)
		return FULINT_ERR_USAGE;
	*out = NULL;
	cfg = fl_calloc(1, sizeof(*cfg));
	if (cfg == NULL)
		return FULINT_ERR_NOMEM;
	if (config_defaults(cfg) < 0) {
		free(cfg);
		return FULINT_ERR_NOMEM;
	}
	*out = cfg;
	return 0;
}

void fulint_config_free(fulint_config *cfg)
{
	if (cfg == NULL)
		return;
	config_dispose(cfg);
	free(cfg);
}

/* ---- setters ---- */

int fulint_config_add_styles_path(fulint_config *cfg, const char *dir)
{
	if (cfg == NULL || dir == NULL || *dir == '\0')
		return FULINT_ERR_USAGE;
	return fl_strlist_push(&cfg->styles_paths, dir, 0, 0);
}

int fulint_config_set_styles(fulint_config *cfg, const char *comma_list)
{
	char *bad = NULL;
	int rc;
	if (cfg == NULL || comma_list == NULL)
		return FULINT_ERR_USAGE;
	rc = split_styles(&cfg->styles, comma_list, 0, 0, &bad);
	free(bad);
	if (rc == 0)
		cfg->styles_set = true;
	return rc;
}

int fulint_config_set_rule(fulint_config *cfg, const char *rule_id, const char *value)
{
	fl_rule_setting *s;
	if (cfg == NULL || !valid_rule_id(rule_id) || value == NULL ||
	    !in_list(value, rule_values, FL_ARRAY_LEN(rule_values)))
		return FULINT_ERR_USAGE;
	s = rule_get(cfg, rule_id);
	if (s == NULL)
		return FULINT_ERR_NOMEM;
	return rule_value_apply(s, value);
}

int fulint_config_set_rule_key(fulint_config *cfg, const char *rule_id, const char *key, const char *value)
{
	fl_rule_setting *s;
	if (cfg == NULL || !valid_rule_id(rule_id) || key == NULL || *key == '\0' || value == NULL)
		return FULINT_ERR_USAGE;
	s = rule_get(cfg, rule_id);
	if (s == NULL)
		return FULINT_ERR_NOMEM;
	/* "level" is a key too: it goes through the same check as the config map */
	if (strcmp(key, "level") == 0)
		return in_list(value, rule_values, FL_ARRAY_LEN(rule_values)) ? rule_value_apply(s, value)
		                                                                : FULINT_ERR_USAGE;
	return rule_key_set(s, key, value, "--rule", 0, 0);
}

int fulint_config_set_min_level(fulint_config *cfg, fulint_level level)
{
	if (cfg == NULL || (unsigned)level > (unsigned)FULINT_ERROR)
		return FULINT_ERR_USAGE;
	cfg->min_level = level;
	return 0;
}

int fulint_config_set_fail_level(fulint_config *cfg, fulint_level level)
{
	if (cfg == NULL || (unsigned)level > (unsigned)FULINT_ERROR)
		return FULINT_ERR_USAGE;
	cfg->fail_level = level;
	return 0;
}

fulint_level fulint_config_min_level(const fulint_config *cfg)
{
	return cfg != NULL ? cfg->min_level : FULINT_SUGGESTION;
}

fulint_level fulint_config_fail_level(const fulint_config *cfg)
{
	return cfg != NULL ? cfg->fail_level : FULINT_ERROR;
}

int fulint_config_add_accept(fulint_config *cfg, const char *word)
{
	if (cfg == NULL || word == NULL || *word == '\0')
		return FULINT_ERR_USAGE;
	return fl_strlist_push(&cfg->accept, word, 0, 0);
}

int fulint_config_add_reject(fulint_config *cfg, const char *word)
{
	if (cfg == NULL || word == NULL || *word == '\0')
		return FULINT_ERR_USAGE;
	return fl_strlist_push(&cfg->reject, word, 0, 0);
}

int fulint_config_set_dictionary(fulint_config *cfg, const char *name)
{
	if (cfg == NULL || name == NULL || *name == '\0')
		return FULINT_ERR_USAGE;
	return replace_str(&cfg->dictionary, name);
}

int fulint_config_add_dictionary_dir(fulint_config *cfg, const char *dir)
{
	if (cfg == NULL || dir == NULL || *dir == '\0')
		return FULINT_ERR_USAGE;
	return fl_strlist_push(&cfg->dictionary_dirs, dir, 0, 0);
}

int fulint_config_add_wordlist_dir(fulint_config *cfg, const char *dir)
{
	if (cfg == NULL || dir == NULL || *dir == '\0')
		return FULINT_ERR_USAGE;
	return fl_strlist_push(&cfg->wordlist_dirs, dir, 0, 0);
}

int fulint_config_set_personal_dictionary(fulint_config *cfg, const char *path)
{
	if (cfg == NULL || (path != NULL && *path == '\0'))
		return FULINT_ERR_USAGE;
	return replace_str(&cfg->personal_dictionary, path);
}

const char *fulint_config_personal_dictionary(const fulint_config *cfg)
{
	return cfg != NULL ? cfg->personal_dictionary : NULL;
}

int fulint_config_set_cache_dir(fulint_config *cfg, const char *dir)
{
	if (cfg == NULL || (dir != NULL && *dir == '\0'))
		return FULINT_ERR_USAGE;
	return replace_str(&cfg->cache_dir, dir);
}

const char *fulint_config_dictionary(const fulint_config *cfg)
{
	return cfg != NULL && cfg->dictionary != NULL ? cfg->dictionary : "en_US";
}

int fulint_config_set_note_kind(fulint_config *cfg, const char *kind)
{
	if (cfg == NULL || kind == NULL || !in_list(kind, note_kinds, FL_ARRAY_LEN(note_kinds)))
		return FULINT_ERR_USAGE;
	return replace_str(&cfg->note_kind, kind);
}

int fulint_config_set_input(fulint_config *cfg, const char *mode)
{
	if (cfg == NULL || mode == NULL || !in_list(mode, input_modes, FL_ARRAY_LEN(input_modes)))
		return FULINT_ERR_USAGE;
	return replace_str(&cfg->input, mode);
}

int fulint_config_set_jit(fulint_config *cfg, int yes)
{
	if (cfg == NULL)
		return FULINT_ERR_USAGE;
	cfg->no_jit = yes == 0;
	return 0;
}

int fulint_config_set_lint_quoted(fulint_config *cfg, int yes)
{
	if (cfg == NULL)
		return FULINT_ERR_USAGE;
	cfg->lint_quoted = yes != 0;
	return 0;
}

/* ---- the YAML loader ---- */

typedef struct loader {
	fulint_config *cfg; /* the working copy */
	const char *name;
	const char *base_dir;
	fulint_error *err;
} loader;

static int lfail(const loader *L, const fl_node *at, const char *fmt, ...) FL_PRINTF(3, 4);

static int lfail(const loader *L, const fl_node *at, const char *fmt, ...)
{
	va_list ap;
	int rc;
	va_start(ap, fmt);
	rc = fl_error_setv(L->err, FULINT_ERR_CONFIG, L->name, at != NULL ? at->line : 0,
	                   at != NULL ? at->column : 0, fmt, ap);
	va_end(ap);
	return rc;
}

static int lnomem(const loader *L)
{
	return fl_error_set(L->err, FULINT_ERR_NOMEM, L->name, 0, 0, "out of memory");
}

/* A scalar that must be one of `names`. */
static int want_choice(const loader *L, const char *key, const fl_node *v, const char *const *names, size_t n)
{
	char list[200];
	const char *hint;
	fl_yaml_join(list, sizeof(list), names, n, " or ");
	if (v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return lfail(L, v, "'%s' must be %s, got %s", key, list, fl_yaml_type_name(v));
	if (in_list(v->value, names, n))
		return 0;
	hint = fl_yaml_suggest(v->value, names, n);
	if (hint != NULL)
		return lfail(L, v, "'%s' must be %s, got '%s' (did you mean '%s'?)", key, list, v->value, hint);
	return lfail(L, v, "'%s' must be %s, got '%s'", key, list, v->value);
}

static int want_string(const loader *L, const char *key, const fl_node *v)
{
	if (v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return lfail(L, v, "'%s' must be a string, got %s", key, fl_yaml_type_name(v));
	if (v->value_len == 0)
		return lfail(L, v, "'%s' must not be empty", key);
	return 0;
}

/* Each string of a list (or the one string) through `fn`. */
static int each_string(const loader *L, const char *key, const fl_node *v,
                       int (*fn)(const loader *L, const char *key, const fl_node *item))
{
	size_t i;
	int rc;
	if (v->type == FL_NODE_SCALAR && !fl_yaml_is_null(v))
		return fn(L, key, v);
	if (v->type != FL_NODE_SEQ)
		return lfail(L, v, "'%s' must be a list of strings, got %s", key, fl_yaml_type_name(v));
	for (i = 0; i < v->n_items; i++) {
		const fl_node *it = v->items[i];
		if (it->type != FL_NODE_SCALAR || fl_yaml_is_null(it))
			return lfail(L, it, "'%s' must be a list of strings, but item %zu is %s", key, i + 1,
			             fl_yaml_type_name(it));
		if ((rc = fn(L, key, it)) < 0)
			return rc;
	}
	return 0;
}

static int add_styles_path(const loader *L, const char *key, const fl_node *it)
{
	char *p;
	int rc;
	if (it->value_len == 0)
		return lfail(L, it, "'%s' entries must not be empty", key);
	p = join_path(L->base_dir, it->value);
	if (p == NULL)
		return lnomem(L);
	rc = fl_strlist_push(&L->cfg->styles_paths, p, it->line, it->column);
	free(p);
	return rc < 0 ? lnomem(L) : 0;
}

static int add_style(const loader *L, const char *key, const fl_node *it)
{
	if (!valid_style_name(it->value))
		return lfail(L, it, "'%s' entries must be style names such as FollowUp, got '%s'", key, it->value);
	if (fl_strlist_contains(&L->cfg->styles, it->value))
		return 0;
	return fl_strlist_push(&L->cfg->styles, it->value, it->line, it->column) < 0 ? lnomem(L) : 0;
}

/* key is "vocab.accept" or "vocab.reject" */
static int add_word(const loader *L, const char *key, const fl_node *it)
{
	fl_strlist *l = strcmp(key, "vocab.accept") == 0 ? &L->cfg->accept : &L->cfg->reject;
	if (it->value_len == 0)
		return lfail(L, it, "'%s' entries must not be empty", key);
	return fl_strlist_push(l, it->value, it->line, it->column) < 0 ? lnomem(L) : 0;
}

static int load_styles(const loader *L, const fl_node *v)
{
	fl_strlist_dispose(&L->cfg->styles);
	L->cfg->styles_set = true;
	if (fl_yaml_is_null(v))
		return 0; /* `styles:` alone, like [], runs none */
	if (v->type == FL_NODE_SCALAR) {
		char *bad = NULL;
		int rc = split_styles(&L->cfg->styles, v->value, v->line, v->column, &bad);
		if (rc == FULINT_ERR_USAGE) {
			rc = lfail(L, v, "'styles' entries must be style names such as FollowUp, got '%s'", bad);
			free(bad);
			return rc;
		}
		return rc < 0 ? lnomem(L) : 0;
	}
	if (v->type != FL_NODE_SEQ)
		return lfail(L, v, "'styles' must be a list of style names (or a comma-separated string), got %s",
		             fl_yaml_type_name(v));
	return each_string(L, "styles", v, add_style);
}

static int load_rule(const loader *L, const fl_node *kn, const fl_node *v)
{
	char list[200], where[300];
	fl_rule_setting *s;
	size_t i;
	fl_yaml_join(list, sizeof(list), rule_values, FL_ARRAY_LEN(rule_values), " or ");
	if (!valid_rule_id(kn->value))
		return lfail(L, kn, "rule id '%s' must look like Style.Rule (e.g. FollowUp.Exclamation)", kn->value);
	if (v->type == FL_NODE_SEQ || fl_yaml_is_null(v))
		return lfail(L, v, "'rules.%s' must be %s, or a mapping of keys to override, got %s", kn->value, list,
		             fl_yaml_type_name(v));
	snprintf(where, sizeof(where), "rules.%s", kn->value);
	if (v->type == FL_NODE_SCALAR) {
		int rc = want_choice(L, where, v, rule_values, FL_ARRAY_LEN(rule_values));
		if (rc < 0)
			return rc;
		s = rule_get(L->cfg, kn->value);
		return s == NULL ? lnomem(L) : rule_value_apply(s, v->value);
	}
	/* Validate every entry before touching the setting. */
	for (i = 0; i < fl_yaml_map_size(v); i++) {
		const fl_node *k = fl_yaml_map_key(v, i), *x = fl_yaml_map_value(v, i);
		if (k->value_len == 0)
			return lfail(L, k, "'rules.%s' has an empty key", kn->value);
		if (strcmp(k->value, "level") == 0) {
			int rc;
			snprintf(where, sizeof(where), "rules.%s.level", kn->value);
			rc = want_choice(L, where, x, rule_values, FL_ARRAY_LEN(rule_values));
			if (rc < 0)
				return rc;
		} else if (x->type != FL_NODE_SCALAR || fl_yaml_is_null(x)) {
			return lfail(L, x, "'rules.%s.%s' must be a single value (a string or number), got %s", kn->value,
			             k->value, fl_yaml_type_name(x));
		}
	}
	s = rule_get(L->cfg, kn->value);
	if (s == NULL)
		return lnomem(L);
	for (i = 0; i < fl_yaml_map_size(v); i++) {
		const fl_node *k = fl_yaml_map_key(v, i), *x = fl_yaml_map_value(v, i);
		if (strcmp(k->value, "level") == 0)
			rule_value_apply(s, x->value);
		else if (rule_key_set(s, k->value, x->value, L->name, x->line, x->column) < 0)
			return lnomem(L);
	}
	return 0;
}

static int load_rules(const loader *L, const fl_node *v)
{
	size_t i;
	int rc;
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_MAP)
		return lfail(L, v, "'rules' must be a mapping of rule id: off|on|suggestion|warning|error (or key overrides), got %s",
		             fl_yaml_type_name(v));
	for (i = 0; i < fl_yaml_map_size(v); i++)
		if ((rc = load_rule(L, fl_yaml_map_key(v, i), fl_yaml_map_value(v, i))) < 0)
			return rc;
	return 0;
}

static int load_vocab(const loader *L, const fl_node *v)
{
	static const char *const sub[] = { "accept", "reject" };
	char hint[100];
	size_t i;
	int rc;
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_MAP)
		return lfail(L, v, "'vocab' must be a mapping with 'accept' and/or 'reject' lists, got %s",
		             fl_yaml_type_name(v));
	for (i = 0; i < fl_yaml_map_size(v); i++) {
		const fl_node *k = fl_yaml_map_key(v, i), *x = fl_yaml_map_value(v, i);
		if (strcmp(k->value, "accept") == 0)
			rc = fl_yaml_is_null(x) ? 0 : each_string(L, "vocab.accept", x, add_word);
		else if (strcmp(k->value, "reject") == 0)
			rc = fl_yaml_is_null(x) ? 0 : each_string(L, "vocab.reject", x, add_word);
		else
			return lfail(L, k, "unknown key '%s' in 'vocab' (%s)", k->value,
			             fl_yaml_hint(hint, sizeof(hint), k->value, sub, FL_ARRAY_LEN(sub)));
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int load_level(const loader *L, const char *key, const fl_node *v, fulint_level *out)
{
	int rc = want_choice(L, key, v, level_names, FL_ARRAY_LEN(level_names));
	if (rc < 0)
		return rc;
	return fulint_level_parse(out, v->value);
}

static const char *const config_keys[] = {
	"styles_path", "styles", "rules", "min_level", "fail_level", "vocab",
	"dictionary", "personal_dictionary", "kind", "input", "lint_quoted",
};

static int load_key(const loader *L, const fl_node *kn, const fl_node *v)
{
	fulint_config *cfg = L->cfg;
	const char *k = kn->value;
	char hint[300];
	char *p;
	bool b;
	int rc;

	if (strcmp(k, "styles_path") == 0)
		return fl_yaml_is_null(v) ? 0 : each_string(L, k, v, add_styles_path);
	if (strcmp(k, "styles") == 0)
		return load_styles(L, v);
	if (strcmp(k, "rules") == 0)
		return load_rules(L, v);
	if (strcmp(k, "min_level") == 0)
		return load_level(L, k, v, &cfg->min_level);
	if (strcmp(k, "fail_level") == 0)
		return load_level(L, k, v, &cfg->fail_level);
	if (strcmp(k, "vocab") == 0)
		return load_vocab(L, v);
	if (strcmp(k, "dictionary") == 0) {
		if ((rc = want_string(L, k, v)) < 0)
			return rc;
		return replace_str(&cfg->dictionary, v->value) < 0 ? lnomem(L) : 0;
	}
	if (strcmp(k, "personal_dictionary") == 0) {
		if ((rc = want_string(L, k, v)) < 0)
			return rc;
		p = join_path(L->base_dir, v->value);
		if (p == NULL)
			return lnomem(L);
		free(cfg->personal_dictionary);
		cfg->personal_dictionary = p;
		return 0;
	}
	if (strcmp(k, "kind") == 0) {
		if ((rc = want_choice(L, k, v, note_kinds, FL_ARRAY_LEN(note_kinds))) < 0)
			return rc;
		return replace_str(&cfg->note_kind, v->value) < 0 ? lnomem(L) : 0;
	}
	if (strcmp(k, "input") == 0) {
		if ((rc = want_choice(L, k, v, input_modes, FL_ARRAY_LEN(input_modes))) < 0)
			return rc;
		return replace_str(&cfg->input, v->value) < 0 ? lnomem(L) : 0;
	}
	if (strcmp(k, "lint_quoted") == 0) {
		if (v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
			return lfail(L, v, "'lint_quoted' must be true or false, got %s", fl_yaml_type_name(v));
		if (!fl_yaml_bool(v->value, &b))
			return lfail(L, v, "'lint_quoted' must be true or false, got '%s'", v->value);
		cfg->lint_quoted = b;
		return 0;
	}
	return lfail(L, kn, "unknown key '%s' (%s)", k,
	             fl_yaml_hint(hint, sizeof(hint), k, config_keys, FL_ARRAY_LEN(config_keys)));
}

int fulint_config_load_string(fulint_config *cfg, const char *name, const char *base_dir, const char *data,
                              size_t len, fulint_error *err)
{
	fulint_config work;
	fl_node *root = NULL;
	loader L;
	size_t i;
	int rc;

	if (name == NULL)
		name = "<config>";
	if (cfg == NULL || (data == NULL && len > 0))
		return fl_error_set(err, FULINT_ERR_USAGE, name, 0, 0, "no configuration or no data");
	rc = fl_yaml_parse(&root, name, data, len, FULINT_ERR_CONFIG, err);
	if (rc < 0)
		return rc;
	if (root == NULL)
		return 0; /* an empty file changes nothing */
	if (root->type != FL_NODE_MAP) {
		rc = fl_error_set(err, FULINT_ERR_CONFIG, name, root->line, root->column,
		                  "a configuration file must be a mapping of keys such as 'styles' and 'rules', got %s",
		                  fl_yaml_type_name(root));
		fl_yaml_free(root);
		return rc;
	}
	/* Work on a copy so that a bad file leaves cfg as it was. */
	if (config_copy(&work, cfg) < 0) {
		fl_yaml_free(root);
		return fl_error_set(err, FULINT_ERR_NOMEM, name, 0, 0, "out of memory");
	}
	L.cfg = &work;
	L.name = name;
	L.base_dir = base_dir;
	L.err = err;
	for (i = 0; i < fl_yaml_map_size(root) && rc == 0; i++)
		rc = load_key(&L, fl_yaml_map_key(root, i), fl_yaml_map_value(root, i));
	fl_yaml_free(root);
	if (rc < 0) {
		config_dispose(&work);
		return rc;
	}
	config_dispose(cfg);
	*cfg = work;
	return 0;
}

/* Read a whole regular file of at most `cap` bytes. */
static int read_file(const char *path, size_t cap, char **out, size_t *out_len, fulint_error *err)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0;
	int fd, e;

	*out = NULL;
	*out_len = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot open the configuration file: %s",
		                    strerror(e));
	}
	if (fstat(fd, &st) < 0) {
		e = errno;
		close(fd);
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot read the configuration file: %s",
		                    strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "is a directory, not a configuration file");
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "is not a regular file");
	}
	if (st.st_size > (off_t)cap) {
		close(fd);
		return fl_error_set(err, FULINT_ERR_CONFIG, path, 0, 0,
		                    "configuration file is too large (%lld bytes; at most %zu)",
		                    (long long)st.st_size, cap);
	}
	/* The size may change under us: read up to cap + 1 and check. */
	buf = fl_malloc(cap + 1);
	if (buf == NULL) {
		close(fd);
		return fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
	}
	for (;;) {
		ssize_t n = read(fd, buf + len, cap + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			free(buf);
			close(fd);
			return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot read the configuration file: %s",
			                    strerror(e));
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > cap) {
			free(buf);
			close(fd);
			return fl_error_set(err, FULINT_ERR_CONFIG, path, 0, 0,
			                    "configuration file is too large (more than %zu bytes)", cap);
		}
	}
	close(fd);
	*out = buf;
	*out_len = len;
	return 0;
}

int fulint_config_load_file(fulint_config *cfg, const char *path, fulint_error *err)
{
	char *data = NULL, *base;
	const char *slash;
	size_t len;
	int rc;

	if (cfg == NULL || path == NULL || *path == '\0')
		return fl_error_set(err, FULINT_ERR_USAGE, path, 0, 0, "no configuration file given");
	rc = read_file(path, CONFIG_MAX_BYTES, &data, &len, err);
	if (rc < 0)
		return rc;
	slash = strrchr(path, '/');
	base = slash == NULL ? fl_strdup("") : fl_strndup(path, slash == path ? 1 : (size_t)(slash - path));
	if (base == NULL) {
		free(data);
		return fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
	}
	rc = fulint_config_load_string(cfg, path, base, data, len, err);
	free(base);
	free(data);
	return rc;
}
