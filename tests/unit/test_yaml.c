/*
 * test_yaml.c - fl_yaml: the tree it builds, the positions it keeps, and
 * every limit it enforces (anchors, aliases, depth, events, size, duplicate
 * and non-scalar keys, documents, NUL bytes, invalid UTF-8, tags).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_yaml.h"

static int parse(fl_node **root, const char *text, fulint_error *err)
{
	memset(err, 0, sizeof(*err));
	return fl_yaml_parse(root, "t.yml", text, strlen(text), FULINT_ERR_RULE, err);
}

/* Parse text that must fail; check code, position and a message fragment. */
static void expect_error(const char *text, size_t len, int code, unsigned line, unsigned column,
                         const char *fragment)
{
	fl_node *root = (fl_node *)1;
	fulint_error err;
	int rc;
	memset(&err, 0, sizeof(err));
	rc = fl_yaml_parse(&root, "t.yml", text, len, code, &err);
	if (rc == 0 || strstr(err.message, fragment) == NULL)
		print_error("input %.60s: rc %d, message '%s'\n", text, rc, err.message);
	assert_int_equal(rc, code);
	assert_int_equal(err.code, code);
	assert_null(root);
	assert_string_equal(err.file, "t.yml");
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
	assert_non_null(strstr(err.message, fragment));
}

static void test_tree_and_positions(void **state)
{
	fl_node *root;
	fulint_error err;
	const fl_node *tokens, *msg;
	(void)state;
	assert_int_equal(parse(&root,
	                       "# a comment\n"
	                       "extends: existence\n"
	                       "message: \"Avoid '%s'.\"\n"
	                       "tokens:\n"
	                       "  - alpha\n"
	                       "  - 'beta gamma'\n"
	                       "empty:\n"
	                       "block: |\n"
	                       "  two\n"
	                       "  lines\n",
	                       &err),
	                 0);
	assert_non_null(root);
	assert_int_equal(root->type, FL_NODE_MAP);
	assert_int_equal(root->line, 2);
	assert_int_equal(root->column, 1);
	assert_int_equal(fl_yaml_map_size(root), 5);
	assert_string_equal(fl_yaml_map_key(root, 0)->value, "extends");
	assert_int_equal(fl_yaml_map_key(root, 0)->line, 2);
	assert_int_equal(fl_yaml_map_value(root, 0)->column, 10);
	assert_false(fl_yaml_map_value(root, 0)->quoted);

	msg = fl_yaml_get(root, "message");
	assert_non_null(msg);
	assert_string_equal(msg->value, "Avoid '%s'.");
	assert_true(msg->quoted);
	assert_int_equal(msg->line, 3);
	assert_int_equal(msg->column, 10);

	tokens = fl_yaml_get(root, "tokens");
	assert_non_null(tokens);
	assert_int_equal(tokens->type, FL_NODE_SEQ);
	assert_int_equal(tokens->n_items, 2);
	assert_string_equal(tokens->items[1]->value, "beta gamma");
	assert_true(tokens->items[1]->quoted);
	assert_int_equal(tokens->items[1]->line, 6);
	assert_int_equal(tokens->items[1]->column, 5);

	assert_true(fl_yaml_is_null(fl_yaml_get(root, "empty")));
	assert_string_equal(fl_yaml_type_name(fl_yaml_get(root, "empty")), "an empty value");
	assert_string_equal(fl_yaml_get(root, "block")->value, "two\nlines\n");
	assert_true(fl_yaml_get(root, "block")->quoted);
	assert_null(fl_yaml_get(root, "missing"));
	assert_null(fl_yaml_map_key(root, 5));
	assert_string_equal(fl_yaml_type_name(root), "a mapping");
	assert_string_equal(fl_yaml_type_name(tokens), "a list");
	assert_string_equal(fl_yaml_type_name(msg), "a string");
	fl_yaml_free(root);
}

static void test_columns_count_code_points(void **state)
{
	fl_node *root;
	fulint_error err;
	(void)state;
	/* "é" is two bytes but one column, as libyaml counts. */
	assert_int_equal(parse(&root, "k: [\xc3\xa9t\xc3\xa9, x]\n", &err), 0);
	assert_int_equal(fl_yaml_get(root, "k")->items[1]->column, 10);
	fl_yaml_free(root);
	expect_error("k: \"\xc3\xa9\xc3\xa9\"\nj: &a x\n", 18, FULINT_ERR_RULE, 2, 4, "anchors");
}

static void test_empty_documents(void **state)
{
	fl_node *root = (fl_node *)1;
	fulint_error err;
	(void)state;
	assert_int_equal(fl_yaml_parse(&root, "t.yml", "", 0, FULINT_ERR_RULE, &err), 0);
	assert_null(root);
	assert_int_equal(parse(&root, "# only a comment\n\n", &err), 0);
	assert_null(root);
	assert_int_equal(parse(&root, "---\n", &err), 0);
	assert_null(root);
	assert_int_equal(parse(&root, "~\n", &err), 0);
	assert_null(root);
	/* a quoted empty string is a value, not an empty document */
	assert_int_equal(parse(&root, "''\n", &err), 0);
	assert_non_null(root);
	assert_true(root->quoted);
	assert_false(fl_yaml_is_null(root));
	fl_yaml_free(root);
	/* one explicit document is fine */
	assert_int_equal(parse(&root, "---\na: 1\n...\n", &err), 0);
	assert_int_equal(fl_yaml_map_size(root), 1);
	fl_yaml_free(root);
}

static void test_anchors_and_aliases(void **state)
{
	(void)state;
	expect_error("a: &x 1\n", 8, FULINT_ERR_RULE, 1, 4, "anchors and aliases are not allowed in rule files");
	expect_error("a: &x [1]\n", 10, FULINT_ERR_CONFIG, 1, 4,
	             "anchors and aliases are not allowed in configuration files");
	expect_error("a: &x {b: 1}\n", 13, FULINT_ERR_RULE, 1, 4, "anchors and aliases");
	/* an alias without an anchor is a libyaml error; with one, ours */
	expect_error("a: [1]\nb: *x\n", 13, FULINT_ERR_RULE, 2, 4, "");
}

static void test_depth_limit(void **state)
{
	char text[256];
	fl_node *root;
	fulint_error err;
	int i;
	size_t n = 0;
	(void)state;
	/* root mapping + 7 lists = 8 levels: allowed */
	n += (size_t)snprintf(text + n, sizeof(text) - n, "a: ");
	for (i = 0; i < 7; i++)
		text[n++] = '[';
	text[n++] = 'x';
	for (i = 0; i < 7; i++)
		text[n++] = ']';
	text[n++] = '\n';
	text[n] = '\0';
	assert_int_equal(parse(&root, text, &err), 0);
	fl_yaml_free(root);
	/* one more level: refused at the ninth opening bracket */
	n = (size_t)snprintf(text, sizeof(text), "a: ");
	for (i = 0; i < 8; i++)
		text[n++] = '[';
	text[n++] = 'x';
	for (i = 0; i < 8; i++)
		text[n++] = ']';
	text[n++] = '\n';
	text[n] = '\0';
	expect_error(text, n, FULINT_ERR_RULE, 1, 11, "nesting is too deep (more than 8 levels");
}

static void test_event_limit(void **state)
{
	/* 200,001 scalars in one flow list: under 1 MiB, over the event cap */
	size_t items = FL_YAML_MAX_EVENTS + 1, n = 0, i;
	char *text = malloc(items * 2 + 16);
	fl_node *root = (fl_node *)1;
	fulint_error err;
	(void)state;
	assert_non_null(text);
	memcpy(text, "a: [", 4);
	n = 4;
	for (i = 0; i < items; i++) {
		text[n++] = '1';
		text[n++] = ',';
	}
	text[n - 1] = ']';
	text[n++] = '\n';
	assert_true(n <= FL_YAML_MAX_BYTES);
	assert_int_equal(fl_yaml_parse(&root, "t.yml", text, n, FULINT_ERR_RULE, &err), FULINT_ERR_RULE);
	assert_null(root);
	assert_non_null(strstr(err.message, "too many YAML nodes"));
	assert_int_equal(err.line, 1);
	free(text);
}

static void test_size_limit(void **state)
{
	size_t len = FL_YAML_MAX_BYTES + 1;
	char *text = malloc(len);
	fl_node *root;
	fulint_error err;
	(void)state;
	assert_non_null(text);
	memset(text, '#', len);
	assert_int_equal(fl_yaml_parse(&root, "big.yml", text, len, FULINT_ERR_RULE, &err), FULINT_ERR_RULE);
	assert_string_equal(err.file, "big.yml");
	assert_int_equal(err.line, 0);
	assert_non_null(strstr(err.message, "file is too large (1048577 bytes"));
	/* exactly the cap is accepted (a file of comments is an empty document) */
	assert_int_equal(fl_yaml_parse(&root, "big.yml", text, len - 1, FULINT_ERR_RULE, &err), 0);
	assert_null(root);
	free(text);
}

static void test_duplicate_keys(void **state)
{
	/* many keys, one repeat near the end: found, and found quickly */
	size_t cap = 40000 * 16, n = 0;
	char *text = malloc(cap);
	int i;
	(void)state;
	assert_non_null(text);
	for (i = 0; i < 40000; i++)
		n += (size_t)snprintf(text + n, cap - n, "k%d: v\n", i);
	n += (size_t)snprintf(text + n, cap - n, "k17: again\n");
	expect_error(text, n, FULINT_ERR_RULE, 40001, 1, "duplicate key 'k17' (already set on line 18");
	free(text);
	expect_error("a:\n  b: 1\n  c: 2\n  b: 3\n", 22, FULINT_ERR_RULE, 4, 3, "duplicate key 'b'");
	/* the same key in different mappings is fine */
	{
		fl_node *root;
		fulint_error err;
		assert_int_equal(parse(&root, "a: {x: 1}\nb: {x: 2}\n", &err), 0);
		fl_yaml_free(root);
	}
}

static void test_structure_errors(void **state)
{
	(void)state;
	expect_error("? [a]\n: b\n", 9, FULINT_ERR_RULE, 1, 3, "a mapping key must be a plain string, not a list");
	expect_error("? {a: 1}\n: b\n", 12, FULINT_ERR_RULE, 1, 3, "not a mapping");
	expect_error("a: 1\n---\nb: 2\n", 13, FULINT_ERR_RULE, 2, 1, "a second YAML document");
	expect_error("a: 1\n...\n---\nb: 2\n", 17, FULINT_ERR_RULE, 3, 1, "rule files hold exactly one");
	expect_error("a: !!int 5\n", 11, FULINT_ERR_RULE, 1, 4, "YAML tag '!!int' is not allowed");
	expect_error("a: !custom 5\n", 13, FULINT_ERR_RULE, 1, 4, "YAML tag '!custom'");
}

static void test_str_tag_is_quoted(void **state)
{
	fl_node *root;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&root, "a: !!str true\n", &err), 0);
	assert_true(fl_yaml_get(root, "a")->quoted);
	assert_string_equal(fl_yaml_get(root, "a")->value, "true");
	fl_yaml_free(root);
}

static void test_bytes(void **state)
{
	static const char nul[] = "a: x\nb: y\0z\n";
	static const char bad[] = "a: x\nb: \xc3\xa9\xff\n";
	static const char bom16[] = "\xff\xfe" "a\0:\0";
	(void)state;
	expect_error(nul, sizeof(nul) - 1, FULINT_ERR_RULE, 2, 5, "NUL byte");
	expect_error(bad, sizeof(bad) - 1, FULINT_ERR_RULE, 2, 5, "invalid UTF-8 (byte 0xFF)");
	/* UTF-16 text: its NUL bytes are found first */
	expect_error(bom16, sizeof(bom16) - 1, FULINT_ERR_CONFIG, 1, 4, "NUL byte");
	expect_error(bom16, 3, FULINT_ERR_CONFIG, 1, 1, "invalid UTF-8 (byte 0xFF)");
	/* an escaped NUL inside a quoted string */
	expect_error("a: \"x\\0y\"\n", 10, FULINT_ERR_RULE, 1, 4, "NUL character");
	/* a UTF-8 BOM is fine */
	{
		fl_node *root;
		fulint_error err;
		assert_int_equal(parse(&root, "\xef\xbb\xbf" "a: 1\n", &err), 0);
		assert_string_equal(fl_yaml_map_key(root, 0)->value, "a");
		fl_yaml_free(root);
	}
}

static void test_syntax_errors(void **state)
{
	fl_node *root;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&root, "a: [1, 2\nb: 3\n", &err), FULINT_ERR_RULE);
	assert_string_equal(err.message,
	                    "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 2);
	/* a tab where indentation is expected */
	assert_int_equal(parse(&root, "a:\n\t- x\n", &err), FULINT_ERR_RULE);
	assert_non_null(strstr(err.message, "YAML syntax error: found character that cannot start any token"));
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 1);
	/* no context: the message has no parentheses */
	assert_int_equal(parse(&root, "a: b: c\n", &err), FULINT_ERR_RULE);
	assert_string_equal(err.message, "YAML syntax error: mapping values are not allowed in this context");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 5);
}

static void test_scalar_helpers(void **state)
{
	bool b = false;
	double d = -1;
	(void)state;
	assert_true(fl_yaml_bool("true", &b) && b);
	assert_true(fl_yaml_bool("Yes", &b) && b);
	assert_true(fl_yaml_bool("FALSE", &b) && !b);
	assert_true(fl_yaml_bool("no", &b) && !b);
	assert_false(fl_yaml_bool("maybe", &b));
	assert_false(fl_yaml_bool("", &b));
	assert_false(fl_yaml_bool("1", &b));

	assert_true(fl_yaml_number("150", &d));
	assert_true(d == 150.0);
	assert_true(fl_yaml_number("-2.5e1", &d));
	assert_true(d == -25.0);
	assert_true(fl_yaml_number("0.8", &d));
	assert_false(fl_yaml_number("ten", &d));
	assert_false(fl_yaml_number("10 ", &d));
	assert_false(fl_yaml_number("0x10", &d));
	assert_false(fl_yaml_number("inf", &d));
	assert_false(fl_yaml_number("nan", &d));
	assert_false(fl_yaml_number("1e999", &d));
	assert_false(fl_yaml_number("", &d));
	assert_false(fl_yaml_number(".", &d));
	assert_false(fl_yaml_number("1-2", &d));
}

static void test_suggest(void **state)
{
	static const char *const keys[] = { "extends", "message", "tokens", "ignorecase", "max", "min" };
	const size_t n = FL_ARRAY_LEN(keys);
	(void)state;
	assert_string_equal(fl_yaml_suggest("extend", keys, n), "extends");
	assert_string_equal(fl_yaml_suggest("mesage", keys, n), "message");
	assert_string_equal(fl_yaml_suggest("tokesn", keys, n), "tokens"); /* transposition */
	assert_string_equal(fl_yaml_suggest("ignore_case", keys, n), "ignorecase");
	assert_string_equal(fl_yaml_suggest("ignorec", keys, n), "ignorecase"); /* prefix */
	assert_string_equal(fl_yaml_suggest("maxx", keys, n), "max");
	assert_null(fl_yaml_suggest("formula", keys, n));
	assert_null(fl_yaml_suggest("x", keys, n));
	assert_null(fl_yaml_suggest(NULL, keys, n));
}

static void test_join_and_hint(void **state)
{
	static const char *const kinds[] = { "thank-you", "check-in", "nudge" };
	char buf[80], tiny[12];
	(void)state;
	fl_yaml_join(buf, sizeof(buf), kinds, 3, " or ");
	assert_string_equal(buf, "thank-you, check-in or nudge");
	fl_yaml_join(buf, sizeof(buf), kinds, 1, " or ");
	assert_string_equal(buf, "thank-you");
	fl_yaml_join(tiny, sizeof(tiny), kinds, 3, " and ");
	assert_string_equal(tiny, "thank-you, ");
	assert_string_equal(fl_yaml_hint(buf, sizeof(buf), "thankyou", kinds, 3), "did you mean 'thank-you'?");
	assert_string_equal(fl_yaml_hint(buf, sizeof(buf), "reply", kinds, 3),
	                    "expected thank-you, check-in or nudge");
	assert_string_equal(fl_yaml_hint(tiny, sizeof(tiny), "reply", kinds, 3), "expected th");
}

static void test_null_spellings(void **state)
{
	fl_node *root;
	fulint_error err;
	(void)state;
	assert_int_equal(parse(&root, "a: ~\nb: null\nc: NULL\nd: 'null'\ne: nul\n", &err), 0);
	assert_true(fl_yaml_is_null(fl_yaml_get(root, "a")));
	assert_true(fl_yaml_is_null(fl_yaml_get(root, "b")));
	assert_true(fl_yaml_is_null(fl_yaml_get(root, "c")));
	assert_false(fl_yaml_is_null(fl_yaml_get(root, "d")));
	assert_false(fl_yaml_is_null(fl_yaml_get(root, "e")));
	assert_true(fl_yaml_is_null(NULL));
	fl_yaml_free(root);
	fl_yaml_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_and_positions),
		cmocka_unit_test(test_columns_count_code_points),
		cmocka_unit_test(test_empty_documents),
		cmocka_unit_test(test_anchors_and_aliases),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_event_limit),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_structure_errors),
		cmocka_unit_test(test_str_tag_is_quoted),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_scalar_helpers),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_join_and_hint),
		cmocka_unit_test(test_null_spellings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
