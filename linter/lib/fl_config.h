/*
 * fl_config.h - the inside of fulint_config.
 *
 * fl_config.c implements the public fulint_config_* functions: setters and
 * the YAML loader (on fl_yaml).  The configuration is plain data; the
 * ruleset (fl_ruleset.c) interprets it.
 */
#ifndef FL_CONFIG_H
#define FL_CONFIG_H

#include "fl_base.h"

typedef enum fl_rule_state {
	FL_RULE_DEFAULT = 0, /* as the style says (level from the rule file) */
	FL_RULE_OFF,
	FL_RULE_ON,          /* on with the rule file's level */
	FL_RULE_LEVEL        /* on with `level` */
} fl_rule_state;

/* One key override of a rule ("max" -> "150"), with where it was written. */
typedef struct fl_rule_key {
	char *key;
	char *value;
	char *where; /* config file, or "--rule" */
	unsigned line, column;
} fl_rule_key;

typedef struct fl_rule_setting {
	char *id;
	fl_rule_state state;
	fulint_level level;
	fl_rule_key *keys;
	size_t n_keys;
	size_t cap_keys;
} fl_rule_setting;

struct fulint_config {
	fl_strlist styles_paths;   /* absolute or relative to the cwd, in order; later wins */
	bool styles_set;           /* `styles` given (else the default, FollowUp) */
	fl_strlist styles;
	fl_rule_setting *rules;
	size_t n_rules;
	size_t cap_rules;
	fulint_level min_level;    /* default suggestion */
	fulint_level fail_level;   /* default error */
	fl_strlist accept;
	fl_strlist reject;
	char *dictionary;          /* default "en_US" */
	fl_strlist dictionary_dirs;
	fl_strlist wordlist_dirs;
	char *personal_dictionary; /* NULL: none */
	char *cache_dir;           /* NULL: no cache */
	char *note_kind;           /* "auto" */
	char *input;               /* "auto" */
	bool lint_quoted;
	bool no_jit;
};

/* The setting for `id`, or NULL. */
const fl_rule_setting *fl_config_rule(const fulint_config *cfg, const char *id);

#endif /* FL_CONFIG_H */
