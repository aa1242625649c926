/*
 * test_kinds.c - the rule kinds (Vale's extension points) end to end: each
 * test writes one rule file into a fresh style folder, builds a ruleset
 * with only that style, lints a text and looks at the findings.
 *
 * Expectations come from Vale's documented behaviour (vale.sh/docs/checks/
 * <kind>) and from what Vale's internal/check/<kind>.go does where the
 * documentation is silent; each test says which.  fulint's own choices
 * (where a finding points, by_kind, {kind}/{limit}) are marked "fulint".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fulint.h"
#include "fl_metrics.h"
#include "fl_text.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif

/* ------------------------------------------------------------------ */
/* harness                                                              */

static char g_base[256];         /* temporary styles folder */
static unsigned g_style;         /* a fresh style per lint: T1, T2, ... */
static char g_files[512][400];   /* files and folders to remove */
static size_t g_n_files;

typedef struct run {
	fulint_config *cfg;
	fulint_ruleset *rs;
	fulint_linter *lin;
	fulint_result *res;
	fulint_error err;
	int rc; /* of ruleset_new, or of fulint_lint */
	char rule[32]; /* "T7.R" */
} run;

static void remember(const char *path)
{
	if (g_n_files < FL_ARRAY_LEN(g_files))
		snprintf(g_files[g_n_files++], sizeof(g_files[0]), "%s", path);
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(g_base, sizeof(g_base), "/tmp/fulint_kinds_XXXXXX");
	if (mkdtemp(g_base) == NULL)
		return -1;
	return 0;
}

static int group_teardown(void **state)
{
	size_t i;
	(void)state;
	for (i = g_n_files; i-- > 0;)
		if (unlink(g_files[i]) != 0)
			rmdir(g_files[i]);
	rmdir(g_base);
	return 0;
}

/*
 * Write `yaml` as rule R of a new style and build a ruleset of that style
 * alone.  `kind` (may be NULL: auto) sets the note kind; `accept` (may be
 * NULL) adds one vocab.accept word.  Returns the ruleset status.
 */
static int load_rule(run *rn, const char *yaml, const char *kind, const char *accept)
{
	char dir[300], path[320], style[16];
	FILE *f;

	memset(rn, 0, sizeof(*rn));
	g_style++;
	snprintf(style, sizeof(style), "T%u", g_style);
	snprintf(rn->rule, sizeof(rn->rule), "%s.R", style);
	snprintf(dir, sizeof(dir), "%s/%s", g_base, style);
	assert_int_equal(mkdir(dir, 0700), 0);
	remember(dir);
	snprintf(path, sizeof(path), "%s/R.yml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(yaml, f);
	fclose(f);
	remember(path);

	assert_int_equal(fulint_config_new(&rn->cfg), 0);
	assert_int_equal(fulint_config_add_styles_path(rn->cfg, g_base), 0);
	assert_int_equal(fulint_config_set_styles(rn->cfg, style), 0);
	if (kind != NULL)
		assert_int_equal(fulint_config_set_note_kind(rn->cfg, kind), 0);
	if (accept != NULL)
		assert_int_equal(fulint_config_add_accept(rn->cfg, accept), 0);
	rn->rc = fulint_ruleset_new(&rn->rs, rn->cfg, NULL, NULL, &rn->err);
	return rn->rc;
}

static void lint_text(run *rn, const char *text)
{
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_result_free(rn->res);
	rn->res = NULL;
	if (rn->lin == NULL)
		assert_int_equal(fulint_linter_new(&rn->lin, rn->rs, &rn->err), 0);
	src.name = "draft.txt";
	src.data = text;
	src.len = strlen(text);
	rn->rc = fulint_lint(rn->lin, &src, &rn->res, &rn->err);
	if (rn->rc != 0)
		fail_msg("lint failed: %d %s", rn->rc, rn->err.message);
}

/* Load a rule that must compile and lint `text` with it. */
static void lint_with(run *rn, const char *yaml, const char *text, const char *kind, const char *accept)
{
	if (load_rule(rn, yaml, kind, accept) != 0) {
		char buf[2200];
		fail_msg("rule did not load: %s", fulint_error_format(&rn->err, buf, sizeof(buf)));
	}
	lint_text(rn, text);
}

static void run_free(run *rn)
{
	fulint_result_free(rn->res);
	fulint_linter_free(rn->lin);
	fulint_ruleset_free(rn->rs);
	fulint_config_free(rn->cfg);
	memset(rn, 0, sizeof(*rn));
}

/* Number of findings of the run's rule. */
static size_t count(const run *rn)
{
	size_t i, n = 0;
	for (i = 0; i < fulint_result_count(rn->res); i++)
		if (strcmp(fulint_result_finding(rn->res, i)->rule, rn->rule) == 0)
			n++;
	return n;
}

/* The k-th finding of the run's rule (in position order). */
static const fulint_finding *nth(const run *rn, size_t k)
{
	size_t i;
	for (i = 0; i < fulint_result_count(rn->res); i++) {
		const fulint_finding *f = fulint_result_finding(rn->res, i);
		if (strcmp(f->rule, rn->rule) == 0 && k-- == 0)
			return f;
	}
	fail_msg("no finding #%zu of %s", k, rn->rule);
	return NULL;
}

/* Findings of another rule id (fulint.RuleLimit). */
static size_t count_of(const run *rn, const char *rule)
{
	size_t i, n = 0;
	for (i = 0; i < fulint_result_count(rn->res); i++)
		if (strcmp(fulint_result_finding(rn->res, i)->rule, rule) == 0)
			n++;
	return n;
}

/* Check the k-th finding's match, message and (when not NULL) suggestions ("a|b"). */
static void expect(const run *rn, size_t k, const char *match, const char *message, const char *sugg)
{
	const fulint_finding *f = nth(rn, k);
	assert_string_equal(f->match, match);
	if (message != NULL)
		assert_string_equal(f->message, message);
	if (sugg != NULL) {
		char buf[512] = "";
		size_t i;
		for (i = 0; i < f->n_suggestions; i++) {
			if (i > 0)
				strcat(buf, "|");
			strcat(buf, f->suggestions[i]);
		}
		assert_string_equal(buf, sugg);
	}
}

/* Load a rule that must fail; check "file-suffix:line:col: message". */
static void expect_error(const char *yaml, unsigned line, unsigned column, const char *message)
{
	run rn;
	int rc = load_rule(&rn, yaml, NULL, NULL);
	assert_int_equal(rc, FULINT_ERR_RULE);
	assert_non_null(strstr(rn.err.file, "/R.yml"));
	assert_int_equal(rn.err.line, line);
	assert_int_equal(rn.err.column, column);
	assert_string_equal(rn.err.message, message);
	run_free(&rn);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ */
/* existence                                                            */

/* Docs: tokens become \b(?:appears to be|arguably)\b; ignorecase makes it (?i). */
static void test_existence_tokens_ignorecase(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: existence\n"
	          "message: \"Consider removing '%s'\"\n"
	          "ignorecase: true\n"
	          "tokens:\n"
	          "  - appears to be\n"
	          "  - arguably\n",
	          "It appears to be fine. Arguably, it is. It disappears to bearers.\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "appears to be", "Consider removing 'appears to be'", "");
	expect(&rn, 1, "Arguably", "Consider removing 'Arguably'", "");
	assert_int_equal(nth(&rn, 0)->line, 1);
	assert_int_equal(nth(&rn, 0)->column, 4);
	assert_false(nth(&rn, 0)->whole_note);
	run_free(&rn);

	/* Without ignorecase the tokens are case-sensitive. */
	lint_with(&rn,
	          "extends: existence\nmessage: \"Consider removing '%s'\"\n"
	          "tokens:\n  - arguably\n",
	          "Arguably, it is, arguably.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	assert_int_equal(nth(&rn, 0)->column, 18);
	run_free(&rn);
}

/* Docs: nonword removes the default word boundaries (\b). */
static void test_existence_nonword(void **state)
{
	run rn;
	(void)state;
	/* Word-bounded, "!!" followed by a space has no \b after it: no match. */
	lint_with(&rn, "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - '[!?]{2,}'\n",
	          "Great news!! Really?!\n", NULL, NULL);
	assert_int_equal(count(&rn), 0);
	run_free(&rn);
	lint_with(&rn, "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - '[!?]{2,}'\n",
	          "Great news!! Really?!\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "!!", "'!!'", NULL);
	expect(&rn, 1, "?!", "'?!'", NULL);
	run_free(&rn);
}

/*
 * Vale: a match is skipped when the exception alternation \b(?:...)\b
 * occurs in it (case-sensitive unless the term has (?i)); multi-word
 * exceptions also cover a match inside them.
 */
static void test_existence_exceptions(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: existence\nmessage: \"Spell out '%s'\"\n"
	          "tokens:\n  - '[A-Z]{3,}'\n"
	          "exceptions:\n  - NASA\n  - FAQ\n  - ibm\n",
	          "NASA, the FAQS page and IBM.\n", NULL, NULL);
	/* NASA is an exception; FAQS is not (no \b after FAQ); "ibm" is case-sensitive. */
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "FAQS", NULL, NULL);
	expect(&rn, 1, "IBM", NULL, NULL);
	run_free(&rn);

	lint_with(&rn,
	          "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - '[A-Z]{3,}'\n"
	          "exceptions:\n  - '(?i)ibm'\n",
	          "IBM and ACME.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "ACME", NULL, NULL);
	run_free(&rn);

	lint_with(&rn,
	          "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - culpa\n"
	          "exceptions:\n  - mea culpa\n",
	          "It was a mea culpa moment. Culpa aside, culpa matters.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	assert_int_equal(nth(&rn, 0)->column, 41); /* "Culpa" is case-sensitive: not a match */
	run_free(&rn);
}

/* Vale: `raw` pieces are concatenated into one pattern without \b. */
static void test_existence_raw(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: existence\nmessage: \"'%s'\"\n"
	          "raw:\n  - '(?:foo'\n  - '|bar)'\n  - 'baz'\n",
	          "foobaz barbaz baz\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "foobaz", NULL, NULL);
	expect(&rn, 1, "barbaz", NULL, NULL);
	run_free(&rn);
}

/* Vale: with an action the message's second %s is the fix; the fixes are suggestions. */
static void test_existence_actions(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: existence\nmessage: \"Replace '%s' with %s.\"\n"
	          "action:\n  name: replace\n  params:\n    - sure\n    - certain\n"
	          "tokens:\n  - very sure\n",
	          "I am very sure.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "very sure", "Replace 'very sure' with 'sure' or 'certain'.", "sure|certain");
	assert_string_equal(nth(&rn, 0)->action, "replace");
	run_free(&rn);

	lint_with(&rn,
	          "extends: existence\nmessage: \"'%s' should be '%s'.\"\nnonword: true\n"
	          "action:\n  name: edit\n  params:\n    - trim_right\n    - '!?'\n"
	          "tokens:\n  - '[a-z]+[!?]{2,}'\n",
	          "Thanks so much!! OK?!\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "much!!", "'much!!' should be 'much'.", "much");
	run_free(&rn);

	lint_with(&rn,
	          "extends: existence\nmessage: \"Remove '%s'.\"\n"
	          "action:\n  name: remove\n"
	          "tokens:\n  - basically\n",
	          "It basically works.\n", NULL, NULL);
	expect(&rn, 0, "basically", "Remove 'basically'.", "");
	assert_int_equal(nth(&rn, 0)->n_suggestions, 1);
	run_free(&rn);

	lint_with(&rn,
	          "extends: existence\nmessage: \"'%s' -> %s\"\n"
	          "action:\n  name: edit\n  params:\n    - regex\n    - '(\\w+)-(\\w+)'\n    - '$2 $1'\n"
	          "tokens:\n  - 'up-follow'\n",
	          "An up-follow note.\n", NULL, NULL);
	expect(&rn, 0, "up-follow", "'up-follow' -> follow up", "follow up");
	run_free(&rn);
}

/* Vale: accepted vocabulary words are exceptions unless `vocab: false`. */
static void test_existence_vocab(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn, "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - Zyntrix\n", "Zyntrix rocks.\n", NULL,
	          "Zyntrix");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);
	lint_with(&rn, "extends: existence\nmessage: \"'%s'\"\nvocab: false\ntokens:\n  - Zyntrix\n",
	          "Zyntrix rocks.\n", NULL, "Zyntrix");
	assert_int_equal(count(&rn), 1);
	run_free(&rn);
}

/* A bad regex is an error at the position of the string holding it. */
static void test_existence_bad_regex(void **state)
{
	(void)state;
	expect_error("extends: existence\nmessage: \"'%s'\"\ntokens:\n  - alpha\n  - '(unclosed'\n", 5, 5,
	             "bad regex in 'tokens' at offset 9: missing closing parenthesis");
	expect_error("extends: existence\nmessage: \"'%s'\"\nraw:\n  - 'a'\n  - '[b'\n", 5, 5,
	             "bad regex in 'raw' at offset 2: missing terminating ] for character class");
	expect_error("extends: existence\nmessage: \"'%s'\"\ntokens:\n  - ok\nexceptions:\n  - 'x{2,1}'\n",
	             6, 5, "bad regex in 'exceptions' at offset 5: numbers out of order in {} quantifier");
}

/* The shared fixture tests/data/badrules/Regex: same position, fulint's message adds the offset. */
static void test_badrules_regex_fixture(void **state)
{
	char path[512], expect_line[512], yaml[512];
	FILE *f;
	size_t n;
	run rn;
	unsigned line, col;
	char tail[256];
	(void)state;

	snprintf(path, sizeof(path), "%s/tests/data/badrules/Regex/Unclosed.yml", FULINT_SOURCE_DIR);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(yaml, 1, sizeof(yaml) - 1, f);
	yaml[n] = '\0';
	fclose(f);
	snprintf(path, sizeof(path), "%s/tests/data/badrules/Regex/Unclosed.expect", FULINT_SOURCE_DIR);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(expect_line, sizeof(expect_line), f));
	fclose(f);
	/* "Regex/Unclosed.yml:5:5: bad regex in 'tokens': missing closing parenthesis" */
	assert_int_equal(sscanf(expect_line, "Regex/Unclosed.yml:%u:%u: bad regex in 'tokens'%255[^\n]", &line,
	                        &col, tail),
	                 3);
	assert_int_equal(load_rule(&rn, yaml, NULL, NULL), FULINT_ERR_RULE);
	assert_int_equal(rn.err.line, line);
	assert_int_equal(rn.err.column, col);
	assert_true(strncmp(rn.err.message, "bad regex in 'tokens'", 21) == 0);
	assert_non_null(strstr(rn.err.message, strchr(tail, ' ') + 1)); /* the reason */
	run_free(&rn);
}

/*
 * A catastrophic pattern on a 100 KB line: every match runs under PCRE2
 * limits, the limit becomes a fulint.RuleLimit finding, and linting goes
 * on (well within a second).
 */
static void test_catastrophic_regex(void **state)
{
	run rn;
	size_t n = 100 * 1024;
	char *text = malloc(n + 3);
	double t0, dt;
	(void)state;
	assert_non_null(text);
	memset(text, 'a', n);
	/* (a+)+$ fails only after trying every way to split the a's: end with '!'. */
	memcpy(text + n, "!\n", 3);
	assert_int_equal(load_rule(&rn,
	                           "extends: existence\nmessage: \"'%s'\"\nnonword: true\n"
	                           "tokens:\n  - '(a+)+$'\n",
	                           NULL, NULL),
	                 0);
	t0 = now_seconds();
	lint_text(&rn, text);
	dt = now_seconds() - t0;
	assert_true(dt < 1.0);
	assert_int_equal(count(&rn), 0);
	assert_true(count_of(&rn, "fulint.RuleLimit") >= 1);

	/* The same rule still works on ordinary text in the same linter. */
	lint_text(&rn, "aaa\n");
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "aaa", NULL, NULL);

	/* A line made only of a's matches at once: one finding, no limit. */
	text[n] = '\n';
	text[n + 1] = '\0';
	t0 = now_seconds();
	lint_text(&rn, text);
	assert_true(now_seconds() - t0 < 1.0);
	assert_int_equal(count(&rn), 1);
	assert_int_equal(nth(&rn, 0)->length, n);
	run_free(&rn);
	free(text);
}

/* ------------------------------------------------------------------ */
/* substitution                                                         */

/* Docs: swap maps observed: expected; without `action: replace`, %s %s = (value, match). */
static void test_substitution_basic(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: substitution\nmessage: \"Consider using '%s' instead of '%s'\"\n"
	          "swap:\n  in order to: to\n  at this point in time: now|currently\n",
	          "In order to help: at this point in time, in order to wait.\n", NULL, NULL);
	/* Case-sensitive: "In order to" is not a match. */
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "at this point in time", "Consider using 'now|currently' instead of 'at this point in time'",
	       "now|currently");
	expect(&rn, 1, "in order to", "Consider using 'to' instead of 'in order to'", "to");
	run_free(&rn);
}

/* Docs (multiple suggestions): with action replace the forms are joined as 'a' or 'b'. */
static void test_substitution_replace_several(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: substitution\nmessage: Consider using %s instead of '%s'\nignorecase: true\n"
	          "action:\n  name: replace\n"
	          "swap:\n  'cell ?phone': mobile phone|phone\n",
	          "Call my cellphone or Cell Phone.\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "cellphone", "Consider using 'mobile phone' or 'phone' instead of 'cellphone'",
	       "mobile phone|phone");
	expect(&rn, 1, "Cell Phone", NULL, "mobile phone|phone");
	run_free(&rn);

	/* Vale's convertMessage: "'%s' ... '%s'" loses the first quotes (the forms come quoted). */
	lint_with(&rn,
	          "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
	          "action:\n  name: replace\n"
	          "swap:\n  utilize: use|employ|apply\n",
	          "We utilize it.\n", NULL, NULL);
	expect(&rn, 0, "utilize", "Use 'use', 'employ', or 'apply' instead of 'utilize'.", "use|employ|apply");
	run_free(&rn);
}

/* Vale: a match that already is the preferred form is not reported (compared case-sensitively). */
static void test_substitution_same_form(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
	          "swap:\n  javascript: JavaScript\n",
	          "JavaScript, Javascript and javascript.\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "Javascript", "Use 'JavaScript' instead of 'Javascript'.", "JavaScript");
	expect(&rn, 1, "javascript", NULL, NULL);
	run_free(&rn);
}

/* Docs: capitalize matches the capitalization of the source token. */
static void test_substitution_capitalize(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
	          "capitalize: true\nswap:\n  utilize: use\n",
	          "Utilize it, then utilize it again.\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "Utilize", "Use 'Use' instead of 'Utilize'.", "Use");
	expect(&rn, 1, "utilize", "Use 'use' instead of 'utilize'.", "use");
	run_free(&rn);
}

/* Docs: nonword removes \b; capture groups can be referenced as $1. */
static void test_substitution_nonword_and_groups(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn, "extends: substitution\nmessage: \"'%s' for '%s'\"\nswap:\n  '\\.\\.\\.': \"\\u2026\"\n",
	          "Well... okay.\n", NULL, NULL);
	assert_int_equal(count(&rn), 0); /* no \b between "..." and the space */
	run_free(&rn);
	lint_with(&rn,
	          "extends: substitution\nmessage: \"'%s' for '%s'\"\nnonword: true\n"
	          "swap:\n  '\\.\\.\\.': \"\\u2026\"\n",
	          "Well... okay.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "...", "'\xE2\x80\xA6' for '...'", "\xE2\x80\xA6");
	run_free(&rn);

	lint_with(&rn,
	          "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
	          "swap:\n  'within the (\\w+) folder': in the $1 folder\n",
	          "It is within the config folder.\n", NULL, NULL);
	expect(&rn, 0, "within the config folder", "Use 'in the config folder' instead of 'within the config folder'.",
	       "in the config folder");
	run_free(&rn);
}

/* Vale: exceptions are searched in the match; a bad key is reported where it is written. */
static void test_substitution_exceptions_and_errors(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
	          "swap:\n  '(?:Acme|ACME) Corp': Acme Corporation\nexceptions:\n  - ACME\n",
	          "Acme Corp and ACME Corp.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "Acme Corp", NULL, "Acme Corporation");
	run_free(&rn);

	expect_error("extends: substitution\nmessage: \"'%s' '%s'\"\nswap:\n  ok: fine\n  'a(b': c\n", 5, 3,
	             "bad regex in 'swap' at offset 3: missing closing parenthesis");
}

/* ------------------------------------------------------------------ */
/* occurrence                                                           */

/* Vale: fires when the count is above max; %s is the count.  fulint: points at the first match past max. */
static void test_occurrence_max(void **state)
{
	run rn;
	const char *text = "Great! Thanks! Bye!\n";
	(void)state;
	lint_with(&rn, "extends: occurrence\nmessage: \"%s exclamation marks; keep one.\"\nscope: text\n"
	               "token: '!'\nmax: 1\n",
	          text, NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "!", "3 exclamation marks; keep one.", NULL);
	assert_int_equal(nth(&rn, 0)->offset, (size_t)(strchr(text + 6, '!') - text));
	assert_false(nth(&rn, 0)->whole_note);
	lint_text(&rn, "Great! Thanks.\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);

	/* scope sentence: counted per sentence; %d works as %s (Vale passes the number). */
	lint_with(&rn, "extends: occurrence\nmessage: \"%d commas\"\nscope: sentence\ntoken: ','\nmax: 2\n",
	          "One, two, three, four. Five, six, seven.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, ",", "3 commas", NULL);
	assert_int_equal(nth(&rn, 0)->column, 16);
	run_free(&rn);
}

/* Vale: fires when the count is below min.  fulint: in a whole-note scope, a whole-note finding. */
static void test_occurrence_min(void **state)
{
	run rn;
	const char *text = "Hi Dana,\n\nI enjoyed our talk about the role.\n\nBest,\nSam\n";
	(void)state;
	lint_with(&rn, "extends: occurrence\nmessage: \"Say thank you (found %s).\"\nscope: text\n"
	               "ignorecase: true\ntoken: '\\bthank'\nmin: 1\n",
	          text, NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "", "Say thank you (found 0).", NULL);
	assert_true(nth(&rn, 0)->whole_note);
	assert_int_equal(nth(&rn, 0)->length, 0);
	assert_int_equal(nth(&rn, 0)->line, 3); /* the body's start */
	assert_int_equal(nth(&rn, 0)->column, 1);
	lint_text(&rn, "Hi Dana,\n\nTHANK you for the talk.\n\nBest,\nSam\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);

	/* In a smaller scope the finding covers the segment. */
	lint_with(&rn, "extends: occurrence\nmessage: \"no digit\"\nscope: paragraph\ntoken: '\\d'\nmin: 1\n",
	          "Call me at 555 1234.\n\nThanks again.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "Thanks again.", "no digit", NULL);
	assert_false(nth(&rn, 0)->whole_note);
	run_free(&rn);
}

/* ------------------------------------------------------------------ */
/* repetition                                                           */

/* Docs/Vale: consecutive equal tokens; alpha; ignorecase; not across sentences. */
static void test_repetition(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\nignorecase: true\n"
	          "tokens:\n  - '[^\\s.!?]+'\n",
	          "Thanks for the the talk. I thought about that. That is why I sat sat still.\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "the the", "'the' is repeated!", NULL);
	expect(&rn, 1, "sat sat", "'sat' is repeated!", NULL);
	lint_text(&rn, "The the cat.\n");
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "The the", "'the' is repeated!", NULL);
	/* alpha: numbers are not words */
	lint_text(&rn, "Room 12 12 is free.\n");
	assert_int_equal(count(&rn), 0);
	/* a third repeat starts counting again: two findings */
	lint_text(&rn, "It is very very very good.\n");
	assert_int_equal(count(&rn), 2);
	expect(&rn, 1, "very very", NULL, NULL);
	assert_int_equal(nth(&rn, 1)->column, 12);
	run_free(&rn);

	/* case-sensitive without ignorecase; numbers count without alpha */
	lint_with(&rn, "extends: repetition\nmessage: \"'%s' twice\"\ntokens:\n  - '[^\\s.!?]+'\n",
	          "The the room 12 12.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "12 12", "'12' twice", NULL);
	run_free(&rn);
}

static void test_repetition_exceptions_and_action(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: repetition\nmessage: \"'%s' is repeated\"\nignorecase: true\n"
	          "action:\n  name: edit\n  params:\n    - truncate\n    - ' '\n"
	          "exceptions:\n  - that that\n"
	          "tokens:\n  - '[^\\s.!?]+'\n",
	          "I know that that works, and and that.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "and and", "'and' is repeated", "and");
	run_free(&rn);
}

/* ------------------------------------------------------------------ */
/* consistency                                                          */

/* Vale: once both forms have been seen, the inconsistency is reported.  fulint: every use of the later form. */
static void test_consistency(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn, "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\nignorecase: true\n"
	               "either:\n  advisor: adviser\n  toward: towards\n",
	          "My advisor agreed. The adviser, my Adviser, and the advisor met. Towards noon.\n", NULL, NULL);
	assert_int_equal(count(&rn), 2);
	expect(&rn, 0, "adviser", "Inconsistent spelling of 'adviser'.", "advisor");
	expect(&rn, 1, "Adviser", NULL, "advisor");
	/* the other order flags the other form */
	lint_text(&rn, "The adviser agreed; my advisor too.\n");
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "advisor", NULL, "adviser");
	/* one form only: consistent */
	lint_text(&rn, "The advisor and the advisor.\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);
}

/* ------------------------------------------------------------------ */
/* conditional                                                          */

/* Docs: an acronym (first, with a group) must be defined by second; exceptions skip. */
static void test_conditional(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: conditional\nmessage: \"Spell out '%s' the first time.\"\n"
	          "first: '\\b([A-Z]{3,5})\\b'\n"
	          "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n"
	          "exceptions:\n  - ABC\n",
	          "I met the World Health Organization (WHO) team. The WHO and CDC teams, and ABC.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "CDC", "Spell out 'CDC' the first time.", NULL);
	/* fulint: a definition later in the note counts too */
	lint_text(&rn, "The CDC called. Centers Disease Control (CDC) is big.\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);

	/* Vale: without a group in second, any second match satisfies every first. */
	lint_with(&rn,
	          "extends: conditional\nmessage: \"'%s': attach or link it.\"\n"
	          "first: '\\bas (?:promised|discussed)\\b'\n"
	          "second: '\\b(?:attached|link)\\b'\n",
	          "Here is my portfolio, as promised.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "as promised", "'as promised': attach or link it.", NULL);
	lint_text(&rn, "As promised, here it is, as promised: attached.\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);

	expect_error("extends: conditional\nmessage: \"'%s'\"\nfirst: '(['\nsecond: 'x'\n", 3, 8,
	             "bad regex in 'first' at offset 2: missing terminating ] for character class");
}

/* ------------------------------------------------------------------ */
/* capitalization                                                       */

/* Docs: $title (AP) - first/last word capitalized, short articles/conjunctions/prepositions not. */
static void test_capitalization_title(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: capitalization\nmessage: \"'%s' should be in title case ('%s')\"\n"
	          "scope: subject\nmatch: $title\n",
	          "Subject: thank you for the interview\n\nHi Dana,\n\nThanks for your time.\n\nBest,\nSam\n",
	          NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "thank you for the interview",
	       "'thank you for the interview' should be in title case ('Thank You for the Interview')",
	       "Thank You for the Interview");
	lint_text(&rn, "Subject: Thank You for the Interview\n\nHi Dana,\n\nThanks.\n\nBest,\nSam\n");
	assert_int_equal(count(&rn), 0);
	/* Vale: right when more than `threshold` (0.8) of the words agree: 3 of 4 is not enough... */
	lint_text(&rn, "Subject: Thank You For Everything\n\nHi Dana,\n\nThanks.\n\nBest,\nSam\n");
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "Thank You For Everything", NULL, "Thank You for Everything");
	/* ...but 6 of 7 is */
	lint_text(&rn, "Subject: Thank You For the Great Interview Today\n\nHi Dana,\n\nThanks.\n\nBest,\nSam\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);

	/* Chicago also lowers longer prepositions ("with", "about"); exceptions keep their case. */
	lint_with(&rn,
	          "extends: capitalization\nmessage: \"'%s'\"\nscope: subject\nmatch: $title\nstyle: Chicago\n"
	          "exceptions:\n  - iOS\n",
	          "Subject: Meeting With the iOS Team\n\nHi,\n\nThanks.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "Meeting With the iOS Team", NULL, "Meeting with the iOS Team");
	lint_text(&rn, "Subject: Meeting with the iOS Team\n\nHi,\n\nThanks.\n");
	assert_int_equal(count(&rn), 0);
	run_free(&rn);
}

/* Docs: $sentence, with indicators; $lower / $upper; a pattern. */
static void test_capitalization_other(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: capitalization\nmessage: \"'%s' should be in sentence case\"\n"
	          "scope: sentence\nmatch: $sentence\nindicators:\n  - ':'\n",
	          "This Is Bad Capitalization Here. This is fine, says NASA. Note: Watch this.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "This Is Bad Capitalization Here.", NULL, "This is bad capitalization here.");
	run_free(&rn);

	lint_with(&rn, "extends: capitalization\nmessage: \"'%s' must be upper case ('%s')\"\n"
	               "scope: sentence\nmatch: $upper\n",
	          "ALL GOOD HERE. Not here.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "Not here.", "'Not here.' must be upper case ('NOT HERE.')", "NOT HERE.");
	run_free(&rn);

	lint_with(&rn, "extends: capitalization\nmessage: \"'%s' must be lower case\"\n"
	               "scope: sentence\nmatch: $lower\nexceptions:\n  - '(?i)ok'\n",
	          "all good here. Not Here. OK.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "Not Here.", NULL, "not here.");
	run_free(&rn);

	/* Docs: prefix is a constant prefix ignored during case conversion. */
	lint_with(&rn, "extends: capitalization\nmessage: \"'%s' must be lower case\"\n"
	               "scope: subject\nmatch: $lower\nprefix: 'RE:'\n",
	          "Subject: RE: thanks for the talk\n\nHi Dana,\n\nThanks.\n", NULL, NULL);
	assert_int_equal(count(&rn), 0);
	lint_text(&rn, "Subject: FW: thanks for the talk\n\nHi Dana,\n\nThanks.\n");
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "FW: thanks for the talk", NULL, "fw: thanks for the talk");
	run_free(&rn);

	/* A pattern: the text must contain a match of it. */
	lint_with(&rn, "extends: capitalization\nmessage: \"'%s' should start with a capital\"\n"
	               "scope: sentence\nmatch: '^[A-Z]'\n",
	          "Fine here. not here.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "not here.", "'not here.' should start with a capital", "");
	run_free(&rn);
}

/* ------------------------------------------------------------------ */
/* metric                                                               */

static const char *thank_you_note = "Hi Dana,\n\n"
                                    "Thank you for the interview today. I enjoyed learning about the team.\n\n"
                                    "Best,\nSam\n";

/* Docs: formula over words...; fulint: by_kind, {kind} and {limit}; whole note for a body scope. */
static void test_metric_by_kind(void **state)
{
	run rn;
	const char *rule = "extends: metric\n"
	                   "message: \"This {kind} note's body has %s words; keep it under {limit}.\"\n"
	                   "scope: body\nformula: words\ncondition: '> 200'\n"
	                   "by_kind:\n  thank-you: '> 10'\n  nudge: '>= 100.5'\n";
	(void)state;
	lint_with(&rn, rule, thank_you_note, "thank-you", NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "", "This thank-you note's body has 12 words; keep it under 10.", NULL);
	assert_true(nth(&rn, 0)->whole_note);
	assert_int_equal(nth(&rn, 0)->line, 3);
	run_free(&rn);

	/* check-in: no by_kind entry, the plain condition (> 200) holds not */
	lint_with(&rn, rule, thank_you_note, "check-in", NULL);
	assert_int_equal(count(&rn), 0);
	run_free(&rn);
}

/* Vale's documented example formula; values that are not whole get two decimals. */
static void test_metric_formula(void **state)
{
	run rn;
	(void)state;
	lint_with(&rn,
	          "extends: metric\nmessage: \"%s words per sentence\"\n"
	          "formula: words / sentences\ncondition: '> 3.0'\n",
	          "One two three four. Five six seven.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "", "3.50 words per sentence", NULL);
	run_free(&rn);

	/* A paragraph scope reports each paragraph at its start, not as whole note. */
	lint_with(&rn,
	          "extends: metric\nmessage: \"%s words\"\nscope: paragraph\n"
	          "formula: words + heading.h1 * 10 + pre + list\ncondition: '>= 3'\n",
	          "One two.\n\nThree four five.\n", NULL, NULL);
	assert_int_equal(count(&rn), 1);
	expect(&rn, 0, "", "3 words", NULL);
	assert_false(nth(&rn, 0)->whole_note);
	assert_int_equal(nth(&rn, 0)->line, 3);
	run_free(&rn);

	/* Tengo's math module spelling works in formulas. */
	lint_with(&rn,
	          "extends: metric\nmessage: \"%s\"\nformula: math.sqrt(words) + abs(-1)\ncondition: '== 3.0'\n",
	          "One two three four.\n", NULL, NULL);
	expect(&rn, 0, "", "3", NULL);
	run_free(&rn);

	expect_error("extends: metric\nmessage: \"%s\"\nformula: words / sentence\ncondition: '> 1'\n", 3, 10,
	             "bad 'formula' at offset 8: unknown variable 'sentence'");
	expect_error("extends: metric\nmessage: \"%s\"\nformula: words\ncondition: '>> 1'\n", 4, 12,
	             "bad 'condition' at offset 1: unexpected '>' (write it as in Vale, e.g. '> 8.0')");
}

/* fl_metrics: the per-word counts behind the variables. */
static void test_metrics_words(void **state)
{
	fl_metrics m;
	(void)state;
	memset(&m, 0, sizeof(m));
	fl_metrics_add_word(&m, "organization", 12);
	fl_metrics_add_word(&m, "it's", 4);
	fl_metrics_add_word(&m, "r\xC3\xA9sum\xC3\xA9", 8);
	assert_true(m.words == 3);
	/* letters and digits only: 12 + 3 + 6 */
	assert_true(m.characters == 21);
	/* more than six characters: "organization" only */
	assert_true(m.long_words == 1);
	assert_true(m.polysyllabic_words >= 1 && m.complex_words <= m.polysyllabic_words);
	assert_int_equal(fl_metrics_grade_parse(&(fl_grade){ FL_GRADE_SMOG }, "SMOG"), 0);
	assert_int_equal(fl_metrics_grade_parse(&(fl_grade){ FL_GRADE_SMOG }, "Flesch Kincaid"), FULINT_ERR_USAGE);
	assert_string_equal(fl_metrics_grade_name(FL_GRADE_COLEMAN_LIAU), "Coleman-Liau");
	memset(&m, 0, sizeof(m));
	assert_true(fl_metrics_grade(&m, FL_GRADE_SMOG) == 0); /* no words: no division by zero */
}

/* ------------------------------------------------------------------ */
/* readability                                                          */

/* Vale: the average of the named grades; fires above `grade`; %s with two decimals. */
static void test_readability(void **state)
{
	run rn;
	const char *easy = "Cat sat. Dog ran.\n";
	const char *hard = "Organizational communication necessitates extraordinary understanding. "
	                   "Institutional documentation requires considerable deliberation.\n";
	fl_text t;
	fl_metrics m;
	char want[64], msg[128];
	double fk, ari;
	(void)state;

	/* By hand: 4 words, 2 sentences, 4 syllables, 12 letters. */
	assert_int_equal(fl_text_build(&t, easy, strlen(easy), NULL), 0);
	fl_metrics_compute(&m, &t, 0, t.len);
	fl_text_dispose(&t);
	assert_true(m.words == 4 && m.sentences == 2 && m.syllables == 4 && m.characters == 12);
	/* FK = 0.39*2 + 11.8*1 - 15.59 = -3.01; ARI = 4.71*3 + 0.5*2 - 21.43 = -6.30 */
	assert_true(fabs(fl_metrics_grade(&m, FL_GRADE_FLESCH_KINCAID) - -3.01) < 1e-9);
	assert_true(fabs(fl_metrics_grade(&m, FL_GRADE_AUTOMATED_READABILITY) - -6.30) < 1e-9);
	lint_with(&rn, "extends: readability\nmessage: \"Grade %s\"\nmetrics:\n  - Flesch-Kincaid\ngrade: 0\n", easy,
	          NULL, NULL);
	assert_int_equal(count(&rn), 0);
	run_free(&rn);

	/* Long words: the expectation from the model's counts and the standard formulas. */
	assert_int_equal(fl_text_build(&t, hard, strlen(hard), NULL), 0);
	fl_metrics_compute(&m, &t, 0, t.len);
	fl_text_dispose(&t);
	assert_true(m.words == 10 && m.sentences == 2);
	fk = 0.39 * (m.words / m.sentences) + 11.8 * (m.syllables / m.words) - 15.59;
	ari = 4.71 * (m.characters / m.words) + 0.5 * (m.words / m.sentences) - 21.43;
	assert_true(fk > 12 && ari > 12);
	snprintf(want, sizeof(want), "%.2f", (fk + ari) / 2);
	lint_with(&rn,
	          "extends: readability\nmessage: \"Grade %s is too high.\"\n"
	          "metrics:\n  - Flesch-Kincaid\n  - Automated Readability\ngrade: 12\n",
	          hard, NULL, NULL);
	assert_int_equal(count(&rn), 1);
	snprintf(msg, sizeof(msg), "Grade %s is too high.", want);
	expect(&rn, 0, "", msg, NULL);
	assert_true(nth(&rn, 0)->whole_note);
	run_free(&rn);

	/* Vale divides by the number of entries: a name twice counts once but divides twice. */
	snprintf(want, sizeof(want), "Grade %.2f", fk / 2);
	lint_with(&rn,
	          "extends: readability\nmessage: \"Grade %s\"\nmetrics:\n  - Flesch-Kincaid\n  - Flesch-Kincaid\n"
	          "grade: 1\n",
	          hard, NULL, NULL);
	expect(&rn, 0, "", want, NULL);
	run_free(&rn);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_existence_tokens_ignorecase),
		cmocka_unit_test(test_existence_nonword),
		cmocka_unit_test(test_existence_exceptions),
		cmocka_unit_test(test_existence_raw),
		cmocka_unit_test(test_existence_actions),
		cmocka_unit_test(test_existence_vocab),
		cmocka_unit_test(test_existence_bad_regex),
		cmocka_unit_test(test_badrules_regex_fixture),
		cmocka_unit_test(test_catastrophic_regex),
		cmocka_unit_test(test_substitution_basic),
		cmocka_unit_test(test_substitution_replace_several),
		cmocka_unit_test(test_substitution_same_form),
		cmocka_unit_test(test_substitution_capitalize),
		cmocka_unit_test(test_substitution_nonword_and_groups),
		cmocka_unit_test(test_substitution_exceptions_and_errors),
		cmocka_unit_test(test_occurrence_max),
		cmocka_unit_test(test_occurrence_min),
		cmocka_unit_test(test_repetition),
		cmocka_unit_test(test_repetition_exceptions_and_action),
		cmocka_unit_test(test_consistency),
		cmocka_unit_test(test_conditional),
		cmocka_unit_test(test_capitalization_title),
		cmocka_unit_test(test_capitalization_other),
		cmocka_unit_test(test_metric_by_kind),
		cmocka_unit_test(test_metric_formula),
		cmocka_unit_test(test_metrics_words),
		cmocka_unit_test(test_readability),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
