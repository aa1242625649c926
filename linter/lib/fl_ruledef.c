/*
 * fl_ruledef.c - what a rule file says: YAML (via fl_yaml) to fl_ruledef.
 *
 * What it is: the schema of rule files.  Every key Vale documents for an
 * extension point is accepted (even those fulint ignores, such as `vocab`,
 * `pos`, `aff`, `code`), so existing Vale styles load unchanged; anything
 * else is refused with a did-you-mean.  fulint adds `examples` (any kind)
 * and `by_kind` (metric).  Values are type-checked here and keep the
 * 1-based position of their scalar, so later stages can point at them.
 *
 * What it is not: it compiles no regex and evaluates no formula (the kinds
 * do that in their `compile`), and it reads no files.
 *
 * Invariants: the key table below is the single source of truth for which
 * key belongs to which kind; on any error the fl_ruledef is disposed.
 */
#include "fl_rule.h"
#include "fl_yaml.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIND_BIT(k) (1u << (unsigned)(k))
#define ALL_KINDS ((1u << (unsigned)FL_KIND_COUNT) - 1u)
#define K_EXI KIND_BIT(FL_KIND_EXISTENCE)
#define K_SUB KIND_BIT(FL_KIND_SUBSTITUTION)
#define K_OCC KIND_BIT(FL_KIND_OCCURRENCE)
#define K_REP KIND_BIT(FL_KIND_REPETITION)
#define K_CON KIND_BIT(FL_KIND_CONSISTENCY)
#define K_CND KIND_BIT(FL_KIND_CONDITIONAL)
#define K_CAP KIND_BIT(FL_KIND_CAPITALIZATION)
#define K_MET KIND_BIT(FL_KIND_METRIC)
#define K_RDB KIND_BIT(FL_KIND_READABILITY)
#define K_SPL KIND_BIT(FL_KIND_SPELLING)
#define K_SEQ KIND_BIT(FL_KIND_SEQUENCE)
#define K_SCR KIND_BIT(FL_KIND_SCRIPT)
#define K_SBJ KIND_BIT(FL_KIND_SUBJECT)
#define K_RCP KIND_BIT(FL_KIND_RECIPIENT)

static const char *const kind_names[FL_KIND_COUNT] = {
	"existence",   "substitution",   "occurrence", "repetition",  "consistency", "conditional",
	"capitalization", "metric",      "readability", "spelling",   "sequence",    "script",
	"subject",     "recipient",
};

static const char *const note_kinds[] = { "thank-you", "check-in", "nudge", "rejection-reply" };
static const char *const action_names[] = { "replace", "suggest", "remove", "edit", "convert" };
static const char *const readability_metrics[] = { "Gunning Fog", "Coleman-Liau", "Flesch-Kincaid",
	                                           "SMOG", "Automated Readability" };
static const char *const case_vars[] = { "$title", "$sentence", "$lower", "$upper" };
static const char *const title_styles[] = { "AP", "Chicago" };

typedef enum key_type {
	T_EXTENDS,
	T_STR,       /* fl_str */
	T_STRLIST,   /* fl_strlist; a single string is one item (Vale decodes weakly) */
	T_SCOPE,     /* fl_strlist: a string or a list */
	T_BOOL,      /* bool, optional has-flag */
	T_NUM,       /* double >= 0, optional has-flag */
	T_INT,       /* int >= 0 */
	T_LEVEL,
	T_PAIRS,     /* fl_pairlist: mapping string -> string, in order */
	T_BY_KIND,   /* fl_pairlist: note kind -> condition */
	T_ACTION,
	T_EXAMPLES,
	T_METRICS,   /* fl_strlist of readability metric names */
	T_MATCH,     /* capitalization `match`: $var or a pattern */
	T_TITLE_STYLE,
	T_SEQ_TOKENS, /* sequence `tokens`: a list of {pattern, tag, skip, negate} */
	T_IGN_STR,   /* accepted and checked, not kept */
	T_IGN_BOOL
} key_type;

typedef struct key_def {
	const char *name;
	key_type type;
	unsigned kinds;
	size_t off;     /* offset of the field in fl_ruledef */
	size_t has_off; /* offset of the has-flag, or NO_FLAG */
	const char *hint; /* what is expected, for messages */
} key_def;

#define NO_FLAG ((size_t)-1)
#define F(field) offsetof(fl_ruledef, field)

/* Order matters only for did-you-mean ties and for listing keys in messages. */
static const key_def keys[] = {
	/* common to every kind */
	{ "extends", T_EXTENDS, ALL_KINDS, 0, NO_FLAG, NULL },
	{ "message", T_STR, ALL_KINDS, F(message), NO_FLAG, NULL },
	{ "level", T_LEVEL, ALL_KINDS, F(level), NO_FLAG, NULL },
	{ "scope", T_SCOPE, ALL_KINDS, F(scopes), NO_FLAG, NULL },
	{ "link", T_STR, ALL_KINDS, F(link), NO_FLAG, NULL },
	{ "description", T_STR, ALL_KINDS, F(description), NO_FLAG, NULL },
	{ "limit", T_INT, ALL_KINDS, F(limit), NO_FLAG, NULL },
	{ "action", T_ACTION, ALL_KINDS, 0, NO_FLAG, NULL },
	{ "code", T_IGN_BOOL, ALL_KINDS, 0, NO_FLAG, NULL }, /* deprecated in Vale */
	{ "examples", T_EXAMPLES, ALL_KINDS, 0, NO_FLAG, NULL }, /* fulint */
	/* shared by several kinds */
	{ "tokens", T_STRLIST, K_EXI | K_REP, F(tokens), NO_FLAG, NULL },
	{ "tokens", T_SEQ_TOKENS, K_SEQ, 0, NO_FLAG, NULL },
	{ "ignorecase", T_BOOL, K_EXI | K_SUB | K_OCC | K_REP | K_CON | K_CND | K_SEQ, F(ignorecase),
	  NO_FLAG, NULL },
	{ "nonword", T_BOOL, K_EXI | K_SUB | K_CON, F(nonword), NO_FLAG, NULL },
	{ "exceptions", T_STRLIST, K_EXI | K_SUB | K_REP | K_CND | K_CAP | K_SPL, F(exceptions), NO_FLAG,
	  NULL },
	{ "vocab", T_BOOL, K_EXI | K_SUB | K_REP | K_CND | K_CAP, F(vocab), F(has_vocab), NULL },
	{ "append", T_BOOL, K_EXI | K_SUB | K_SPL, F(append), NO_FLAG, NULL },
	{ "max", T_NUM, K_OCC | K_REP | K_SBJ | K_MET, F(max), F(has_max), NULL }, /* metric: fulint */
	{ "max_words", T_NUM, K_SBJ, F(max_words), F(has_max_words), NULL }, /* fulint */
	{ "threshold", T_NUM, K_CAP | K_SPL, F(threshold), F(has_threshold), NULL },
	/* existence */
	{ "raw", T_STRLIST, K_EXI, F(raw), NO_FLAG, NULL },
	/* substitution */
	{ "swap", T_PAIRS, K_SUB, F(swap), NO_FLAG, "a mapping of pattern: replacement" },
	{ "capitalize", T_BOOL, K_SUB, F(capitalize), NO_FLAG, NULL },
	{ "pos", T_IGN_STR, K_SUB, 0, NO_FLAG, NULL }, /* deprecated in Vale */
	/* occurrence */
	{ "token", T_STR, K_OCC, F(token), NO_FLAG, NULL },
	{ "min", T_NUM, K_OCC, F(min), F(has_min), NULL },
	/* repetition */
	{ "alpha", T_BOOL, K_REP, F(alpha), NO_FLAG, NULL },
	/* consistency */
	{ "either", T_PAIRS, K_CON, F(either), NO_FLAG, "a mapping of one form: the other" },
	/* conditional */
	{ "first", T_STR, K_CND, F(first), NO_FLAG, NULL },
	{ "second", T_STR, K_CND, F(second), NO_FLAG, NULL },
	/* capitalization */
	{ "match", T_MATCH, K_CAP, F(match), NO_FLAG, NULL },
	{ "style", T_TITLE_STYLE, K_CAP, F(style), NO_FLAG, NULL },
	{ "indicators", T_STRLIST, K_CAP, F(indicators), NO_FLAG, NULL },
	{ "prefix", T_STR, K_CAP, F(prefix), NO_FLAG, NULL },
	/* metric */
	{ "formula", T_STR, K_MET, F(formula), NO_FLAG, NULL },
	{ "condition", T_STR, K_MET, F(condition), NO_FLAG, NULL },
	{ "by_kind", T_BY_KIND, K_MET, F(by_kind), NO_FLAG, NULL }, /* fulint */
	/* readability */
	{ "metrics", T_METRICS, K_RDB, F(metrics), NO_FLAG, NULL },
	{ "grade", T_NUM, K_RDB, F(grade), F(has_grade), NULL },
	/* spelling */
	{ "custom", T_BOOL, K_SPL, F(custom), NO_FLAG, NULL },
	{ "filters", T_STRLIST, K_SPL, F(filters), NO_FLAG, NULL },
	{ "ignore", T_STRLIST, K_SPL, F(ignore), NO_FLAG, NULL },
	{ "dicpath", T_STR, K_SPL, F(dicpath), NO_FLAG, NULL },
	{ "dictionaries", T_STRLIST, K_SPL, F(dictionaries), NO_FLAG, NULL },
	{ "aff", T_IGN_STR, K_SPL, 0, NO_FLAG, NULL },
	{ "dic", T_IGN_STR, K_SPL, 0, NO_FLAG, NULL },
	/* script */
	{ "script", T_IGN_STR, K_SCR, 0, NO_FLAG, NULL },
};

typedef struct ctx {
	fl_ruledef *def;
	const char *file;   /* where errors point */
	int code;           /* FULINT_ERR_RULE, or FULINT_ERR_CONFIG for overrides */
	const char *prefix; /* "" or "rule X: " */
	fulint_error *err;
} ctx;

static int fail(const ctx *c, const fl_node *at, const char *fmt, ...) FL_PRINTF(3, 4);

static int fail(const ctx *c, const fl_node *at, const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return fl_error_set(c->err, c->code, c->file, at != NULL ? at->line : 0, at != NULL ? at->column : 0,
	                    "%s%s", c->prefix, msg);
}

static int nomem(const ctx *c)
{
	return fl_error_set(c->err, FULINT_ERR_NOMEM, c->file, 0, 0, "out of memory");
}

static const char *article(fl_kind k)
{
	return (k == FL_KIND_EXISTENCE || k == FL_KIND_OCCURRENCE) ? "an" : "a";
}

/* ---- kinds and pair lists ---- */

const char *fl_kind_name(fl_kind k)
{
	return (unsigned)k < (unsigned)FL_KIND_COUNT ? kind_names[k] : "unknown";
}

int fl_kind_parse(fl_kind *out, const char *name)
{
	size_t i;
	if (name == NULL)
		return FULINT_ERR_USAGE;
	for (i = 0; i < FL_KIND_COUNT; i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*out = (fl_kind)i;
			return 0;
		}
	}
	return FULINT_ERR_USAGE;
}

int fl_pairlist_push(fl_pairlist *l, const fl_str *key, const fl_str *value)
{
	fl_pair *p;
	if (fl_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
		return FULINT_ERR_NOMEM;
	p = &l->v[l->n];
	p->key = *key;
	p->value = *value;
	p->key.s = fl_strdup(key->s != NULL ? key->s : "");
	p->value.s = fl_strdup(value->s != NULL ? value->s : "");
	if (p->key.s == NULL || p->value.s == NULL) {
		free(p->key.s);
		free(p->value.s);
		return FULINT_ERR_NOMEM;
	}
	l->n++;
	return 0;
}

void fl_pairlist_dispose(fl_pairlist *l)
{
	size_t i;
	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].key.s);
		free(l->v[i].value.s);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static void str_dispose(fl_str *s)
{
	free(s->s);
	s->s = NULL;
	s->line = s->column = 0;
}

void fl_ruledef_dispose(fl_ruledef *def)
{
	if (def == NULL)
		return;
	free(def->id);
	free(def->path);
	str_dispose(&def->message);
	str_dispose(&def->link);
	str_dispose(&def->description);
	fl_strlist_dispose(&def->scopes);
	fl_strlist_dispose(&def->tokens);
	fl_strlist_dispose(&def->exceptions);
	fl_strlist_dispose(&def->raw);
	str_dispose(&def->action_name);
	fl_strlist_dispose(&def->action_params);
	fl_pairlist_dispose(&def->swap);
	str_dispose(&def->token);
	fl_pairlist_dispose(&def->either);
	str_dispose(&def->first);
	str_dispose(&def->second);
	str_dispose(&def->match);
	str_dispose(&def->style);
	fl_strlist_dispose(&def->indicators);
	str_dispose(&def->prefix);
	str_dispose(&def->formula);
	str_dispose(&def->condition);
	fl_pairlist_dispose(&def->by_kind);
	fl_strlist_dispose(&def->metrics);
	fl_strlist_dispose(&def->dictionaries);
	fl_strlist_dispose(&def->filters);
	fl_strlist_dispose(&def->ignore);
	str_dispose(&def->dicpath);
	fl_strlist_dispose(&def->ex_match);
	fl_strlist_dispose(&def->ex_nomatch);
	memset(def, 0, sizeof(*def));
}

/* ---- value readers ---- */

static void *field(fl_ruledef *def, size_t off)
{
	return (char *)def + off;
}

static int set_str(const ctx *c, fl_str *out, const fl_node *v)
{
	char *s = fl_strndup(v->value, v->value_len);
	if (s == NULL)
		return nomem(c);
	free(out->s);
	out->s = s;
	out->line = v->line;
	out->column = v->column;
	return 0;
}

static int read_str(const ctx *c, const char *name, fl_str *out, const fl_node *v)
{
	if (fl_yaml_is_null(v))
		return 0; /* Vale decodes an empty value as "not given" */
	if (v->type != FL_NODE_SCALAR)
		return fail(c, v, "'%s' must be a string, got %s", name, fl_yaml_type_name(v));
	return set_str(c, out, v);
}

/* A list of strings; a single string counts as a one-item list. */
static int read_strlist(const ctx *c, const char *name, fl_strlist *out, const fl_node *v)
{
	size_t i;
	fl_strlist tmp = FL_STRLIST_INIT;
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type == FL_NODE_MAP)
		return fail(c, v, "'%s' must be a list of strings, got a mapping", name);
	if (v->type == FL_NODE_SCALAR) {
		if (fl_strlist_pushn(&tmp, v->value, v->value_len, v->line, v->column) < 0)
			return nomem(c);
	} else {
		for (i = 0; i < v->n_items; i++) {
			const fl_node *it = v->items[i];
			if (it->type != FL_NODE_SCALAR || fl_yaml_is_null(it)) {
				fl_strlist_dispose(&tmp);
				return fail(c, it, "'%s' must be a list of strings, but item %zu is %s", name, i + 1,
				            fl_yaml_type_name(it));
			}
			if (fl_strlist_pushn(&tmp, it->value, it->value_len, it->line, it->column) < 0) {
				fl_strlist_dispose(&tmp);
				return nomem(c);
			}
		}
	}
	fl_strlist_dispose(out);
	*out = tmp;
	return 0;
}

static int read_bool(const ctx *c, const char *name, bool *out, const fl_node *v)
{
	if (v == NULL || v->type != FL_NODE_SCALAR)
		return fail(c, v, "'%s' must be true or false, got %s", name, fl_yaml_type_name(v));
	if (!fl_yaml_bool(v->value, out))
		return fail(c, v, "'%s' must be true or false, got '%s'", name, v->value);
	return 0;
}

static int read_num(const ctx *c, const char *name, double *out, const fl_node *v)
{
	double d;
	if (v == NULL || v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return fail(c, v, "'%s' must be a number, got %s", name, fl_yaml_type_name(v));
	if (!fl_yaml_number(v->value, &d))
		return fail(c, v, "'%s' must be a number, got '%s'", name, v->value);
	if (d < 0)
		return fail(c, v, "'%s' must be a number >= 0, got '%s'", name, v->value);
	*out = d;
	return 0;
}

static int read_level(const ctx *c, fulint_level *out, const fl_node *v)
{
	static const char *const names[] = { "suggestion", "warning", "error" };
	const char *hint;
	if (v == NULL || v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return fail(c, v, "'level' must be one of suggestion, warning, error, got %s",
		            fl_yaml_type_name(v));
	if (fulint_level_parse(out, v->value) == 0)
		return 0;
	hint = fl_yaml_suggest(v->value, names, FL_ARRAY_LEN(names));
	if (hint != NULL)
		return fail(c, v, "'level' must be one of suggestion, warning, error, got '%s' (did you mean '%s'?)",
		            v->value, hint);
	return fail(c, v, "'level' must be one of suggestion, warning, error, got '%s'", v->value);
}

/* A scalar that must be one of `names`, with a did-you-mean. */
static int read_choice(const ctx *c, const char *name, const char *const *names, size_t n, fl_str *out,
                       const fl_node *v)
{
	char list[300];
	const char *hint;
	size_t i;
	fl_yaml_join(list, sizeof(list), names, n, " or ");
	if (v == NULL || v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return fail(c, v, "'%s' must be %s, got %s", name, list, fl_yaml_type_name(v));
	for (i = 0; i < n; i++)
		if (strcmp(v->value, names[i]) == 0)
			return out != NULL ? set_str(c, out, v) : 0;
	hint = fl_yaml_suggest(v->value, names, n);
	if (hint != NULL)
		return fail(c, v, "'%s' must be %s, got '%s' (did you mean '%s'?)", name, list, v->value, hint);
	return fail(c, v, "'%s' must be %s, got '%s'", name, list, v->value);
}

static int read_pairs(const ctx *c, const key_def *k, fl_pairlist *out, const fl_node *v)
{
	size_t i;
	fl_pairlist tmp = { NULL, 0, 0 };
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_MAP)
		return fail(c, v, "'%s' must be %s, got %s", k->name, k->hint, fl_yaml_type_name(v));
	for (i = 0; i < fl_yaml_map_size(v); i++) {
		const fl_node *kn = fl_yaml_map_key(v, i), *vn = fl_yaml_map_value(v, i);
		fl_str ks = { NULL, kn->line, kn->column }, vs = { NULL, vn->line, vn->column };
		if (kn->value_len == 0) {
			fl_pairlist_dispose(&tmp);
			return fail(c, kn, "'%s' has an empty key (%s is expected)", k->name, k->hint);
		}
		if (vn->type != FL_NODE_SCALAR) {
			fl_pairlist_dispose(&tmp);
			return fail(c, vn, "'%s' must be %s, but the value of '%s' is %s", k->name, k->hint,
			            kn->value, fl_yaml_type_name(vn));
		}
		ks.s = kn->value;
		vs.s = fl_yaml_is_null(vn) ? (char *)"" : vn->value;
		if (fl_pairlist_push(&tmp, &ks, &vs) < 0) {
			fl_pairlist_dispose(&tmp);
			return nomem(c);
		}
	}
	fl_pairlist_dispose(out);
	*out = tmp;
	return 0;
}

static int read_by_kind(const ctx *c, fl_pairlist *out, const fl_node *v)
{
	size_t i, j;
	char hint[200];
	fl_pairlist tmp = { NULL, 0, 0 };
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_MAP)
		return fail(c, v, "'by_kind' must be a mapping of note kind: condition (e.g. thank-you: \"> 200\"), got %s",
		            fl_yaml_type_name(v));
	for (i = 0; i < fl_yaml_map_size(v); i++) {
		const fl_node *kn = fl_yaml_map_key(v, i), *vn = fl_yaml_map_value(v, i);
		fl_str ks = { NULL, kn->line, kn->column }, vs = { NULL, vn->line, vn->column };
		bool known = false;
		for (j = 0; j < FL_ARRAY_LEN(note_kinds); j++)
			known = known || strcmp(kn->value, note_kinds[j]) == 0;
		if (!known) {
			fl_pairlist_dispose(&tmp);
			return fail(c, kn, "unknown note kind '%s' in 'by_kind' (%s)", kn->value,
			            fl_yaml_hint(hint, sizeof(hint), kn->value, note_kinds, FL_ARRAY_LEN(note_kinds)));
		}
		if (vn->type != FL_NODE_SCALAR || fl_yaml_is_null(vn)) {
			fl_pairlist_dispose(&tmp);
			return fail(c, vn, "'by_kind' conditions must be strings such as \"> 200\", but the value of '%s' is %s",
			            kn->value, fl_yaml_type_name(vn));
		}
		ks.s = kn->value;
		vs.s = vn->value;
		if (fl_pairlist_push(&tmp, &ks, &vs) < 0) {
			fl_pairlist_dispose(&tmp);
			return nomem(c);
		}
	}
	fl_pairlist_dispose(out);
	*out = tmp;
	return 0;
}

/* Report the first key of mapping `v` that is not in `allowed`. */
static int check_subkeys(const ctx *c, const char *name, const fl_node *v, const char *const *allowed,
                         size_t n)
{
	size_t i, j;
	char hint[200];
	for (i = 0; i < fl_yaml_map_size(v); i++) {
		const fl_node *kn = fl_yaml_map_key(v, i);
		bool ok = false;
		for (j = 0; j < n; j++)
			ok = ok || strcmp(kn->value, allowed[j]) == 0;
		if (!ok)
			return fail(c, kn, "unknown key '%s' in '%s' (%s)", kn->value, name,
			            fl_yaml_hint(hint, sizeof(hint), kn->value, allowed, n));
	}
	return 0;
}

static int read_action(const ctx *c, fl_ruledef *def, const fl_node *v)
{
	static const char *const sub[] = { "name", "params" };
	const fl_node *name, *params;
	int rc;
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_MAP)
		return fail(c, v, "'action' must be a mapping with 'name' and 'params', got %s",
		            fl_yaml_type_name(v));
	rc = check_subkeys(c, "action", v, sub, FL_ARRAY_LEN(sub));
	if (rc < 0)
		return rc;
	name = fl_yaml_get(v, "name");
	params = fl_yaml_get(v, "params");
	if (name == NULL)
		return fail(c, v, "'action' needs a 'name' (one of replace, suggest, remove, edit, convert)");
	rc = read_choice(c, "action.name", action_names, FL_ARRAY_LEN(action_names), &def->action_name, name);
	if (rc < 0)
		return rc;
	return params != NULL ? read_strlist(c, "action.params", &def->action_params, params) : 0;
}

static int read_examples(const ctx *c, fl_ruledef *def, const fl_node *v)
{
	static const char *const sub[] = { "match", "nomatch" };
	const fl_node *m, *nm;
	int rc;
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_MAP)
		return fail(c, v, "'examples' must be a mapping with 'match' and 'nomatch' lists, got %s",
		            fl_yaml_type_name(v));
	rc = check_subkeys(c, "examples", v, sub, FL_ARRAY_LEN(sub));
	if (rc < 0)
		return rc;
	m = fl_yaml_get(v, "match");
	nm = fl_yaml_get(v, "nomatch");
	if (m != NULL && (rc = read_strlist(c, "examples.match", &def->ex_match, m)) < 0)
		return rc;
	if (nm != NULL && (rc = read_strlist(c, "examples.nomatch", &def->ex_nomatch, nm)) < 0)
		return rc;
	return 0;
}

static int read_metrics(const ctx *c, fl_strlist *out, const fl_node *v)
{
	size_t i, j;
	char hint[200];
	int rc = read_strlist(c, "metrics", out, v);
	if (rc < 0)
		return rc;
	for (i = 0; i < out->n; i++) {
		bool ok = false;
		fl_node at;
		for (j = 0; j < FL_ARRAY_LEN(readability_metrics); j++)
			ok = ok || strcmp(out->v[i].s, readability_metrics[j]) == 0;
		if (ok)
			continue;
		memset(&at, 0, sizeof(at));
		at.line = out->v[i].line;
		at.column = out->v[i].column;
		return fail(c, &at, "unknown readability metric '%s' (%s)", out->v[i].s,
		            fl_yaml_hint(hint, sizeof(hint), out->v[i].s, readability_metrics,
		                         FL_ARRAY_LEN(readability_metrics)));
	}
	return 0;
}

static int read_match(const ctx *c, fl_str *out, const fl_node *v)
{
	if (v == NULL || v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return fail(c, v, "'match' must be $title, $sentence, $lower, $upper or a pattern, got %s",
		            fl_yaml_type_name(v));
	/* "$..." names a case style; anything else is a pattern (compiled later). */
	if (v->value[0] == '$')
		return read_choice(c, "match", case_vars, FL_ARRAY_LEN(case_vars), out, v);
	return set_str(c, out, v);
}

static int read_seq_tokens(const ctx *c, const fl_node *v)
{
	static const char *const sub[] = { "pattern", "tag", "skip", "negate" };
	size_t i;
	int rc;
	if (fl_yaml_is_null(v))
		return 0;
	if (v->type != FL_NODE_SEQ)
		return fail(c, v, "'tokens' of a sequence rule must be a list of mappings (pattern, tag, skip, negate), got %s",
		            fl_yaml_type_name(v));
	for (i = 0; i < v->n_items; i++) {
		const fl_node *it = v->items[i], *x;
		double d;
		bool b;
		if (it->type != FL_NODE_MAP)
			return fail(c, it, "'tokens' of a sequence rule must be a list of mappings, but item %zu is %s",
			            i + 1, fl_yaml_type_name(it));
		rc = check_subkeys(c, "tokens", it, sub, FL_ARRAY_LEN(sub));
		if (rc < 0)
			return rc;
		if ((x = fl_yaml_get(it, "pattern")) != NULL && x->type != FL_NODE_SCALAR)
			return fail(c, x, "'pattern' must be a string, got %s", fl_yaml_type_name(x));
		if ((x = fl_yaml_get(it, "tag")) != NULL && x->type != FL_NODE_SCALAR)
			return fail(c, x, "'tag' must be a string, got %s", fl_yaml_type_name(x));
		if ((x = fl_yaml_get(it, "skip")) != NULL && (rc = read_num(c, "skip", &d, x)) < 0)
			return rc;
		if ((x = fl_yaml_get(it, "negate")) != NULL && (rc = read_bool(c, "negate", &b, x)) < 0)
			return rc;
	}
	return 0;
}

/* Apply one key's value to def (type checks included). */
static int apply(const ctx *c, const key_def *k, const fl_node *v)
{
	fl_ruledef *def = c->def;
	int rc = 0;
	double d;
	bool b;
	switch (k->type) {
	case T_EXTENDS:
		return 0; /* read first, by parse_kind */
	case T_STR:
		return read_str(c, k->name, field(def, k->off), v);
	case T_STRLIST:
	case T_SCOPE:
		return read_strlist(c, k->name, field(def, k->off), v);
	case T_BOOL:
		rc = read_bool(c, k->name, field(def, k->off), v);
		if (rc == 0 && k->has_off != NO_FLAG)
			*(bool *)field(def, k->has_off) = true;
		return rc;
	case T_NUM:
		rc = read_num(c, k->name, field(def, k->off), v);
		if (rc == 0 && k->has_off != NO_FLAG)
			*(bool *)field(def, k->has_off) = true;
		return rc;
	case T_INT:
		if (v == NULL || v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
			return fail(c, v, "'%s' must be a whole number, got %s", k->name, fl_yaml_type_name(v));
		if (!fl_yaml_number(v->value, &d) || d < 0 || d > INT_MAX || d != (double)(int)d)
			return fail(c, v, "'%s' must be a whole number >= 0, got '%s'", k->name, v->value);
		*(int *)field(def, k->off) = (int)d;
		return 0;
	case T_LEVEL:
		return read_level(c, field(def, k->off), v);
	case T_PAIRS:
		return read_pairs(c, k, field(def, k->off), v);
	case T_BY_KIND:
		return read_by_kind(c, field(def, k->off), v);
	case T_ACTION:
		return read_action(c, def, v);
	case T_EXAMPLES:
		return read_examples(c, def, v);
	case T_METRICS:
		return read_metrics(c, field(def, k->off), v);
	case T_MATCH:
		return read_match(c, field(def, k->off), v);
	case T_TITLE_STYLE:
		return read_choice(c, k->name, title_styles, FL_ARRAY_LEN(title_styles), field(def, k->off), v);
	case T_SEQ_TOKENS:
		return read_seq_tokens(c, v);
	case T_IGN_STR:
		if (v != NULL && v->type != FL_NODE_SCALAR)
			return fail(c, v, "'%s' must be a string, got %s", k->name, fl_yaml_type_name(v));
		return 0;
	case T_IGN_BOOL:
		return fl_yaml_is_null(v) ? 0 : read_bool(c, k->name, &b, v);
	}
	return 0;
}

/* ---- key lookup ---- */

static const key_def *find_key(const char *name, fl_kind kind)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(keys); i++)
		if ((keys[i].kinds & KIND_BIT(kind)) && strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static bool known_anywhere(const char *name)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(keys); i++)
		if (strcmp(keys[i].name, name) == 0)
			return true;
	return false;
}

/* Names of the keys valid for `kinds` (any kind in the mask), without repeats. */
static size_t key_names(const char **out, size_t cap, unsigned kinds, bool scalar_only)
{
	size_t i, j, n = 0;
	for (i = 0; i < FL_ARRAY_LEN(keys) && n < cap; i++) {
		bool dup = false;
		key_type t = keys[i].type;
		if (!(keys[i].kinds & kinds))
			continue;
		if (scalar_only && !(t == T_STR || t == T_BOOL || t == T_NUM || t == T_INT || t == T_LEVEL ||
		                     t == T_SCOPE || t == T_MATCH || t == T_TITLE_STYLE))
			continue;
		for (j = 0; j < n; j++)
			dup = dup || strcmp(out[j], keys[i].name) == 0;
		if (!dup)
			out[n++] = keys[i].name;
	}
	return n;
}

/* The error for a key not valid for `kind` (kind may be FL_KIND_COUNT: unknown). */
static int unknown_key(const ctx *c, const fl_node *kn, fl_kind kind)
{
	const char *names[FL_ARRAY_LEN(keys)];
	unsigned mask = kind == FL_KIND_COUNT ? ALL_KINDS : KIND_BIT(kind);
	size_t n = key_names(names, FL_ARRAY_LEN(names), mask, false);
	const char *hint = fl_yaml_suggest(kn->value, names, n);
	char list[700];
	if (hint != NULL)
		return fail(c, kn, "unknown key '%s' (did you mean '%s'?)", kn->value, hint);
	if (kind != FL_KIND_COUNT && known_anywhere(kn->value)) {
		const char *owners[FL_KIND_COUNT];
		size_t i, j, m = 0;
		for (i = 0; i < FL_KIND_COUNT; i++)
			for (j = 0; j < FL_ARRAY_LEN(keys); j++)
				if ((keys[j].kinds & KIND_BIT(i)) && strcmp(keys[j].name, kn->value) == 0) {
					owners[m++] = kind_names[i];
					break;
				}
		fl_yaml_join(list, sizeof(list), owners, m, " and ");
		return fail(c, kn, "key '%s' does not apply to %s rules (it is a key of %s rules)", kn->value,
		            kind_names[kind], list);
	}
	if (kind == FL_KIND_COUNT)
		return fail(c, kn, "unknown key '%s' (not a key of any rule kind)", kn->value);
	fl_yaml_join(list, sizeof(list), names, n, " and ");
	return fail(c, kn, "unknown key '%s' (%s %s rule takes %s)", kn->value, article(kind),
	            kind_names[kind], list);
}

static int parse_kind(const ctx *c, const fl_node *kn, const fl_node *v)
{
	char list[300];
	fl_yaml_join(list, sizeof(list), kind_names, FL_KIND_COUNT, " or ");
	if (v->type != FL_NODE_SCALAR || fl_yaml_is_null(v))
		return fail(c, v, "'extends' must be one of %s, got %s", list, fl_yaml_type_name(v));
	if (fl_kind_parse(&c->def->kind, v->value) == 0) {
		c->def->kind_line = kn->line;
		c->def->kind_column = kn->column;
		return 0;
	}
	return fail(c, v, "unknown extension point '%s' (%s)", v->value,
	            fl_yaml_hint(list, sizeof(list), v->value, kind_names, FL_KIND_COUNT));
}

/* Keys each kind cannot do without. */
static int check_required(const ctx *c)
{
	const fl_ruledef *d = c->def;
	fl_node at;
	memset(&at, 0, sizeof(at));
	at.line = d->kind_line;
	at.column = d->kind_column;
	switch (d->kind) {
	case FL_KIND_EXISTENCE:
		if (d->tokens.n == 0 && d->raw.n == 0)
			return fail(c, &at, "missing 'tokens' or 'raw' (an existence rule needs the patterns to look for)");
		break;
	case FL_KIND_SUBSTITUTION:
		if (d->swap.n == 0)
			return fail(c, &at, "missing 'swap' (a substitution rule needs a mapping of pattern: replacement)");
		break;
	case FL_KIND_OCCURRENCE:
		if (d->token.s == NULL)
			return fail(c, &at, "missing 'token' (an occurrence rule needs the pattern to count)");
		if (!d->has_min && !d->has_max)
			return fail(c, &at, "missing 'max' or 'min' (an occurrence rule needs a limit)");
		break;
	case FL_KIND_REPETITION:
		if (d->tokens.n == 0)
			return fail(c, &at, "missing 'tokens' (a repetition rule needs the patterns whose repeats are flagged)");
		break;
	case FL_KIND_CONSISTENCY:
		if (d->either.n == 0)
			return fail(c, &at, "missing 'either' (a consistency rule needs a mapping of one form: the other)");
		break;
	case FL_KIND_CONDITIONAL:
		if (d->first.s == NULL || d->second.s == NULL)
			return fail(c, &at, "missing '%s' (a conditional rule needs both 'first' and 'second' patterns)",
			            d->first.s == NULL ? "first" : "second");
		break;
	case FL_KIND_CAPITALIZATION:
		if (d->match.s == NULL)
			return fail(c, &at, "missing 'match' (a capitalization rule needs $title, $sentence, $lower, $upper or a pattern)");
		break;
	case FL_KIND_METRIC:
		if (d->formula.s == NULL)
			return fail(c, &at, "missing 'formula' (a metric rule needs an expression such as 'words / sentences')");
		if (d->condition.s == NULL && d->by_kind.n == 0)
			return fail(c, &at, "missing 'condition' (a metric rule needs a condition such as '> 8.0', or 'by_kind')");
		break;
	case FL_KIND_READABILITY:
		if (d->metrics.n == 0)
			return fail(c, &at, "missing 'metrics' (a readability rule needs a list such as [Flesch-Kincaid])");
		if (!d->has_grade)
			return fail(c, &at, "missing 'grade' (a readability rule needs the highest acceptable grade)");
		break;
	default:
		break;
	}
	return 0;
}

static int parse_tree(ctx *c, const fl_node *root)
{
	const fl_node *ext = NULL, *ext_key = NULL;
	size_t i;
	int rc;
	char list[300];

	if (root == NULL)
		return fail(c, NULL, "empty rule file (expected a mapping with at least 'extends' and 'message')");
	if (root->type != FL_NODE_MAP)
		return fail(c, root, "a rule file must be a mapping of keys such as 'extends' and 'message', got %s",
		            fl_yaml_type_name(root));
	for (i = 0; i < fl_yaml_map_size(root); i++) {
		if (strcmp(fl_yaml_map_key(root, i)->value, "extends") == 0) {
			ext_key = fl_yaml_map_key(root, i);
			ext = fl_yaml_map_value(root, i);
		}
	}
	if (ext == NULL || fl_yaml_is_null(ext)) {
		/* A misspelt "extend" is a better thing to report than its absence. */
		for (i = 0; i < fl_yaml_map_size(root); i++)
			if (!known_anywhere(fl_yaml_map_key(root, i)->value))
				return unknown_key(c, fl_yaml_map_key(root, i), FL_KIND_COUNT);
		fl_yaml_join(list, sizeof(list), kind_names, FL_KIND_COUNT, " or ");
		return fail(c, ext_key != NULL ? ext_key : root, "missing 'extends' (one of %s)", list);
	}
	rc = parse_kind(c, ext_key, ext);
	if (rc < 0)
		return rc;
	for (i = 0; i < fl_yaml_map_size(root); i++) {
		const fl_node *kn = fl_yaml_map_key(root, i);
		const key_def *k = find_key(kn->value, c->def->kind);
		if (k == NULL)
			return unknown_key(c, kn, c->def->kind);
		rc = apply(c, k, fl_yaml_map_value(root, i));
		if (rc < 0)
			return rc;
	}
	return check_required(c);
}

int fl_ruledef_parse(fl_ruledef *def, const char *id, const char *path, const char *data, size_t len,
                     fulint_error *err)
{
	fl_node *root = NULL;
	ctx c;
	int rc;

	c.def = def;
	c.file = path;
	c.code = FULINT_ERR_RULE;
	c.prefix = "";
	c.err = err;
	def->level = FULINT_WARNING; /* Vale's default */
	def->vocab = true;           /* Vale's default */
	def->id = fl_strdup(id != NULL ? id : "");
	def->path = fl_strdup(path != NULL ? path : "");
	if (def->id == NULL || def->path == NULL) {
		fl_ruledef_dispose(def);
		return nomem(&c);
	}
	rc = fl_yaml_parse(&root, path, data, len, FULINT_ERR_RULE, err);
	if (rc == 0)
		rc = parse_tree(&c, root);
	fl_yaml_free(root);
	if (rc < 0)
		fl_ruledef_dispose(def);
	return rc;
}

/* ---- overrides ---- */

static int override_by_kind(const ctx *c, fl_ruledef *def, const char *kind, const fl_node *v)
{
	size_t i;
	fl_str ks, vs;
	char hint[200];
	if (def->kind != FL_KIND_METRIC)
		return fail(c, v, "'by_kind' applies only to metric rules, and this is %s %s rule",
		            article(def->kind), kind_names[def->kind]);
	for (i = 0; i < FL_ARRAY_LEN(note_kinds); i++)
		if (strcmp(kind, note_kinds[i]) == 0)
			break;
	if (i == FL_ARRAY_LEN(note_kinds))
		return fail(c, v, "unknown note kind '%s' in 'by_kind' (%s)", kind,
		            fl_yaml_hint(hint, sizeof(hint), kind, note_kinds, FL_ARRAY_LEN(note_kinds)));
	if (v->value_len == 0)
		return fail(c, v, "'by_kind.%s' must be a condition such as \"> 200\", got an empty value", kind);
	for (i = 0; i < def->by_kind.n; i++) {
		if (strcmp(def->by_kind.v[i].key.s, kind) == 0) {
			char *s = fl_strdup(v->value);
			if (s == NULL)
				return nomem(c);
			free(def->by_kind.v[i].value.s);
			def->by_kind.v[i].value.s = s;
			def->by_kind.v[i].value.line = v->line;
			def->by_kind.v[i].value.column = v->column;
			return 0;
		}
	}
	ks.s = (char *)kind;
	ks.line = v->line;
	ks.column = v->column;
	vs.s = v->value;
	vs.line = v->line;
	vs.column = v->column;
	return fl_pairlist_push(&def->by_kind, &ks, &vs) < 0 ? nomem(c) : 0;
}

int fl_ruledef_override(fl_ruledef *def, const char *key, const char *value, const char *where,
                        unsigned line, unsigned column, fulint_error *err)
{
	char prefix[300];
	const char *names[FL_ARRAY_LEN(keys)];
	const key_def *k;
	fl_node v;
	ctx c;
	size_t n;

	snprintf(prefix, sizeof(prefix), "rule %s: ", def->id != NULL ? def->id : "?");
	c.def = def;
	c.file = where;
	c.code = FULINT_ERR_CONFIG;
	c.prefix = prefix;
	c.err = err;
	memset(&v, 0, sizeof(v));
	v.type = FL_NODE_SCALAR;
	v.line = line;
	v.column = column;
	v.value = (char *)(value != NULL ? value : "");
	v.value_len = strlen(v.value);
	v.quoted = true; /* an override's text is taken literally: "" is not "not given" */
	if (key == NULL || *key == '\0')
		return fail(&c, &v, "an override needs a key name");
	if (strncmp(key, "by_kind.", 8) == 0)
		return override_by_kind(&c, def, key + 8, &v);
	k = find_key(key, def->kind);
	n = key_names(names, FL_ARRAY_LEN(names), KIND_BIT(def->kind), true);
	if (k == NULL || k->type == T_EXTENDS) {
		const char *hint = fl_yaml_suggest(key, names, n);
		char list[600];
		if (hint != NULL)
			return fail(&c, &v, "unknown key '%s' (did you mean '%s'?)", key, hint);
		fl_yaml_join(list, sizeof(list), names, n, " and ");
		return fail(&c, &v, "'%s' cannot be set for %s %s rule (keys that can: %s)", key,
		            article(def->kind), kind_names[def->kind], list);
	}
	switch (k->type) {
	case T_STR:
	case T_BOOL:
	case T_NUM:
	case T_INT:
	case T_LEVEL:
	case T_SCOPE:
	case T_MATCH:
	case T_TITLE_STYLE:
		return apply(&c, k, &v);
	default:
		return fail(&c, &v, "'%s' cannot be overridden (only single values such as level, message or max can)",
		            key);
	}
}
