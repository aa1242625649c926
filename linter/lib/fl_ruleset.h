/*
 * fl_ruleset.h - the inside of fulint_ruleset: compiled rules sorted by id,
 * and the parts of the configuration a lint needs (copied, so the ruleset
 * does not depend on the config's lifetime).  Read-only once built.
 */
#ifndef FL_RULESET_H
#define FL_RULESET_H

#include "fl_rule.h"
#include "fl_text.h"

struct fulint_ruleset {
	fl_rule *rules;
	size_t n_rules;
	struct fl_litindex *litindex; /* the rules' required strings (fl_literal.h), or NULL */
	/* from the configuration */
	fl_strlist accept;
	fl_strlist reject;
	char *dictionary;
	fl_strlist dictionary_dirs;
	fl_strlist wordlist_dirs;
	char *personal_dictionary;
	char *cache_dir;
	bool note_kind_auto;
	fl_note_kind note_kind;
	int input_mode; /* 0 auto, 1 text, 2 email */
	bool lint_quoted;
};

#endif /* FL_RULESET_H */
