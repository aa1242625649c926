/*
 * test_literal.c - the literal prefilter (fl_literal.h): what the extractor
 * requires of a pattern, the index scan, and the soundness contract: the
 * lint gives exactly the same findings with the prefilter as without it,
 * over every corpus draft and e-mail and over texts made to hit the
 * rules' required strings in every case form.
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

#include "fl_literal.h"
#include "fl_pattern.h"
#include "fl_ruleset.h"
#include "fulint.h"

/* Expect `re` to require exactly the strings listed (NULL-terminated; none: no requirement). */
static void expect_lits(const char *re, ...)
{
	fl_litset s;
	va_list ap;
	const char *want;
	size_t n = 0, i;
	assert_int_equal(fl_literal_extract(re, &s), 0);
	va_start(ap, re);
	while ((want = va_arg(ap, const char *)) != NULL) {
		bool found = false;
		for (i = 0; i < s.n; i++)
			found = found || strcmp(s.v[i], want) == 0;
		if (!found)
			fail_msg("%s: '%s' not required (got %zu strings)", re, want, s.n);
		n++;
	}
	va_end(ap);
	if (s.n != n)
		fail_msg("%s: %zu strings required, expected %zu", re, s.n, n);
	fl_litset_dispose(&s);
}

static void test_extract(void **state)
{
	(void)state;
	expect_lits("abc", "abc", NULL);
	expect_lits("ab", NULL); /* too short to be selective */
	expect_lits("(?i)Hello", "hello", NULL);
	expect_lits("Hello", "hello", NULL); /* ASCII case is folded in every pattern */
	expect_lits("next\\s+steps?", "next", NULL);
	expect_lits("colou?r", "color", "colour", NULL);
	expect_lits("(?:foo|bar)baz", "foobaz", "barbaz", NULL);
	expect_lits("x*abc", "abc", NULL);
	expect_lits("(?=abc)def", "def", NULL);
	expect_lits("(?<!abc)def", "def", NULL);
	expect_lits("abc(?=xyz)", "abc", NULL);
	expect_lits("\\bfoo\\b", "foo", NULL);
	expect_lits("[Tt]hanks", "thanks", NULL);
	expect_lits("[a-z]+ing", "ing", NULL);
	expect_lits("a{2}bcd", "bcd", NULL);
	expect_lits("(?x) a b c # a comment\n", "abc", NULL);
	expect_lits("(?x)a\\ b[ ]c", "a b c", NULL);
	expect_lits("\\Qa.b\\E", "a.b", NULL);
	expect_lits("(*MARK:x)abc", "abc", NULL);
	expect_lits("(?#comment)abc", "abc", NULL);
	expect_lits("ab(?:c|)de", "abcde", "abde", NULL);
	expect_lits("caf\\x{e9}s", "caf", NULL);
	expect_lits("[^abc]def", "def", NULL);
	expect_lits("foo(?i:BAR)", "foobar", NULL);
	expect_lits("it\\s+would\\s+mean", "would", NULL);
	expect_lits("(?:alpha|beta)\\s+(?:gamma|de)", "alpha", "beta", NULL);
	expect_lits("a\\x41bc", "aabc", NULL);
	/* no requirement: a short branch, optional pieces, things it does not model */
	expect_lits("a|bcd", NULL);
	expect_lits("(?:abc)?", NULL);
	expect_lits("(?:abc)*", NULL);
	expect_lits("(abc)\\1", NULL);
	expect_lits("abc(*ACCEPT)def", NULL);
	expect_lits("(?|(abc)|(def))", NULL);
	expect_lits("(?(1)abc|def)", NULL);
	expect_lits("a{,3}bcd", NULL);
	expect_lits("x{abc}", NULL);
	expect_lits("\u00e9t\u00e9", NULL);
	expect_lits("a.b.c.d", NULL);
	expect_lits("(?-i:ur)", NULL);
	expect_lits("(?xx)abc", NULL);
	expect_lits("abc(", NULL);
	expect_lits("[abc", NULL);
	expect_lits("", NULL);
}

static void test_codec(void **state)
{
	fl_litset s, d;
	fl_buf b = FL_BUF_INIT;
	size_t i;
	(void)state;
	assert_int_equal(fl_literal_extract("(?:foo|bar)baz|quux+", &s), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(fl_litset_encode(&s, &b), 0);
	assert_int_equal(fl_litset_decode(&d, b.data, b.len), 0);
	assert_int_equal(d.n, s.n);
	for (i = 0; i < s.n; i++)
		assert_string_equal(d.v[i], s.v[i]);
	fl_litset_dispose(&d);
	/* every truncation is refused cleanly */
	for (i = 0; i < b.len; i++)
		assert_int_not_equal(fl_litset_decode(&d, b.data, i), 0);
	assert_int_not_equal(fl_litset_decode(&d, "x\0abc", 5), 0);
	assert_int_not_equal(fl_litset_decode(&d, "2\0abc\0", 6), 0);
	assert_int_not_equal(fl_litset_decode(&d, "1\0ab\0", 5), 0);
	fl_litset_dispose(&s);
	fl_buf_dispose(&b);
}

static void test_scan(void **state)
{
	fl_litset sets[2];
	fl_litindex *ix = NULL;
	fl_lithits hits[2];
	const char *text = "We discussed the NEXT Steps; next, the timeline.";
	(void)state;
	memset(hits, 0, sizeof hits);
	assert_int_equal(fl_literal_extract("next\\s+steps?", &sets[0]), 0);
	assert_int_equal(fl_literal_extract("time(?:line|frame)", &sets[1]), 0);
	assert_int_equal(fl_litindex_new(&ix, sets, 2), 0);
	assert_int_equal(fl_litindex_scan(ix, text, strlen(text), hits), 1);
	assert_int_equal(hits[0].n, 2); /* "NEXT" and "next": case folded */
	assert_int_equal(hits[0].start[0], 17);
	assert_int_equal(hits[0].end[0], 21);
	assert_int_equal(hits[1].n, 1);
	assert_true(fl_lithits_any(&hits[0], 0, strlen(text)));
	assert_true(fl_lithits_any(&hits[0], 17, 21));
	assert_false(fl_lithits_any(&hits[0], 18, 27)); /* a hit must lie wholly inside */
	assert_false(fl_lithits_any(&hits[0], 34, strlen(text)));
	/* the Kelvin sign and long s fold to ASCII letters: no prefilter for such texts */
	assert_int_equal(fl_litindex_scan(ix, "ne\xe2\x84\xaat", 6, hits), 0);
	assert_int_equal(fl_litindex_scan(ix, "\xc5\xbf", 2, hits), 0);
	assert_int_equal(fl_litindex_scan(ix, "next", 4, hits), 1);
	assert_int_equal(hits[0].n, 1);
	fl_lithits_dispose(hits, 2);
	fl_litindex_free(ix);
	fl_litset_dispose(&sets[0]);
	fl_litset_dispose(&sets[1]);
}

/* ---- soundness over the real rules ---- */

typedef struct lint_env {
	fulint_config *cfg;
	fulint_ruleset *rs;
	fulint_linter *lin;
} lint_env;

static void env_open(lint_env *e, bool spelling)
{
	fulint_error err;
	memset(e, 0, sizeof *e);
	assert_int_equal(fulint_config_new(&e->cfg), 0);
	if (!spelling) /* glued random words would only feed Hunspell's slow suggestions */
		assert_int_equal(fulint_config_set_rule(e->cfg, "FollowUp.Spelling", "off"), 0);
	assert_int_equal(fulint_config_add_dictionary_dir(e->cfg, "/usr/share/hunspell"), 0);
	/* the spelling fast path (else every word goes to Hunspell, minutes under ASan) */
	assert_int_equal(fulint_config_set_cache_dir(e->cfg, FULINT_BINARY_DIR "/test-cache-literal"), 0);
	assert_int_equal(fulint_ruleset_new(&e->rs, e->cfg, NULL, NULL, &err), 0);
	assert_non_null(e->rs->litindex);
	assert_int_equal(fulint_linter_new(&e->lin, e->rs, &err), 0);
}

static void env_close(lint_env *e)
{
	fulint_linter_free(e->lin);
	fulint_ruleset_free(e->rs);
	fulint_config_free(e->cfg);
}

/* Every finding as one line: rule, span, message, suggestions. */
static char *findings(lint_env *e, const char *name, const char *data, size_t len)
{
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_result *res = NULL;
	fulint_error err;
	fl_buf b = FL_BUF_INIT;
	size_t i, j;
	src.name = name;
	src.data = data;
	src.len = len;
	if (fulint_lint(e->lin, &src, &res, &err) < 0)
		fail_msg("%s: lint failed: %s", name, err.message); /* every input here lints */
	for (i = 0; i < fulint_result_count(res); i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		fl_buf_printf(&b, "%s %zu+%zu %s", f->rule, f->offset, f->length, f->message);
		for (j = 0; j < f->n_suggestions; j++)
			fl_buf_printf(&b, " [%s]", f->suggestions[j]);
		fl_buf_putc(&b, '\n');
	}
	fulint_result_free(res);
	if (b.data == NULL)
		fl_buf_puts(&b, "");
	return fl_buf_detach(&b);
}

/* The rules that fired in the texts compared so far (so the comparison is not vacuous). */
static fl_buf fired = FL_BUF_INIT;

static void note_rules(const char *out)
{
	const char *line = out;
	while (*line != '\0') {
		const char *sp = strchr(line, ' '), *nl = strchr(line, '\n');
		if (sp != NULL && (nl == NULL || sp < nl)) {
			char id[96];
			snprintf(id, sizeof id, "|%.*s|", (int)FL_MIN((size_t)(sp - line), (size_t)90), line);
			if (fired.data == NULL || strstr(fired.data, id) == NULL)
				fl_buf_puts(&fired, id);
		}
		if (nl == NULL)
			break;
		line = nl + 1;
	}
}

static size_t rules_fired(void)
{
	size_t n = 0;
	const char *p = fired.data;
	while (p != NULL && (p = strstr(p, "||")) != NULL) {
		n++;
		p += 2;
	}
	return fired.data != NULL ? n + 1 : 0;
}

/* Same findings with and without the prefilter. */
static void same_both_ways(lint_env *e, const char *name, const char *data, size_t len, size_t *compared)
{
	fl_litindex *ix = e->rs->litindex;
	char *with = findings(e, name, data, len), *without;
	note_rules(with);
	e->rs->litindex = NULL;
	without = findings(e, name, data, len);
	e->rs->litindex = ix;
	if (strcmp(with, without) != 0)
		fail_msg("%s: findings differ with the prefilter\n--- with:\n%s--- without:\n%s", name, with, without);
	free(with);
	free(without);
	(*compared)++;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *d;
	long n;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	d = malloc((size_t)n + 1);
	if (d != NULL && fread(d, 1, (size_t)n, f) != (size_t)n) {
		free(d);
		d = NULL;
	}
	fclose(f);
	if (d != NULL) {
		d[n] = '\0';
		*len = (size_t)n;
	}
	return d;
}

static void each_file(lint_env *e, const char *dir, const char *suffix, size_t *compared)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		size_t nl = strlen(de->d_name), sl = strlen(suffix), len = 0;
		char path[1024];
		char *data;
		if (nl <= sl || strcmp(de->d_name + nl - sl, suffix) != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		data = slurp(path, &len);
		assert_non_null(data);
		same_both_ways(e, de->d_name, data, len, compared);
		free(data);
	}
	closedir(d);
}

static void test_corpus_same(void **state)
{
	lint_env e;
	size_t compared = 0;
	(void)state;
	env_open(&e, true);
	each_file(&e, FULINT_SOURCE_DIR "/corpus", ".txt", &compared);
	each_file(&e, FULINT_SOURCE_DIR "/corpus/email", ".eml", &compared);
	assert_true(compared > 150);
	/* most FollowUp rules fired somewhere in the corpus */
	assert_true(rules_fired() >= 15);
	env_close(&e);
}

/*
 * Texts built to hit the required strings: every string of every set in
 * the index, in lower, upper and title case, glued to neighbours and
 * padded, in sentences with the words the rules look for.  Deterministic.
 */
static void test_generated_same(void **state)
{
	lint_env e;
	size_t compared = 0, k, round;
	uint32_t seed = 12345;
	static const char *const glue[] = { " ", "  ", "\n", "\n\n", ", ", ". ", "! ", "? ", "-", "'", "",
	                                    " I ", " you ", " the ", " so ", " very ", " my ", " per my " };
	static const char *const words[] = { "Thank you", "next steps", "timeline", "per my last email",
	                                     "I hope this email finds you well", "REALLY", "excited",
	                                     "thx", "u", "ur", "a hour", "an user", "interview.I", "lol",
	                                     ":)", "[Name]", "Hi Sam,", "Best regards,\nAlex" };
	(void)state;
	env_open(&e, false);
	for (round = 0; round < 150; round++) {
		fl_buf b = FL_BUF_INIT;
		for (k = 0; k < 120; k++) {
			const char *piece;
			char tmp[64];
			size_t n, i;
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0) {
				piece = words[(seed >> 8) % FL_ARRAY_LEN(words)];
			} else {
				/* a required string taken from a pattern's set through a test word */
				static const char *const req[] = { "follow-up", "decision", "update", "feedback",
				                                   "gratitude", "appreciate", "enthusiasm", "waiting",
				                                   "ignored", "please", "again", "still", "opportunity",
				                                   "grateful", "hear back", "any news", "status" };
				piece = req[(seed >> 8) % FL_ARRAY_LEN(req)];
			}
			n = FL_MIN(strlen(piece), sizeof tmp - 1);
			memcpy(tmp, piece, n);
			tmp[n] = '\0';
			/* lower, UPPER or Title case (random mixed case would only feed the
			 * speller's slow suggestions) */
			for (i = 0; i < n; i++) {
				unsigned m = (seed >> 20) & 3u;
				bool up = m == 1 || (m == 2 && (i == 0 || tmp[i - 1] == ' '));
				if (up && tmp[i] >= 'a' && tmp[i] <= 'z')
					tmp[i] = (char)(tmp[i] - 32);
				else if (m == 3 && tmp[i] >= 'A' && tmp[i] <= 'Z')
					tmp[i] = (char)(tmp[i] + 32);
			}
			fl_buf_puts(&b, tmp);
			fl_buf_puts(&b, glue[(seed >> 4) % FL_ARRAY_LEN(glue)]);
		}
		same_both_ways(&e, "generated", b.data, b.len, &compared);
		fl_buf_dispose(&b);
	}
	assert_true(rules_fired() >= 15);
	fl_buf_dispose(&fired);
	env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_codec),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_corpus_same),
		cmocka_unit_test(test_generated_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
