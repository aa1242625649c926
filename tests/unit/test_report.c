/*
 * test_report.c - the reporters: every output format on fake results built
 * by filling struct fulint_result directly (fl_result.h is included here
 * only, never by a reporter), compared with expected output written out in
 * full below.
 *
 * The fake findings get their positions from a helper that counts lines,
 * code points, bytes and UTF-16 units in the text, as the pipeline does, so
 * the expected strings below check the reporters, not the helper.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_base.h"
#include "fl_result.h"

/* ---- fake results ---- */

#define MAX_FAKE 8

typedef struct fake {
	struct fulint_result res;
	fulint_finding f[MAX_FAKE];
} fake;

static void fake_init(fake *fk, const char *name, const char *text, size_t len)
{
	memset(fk, 0, sizeof(*fk));
	fk->res.name = (char *)name;
	fk->res.text = (char *)text;
	fk->res.text_len = len;
	fk->res.findings = fk->f;
	fk->res.cap_findings = MAX_FAKE;
	fk->res.note_kind = "thank-you";
	fk->res.note_kind_told = true;
	fk->res.input_kind = "text";
	fk->res.positions = "file";
}

typedef struct pos {
	unsigned line, cp, byte, u16;
} pos;

/* 1-based line and columns of byte `off` in text. */
static pos pos_of(const char *text, size_t off)
{
	pos p = { 1, 1, 1, 1 };
	size_t i, ls = 0;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			p.line++;
			ls = i + 1;
		}
	}
	p.byte = (unsigned)(off - ls) + 1;
	p.cp = (unsigned)fl_utf8_count_codepoints(text + ls, off - ls) + 1;
	p.u16 = (unsigned)fl_utf8_count_utf16(text + ls, off - ls) + 1;
	return p;
}

/*
 * Add a finding over [off, off+len) of the fake's text.  `match` NULL takes
 * the span's bytes.
 */
static fulint_finding *fake_add(fake *fk, const char *rule, fulint_level level, const char *msg, size_t off,
                                size_t len, const char *match, const char *const *sugg, size_t n_sugg,
                                int whole)
{
	fulint_finding *f;
	pos a, b;
	size_t last = off;
	assert_true(fk->res.n_findings < MAX_FAKE);
	f = &fk->f[fk->res.n_findings++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->level = level;
	f->message = msg;
	f->description = "";
	f->link = "";
	f->action = "";
	f->match = match ? match : fl_arena_strndup(&fk->res.arena, fk->res.text + off, len);
	assert_non_null(f->match);
	f->suggestions = sugg;
	f->n_suggestions = n_sugg;
	f->offset = off;
	f->length = len;
	f->whole_note = whole;
	if (len > 0) {
		last = off + len - 1;
		while (last > off && ((unsigned char)fk->res.text[last] & 0xC0) == 0x80)
			last--;
	}
	a = pos_of(fk->res.text, off);
	b = pos_of(fk->res.text, last);
	f->line = a.line;
	f->column = a.cp;
	f->column_byte = a.byte;
	f->column_utf16 = a.u16;
	f->end_line = b.line;
	f->end_column = b.cp;
	f->end_column_byte = b.byte;
	f->end_column_utf16 = b.u16;
	return f;
}

static size_t offset_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	assert_non_null(p);
	return (size_t)(p - text);
}

static void fake_dispose(fake *fk)
{
	fl_arena_dispose(&fk->res.arena);
}

/*
 * The main fake: a multi-byte name (match holds invalid UTF-8), a whole-note
 * finding, an error after "café 😀" with a message full of characters to
 * escape, and a warning after a tab with three suggestions.
 */
static const char draft[] = "Hi Zo\xC3\xAB,\n"
                            "\n"
                            "Thanks for the caf\xC3\xA9 \xF0\x9F\x98\x80 chat!!\n"
                            "\tI look forward to it.\n"
                            "Best,\n";
static const char *const sugg_bang[] = { "!" };
static const char *const sugg_see[] = { "see", "view", "meet" };

static void main_fake(fake *fk, const char *name)
{
	fulint_finding *f;
	fake_init(fk, name, draft, sizeof(draft) - 1);
	fake_add(fk, "FollowUp.Name", FULINT_SUGGESTION, "Check the name 'Zo\xC3\xAB'.", offset_of(draft, "Zo"), 4,
	         "Zo\xC3", NULL, 0, 0);
	fake_add(fk, "FollowUp.Length", FULINT_SUGGESTION, "The note is short.", offset_of(draft, "Thanks"), 0, "",
	         NULL, 0, 1);
	f = fake_add(fk, "FollowUp.Exclamation", FULINT_ERROR, "Don't use \"!!\" \\ here\nnow\x01.",
	             offset_of(draft, "!!"), 2, NULL, sugg_bang, 1, 0);
	f->action = "replace";
	f->link = "https://example.com/<a&b>";
	f = fake_add(fk, "Style.Word", FULINT_WARNING, "Prefer 'see'.", offset_of(draft, "look"), 4, NULL, sugg_see,
	             3, 0);
	f->description = "Plain words.";
}

/* ---- capture ---- */

typedef struct capture {
	fl_buf b;
	int calls;
	int fail_at; /* fail the n-th call and after (0: never) */
} capture;

static int cap_write(void *payload, const char *data, size_t len)
{
	capture *c = payload;
	c->calls++;
	if (c->fail_at > 0 && c->calls >= c->fail_at)
		return -1;
	return fl_buf_append(&c->b, data, len) < 0 ? -1 : 0;
}

static fulint_report_options opts_for(fulint_format format)
{
	fulint_report_options o = FULINT_REPORT_OPTIONS_INIT;
	o.format = format;
	return o;
}

/* Render `n` results with `o` into c (which the caller disposes). */
static int render(capture *c, const fulint_report_options *o, fulint_result *const *res, size_t n)
{
	fulint_reporter *rep = NULL;
	size_t i;
	int rc = fulint_reporter_new(&rep, o, cap_write, c);
	assert_int_equal(rc, 0);
	for (i = 0; rc == 0 && i < n; i++)
		rc = fulint_reporter_add(rep, res[i]);
	if (rc == 0)
		rc = fulint_reporter_finish(rep);
	fulint_reporter_free(rep);
	return rc;
}

/* Render the main fake with `o` and compare with `expected`. */
static void check_main(const fulint_report_options *o, const char *expected)
{
	fake fk;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_result *r = &fk.res;
	main_fake(&fk, "draft.txt");
	assert_int_equal(render(&c, o, &r, 1), 0);
	assert_string_equal(fl_buf_cstr(&c.b), expected);
	/* Deterministic: the same input renders the same bytes. */
	{
		capture c2 = { FL_BUF_INIT, 0, 0 };
		assert_int_equal(render(&c2, o, &r, 1), 0);
		assert_string_equal(fl_buf_cstr(&c2.b), fl_buf_cstr(&c.b));
		fl_buf_dispose(&c2.b);
	}
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
}

/* ---- gnu ---- */

static void test_gnu(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_GNU);
	(void)state;
	check_main(&o, "draft.txt:1:4: note: Check the name 'Zo\xC3\xAB'. [FollowUp.Name]\n"
	               "draft.txt:3:1: note: The note is short. [FollowUp.Length]\n"
	               "draft.txt:3:27: error: Don't use \"!!\" \\ here now . (suggestion: '!') [FollowUp.Exclamation]\n"
	               "draft.txt:4:4: warning: Prefer 'see'. (suggestions: 'see', 'view', 'meet') [Style.Word]\n");
}

static void test_gnu_columns(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_GNU);
	(void)state;
	o.column_unit = FULINT_COLUMN_BYTE;
	check_main(&o, "draft.txt:1:4: note: Check the name 'Zo\xC3\xAB'. [FollowUp.Name]\n"
	               "draft.txt:3:1: note: The note is short. [FollowUp.Length]\n"
	               "draft.txt:3:31: error: Don't use \"!!\" \\ here now . (suggestion: '!') [FollowUp.Exclamation]\n"
	               "draft.txt:4:4: warning: Prefer 'see'. (suggestions: 'see', 'view', 'meet') [Style.Word]\n");
	o.column_unit = FULINT_COLUMN_UTF16;
	check_main(&o, "draft.txt:1:4: note: Check the name 'Zo\xC3\xAB'. [FollowUp.Name]\n"
	               "draft.txt:3:1: note: The note is short. [FollowUp.Length]\n"
	               "draft.txt:3:28: error: Don't use \"!!\" \\ here now . (suggestion: '!') [FollowUp.Exclamation]\n"
	               "draft.txt:4:4: warning: Prefer 'see'. (suggestions: 'see', 'view', 'meet') [Style.Word]\n");
}

static void test_gnu_min_level(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_GNU);
	(void)state;
	o.min_level = FULINT_WARNING;
	check_main(&o, "draft.txt:3:27: error: Don't use \"!!\" \\ here now . (suggestion: '!') [FollowUp.Exclamation]\n"
	               "draft.txt:4:4: warning: Prefer 'see'. (suggestions: 'see', 'view', 'meet') [Style.Word]\n");
	o.min_level = FULINT_ERROR;
	check_main(&o, "draft.txt:3:27: error: Don't use \"!!\" \\ here now . (suggestion: '!') [FollowUp.Exclamation]\n");
}

/* Many suggestions are cut at five; control bytes in file names become '?'. */
static void test_gnu_edge(void **state)
{
	static const char *const many[] = { "a", "b", "c", "d", "e", "f\ng" };
	static const char text[] = "one two\n";
	fake fk;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_GNU);
	fulint_result *r = &fk.res;
	(void)state;
	fake_init(&fk, "dir/we\x1b[1mird\xFF.txt", text, sizeof(text) - 1);
	fake_add(&fk, "A.B", FULINT_WARNING, "m\x1b[31m\xC2\x9B", 4, 3, NULL, many, 6, 0);
	assert_int_equal(render(&c, &o, &r, 1), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "dir/we?[1mird\xFF.txt:1:5: warning: m [31m  (suggestions: 'a', 'b', "
	                                       "'c', 'd', 'e', ...) [A.B]\n");
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
}

/* ---- line ---- */

static void test_line(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_LINE);
	(void)state;
	check_main(&o, "draft.txt:1:4:FollowUp.Name:Check the name 'Zo\xC3\xAB'.\n"
	               "draft.txt:3:1:FollowUp.Length:The note is short.\n"
	               "draft.txt:3:27:FollowUp.Exclamation:Don't use \"!!\" \\ here now .\n"
	               "draft.txt:4:4:Style.Word:Prefer 'see'.\n");
	o.column_unit = FULINT_COLUMN_UTF16;
	o.min_level = FULINT_ERROR;
	check_main(&o, "draft.txt:3:28:FollowUp.Exclamation:Don't use \"!!\" \\ here now .\n");
}

/* ---- json ---- */

static const char json_main[] =
	"{\n"
	"  \"version\": 1,\n"
	"  \"column_unit\": \"codepoint\",\n"
	"  \"files\": [\n"
	"    {\n"
	"      \"path\": \"draft.txt\",\n"
	"      \"input\": \"text\",\n"
	"      \"positions\": \"file\",\n"
	"      \"note_kind\": \"thank-you\",\n"
	"      \"findings\": [\n"
	"        {\n"
	"          \"rule\": \"FollowUp.Name\",\n"
	"          \"level\": \"suggestion\",\n"
	"          \"message\": \"Check the name 'Zo\xC3\xAB'.\",\n"
	"          \"line\": 1,\n"
	"          \"column\": 4,\n"
	"          \"end_line\": 1,\n"
	"          \"end_column\": 6,\n"
	"          \"offset\": 3,\n"
	"          \"length\": 4,\n"
	"          \"column_utf16\": 4,\n"
	"          \"end_column_utf16\": 6,\n"
	"          \"match\": \"Zo\\ufffd\",\n"
	"          \"suggestions\": [],\n"
	"          \"link\": \"\",\n"
	"          \"description\": \"\",\n"
	"          \"action\": \"\",\n"
	"          \"whole_note\": false\n"
	"        },\n"
	"        {\n"
	"          \"rule\": \"FollowUp.Length\",\n"
	"          \"level\": \"suggestion\",\n"
	"          \"message\": \"The note is short.\",\n"
	"          \"line\": 3,\n"
	"          \"column\": 1,\n"
	"          \"end_line\": 3,\n"
	"          \"end_column\": 1,\n"
	"          \"offset\": 10,\n"
	"          \"length\": 0,\n"
	"          \"column_utf16\": 1,\n"
	"          \"end_column_utf16\": 1,\n"
	"          \"match\": \"\",\n"
	"          \"suggestions\": [],\n"
	"          \"link\": \"\",\n"
	"          \"description\": \"\",\n"
	"          \"action\": \"\",\n"
	"          \"whole_note\": true\n"
	"        },\n"
	"        {\n"
	"          \"rule\": \"FollowUp.Exclamation\",\n"
	"          \"level\": \"error\",\n"
	"          \"message\": \"Don't use \\\"!!\\\" \\\\ here\\nnow\\u0001.\",\n"
	"          \"line\": 3,\n"
	"          \"column\": 27,\n"
	"          \"end_line\": 3,\n"
	"          \"end_column\": 28,\n"
	"          \"offset\": 40,\n"
	"          \"length\": 2,\n"
	"          \"column_utf16\": 28,\n"
	"          \"end_column_utf16\": 29,\n"
	"          \"match\": \"!!\",\n"
	"          \"suggestions\": [\n"
	"            \"!\"\n"
	"          ],\n"
	"          \"link\": \"https://example.com/<a&b>\",\n"
	"          \"description\": \"\",\n"
	"          \"action\": \"replace\",\n"
	"          \"whole_note\": false\n"
	"        },\n"
	"        {\n"
	"          \"rule\": \"Style.Word\",\n"
	"          \"level\": \"warning\",\n"
	"          \"message\": \"Prefer 'see'.\",\n"
	"          \"line\": 4,\n"
	"          \"column\": 4,\n"
	"          \"end_line\": 4,\n"
	"          \"end_column\": 7,\n"
	"          \"offset\": 46,\n"
	"          \"length\": 4,\n"
	"          \"column_utf16\": 4,\n"
	"          \"end_column_utf16\": 7,\n"
	"          \"match\": \"look\",\n"
	"          \"suggestions\": [\n"
	"            \"see\",\n"
	"            \"view\",\n"
	"            \"meet\"\n"
	"          ],\n"
	"          \"link\": \"\",\n"
	"          \"description\": \"Plain words.\",\n"
	"          \"action\": \"\",\n"
	"          \"whole_note\": false\n"
	"        }\n"
	"      ]\n"
	"    }\n"
	"  ],\n"
	"  \"summary\": {\n"
	"    \"files\": 1,\n"
	"    \"findings\": 4,\n"
	"    \"errors\": 1,\n"
	"    \"warnings\": 1,\n"
	"    \"suggestions\": 2\n"
	"  }\n"
	"}\n";

static void test_json(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_JSON);
	(void)state;
	check_main(&o, json_main);
}

static void test_json_units_and_level(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_JSON);
	(void)state;
	o.column_unit = FULINT_COLUMN_BYTE;
	o.min_level = FULINT_ERROR;
	check_main(&o, "{\n"
	               "  \"version\": 1,\n"
	               "  \"column_unit\": \"byte\",\n"
	               "  \"files\": [\n"
	               "    {\n"
	               "      \"path\": \"draft.txt\",\n"
	               "      \"input\": \"text\",\n"
	               "      \"positions\": \"file\",\n"
	               "      \"note_kind\": \"thank-you\",\n"
	               "      \"findings\": [\n"
	               "        {\n"
	               "          \"rule\": \"FollowUp.Exclamation\",\n"
	               "          \"level\": \"error\",\n"
	               "          \"message\": \"Don't use \\\"!!\\\" \\\\ here\\nnow\\u0001.\",\n"
	               "          \"line\": 3,\n"
	               "          \"column\": 31,\n"
	               "          \"end_line\": 3,\n"
	               "          \"end_column\": 32,\n"
	               "          \"offset\": 40,\n"
	               "          \"length\": 2,\n"
	               "          \"column_utf16\": 28,\n"
	               "          \"end_column_utf16\": 29,\n"
	               "          \"match\": \"!!\",\n"
	               "          \"suggestions\": [\n"
	               "            \"!\"\n"
	               "          ],\n"
	               "          \"link\": \"https://example.com/<a&b>\",\n"
	               "          \"description\": \"\",\n"
	               "          \"action\": \"replace\",\n"
	               "          \"whole_note\": false\n"
	               "        }\n"
	               "      ]\n"
	               "    }\n"
	               "  ],\n"
	               "  \"summary\": {\n"
	               "    \"files\": 1,\n"
	               "    \"findings\": 1,\n"
	               "    \"errors\": 1,\n"
	               "    \"warnings\": 0,\n"
	               "    \"suggestions\": 0\n"
	               "  }\n"
	               "}\n");
}

/* No files at all, then two files of which one is clean, with a NULL note kind. */
static void test_json_empty_and_multi(void **state)
{
	static const char clean_text[] = "Hello.\n";
	fake a, b;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_JSON);
	fulint_result *rs[2];
	(void)state;

	assert_int_equal(render(&c, &o, NULL, 0), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "{\n"
	                                       "  \"version\": 1,\n"
	                                       "  \"column_unit\": \"codepoint\",\n"
	                                       "  \"files\": [],\n"
	                                       "  \"summary\": {\n"
	                                       "    \"files\": 0,\n"
	                                       "    \"findings\": 0,\n"
	                                       "    \"errors\": 0,\n"
	                                       "    \"warnings\": 0,\n"
	                                       "    \"suggestions\": 0\n"
	                                       "  }\n"
	                                       "}\n");
	fl_buf_reset(&c.b);

	fake_init(&a, "clean \"q\".txt", clean_text, sizeof(clean_text) - 1);
	a.res.note_kind = NULL;
	a.res.input_kind = "email";
	a.res.positions = "decoded";
	fake_init(&b, "b.txt", clean_text, sizeof(clean_text) - 1);
	fake_add(&b, "X.Y", FULINT_WARNING, "w", 0, 5, NULL, NULL, 0, 0);
	rs[0] = &a.res;
	rs[1] = &b.res;
	assert_int_equal(render(&c, &o, rs, 2), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "{\n"
	                                       "  \"version\": 1,\n"
	                                       "  \"column_unit\": \"codepoint\",\n"
	                                       "  \"files\": [\n"
	                                       "    {\n"
	                                       "      \"path\": \"clean \\\"q\\\".txt\",\n"
	                                       "      \"input\": \"email\",\n"
	                                       "      \"positions\": \"decoded\",\n"
	                                       "      \"note_kind\": null,\n"
	                                       "      \"findings\": []\n"
	                                       "    },\n"
	                                       "    {\n"
	                                       "      \"path\": \"b.txt\",\n"
	                                       "      \"input\": \"text\",\n"
	                                       "      \"positions\": \"file\",\n"
	                                       "      \"note_kind\": \"thank-you\",\n"
	                                       "      \"findings\": [\n"
	                                       "        {\n"
	                                       "          \"rule\": \"X.Y\",\n"
	                                       "          \"level\": \"warning\",\n"
	                                       "          \"message\": \"w\",\n"
	                                       "          \"line\": 1,\n"
	                                       "          \"column\": 1,\n"
	                                       "          \"end_line\": 1,\n"
	                                       "          \"end_column\": 5,\n"
	                                       "          \"offset\": 0,\n"
	                                       "          \"length\": 5,\n"
	                                       "          \"column_utf16\": 1,\n"
	                                       "          \"end_column_utf16\": 5,\n"
	                                       "          \"match\": \"Hello\",\n"
	                                       "          \"suggestions\": [],\n"
	                                       "          \"link\": \"\",\n"
	                                       "          \"description\": \"\",\n"
	                                       "          \"action\": \"\",\n"
	                                       "          \"whole_note\": false\n"
	                                       "        }\n"
	                                       "      ]\n"
	                                       "    }\n"
	                                       "  ],\n"
	                                       "  \"summary\": {\n"
	                                       "    \"files\": 2,\n"
	                                       "    \"findings\": 1,\n"
	                                       "    \"errors\": 0,\n"
	                                       "    \"warnings\": 1,\n"
	                                       "    \"suggestions\": 0\n"
	                                       "  }\n"
	                                       "}\n");
	fl_buf_dispose(&c.b);
	fake_dispose(&a);
	fake_dispose(&b);
}

/* Every byte value in a message comes out as valid UTF-8 JSON. */
static void test_json_all_bytes(void **state)
{
	char msg[256];
	static const char text[] = "x\n";
	fake fk;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_JSON);
	fulint_result *r = &fk.res;
	const char *out, *p;
	size_t i;
	(void)state;
	for (i = 1; i < 256; i++)
		msg[i - 1] = (char)i;
	msg[255] = '\0';
	fake_init(&fk, "f", text, 2);
	fake_add(&fk, "A.B", FULINT_ERROR, msg, 0, 1, msg, NULL, 0, 0);
	assert_int_equal(render(&c, &o, &r, 1), 0);
	out = fl_buf_cstr(&c.b);
	assert_int_equal(fl_utf8_first_invalid(out, c.b.len), c.b.len);
	for (p = out; *p; p++)
		assert_true((unsigned char)*p >= 0x20 || *p == '\n');
	assert_non_null(strstr(out, "\"message\": \"\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n"
	                            "\\u000b\\f\\r\\u000e"));
	assert_non_null(strstr(out, " !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`"
	                            "abcdefghijklmnopqrstuvwxyz{|}~\\u007f\\ufffd\\ufffd"));
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
}

/* ---- vale-json ---- */

static void test_vale_json(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_VALE_JSON);
	(void)state;
	check_main(&o, "{\n"
	               "  \"draft.txt\": [\n"
	               "    {\n"
	               "      \"Action\": {\n"
	               "        \"Name\": \"\",\n"
	               "        \"Params\": null\n"
	               "      },\n"
	               "      \"Span\": [\n"
	               "        4,\n"
	               "        6\n"
	               "      ],\n"
	               "      \"Check\": \"FollowUp.Name\",\n"
	               "      \"Description\": \"\",\n"
	               "      \"Link\": \"\",\n"
	               "      \"Message\": \"Check the name 'Zo\xC3\xAB'.\",\n"
	               "      \"Severity\": \"suggestion\",\n"
	               "      \"Match\": \"Zo\\ufffd\",\n"
	               "      \"Line\": 1\n"
	               "    },\n"
	               "    {\n"
	               "      \"Action\": {\n"
	               "        \"Name\": \"\",\n"
	               "        \"Params\": null\n"
	               "      },\n"
	               "      \"Span\": [\n"
	               "        1,\n"
	               "        1\n"
	               "      ],\n"
	               "      \"Check\": \"FollowUp.Length\",\n"
	               "      \"Description\": \"\",\n"
	               "      \"Link\": \"\",\n"
	               "      \"Message\": \"The note is short.\",\n"
	               "      \"Severity\": \"suggestion\",\n"
	               "      \"Match\": \"\",\n"
	               "      \"Line\": 3\n"
	               "    },\n"
	               "    {\n"
	               "      \"Action\": {\n"
	               "        \"Name\": \"replace\",\n"
	               "        \"Params\": [\n"
	               "          \"!\"\n"
	               "        ]\n"
	               "      },\n"
	               "      \"Span\": [\n"
	               "        27,\n"
	               "        28\n"
	               "      ],\n"
	               "      \"Check\": \"FollowUp.Exclamation\",\n"
	               "      \"Description\": \"\",\n"
	               "      \"Link\": \"https://example.com/\\u003ca\\u0026b\\u003e\",\n"
	               "      \"Message\": \"Don't use \\\"!!\\\" \\\\ here\\nnow\\u0001.\",\n"
	               "      \"Severity\": \"error\",\n"
	               "      \"Match\": \"!!\",\n"
	               "      \"Line\": 3\n"
	               "    },\n"
	               "    {\n"
	               "      \"Action\": {\n"
	               "        \"Name\": \"\",\n"
	               "        \"Params\": [\n"
	               "          \"see\",\n"
	               "          \"view\",\n"
	               "          \"meet\"\n"
	               "        ]\n"
	               "      },\n"
	               "      \"Span\": [\n"
	               "        4,\n"
	               "        7\n"
	               "      ],\n"
	               "      \"Check\": \"Style.Word\",\n"
	               "      \"Description\": \"Plain words.\",\n"
	               "      \"Link\": \"\",\n"
	               "      \"Message\": \"Prefer 'see'.\",\n"
	               "      \"Severity\": \"warning\",\n"
	               "      \"Match\": \"look\",\n"
	               "      \"Line\": 4\n"
	               "    }\n"
	               "  ]\n"
	               "}\n");
}

static const char vale_bang_utf16[] = "{\n"
                                      "  \"draft.txt\": [\n"
                                      "    {\n"
                                      "      \"Action\": {\n"
                                      "        \"Name\": \"replace\",\n"
                                      "        \"Params\": [\n"
                                      "          \"!\"\n"
                                      "        ]\n"
                                      "      },\n"
                                      "      \"Span\": [\n"
                                      "        28,\n"
                                      "        29\n"
                                      "      ],\n"
                                      "      \"Check\": \"FollowUp.Exclamation\",\n"
                                      "      \"Description\": \"\",\n"
                                      "      \"Link\": \"https://example.com/\\u003ca\\u0026b\\u003e\",\n"
                                      "      \"Message\": \"Don't use \\\"!!\\\" \\\\ here\\nnow\\u0001.\",\n"
                                      "      \"Severity\": \"error\",\n"
                                      "      \"Match\": \"!!\",\n"
                                      "      \"Line\": 3\n"
                                      "    }\n"
                                      "  ]\n"
                                      "}\n";

static void test_vale_json_units(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_VALE_JSON);
	(void)state;
	o.column_unit = FULINT_COLUMN_UTF16;
	o.min_level = FULINT_ERROR;
	check_main(&o, vale_bang_utf16);
}

/*
 * Files are sorted by path as Go sorts map keys, a path given twice is
 * merged, clean files are left out, and nothing at all is "{}".
 */
static void test_vale_json_files(void **state)
{
	static const char text[] = "ab\ncd\n";
	fake z, a1, clean, a2;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_VALE_JSON);
	fulint_result *rs[4];
	(void)state;

	assert_int_equal(render(&c, &o, NULL, 0), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "{}\n");
	fl_buf_reset(&c.b);

	fake_init(&z, "z.txt", text, 6);
	fake_add(&z, "Z.Z", FULINT_WARNING, "z", 0, 1, NULL, NULL, 0, 0);
	fake_init(&a1, "a.txt", text, 6);
	/* A span over two lines: Span ends at the end of its first line. */
	fake_add(&a1, "A.One", FULINT_ERROR, "one", 1, 3, NULL, NULL, 0, 0);
	fake_init(&clean, "c.txt", text, 6);
	fake_add(&clean, "C.Low", FULINT_SUGGESTION, "hidden", 0, 1, NULL, NULL, 0, 0);
	fake_init(&a2, "a.txt", text, 6);
	fake_add(&a2, "A.Two", FULINT_WARNING, "two", 3, 2, NULL, NULL, 0, 0);
	rs[0] = &z.res;
	rs[1] = &a1.res;
	rs[2] = &clean.res;
	rs[3] = &a2.res;
	o.min_level = FULINT_WARNING;
	assert_int_equal(render(&c, &o, rs, 4), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "{\n"
	                                       "  \"a.txt\": [\n"
	                                       "    {\n"
	                                       "      \"Action\": {\n"
	                                       "        \"Name\": \"\",\n"
	                                       "        \"Params\": null\n"
	                                       "      },\n"
	                                       "      \"Span\": [\n"
	                                       "        2,\n"
	                                       "        2\n"
	                                       "      ],\n"
	                                       "      \"Check\": \"A.One\",\n"
	                                       "      \"Description\": \"\",\n"
	                                       "      \"Link\": \"\",\n"
	                                       "      \"Message\": \"one\",\n"
	                                       "      \"Severity\": \"error\",\n"
	                                       "      \"Match\": \"b\\nc\",\n"
	                                       "      \"Line\": 1\n"
	                                       "    },\n"
	                                       "    {\n"
	                                       "      \"Action\": {\n"
	                                       "        \"Name\": \"\",\n"
	                                       "        \"Params\": null\n"
	                                       "      },\n"
	                                       "      \"Span\": [\n"
	                                       "        1,\n"
	                                       "        2\n"
	                                       "      ],\n"
	                                       "      \"Check\": \"A.Two\",\n"
	                                       "      \"Description\": \"\",\n"
	                                       "      \"Link\": \"\",\n"
	                                       "      \"Message\": \"two\",\n"
	                                       "      \"Severity\": \"warning\",\n"
	                                       "      \"Match\": \"cd\",\n"
	                                       "      \"Line\": 2\n"
	                                       "    }\n"
	                                       "  ],\n"
	                                       "  \"z.txt\": [\n"
	                                       "    {\n"
	                                       "      \"Action\": {\n"
	                                       "        \"Name\": \"\",\n"
	                                       "        \"Params\": null\n"
	                                       "      },\n"
	                                       "      \"Span\": [\n"
	                                       "        1,\n"
	                                       "        1\n"
	                                       "      ],\n"
	                                       "      \"Check\": \"Z.Z\",\n"
	                                       "      \"Description\": \"\",\n"
	                                       "      \"Link\": \"\",\n"
	                                       "      \"Message\": \"z\",\n"
	                                       "      \"Severity\": \"warning\",\n"
	                                       "      \"Match\": \"a\",\n"
	                                       "      \"Line\": 1\n"
	                                       "    }\n"
	                                       "  ]\n"
	                                       "}\n");
	fl_buf_dispose(&c.b);
	fake_dispose(&z);
	fake_dispose(&a1);
	fake_dispose(&clean);
	fake_dispose(&a2);
}

/* ---- pretty ---- */

static const char pretty_main[] =
	"draft.txt\n"
	"draft.txt:1:4  suggestion  Check the name 'Zo\xC3\xAB'.  [FollowUp.Name]\n"
	"  1 | Hi Zo\xC3\xAB,\n"
	"    |    ^~~\n"
	"\n"
	"draft.txt:3:1  suggestion  The note is short.  [FollowUp.Length]\n"
	"  (about the whole note)\n"
	"\n"
	"draft.txt:3:27  error  Don't use \"!!\" \\ here now .  [FollowUp.Exclamation]\n"
	"  3 | Thanks for the caf\xC3\xA9 \xF0\x9F\x98\x80 chat!!\n"
	"    |                            ^~\n"
	"  = help: did you mean '!'?\n"
	"\n"
	"draft.txt:4:4  warning  Prefer 'see'.  [Style.Word]\n"
	"  4 |         I look forward to it.\n"
	"    |           ^~~~\n"
	"  = help: did you mean 'see', 'view' or 'meet'?\n"
	"\n"
	"1 error, 1 warning, 2 suggestions in 1 file\n";

static void test_pretty(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_PRETTY);
	(void)state;
	check_main(&o, pretty_main);
}

static void test_pretty_min_level_and_units(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_PRETTY);
	(void)state;
	o.min_level = FULINT_ERROR;
	o.column_unit = FULINT_COLUMN_BYTE;
	check_main(&o, "draft.txt\n"
	               "draft.txt:3:31  error  Don't use \"!!\" \\ here now .  [FollowUp.Exclamation]\n"
	               "  3 | Thanks for the caf\xC3\xA9 \xF0\x9F\x98\x80 chat!!\n"
	               "    |                            ^~\n"
	               "  = help: did you mean '!'?\n"
	               "\n"
	               "1 error, 0 warnings, 0 suggestions in 1 file\n");
}

static void test_pretty_color(void **state)
{
	fulint_report_options o = opts_for(FULINT_FORMAT_PRETTY);
	(void)state;
	o.color = 1;
	o.min_level = FULINT_ERROR;
	check_main(&o, "\x1b[1;4mdraft.txt\x1b[0m\n"
	               "\x1b[1mdraft.txt:3:27\x1b[0m  \x1b[1;31merror\x1b[0m  Don't use \"!!\" \\ here now .  "
	               "[\x1b[1mFollowUp.Exclamation\x1b[0m]\n"
	               "\x1b[2m  3 |\x1b[0m Thanks for the caf\xC3\xA9 \xF0\x9F\x98\x80 chat!!\n"
	               "\x1b[2m    |\x1b[0m                            \x1b[1;31m^~\x1b[0m\n"
	               "  = \x1b[1mhelp\x1b[0m: did you mean '!'?\n"
	               "\n"
	               "\x1b[1m1 error, 0 warnings, 0 suggestions in 1 file\x1b[0m\n");
}

/* Clean runs, plural and singular, and escape bytes from the input. */
static void test_pretty_clean_and_escapes(void **state)
{
	static const char text[] = "a\x1b[31mb\x7f\tc\xFF" "d\r\nnext\n";
	fake a, b;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_PRETTY);
	fulint_result *rs[2];
	(void)state;

	assert_int_equal(render(&c, &o, NULL, 0), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "No problems found in 0 files.\n");
	fl_buf_reset(&c.b);

	fake_init(&a, "a.txt", text, sizeof(text) - 1);
	rs[0] = &a.res;
	assert_int_equal(render(&c, &o, rs, 1), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "No problems found in 1 file.\n");
	fl_buf_reset(&c.b);

	fake_init(&b, "b.txt", text, sizeof(text) - 1);
	fake_add(&b, "E.Sc", FULINT_WARNING, "esc \x1b]0;title\x07", offset_of(text, "d"), 1, NULL, NULL, 0, 0);
	rs[1] = &b.res;
	o.color = 0;
	assert_int_equal(render(&c, &o, rs, 2), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "b.txt\n"
	                                       "b.txt:1:12  warning  esc  ]0;title   [E.Sc]\n"
	                                       "  1 | a\xEF\xBF\xBD[31mb\xEF\xBF\xBD        c\xEF\xBF\xBD" "d\n"
	                                       "    |                   ^\n"
	                                       "\n"
	                                       "0 errors, 1 warning, 0 suggestions in 2 files\n");
	fl_buf_dispose(&c.b);
	fake_dispose(&a);
	fake_dispose(&b);
}

/* Display column of byte `at` in an echoed line (ASCII plus "…"). */
static size_t display_col(const char *line, const char *at)
{
	size_t col = 0;
	const char *p;
	for (p = line; p < at; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
	return col;
}

/*
 * A 10 MB line: the echo is a window of at most 120 columns with "…" on
 * both sides, and the caret still sits under the span.
 */
static void test_pretty_long_line(void **state)
{
	size_t len = (size_t)10 * 1024 * 1024, off = len / 2, i;
	char *text = malloc(len + 1);
	fake fk;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_PRETTY);
	fulint_result *r = &fk.res;
	const char *out, *echo, *under, *mark, *caret, *eol;
	(void)state;
	assert_non_null(text);
	for (i = 0; i < len; i++)
		text[i] = (char)('a' + i % 26);
	memcpy(text + off, "SPAN", 4);
	text[len] = '\0';
	fake_init(&fk, "long.txt", text, len);
	fake_add(&fk, "L.Long", FULINT_ERROR, "long", off, 4, "SPAN", NULL, 0, 0);
	assert_int_equal(render(&c, &o, &r, 1), 0);
	out = fl_buf_cstr(&c.b);
	assert_true(c.b.len < 1000);
	echo = strstr(out, "  1 | ");
	assert_non_null(echo);
	echo += 6;
	eol = strchr(echo, '\n');
	assert_non_null(eol);
	assert_memory_equal(echo, "\xE2\x80\xA6", 3);
	assert_memory_equal(eol - 3, "\xE2\x80\xA6", 3);
	assert_true(display_col(echo, eol) <= 120);
	mark = strstr(echo, "SPAN");
	assert_non_null(mark);
	assert_true(mark < eol);
	under = strstr(eol, "    | ");
	assert_non_null(under);
	under += 6;
	caret = strchr(under, '^');
	assert_non_null(caret);
	assert_int_equal((size_t)(caret - under), display_col(echo, mark));
	assert_memory_equal(caret, "^~~~\n", 5);
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);

	/* The same span near the start of a long line: no left "…". */
	memcpy(text + off, "abcd", 4);
	memcpy(text + 10, "SPAN", 4);
	fake_init(&fk, "long.txt", text, len);
	fake_add(&fk, "L.Long", FULINT_ERROR, "long", 10, 4, "SPAN", NULL, 0, 0);
	assert_int_equal(render(&c, &o, &r, 1), 0);
	out = fl_buf_cstr(&c.b);
	echo = strstr(out, "  1 | ");
	assert_non_null(echo);
	echo += 6;
	assert_memory_equal(echo, "abcdefghijSPAN", 14);
	eol = strchr(echo, '\n');
	assert_non_null(eol);
	assert_memory_equal(eol - 3, "\xE2\x80\xA6", 3);
	assert_int_equal(display_col(echo, eol), 120);
	assert_non_null(strstr(eol, "\n    |           ^~~~\n"));
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
	free(text);
}

/* Wide characters take two columns, combining marks none. */
static void test_pretty_wide(void **state)
{
	static const char text[] = "\xE4\xBD\xA0\xE5\xA5\xBD e\xCC\x81 x\n"; /* 你好 é(combining) x */
	fake fk;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_PRETTY);
	fulint_result *r = &fk.res;
	(void)state;
	fake_init(&fk, "w.txt", text, sizeof(text) - 1);
	fake_add(&fk, "W.X", FULINT_WARNING, "x", offset_of(text, "x"), 1, NULL, NULL, 0, 0);
	assert_int_equal(render(&c, &o, &r, 1), 0);
	assert_string_equal(fl_buf_cstr(&c.b), "w.txt\n"
	                                       "w.txt:1:7  warning  x  [W.X]\n"
	                                       "  1 | \xE4\xBD\xA0\xE5\xA5\xBD e\xCC\x81 x\n"
	                                       "    |        ^\n"
	                                       "\n"
	                                       "0 errors, 1 warning, 0 suggestions in 1 file\n");
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
}

/* ---- write failures and API misuse ---- */

static void test_write_failure(void **state)
{
	static const fulint_format all[] = { FULINT_FORMAT_PRETTY, FULINT_FORMAT_GNU, FULINT_FORMAT_LINE,
		                             FULINT_FORMAT_JSON, FULINT_FORMAT_VALE_JSON };
	size_t i;
	(void)state;
	for (i = 0; i < FL_ARRAY_LEN(all); i++) {
		fake fk;
		capture c = { FL_BUF_INIT, 0, 1 };
		fulint_report_options o = opts_for(all[i]);
		fulint_reporter *rep = NULL;
		int rc;
		main_fake(&fk, "draft.txt");
		assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), 0);
		rc = fulint_reporter_add(rep, &fk.res);
		if (all[i] == FULINT_FORMAT_VALE_JSON)
			assert_int_equal(rc, 0); /* held back until finish */
		else
			assert_int_equal(rc, FULINT_ERR_IO);
		/* Sticky: later calls fail the same way and write nothing. */
		assert_int_equal(fulint_reporter_finish(rep), FULINT_ERR_IO);
		assert_int_equal(fulint_reporter_add(rep, &fk.res), FULINT_ERR_IO);
		assert_int_equal(c.b.len, 0);
		assert_int_equal(c.calls, 1);
		fulint_reporter_free(rep);
		fl_buf_dispose(&c.b);
		fake_dispose(&fk);
	}
}

/* Large output is written in chunks; a failure on a later chunk stops it. */
static void test_write_chunks(void **state)
{
	static char msg[3000];
	static const char text[] = "x\n";
	fake fk;
	capture c = { FL_BUF_INIT, 0, 0 };
	fulint_report_options o = opts_for(FULINT_FORMAT_GNU);
	fulint_reporter *rep = NULL;
	size_t i, n = 0;
	(void)state;
	memset(msg, 'm', sizeof(msg) - 1);
	fake_init(&fk, "f", text, 2);
	for (i = 0; i < MAX_FAKE; i++)
		fake_add(&fk, "A.B", FULINT_ERROR, msg, 0, 1, NULL, NULL, 0, 0);
	assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), 0);
	for (i = 0; i < 8; i++)
		assert_int_equal(fulint_reporter_add(rep, &fk.res), 0);
	assert_int_equal(fulint_reporter_finish(rep), 0);
	fulint_reporter_free(rep);
	assert_true(c.calls > 1);
	for (i = 0; i < c.b.len; i++)
		n += c.b.data[i] == '\n';
	assert_int_equal(n, 64);
	assert_int_equal(c.b.len, 64 * strlen("f:1:1: error:  [A.B]\n") + 64 * (sizeof(msg) - 1));

	fl_buf_dispose(&c.b);
	memset(&c, 0, sizeof(c));
	c.fail_at = 2;
	assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), 0);
	for (i = 0; i < 8; i++)
		if (fulint_reporter_add(rep, &fk.res) != 0)
			break;
	assert_true(i < 8);
	assert_int_equal(fulint_reporter_add(rep, &fk.res), FULINT_ERR_IO);
	assert_int_equal(fulint_reporter_finish(rep), FULINT_ERR_IO);
	assert_int_equal(c.calls, 2);
	fulint_reporter_free(rep);
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
}

static void test_api(void **state)
{
	fulint_format fmt = FULINT_FORMAT_GNU;
	fulint_report_options o = opts_for(FULINT_FORMAT_LINE);
	fulint_reporter *rep = (fulint_reporter *)&o;
	capture c = { FL_BUF_INIT, 0, 0 };
	fake fk;
	(void)state;

	assert_int_equal(fulint_format_parse(&fmt, "pretty"), 0);
	assert_int_equal(fmt, FULINT_FORMAT_PRETTY);
	assert_int_equal(fulint_format_parse(&fmt, "gnu"), 0);
	assert_int_equal(fmt, FULINT_FORMAT_GNU);
	assert_int_equal(fulint_format_parse(&fmt, "line"), 0);
	assert_int_equal(fmt, FULINT_FORMAT_LINE);
	assert_int_equal(fulint_format_parse(&fmt, "JSON"), 0);
	assert_int_equal(fmt, FULINT_FORMAT_JSON);
	assert_int_equal(fulint_format_parse(&fmt, "vale-json"), 0);
	assert_int_equal(fmt, FULINT_FORMAT_VALE_JSON);
	assert_int_equal(fulint_format_parse(&fmt, "xml"), FULINT_ERR_USAGE);
	assert_int_equal(fulint_format_parse(&fmt, ""), FULINT_ERR_USAGE);
	assert_int_equal(fulint_format_parse(&fmt, NULL), FULINT_ERR_USAGE);
	assert_int_equal(fulint_format_parse(NULL, "gnu"), FULINT_ERR_USAGE);
	assert_int_equal(fmt, FULINT_FORMAT_VALE_JSON);

	assert_int_equal(fulint_reporter_new(&rep, &o, NULL, NULL), FULINT_ERR_USAGE);
	assert_null(rep);
	o.version = 99;
	assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), FULINT_ERR_USAGE);
	o = opts_for((fulint_format)42);
	assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), FULINT_ERR_USAGE);
	o = opts_for(FULINT_FORMAT_GNU);
	o.column_unit = (fulint_column_unit)7;
	assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), FULINT_ERR_USAGE);
	o = opts_for(FULINT_FORMAT_GNU);
	o.min_level = (fulint_level)-1;
	assert_int_equal(fulint_reporter_new(&rep, &o, cap_write, &c), FULINT_ERR_USAGE);
	assert_int_equal(fulint_reporter_new(NULL, &o, cap_write, &c), FULINT_ERR_USAGE);
	fulint_reporter_free(NULL);

	/* NULL options are the defaults (gnu); add after finish is misuse. */
	main_fake(&fk, "d");
	assert_int_equal(fulint_reporter_new(&rep, NULL, cap_write, &c), 0);
	assert_int_equal(fulint_reporter_add(rep, NULL), FULINT_ERR_USAGE);
	assert_int_equal(fulint_reporter_add(NULL, &fk.res), FULINT_ERR_USAGE);
	assert_int_equal(fulint_reporter_finish(rep), 0);
	assert_int_equal(fulint_reporter_add(rep, &fk.res), FULINT_ERR_USAGE);
	assert_int_equal(fulint_reporter_finish(rep), FULINT_ERR_USAGE);
	assert_int_equal(fulint_reporter_finish(NULL), FULINT_ERR_USAGE);
	fulint_reporter_free(rep);
	assert_int_equal(c.b.len, 0);
	fl_buf_dispose(&c.b);
	fake_dispose(&fk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gnu),
		cmocka_unit_test(test_gnu_columns),
		cmocka_unit_test(test_gnu_min_level),
		cmocka_unit_test(test_gnu_edge),
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_units_and_level),
		cmocka_unit_test(test_json_empty_and_multi),
		cmocka_unit_test(test_json_all_bytes),
		cmocka_unit_test(test_vale_json),
		cmocka_unit_test(test_vale_json_units),
		cmocka_unit_test(test_vale_json_files),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_pretty_min_level_and_units),
		cmocka_unit_test(test_pretty_color),
		cmocka_unit_test(test_pretty_clean_and_escapes),
		cmocka_unit_test(test_pretty_long_line),
		cmocka_unit_test(test_pretty_wide),
		cmocka_unit_test(test_write_failure),
		cmocka_unit_test(test_write_chunks),
		cmocka_unit_test(test_api),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
