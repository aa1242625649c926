/*
 * test_config.c - fulint_config: defaults, every setter, the YAML loader
 * (every key, relative paths, all-or-nothing loading), file errors, the
 * broken configuration files of tests/data/badconfig/, and the small
 * fulint.h helpers (fulint_error_format, fulint_level_name/parse).
 *
 * Fixture convention: tests/data/badconfig/<Name>.yml is loaded with
 * fulint_config_load_string(cfg, "<Name>.yml", ...) and must fail with
 * FULINT_ERR_CONFIG; <Name>.expect holds the exact fulint_error_format()
 * line (its line:column is checked against err.line/err.column too).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl_config.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif
#define BADCONFIG FULINT_SOURCE_DIR "/tests/data/badconfig"

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf != NULL) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

static int load(fulint_config *cfg, const char *text, fulint_error *err)
{
	memset(err, 0, sizeof(*err));
	return fulint_config_load_string(cfg, "fulint.yml", "/conf", text, strlen(text), err);
}

static void expect_fail(const char *text, const char *line)
{
	fulint_config *cfg;
	fulint_error err;
	char buf[2200];
	int rc;
	assert_int_equal(fulint_config_new(&cfg), 0);
	rc = load(cfg, text, &err);
	fulint_error_format(&err, buf, sizeof(buf));
	if (rc == 0 || strcmp(buf, line) != 0)
		print_error("config:\n%s\ngot:  %s\nwant: %s\n", text, buf, line);
	assert_int_equal(rc, FULINT_ERR_CONFIG);
	assert_int_equal(err.code, FULINT_ERR_CONFIG);
	assert_string_equal(buf, line);
	fulint_config_free(cfg);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- fixtures ---- */

static void test_badconfig_fixtures(void **state)
{
	static const char *const required[] = {
		"UnknownKey.yml", "BadLevel.yml",  "RuleValue.yml",   "StylesNotList.yml",
		"BadKind.yml",    "AliasBomb.yml", "SyntaxError.yml", "VocabType.yml",
	};
	DIR *d = opendir(BADCONFIG);
	struct dirent *e;
	char *names[256];
	size_t n = 0, i, j, failures = 0;
	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL && n < 256) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".yml") == 0) {
			names[n] = strdup(e->d_name);
			assert_non_null(names[n]);
			n++;
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	assert_true(n >= 8);
	for (i = 0; i < FL_ARRAY_LEN(required); i++) {
		bool found = false;
		for (j = 0; j < n; j++)
			found = found || strcmp(names[j], required[i]) == 0;
		if (!found)
			print_error("missing fixture %s\n", required[i]);
		assert_true(found);
	}
	for (i = 0; i < n; i++) {
		char path[600], expect_path[600], got[2200];
		char *data, *expect, *nl;
		size_t len, elen, nlen = strlen(names[i]);
		unsigned line = 0, col = 0;
		fulint_config *cfg;
		fulint_error err;
		int rc;

		snprintf(path, sizeof(path), "%s/%s", BADCONFIG, names[i]);
		snprintf(expect_path, sizeof(expect_path), "%s/%.*s.expect", BADCONFIG, (int)(nlen - 4), names[i]);
		data = read_all(path, &len);
		expect = read_all(expect_path, &elen);
		if (expect == NULL)
			print_error("no .expect for %s\n", names[i]);
		assert_non_null(data);
		assert_non_null(expect);
		nl = strchr(expect, '\n');
		if (nl != NULL)
			*nl = '\0';
		if (strncmp(expect, names[i], nlen) == 0 && expect[nlen] == ':')
			sscanf(expect + nlen + 1, "%u:%u:", &line, &col);

		assert_int_equal(fulint_config_new(&cfg), 0);
		memset(&err, 0, sizeof(err));
		rc = fulint_config_load_string(cfg, names[i], BADCONFIG, data, len, &err);
		fulint_error_format(&err, got, sizeof(got));
		if (rc != FULINT_ERR_CONFIG || err.code != FULINT_ERR_CONFIG || strcmp(got, expect) != 0 ||
		    err.line != line || err.column != col) {
			print_error("%s:\n  got  (%d) %s\n  want      %s\n", names[i], rc, got, expect);
			failures++;
		}
		/* a failed load changes nothing */
		assert_int_equal(cfg->n_rules, 0);
		assert_false(cfg->styles_set);
		assert_int_equal(cfg->accept.n, 0);
		assert_int_equal(cfg->min_level, FULINT_SUGGESTION);
		fulint_config_free(cfg);
		free(data);
		free(expect);
		free(names[i]);
	}
	assert_int_equal(failures, 0);
}

/* ---- defaults and setters ---- */

static void test_defaults(void **state)
{
	fulint_config *cfg = NULL;
	(void)state;
	assert_int_equal(fulint_config_new(&cfg), 0);
	assert_non_null(cfg);
	assert_int_equal(fulint_config_min_level(cfg), FULINT_SUGGESTION);
	assert_int_equal(fulint_config_fail_level(cfg), FULINT_ERROR);
	assert_string_equal(fulint_config_dictionary(cfg), "en_US");
	assert_null(fulint_config_personal_dictionary(cfg));
	assert_string_equal(cfg->note_kind, "auto");
	assert_string_equal(cfg->input, "auto");
	assert_false(cfg->styles_set);
	assert_false(cfg->lint_quoted);
	assert_null(cfg->cache_dir);
	assert_int_equal(cfg->n_rules, 0);
	assert_null(fl_config_rule(cfg, "FollowUp.Length"));
	fulint_config_free(cfg);
	fulint_config_free(NULL);
	assert_int_equal(fulint_config_new(NULL), FULINT_ERR_USAGE);
}

static void test_setters(void **state)
{
	fulint_config *cfg;
	const fl_rule_setting *s;
	(void)state;
	assert_int_equal(fulint_config_new(&cfg), 0);

	assert_int_equal(fulint_config_set_rule(cfg, "FollowUp.Exclamation", "off"), 0);
	assert_int_equal(fulint_config_set_rule(cfg, "FollowUp.Length", "error"), 0);
	assert_int_equal(fulint_config_set_rule(cfg, "Extra.Thing", "on"), 0);
	assert_int_equal(fulint_config_set_rule(cfg, "FollowUp.Exclamation", "warning"), 0); /* later wins */
	assert_int_equal(fulint_config_set_rule(cfg, "FollowUp.Length", "fatal"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule(cfg, "Length", "off"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule(cfg, "FollowUp.", "off"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule(cfg, ".Length", "off"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule(cfg, "A.B.C", "off"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule(cfg, "Follow Up.Length", "off"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule(cfg, NULL, "off"), FULINT_ERR_USAGE);
	assert_int_equal(cfg->n_rules, 3);
	s = fl_config_rule(cfg, "FollowUp.Exclamation");
	assert_non_null(s);
	assert_int_equal(s->state, FL_RULE_LEVEL);
	assert_int_equal(s->level, FULINT_WARNING);
	assert_int_equal(fl_config_rule(cfg, "FollowUp.Length")->level, FULINT_ERROR);
	assert_int_equal(fl_config_rule(cfg, "Extra.Thing")->state, FL_RULE_ON);

	assert_int_equal(fulint_config_set_rule_key(cfg, "FollowUp.Length", "max", "150"), 0);
	assert_int_equal(fulint_config_set_rule_key(cfg, "FollowUp.Length", "max", "175"), 0);
	assert_int_equal(fulint_config_set_rule_key(cfg, "FollowUp.Length", "level", "suggestion"), 0);
	assert_int_equal(fulint_config_set_rule_key(cfg, "FollowUp.Length", "level", "loud"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule_key(cfg, "FollowUp.Length", "", "1"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_set_rule_key(cfg, "Length", "max", "1"), FULINT_ERR_USAGE);
	s = fl_config_rule(cfg, "FollowUp.Length");
	assert_int_equal(s->n_keys, 1);
	assert_string_equal(s->keys[0].key, "max");
	assert_string_equal(s->keys[0].value, "175");
	assert_string_equal(s->keys[0].where, "--rule");
	assert_int_equal(s->state, FL_RULE_LEVEL);
	assert_int_equal(s->level, FULINT_SUGGESTION);

	assert_int_equal(fulint_config_set_styles(cfg, " FollowUp , Extra,FollowUp"), 0);
	assert_true(cfg->styles_set);
	assert_int_equal(cfg->styles.n, 2);
	assert_string_equal(cfg->styles.v[1].s, "Extra");
	assert_int_equal(fulint_config_set_styles(cfg, "Bad/Style"), FULINT_ERR_USAGE);
	assert_int_equal(cfg->styles.n, 2);
	assert_int_equal(fulint_config_set_styles(cfg, ""), 0);
	assert_int_equal(cfg->styles.n, 0);
	assert_true(cfg->styles_set);
	assert_int_equal(fulint_config_set_styles(cfg, "*"), 0);
	assert_int_equal(cfg->styles.n, 1);

	assert_int_equal(fulint_config_add_styles_path(cfg, "styles"), 0);
	assert_int_equal(fulint_config_add_styles_path(cfg, ""), FULINT_ERR_USAGE);
	assert_int_equal(cfg->styles_paths.n, 1);

	assert_int_equal(fulint_config_set_min_level(cfg, FULINT_WARNING), 0);
	assert_int_equal(fulint_config_set_fail_level(cfg, FULINT_WARNING), 0);
	assert_int_equal(fulint_config_set_min_level(cfg, (fulint_level)7), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_min_level(cfg), FULINT_WARNING);
	assert_int_equal(fulint_config_fail_level(cfg), FULINT_WARNING);

	assert_int_equal(fulint_config_add_accept(cfg, "Acme"), 0);
	assert_int_equal(fulint_config_add_reject(cfg, "synergy"), 0);
	assert_int_equal(fulint_config_add_accept(cfg, ""), FULINT_ERR_USAGE);
	assert_string_equal(cfg->accept.v[0].s, "Acme");
	assert_string_equal(cfg->reject.v[0].s, "synergy");

	assert_int_equal(fulint_config_set_dictionary(cfg, "en_GB"), 0);
	assert_string_equal(fulint_config_dictionary(cfg), "en_GB");
	assert_int_equal(fulint_config_set_dictionary(cfg, ""), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_add_dictionary_dir(cfg, "/usr/share/hunspell"), 0);
	assert_int_equal(fulint_config_add_wordlist_dir(cfg, "dictionaries"), 0);
	assert_int_equal(cfg->dictionary_dirs.n, 1);
	assert_int_equal(cfg->wordlist_dirs.n, 1);
	assert_int_equal(fulint_config_set_personal_dictionary(cfg, "words.txt"), 0);
	assert_string_equal(fulint_config_personal_dictionary(cfg), "words.txt");
	assert_int_equal(fulint_config_set_personal_dictionary(cfg, NULL), 0);
	assert_null(fulint_config_personal_dictionary(cfg));
	assert_int_equal(fulint_config_set_cache_dir(cfg, "/tmp/cache"), 0);
	assert_string_equal(cfg->cache_dir, "/tmp/cache");

	assert_int_equal(fulint_config_set_note_kind(cfg, "check-in"), 0);
	assert_string_equal(cfg->note_kind, "check-in");
	assert_int_equal(fulint_config_set_note_kind(cfg, "thankyou"), FULINT_ERR_USAGE);
	assert_string_equal(cfg->note_kind, "check-in");
	assert_int_equal(fulint_config_set_input(cfg, "email"), 0);
	assert_int_equal(fulint_config_set_input(cfg, "html"), FULINT_ERR_USAGE);
	assert_string_equal(cfg->input, "email");
	assert_int_equal(fulint_config_set_lint_quoted(cfg, 5), 0);
	assert_true(cfg->lint_quoted);
	fulint_config_free(cfg);
}

/* ---- the loader ---- */

static void test_load_every_key(void **state)
{
	fulint_config *cfg;
	fulint_error err;
	const fl_rule_setting *s;
	(void)state;
	assert_int_equal(fulint_config_new(&cfg), 0);
	assert_int_equal(load(cfg,
	                      "# fulint configuration\n"
	                      "styles_path: [styles, /abs/styles]\n"
	                      "styles: [FollowUp, Extra]\n"
	                      "rules:\n"
	                      "  FollowUp.Exclamation: off\n"
	                      "  FollowUp.Hedging: suggestion\n"
	                      "  Extra.Thing: on\n"
	                      "  FollowUp.Length:\n"
	                      "    max: 150\n"
	                      "    level: error\n"
	                      "    message: 'Too long: %s words'\n"
	                      "min_level: warning\n"
	                      "fail_level: warning\n"
	                      "vocab:\n"
	                      "  accept: [Acme, Globex]\n"
	                      "  reject: synergy\n"
	                      "dictionary: en_GB\n"
	                      "personal_dictionary: words.txt\n"
	                      "kind: thank-you\n"
	                      "input: email\n"
	                      "lint_quoted: yes\n",
	                      &err),
	                 0);
	assert_int_equal(cfg->styles_paths.n, 2);
	assert_string_equal(cfg->styles_paths.v[0].s, "/conf/styles");
	assert_string_equal(cfg->styles_paths.v[1].s, "/abs/styles");
	assert_true(cfg->styles_set);
	assert_int_equal(cfg->styles.n, 2);
	assert_int_equal(cfg->styles.v[1].line, 3);
	assert_int_equal(cfg->styles.v[1].column, 20);
	assert_int_equal(cfg->n_rules, 4);
	assert_int_equal(fl_config_rule(cfg, "FollowUp.Exclamation")->state, FL_RULE_OFF);
	assert_int_equal(fl_config_rule(cfg, "FollowUp.Hedging")->state, FL_RULE_LEVEL);
	assert_int_equal(fl_config_rule(cfg, "FollowUp.Hedging")->level, FULINT_SUGGESTION);
	assert_int_equal(fl_config_rule(cfg, "Extra.Thing")->state, FL_RULE_ON);
	s = fl_config_rule(cfg, "FollowUp.Length");
	assert_int_equal(s->state, FL_RULE_LEVEL);
	assert_int_equal(s->level, FULINT_ERROR);
	assert_int_equal(s->n_keys, 2);
	assert_string_equal(s->keys[0].key, "max");
	assert_string_equal(s->keys[0].value, "150");
	assert_string_equal(s->keys[0].where, "fulint.yml");
	assert_int_equal(s->keys[0].line, 9);
	assert_int_equal(s->keys[0].column, 10);
	assert_string_equal(s->keys[1].value, "Too long: %s words");
	assert_int_equal(cfg->min_level, FULINT_WARNING);
	assert_int_equal(cfg->fail_level, FULINT_WARNING);
	assert_int_equal(cfg->accept.n, 2);
	assert_string_equal(cfg->accept.v[1].s, "Globex");
	assert_int_equal(cfg->reject.n, 1);
	assert_string_equal(cfg->dictionary, "en_GB");
	assert_string_equal(cfg->personal_dictionary, "/conf/words.txt");
	assert_string_equal(cfg->note_kind, "thank-you");
	assert_string_equal(cfg->input, "email");
	assert_true(cfg->lint_quoted);
	fulint_config_free(cfg);
}

static void test_load_merges_and_styles_forms(void **state)
{
	fulint_config *cfg;
	fulint_error err;
	(void)state;
	assert_int_equal(fulint_config_new(&cfg), 0);
	assert_int_equal(fulint_config_set_rule(cfg, "FollowUp.Length", "off"), 0);
	assert_int_equal(load(cfg, "styles: 'FollowUp, Extra'\nrules:\n  FollowUp.Length: {max: 10}\n", &err), 0);
	assert_int_equal(cfg->styles.n, 2);
	assert_string_equal(cfg->styles.v[1].s, "Extra");
	/* a key override keeps the earlier state */
	assert_int_equal(fl_config_rule(cfg, "FollowUp.Length")->state, FL_RULE_OFF);
	assert_int_equal(fl_config_rule(cfg, "FollowUp.Length")->n_keys, 1);
	/* a second file: later wins, lists of paths and words grow */
	assert_int_equal(load(cfg, "styles: []\nrules: {FollowUp.Length: {max: 20}}\nvocab: {accept: Acme}\n", &err), 0);
	assert_true(cfg->styles_set);
	assert_int_equal(cfg->styles.n, 0);
	assert_string_equal(fl_config_rule(cfg, "FollowUp.Length")->keys[0].value, "20");
	assert_int_equal(load(cfg, "vocab: {accept: [Globex]}\nstyles:\n", &err), 0);
	assert_int_equal(cfg->accept.n, 2);
	assert_int_equal(cfg->styles.n, 0);
	/* an empty file changes nothing */
	assert_int_equal(load(cfg, "", &err), 0);
	assert_int_equal(load(cfg, "# nothing\n", &err), 0);
	assert_int_equal(cfg->accept.n, 2);
	/* no base folder: relative paths stay as written */
	{
		static const char text[] = "styles_path: s\npersonal_dictionary: w.txt\n";
		assert_int_equal(fulint_config_load_string(cfg, "x.yml", NULL, text, sizeof(text) - 1, &err), 0);
	}
	assert_string_equal(cfg->styles_paths.v[cfg->styles_paths.n - 1].s, "s");
	assert_string_equal(cfg->personal_dictionary, "w.txt");
	fulint_config_free(cfg);
}

static void test_load_is_all_or_nothing(void **state)
{
	fulint_config *cfg;
	fulint_error err;
	(void)state;
	assert_int_equal(fulint_config_new(&cfg), 0);
	assert_int_equal(load(cfg, "styles: [FollowUp]\nmin_level: warning\nvocab: {accept: [Acme]}\n", &err), 0);
	/* good keys first, a bad one last: nothing of this file is applied */
	assert_int_equal(load(cfg,
	                      "styles: [Other]\nmin_level: error\nvocab: {accept: [Globex]}\n"
	                      "rules: {FollowUp.Length: off}\nkind: sometimes\n",
	                      &err),
	                 FULINT_ERR_CONFIG);
	assert_int_equal(cfg->styles.n, 1);
	assert_string_equal(cfg->styles.v[0].s, "FollowUp");
	assert_int_equal(cfg->min_level, FULINT_WARNING);
	assert_int_equal(cfg->accept.n, 1);
	assert_int_equal(cfg->n_rules, 0);
	assert_string_equal(cfg->note_kind, "auto");
	fulint_config_free(cfg);
}

static void test_load_errors(void **state)
{
	(void)state;
	expect_fail("- styles\n",
	            "fulint.yml:1:1: a configuration file must be a mapping of keys such as 'styles' and 'rules', got a list");
	expect_fail("rules: [FollowUp.Length]\n",
	            "fulint.yml:1:8: 'rules' must be a mapping of rule id: off|on|suggestion|warning|error (or key overrides), got a list");
	expect_fail("rules:\n  FollowUp.Length:\n",
	            "fulint.yml:2:19: 'rules.FollowUp.Length' must be off, on, suggestion, warning or error, or a mapping of keys to override, got an empty value");
	expect_fail("rules:\n  FollowUp.Length: {level: loud}\n",
	            "fulint.yml:2:28: 'rules.FollowUp.Length.level' must be off, on, suggestion, warning or error, got 'loud'");
	expect_fail("styles: [Follow/Up]\n",
	            "fulint.yml:1:10: 'styles' entries must be style names such as FollowUp, got 'Follow/Up'");
	expect_fail("styles: 'FollowUp, a b'\n",
	            "fulint.yml:1:9: 'styles' entries must be style names such as FollowUp, got 'a b'");
	expect_fail("styles_path: {a: b}\n", "fulint.yml:1:14: 'styles_path' must be a list of strings, got a mapping");
	expect_fail("styles_path: ['']\n", "fulint.yml:1:15: 'styles_path' entries must not be empty");
	expect_fail("dictionary: [en_US]\n", "fulint.yml:1:13: 'dictionary' must be a string, got a list");
	expect_fail("dictionary: ''\n", "fulint.yml:1:13: 'dictionary' must not be empty");
	expect_fail("personal_dictionary:\n", "fulint.yml:1:21: 'personal_dictionary' must be a string, got an empty value");
	expect_fail("vocab: {accept: [[Acme]]}\n",
	            "fulint.yml:1:18: 'vocab.accept' must be a list of strings, but item 1 is a list");
	expect_fail("vocab: {reject: ['']}\n", "fulint.yml:1:18: 'vocab.reject' entries must not be empty");
	expect_fail("vocab: {other: [x]}\n", "fulint.yml:1:9: unknown key 'other' in 'vocab' (expected accept or reject)");
	expect_fail("fail_level: [error]\n",
	            "fulint.yml:1:13: 'fail_level' must be suggestion, warning or error, got a list");
	expect_fail("frobnicate: 1\n",
	            "fulint.yml:1:1: unknown key 'frobnicate' (expected styles_path, styles, rules, min_level, fail_level, "
	            "vocab, dictionary, personal_dictionary, kind, input or lint_quoted)");
	expect_fail("lint-quoted: true\n", "fulint.yml:1:1: unknown key 'lint-quoted' (did you mean 'lint_quoted'?)");
	expect_fail("lint_quoted: [true]\n", "fulint.yml:1:14: 'lint_quoted' must be true or false, got a list");
}

static void test_load_file(void **state)
{
	char dir[] = "/tmp/fulint_cfgXXXXXX";
	char path[300], sub[300], rel[400], cwd[1024];
	fulint_config *cfg;
	fulint_error err;
	FILE *f;
	char *big;
	size_t big_len = (size_t)1 << 20;
	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(fulint_config_new(&cfg), 0);

	/* missing */
	snprintf(path, sizeof(path), "%s/missing.yml", dir);
	assert_int_equal(fulint_config_load_file(cfg, path, &err), FULINT_ERR_IO);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.message, "cannot open the configuration file"));

	/* a directory */
	assert_int_equal(fulint_config_load_file(cfg, dir, &err), FULINT_ERR_IO);
	assert_string_equal(err.file, dir);
	assert_string_equal(err.message, "is a directory, not a configuration file");

	/* a good file: relative paths are taken from its folder */
	snprintf(path, sizeof(path), "%s/fulint.yml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("styles_path: styles\npersonal_dictionary: ../words.txt\nmin_level: error\n", f);
	fclose(f);
	assert_int_equal(fulint_config_load_file(cfg, path, &err), 0);
	snprintf(sub, sizeof(sub), "%s/styles", dir);
	assert_string_equal(cfg->styles_paths.v[0].s, sub);
	snprintf(sub, sizeof(sub), "%s/../words.txt", dir);
	assert_string_equal(cfg->personal_dictionary, sub);
	assert_int_equal(cfg->min_level, FULINT_ERROR);

	/* a file named without a folder: paths stay relative to the cwd */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(fulint_config_load_file(cfg, "fulint.yml", &err), 0);
	assert_string_equal(cfg->styles_paths.v[1].s, "styles");
	assert_int_equal(chdir(cwd), 0);

	/* an error inside a file names the file */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("min_level: loud\n", f);
	fclose(f);
	assert_int_equal(fulint_config_load_file(cfg, path, &err), FULINT_ERR_CONFIG);
	snprintf(rel, sizeof(rel), "%s:1:12: 'min_level' must be suggestion, warning or error, got 'loud'", path);
	{
		char buf[2200];
		assert_string_equal(fulint_error_format(&err, buf, sizeof(buf)), rel);
	}
	assert_int_equal(cfg->min_level, FULINT_ERROR);

	/* too large: 1 MiB + 1 */
	big = malloc(big_len + 1);
	assert_non_null(big);
	memset(big, '#', big_len + 1);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(big, 1, big_len + 1, f), big_len + 1);
	fclose(f);
	assert_int_equal(fulint_config_load_file(cfg, path, &err), FULINT_ERR_CONFIG);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.message, "too large"));
	/* exactly 1 MiB of comments is fine */
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(big, 1, big_len, f), big_len);
	fclose(f);
	assert_int_equal(fulint_config_load_file(cfg, path, &err), 0);
	free(big);

	/* unreadable (root reads everything, so only checked for others) */
	if (geteuid() != 0) {
		assert_int_equal(chmod(path, 0), 0);
		assert_int_equal(fulint_config_load_file(cfg, path, &err), FULINT_ERR_IO);
		assert_non_null(strstr(err.message, "Permission denied"));
	}
	assert_int_equal(fulint_config_load_file(cfg, "", &err), FULINT_ERR_USAGE);
	assert_int_equal(fulint_config_load_file(NULL, path, &err), FULINT_ERR_USAGE);

	unlink(path);
	rmdir(dir);
	fulint_config_free(cfg);
}

/* ---- fulint.h helpers ---- */

static void test_error_format(void **state)
{
	fulint_error err;
	char buf[64], small[8];
	(void)state;
	memset(&err, 0, sizeof(err));
	snprintf(err.file, sizeof(err.file), "a.yml");
	snprintf(err.message, sizeof(err.message), "bad thing");
	err.line = 3;
	err.column = 7;
	assert_string_equal(fulint_error_format(&err, buf, sizeof(buf)), "a.yml:3:7: bad thing");
	err.column = 0;
	assert_string_equal(fulint_error_format(&err, buf, sizeof(buf)), "a.yml:3: bad thing");
	err.line = 0;
	assert_string_equal(fulint_error_format(&err, buf, sizeof(buf)), "a.yml: bad thing");
	err.file[0] = '\0';
	assert_string_equal(fulint_error_format(&err, buf, sizeof(buf)), "bad thing");
	err.line = 2;
	err.column = 1;
	assert_string_equal(fulint_error_format(&err, buf, sizeof(buf)), "2:1: bad thing");
	/* truncated, still terminated */
	snprintf(err.file, sizeof(err.file), "a-long-file-name.yml");
	assert_true(fulint_error_format(&err, small, sizeof(small)) == small);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	assert_int_equal(strncmp(small, "a-long-", 7), 0);
	assert_string_equal(fulint_error_format(NULL, buf, sizeof(buf)), "");
	assert_null(fulint_error_format(&err, NULL, 10));
}

static void test_levels(void **state)
{
	fulint_level l = FULINT_ERROR;
	(void)state;
	assert_string_equal(fulint_level_name(FULINT_SUGGESTION), "suggestion");
	assert_string_equal(fulint_level_name(FULINT_WARNING), "warning");
	assert_string_equal(fulint_level_name(FULINT_ERROR), "error");
	assert_string_equal(fulint_level_name((fulint_level)9), "unknown");
	assert_int_equal(fulint_level_parse(&l, "suggestion"), 0);
	assert_int_equal(l, FULINT_SUGGESTION);
	assert_int_equal(fulint_level_parse(&l, "warning"), 0);
	assert_int_equal(l, FULINT_WARNING);
	assert_int_equal(fulint_level_parse(&l, "Error"), FULINT_ERR_USAGE);
	assert_int_equal(l, FULINT_WARNING);
	assert_int_equal(fulint_level_parse(&l, NULL), FULINT_ERR_USAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_badconfig_fixtures),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_setters),
		cmocka_unit_test(test_load_every_key),
		cmocka_unit_test(test_load_merges_and_styles_forms),
		cmocka_unit_test(test_load_is_all_or_nothing),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_error_format),
		cmocka_unit_test(test_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
