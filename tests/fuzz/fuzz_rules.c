/*
 * fuzz_rules.c - fuzz target for the rule and configuration loaders.
 *
 * Each input is read two ways:
 *  1. as a rule file: the bytes up to the first NUL are the YAML of rule
 *     "Fuzz.Rule" (fl_ruledef_parse, then fl_rule_compile, which compiles
 *     its regexes).  A rule that compiles is put alone into a ruleset and
 *     run on the bytes after the NUL (or on a sample draft when there is no
 *     NUL) with fulint_lint, and its own examples are checked.  Spelling
 *     rules are compiled but not run (loading Hunspell for every input
 *     would make the target useless; fuzz_lint covers spelling);
 *  2. as a configuration file (fulint_config_load_string); a configuration
 *     that loads is turned into a ruleset with the built-in styles
 *     (fulint_ruleset_new), which applies its rule overrides.
 *
 * Findings are checked for positions inside the linted text.
 */
#include <string.h>

#include "fl_config.h"
#include "fl_rule.h"
#include "fl_ruleset.h"
#include "fuzz.h"

static const char sample[] =
	"Subject: Thank you for the interview\n"
	"\n"
	"Hi Siobhan,\n"
	"\n"
	"Thank you so much for meeting with me today!!! I really enjoyed learning about the "
	"onboarding process at Zyntrix and the new intake dashboard. I am very very excited "
	"about the role :) Just checking in to see if there are any updates on the timeline.\n"
	"I look forward to hearing from you. Please let me know if [NAME] needs anything else.\n"
	"\n"
	"Best regards,\n"
	"Alex Smith\n"
	"-- \n"
	"Alex Smith | alex@example.com | https://example.com/alex\n"
	"> On Monday, Siobhan wrote:\n"
	"> Great to meet you.\n";

static void ignore_warning(void *payload, const fulint_error *w)
{
	(void)payload;
	(void)w;
}

static void ignore_example(void *payload, const fulint_example_failure *f)
{
	(void)payload;
	FUZZ_CHECK(f->rule != NULL && f->example != NULL && f->detail != NULL);
}

static void run_rule(fulint_ruleset *rs, const char *text, size_t len)
{
	fulint_linter *l = NULL;
	fulint_result *res = NULL;
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_error err;
	size_t i, n, checked = 0, failed = 0;

	memset(&err, 0, sizeof(err));
	if (fulint_linter_new(&l, rs, &err) < 0)
		return;
	src.name = "fuzz.txt";
	src.data = text;
	src.len = len;
	if (fulint_lint(l, &src, &res, &err) == 0) {
		size_t tlen = 0;
		(void)fulint_result_text(res, &tlen);
		n = fulint_result_count(res);
		for (i = 0; i < n; i++) {
			const fulint_finding *f = fulint_result_finding(res, i);
			FUZZ_CHECK(f != NULL && f->rule != NULL && f->message != NULL);
			FUZZ_CHECK(f->offset <= tlen && f->length <= tlen - f->offset);
			FUZZ_CHECK(f->line >= 1 && f->n_suggestions <= 64);
		}
		fulint_result_free(res);
	}
	memset(&err, 0, sizeof(err));
	(void)fulint_ruleset_test_examples(rs, l, ignore_example, NULL, &checked, &failed, &err);
	FUZZ_CHECK(failed <= checked);
	fulint_linter_free(l);
}

static void fuzz_rule(const char *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	size_t ylen = nul ? (size_t)(nul - data) : size;
	fl_ruledef def;
	fulint_error err;
	fulint_ruleset *rs;
	fl_rule *r;
	fl_kind kind;

	memset(&def, 0, sizeof(def));
	memset(&err, 0, sizeof(err));
	if (fl_ruledef_parse(&def, "Fuzz.Rule", "fuzz/Fuzz/Rule.yml", data, ylen, &err) < 0) {
		FUZZ_CHECK(err.code < 0 && err.message[0] != '\0');
		return;
	}
	kind = def.kind;
	rs = calloc(1, sizeof(*rs));
	if (rs == NULL || (rs->rules = calloc(1, sizeof(*rs->rules))) == NULL ||
	    (rs->dictionary = strdup("en_US")) == NULL) {
		fl_ruledef_dispose(&def);
		fulint_ruleset_free(rs);
		return;
	}
	r = &rs->rules[0];
	if (fl_rule_compile(r, &def, &err) < 0) {
		FUZZ_CHECK(err.code < 0 && err.message[0] != '\0');
		fl_rule_dispose(r);
		fulint_ruleset_free(rs);
		return;
	}
	rs->n_rules = 1;
	r->enabled = r->ops != NULL;
	r->index = 0;
	rs->note_kind_auto = true;
	if (r->enabled && kind != FL_KIND_SPELLING) {
		if (nul != NULL)
			run_rule(rs, nul + 1, size - ylen - 1);
		else
			run_rule(rs, sample, sizeof(sample) - 1);
	}
	fulint_ruleset_free(rs);
}

static void fuzz_config(const char *data, size_t size)
{
	fulint_config *cfg = NULL;
	fulint_ruleset *rs = NULL;
	fulint_error err;
	size_t i;

	memset(&err, 0, sizeof(err));
	if (fulint_config_new(&cfg) < 0)
		return;
	if (fulint_config_load_string(cfg, "fuzz.yml", "/nonexistent-fulint-fuzz", data, size, &err) < 0) {
		FUZZ_CHECK(err.code < 0 && err.message[0] != '\0');
		fulint_config_free(cfg);
		return;
	}
	/* Loading twice must be fine (later settings win). */
	(void)fulint_config_load_string(cfg, "fuzz.yml", "/nonexistent-fulint-fuzz", data, size, &err);
	memset(&err, 0, sizeof(err));
	if (fulint_ruleset_new(&rs, cfg, ignore_warning, NULL, &err) == 0) {
		for (i = 0; i < fulint_ruleset_count(rs); i++) {
			fulint_rule_info info;
			FUZZ_CHECK(fulint_ruleset_rule(rs, i, &info) == 0);
			FUZZ_CHECK(info.id != NULL && info.kind != NULL && info.description != NULL);
		}
		fulint_ruleset_free(rs);
	} else {
		FUZZ_CHECK(err.code < 0 && err.message[0] != '\0');
	}
	fulint_config_free(cfg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	if (buf == NULL)
		return 0;
	if (size)
		memcpy(buf, data, size);
	fuzz_rule(buf, size);
	fuzz_config(buf, size);
	free(buf);
	return 0;
}
