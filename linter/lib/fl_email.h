/*
 * fl_email.h - reads an RFC 5322 / MIME message and hands back what fulint
 * lints: the decoded subject, the display names of the recipients and the
 * sender, and the text of the text/plain part(s) as UTF-8.
 *
 * What it is: a hand-written, bounded, linear parser (no GMime: linking
 * glib/gobject/gmime costs ~1 ms of CPU and ~2.5 ms of wall time at every
 * start, more than the whole lint of a note).  Header folding, RFC 2047
 * encoded words, address lists (quoted names, comments, groups), MIME
 * multipart (nested up to FL_EMAIL_MAX_DEPTH), the transfer encodings 7bit,
 * 8bit, binary, quoted-printable and base64, charsets through iconv, and
 * format=flowed (RFC 3676).
 *
 * What it is not: it does not lint, does not split quotes or signatures out
 * of the body (fl_text does), does not parse forwarded message/rfc822 parts
 * (forwarded text is not the sender's, so it is not linted), and never
 * decodes text/html.
 *
 * Invariants:
 *  - it never reads outside data[0..len) and never recurses deeper than
 *    FL_EMAIL_MAX_DEPTH; work is linear in the input (times the depth cap);
 *  - malformed input is never an error: it becomes a problem (with an offset
 *    into the original input) and a best-effort body; the only error is
 *    FULINT_ERR_NOMEM;
 *  - when body_in_file is true, body[0..body_len) equals
 *    data[body_offset..body_offset+body_len) byte for byte.  Such a body is
 *    the input's own bytes and may hold invalid UTF-8 when the input does
 *    (a problem says so; fl_text masks those bytes).  Otherwise the body is
 *    valid UTF-8 without NUL bytes (invalid sequences and NULs replaced by
 *    U+FFFD).
 */
#ifndef FL_EMAIL_H
#define FL_EMAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "fl_base.h"

/* Multipart nesting deeper than this is not read (a problem says so). */
#define FL_EMAIL_MAX_DEPTH 16
/* MIME entities (parts, at any depth) read per message. */
#define FL_EMAIL_MAX_PARTS 1000
/* Bytes of decoded body text kept; the rest is dropped with a problem. */
#define FL_EMAIL_MAX_DECODED ((size_t)64 << 20)
/* Bytes of one header section that are interpreted (the rest is skipped). */
#define FL_EMAIL_MAX_HEADER ((size_t)1 << 20)
/* Bytes of one unfolded header field value that are interpreted. */
#define FL_EMAIL_MAX_FIELD ((size_t)64 << 10)
/* Display names kept from To and Cc. */
#define FL_EMAIL_MAX_NAMES 1000
/* Problems kept (the last one says that more were dropped). */
#define FL_EMAIL_MAX_PROBLEMS 64

typedef struct fl_email_problem {
	size_t offset;  /* into the ORIGINAL input (data passed to fl_email_parse) */
	char *message;  /* "missing MIME boundary 'xyz'", ... (no position in it) */
} fl_email_problem;

typedef struct fl_email {
	/* Decoded (RFC 2047), unfolded, trimmed UTF-8; NULL when there is no
	 * Subject header, "" when it is empty. */
	char *subject;
	/* Where the Subject value starts in the input (first non-blank byte of
	 * the value, or the end of the field when it is empty). */
	size_t subject_offset;
	bool subject_encoded; /* an encoded-word was decoded */

	/* Display names of To and Cc, decoded, in order; addresses without a
	 * name (or whose "name" is an address) contribute nothing. */
	char **to_names;
	size_t n_to_names;
	char *from_name; /* display name of the first From mailbox, or NULL */

	/* The text to lint: the text/plain part(s) that are not attachments
	 * (several joined with a blank line), converted to UTF-8 and, for
	 * format=flowed, unwrapped.  Never NULL after a successful parse. */
	char *body;
	size_t body_len;
	size_t n_parts;     /* text parts that went into `body` */
	bool body_in_file;  /* body is a byte-identical slice of the input */
	size_t body_offset; /* its start in the input when body_in_file */

	fl_email_problem *problems;
	size_t n_problems;
} fl_email;

/*
 * Tell whether data[0..len) starts like an e-mail: after an optional UTF-8
 * BOM and an optional mbox "From " line, the first lines are RFC 5322 header
 * fields ("Name: value", with folded continuation lines) and at least one of
 * them is a field only a message has (From, To, Cc, Date, Message-ID,
 * MIME-Version, Content-Type, ...).  A plain draft whose only header-like
 * line is a leading "Subject: ..." is not an e-mail.  Looks at most at the
 * first 64 KiB; never fails.
 */
bool fl_email_detect(const char *data, size_t len);

/*
 * Parse the message in data[0..len) into *out (which the function fills
 * from scratch; the caller zeroes nothing).  Everything malformed becomes a
 * problem in out->problems plus a best-effort result.  Returns 0, or
 * FULINT_ERR_NOMEM (with `err` filled) and then *out holds nothing to free.
 * On success release *out with fl_email_dispose().
 *
 *     fl_email m;
 *     if (fl_email_parse(&m, data, len, err) < 0) return err->code;
 *     lint(m.body, m.body_len, m.to_names, m.n_to_names);
 *     fl_email_dispose(&m);
 */
int fl_email_parse(fl_email *out, const char *data, size_t len, fulint_error *err);

/* Free everything *m owns and zero it.  NULL and a zeroed struct are no-ops. */
void fl_email_dispose(fl_email *m);

#endif /* FL_EMAIL_H */
