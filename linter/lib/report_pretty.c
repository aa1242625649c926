/*
 * report_pretty.c - the `pretty` format, for people at a terminal:
 *
 *   draft.txt
 *   draft.txt:3:12  warning  Avoid exclamation marks.  [FollowUp.Exclamation]
 *      3 | Thanks so much for your time!
 *        |                             ^
 *     = help: did you mean '.'?
 *
 *   1 warning in 1 file ... (see FORMATS.md for the exact summary line)
 *
 * What it is not: a stable machine format (use gnu, line or json), and it
 * does not decide on colour: the caller does (isatty, NO_COLOR) and passes
 * opts->color.
 *
 * Invariants: the echoed source line is at most FL_REPORT_ECHO_WIDTH display
 * columns (cut with "…" around the span however long the line is); tabs are
 * expanded to the next multiple of 8 and the underline is computed in the
 * same pass as the echo, so they always line up; control characters and
 * invalid bytes in the echo show as U+FFFD (no terminal escapes from the
 * input ever reach the terminal).
 */
#include "fl_report.h"

#include <string.h>

/* How far the echo looks for the line's start and end around the span. */
#define ECHO_SCAN ((size_t)2048)
/* Code points remembered left of the span to pick the window's start. */
#define ECHO_RING 256

#define C_RESET "\x1b[0m"
#define C_BOLD "\x1b[1m"
#define C_DIM "\x1b[2m"
#define C_HEADER "\x1b[1;4m"
#define C_RED "\x1b[1;31m"
#define C_YELLOW "\x1b[1;33m"
#define C_CYAN "\x1b[1;36m"
#define C_GREEN "\x1b[1;32m"

static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */
static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

static const char *level_color(fulint_level level)
{
	if (level == FULINT_ERROR)
		return C_RED;
	if (level == FULINT_WARNING)
		return C_YELLOW;
	return C_CYAN;
}

/* Put `s` wrapped in a colour when colour is on. */
static int put_colored(fulint_reporter *rep, const char *color, const char *s)
{
	int rc = 0;
	if (rep->opts.color)
		rc = fl_report_puts(rep, color);
	if (rc == 0)
		rc = fl_report_puts(rep, s);
	if (rc == 0 && rep->opts.color)
		rc = fl_report_puts(rep, C_RESET);
	return rc;
}

static int put_color(fulint_reporter *rep, const char *color)
{
	return rep->opts.color ? fl_report_puts(rep, color) : 0;
}

/* One code point of the echo: its bytes, display width, and what to print. */
typedef struct echo_cp {
	size_t n;          /* bytes in the source */
	unsigned width;    /* display columns (tabs: depends on the column) */
	bool tab;
	bool replace;      /* print U+FFFD instead of the bytes */
} echo_cp;

static echo_cp echo_next(const char *s, size_t len, unsigned col)
{
	echo_cp c = { 1, 1, false, false };
	unsigned char b = (unsigned char)s[0];
	uint32_t cp;
	if (b == '\t') {
		c.tab = true;
		c.width = 8 - col % 8;
	} else if (b < 0x80) {
		c.replace = fl_report_is_control(b);
	} else {
		c.n = fl_utf8_decode(s, len, &cp);
		if (c.n == 0) {
			c.n = 1;
			c.replace = true;
		} else if (fl_report_is_control(cp)) {
			c.replace = true;
		} else {
			c.width = fl_report_cp_width(cp);
		}
	}
	return c;
}

static unsigned digits(unsigned v)
{
	unsigned d = 1;
	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

/*
 * Echo the source line of f with a gutter, then the underline.  See the
 * file comment for the window rules.
 */
static int put_echo(fulint_reporter *rep, const fulint_finding *f, const char *text, size_t len)
{
	size_t s, e, se, ls, le, lim, ws, p;
	bool ltrunc = false, rtrunc = false, cut, lell, rell = false;
	size_t ring_pos[ECHO_RING];
	unsigned ring_col[ECHO_RING];
	size_t ring_n = 0, ring_head = 0;
	unsigned col, pre = 0, total, limit, ucs = 0, uce = 0, gw, i;
	bool have_ucs = false, have_uce = false;
	int rc;

	if (text == NULL || f->offset > len)
		return 0;
	s = f->offset;
	e = s + FL_MIN(f->length, len - s);

	/* The line around s, looking no further than ECHO_SCAN bytes each way. */
	lim = s > ECHO_SCAN ? s - ECHO_SCAN : 0;
	for (ls = s; ls > lim && text[ls - 1] != '\n' && text[ls - 1] != '\r'; ls--)
		;
	if (ls == lim && lim > 0 && text[ls - 1] != '\n' && text[ls - 1] != '\r') {
		ltrunc = true;
		while (ls < s && ((unsigned char)text[ls] & 0xC0) == 0x80)
			ls++;
	}
	lim = len - s > ECHO_SCAN ? s + ECHO_SCAN : len;
	for (le = s; le < lim && text[le] != '\n' && text[le] != '\r'; le++)
		;
	if (le == lim && lim < len && text[le] != '\n' && text[le] != '\r')
		rtrunc = true;
	se = FL_MIN(e, le);

	/* Pass 1: widths from the line start; remember code points before s. */
	col = 0;
	for (p = ls; p < le;) {
		echo_cp c = echo_next(text + p, le - p, col);
		if (p < s) {
			size_t slot = (ring_head + ring_n) % ECHO_RING;
			if (ring_n == ECHO_RING)
				ring_head = (ring_head + 1) % ECHO_RING;
			else
				ring_n++;
			ring_pos[slot] = p;
			ring_col[slot] = col;
		}
		if (p <= s)
			pre = col;
		col += c.width;
		p += c.n;
		if (p <= s)
			pre = col;
	}
	total = col;
	if (s >= le)
		pre = total;

	cut = ltrunc || rtrunc || total > FL_REPORT_ECHO_WIDTH;
	ws = ls;
	lell = false;
	if (cut && (ltrunc || pre + 20 > FL_REPORT_ECHO_WIDTH - 2)) {
		/* Start the window so that s sits FL_REPORT_ECHO_LEFT columns in. */
		lell = true;
		ws = s;
		for (i = 0; i < ring_n; i++) {
			size_t slot = (ring_head + i) % ECHO_RING;
			if (pre - ring_col[slot] <= FL_REPORT_ECHO_LEFT - 1) {
				ws = ring_pos[slot];
				break;
			}
		}
	}

	/* Pass 2: print the window and find the underline in the same columns. */
	gw = FL_MAX(digits(f->line), 3u);
	rc = put_color(rep, C_DIM);
	if (rc == 0)
		rc = fl_report_printf(rep, "%*u |", (int)gw, f->line);
	if (rc == 0)
		rc = put_color(rep, C_RESET);
	if (rc == 0)
		rc = fl_report_puts(rep, " ");
	col = 0;
	if (rc == 0 && lell) {
		rc = fl_report_puts(rep, ellipsis);
		col = 1;
	}
	limit = FL_REPORT_ECHO_WIDTH - (cut ? 1u : 0u);
	for (p = ws; rc == 0 && p < le;) {
		echo_cp c;
		if (!have_ucs && p >= s) {
			ucs = col;
			have_ucs = true;
		}
		if (have_ucs && !have_uce && p >= se) {
			uce = col;
			have_uce = true;
		}
		c = echo_next(text + p, le - p, col);
		if (col + c.width > limit) {
			rell = true;
			break;
		}
		if (c.tab)
			rc = fl_report_put(rep, "        ", c.width);
		else if (c.replace)
			rc = fl_report_puts(rep, replacement);
		else
			rc = fl_report_put(rep, text + p, c.n);
		col += c.width;
		p += c.n;
	}
	if (rc < 0)
		return rc;
	if (p >= le && rtrunc)
		rell = true;
	if (!have_ucs)
		ucs = col;
	if (!have_uce)
		uce = col;
	if (rell)
		rc = fl_report_puts(rep, ellipsis);
	if (rc == 0)
		rc = fl_report_puts(rep, "\n");

	/* The underline. */
	if (rc == 0)
		rc = put_color(rep, C_DIM);
	if (rc == 0)
		rc = fl_report_printf(rep, "%*s |", (int)gw, "");
	if (rc == 0)
		rc = put_color(rep, C_RESET);
	if (rc == 0)
		rc = fl_report_puts(rep, " ");
	for (i = 0; rc == 0 && i < ucs; i++)
		rc = fl_report_put(rep, " ", 1);
	if (rc == 0)
		rc = put_color(rep, level_color(f->level));
	if (rc == 0)
		rc = fl_report_put(rep, "^", 1);
	for (i = ucs + 1; rc == 0 && i < uce; i++)
		rc = fl_report_put(rep, "~", 1);
	if (rc == 0)
		rc = put_color(rep, C_RESET);
	if (rc == 0)
		rc = fl_report_puts(rep, "\n");
	return rc;
}

/* "  = help: did you mean 'A', 'B' or 'C'?" (at most FL_REPORT_MAX_SUGGESTIONS). */
static int put_help(fulint_reporter *rep, const fulint_finding *f)
{
	size_t i, k;
	int rc;
	if (f->suggestions == NULL || f->n_suggestions == 0)
		return 0;
	k = FL_MIN(f->n_suggestions, (size_t)FL_REPORT_MAX_SUGGESTIONS);
	rc = fl_report_puts(rep, "  = ");
	if (rc == 0)
		rc = put_colored(rep, C_BOLD, "help");
	if (rc == 0)
		rc = fl_report_puts(rep, ": did you mean ");
	for (i = 0; rc == 0 && i < k; i++) {
		const char *s = f->suggestions[i] ? f->suggestions[i] : "";
		if (i > 0)
			rc = fl_report_puts(rep, i + 1 == k ? " or " : ", ");
		if (rc == 0)
			rc = fl_report_puts(rep, "'");
		if (rc == 0)
			rc = fl_report_put_clean(rep, s, strlen(s), " ", false);
		if (rc == 0)
			rc = fl_report_puts(rep, "'");
	}
	if (rc == 0)
		rc = fl_report_puts(rep, "?");
	if (rc == 0 && f->n_suggestions > k)
		rc = fl_report_printf(rep, " (%zu more)", f->n_suggestions - k);
	if (rc == 0)
		rc = fl_report_puts(rep, "\n");
	return rc;
}

static int put_finding(fulint_reporter *rep, const char *name, const fulint_finding *f, const char *text,
                       size_t text_len)
{
	const char *msg = f->message ? f->message : "";
	const char *rule = f->rule ? f->rule : "";
	int rc;

	rc = put_color(rep, C_BOLD);
	if (rc == 0)
		rc = fl_report_put_clean(rep, name, strlen(name), "?", true);
	if (rc == 0)
		rc = fl_report_printf(rep, ":%u:%u", f->line, fl_report_column(rep, f));
	if (rc == 0)
		rc = put_color(rep, C_RESET);
	if (rc == 0)
		rc = fl_report_puts(rep, "  ");
	if (rc == 0)
		rc = put_colored(rep, level_color(f->level), fl_report_level_name(f->level));
	if (rc == 0)
		rc = fl_report_puts(rep, "  ");
	if (rc == 0)
		rc = fl_report_put_clean(rep, msg, strlen(msg), " ", false);
	if (rc == 0)
		rc = fl_report_puts(rep, "  [");
	if (rc == 0)
		rc = put_color(rep, C_BOLD);
	if (rc == 0)
		rc = fl_report_put_clean(rep, rule, strlen(rule), "?", false);
	if (rc == 0)
		rc = put_color(rep, C_RESET);
	if (rc == 0)
		rc = fl_report_puts(rep, "]\n");
	if (rc == 0) {
		if (f->whole_note)
			rc = fl_report_puts(rep, "  (about the whole note)\n");
		else
			rc = put_echo(rep, f, text, text_len);
	}
	if (rc == 0)
		rc = put_help(rep, f);
	if (rc == 0)
		rc = fl_report_puts(rep, "\n");
	return rc;
}

static int pretty_add(fulint_reporter *rep, const fulint_result *res)
{
	const char *name = fulint_result_name(res);
	size_t text_len = 0;
	const char *text = fulint_result_text(res, &text_len);
	size_t i, n = fulint_result_count(res);
	bool header = false;
	int rc = 0;

	if (name == NULL)
		name = "";
	for (i = 0; rc == 0 && i < n; i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		if (!fl_report_shown(rep, f))
			continue;
		if (!header) {
			header = true;
			rc = put_color(rep, C_HEADER);
			if (rc == 0)
				rc = fl_report_put_clean(rep, name, strlen(name), "?", true);
			if (rc == 0)
				rc = put_color(rep, C_RESET);
			if (rc == 0)
				rc = fl_report_puts(rep, "\n");
		}
		if (rc == 0)
			rc = put_finding(rep, name, f, text, text_len);
	}
	return rc;
}

static int put_count(fulint_reporter *rep, size_t n, const char *what, const char *sep)
{
	return fl_report_printf(rep, "%zu %s%s%s", n, what, n == 1 ? "" : "s", sep);
}

static int pretty_finish(fulint_reporter *rep)
{
	const char *files = rep->n_files == 1 ? "file" : "files";
	int rc;
	if (rep->n_shown == 0) {
		rc = put_color(rep, C_GREEN);
		if (rc == 0)
			rc = fl_report_printf(rep, "No problems found in %zu %s.", rep->n_files, files);
	} else {
		rc = put_color(rep, C_BOLD);
		if (rc == 0)
			rc = put_count(rep, rep->n_errors, "error", ", ");
		if (rc == 0)
			rc = put_count(rep, rep->n_warnings, "warning", ", ");
		if (rc == 0)
			rc = put_count(rep, rep->n_suggestions, "suggestion", "");
		if (rc == 0)
			rc = fl_report_printf(rep, " in %zu %s", rep->n_files, files);
	}
	if (rc == 0)
		rc = put_color(rep, C_RESET);
	if (rc == 0)
		rc = fl_report_puts(rep, "\n");
	return rc;
}

const fl_report_ops fl_report_pretty_ops = { "pretty", pretty_add, pretty_finish, NULL };
