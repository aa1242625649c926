/*
 * report_json.c - the `json` format: fulint's own schema, version
 * FULINT_JSON_SCHEMA_VERSION (see linter/FORMATS.md for the contract).
 *
 * What it is not: Vale's shape (report_vale_json.c does that).
 *
 * Invariants: one document per run, streamed file by file; keys in a fixed
 * order; two-space indentation; every file added appears in "files" (even
 * with no findings); strings are always valid UTF-8 (invalid bytes become
 * \ufffd) with control characters escaped.
 */
#include "fl_report.h"

#include <string.h>

static const char *unit_name(fulint_column_unit u)
{
	switch (u) {
	case FULINT_COLUMN_BYTE:
		return "byte";
	case FULINT_COLUMN_UTF16:
		return "utf16";
	case FULINT_COLUMN_CODEPOINT:
		break;
	}
	return "codepoint";
}

static int start_document(fulint_reporter *rep)
{
	if (rep->started)
		return 0;
	rep->started = true;
	return fl_report_printf(rep, "{\n  \"version\": %d,\n  \"column_unit\": \"%s\",\n  \"files\": [",
	                        FULINT_JSON_SCHEMA_VERSION, unit_name(rep->opts.column_unit));
}

/* `"key": "value"` (value NULL -> null), preceded by indentation. */
static int key_string(fulint_reporter *rep, const char *indent, const char *key, const char *value,
                      bool last)
{
	int rc = fl_report_printf(rep, "%s\"%s\": ", indent, key);
	if (rc == 0)
		rc = value != NULL ? fl_report_json_string(rep, value, strlen(value), false)
		                   : fl_report_puts(rep, "null");
	if (rc == 0)
		rc = fl_report_puts(rep, last ? "\n" : ",\n");
	return rc;
}

static int key_number(fulint_reporter *rep, const char *indent, const char *key, size_t value)
{
	return fl_report_printf(rep, "%s\"%s\": %zu,\n", indent, key, value);
}

static int put_finding(fulint_reporter *rep, const fulint_finding *f)
{
	static const char in[] = "          ";
	size_t i;
	int rc;

	rc = fl_report_puts(rep, "        {\n");
	if (rc == 0)
		rc = key_string(rep, in, "rule", f->rule ? f->rule : "", false);
	if (rc == 0)
		rc = key_string(rep, in, "level", fl_report_level_name(f->level), false);
	if (rc == 0)
		rc = key_string(rep, in, "message", f->message ? f->message : "", false);
	if (rc == 0)
		rc = key_number(rep, in, "line", f->line);
	if (rc == 0)
		rc = key_number(rep, in, "column", fl_report_column(rep, f));
	if (rc == 0)
		rc = key_number(rep, in, "end_line", f->end_line);
	if (rc == 0)
		rc = key_number(rep, in, "end_column", fl_report_end_column(rep, f));
	if (rc == 0)
		rc = key_number(rep, in, "offset", f->offset);
	if (rc == 0)
		rc = key_number(rep, in, "length", f->length);
	if (rc == 0)
		rc = key_number(rep, in, "column_utf16", f->column_utf16);
	if (rc == 0)
		rc = key_number(rep, in, "end_column_utf16", f->end_column_utf16);
	if (rc == 0)
		rc = key_string(rep, in, "match", f->match ? f->match : "", false);
	if (rc == 0)
		rc = fl_report_printf(rep, "%s\"suggestions\": [", in);
	for (i = 0; rc == 0 && f->suggestions != NULL && i < f->n_suggestions; i++) {
		const char *s = f->suggestions[i] ? f->suggestions[i] : "";
		rc = fl_report_printf(rep, "%s\n%s  ", i ? "," : "", in);
		if (rc == 0)
			rc = fl_report_json_string(rep, s, strlen(s), false);
	}
	if (rc == 0)
		rc = (f->suggestions != NULL && f->n_suggestions > 0) ? fl_report_printf(rep, "\n%s],\n", in)
		                                                      : fl_report_puts(rep, "],\n");
	if (rc == 0)
		rc = key_string(rep, in, "link", f->link ? f->link : "", false);
	if (rc == 0)
		rc = key_string(rep, in, "description", f->description ? f->description : "", false);
	if (rc == 0)
		rc = key_string(rep, in, "action", f->action ? f->action : "", false);
	if (rc == 0)
		rc = fl_report_printf(rep, "%s\"whole_note\": %s\n        }", in, f->whole_note ? "true" : "false");
	return rc;
}

static int json_add(fulint_reporter *rep, const fulint_result *res)
{
	static const char in[] = "      ";
	const char *name = fulint_result_name(res);
	size_t i, n = fulint_result_count(res), shown = 0;
	int rc;

	rc = start_document(rep);
	if (rc == 0)
		rc = fl_report_puts(rep, rep->n_files > 1 ? ",\n    {\n" : "\n    {\n");
	if (rc == 0)
		rc = key_string(rep, in, "path", name ? name : "", false);
	if (rc == 0)
		rc = key_string(rep, in, "input", fulint_result_input_kind(res), false);
	if (rc == 0)
		rc = key_string(rep, in, "positions", fulint_result_positions(res), false);
	if (rc == 0)
		rc = key_string(rep, in, "note_kind", fulint_result_note_kind(res), false);
	if (rc == 0)
		rc = fl_report_printf(rep, "%s\"findings\": [", in);
	for (i = 0; rc == 0 && i < n; i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		if (!fl_report_shown(rep, f))
			continue;
		rc = fl_report_puts(rep, shown++ ? ",\n" : "\n");
		if (rc == 0)
			rc = put_finding(rep, f);
	}
	if (rc == 0)
		rc = fl_report_puts(rep, shown ? "\n      ]\n    }" : "]\n    }");
	return rc;
}

static int json_finish(fulint_reporter *rep)
{
	int rc = start_document(rep);
	if (rc == 0)
		rc = fl_report_puts(rep, rep->n_files ? "\n  ],\n" : "],\n");
	if (rc == 0)
		rc = fl_report_printf(rep,
		                      "  \"summary\": {\n    \"files\": %zu,\n    \"findings\": %zu,\n"
		                      "    \"errors\": %zu,\n    \"warnings\": %zu,\n    \"suggestions\": %zu\n  }\n}\n",
		                      rep->n_files, rep->n_shown, rep->n_errors, rep->n_warnings,
		                      rep->n_suggestions);
	return rc;
}

const fl_report_ops fl_report_json_ops = { "json", json_add, json_finish, NULL };
