/*
 * fl_report.h - the inside of fulint_reporter: the per-format vtable and the
 * helpers every report_<format>.c shares (output sink, clean text, JSON
 * strings, column units, display widths).
 *
 * What it is not: formats never see struct fulint_result; they read results
 * through the public getters only (fulint_result_name, ..._finding, ...).
 *
 * Invariants:
 *  - all output goes through fl_report_put() into rep->sink; when the sink is
 *    rep->out it is handed to the write callback whenever it passes
 *    FL_REPORT_FLUSH_AT bytes, so memory stays bounded however long a run is;
 *  - the first failure (write error, out of memory) is sticky in rep->status:
 *    every later call returns it and writes nothing more;
 *  - text formats never emit control bytes taken from the input (they could
 *    drive the terminal), and JSON formats never emit invalid UTF-8.
 */
#ifndef FL_REPORT_H
#define FL_REPORT_H

#include "fl_base.h"

/* Hand rep->out to the write callback once it holds this many bytes. */
#define FL_REPORT_FLUSH_AT ((size_t)64 * 1024)
/* Suggestions shown by the text formats (json shows them all). */
#define FL_REPORT_MAX_SUGGESTIONS 5
/* Widest echoed source line in pretty mode, in display columns. */
#define FL_REPORT_ECHO_WIDTH 120
/* Display columns kept left of the span when a long line is cut. */
#define FL_REPORT_ECHO_LEFT 40
/* Most bytes vale-json holds back until finish (it sorts files by path). */
#define FL_REPORT_HOLD_MAX ((size_t)256 * 1024 * 1024)

typedef struct fl_report_ops {
	const char *name;
	/* Render one result (the counters already include it). */
	int (*add)(fulint_reporter *rep, const fulint_result *res);
	/* Close the document / print the summary. May be NULL. */
	int (*finish)(fulint_reporter *rep);
	/* Free rep->state. May be NULL. */
	void (*dispose)(fulint_reporter *rep);
} fl_report_ops;

struct fulint_reporter {
	fulint_report_options opts;
	const fl_report_ops *ops;
	fulint_write_fn write;
	void *payload;
	fl_buf out;    /* pending output */
	fl_buf *sink;  /* where fl_report_put() appends: &out, or a format's hold buffer */
	int status;    /* 0, or the first failure (sticky) */
	bool finished;
	bool started;  /* a format's document header is out */
	/* Counters over the findings shown (level >= min_level). */
	size_t n_files;
	size_t n_shown;
	size_t n_errors;
	size_t n_warnings;
	size_t n_suggestions;
	void *state;   /* format-private */
};

extern const fl_report_ops fl_report_pretty_ops;
extern const fl_report_ops fl_report_gnu_ops;
extern const fl_report_ops fl_report_line_ops;
extern const fl_report_ops fl_report_json_ops;
extern const fl_report_ops fl_report_vale_json_ops;

/*
 * Append len bytes to the sink, flushing rep->out to the write callback when
 * it is full.  Returns 0 or the sticky status (FULINT_ERR_IO, _NOMEM).
 */
int fl_report_put(fulint_reporter *rep, const char *data, size_t len);
/* fl_report_put of a NUL-terminated string. */
int fl_report_puts(fulint_reporter *rep, const char *s);
/* printf into the sink (short, library-made strings only: numbers, codes). */
int fl_report_printf(fulint_reporter *rep, const char *fmt, ...) FL_PRINTF(2, 3);
/* Hand everything pending in rep->out to the write callback. */
int fl_report_flush(fulint_reporter *rep);
/* Record a failure (sticky) and return it. */
int fl_report_fail(fulint_reporter *rep, int status);

/*
 * Append text for a one-line human format: valid UTF-8 is copied, each
 * invalid byte becomes U+FFFD, and every control character (C0 including
 * \t \n \r, DEL, C1) becomes `ctrl` (e.g. " ").  When `keep_invalid` is
 * true invalid bytes are copied as they are (for file names, which must
 * stay openable).  NULL is taken as "".
 */
int fl_report_put_clean(fulint_reporter *rep, const char *s, size_t len, const char *ctrl,
                        bool keep_invalid);

/*
 * Append s as a quoted JSON string.  Invalid UTF-8 becomes \ufffd, control
 * characters are escaped; with `go_compat` also <, >, & and U+2028/U+2029
 * are escaped as Go's encoding/json does (vale-json).  NULL is taken as "".
 */
int fl_report_json_string(fulint_reporter *rep, const char *s, size_t len, bool go_compat);

/* True when finding f is shown (non-NULL and level >= min_level). */
bool fl_report_shown(const fulint_reporter *rep, const fulint_finding *f);

/* Level names: "error", "warning", "suggestion" (unknown levels: "suggestion"). */
const char *fl_report_level_name(fulint_level level);

/* Start / inclusive end column of f in the reporter's column unit. */
unsigned fl_report_column(const fulint_reporter *rep, const fulint_finding *f);
unsigned fl_report_end_column(const fulint_reporter *rep, const fulint_finding *f);

/*
 * Inclusive end column of f on its *start* line, in the reporter's unit:
 * end_column when the span stays on one line, else the column of the last
 * character before the first line break inside the span (counted in
 * `text`, the result's text).  Never less than the start column.
 */
unsigned fl_report_line_end_column(const fulint_reporter *rep, const fulint_finding *f,
                                   const char *text, size_t text_len);

/* Terminal columns taken by code point cp (0 for combining marks, 2 for wide). */
unsigned fl_report_cp_width(uint32_t cp);

/* True for C0 controls, DEL and C1 controls. */
bool fl_report_is_control(uint32_t cp);

#endif /* FL_REPORT_H */
