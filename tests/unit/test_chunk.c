/*
 * test_chunk.c - unit tests of the split of large texts (fl_chunk.c and
 * the split path of fl_lint.c): chunk bounds fall just after blank lines
 * and never depend on anything but the text; a text without a blank line
 * stays one chunk; the line-locality test of patterns; and a split lint
 * (tiny chunks, 1 to 4 threads) gives exactly the findings of a plain lint
 * on every corpus draft.
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

#include "fl_chunk.h"
#include "fl_lint.h"
#include "fulint.h"

static void check_split(const char *s, size_t target, size_t want_chunks)
{
	size_t *b = NULL, n = 0, i, len = strlen(s);
	assert_int_equal(fl_chunk_split(s, len, target, &b, &n), 0);
	assert_int_equal(n, want_chunks);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[n], len);
	for (i = 1; i < n; i++) {
		assert_true(b[i] > b[i - 1]);
		assert_true(b[i] - b[i - 1] >= target);
		assert_true(fl_chunk_is_bound(s, len, b[i]));
		assert_int_equal(s[b[i] - 1], '\n');
	}
	free(b);
}

static void test_bounds_on_blank_lines(void **state)
{
	const char *s = "one two\nthree\n\nfour five\nsix\n  \t\nseven\n\n\neight\n";
	size_t *b = NULL, n = 0;
	(void)state;
	check_split(s, 4, 4);
	assert_int_equal(fl_chunk_split(s, strlen(s), 4, &b, &n), 0);
	assert_string_equal(s + b[1], "four five\nsix\n  \t\nseven\n\n\neight\n");
	assert_string_equal(s + b[2], "seven\n\n\neight\n");
	assert_string_equal(s + b[3], "\neight\n"); /* after the first blank line past the target */
	free(b);
	/* a large target: one chunk */
	check_split(s, 1000, 1);
	/* CRLF line ends */
	check_split("aaaa\r\n\r\nbbbb\r\n\r\ncccc\r\n", 3, 3);
}

static void test_no_blank_line_is_one_chunk(void **state)
{
	(void)state;
	check_split("line one\nline two\nline three\nline four\n", 5, 1);
	check_split("", 5, 1);
	check_split("\n\n\n", 1, 2); /* after the blank line at offset 1 */
	check_split("\n\n", 1, 1);   /* a bound must leave text after it */
	/* a blank line before the target is not used */
	check_split("a\n\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\ncccc\n", 10, 1);
}

static void test_bound_predicate(void **state)
{
	const char *s = "a\n\nb\nc\n \nd";
	size_t len = strlen(s);
	(void)state;
	assert_true(fl_chunk_is_bound(s, len, 3));   /* "b" after "\n\n" */
	assert_false(fl_chunk_is_bound(s, len, 5));  /* "c": after a plain line end */
	assert_true(fl_chunk_is_bound(s, len, 9));   /* "d" after " \n" */
	assert_false(fl_chunk_is_bound(s, len, 0));
	assert_false(fl_chunk_is_bound(s, len, len));
	assert_false(fl_chunk_is_bound("\nx", 2, 1)); /* the blank line must follow a line end */
}

static void test_line_local(void **state)
{
	(void)state;
	assert_true(fl_chunk_re_line_local("\\b(?:synergy|circle back)\\b"));
	assert_true(fl_chunk_re_line_local("(?i)[A-Z\\x{C0}-\\x{10FFFF}]\\p{Lu}+"));
	assert_true(fl_chunk_re_line_local("[^!\\n]+"));
	assert_true(fl_chunk_re_line_local("(?<=\\S)[ \\t]+,"));
	assert_true(fl_chunk_re_line_local("^foo$"));
	assert_false(fl_chunk_re_line_local("per\\s+my"));
	assert_false(fl_chunk_re_line_local("\\A[^!]*+!"));
	assert_false(fl_chunk_re_line_local("\\G(?<=!)x"));
	assert_false(fl_chunk_re_line_local("[^!]+"));
	assert_false(fl_chunk_re_line_local("[\\t-\\r]"));
	assert_false(fl_chunk_re_line_local("a\\x0ab"));
	assert_false(fl_chunk_re_line_local("(?s)a.b"));
	assert_false(fl_chunk_re_line_local("(?x) a b"));
	assert_false(fl_chunk_re_line_local("(?-m)foo$"));
	assert_false(fl_chunk_re_line_local("\\P{L}"));
	assert_false(fl_chunk_re_line_local("[[:space:]]"));
	assert_false(fl_chunk_re_line_local("(*COMMIT)a"));
	assert_false(fl_chunk_re_line_local("a\nb"));
	assert_false(fl_chunk_re_line_local("[unterminated"));
}

/* ------------------------------------------------------------------ */
/* split lints give the plain lint's findings                          */

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else if (buf != NULL) {
			*len = (size_t)n;
		}
	}
	fclose(f);
	return buf;
}

static void assert_same(const fulint_result *a, const fulint_result *b)
{
	size_t i, j;
	assert_int_equal(fulint_result_count(a), fulint_result_count(b));
	for (i = 0; i < fulint_result_count(a); i++) {
		const fulint_finding *x = fulint_result_finding(a, i), *y = fulint_result_finding(b, i);
		assert_string_equal(x->rule, y->rule);
		assert_string_equal(x->message, y->message);
		assert_string_equal(x->match, y->match);
		assert_int_equal(x->offset, y->offset);
		assert_int_equal(x->length, y->length);
		assert_int_equal(x->level, y->level);
		assert_int_equal(x->n_suggestions, y->n_suggestions);
		for (j = 0; j < x->n_suggestions; j++)
			assert_string_equal(x->suggestions[j], y->suggestions[j]);
	}
}

static void test_split_lint_is_exact(void **state)
{
	char dir[4096];
	fulint_config *cfg = NULL;
	fulint_ruleset *rs = NULL;
	fulint_linter *plain = NULL, *split = NULL;
	fulint_error err;
	DIR *d;
	struct dirent *e;
	size_t drafts = 0, split_drafts = 0;
	unsigned threads;
	(void)state;

	memset(&err, 0, sizeof(err));
	assert_int_equal(fulint_config_new(&cfg), 0);
	assert_int_equal(fulint_config_add_dictionary_dir(cfg, "/usr/share/hunspell"), 0);
	snprintf(dir, sizeof(dir), "%s/dictionaries", FULINT_SOURCE_DIR);
	assert_int_equal(fulint_config_add_wordlist_dir(cfg, dir), 0);
	assert_int_equal(fulint_ruleset_new(&rs, cfg, NULL, NULL, &err), 0);
	assert_int_equal(fulint_linter_new(&plain, rs, &err), 0);
	assert_int_equal(fulint_linter_new(&split, rs, &err), 0);
	fl_lint_set_split(split, 1, 64); /* every draft, in chunks of ~64 bytes */

	snprintf(dir, sizeof(dir), "%s/corpus", FULINT_SOURCE_DIR);
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char path[8192];
		size_t len = 0;
		char *data;
		fulint_source src = FULINT_SOURCE_INIT;
		fulint_result *want = NULL;
		size_t nl = strlen(e->d_name);
		if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		data = read_all(path, &len);
		assert_non_null(data);
		src.name = e->d_name;
		src.data = data;
		src.len = len;
		assert_int_equal(fulint_lint(plain, &src, &want, &err), 0);
		assert_int_equal(fulint_result_chunks(want), 1);
		for (threads = 1; threads <= 4; threads++) {
			fulint_result *got = NULL;
			assert_int_equal(fulint_linter_set_threads(split, threads), 0);
			assert_int_equal(fulint_lint(split, &src, &got, &err), 0);
			if (threads > 1 && fulint_result_chunks(got) > 1)
				split_drafts++;
			if (threads == 1)
				assert_int_equal(fulint_result_chunks(got), 1);
			assert_same(want, got);
			fulint_result_free(got);
		}
		fulint_result_free(want);
		free(data);
		drafts++;
	}
	closedir(d);
	assert_true(drafts >= 100);
	assert_true(split_drafts >= drafts / 2); /* the split path really ran */
	assert_int_equal(fulint_linter_set_threads(split, 0), FULINT_ERR_USAGE);
	fulint_linter_free(plain);
	fulint_linter_free(split);
	fulint_ruleset_free(rs);
	fulint_config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounds_on_blank_lines),
		cmocka_unit_test(test_no_blank_line_is_one_chunk),
		cmocka_unit_test(test_bound_predicate),
		cmocka_unit_test(test_line_local),
		cmocka_unit_test(test_split_lint_is_exact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
