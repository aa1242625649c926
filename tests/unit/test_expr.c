/*
 * test_expr.c - unit tests of fl_expr, the formula evaluator of metric
 * rules (Vale's `formula` and `condition`, see vale.sh/docs/checks/metric).
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

#include "fl_expr.h"

/* cmocka 1.1 compares floats only in single precision: compare doubles here. */
#define assert_double_equal(a, b, eps) assert_near((a), (b), (eps), __FILE__, __LINE__)
static void assert_near(double a, double b, double eps, const char *file, int line)
{
	if (!(fabs(a - b) <= eps)) {
		print_error("%s:%d: %.17g != %.17g (eps %g)\n", file, line, a, b, eps);
		fail();
	}
}

static const char *const vars[] = { "words", "sentences", "syllables", "heading_h1", "__res__" };
enum { V_WORDS, V_SENTENCES, V_SYLLABLES, V_H1, V_RES, V_COUNT };

/* Parse and evaluate `src` with the given values; fail the test on a parse error. */
static double ev(const char *src, const double *values)
{
	fl_expr *e = NULL;
	fulint_error err;
	double v = 0;
	int rc = fl_expr_parse(&e, src, vars, V_COUNT, NULL, &err);
	if (rc != 0)
		fail_msg("parse of '%s' failed: %s", src, err.message);
	fl_expr_eval(e, values, &v);
	fl_expr_free(e);
	return v;
}

/* Parse `src` expecting an error; return its offset and copy the message. */
static size_t parse_error(const char *src, char *msg, size_t cap)
{
	fl_expr *e = NULL;
	fulint_error err;
	size_t off = 12345;
	int rc = fl_expr_parse(&e, src, vars, V_COUNT, &off, &err);
	assert_int_equal(rc, FULINT_ERR_RULE);
	assert_null(e);
	snprintf(msg, cap, "%s", err.message);
	return off;
}

static void test_arithmetic(void **state)
{
	double none[V_COUNT] = { 0 };
	(void)state;
	assert_double_equal(ev("1 + 2 * 3", none), 7, 1e-12);
	assert_double_equal(ev("(1 + 2) * 3", none), 9, 1e-12);
	assert_double_equal(ev("10 - 4 - 3", none), 3, 1e-12); /* left associative */
	assert_double_equal(ev("2 * 3 / 4", none), 1.5, 1e-12);
	assert_double_equal(ev("1 / 2", none), 0.5, 1e-12);    /* doubles, not integer division */
	assert_double_equal(ev("7 % 4", none), 3, 1e-12);
	assert_double_equal(ev("-3 + 5", none), 2, 1e-12);
	assert_double_equal(ev("- -3", none), 3, 1e-12);
	assert_double_equal(ev("-(2 + 3) * 2", none), -10, 1e-12);
	assert_double_equal(ev("+4", none), 4, 1e-12);
	assert_double_equal(ev("0.39", none), 0.39, 1e-15);
	assert_double_equal(ev("15.59", none), 15.59, 1e-13);
	assert_double_equal(ev(".5 + 1.", none), 1.5, 1e-12);
	assert_double_equal(ev("1e3 + 2.5E-1", none), 1000.25, 1e-9);
	assert_double_equal(ev("  42  ", none), 42, 0);
	assert_double_equal(ev("007", none), 7, 0);
}

static void test_variables_and_vale_formula(void **state)
{
	double v[V_COUNT] = { 0 };
	double fk;
	(void)state;
	v[V_WORDS] = 100;
	v[V_SENTENCES] = 5;
	v[V_SYLLABLES] = 150;
	v[V_H1] = 2;
	assert_double_equal(ev("words / sentences", v), 20, 1e-12);
	/* The Flesch-Kincaid formula exactly as Vale's metric documentation writes it. */
	fk = ev("(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59\n", v);
	assert_double_equal(fk, 0.39 * 20 + 11.8 * 1.5 - 15.59, 1e-9);
	/* Vale reads heading.h1 as heading_h1. */
	assert_double_equal(ev("heading.h1 + heading_h1", v), 4, 0);
}

static void test_functions(void **state)
{
	double v[V_COUNT] = { 0 };
	(void)state;
	v[V_WORDS] = 16;
	assert_double_equal(ev("sqrt(words)", v), 4, 1e-12);
	assert_double_equal(ev("math.sqrt(words) * 2", v), 8, 1e-12); /* Tengo's math module spelling */
	assert_double_equal(ev("abs(-2.5)", v), 2.5, 0);
	assert_double_equal(ev("min(3, 1, 2)", v), 1, 0);
	assert_double_equal(ev("math.max(3, words)", v), 16, 0);
	assert_double_equal(ev("pow(2, 10)", v), 1024, 0);
	assert_double_equal(ev("floor(2.7) + ceil(2.1) + round(2.5) + trunc(-2.7)", v), 2 + 3 + 3 - 2, 0);
	assert_double_equal(ev("log10(1000)", v), 3, 1e-12);
	assert_double_equal(ev("log2(8)", v), 3, 1e-12);
	assert_double_equal(ev("exp(0) + log(1)", v), 1, 1e-12);
	assert_double_equal(ev("pi", v), 3.14159265358979, 1e-12);
	assert_double_equal(ev("math.pi", v), 3.14159265358979, 1e-12);
}

static void test_conditions(void **state)
{
	double v[V_COUNT] = { 0 };
	(void)state;
	v[V_RES] = 240;
	/* Vale evaluates "<result> <condition>" such as "> 200" or ">= 3". */
	assert_double_equal(ev("__res__ > 200", v), 1, 0);
	assert_double_equal(ev("__res__ > 240", v), 0, 0);
	assert_double_equal(ev("__res__ >= 240", v), 1, 0);
	assert_double_equal(ev("__res__ < 240.0", v), 0, 0);
	assert_double_equal(ev("__res__ <= 240.0", v), 1, 0);
	assert_double_equal(ev("__res__ == 240.0", v), 1, 0);
	assert_double_equal(ev("__res__ != 240", v), 0, 0);
	assert_double_equal(ev("__res__ > 100 && __res__ < 200", v), 0, 0);
	assert_double_equal(ev("__res__ > 100 || __res__ < 200", v), 1, 0);
	assert_double_equal(ev("!(__res__ > 100)", v), 0, 0);
	assert_double_equal(ev("__res__ > 100 ? 7 : 8", v), 7, 0);
	assert_double_equal(ev("1 + 1 > 1", v), 1, 0); /* comparison binds looser than + */
}

static void test_division_by_zero_is_not_a_crash(void **state)
{
	double v[V_COUNT] = { 0 };
	(void)state;
	assert_true(isinf(ev("1 / sentences", v)));
	assert_true(isnan(ev("words / sentences", v)));
	assert_true(isnan(ev("sqrt(-1)", v)));
}

static void test_errors(void **state)
{
	char msg[1024];
	size_t off;
	(void)state;

	off = parse_error("words / sentence", msg, sizeof(msg));
	assert_int_equal(off, 8);
	assert_string_equal(msg, "unknown variable 'sentence'");

	off = parse_error("(words + 1", msg, sizeof(msg));
	assert_int_equal(off, 10);
	assert_string_equal(msg, "expected ')'");

	off = parse_error("words +", msg, sizeof(msg));
	assert_int_equal(off, 7);
	assert_string_equal(msg, "unexpected end of expression");

	off = parse_error("words words", msg, sizeof(msg));
	assert_int_equal(off, 6);
	assert_string_equal(msg, "unexpected 'w'");

	off = parse_error("cbrt(words)", msg, sizeof(msg));
	assert_int_equal(off, 0);
	assert_string_equal(msg, "unknown function 'cbrt'");

	parse_error("sqrt(1, 2)", msg, sizeof(msg));
	assert_string_equal(msg, "wrong number of arguments to 'sqrt'");

	parse_error("", msg, sizeof(msg));
	assert_string_equal(msg, "empty expression");
	parse_error("   ", msg, sizeof(msg));
	assert_string_equal(msg, "empty expression");

	off = parse_error("1 & 2", msg, sizeof(msg));
	assert_int_equal(off, 2);
	assert_string_equal(msg, "unexpected '&'");

	off = parse_error("1 ? 2", msg, sizeof(msg));
	assert_string_equal(msg, "expected ':'");

	/* Variables are not functions, and functions need parentheses. */
	parse_error("words(1)", msg, sizeof(msg));
	assert_string_equal(msg, "unknown function 'words'");
	parse_error("sqrt + 1", msg, sizeof(msg));
	assert_string_equal(msg, "unknown variable 'sqrt'");
	(void)off;
}

static void test_limits(void **state)
{
	char msg[1024];
	char *deep, *longsum, *huge;
	size_t i, n;
	fl_expr *e = NULL;
	fulint_error err;
	double v[V_COUNT] = { 0 }, out = 0;
	(void)state;

	/* 2,000 nested parentheses: an error, not a stack overflow. */
	n = 2000;
	deep = malloc(2 * n + 2);
	assert_non_null(deep);
	for (i = 0; i < n; i++)
		deep[i] = '(';
	deep[n] = '1';
	for (i = 0; i < n; i++)
		deep[n + 1 + i] = ')';
	deep[2 * n + 1] = '\0';
	parse_error(deep, msg, sizeof(msg));
	assert_non_null(strstr(msg, "too"));
	free(deep);

	/* A long chain of additions is fine up to the height cap, then refused. */
	longsum = malloc(4096);
	assert_non_null(longsum);
	strcpy(longsum, "1");
	for (i = 0; i < 200; i++)
		strcat(longsum, "+1");
	assert_int_equal(fl_expr_parse(&e, longsum, vars, V_COUNT, NULL, &err), 0);
	fl_expr_eval(e, v, &out);
	assert_double_equal(out, 201, 0);
	fl_expr_free(e);
	strcpy(longsum, "1");
	for (i = 0; i < 600; i++)
		strcat(longsum, "+1");
	parse_error(longsum, msg, sizeof(msg));
	assert_non_null(strstr(msg, "too"));
	free(longsum);

	/* Longer than FL_EXPR_MAX_LEN. */
	huge = malloc(FL_EXPR_MAX_LEN + 10);
	assert_non_null(huge);
	memset(huge, ' ', FL_EXPR_MAX_LEN + 8);
	huge[0] = '1';
	huge[FL_EXPR_MAX_LEN + 8] = '\0';
	parse_error(huge, msg, sizeof(msg));
	free(huge);

	fl_expr_free(NULL); /* no-op */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_variables_and_vale_formula),
		cmocka_unit_test(test_functions),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_division_by_zero_is_not_a_crash),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
