/*
 * report_gnu.c - the `gnu` format: one line per finding in the GNU error
 * message convention, for editors and compilers' tool chains:
 *
 *   FILE:LINE:COL: error|warning|note: MESSAGE[ (suggestion[s]: 'X', 'Y')] [Style.Rule]
 *
 * What it is not: a machine interface for suggestions (use json); the rule
 * id in brackets is always last so that plugins can split it off.
 *
 * Invariants: one finding, one line.  Control characters in the message
 * (newlines included) become spaces and invalid UTF-8 becomes U+FFFD;
 * control characters in the file name become '?'.
 */
#include "fl_report.h"

#include <string.h>

static const char *gnu_level(fulint_level level)
{
	if (level == FULINT_ERROR)
		return "error";
	if (level == FULINT_WARNING)
		return "warning";
	return "note";
}

static int put_suggestions(fulint_reporter *rep, const fulint_finding *f)
{
	size_t i, shown;
	int rc;
	if (f->n_suggestions == 0 || f->suggestions == NULL)
		return 0;
	rc = fl_report_puts(rep, f->n_suggestions == 1 ? " (suggestion: " : " (suggestions: ");
	shown = FL_MIN(f->n_suggestions, (size_t)FL_REPORT_MAX_SUGGESTIONS);
	for (i = 0; rc == 0 && i < shown; i++) {
		const char *s = f->suggestions[i] ? f->suggestions[i] : "";
		rc = fl_report_puts(rep, i ? ", '" : "'");
		if (rc == 0)
			rc = fl_report_put_clean(rep, s, strlen(s), " ", false);
		if (rc == 0)
			rc = fl_report_puts(rep, "'");
	}
	if (rc == 0 && f->n_suggestions > shown)
		rc = fl_report_puts(rep, ", ...");
	if (rc == 0)
		rc = fl_report_puts(rep, ")");
	return rc;
}

static int gnu_add(fulint_reporter *rep, const fulint_result *res)
{
	const char *name = fulint_result_name(res);
	size_t i, n = fulint_result_count(res);
	int rc = 0;
	if (name == NULL)
		name = "";
	for (i = 0; rc == 0 && i < n; i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		const char *msg, *rule;
		if (!fl_report_shown(rep, f))
			continue;
		msg = f->message ? f->message : "";
		rule = f->rule ? f->rule : "";
		rc = fl_report_put_clean(rep, name, strlen(name), "?", true);
		if (rc == 0)
			rc = fl_report_printf(rep, ":%u:%u: %s: ", f->line, fl_report_column(rep, f),
			                      gnu_level(f->level));
		if (rc == 0)
			rc = fl_report_put_clean(rep, msg, strlen(msg), " ", false);
		if (rc == 0)
			rc = put_suggestions(rep, f);
		if (rc == 0)
			rc = fl_report_puts(rep, " [");
		if (rc == 0)
			rc = fl_report_put_clean(rep, rule, strlen(rule), "?", false);
		if (rc == 0)
			rc = fl_report_puts(rep, "]\n");
	}
	return rc;
}

const fl_report_ops fl_report_gnu_ops = { "gnu", gnu_add, NULL, NULL };
