/*
 * fl_report.c - the fulint_reporter API: options checking, format dispatch,
 * counters, the output sink and the helpers the report_<format>.c files
 * share.
 *
 * What it is not: it renders no format itself, and it never sees the inside
 * of a result (public getters only).  The library never prints: every byte
 * goes to the caller's write callback.
 *
 * Invariants: see fl_report.h (bounded pending output, sticky failure, no
 * control bytes in text formats, no invalid UTF-8 in JSON).
 */
#include "fl_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- format names ---- */

static const struct {
	const char *name;
	fulint_format format;
	const fl_report_ops *ops;
} formats[] = {
	{ "pretty", FULINT_FORMAT_PRETTY, &fl_report_pretty_ops },
	{ "gnu", FULINT_FORMAT_GNU, &fl_report_gnu_ops },
	{ "line", FULINT_FORMAT_LINE, &fl_report_line_ops },
	{ "json", FULINT_FORMAT_JSON, &fl_report_json_ops },
	{ "vale-json", FULINT_FORMAT_VALE_JSON, &fl_report_vale_json_ops },
};

/*
 * Parse a format name.  Names are matched without regard to ASCII case, so
 * Vale's spelling "JSON" is accepted for "json".  Returns 0 and sets *out,
 * or FULINT_ERR_USAGE for NULL or an unknown name (then *out is unchanged).
 */
int fulint_format_parse(fulint_format *out, const char *name)
{
	size_t i;
	if (out == NULL || name == NULL)
		return FULINT_ERR_USAGE;
	for (i = 0; i < FL_ARRAY_LEN(formats); i++) {
		if (fl_ascii_casecmp(name, formats[i].name) == 0) {
			*out = formats[i].format;
			return 0;
		}
	}
	return FULINT_ERR_USAGE;
}

static const fl_report_ops *ops_for(fulint_format format)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(formats); i++)
		if (formats[i].format == format)
			return formats[i].ops;
	return NULL;
}

/* ---- lifecycle ---- */

/*
 * Create a reporter writing through `write(payload, data, len)`.  `opts`
 * must carry FULINT_REPORT_OPTIONS_VERSION and valid enum values; NULL
 * means FULINT_REPORT_OPTIONS_INIT.  Nothing is written until the first
 * fulint_reporter_add() or fulint_reporter_finish().  Returns 0, or
 * FULINT_ERR_USAGE (bad argument) / FULINT_ERR_NOMEM; *out is NULL on
 * failure.
 */
int fulint_reporter_new(fulint_reporter **out, const fulint_report_options *opts, fulint_write_fn write,
                        void *payload)
{
	static const fulint_report_options defaults = FULINT_REPORT_OPTIONS_INIT;
	fulint_reporter *rep;
	const fl_report_ops *ops;

	if (out == NULL)
		return FULINT_ERR_USAGE;
	*out = NULL;
	if (opts == NULL)
		opts = &defaults;
	if (write == NULL || opts->version != FULINT_REPORT_OPTIONS_VERSION)
		return FULINT_ERR_USAGE;
	ops = ops_for(opts->format);
	if (ops == NULL)
		return FULINT_ERR_USAGE;
	if (opts->column_unit != FULINT_COLUMN_CODEPOINT && opts->column_unit != FULINT_COLUMN_BYTE &&
	    opts->column_unit != FULINT_COLUMN_UTF16)
		return FULINT_ERR_USAGE;
	if (opts->min_level != FULINT_SUGGESTION && opts->min_level != FULINT_WARNING &&
	    opts->min_level != FULINT_ERROR)
		return FULINT_ERR_USAGE;

	rep = fl_calloc(1, sizeof(*rep));
	if (rep == NULL)
		return FULINT_ERR_NOMEM;
	rep->opts = *opts;
	rep->opts.color = opts->color ? 1 : 0;
	rep->ops = ops;
	rep->write = write;
	rep->payload = payload;
	rep->out.max = FL_REPORT_FLUSH_AT * 4 + (size_t)1024 * 1024;
	rep->sink = &rep->out;
	*out = rep;
	return 0;
}

/*
 * Render one result's findings (those at or above min_level) and hand the
 * bytes to the write callback.  Call once per file, in the order the files
 * should appear.  Returns 0, FULINT_ERR_IO when the callback failed (now or
 * before), FULINT_ERR_NOMEM, or FULINT_ERR_USAGE (NULL argument, or called
 * after fulint_reporter_finish()).
 */
int fulint_reporter_add(fulint_reporter *rep, const fulint_result *res)
{
	size_t i, n;
	int rc;

	if (rep == NULL || res == NULL)
		return FULINT_ERR_USAGE;
	if (rep->status < 0)
		return rep->status;
	if (rep->finished)
		return FULINT_ERR_USAGE;

	rep->n_files++;
	n = fulint_result_count(res);
	for (i = 0; i < n; i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		if (!fl_report_shown(rep, f))
			continue;
		rep->n_shown++;
		if (f->level == FULINT_ERROR)
			rep->n_errors++;
		else if (f->level == FULINT_WARNING)
			rep->n_warnings++;
		else
			rep->n_suggestions++;
	}
	rc = rep->ops->add(rep, res);
	if (rc < 0)
		return fl_report_fail(rep, rc);
	return fl_report_flush(rep);
}

/*
 * Finish the report: close the JSON document, print pretty's summary line.
 * Everything pending is written.  Returns 0, FULINT_ERR_IO, _NOMEM, or
 * FULINT_ERR_USAGE when called twice.
 */
int fulint_reporter_finish(fulint_reporter *rep)
{
	int rc = 0;
	if (rep == NULL)
		return FULINT_ERR_USAGE;
	if (rep->status < 0)
		return rep->status;
	if (rep->finished)
		return FULINT_ERR_USAGE;
	rep->finished = true;
	if (rep->ops->finish != NULL)
		rc = rep->ops->finish(rep);
	if (rc < 0)
		return fl_report_fail(rep, rc);
	return fl_report_flush(rep);
}

/* Free the reporter without writing anything more.  NULL is a no-op. */
void fulint_reporter_free(fulint_reporter *rep)
{
	if (rep == NULL)
		return;
	if (rep->ops->dispose != NULL)
		rep->ops->dispose(rep);
	fl_buf_dispose(&rep->out);
	free(rep);
}

/* ---- sink ---- */

/* Record `status` as the reporter's failure unless one is already there. */
int fl_report_fail(fulint_reporter *rep, int status)
{
	if (rep->status == 0)
		rep->status = status;
	return rep->status;
}

/* Write out everything pending in rep->out; see fl_report.h. */
int fl_report_flush(fulint_reporter *rep)
{
	if (rep->status < 0)
		return rep->status;
	if (rep->out.len == 0)
		return 0;
	if (rep->write(rep->payload, rep->out.data, rep->out.len) != 0)
		return fl_report_fail(rep, FULINT_ERR_IO);
	fl_buf_reset(&rep->out);
	return 0;
}

/* Append to the sink; see fl_report.h. */
int fl_report_put(fulint_reporter *rep, const char *data, size_t len)
{
	if (rep->status < 0)
		return rep->status;
	if (len == 0)
		return 0;
	if (rep->sink == &rep->out && rep->out.len + len > FL_REPORT_FLUSH_AT) {
		int rc = fl_report_flush(rep);
		if (rc < 0)
			return rc;
		if (len > FL_REPORT_FLUSH_AT) {
			/* Too big to hold: hand it over directly. */
			if (rep->write(rep->payload, data, len) != 0)
				return fl_report_fail(rep, FULINT_ERR_IO);
			return 0;
		}
	}
	if (fl_buf_append(rep->sink, data, len) < 0)
		return fl_report_fail(rep, FULINT_ERR_NOMEM);
	return 0;
}

/* fl_report_put of a C string. */
int fl_report_puts(fulint_reporter *rep, const char *s)
{
	return fl_report_put(rep, s, strlen(s));
}

/* printf into the sink; output longer than 255 bytes is a usage error. */
int fl_report_printf(fulint_reporter *rep, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		return fl_report_fail(rep, FULINT_ERR_USAGE);
	return fl_report_put(rep, tmp, (size_t)n);
}

/* ---- text helpers ---- */

/* C0 controls, DEL and the C1 block (CSI 0x9B could drive a terminal). */
bool fl_report_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/*
 * Append clean one-line text; see fl_report.h.  Runs of plain bytes are
 * copied in one go so that long messages cost one append, not one per byte.
 */
int fl_report_put_clean(fulint_reporter *rep, const char *s, size_t len, const char *ctrl,
                        bool keep_invalid)
{
	static const char replacement[] = "\xEF\xBF\xBD";
	size_t i = 0, run = 0;
	int rc;
	if (s == NULL)
		return 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;
		const char *repl;
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c < 0x80) {
			n = 1;
			repl = ctrl;
		} else {
			n = fl_utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				n = 1;
				repl = keep_invalid ? NULL : replacement;
			} else {
				repl = fl_report_is_control(cp) ? ctrl : NULL;
			}
		}
		if (repl == NULL) {
			i += n;
			continue;
		}
		rc = fl_report_put(rep, s + run, i - run);
		if (rc == 0)
			rc = fl_report_puts(rep, repl);
		if (rc < 0)
			return rc;
		i += n;
		run = i;
	}
	return fl_report_put(rep, s + run, len - run);
}

/* Append a quoted JSON string; see fl_report.h. */
int fl_report_json_string(fulint_reporter *rep, const char *s, size_t len, bool go_compat)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0;
	int rc;
	if (s == NULL)
		len = 0;
	rc = fl_report_put(rep, "\"", 1);
	while (rc == 0 && i < len) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		const char *e = NULL;
		size_t n = 1;
		if (c >= 0x80) {
			uint32_t cp;
			n = fl_utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				n = 1;
				e = "\\ufffd";
			} else if (go_compat && (cp == 0x2028 || cp == 0x2029)) {
				e = cp == 0x2028 ? "\\u2028" : "\\u2029";
			}
		} else if (c == '"') {
			e = "\\\"";
		} else if (c == '\\') {
			e = "\\\\";
		} else if (c == '\n') {
			e = "\\n";
		} else if (c == '\r') {
			e = "\\r";
		} else if (c == '\t') {
			e = "\\t";
		} else if (c == '\b') {
			e = "\\b";
		} else if (c == '\f') {
			e = "\\f";
		} else if (c < 0x20 || c == 0x7F || (go_compat && (c == '<' || c == '>' || c == '&'))) {
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xF];
			esc[6] = '\0';
			e = esc;
		}
		if (e != NULL) {
			rc = fl_report_put(rep, s + run, i - run);
			if (rc == 0)
				rc = fl_report_puts(rep, e);
			run = i + n;
		}
		i += n;
	}
	if (rc == 0 && s != NULL)
		rc = fl_report_put(rep, s + run, len - run);
	if (rc == 0)
		rc = fl_report_put(rep, "\"", 1);
	return rc;
}

/* ---- findings ---- */

/* See fl_report.h. */
bool fl_report_shown(const fulint_reporter *rep, const fulint_finding *f)
{
	return f != NULL && (int)f->level >= (int)rep->opts.min_level;
}

/* See fl_report.h. */
const char *fl_report_level_name(fulint_level level)
{
	switch (level) {
	case FULINT_ERROR:
		return "error";
	case FULINT_WARNING:
		return "warning";
	case FULINT_SUGGESTION:
		break;
	}
	return "suggestion";
}

/* See fl_report.h. */
unsigned fl_report_column(const fulint_reporter *rep, const fulint_finding *f)
{
	switch (rep->opts.column_unit) {
	case FULINT_COLUMN_BYTE:
		return f->column_byte;
	case FULINT_COLUMN_UTF16:
		return f->column_utf16;
	case FULINT_COLUMN_CODEPOINT:
		break;
	}
	return f->column;
}

/* See fl_report.h. */
unsigned fl_report_end_column(const fulint_reporter *rep, const fulint_finding *f)
{
	switch (rep->opts.column_unit) {
	case FULINT_COLUMN_BYTE:
		return f->end_column_byte;
	case FULINT_COLUMN_UTF16:
		return f->end_column_utf16;
	case FULINT_COLUMN_CODEPOINT:
		break;
	}
	return f->end_column;
}

/* See fl_report.h. */
unsigned fl_report_line_end_column(const fulint_reporter *rep, const fulint_finding *f,
                                   const char *text, size_t text_len)
{
	unsigned start = fl_report_column(rep, f);
	unsigned end = fl_report_end_column(rep, f);
	if (f->end_line > f->line && text != NULL && f->offset < text_len) {
		size_t avail = FL_MIN(f->length, text_len - f->offset);
		const char *s = text + f->offset;
		size_t k = 0, units;
		while (k < avail && s[k] != '\n' && s[k] != '\r')
			k++;
		if (rep->opts.column_unit == FULINT_COLUMN_BYTE)
			units = k;
		else if (rep->opts.column_unit == FULINT_COLUMN_UTF16)
			units = fl_utf8_count_utf16(s, k);
		else
			units = fl_utf8_count_codepoints(s, k);
		if (units > (size_t)(0xFFFFFFFFu - start))
			units = 0xFFFFFFFFu - start;
		end = units == 0 ? start : start + (unsigned)units - 1;
	} else if (f->end_line > f->line) {
		end = start;
	}
	return end < start ? start : end;
}

/*
 * Terminal width of a code point: a small table of the common zero-width
 * (combining marks, joiners, variation selectors) and double-width (CJK,
 * Hangul, fullwidth forms, emoji) ranges.  Everything else is one column.
 */
unsigned fl_report_cp_width(uint32_t cp)
{
	static const uint32_t zero[][2] = {
		{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
		{ 0x064B, 0x065F }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x1AB0, 0x1AFF },
		{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x2064 },
		{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
		{ 0xE0100, 0xE01EF },
	};
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
		{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
	};
	size_t i;
	if (cp < 0x300)
		return 1;
	for (i = 0; i < FL_ARRAY_LEN(zero); i++)
		if (cp >= zero[i][0] && cp <= zero[i][1])
			return 0;
	for (i = 0; i < FL_ARRAY_LEN(wide); i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}
