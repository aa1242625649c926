/*
 * test_ruledef.c - rule files to fl_ruledef: every kind's keys, defaults,
 * overrides, and the broken rule files of tests/data/badrules/.
 *
 * Fixture convention: tests/data/badrules/<Style>/<Rule>.yml is a broken
 * rule file and <Style>/<Rule>.expect the exact line fulint_error_format()
 * prints for it.  The path given to fl_ruledef_parse (and so printed) is
 * relative to tests/data/badrules, e.g. "Bad/UnknownKey.yml", and the rule id
 * is "<Style>.<Rule>".  Every file in Bad/ must fail with FULINT_ERR_RULE at
 * the line and column of its .expect; Regex/ holds rule files that parse but
 * whose pattern the kind's compiler rejects (its .expect is checked there;
 * here only the token's position is).
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

#include "fl_rule.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif
#define BADRULES FULINT_SOURCE_DIR "/tests/data/badrules"

/* ---- helpers ---- */

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		size_t got;
		if (n == cap) {
			char *p;
			cap = cap ? cap * 2 : 4096;
			p = realloc(buf, cap + 1);
			if (p == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int parse(fl_ruledef *def, const char *text, fulint_error *err)
{
	memset(def, 0, sizeof(*def));
	memset(err, 0, sizeof(*err));
	return fl_ruledef_parse(def, "Test.Rule", "Test/Rule.yml", text, strlen(text), err);
}

/* Parse text that must fail; check the whole formatted line. */
static void expect_fail(const char *text, const char *line)
{
	fl_ruledef def;
	fulint_error err;
	char buf[2200];
	int rc = parse(&def, text, &err);
	fulint_error_format(&err, buf, sizeof(buf));
	if (rc == 0 || strcmp(buf, line) != 0)
		print_error("rule:\n%s\ngot:  %s\nwant: %s\n", text, buf, line);
	assert_int_equal(rc, FULINT_ERR_RULE);
	assert_int_equal(err.code, FULINT_ERR_RULE);
	assert_string_equal(buf, line);
	assert_null(def.id); /* disposed on error */
	if (rc == 0)
		fl_ruledef_dispose(&def);
}

/* Parse the expected "path:line:col:" of an .expect line (0 when absent). */
static void expect_position(const char *line, const char *path, unsigned *l, unsigned *c)
{
	size_t plen = strlen(path);
	*l = *c = 0;
	if (strncmp(line, path, plen) == 0 && line[plen] == ':')
		sscanf(line + plen + 1, "%u:%u:", l, c);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the *.yml files of a folder, sorted. */
static size_t list_yml(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".yml") == 0) {
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				names = realloc(names, cap * sizeof(*names));
				assert_non_null(names);
			}
			names[n] = strdup(e->d_name);
			assert_non_null(names[n]);
			n++;
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	*out = names;
	return n;
}

/* ---- the broken rule files ---- */

static void test_badrules_fixtures(void **state)
{
	static const char *const required[] = {
		"SyntaxError",   "TabIndent",    "UnknownKey",    "MisspeltKey", "WrongType",
		"BadLevel",      "MissingExtends", "UnknownExtends", "NonNumericMax", "Empty",
		"ListDocument",  "AliasBomb",    "Anchor",        "TooDeep",     "DuplicateKey",
		"MultiDoc",      "InvalidUtf8",  "NulByte",       "SwapList",    "ExampleNotString",
	};
	char **names;
	size_t n = list_yml(BADRULES "/Bad", &names), i, j, failures = 0;
	(void)state;
	assert_true(n >= 18);
	for (i = 0; i < FL_ARRAY_LEN(required); i++) {
		bool found = false;
		for (j = 0; j < n; j++) {
			size_t l = strlen(required[i]);
			found = found || (strncmp(names[j], required[i], l) == 0 && strcmp(names[j] + l, ".yml") == 0);
		}
		if (!found)
			print_error("missing fixture Bad/%s.yml\n", required[i]);
		assert_true(found);
	}
	for (i = 0; i < n; i++) {
		char path[600], expect_path[600], rel[300], id[300], got[2200];
		char *data, *expect, *nl;
		size_t len, elen, base = strlen(names[i]) - 4;
		unsigned line, col;
		fl_ruledef def;
		fulint_error err;
		int rc;

		snprintf(path, sizeof(path), "%s/Bad/%s", BADRULES, names[i]);
		snprintf(expect_path, sizeof(expect_path), "%s/Bad/%.*s.expect", BADRULES, (int)base, names[i]);
		snprintf(rel, sizeof(rel), "Bad/%s", names[i]);
		snprintf(id, sizeof(id), "Bad.%.*s", (int)base, names[i]);
		data = read_all(path, &len);
		expect = read_all(expect_path, &elen);
		if (expect == NULL)
			print_error("no .expect for %s\n", rel);
		assert_non_null(data);
		assert_non_null(expect);
		nl = strchr(expect, '\n');
		if (nl != NULL)
			*nl = '\0';

		memset(&def, 0, sizeof(def));
		memset(&err, 0, sizeof(err));
		rc = fl_ruledef_parse(&def, id, rel, data, len, &err);
		fulint_error_format(&err, got, sizeof(got));
		expect_position(expect, rel, &line, &col);
		if (rc != FULINT_ERR_RULE || err.code != FULINT_ERR_RULE || strcmp(got, expect) != 0 ||
		    err.line != line || err.column != col) {
			print_error("%s:\n  got  (%d) %s\n  want      %s\n", rel, rc, got, expect);
			failures++;
		}
		if (rc == 0)
			fl_ruledef_dispose(&def);
		assert_null(def.id);
		free(data);
		free(expect);
		free(names[i]);
	}
	free(names);
	assert_int_equal(failures, 0);
}

static void test_huge_rule_file(void **state)
{
	/* 10 MB: refused by size before any parsing (generated, not committed) */
	size_t len = 10u * 1024u * 1024u, n;
	char *data = malloc(len);
	fl_ruledef def;
	fulint_error err;
	char got[2200];
	(void)state;
	assert_non_null(data);
	n = (size_t)snprintf(data, len, "extends: existence\nmessage: x\ntokens:\n");
	while (n + 10 < len) {
		memcpy(data + n, "  - word\n", 9);
		n += 9;
	}
	memset(data + n, '#', len - n);
	memset(&def, 0, sizeof(def));
	assert_int_equal(fl_ruledef_parse(&def, "Bad.Huge", "Bad/Huge.yml", data, len, &err), FULINT_ERR_RULE);
	fulint_error_format(&err, got, sizeof(got));
	assert_string_equal(got, "Bad/Huge.yml: file is too large (10485760 bytes; rule files may be at most 1048576 bytes)");
	assert_int_equal(err.line, 0);
	assert_null(def.id);
	free(data);
}

static void test_bad_regex_fixture_parses(void **state)
{
	char *data, *expect;
	size_t len, elen;
	unsigned line, col;
	fl_ruledef def;
	fulint_error err;
	(void)state;
	data = read_all(BADRULES "/Regex/Unclosed.yml", &len);
	expect = read_all(BADRULES "/Regex/Unclosed.expect", &elen);
	assert_non_null(data);
	assert_non_null(expect);
	memset(&def, 0, sizeof(def));
	assert_int_equal(fl_ruledef_parse(&def, "Regex.Unclosed", "Regex/Unclosed.yml", data, len, &err), 0);
	expect_position(expect, "Regex/Unclosed.yml", &line, &col);
	assert_int_equal(def.tokens.n, 2);
	assert_string_equal(def.tokens.v[1].s, "(unclosed");
	assert_int_equal(def.tokens.v[1].line, line);
	assert_int_equal(def.tokens.v[1].column, col);
	fl_ruledef_dispose(&def);
	free(data);
	free(expect);
}

/* ---- good paths, one per kind ---- */

static void test_existence_all_keys(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: existence\n"
	                       "message: \"Consider removing '%s'.\"\n"
	                       "description: Hedging weakens a note.\n"
	                       "link: https://example.com/hedging\n"
	                       "level: suggestion\n"
	                       "scope: [sentence, ~code]\n"
	                       "ignorecase: yes\n"
	                       "nonword: false\n"
	                       "append: true\n"
	                       "vocab: false\n"
	                       "limit: 3\n"
	                       "code: false\n"
	                       "raw: ['\\bjust', '\\b']\n"
	                       "tokens:\n"
	                       "  - I think\n"
	                       "  - 'kind of'\n"
	                       "exceptions: [just in time]\n"
	                       "action:\n"
	                       "  name: remove\n"
	                       "examples:\n"
	                       "  match: [I think so]\n"
	                       "  nomatch:\n"
	                       "    - I know so\n",
	                       &err),
	                 0);
	assert_string_equal(d.id, "Test.Rule");
	assert_string_equal(d.path, "Test/Rule.yml");
	assert_int_equal(d.kind, FL_KIND_EXISTENCE);
	assert_int_equal(d.kind_line, 1);
	assert_int_equal(d.kind_column, 1);
	assert_int_equal(d.level, FULINT_SUGGESTION);
	assert_string_equal(d.message.s, "Consider removing '%s'.");
	assert_int_equal(d.message.line, 2);
	assert_int_equal(d.message.column, 10);
	assert_string_equal(d.description.s, "Hedging weakens a note.");
	assert_string_equal(d.link.s, "https://example.com/hedging");
	assert_int_equal(d.scopes.n, 2);
	assert_string_equal(d.scopes.v[1].s, "~code");
	assert_true(d.ignorecase);
	assert_false(d.nonword);
	assert_true(d.append);
	assert_false(d.vocab);
	assert_true(d.has_vocab);
	assert_int_equal(d.limit, 3);
	assert_int_equal(d.raw.n, 2);
	assert_string_equal(d.raw.v[0].s, "\\bjust");
	assert_int_equal(d.tokens.n, 2);
	assert_string_equal(d.tokens.v[0].s, "I think");
	assert_int_equal(d.tokens.v[0].line, 15);
	assert_int_equal(d.tokens.v[0].column, 5);
	assert_string_equal(d.tokens.v[1].s, "kind of");
	assert_int_equal(d.tokens.v[1].line, 16);
	assert_int_equal(d.exceptions.n, 1);
	assert_string_equal(d.action_name.s, "remove");
	assert_int_equal(d.action_params.n, 0);
	assert_int_equal(d.ex_match.n, 1);
	assert_string_equal(d.ex_match.v[0].s, "I think so");
	assert_int_equal(d.ex_nomatch.n, 1);
	assert_int_equal(d.ex_nomatch.v[0].line, 23);
	fl_ruledef_dispose(&d);
	assert_null(d.id);
}

static void test_defaults_and_single_strings(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d, "extends: existence\nmessage: x\ntokens: alpha\nscope: heading & ~heading.h1\n", &err),
	                 0);
	assert_int_equal(d.level, FULINT_WARNING); /* Vale's default */
	assert_true(d.vocab);
	assert_false(d.has_vocab);
	assert_int_equal(d.limit, 0);
	assert_false(d.ignorecase);
	assert_int_equal(d.tokens.n, 1);
	assert_string_equal(d.tokens.v[0].s, "alpha");
	assert_int_equal(d.tokens.v[0].line, 3);
	assert_int_equal(d.tokens.v[0].column, 9);
	assert_int_equal(d.scopes.n, 1);
	assert_string_equal(d.scopes.v[0].s, "heading & ~heading.h1");
	assert_null(d.link.s);
	assert_null(d.description.s);
	assert_null(d.action_name.s);
	fl_ruledef_dispose(&d);

	/* empty values mean "not given", as Vale decodes them */
	assert_int_equal(parse(&d, "extends: existence\nmessage: x\nlink:\ntokens: [a]\nexceptions:\n", &err), 0);
	assert_null(d.link.s);
	assert_int_equal(d.exceptions.n, 0);
	fl_ruledef_dispose(&d);
}

static void test_substitution(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: substitution\n"
	                       "message: \"Use '%s' instead of '%s'.\"\n"
	                       "ignorecase: true\n"
	                       "nonword: false\n"
	                       "capitalize: true\n"
	                       "vocab: true\n"
	                       "pos: NN\n"
	                       "append: false\n"
	                       "exceptions: [Utilize Inc]\n"
	                       "action:\n"
	                       "  name: replace\n"
	                       "swap:\n"
	                       "  utilize: use\n"
	                       "  '(?:touch base|circle back)': follow up|check in\n"
	                       "  obviously: ''\n"
	                       "  amongst:\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_SUBSTITUTION);
	assert_true(d.capitalize);
	assert_true(d.has_vocab);
	assert_int_equal(d.swap.n, 4);
	/* in file order */
	assert_string_equal(d.swap.v[0].key.s, "utilize");
	assert_string_equal(d.swap.v[0].value.s, "use");
	assert_int_equal(d.swap.v[0].key.line, 13);
	assert_int_equal(d.swap.v[0].key.column, 3);
	assert_int_equal(d.swap.v[0].value.column, 12);
	assert_string_equal(d.swap.v[1].key.s, "(?:touch base|circle back)");
	assert_string_equal(d.swap.v[1].value.s, "follow up|check in");
	assert_string_equal(d.swap.v[2].value.s, "");
	assert_string_equal(d.swap.v[3].value.s, "");
	assert_string_equal(d.action_name.s, "replace");
	fl_ruledef_dispose(&d);
}

static void test_occurrence_and_repetition(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: occurrence\nmessage: \"Too long (%s words).\"\nscope: paragraph\n"
	                       "ignorecase: false\nmax: 150\nmin: 0.5\ntoken: '\\b\\w+\\b'\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_OCCURRENCE);
	assert_true(d.has_max);
	assert_true(d.max == 150.0);
	assert_true(d.has_min);
	assert_true(d.min == 0.5);
	assert_string_equal(d.token.s, "\\b\\w+\\b");
	assert_int_equal(d.token.line, 7);
	assert_int_equal(d.token.column, 8);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d, "extends: occurrence\nmessage: x\ntoken: a\nmin: 1\n", &err), 0);
	assert_false(d.has_max);
	assert_true(d.has_min);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d,
	                       "extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\nmax: 1\n"
	                       "ignorecase: true\nvocab: false\nexceptions: [bye]\ntokens: ['[^\\s.!?]+']\n"
	                       "action: {name: edit, params: [truncate, ' ']}\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_REPETITION);
	assert_true(d.alpha);
	assert_true(d.has_max);
	assert_int_equal(d.tokens.n, 1);
	assert_string_equal(d.action_name.s, "edit");
	assert_int_equal(d.action_params.n, 2);
	assert_string_equal(d.action_params.v[1].s, " ");
	fl_ruledef_dispose(&d);
}

static void test_consistency_and_conditional(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\n"
	                       "nonword: false\nignorecase: true\nlevel: error\n"
	                       "either:\n  e-mail: email\n  follow-up: followup\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_CONSISTENCY);
	assert_int_equal(d.level, FULINT_ERROR);
	assert_int_equal(d.either.n, 2);
	assert_string_equal(d.either.v[1].key.s, "follow-up");
	assert_string_equal(d.either.v[1].value.s, "followup");
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d,
	                       "extends: conditional\nmessage: \"'%s' has no definition.\"\nignorecase: false\n"
	                       "vocab: true\nexceptions: [ASAP]\nfirst: '\\b([A-Z]{3,5})\\b'\n"
	                       "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_CONDITIONAL);
	assert_string_equal(d.first.s, "\\b([A-Z]{3,5})\\b");
	assert_int_equal(d.first.line, 6);
	assert_int_equal(d.second.line, 7);
	assert_int_equal(d.exceptions.n, 1);
	fl_ruledef_dispose(&d);
}

static void test_capitalization(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: capitalization\nmessage: \"'%s' should be in title case.\"\n"
	                       "scope: heading\nmatch: $title\nstyle: Chicago\nexceptions: [iPhone]\n"
	                       "indicators: [':']\nthreshold: 0.7\nvocab: false\nprefix: 'Re: '\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_CAPITALIZATION);
	assert_string_equal(d.match.s, "$title");
	assert_string_equal(d.style.s, "Chicago");
	assert_true(d.has_threshold);
	assert_true(d.threshold > 0.69 && d.threshold < 0.71);
	assert_string_equal(d.prefix.s, "Re: ");
	assert_int_equal(d.indicators.n, 1);
	fl_ruledef_dispose(&d);

	/* a pattern is accepted as is (compiled later) */
	assert_int_equal(parse(&d, "extends: capitalization\nmessage: x\nmatch: '[A-Z]\\w+'\n", &err), 0);
	assert_string_equal(d.match.s, "[A-Z]\\w+");
	fl_ruledef_dispose(&d);

	expect_fail("extends: capitalization\nmessage: x\nmatch: $title\nstyle: APA\n",
	            "Test/Rule.yml:4:8: 'style' must be AP or Chicago, got 'APA' (did you mean 'AP'?)");
}

static void test_metric_and_readability(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: metric\nmessage: \"The note has %s words.\"\nformula: words\n"
	                       "condition: '> 250'\nby_kind:\n  thank-you: '> 200'\n  check-in: '> 150'\n"
	                       "  nudge: '> 150'\n  rejection-reply: '> 180'\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_METRIC);
	assert_string_equal(d.formula.s, "words");
	assert_string_equal(d.condition.s, "> 250");
	assert_int_equal(d.by_kind.n, 4);
	assert_string_equal(d.by_kind.v[0].key.s, "thank-you");
	assert_string_equal(d.by_kind.v[0].value.s, "> 200");
	assert_int_equal(d.by_kind.v[0].value.line, 6);
	assert_int_equal(d.by_kind.v[0].value.column, 14);
	assert_string_equal(d.by_kind.v[3].key.s, "rejection-reply");
	fl_ruledef_dispose(&d);

	/* by_kind alone is enough */
	assert_int_equal(parse(&d, "extends: metric\nmessage: x\nformula: words\nby_kind: {nudge: '> 100'}\n", &err), 0);
	assert_null(d.condition.s);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d,
	                       "extends: readability\nmessage: \"Grade %s.\"\nmetrics:\n  - Flesch-Kincaid\n"
	                       "  - Gunning Fog\n  - Coleman-Liau\n  - SMOG\n  - Automated Readability\ngrade: 8\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_READABILITY);
	assert_int_equal(d.metrics.n, 5);
	assert_true(d.has_grade);
	assert_true(d.grade == 8.0);
	fl_ruledef_dispose(&d);

	expect_fail("extends: existence\nmessage: x\ntokens: [a]\nby_kind: {nudge: '> 1'}\n",
	            "Test/Rule.yml:4:1: key 'by_kind' does not apply to existence rules (it is a key of metric rules)");
}

static void test_spelling_sequence_script(void **state)
{
	fl_ruledef d;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&d,
	                       "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\n"
	                       "custom: true\nappend: true\ndicpath: dicts\ndictionaries: [en_US, en_jobs]\n"
	                       "filters: ['[pP]y.*\\b']\nignore: ignore.txt\nexceptions: [Acme]\n"
	                       "threshold: 2\naff: x.aff\ndic: x.dic\n"
	                       "action:\n  name: suggest\n  params: [spellings]\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_SPELLING);
	assert_true(d.custom);
	assert_true(d.append);
	assert_string_equal(d.dicpath.s, "dicts");
	assert_int_equal(d.dictionaries.n, 2);
	assert_int_equal(d.filters.n, 1);
	assert_int_equal(d.ignore.n, 1);
	assert_string_equal(d.ignore.v[0].s, "ignore.txt");
	assert_string_equal(d.action_name.s, "suggest");
	fl_ruledef_dispose(&d);

	/* a spelling rule needs nothing but extends */
	assert_int_equal(parse(&d, "extends: spelling\n", &err), 0);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d,
	                       "extends: sequence\nmessage: \"Use 'an' before '%s'.\"\nignorecase: true\n"
	                       "tokens:\n  - tag: DT\n    pattern: a\n  - tag: NN\n    skip: 1\n    negate: false\n",
	                       &err),
	                 0);
	assert_int_equal(d.kind, FL_KIND_SEQUENCE);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d, "extends: script\nmessage: x\nscript: |\n  matches := []\n", &err), 0);
	assert_int_equal(d.kind, FL_KIND_SCRIPT);
	assert_string_equal(fl_kind_name(d.kind), "script");
	fl_ruledef_dispose(&d);

	expect_fail("extends: sequence\nmessage: x\ntokens:\n  - tag: DT\n    patern: a\n",
	            "Test/Rule.yml:5:5: unknown key 'patern' in 'tokens' (did you mean 'pattern'?)");
}

static void test_required_keys(void **state)
{
	(void)state;
	expect_fail("message: x\nextends: existence\n",
	            "Test/Rule.yml:2:1: missing 'tokens' or 'raw' (an existence rule needs the patterns to look for)");
	expect_fail("extends: existence\nmessage: x\ntokens: []\n",
	            "Test/Rule.yml:1:1: missing 'tokens' or 'raw' (an existence rule needs the patterns to look for)");
	expect_fail("extends: occurrence\nmessage: x\nmax: 3\n",
	            "Test/Rule.yml:1:1: missing 'token' (an occurrence rule needs the pattern to count)");
	expect_fail("extends: repetition\nmessage: x\n",
	            "Test/Rule.yml:1:1: missing 'tokens' (a repetition rule needs the patterns whose repeats are flagged)");
	expect_fail("extends: consistency\nmessage: x\neither: {}\n",
	            "Test/Rule.yml:1:1: missing 'either' (a consistency rule needs a mapping of one form: the other)");
	expect_fail("extends: conditional\nmessage: x\nfirst: a\n",
	            "Test/Rule.yml:1:1: missing 'second' (a conditional rule needs both 'first' and 'second' patterns)");
	expect_fail("extends: capitalization\nmessage: x\n",
	            "Test/Rule.yml:1:1: missing 'match' (a capitalization rule needs $title, $sentence, $lower, $upper or a pattern)");
	expect_fail("extends: metric\nmessage: x\ncondition: '> 1'\n",
	            "Test/Rule.yml:1:1: missing 'formula' (a metric rule needs an expression such as 'words / sentences')");
	expect_fail("extends: metric\nmessage: x\nformula: words\n",
	            "Test/Rule.yml:1:1: missing 'condition' (a metric rule needs a condition such as '> 8.0', or 'by_kind')");
	expect_fail("extends: readability\nmessage: x\nmetrics: [SMOG]\n",
	            "Test/Rule.yml:1:1: missing 'grade' (a readability rule needs the highest acceptable grade)");
}

static void test_value_errors(void **state)
{
	(void)state;
	expect_fail("extends: existence\nmessage: x\ntokens: [a, [b]]\n",
	            "Test/Rule.yml:3:13: 'tokens' must be a list of strings, but item 2 is a list");
	expect_fail("extends: existence\nmessage: x\ntokens: [a, ]\nlimit: -1\n",
	            "Test/Rule.yml:4:8: 'limit' must be a whole number >= 0, got '-1'");
	expect_fail("extends: occurrence\nmessage: x\ntoken: a\nmax: -3\n",
	            "Test/Rule.yml:4:6: 'max' must be a number >= 0, got '-3'");
	expect_fail("extends: occurrence\nmessage: x\ntoken: a\nmax: [3]\n",
	            "Test/Rule.yml:4:6: 'max' must be a number, got a list");
	expect_fail("extends: [existence]\n",
	            "Test/Rule.yml:1:10: 'extends' must be one of existence, substitution, occurrence, repetition, "
	            "consistency, conditional, capitalization, metric, readability, spelling, sequence, script, subject or recipient, got a list");
	expect_fail("extends: grammar\n",
	            "Test/Rule.yml:1:10: unknown extension point 'grammar' (expected existence, substitution, occurrence, "
	            "repetition, consistency, conditional, capitalization, metric, readability, spelling, sequence, script, subject or recipient)");
	expect_fail("extends: existence\nmessage: x\ntokens: [a]\naction: replace\n",
	            "Test/Rule.yml:4:9: 'action' must be a mapping with 'name' and 'params', got a string");
	expect_fail("extends: existence\nmessage: x\ntokens: [a]\naction: {params: [b]}\n",
	            "Test/Rule.yml:4:9: 'action' needs a 'name' (one of replace, suggest, remove, edit, convert)");
	expect_fail("extends: existence\nmessage: x\ntokens: [a]\nexamples: [a]\n",
	            "Test/Rule.yml:4:11: 'examples' must be a mapping with 'match' and 'nomatch' lists, got a list");
	expect_fail("extends: existence\nmessage: x\ntokens: [a]\nexamples: {matches: [a]}\n",
	            "Test/Rule.yml:4:12: unknown key 'matches' in 'examples' (did you mean 'match'?)");
	expect_fail("extends: substitution\nmessage: x\nswap: {a: [b]}\n",
	            "Test/Rule.yml:3:11: 'swap' must be a mapping of pattern: replacement, but the value of 'a' is a list");
	expect_fail("extends: existence\nmessage: x\ntokens: [a]\nfrobnicate: 1\n",
	            "Test/Rule.yml:4:1: unknown key 'frobnicate' (an existence rule takes extends, message, level, scope, "
	            "link, description, limit, action, code, examples, tokens, ignorecase, nonword, exceptions, vocab, "
	            "append and raw)");
	expect_fail("level: warning\nfrobnicate: 1\n",
	            "Test/Rule.yml:2:1: unknown key 'frobnicate' (not a key of any rule kind)");
	expect_fail("extends:\nmessage: x\n",
	            "Test/Rule.yml:1:1: missing 'extends' (one of existence, substitution, occurrence, repetition, "
	            "consistency, conditional, capitalization, metric, readability, spelling, sequence, script, subject or recipient)");
}

/* ---- overrides ---- */

static void test_overrides(void **state)
{
	fl_ruledef d;
	fulint_error err;
	char got[2200];
	(void)state;
	assert_int_equal(parse(&d, "extends: occurrence\nmessage: x\ntoken: a\nmax: 3\n", &err), 0);
	assert_int_equal(fl_ruledef_override(&d, "max", "150", "fulint.yml", 4, 10, &err), 0);
	assert_true(d.max == 150.0);
	assert_int_equal(fl_ruledef_override(&d, "min", "2", "fulint.yml", 5, 10, &err), 0);
	assert_true(d.has_min);
	assert_int_equal(fl_ruledef_override(&d, "level", "error", "fulint.yml", 6, 10, &err), 0);
	assert_int_equal(d.level, FULINT_ERROR);
	assert_int_equal(fl_ruledef_override(&d, "message", "Now %s.", "fulint.yml", 7, 10, &err), 0);
	assert_string_equal(d.message.s, "Now %s.");
	assert_int_equal(d.message.line, 7);
	assert_int_equal(fl_ruledef_override(&d, "ignorecase", "true", "--rule", 0, 0, &err), 0);
	assert_true(d.ignorecase);
	assert_int_equal(fl_ruledef_override(&d, "scope", "paragraph", "--rule", 0, 0, &err), 0);
	assert_int_equal(d.scopes.n, 1);
	assert_int_equal(fl_ruledef_override(&d, "token", "b", "--rule", 0, 0, &err), 0);
	assert_string_equal(d.token.s, "b");
	assert_int_equal(fl_ruledef_override(&d, "limit", "2", "--rule", 0, 0, &err), 0);
	assert_int_equal(d.limit, 2);

	assert_int_equal(fl_ruledef_override(&d, "max", "ten", "fulint.yml", 4, 10, &err), FULINT_ERR_CONFIG);
	assert_string_equal(fulint_error_format(&err, got, sizeof(got)),
	                    "fulint.yml:4:10: rule Test.Rule: 'max' must be a number, got 'ten'");
	assert_true(d.max == 150.0); /* unchanged */
	assert_int_equal(fl_ruledef_override(&d, "maxx", "1", "fulint.yml", 4, 5, &err), FULINT_ERR_CONFIG);
	assert_string_equal(fulint_error_format(&err, got, sizeof(got)),
	                    "fulint.yml:4:5: rule Test.Rule: unknown key 'maxx' (did you mean 'max'?)");
	assert_int_equal(fl_ruledef_override(&d, "level", "fatal", "--rule", 0, 0, &err), FULINT_ERR_CONFIG);
	assert_string_equal(fulint_error_format(&err, got, sizeof(got)),
	                    "--rule: rule Test.Rule: 'level' must be one of suggestion, warning, error, got 'fatal'");
	assert_int_equal(fl_ruledef_override(&d, "ignorecase", "sometimes", "--rule", 0, 0, &err), FULINT_ERR_CONFIG);
	assert_int_equal(fl_ruledef_override(&d, "extends", "existence", "--rule", 0, 0, &err), FULINT_ERR_CONFIG);
	assert_int_equal(fl_ruledef_override(&d, "formula", "words", "--rule", 0, 0, &err), FULINT_ERR_CONFIG);
	assert_non_null(strstr(err.message, "'formula' cannot be set for an occurrence rule (keys that can:"));
	assert_int_equal(fl_ruledef_override(&d, "by_kind.nudge", "> 1", "--rule", 0, 0, &err), FULINT_ERR_CONFIG);
	assert_non_null(strstr(err.message, "'by_kind' applies only to metric rules"));
	assert_int_equal(d.kind, FL_KIND_OCCURRENCE);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d, "extends: substitution\nmessage: x\nswap: {a: b}\n", &err), 0);
	assert_int_equal(fl_ruledef_override(&d, "swap", "c", "fulint.yml", 3, 3, &err), FULINT_ERR_CONFIG);
	assert_string_equal(err.message,
	                    "rule Test.Rule: 'swap' cannot be overridden (only single values such as level, message or max can)");
	assert_int_equal(d.swap.n, 1);
	fl_ruledef_dispose(&d);

	assert_int_equal(parse(&d, "extends: metric\nmessage: x\nformula: words\nby_kind: {thank-you: '> 200'}\n", &err),
	                 0);
	assert_int_equal(fl_ruledef_override(&d, "by_kind.thank-you", "> 250", "fulint.yml", 2, 2, &err), 0);
	assert_int_equal(fl_ruledef_override(&d, "by_kind.nudge", "> 120", "fulint.yml", 3, 2, &err), 0);
	assert_int_equal(d.by_kind.n, 2);
	assert_string_equal(d.by_kind.v[0].value.s, "> 250");
	assert_string_equal(d.by_kind.v[1].key.s, "nudge");
	assert_int_equal(fl_ruledef_override(&d, "by_kind.thankyou", "> 1", "fulint.yml", 3, 2, &err),
	                 FULINT_ERR_CONFIG);
	assert_string_equal(err.message,
	                    "rule Test.Rule: unknown note kind 'thankyou' in 'by_kind' (did you mean 'thank-you'?)");
	assert_int_equal(fl_ruledef_override(&d, "condition", "> 300", "fulint.yml", 3, 2, &err), 0);
	assert_string_equal(d.condition.s, "> 300");
	fl_ruledef_dispose(&d);
}

/* ---- small pieces ---- */

static void test_kind_names(void **state)
{
	fl_kind k;
	int i;
	(void)state;
	for (i = 0; i < FL_KIND_COUNT; i++) {
		assert_int_equal(fl_kind_parse(&k, fl_kind_name((fl_kind)i)), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(fl_kind_name(FL_KIND_CAPITALIZATION), "capitalization");
	assert_int_equal(fl_kind_parse(&k, "Existence"), FULINT_ERR_USAGE);
	assert_int_equal(fl_kind_parse(&k, NULL), FULINT_ERR_USAGE);
	assert_string_equal(fl_kind_name(FL_KIND_COUNT), "unknown");
}

static void test_pairlist(void **state)
{
	fl_pairlist l = { NULL, 0, 0 };
	fl_str k = { (char *)"a", 1, 2 }, v = { (char *)"b", 3, 4 };
	int i;
	(void)state;
	for (i = 0; i < 20; i++)
		assert_int_equal(fl_pairlist_push(&l, &k, &v), 0);
	assert_int_equal(l.n, 20);
	assert_string_equal(l.v[19].key.s, "a");
	assert_true(l.v[19].key.s != k.s); /* a copy */
	assert_int_equal(l.v[19].value.column, 4);
	fl_pairlist_dispose(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.v);
	fl_pairlist_dispose(&l);
	fl_ruledef_dispose(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_badrules_fixtures),
		cmocka_unit_test(test_huge_rule_file),
		cmocka_unit_test(test_bad_regex_fixture_parses),
		cmocka_unit_test(test_existence_all_keys),
		cmocka_unit_test(test_defaults_and_single_strings),
		cmocka_unit_test(test_substitution),
		cmocka_unit_test(test_occurrence_and_repetition),
		cmocka_unit_test(test_consistency_and_conditional),
		cmocka_unit_test(test_capitalization),
		cmocka_unit_test(test_metric_and_readability),
		cmocka_unit_test(test_spelling_sequence_script),
		cmocka_unit_test(test_required_keys),
		cmocka_unit_test(test_value_errors),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_pairlist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
