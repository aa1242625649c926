/*
 * report_vale_json.c - the `vale-json` format: Vale's --output=JSON, so
 * that editor plugins written for Vale work unchanged.
 *
 *   { "PATH": [ {"Action": {"Name": "", "Params": null}, "Span": [c1, c2],
 *                "Check": "Style.Rule", "Description": "", "Link": "",
 *                "Message": "", "Severity": "warning", "Match": "", "Line": N},
 *               ... ], ... }
 *
 * laid out as Go's json.MarshalIndent(v, "", "  ") lays it out: keys of the
 * top object sorted byte-wise (Go sorts map keys), files without alerts
 * left out, "{}" when there is nothing, <, >, & and U+2028/9 escaped.
 *
 * What it is not: streamed.  Because Vale sorts paths and merges alerts of
 * a path given twice, each file's alerts are rendered at add time into one
 * hold buffer (capped at FL_REPORT_HOLD_MAX) and written out at finish.
 *
 * Span is [first, last] column of the match on its first line, in the
 * selected column unit (Vale counts code points); Params holds the
 * finding's suggestions, or null when it has none.
 */
#include "fl_report.h"

#include <stdlib.h>
#include <string.h>

typedef struct vale_entry {
	size_t path_off, path_len; /* in hold */
	size_t body_off, body_len; /* rendered alerts, joined by ",\n" */
	size_t seq;                /* add order, to keep the sort stable */
} vale_entry;

typedef struct vale_state {
	fl_buf hold;
	vale_entry *v;
	size_t n, cap;
} vale_state;

static int put_alert(fulint_reporter *rep, const fulint_finding *f, const char *text, size_t text_len)
{
	const char *action = f->action ? f->action : "";
	const char *rule = f->rule ? f->rule : "";
	const char *desc = f->description ? f->description : "";
	const char *link = f->link ? f->link : "";
	const char *msg = f->message ? f->message : "";
	const char *match = f->match ? f->match : "";
	unsigned c1 = fl_report_column(rep, f);
	unsigned c2 = f->whole_note ? c1 : fl_report_line_end_column(rep, f, text, text_len);
	size_t i;
	int rc;

	rc = fl_report_puts(rep, "    {\n      \"Action\": {\n        \"Name\": ");
	if (rc == 0)
		rc = fl_report_json_string(rep, action, strlen(action), true);
	if (rc == 0)
		rc = fl_report_puts(rep, ",\n        \"Params\": ");
	if (rc == 0 && (f->suggestions == NULL || f->n_suggestions == 0))
		rc = fl_report_puts(rep, "null");
	else if (rc == 0) {
		rc = fl_report_puts(rep, "[");
		for (i = 0; rc == 0 && i < f->n_suggestions; i++) {
			const char *s = f->suggestions[i] ? f->suggestions[i] : "";
			rc = fl_report_puts(rep, i ? ",\n          " : "\n          ");
			if (rc == 0)
				rc = fl_report_json_string(rep, s, strlen(s), true);
		}
		if (rc == 0)
			rc = fl_report_puts(rep, "\n        ]");
	}
	if (rc == 0)
		rc = fl_report_printf(rep, "\n      },\n      \"Span\": [\n        %u,\n        %u\n      ],\n"
		                           "      \"Check\": ",
		                      c1, c2);
	if (rc == 0)
		rc = fl_report_json_string(rep, rule, strlen(rule), true);
	if (rc == 0)
		rc = fl_report_puts(rep, ",\n      \"Description\": ");
	if (rc == 0)
		rc = fl_report_json_string(rep, desc, strlen(desc), true);
	if (rc == 0)
		rc = fl_report_puts(rep, ",\n      \"Link\": ");
	if (rc == 0)
		rc = fl_report_json_string(rep, link, strlen(link), true);
	if (rc == 0)
		rc = fl_report_puts(rep, ",\n      \"Message\": ");
	if (rc == 0)
		rc = fl_report_json_string(rep, msg, strlen(msg), true);
	if (rc == 0)
		rc = fl_report_printf(rep, ",\n      \"Severity\": \"%s\",\n      \"Match\": ",
		                      fl_report_level_name(f->level));
	if (rc == 0)
		rc = fl_report_json_string(rep, match, strlen(match), true);
	if (rc == 0)
		rc = fl_report_printf(rep, ",\n      \"Line\": %u\n    }", f->line);
	return rc;
}

static int vale_add(fulint_reporter *rep, const fulint_result *res)
{
	vale_state *st = rep->state;
	const char *name = fulint_result_name(res);
	size_t text_len = 0;
	const char *text = fulint_result_text(res, &text_len);
	size_t i, n = fulint_result_count(res), shown = 0, mark;
	vale_entry *e;
	int rc = 0;

	for (i = 0; i < n && shown == 0; i++)
		if (fl_report_shown(rep, fulint_result_finding(res, i)))
			shown++;
	if (shown == 0)
		return 0; /* Vale leaves out files without alerts */
	if (st == NULL) {
		st = fl_calloc(1, sizeof(*st));
		if (st == NULL)
			return FULINT_ERR_NOMEM;
		st->hold.max = FL_REPORT_HOLD_MAX;
		rep->state = st;
	}
	if (fl_grow((void **)&st->v, &st->cap, st->n + 1, sizeof(*st->v)) < 0)
		return FULINT_ERR_NOMEM;
	if (name == NULL)
		name = "";
	mark = st->hold.len;
	e = &st->v[st->n];
	e->seq = st->n;
	e->path_off = st->hold.len;
	e->path_len = strlen(name);
	if (fl_buf_append(&st->hold, name, e->path_len) < 0)
		return FULINT_ERR_NOMEM;
	e->body_off = st->hold.len;

	rep->sink = &st->hold;
	shown = 0;
	for (i = 0; rc == 0 && i < n; i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		if (!fl_report_shown(rep, f))
			continue;
		if (shown++)
			rc = fl_report_puts(rep, ",\n");
		if (rc == 0)
			rc = put_alert(rep, f, text, text_len);
	}
	rep->sink = &rep->out;
	if (rc < 0) {
		st->hold.len = mark;
		return rc;
	}
	e->body_len = st->hold.len - e->body_off;
	st->n++;
	return 0;
}

static int entry_cmp(const char *base, const vale_entry *a, const vale_entry *b)
{
	size_t n = FL_MIN(a->path_len, b->path_len);
	int c = n ? memcmp(base + a->path_off, base + b->path_off, n) : 0;
	if (c != 0)
		return c;
	if (a->path_len != b->path_len)
		return a->path_len < b->path_len ? -1 : 1;
	return a->seq < b->seq ? -1 : (a->seq > b->seq ? 1 : 0);
}

/*
 * Sort the entries by path, then add order: a bottom-up merge sort (qsort
 * has no context argument in C11, and a global would not be thread-safe).
 */
static int sort_entries(vale_state *st)
{
	const char *base = st->hold.data;
	vale_entry *tmp, *src = st->v, *dst;
	size_t width, i;
	if (st->n < 2)
		return 0;
	tmp = fl_reallocarray(NULL, st->n, sizeof(*tmp));
	if (tmp == NULL)
		return FULINT_ERR_NOMEM;
	dst = tmp;
	for (width = 1; width < st->n; width *= 2) {
		for (i = 0; i < st->n; i += 2 * width) {
			size_t lo = i, mid = FL_MIN(i + width, st->n), hi = FL_MIN(i + 2 * width, st->n);
			size_t a = lo, b = mid, k = lo;
			while (a < mid && b < hi)
				dst[k++] = entry_cmp(base, &src[b], &src[a]) < 0 ? src[b++] : src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
		}
		{
			vale_entry *t = src;
			src = dst;
			dst = t;
		}
	}
	if (src != st->v)
		memcpy(st->v, src, st->n * sizeof(*src));
	free(tmp);
	return 0;
}

static bool same_path(const char *base, const vale_entry *a, const vale_entry *b)
{
	return a->path_len == b->path_len && memcmp(base + a->path_off, base + b->path_off, a->path_len) == 0;
}

static int vale_finish(fulint_reporter *rep)
{
	vale_state *st = rep->state;
	const char *base;
	size_t i;
	int rc;

	if (st == NULL || st->n == 0)
		return fl_report_puts(rep, "{}\n");
	base = st->hold.data;
	rc = sort_entries(st);
	if (rc == 0)
		rc = fl_report_puts(rep, "{\n");
	for (i = 0; rc == 0 && i < st->n; i++) {
		const vale_entry *e = &st->v[i];
		bool first = i == 0 || !same_path(base, &st->v[i - 1], e);
		bool last = i + 1 == st->n || !same_path(base, e, &st->v[i + 1]);
		if (first) {
			rc = fl_report_puts(rep, i ? ",\n  " : "  ");
			if (rc == 0)
				rc = fl_report_json_string(rep, base + e->path_off, e->path_len, true);
			if (rc == 0)
				rc = fl_report_puts(rep, ": [\n");
		} else {
			rc = fl_report_puts(rep, ",\n");
		}
		if (rc == 0)
			rc = fl_report_put(rep, base + e->body_off, e->body_len);
		if (rc == 0 && last)
			rc = fl_report_puts(rep, "\n  ]");
	}
	if (rc == 0)
		rc = fl_report_puts(rep, "\n}\n");
	return rc;
}

static void vale_dispose(fulint_reporter *rep)
{
	vale_state *st = rep->state;
	if (st == NULL)
		return;
	fl_buf_dispose(&st->hold);
	free(st->v);
	free(st);
	rep->state = NULL;
}

const fl_report_ops fl_report_vale_json_ops = { "vale-json", vale_add, vale_finish, vale_dispose };
