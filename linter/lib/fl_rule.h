/*
 * fl_rule.h - rule definitions (what a rule file says) and the interface
 * every rule kind implements.
 *
 * A rule file is parsed into an fl_ruledef by fl_ruledef_parse (fl_ruledef.c,
 * on top of fl_yaml): keys are checked against the kind (Vale's keys are all
 * accepted, even those fulint ignores), types checked, positions kept.
 * Regexes are not compiled there: the kind's `compile` does it at load time,
 * and reports a bad pattern at the position of the string that holds it.
 *
 * One file per kind (rule_<kind>.c) provides an fl_kind_ops; kinds never
 * include each other.  Compiled rules are read-only while linting and may
 * be shared by threads (per-thread scratch lives in fl_lintctx).
 */
#ifndef FL_RULE_H
#define FL_RULE_H

#include "fl_base.h"

typedef enum fl_kind {
	FL_KIND_EXISTENCE = 0,
	FL_KIND_SUBSTITUTION,
	FL_KIND_OCCURRENCE,
	FL_KIND_REPETITION,
	FL_KIND_CONSISTENCY,
	FL_KIND_CONDITIONAL,
	FL_KIND_CAPITALIZATION,
	FL_KIND_METRIC,
	FL_KIND_READABILITY,
	FL_KIND_SPELLING,
	FL_KIND_SEQUENCE, /* loads with a warning, never runs */
	FL_KIND_SCRIPT,   /* loads with a warning, never runs */
	FL_KIND_SUBJECT,  /* fulint: the note's subject is missing, shouting or too long */
	FL_KIND_RECIPIENT, /* fulint: the greeting names none of the e-mail's recipients */
	FL_KIND_COUNT
} fl_kind;

/* A key -> value pair of a YAML mapping (swap, either, by_kind). */
typedef struct fl_pair {
	fl_str key;
	fl_str value;
} fl_pair;

typedef struct fl_pairlist {
	fl_pair *v;
	size_t n;
	size_t cap;
} fl_pairlist;

/* What a rule file says.  Strings not given are NULL (fl_str.s == NULL). */
typedef struct fl_ruledef {
	char *id;   /* "Style.Rule" */
	char *path; /* the file, for messages ("<builtin>/FollowUp/Foo.yml" when embedded) */
	fl_kind kind;
	unsigned kind_line, kind_column; /* position of `extends` */
	fulint_level level;              /* default warning (Vale's default) */

	/* common keys */
	fl_str message, link, description;
	fl_strlist scopes;  /* as written, e.g. "sentence", "~code"; empty: kind's default */
	bool ignorecase;
	bool nonword;
	bool vocab;         /* Vale's vocab switch (accepted, unused) */
	bool has_vocab;
	int limit;          /* max findings per file; 0: no limit */
	fl_strlist tokens;
	fl_strlist exceptions;
	fl_strlist raw;     /* Vale `raw`: pieces concatenated into one regex */
	bool append;        /* Vale `append` (accepted) */
	fl_str action_name; /* action.name */
	fl_strlist action_params;

	/* substitution */
	fl_pairlist swap;   /* regex -> replacement ("a|b" = several) */
	bool capitalize;    /* substitution `capitalize` */

	/* occurrence */
	fl_str token;
	double min, max;
	bool has_min, has_max;

	/* repetition */
	bool alpha;

	/* consistency */
	fl_pairlist either;

	/* conditional */
	fl_str first, second;

	/* capitalization */
	fl_str match;       /* $title, $sentence, $lower, $upper, or a regex */
	fl_str style;       /* AP, Chicago */
	fl_strlist indicators;
	double threshold;
	bool has_threshold;
	fl_str prefix;

	/* metric */
	fl_str formula;
	fl_str condition;
	fl_pairlist by_kind; /* fulint: note kind -> condition ("thank-you": "> 200") */

	/* readability */
	fl_strlist metrics;
	double grade;
	bool has_grade;     /* `grade` given */

	/* spelling */
	fl_strlist dictionaries;
	fl_strlist filters;
	fl_strlist ignore;
	fl_str dicpath;
	bool custom;

	/* subject (fulint): `max` is the character limit; max_words the word limit */
	double max_words;
	bool has_max_words;

	/* sequence / script: accepted so the file loads */
	/* Set by the ruleset, not read from the file: compile patterns without JIT. */
	bool no_jit;

	/* fulint: examples: {match: [...], nomatch: [...]} */
	fl_strlist ex_match;
	fl_strlist ex_nomatch;
} fl_ruledef;

/* Name of a kind ("existence"), and the reverse (FULINT_ERR_USAGE when unknown). */
const char *fl_kind_name(fl_kind k);
int fl_kind_parse(fl_kind *out, const char *name);

/*
 * Parse the YAML text of one rule file into `def` (zeroed by the caller).
 * `id` is "Style.Rule" and `path` the name used in errors.  Errors are
 * FULINT_ERR_RULE with path:line:col, e.g. "unknown key 'extend' (did you
 * mean 'extends'?)".  On error `def` is disposed.
 */
int fl_ruledef_parse(fl_ruledef *def, const char *id, const char *path, const char *data, size_t len,
                     fulint_error *err);

/*
 * Override one scalar key (from the config's `rules:` map or
 * fulint_config_set_rule_key), e.g. ("max", "150").  `where`, `line` and
 * `column` locate the override for errors.  The value is checked as in a
 * rule file; only single-valued keys of the rule's kind can be set (level,
 * message, max, scope, ...), plus "by_kind.<note kind>" for metric rules.
 * Errors are FULINT_ERR_CONFIG (the override is wrong, not the rule file),
 * with the message prefixed "rule <id>: ".
 */
int fl_ruledef_override(fl_ruledef *def, const char *key, const char *value, const char *where,
                        unsigned line, unsigned column, fulint_error *err);

void fl_ruledef_dispose(fl_ruledef *def);

void fl_pairlist_dispose(fl_pairlist *l);
int fl_pairlist_push(fl_pairlist *l, const fl_str *key, const fl_str *value);

/* ---- compiled rules and the kind interface ---- */

typedef struct fl_lintctx fl_lintctx; /* fl_lint.h */
typedef struct fl_rule fl_rule;

typedef struct fl_kind_ops {
	fl_kind kind;
	/* Build r->state from r->def; report bad regexes with the position of their string. */
	int (*compile)(fl_rule *r, fulint_error *err);
	/* Find problems in ctx's text and emit them with fl_emit*(). */
	int (*run)(const fl_rule *r, fl_lintctx *ctx);
	/* Free r->state. */
	void (*dispose)(fl_rule *r);
} fl_kind_ops;

struct fl_rule {
	fl_ruledef def;
	const fl_kind_ops *ops; /* NULL for kinds that do not run */
	void *state;            /* the kind's compiled form */
	unsigned scope_mask;    /* FL_SCOPE_* bits, from def.scopes */
	unsigned scope_not;     /* FL_SCOPE_* bits negated with '~' */
	fulint_level level;     /* effective level (config may change it) */
	bool enabled;
	size_t index;           /* position in the ruleset (per-lint counters) */
};

/* Scopes (fl_scope.c turns def.scopes into these bits). */
enum {
	FL_SCOPE_TEXT = 1u << 0,
	FL_SCOPE_SENTENCE = 1u << 1,
	FL_SCOPE_PARAGRAPH = 1u << 2,
	FL_SCOPE_RAW = 1u << 3,
	FL_SCOPE_SUBJECT = 1u << 4,
	FL_SCOPE_GREETING = 1u << 5,
	FL_SCOPE_BODY = 1u << 6,
	FL_SCOPE_CLOSING = 1u << 7,
	FL_SCOPE_MARKUP = 1u << 8 /* heading, list, table, code, ...: absent from plain text */
};

/* The ops of each kind that runs (defined in rule_<kind>.c). */
extern const fl_kind_ops fl_kind_existence;
extern const fl_kind_ops fl_kind_substitution;
extern const fl_kind_ops fl_kind_occurrence;
extern const fl_kind_ops fl_kind_repetition;
extern const fl_kind_ops fl_kind_consistency;
extern const fl_kind_ops fl_kind_conditional;
extern const fl_kind_ops fl_kind_capitalization;
extern const fl_kind_ops fl_kind_metric;
extern const fl_kind_ops fl_kind_readability;
extern const fl_kind_ops fl_kind_spelling;
extern const fl_kind_ops fl_kind_subject;
extern const fl_kind_ops fl_kind_recipient;

/*
 * Compile a rule: takes ownership of *def (it is moved into r->def and *def
 * zeroed, also on error).  Kinds that do not run get ops == NULL.
 */
int fl_rule_compile(fl_rule *r, fl_ruledef *def, fulint_error *err);
void fl_rule_dispose(fl_rule *r);

#endif /* FL_RULE_H */
