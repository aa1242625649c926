/*
 * report_line.c - the `line` format, Vale's --output=line:
 *
 *   FILE:LINE:COL:Style.Rule:MESSAGE
 *
 * What it is not: it carries no level and no suggestions (Vale's line
 * format has none); use gnu or json for those.
 *
 * Invariants: one finding, one line; control characters in the message
 * become spaces, invalid UTF-8 becomes U+FFFD, control characters in the
 * file name become '?'.
 */
#include "fl_report.h"

#include <string.h>

static int line_add(fulint_reporter *rep, const fulint_result *res)
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
			rc = fl_report_printf(rep, ":%u:%u:", f->line, fl_report_column(rep, f));
		if (rc == 0)
			rc = fl_report_put_clean(rep, rule, strlen(rule), "?", false);
		if (rc == 0)
			rc = fl_report_puts(rep, ":");
		if (rc == 0)
			rc = fl_report_put_clean(rep, msg, strlen(msg), " ", false);
		if (rc == 0)
			rc = fl_report_puts(rep, "\n");
	}
	return rc;
}

const fl_report_ops fl_report_line_ops = { "line", line_add, NULL, NULL };
