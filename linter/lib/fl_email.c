/*
 * fl_email.c - a bounded, linear RFC 5322 / MIME reader for fulint.
 *
 * What it is: the header parser (folding, RFC 2047 encoded words, address
 * lists), the MIME walker (multipart up to FL_EMAIL_MAX_DEPTH levels and
 * FL_EMAIL_MAX_PARTS entities), the transfer decoders (quoted-printable,
 * base64), charset conversion to UTF-8 (iconv; UTF-8 and ASCII without it)
 * and the format=flowed unwrapper.  See fl_email.h for the contract.
 *
 * What it is not: a general MIME library.  It keeps only what fulint lints
 * and never builds a tree: each multipart is scanned once for its
 * delimiter lines and each child is handled as soon as its end is found.
 *
 * Invariants: every index is checked against the end of the slice it walks
 * (never past `len`); the only recursion is process_entity -> multipart ->
 * process_entity, bounded by FL_EMAIL_MAX_DEPTH; every buffer has a cap;
 * out-of-memory is sticky in ctx.rc and unwinds without further work.
 */
#include "fl_email.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)
#define SECTION_MAX 128
#define TOKEN_MAX 64
#define BOUNDARY_MAX 200
#define REPLACEMENT "\xEF\xBF\xBD"
#define DETECT_MAX ((size_t)64 << 10)
#define MAX_INVALID 4096 /* bytes invalid in a charset before the rest is read as Latin-1 */

typedef struct ctx {
	const char *d;
	size_t len;
	fl_email *m;
	fl_buf body;           /* the joined text parts */
	size_t names_len;      /* capacity of m->to_names */
	size_t problems_cap;   /* capacity of m->problems */
	size_t n_entities;
	size_t n_html;         /* text/html parts seen (not linted) */
	size_t first_start;    /* raw start of the first text part */
	bool first_identical;  /* its decoded text equals its raw bytes */
	bool parts_capped;
	bool body_capped;
	bool subject_seen;
	bool from_seen;
	int rc;                /* sticky FULINT_ERR_NOMEM */
} ctx;

/* One MIME entity: its extent and the Content-* fields fulint needs. */
typedef struct entity {
	size_t start, end;  /* [start, end) in the input */
	size_t body_start;  /* first byte of the body */
	size_t n_fields;
	bool has_ct;
	char type[TOKEN_MAX];
	char subtype[TOKEN_MAX];
	char charset[TOKEN_MAX];
	char boundary[BOUNDARY_MAX + 1];
	size_t boundary_len;
	bool has_boundary;
	bool flowed;
	bool delsp;
	bool has_name;      /* Content-Type name= (an old-style attachment) */
	bool has_cte;
	char cte[TOKEN_MAX];
	size_t cte_off;
	bool has_disp;
	char disp[TOKEN_MAX];
	const char *where;  /* "the body", "the message", "part 1.2" */
	bool top;
} entity;

/* ---------------------------------------------------------------------
 * small helpers
 * ------------------------------------------------------------------- */

static bool is_ws(char ch)
{
	return ch == ' ' || ch == '\t';
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static char lower(char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

static bool span_eq(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n == k && fl_ascii_ncasecmp(s, lit, k) == 0;
}

/* Copy s[0..n) lower-cased into out[TOKEN_MAX]; false when it does not fit. */
static bool copy_token(char *out, size_t cap, const char *s, size_t n)
{
	size_t i;
	if (n >= cap) {
		out[0] = '\0';
		return false;
	}
	for (i = 0; i < n; i++)
		out[i] = lower(s[i]);
	out[n] = '\0';
	return true;
}

/*
 * End of the content of the line starting at `pos` (before "\n" or "\r\n");
 * *next is the start of the following line (or `end`).
 */
static size_t line_end(const char *d, size_t pos, size_t end, size_t *next)
{
	const char *nl = pos < end ? memchr(d + pos, '\n', end - pos) : NULL;
	size_t i;
	if (nl == NULL) {
		*next = end;
		return (end > pos && d[end - 1] == '\r') ? end - 1 : end;
	}
	i = (size_t)(nl - d);
	*next = i + 1;
	return (i > pos && d[i - 1] == '\r') ? i - 1 : i;
}

/* Is d[ls..le) "Name: value"?  Sets *colon to the colon. */
static bool header_line(const char *d, size_t ls, size_t le, size_t *colon)
{
	size_t i = ls;
	while (i < le && (unsigned char)d[i] > 32 && (unsigned char)d[i] < 127 && d[i] != ':')
		i++;
	if (i == ls)
		return false;
	while (i < le && is_ws(d[i]))
		i++;
	if (i < le && d[i] == ':') {
		*colon = i;
		return true;
	}
	return false;
}

/* A printable rendering of byte `ch` for a problem message. */
static void show_byte(char out[8], char ch)
{
	unsigned char u = (unsigned char)ch;
	if (u > 32 && u < 127 && u != '\'')
		snprintf(out, 8, "%c", ch);
	else
		snprintf(out, 8, "\\x%02X", u);
}

/* s with bytes outside printable ASCII shown as '?', for a problem message. */
static const char *printable(char *out, size_t cap, const char *s)
{
	size_t i;
	for (i = 0; s[i] && i + 1 < cap; i++)
		out[i] = ((unsigned char)s[i] >= ' ' && (unsigned char)s[i] < 127) ? s[i] : '?';
	out[i] = '\0';
	return out;
}

/* ---------------------------------------------------------------------
 * results: problems, names, output buffers (out of memory is sticky)
 * ------------------------------------------------------------------- */

static void problem(ctx *c, size_t off, const char *fmt, ...) FL_PRINTF(3, 4);

static void problem(ctx *c, size_t off, const char *fmt, ...)
{
	fl_email *m = c->m;
	char *msg;
	va_list ap;
	int n;
	if (c->rc < 0 || m->n_problems >= FL_EMAIL_MAX_PROBLEMS)
		return;
	if (fl_grow((void **)&m->problems, &c->problems_cap, m->n_problems + 1,
	            sizeof(*m->problems)) < 0) {
		c->rc = FULINT_ERR_NOMEM;
		return;
	}
	if (m->n_problems == FL_EMAIL_MAX_PROBLEMS - 1) {
		msg = fl_strdup("too many problems in this message (the rest are not reported)");
	} else {
		va_start(ap, fmt);
		n = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
		msg = n < 0 ? NULL : fl_malloc((size_t)n + 1);
		if (msg != NULL) {
			va_start(ap, fmt);
			vsnprintf(msg, (size_t)n + 1, fmt, ap);
			va_end(ap);
		}
	}
	if (msg == NULL) {
		c->rc = FULINT_ERR_NOMEM;
		return;
	}
	m->problems[m->n_problems].offset = off > c->len ? c->len : off;
	m->problems[m->n_problems].message = msg;
	m->n_problems++;
}

/*
 * Append p[0..n) to b without letting it grow past `cap` bytes; a cut is
 * moved back to a UTF-8 boundary when `utf8` and flagged in *capped.
 */
static void put(ctx *c, fl_buf *b, const char *p, size_t n, size_t cap, bool utf8, bool *capped)
{
	if (c->rc < 0 || n == 0)
		return;
	if (b->len >= cap) {
		*capped = true;
		return;
	}
	if (n > cap - b->len) {
		n = cap - b->len;
		if (utf8)
			while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
				n--;
		*capped = true;
	}
	if (n > 0 && fl_buf_append(b, p, n) < 0)
		c->rc = FULINT_ERR_NOMEM;
}

/* Replace invalid UTF-8 and NUL bytes in b by U+FFFD (a decoded body is a C string). */
static void sanitize_utf8(ctx *c, fl_buf *b)
{
	fl_buf out = FL_BUF_INIT;
	size_t i = 0, k;
	uint32_t cp;
	if (b->len == 0 || (fl_utf8_first_invalid(b->data, b->len) == b->len &&
	                    memchr(b->data, '\0', b->len) == NULL))
		return;
	while (i < b->len && c->rc == 0) {
		k = b->data[i] == '\0' ? 0 : fl_utf8_decode(b->data + i, b->len - i, &cp);
		if (k == 0) {
			if (fl_buf_append(&out, REPLACEMENT, 3) < 0)
				c->rc = FULINT_ERR_NOMEM;
			i++;
		} else {
			if (fl_buf_append(&out, b->data + i, k) < 0)
				c->rc = FULINT_ERR_NOMEM;
			i += k;
		}
	}
	if (c->rc < 0) {
		fl_buf_dispose(&out);
		return;
	}
	fl_buf_dispose(b);
	*b = out;
}

/* ---------------------------------------------------------------------
 * charsets
 * ------------------------------------------------------------------- */

typedef struct conv_report {
	bool unknown;          /* iconv does not know the charset */
	const char *read_as;   /* what it was read as instead */
	bool eight_bit;        /* 8-bit bytes in an ASCII/unlabelled text (read as Windows-1252) */
	size_t n_invalid;      /* bytes that were not valid in the charset */
	size_t first_invalid;  /* index of the first one in the input */
	bool capped;
} conv_report;

/* Normalise a charset label: lower case, no quotes, no RFC 2231 "*lang". */
static void norm_charset(char out[TOKEN_MAX], const char *cs)
{
	size_t i = 0, j = 0;
	while (cs[i] && (is_space(cs[i]) || cs[i] == '"' || cs[i] == '\''))
		i++;
	for (; (unsigned char)cs[i] > ' ' && (unsigned char)cs[i] < 127 && cs[i] != '*' &&
	       cs[i] != '"' && cs[i] != '\'' && j + 1 < TOKEN_MAX;
	     i++)
		out[j++] = lower(cs[i]);
	out[j] = '\0';
}

static bool cs_is(const char *cs, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(cs, *names) == 0)
			return true;
	return false;
}

static const char *const UTF8_NAMES[] = {"utf-8", "utf8", "x-utf-8", "unicode-1-1-utf-8", NULL};
static const char *const ASCII_NAMES[] = {"", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us",
                                          "us", "default", "x-unknown", "unknown-8bit", NULL};
/* Labels that mean Windows-1252 in practice (as browsers read them). */
static const char *const CP1252_NAMES[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                                           "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
                                           "windows-1252", "cp1252", "x-cp1252", NULL};

/* Charsets in which pure ASCII bytes do not mean ASCII text. */
static bool ascii_unsafe(const char *cs)
{
	static const char *const pre[] = {"utf-16", "utf16", "utf-32", "utf32", "ucs-", "ucs2",
	                                  "ucs4", "utf-7", "utf7", "unicode", "iso-2022", "iso2022",
	                                  "csiso2022", "hz", NULL};
	const char *const *p;
	for (p = pre; *p; p++)
		if (strncmp(cs, *p, strlen(*p)) == 0)
			return true;
	return false;
}

/* A few labels seen in mail that glibc's iconv does not know by that name. */
static const char *iconv_alias(const char *cs)
{
	static const char *const map[][2] = {
		{"x-mac-roman", "MACINTOSH"}, {"macintosh", "MACINTOSH"}, {"ks_c_5601-1987", "CP949"},
		{"x-sjis", "SHIFT_JIS"}, {"shift-jis", "SHIFT_JIS"}, {"windows-874", "CP874"},
		{"iso-8859-8-i", "ISO-8859-8"}, {"x-euc-jp", "EUC-JP"}, {"x-gbk", "GBK"},
		{"unicode-1-1-utf-7", "UTF-7"}, {"ansi_x3.110-1983", "ISO_6937"}};
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(map); i++)
		if (strcmp(cs, map[i][0]) == 0)
			return map[i][1];
	if (cs_is(cs, CP1252_NAMES))
		return "WINDOWS-1252";
	return cs;
}

static bool all_ascii(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Latin-1 to UTF-8 without iconv (the fallback for unknown charsets). */
static void latin1_to_utf8(ctx *c, const char *in, size_t n, fl_buf *out, size_t cap, bool *capped)
{
	char chunk[1024];
	size_t k = 0, i;
	for (i = 0; i < n && c->rc == 0; i++) {
		unsigned char u = (unsigned char)in[i];
		if (u < 0x80) {
			chunk[k++] = (char)u;
		} else {
			chunk[k++] = (char)(0xC0 | (u >> 6));
			chunk[k++] = (char)(0x80 | (u & 0x3F));
		}
		if (k + 2 > sizeof(chunk)) {
			put(c, out, chunk, k, cap, true, capped);
			k = 0;
		}
	}
	put(c, out, chunk, k, cap, true, capped);
}

/* Convert with iconv; false when the charset is unknown to it. */
static bool iconv_to_utf8(ctx *c, const char *cs, const char *in, size_t n, fl_buf *out,
                          size_t cap, conv_report *r)
{
	char chunk[4096];
	char *ip = (char *)in, *op;
	size_t ileft = n, oleft, rv;
	iconv_t cd = iconv_open("UTF-8", iconv_alias(cs));
	if (cd == (iconv_t)-1)
		return false;
	while (c->rc == 0 && !r->capped) {
		op = chunk;
		oleft = sizeof(chunk);
		if (ileft == 0) {
			/* flush the shift state of stateful encodings */
			iconv(cd, NULL, NULL, &op, &oleft);
			put(c, out, chunk, sizeof(chunk) - oleft, cap, true, &r->capped);
			break;
		}
		rv = iconv(cd, &ip, &ileft, &op, &oleft);
		put(c, out, chunk, sizeof(chunk) - oleft, cap, true, &r->capped);
		if (rv != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno != EILSEQ && errno != EINVAL)
			break;
		/* an invalid or truncated sequence: one U+FFFD per bad byte; past
		 * MAX_INVALID of them the rest is not that charset: read it as Latin-1 */
		if (r->n_invalid++ == 0)
			r->first_invalid = (size_t)(ip - in);
		if (r->n_invalid > MAX_INVALID) {
			r->n_invalid += ileft - 1;
			latin1_to_utf8(c, ip, ileft, out, cap, &r->capped);
			break;
		}
		put(c, out, REPLACEMENT, 3, cap, true, &r->capped);
		ip++;
		ileft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return true;
}

/*
 * Append in[0..n), in charset `label`, to `out` as UTF-8 (at most `cap`
 * bytes).  UTF-8 is checked but kept as is (invalid bytes are counted, not
 * replaced: callers that need valid UTF-8 sanitise afterwards); unlabelled or
 * ASCII text with 8-bit bytes is read as UTF-8 when it is valid UTF-8, else as
 * Windows-1252; unknown charsets as UTF-8 when valid, else Latin-1.
 */
static void to_utf8(ctx *c, const char *label, const char *in, size_t n, fl_buf *out, size_t cap,
                    conv_report *r)
{
	char cs[TOKEN_MAX];
	size_t bad;
	norm_charset(cs, label);
	if (cs_is(cs, UTF8_NAMES)) {
		size_t i = 0;
		while (i < n) {
			bad = i + fl_utf8_first_invalid(in + i, n - i);
			if (bad >= n)
				break;
			if (r->n_invalid++ == 0)
				r->first_invalid = bad;
			i = bad + 1;
		}
		put(c, out, in, n, cap, true, &r->capped);
		return;
	}
	if (all_ascii(in, n) && !ascii_unsafe(cs)) {
		put(c, out, in, n, cap, true, &r->capped);
		return;
	}
	if (cs_is(cs, ASCII_NAMES)) {
		if (fl_utf8_first_invalid(in, n) == n) {
			put(c, out, in, n, cap, true, &r->capped);
			return;
		}
		r->eight_bit = true;
		if (!iconv_to_utf8(c, "windows-1252", in, n, out, cap, r))
			latin1_to_utf8(c, in, n, out, cap, &r->capped);
		return;
	}
	if (iconv_to_utf8(c, cs, in, n, out, cap, r))
		return;
	r->unknown = true;
	if (fl_utf8_first_invalid(in, n) == n) {
		r->read_as = "UTF-8";
		put(c, out, in, n, cap, true, &r->capped);
	} else {
		r->read_as = "Latin-1";
		latin1_to_utf8(c, in, n, out, cap, &r->capped);
	}
}

/* ---------------------------------------------------------------------
 * transfer encodings
 * ------------------------------------------------------------------- */

typedef struct decode_report {
	size_t n_bad;      /* bad base64 characters or bad QP escapes */
	size_t first_bad;  /* index of the first one */
	char bad_show[8];  /* how the first one looks */
	bool truncated;    /* the data ended inside a quantum / an escape */
	bool capped;
} decode_report;

static int b64val(char ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '+')
		return 62;
	if (ch == '/')
		return 63;
	return -1;
}

/* Base64: white space skipped, bad characters skipped and counted, padding
 * anywhere ends a quantum (concatenated encodings decode). */
static void base64_decode(ctx *c, const char *in, size_t n, fl_buf *out, size_t cap,
                          decode_report *r)
{
	char chunk[4096];
	size_t k = 0, i, q = 0;
	unsigned acc = 0, bits = 0;
	for (i = 0; i < n && c->rc == 0; i++) {
		char ch = in[i];
		int v;
		if (is_space(ch))
			continue;
		if (ch == '=') {
			if (q % 4 == 1)
				r->truncated = true;
			q = 0;
			acc = bits = 0;
			continue;
		}
		v = b64val(ch);
		if (v < 0) {
			if (r->n_bad++ == 0) {
				r->first_bad = i;
				show_byte(r->bad_show, ch);
			}
			continue;
		}
		acc = ((acc << 6) | (unsigned)v) & 0xFFFFu;
		bits += 6;
		q++;
		if (bits >= 8) {
			bits -= 8;
			chunk[k++] = (char)((acc >> bits) & 0xFFu);
			if (k == sizeof(chunk)) {
				put(c, out, chunk, k, cap, false, &r->capped);
				k = 0;
			}
		}
	}
	if (q % 4 == 1)
		r->truncated = true;
	put(c, out, chunk, k, cap, false, &r->capped);
}

/* Quoted-printable: soft breaks joined, =XX (either case) decoded,
 * transport white space at line ends dropped, bad escapes kept as is. */
static void qp_decode(ctx *c, const char *in, size_t n, fl_buf *out, size_t cap, decode_report *r)
{
	char chunk[4096];
	size_t k = 0, pos = 0, next, le, i;
	while (pos < n && c->rc == 0) {
		bool soft = false;
		le = line_end(in, pos, n, &next);
		while (le > pos && is_ws(in[le - 1]))
			le--;
		for (i = pos; i < le; i++) {
			if (k + 4 > sizeof(chunk)) {
				put(c, out, chunk, k, cap, false, &r->capped);
				k = 0;
			}
			if (in[i] != '=') {
				chunk[k++] = in[i];
				continue;
			}
			if (i + 1 == le) { /* "=" ending a line: a soft line break */
				soft = true;
				break;
			}
			if (i + 2 < le && hexval(in[i + 1]) >= 0 && hexval(in[i + 2]) >= 0) {
				chunk[k++] = (char)(hexval(in[i + 1]) * 16 + hexval(in[i + 2]));
				i += 2;
				continue;
			}
			if (i + 2 == le && le == n && hexval(in[i + 1]) >= 0) {
				r->truncated = true; /* "=A" cut off at the end of the data */
			} else if (r->n_bad++ == 0) {
				r->first_bad = i;
				show_byte(r->bad_show, in[i + 1]);
			}
			chunk[k++] = '=';
		}
		if (!soft && next > le) {
			/* keep the line's own end ("\n" or "\r\n") */
			size_t e = le;
			while (e < next && is_ws(in[e]))
				e++;
			if (k + 4 > sizeof(chunk)) {
				put(c, out, chunk, k, cap, false, &r->capped);
				k = 0;
			}
			if (next - e <= 2)
				for (; e < next; e++)
					chunk[k++] = in[e];
		}
		pos = next;
	}
	put(c, out, chunk, k, cap, false, &r->capped);
}

/* ---------------------------------------------------------------------
 * RFC 2047 encoded words
 * ------------------------------------------------------------------- */

typedef struct eword {
	char charset[TOKEN_MAX];
	char enc;            /* 'q' or 'b' */
	size_t text, text_n; /* encoded text, relative to the word's start */
	size_t len;          /* whole word, "=?" to "?=" */
} eword;

/*
 * Parse an encoded word at s[0..n).  When it fails for want of a "?=" before
 * the next white space, *no_end is set to where that search stopped: no word
 * starting before it can end before it either, so the caller skips those
 * (this keeps "=?a?q?x=?a?q?x..." linear).
 */
static bool parse_eword(const char *s, size_t n, eword *w, size_t *no_end)
{
	size_t i = 2, cs_start = 2, k;
	if (n < 8 || s[0] != '=' || s[1] != '?')
		return false;
	while (i < n && s[i] != '?' && !is_space(s[i]) && i - cs_start < TOKEN_MAX - 1)
		i++;
	if (i == cs_start || i + 2 >= n || s[i] != '?' || s[i + 2] != '?')
		return false;
	w->enc = lower(s[i + 1]);
	if (w->enc != 'q' && w->enc != 'b')
		return false;
	memcpy(w->charset, s + cs_start, i - cs_start);
	w->charset[i - cs_start] = '\0';
	w->text = i + 3;
	for (k = w->text; k + 1 < n; k++) {
		if (is_space(s[k]))
			break;
		if (s[k] == '?' && s[k + 1] == '=') {
			w->text_n = k - w->text;
			w->len = k + 2;
			return true;
		}
	}
	*no_end = k + 1 < n ? k : n;
	return false;
}

static void q_word_decode(ctx *c, const char *s, size_t n, fl_buf *out)
{
	size_t i;
	bool capped = false;
	for (i = 0; i < n && c->rc == 0; i++) {
		char ch = s[i];
		if (ch == '_') {
			ch = ' ';
		} else if (ch == '=' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			ch = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		}
		put(c, out, &ch, 1, FL_EMAIL_MAX_FIELD, false, &capped);
	}
}

/* Convert the pending raw bytes of adjacent encoded words and append them. */
static void flush_words(ctx *c, fl_buf *pend, const char *cs, fl_buf *out, const char *field,
                        size_t off)
{
	conv_report r;
	if (pend->len == 0)
		return;
	memset(&r, 0, sizeof(r));
	to_utf8(c, cs, pend->data, pend->len, out, FL_EMAIL_MAX_FIELD, &r);
	if (r.unknown)
		problem(c, off, "unknown charset '%.40s' in the %s header (read as %s)", cs, field,
		        r.read_as);
	pend->len = 0;
}

/*
 * Decode an unstructured header value s[0..n) (already unfolded) into `out`:
 * encoded words are decoded and the white space between two adjacent ones is
 * dropped; literal 8-bit text is kept when UTF-8, else read as Windows-1252.
 */
static void decode_words(ctx *c, const char *s, size_t n, fl_buf *out, bool *encoded,
                         const char *field, size_t off)
{
	fl_buf pend = FL_BUF_INIT;
	char pend_cs[TOKEN_MAX] = "";
	size_t i = 0, ws_s = 0, ws_n = 0, j, no_end = 0, skip_before = 0;
	bool last_enc = false, capped = false, eight_bit_told = false;
	eword w;
	while (i < n && c->rc == 0) {
		if (is_space(s[i])) {
			for (j = i; j < n && is_space(s[j]); j++)
				;
			ws_s = i;
			ws_n = j - i;
			i = j;
			continue;
		}
		no_end = 0;
		if (s[i] == '=' && i >= skip_before && parse_eword(s + i, n - i, &w, &no_end)) {
			if (!last_enc || strcmp(w.charset, pend_cs) != 0) {
				flush_words(c, &pend, pend_cs, out, field, off);
				if (!last_enc)
					put(c, out, s + ws_s, ws_n, FL_EMAIL_MAX_FIELD, true, &capped);
			}
			memcpy(pend_cs, w.charset, sizeof(pend_cs));
			if (w.enc == 'q') {
				q_word_decode(c, s + i + w.text, w.text_n, &pend);
			} else {
				decode_report r;
				memset(&r, 0, sizeof(r));
				base64_decode(c, s + i + w.text, w.text_n, &pend, FL_EMAIL_MAX_FIELD, &r);
			}
			*encoded = true;
			last_enc = true;
			ws_n = 0;
			i += w.len;
			continue;
		}
		if (no_end > 0)
			skip_before = i + no_end;
		/* a literal run, up to white space or a possible encoded word */
		for (j = i + 1; j < n && !is_space(s[j]) && !(s[j] == '=' && j + 1 < n && s[j + 1] == '?');
		     j++)
			;
		flush_words(c, &pend, pend_cs, out, field, off);
		put(c, out, s + ws_s, ws_n, FL_EMAIL_MAX_FIELD, true, &capped);
		ws_n = 0;
		{
			conv_report r;
			memset(&r, 0, sizeof(r));
			to_utf8(c, "", s + i, j - i, out, FL_EMAIL_MAX_FIELD, &r);
			if (r.eight_bit && !eight_bit_told) {
				eight_bit_told = true;
				problem(c, off, "8-bit bytes in the %s header (read as Windows-1252)", field);
			}
		}
		last_enc = false;
		i = j;
	}
	flush_words(c, &pend, pend_cs, out, field, off);
	put(c, out, s + ws_s, ws_n, FL_EMAIL_MAX_FIELD, true, &capped);
	fl_buf_dispose(&pend);
}

/* A detached copy of b's text: valid UTF-8, controls made spaces, trimmed. */
static char *clean_text(ctx *c, fl_buf *b)
{
	size_t s = 0, e, i;
	char *out;
	sanitize_utf8(c, b);
	if (c->rc < 0)
		return NULL;
	e = b->len;
	while (s < e && (unsigned char)b->data[s] <= ' ')
		s++;
	while (e > s && (unsigned char)b->data[e - 1] <= ' ')
		e--;
	out = fl_strndup(e > s ? b->data + s : "", e - s);
	if (out == NULL) {
		c->rc = FULINT_ERR_NOMEM;
		return NULL;
	}
	for (i = 0; i < e - s; i++)
		if ((unsigned char)out[i] < ' ' || out[i] == 0x7f)
			out[i] = ' ';
	return out;
}

/* ---------------------------------------------------------------------
 * address lists
 * ------------------------------------------------------------------- */

typedef struct addr_state {
	fl_buf phrase;   /* display-name words (quoted strings unquoted), space-joined */
	fl_buf comment;  /* the last comment */
	bool angle;      /* an <addr-spec> was seen */
	bool space;      /* white space since the last phrase word */
} addr_state;

static void addr_word(ctx *c, addr_state *a, const char *s, size_t n)
{
	bool capped = false;
	if (a->phrase.len > 0 && a->space)
		put(c, &a->phrase, " ", 1, FL_EMAIL_MAX_FIELD, false, &capped);
	put(c, &a->phrase, s, n, FL_EMAIL_MAX_FIELD, false, &capped);
	a->space = false;
}

static void add_name(ctx *c, bool is_from, char *name)
{
	fl_email *m = c->m;
	if (name == NULL)
		return;
	if (name[0] == '\0' || strchr(name, '@') != NULL) {
		free(name);
		return;
	}
	if (is_from) {
		if (m->from_name == NULL)
			m->from_name = name;
		else
			free(name);
		return;
	}
	if (m->n_to_names >= FL_EMAIL_MAX_NAMES) {
		free(name);
		return;
	}
	if (fl_grow((void **)&m->to_names, &c->names_len, m->n_to_names + 1, sizeof(char *)) < 0) {
		free(name);
		c->rc = FULINT_ERR_NOMEM;
		return;
	}
	m->to_names[m->n_to_names++] = name;
}

/* End of one mailbox: keep its display name (or an old-style comment name). */
static void addr_emit(ctx *c, addr_state *a, bool is_from, const char *field, size_t off)
{
	const fl_buf *src = NULL;
	if (a->angle)
		src = a->phrase.len > 0 ? &a->phrase : &a->comment;
	else if (a->comment.len > 0)
		src = &a->comment; /* "sarah@example.org (Sarah Lee)" */
	if (src != NULL && src->len > 0 && c->rc == 0) {
		fl_buf dec = FL_BUF_INIT;
		bool enc = false;
		decode_words(c, src->data, src->len, &dec, &enc, field, off);
		if (dec.len > 0)
			add_name(c, is_from, clean_text(c, &dec));
		fl_buf_dispose(&dec);
	}
	a->phrase.len = 0;
	a->comment.len = 0;
	a->angle = false;
	a->space = false;
}

/*
 * Read an address list (RFC 5322 3.4, leniently): quoted display names,
 * comments, groups ("Team: a@x, B <b@x>;" keeps B, not "Team"), encoded
 * words in names.
 */
static void parse_addresses(ctx *c, const char *s, size_t n, bool is_from, const char *field,
                            size_t off)
{
	addr_state a;
	size_t i = 0, j;
	bool told = false, capped = false;
	memset(&a, 0, sizeof(a));
	while (i < n && c->rc == 0) {
		char ch = s[i];
		if (is_space(ch)) {
			a.space = true;
			i++;
		} else if (ch == '"') {
			fl_buf q = FL_BUF_INIT;
			for (j = i + 1; j < n && s[j] != '"'; j++) {
				if (s[j] == '\\' && j + 1 < n)
					j++;
				put(c, &q, s + j, 1, FL_EMAIL_MAX_FIELD, false, &capped);
			}
			if (j >= n && !told) {
				told = true;
				problem(c, off, "unterminated quoted string in the %s header", field);
			}
			if (q.len > 0)
				addr_word(c, &a, q.data, q.len);
			else
				a.space = a.phrase.len > 0;
			fl_buf_dispose(&q);
			i = j < n ? j + 1 : n;
		} else if (ch == '(') {
			size_t depth = 0;
			a.comment.len = 0;
			for (j = i; j < n; j++) {
				if (s[j] == '\\' && j + 1 < n) {
					j++;
					put(c, &a.comment, s + j, 1, FL_EMAIL_MAX_FIELD, false, &capped);
					continue;
				}
				if (s[j] == '(') {
					if (depth++ == 0)
						continue;
				} else if (s[j] == ')') {
					if (--depth == 0)
						break;
				}
				put(c, &a.comment, s + j, 1, FL_EMAIL_MAX_FIELD, false, &capped);
			}
			if (j >= n && !told) {
				told = true;
				problem(c, off, "unterminated comment in the %s header", field);
			}
			a.space = true;
			i = j < n ? j + 1 : n;
		} else if (ch == '<') {
			const char *gt = memchr(s + i, '>', n - i);
			if (gt == NULL && !told) {
				told = true;
				problem(c, off, "unterminated <address> in the %s header", field);
			}
			a.angle = true;
			a.space = true;
			i = gt ? (size_t)(gt - s) + 1 : n;
		} else if (ch == ',' || ch == ';') {
			addr_emit(c, &a, is_from, field, off);
			i++;
		} else if (ch == ':' && !a.angle) {
			/* a group name is not a person */
			a.phrase.len = 0;
			a.comment.len = 0;
			a.space = false;
			i++;
		} else {
			for (j = i + 1; j < n && !is_space(s[j]) && strchr("\"(<,;:", s[j]) == NULL; j++)
				;
			if (a.angle) /* words after <addr>: ignore */
				;
			else
				addr_word(c, &a, s + i, j - i);
			i = j;
		}
	}
	addr_emit(c, &a, is_from, field, off);
	fl_buf_dispose(&a.phrase);
	fl_buf_dispose(&a.comment);
}

/* ---------------------------------------------------------------------
 * Content-* fields
 * ------------------------------------------------------------------- */

static size_t skip_cfws(const char *s, size_t n, size_t i)
{
	while (i < n) {
		if (is_space(s[i])) {
			i++;
		} else if (s[i] == '(') {
			size_t depth = 0;
			for (; i < n; i++) {
				if (s[i] == '\\') {
					i++;
					continue;
				}
				if (s[i] == '(')
					depth++;
				else if (s[i] == ')' && --depth == 0)
					break;
			}
			i = i < n ? i + 1 : n;
		} else {
			break;
		}
	}
	return i > n ? n : i;
}

static bool tspecial(char ch)
{
	return strchr("()<>@,;:\\\"/[]?=", ch) != NULL || (unsigned char)ch <= ' ' ||
	       (unsigned char)ch >= 127;
}

/* Read one parameter value (token or quoted string) at s[i]; returns the end. */
static size_t param_value(const char *s, size_t n, size_t i, char *out, size_t cap, bool *too_long)
{
	size_t k = 0;
	*too_long = false;
	if (i < n && s[i] == '"') {
		for (i++; i < n && s[i] != '"'; i++) {
			if (s[i] == '\\' && i + 1 < n)
				i++;
			if (k + 1 < cap)
				out[k++] = s[i];
			else
				*too_long = true;
		}
		if (i < n)
			i++;
	} else {
		/* lenient: anything up to ';' or white space */
		for (; i < n && s[i] != ';' && !is_space(s[i]); i++) {
			if (k + 1 < cap)
				out[k++] = s[i];
			else
				*too_long = true;
		}
	}
	out[k] = '\0';
	return i;
}

/* Content-Type: type/subtype and the charset, boundary, format, delsp, name parameters. */
static void parse_content_type(ctx *c, entity *e, const char *s, size_t n, size_t off)
{
	size_t i = skip_cfws(s, n, 0), a;
	char val[BOUNDARY_MAX + 2];
	bool too_long;
	a = i;
	while (i < n && !tspecial(s[i]))
		i++;
	if (i == a || i >= n || s[i] != '/' || !copy_token(e->type, sizeof(e->type), s + a, i - a)) {
		problem(c, off, "bad Content-Type in %s (read as text/plain)", e->where);
		return;
	}
	a = ++i;
	while (i < n && !tspecial(s[i]))
		i++;
	if (i == a || !copy_token(e->subtype, sizeof(e->subtype), s + a, i - a)) {
		problem(c, off, "bad Content-Type in %s (read as text/plain)", e->where);
		return;
	}
	e->has_ct = true;
	while (i < n) {
		size_t ns, ne;
		i = skip_cfws(s, n, i);
		if (i < n && s[i] == ';') {
			i++;
			continue;
		}
		ns = i;
		while (i < n && s[i] != '=' && s[i] != ';' && !is_space(s[i]))
			i++;
		ne = i;
		i = skip_cfws(s, n, i);
		if (i >= n || s[i] != '=' || ne == ns) {
			while (i < n && s[i] != ';')
				i++;
			continue;
		}
		i = skip_cfws(s, n, i + 1);
		i = param_value(s, n, i, val, sizeof(val), &too_long);
		if (span_eq(s + ns, ne - ns, "charset")) {
			if (e->charset[0] == '\0')
				norm_charset(e->charset, val);
		} else if (span_eq(s + ns, ne - ns, "boundary")) {
			if (e->has_boundary)
				continue;
			if (too_long || val[0] == '\0' || strlen(val) > BOUNDARY_MAX) {
				problem(c, off, "bad MIME boundary in %s (empty or longer than %d characters)",
				        e->where, BOUNDARY_MAX);
				continue;
			}
			e->boundary_len = strlen(val);
			memcpy(e->boundary, val, e->boundary_len + 1);
			e->has_boundary = true;
		} else if (span_eq(s + ns, ne - ns, "format")) {
			e->flowed = fl_ascii_casecmp(val, "flowed") == 0;
		} else if (span_eq(s + ns, ne - ns, "delsp")) {
			e->delsp = fl_ascii_casecmp(val, "yes") == 0;
		} else if (ne - ns >= 4 && fl_ascii_ncasecmp(s + ns, "name", 4) == 0 &&
		           (ne - ns == 4 || s[ns + 4] == '*')) {
			e->has_name = true;
		}
	}
}

/* The first token of Content-Transfer-Encoding / Content-Disposition, lower-cased. */
static bool first_token(char *out, size_t cap, const char *s, size_t n)
{
	size_t i = skip_cfws(s, n, 0), a = i;
	while (i < n && !tspecial(s[i]))
		i++;
	return i > a && copy_token(out, cap, s + a, i - a);
}

/* ---------------------------------------------------------------------
 * header sections
 * ------------------------------------------------------------------- */

/* Unfold d[vs..ve) (drop CR and LF) into b, at most FL_EMAIL_MAX_FIELD bytes. */
static bool unfold(ctx *c, size_t vs, size_t ve, fl_buf *b)
{
	size_t i = vs, a;
	bool capped = false;
	while (i < ve && !capped && c->rc == 0) {
		a = i;
		while (i < ve && c->d[i] != '\r' && c->d[i] != '\n')
			i++;
		put(c, b, c->d + a, i - a, FL_EMAIL_MAX_FIELD, false, &capped);
		while (i < ve && (c->d[i] == '\r' || c->d[i] == '\n'))
			i++;
	}
	return capped;
}

static void handle_field(ctx *c, entity *e, size_t fs, size_t colon, size_t fe)
{
	const char *d = c->d;
	size_t ne = colon, vs = colon + 1;
	fl_buf v = FL_BUF_INIT;
	const char *name;
	bool top = e->top, capped;
	enum { F_OTHER, F_SUBJECT, F_FROM, F_TO, F_CT, F_CTE, F_CD } kind = F_OTHER;
	while (ne > fs && is_ws(d[ne - 1]))
		ne--;
	name = d + fs;
	e->n_fields++;
	if (top && span_eq(name, ne - fs, "subject"))
		kind = F_SUBJECT;
	else if (top && span_eq(name, ne - fs, "from"))
		kind = F_FROM;
	else if (top && (span_eq(name, ne - fs, "to") || span_eq(name, ne - fs, "cc")))
		kind = F_TO;
	else if (span_eq(name, ne - fs, "content-type"))
		kind = F_CT;
	else if (span_eq(name, ne - fs, "content-transfer-encoding"))
		kind = F_CTE;
	else if (span_eq(name, ne - fs, "content-disposition"))
		kind = F_CD;
	if (kind == F_OTHER)
		return;
	if ((kind == F_CT && e->has_ct) || (kind == F_CTE && e->has_cte) ||
	    (kind == F_CD && e->has_disp) || (kind == F_FROM && c->from_seen))
		return;
	if (kind == F_SUBJECT && c->subject_seen) {
		problem(c, fs, "duplicate Subject header (the first one is used)");
		return;
	}
	capped = unfold(c, vs, fe, &v);
	if (capped)
		problem(c, fs, "header field '%.*s' longer than %zu KiB (the rest is not read)",
		        (int)FL_MIN(ne - fs, 40), name, FL_EMAIL_MAX_FIELD >> 10);
	switch (kind) {
	case F_SUBJECT: {
		fl_buf dec = FL_BUF_INIT;
		size_t so = vs;
		c->subject_seen = true;
		while (so < fe && is_space(d[so]))
			so++;
		c->m->subject_offset = so;
		decode_words(c, v.data ? v.data : "", v.len, &dec, &c->m->subject_encoded, "Subject", so);
		c->m->subject = clean_text(c, &dec);
		fl_buf_dispose(&dec);
		break;
	}
	case F_FROM:
		c->from_seen = true;
		parse_addresses(c, v.data ? v.data : "", v.len, true, "From", vs);
		break;
	case F_TO:
		parse_addresses(c, v.data ? v.data : "", v.len, false,
		                lower(name[0]) == 't' ? "To" : "Cc", vs);
		break;
	case F_CT:
		parse_content_type(c, e, v.data ? v.data : "", v.len, fs);
		break;
	case F_CTE:
		e->has_cte = first_token(e->cte, sizeof(e->cte), v.data ? v.data : "", v.len);
		e->cte_off = fs;
		break;
	case F_CD:
		e->has_disp = first_token(e->disp, sizeof(e->disp), v.data ? v.data : "", v.len);
		break;
	case F_OTHER:
		break;
	}
	fl_buf_dispose(&v);
}

/*
 * Read the header section of entity e ([e->start, e->end)) and set
 * e->body_start.  A line that is no header field ends the section when the
 * line after it is no header field either ("no blank line after the
 * headers"); otherwise it is skipped with a problem.
 */
static void parse_headers(ctx *c, entity *e)
{
	const char *d = c->d;
	size_t pos = e->start, next, le, fs = NONE, fcolon = 0, fe = 0, colon;
	bool skipping = false;
	e->body_start = e->end;
	while (pos < e->end && c->rc == 0) {
		le = line_end(d, pos, e->end, &next);
		if (le == pos) {
			e->body_start = next;
			break;
		}
		if (skipping) {
			pos = next;
			continue;
		}
		if (pos - e->start > FL_EMAIL_MAX_HEADER) {
			if (fs != NONE)
				handle_field(c, e, fs, fcolon, fe);
			fs = NONE;
			problem(c, pos, "header section of %s longer than %zu KiB (the rest is not read)",
			        e->where, FL_EMAIL_MAX_HEADER >> 10);
			skipping = true;
			continue;
		}
		if (is_ws(d[pos]) && fs != NONE) {
			fe = le; /* a folded continuation line */
			pos = next;
			continue;
		}
		if (fs != NONE)
			handle_field(c, e, fs, fcolon, fe);
		fs = NONE;
		if (header_line(d, pos, le, &colon)) {
			fs = pos;
			fcolon = colon;
			fe = le;
			pos = next;
			continue;
		}
		{
			size_t n2, le2 = next < e->end ? line_end(d, next, e->end, &n2) : next;
			if (le2 > next && header_line(d, next, le2, &colon)) {
				problem(c, pos, "header line without a colon in %s (skipped)",
				        e->top ? "the message" : e->where);
				pos = next;
				continue;
			}
		}
		if (e->n_fields == 0 && e->top)
			problem(c, pos, "the message has no header fields");
		else if (e->top)
			problem(c, pos, "no blank line after the headers");
		else
			problem(c, pos, "no blank line after the headers of %s", e->where);
		e->body_start = pos;
		return;
	}
	if (fs != NONE)
		handle_field(c, e, fs, fcolon, fe);
}

/* ---------------------------------------------------------------------
 * format=flowed (RFC 3676)
 * ------------------------------------------------------------------- */

static void unflow(ctx *c, const char *in, size_t n, bool delsp, fl_buf *out)
{
	size_t pos = 0, next, le, q, cs, ce, open_q = 0;
	bool open = false, capped = false;
	while (pos < n && c->rc == 0) {
		le = line_end(in, pos, n, &next);
		for (q = pos; q < le && in[q] == '>'; q++)
			;
		cs = q;
		if (cs < le && in[cs] == ' ')
			cs++; /* space-stuffing (or the space after the quote marks) */
		q -= pos;
		ce = le;
		{
			bool sig = ce - cs == 3 && memcmp(in + cs, "-- ", 3) == 0;
			bool soft = !sig && ce > cs && in[ce - 1] == ' ';
			if (open && q != open_q) {
				put(c, out, "\n", 1, FL_EMAIL_MAX_DECODED, false, &capped);
				open = false;
			}
			if (!open) {
				size_t k;
				for (k = 0; k < q; k++)
					put(c, out, ">", 1, FL_EMAIL_MAX_DECODED, false, &capped);
				if (q > 0 && ce > cs)
					put(c, out, " ", 1, FL_EMAIL_MAX_DECODED, false, &capped);
			}
			if (soft && delsp)
				ce--;
			put(c, out, in + cs, ce - cs, FL_EMAIL_MAX_DECODED, true, &capped);
			if (soft) {
				open = true;
				open_q = q;
			} else {
				open = false;
				put(c, out, in + le, next - le, FL_EMAIL_MAX_DECODED, false, &capped);
			}
		}
		pos = next;
	}
	if (open && n > 0 && in[n - 1] == '\n')
		put(c, out, "\n", 1, FL_EMAIL_MAX_DECODED, false, &capped);
}

/* ---------------------------------------------------------------------
 * MIME entities
 * ------------------------------------------------------------------- */

static void process_entity(ctx *c, size_t start, size_t end, size_t depth, const char *section,
                           bool digest_child);

/* Add one decoded text part to the body. */
static void add_text(ctx *c, fl_buf *part, size_t raw_start, size_t raw_len)
{
	fl_email *m = c->m;
	bool capped = false;
	if (m->n_parts == 0) {
		c->first_start = raw_start;
		c->first_identical =
		    part->len == raw_len && (raw_len == 0 || memcmp(part->data, c->d + raw_start, raw_len) == 0);
	}
	m->n_parts++;
	if (part->len == 0)
		return;
	if (c->body.len > 0) {
		if (c->body.data[c->body.len - 1] != '\n')
			put(c, &c->body, "\n", 1, FL_EMAIL_MAX_DECODED, false, &capped);
		put(c, &c->body, "\n", 1, FL_EMAIL_MAX_DECODED, false, &capped);
	}
	put(c, &c->body, part->data, part->len, FL_EMAIL_MAX_DECODED, true, &capped);
	if (capped && !c->body_capped) {
		c->body_capped = true;
		problem(c, raw_start, "decoded text larger than %zu MiB (the rest is dropped)",
		        FL_EMAIL_MAX_DECODED >> 20);
	}
}

/* Decode one text/plain leaf: transfer encoding, charset, format=flowed. */
static void text_leaf(ctx *c, const entity *e)
{
	const char *raw = c->d + e->body_start;
	size_t n = e->end - e->body_start;
	fl_buf tmp = FL_BUF_INIT, utf = FL_BUF_INIT, flow = FL_BUF_INIT;
	fl_buf *cur;
	const char *src = raw;
	size_t src_n = n;
	decode_report dr;
	conv_report cr;
	memset(&dr, 0, sizeof(dr));
	memset(&cr, 0, sizeof(cr));
	if (e->has_cte && strcmp(e->cte, "quoted-printable") == 0) {
		qp_decode(c, raw, n, &tmp, FL_EMAIL_MAX_DECODED, &dr);
		src = tmp.data ? tmp.data : "";
		src_n = tmp.len;
		if (dr.n_bad)
			problem(c, e->body_start + dr.first_bad,
			        "bad quoted-printable escape '=%s' in %s (kept as is; %zu in all)",
			        dr.bad_show, e->where, dr.n_bad);
		if (dr.truncated)
			problem(c, e->end, "truncated quoted-printable escape at the end of %s", e->where);
	} else if (e->has_cte && strcmp(e->cte, "base64") == 0) {
		base64_decode(c, raw, n, &tmp, FL_EMAIL_MAX_DECODED, &dr);
		src = tmp.data ? tmp.data : "";
		src_n = tmp.len;
		if (dr.n_bad)
			problem(c, e->body_start + dr.first_bad,
			        "bad base64 character '%s' in %s (%zu skipped)", dr.bad_show, e->where,
			        dr.n_bad);
		if (dr.truncated)
			problem(c, e->end, "truncated base64 at the end of %s", e->where);
	} else if (e->has_cte && strcmp(e->cte, "7bit") != 0 && strcmp(e->cte, "8bit") != 0 &&
	           strcmp(e->cte, "binary") != 0) {
		problem(c, e->cte_off, "unknown Content-Transfer-Encoding '%s' in %s (read as 8bit)",
		        e->cte, e->where);
	}
	to_utf8(c, e->charset, src, src_n, &utf, FL_EMAIL_MAX_DECODED, &cr);
	if (cr.unknown)
		problem(c, e->body_start, "unknown charset '%s' in %s (read as %s)", e->charset, e->where,
		        cr.read_as);
	else if (cr.eight_bit)
		problem(c, e->body_start, "8-bit text in %s without a charset that allows it (read as Windows-1252)",
		        e->where);
	else if (cr.n_invalid)
		problem(c, e->body_start + (src == raw ? cr.first_invalid : 0),
		        "invalid %s in %s (%zu bad bytes)",
		        cs_is(e->charset, UTF8_NAMES) || e->charset[0] == '\0' ? "UTF-8" : "bytes for its charset",
		        e->where, cr.n_invalid);
	cur = &utf;
	if (e->flowed && c->rc == 0) {
		unflow(c, utf.data ? utf.data : "", utf.len, e->delsp, &flow);
		cur = &flow;
	}
	if ((dr.capped || cr.capped) && !c->body_capped) {
		c->body_capped = true;
		problem(c, e->body_start, "decoded text larger than %zu MiB (the rest is dropped)",
		        FL_EMAIL_MAX_DECODED >> 20);
	}
	if (c->rc == 0)
		add_text(c, cur, e->body_start, n);
	fl_buf_dispose(&tmp);
	fl_buf_dispose(&utf);
	fl_buf_dispose(&flow);
}

static bool is_identity_cte(const entity *e)
{
	return !e->has_cte || strcmp(e->cte, "7bit") == 0 || strcmp(e->cte, "8bit") == 0 ||
	       strcmp(e->cte, "binary") == 0;
}

/* Walk the children of a multipart; a missing boundary reads the body as text. */
static void multipart(ctx *c, entity *e, size_t depth, const char *section)
{
	const char *d = c->d;
	const char *b = e->boundary;
	size_t bl = e->boundary_len, pos = e->body_start, next, le, part_start = NONE, idx = 0;
	bool found = false, closed = false, alt = strcmp(e->subtype, "alternative") == 0;
	bool alt_done = false, digest = strcmp(e->subtype, "digest") == 0;
	char child[SECTION_MAX], shown[BOUNDARY_MAX + 1];
	if (!is_identity_cte(e))
		problem(c, e->cte_off, "Content-Transfer-Encoding '%s' on a multipart in %s (ignored)",
		        e->cte, e->where);
	while (pos < e->end && c->rc == 0 && !c->parts_capped) {
		size_t k;
		bool close = false;
		le = line_end(d, pos, e->end, &next);
		if (le - pos < 2 + bl || d[pos] != '-' || d[pos + 1] != '-' || memcmp(d + pos + 2, b, bl) != 0) {
			pos = next;
			continue;
		}
		k = pos + 2 + bl;
		if (le - k >= 2 && d[k] == '-' && d[k + 1] == '-') {
			close = true;
			k += 2;
		}
		while (k < le && is_ws(d[k]))
			k++;
		if (k != le) {
			pos = next;
			continue;
		}
		if (part_start != NONE) {
			/* the line end before a delimiter belongs to the delimiter */
			size_t ce = pos;
			if (ce > part_start && d[ce - 1] == '\n')
				ce--;
			if (ce > part_start && d[ce - 1] == '\r')
				ce--;
			idx++;
			if (!(alt && alt_done)) {
				size_t before = c->m->n_parts;
				snprintf(child, sizeof(child), "%s%s%zu", section, section[0] ? "." : "", idx);
				process_entity(c, part_start, ce, depth + 1, child, digest);
				if (alt && c->m->n_parts > before)
					alt_done = true;
			}
		}
		found = true;
		if (close) {
			closed = true;
			break;
		}
		part_start = next;
		pos = next;
	}
	if (c->rc < 0 || c->parts_capped)
		return;
	if (!found) {
		entity t = *e;
		problem(c, e->body_start, "missing MIME boundary '%s' in %s (read as text)",
		        printable(shown, sizeof(shown), b), e->where);
		text_leaf(c, &t);
		return;
	}
	if (!closed) {
		problem(c, e->end, "missing closing MIME boundary '%s' in %s",
		        printable(shown, sizeof(shown), b), e->where);
		if (part_start != NONE && part_start < e->end && !(alt && alt_done)) {
			idx++;
			snprintf(child, sizeof(child), "%s%s%zu", section, section[0] ? "." : "", idx);
			process_entity(c, part_start, e->end, depth + 1, child, digest);
		}
	}
}

/*
 * Handle one MIME entity in [start, end): its header section, then by type:
 * multipart -> children; text/plain (not an attachment) -> lint; anything
 * else (text/html, message/rfc822, attachments) -> skipped.
 */
static void process_entity(ctx *c, size_t start, size_t end, size_t depth, const char *section,
                           bool digest_child)
{
	entity e;
	char where[SECTION_MAX + 8];
	bool attachment;
	if (c->rc < 0 || c->parts_capped)
		return;
	if (++c->n_entities > FL_EMAIL_MAX_PARTS) {
		c->parts_capped = true;
		problem(c, start, "more than %d MIME parts (the rest is not read)", FL_EMAIL_MAX_PARTS);
		return;
	}
	memset(&e, 0, sizeof(e));
	e.start = start;
	e.end = end;
	e.top = depth == 0;
	if (e.top)
		snprintf(where, sizeof(where), "the message");
	else
		snprintf(where, sizeof(where), "part %s", section);
	e.where = where;
	parse_headers(c, &e);
	if (c->rc < 0)
		return;
	if (!e.has_ct) {
		snprintf(e.type, sizeof(e.type), "%s", digest_child ? "message" : "text");
		snprintf(e.subtype, sizeof(e.subtype), "%s", digest_child ? "rfc822" : "plain");
	}
	if (strcmp(e.type, "multipart") == 0) {
		if (depth >= FL_EMAIL_MAX_DEPTH) {
			problem(c, start, "MIME parts nested deeper than %d levels in %s (not read)",
			        FL_EMAIL_MAX_DEPTH, e.where);
			return;
		}
		if (!e.has_boundary) {
			problem(c, start, "multipart without a boundary in %s (read as text)", e.where);
			if (e.top)
				e.where = "the body";
			text_leaf(c, &e);
			return;
		}
		multipart(c, &e, depth, section);
		return;
	}
	if (strcmp(e.type, "text") != 0)
		return; /* message/rfc822 (forwarded, not the sender's text), images, ... */
	if (strcmp(e.subtype, "html") == 0) {
		c->n_html++;
		return;
	}
	if (strcmp(e.subtype, "plain") != 0)
		return;
	attachment = strcmp(e.disp, "attachment") == 0 || (!e.has_disp && e.has_name);
	if (attachment)
		return;
	if (e.top)
		e.where = "the body";
	text_leaf(c, &e);
}

/* ---------------------------------------------------------------------
 * public
 * ------------------------------------------------------------------- */

/* Length of a leading mbox "From " line, when the line after it is a header field. */
static size_t mbox_line(const char *d, size_t pos, size_t len)
{
	size_t next, le, n2, le2, colon;
	if (len - pos < 5 || memcmp(d + pos, "From ", 5) != 0)
		return 0;
	le = line_end(d, pos, len, &next);
	(void)le;
	if (next >= len)
		return 0;
	le2 = line_end(d, next, len, &n2);
	return header_line(d, next, le2, &colon) ? next - pos : 0;
}

static size_t skip_bom(const char *d, size_t len)
{
	return len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

bool fl_email_detect(const char *data, size_t len)
{
	static const char *const keys[] = {
		"from", "to", "cc", "bcc", "date", "message-id", "mime-version", "content-type",
		"content-transfer-encoding", "reply-to", "in-reply-to", "references", "sender",
		"received", "return-path", "delivered-to", "x-mailer", "user-agent", NULL};
	size_t pos, next, le, colon, n_fields = 0, k;
	bool key = false, subject = false, blank = false;
	if (data == NULL)
		return false;
	len = FL_MIN(len, DETECT_MAX);
	pos = skip_bom(data, len);
	pos += mbox_line(data, pos, len);
	while (pos < len) {
		le = line_end(data, pos, len, &next);
		if (le == pos) {
			blank = true;
			break;
		}
		if (is_ws(data[pos])) {
			if (n_fields == 0)
				return false;
			pos = next;
			continue;
		}
		if (!header_line(data, pos, le, &colon))
			break;
		n_fields++;
		{
			size_t ne = colon;
			while (ne > pos && is_ws(data[ne - 1]))
				ne--;
			for (k = 0; keys[k]; k++)
				if (span_eq(data + pos, ne - pos, keys[k]))
					key = true;
			if (span_eq(data + pos, ne - pos, "subject"))
				subject = true;
		}
		pos = next;
	}
	return key || (subject && n_fields >= 2 && blank);
}

int fl_email_parse(fl_email *out, const char *data, size_t len, fulint_error *err)
{
	ctx c;
	size_t start;
	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	if (data == NULL)
		data = "", len = 0;
	c.d = data;
	c.len = len;
	c.m = out;
	start = skip_bom(data, len);
	start += mbox_line(data, start, len);
	process_entity(&c, start, len, 0, "", false);
	if (c.rc == 0 && out->n_parts == 0) {
		if (c.n_html > 0)
			problem(&c, start, "no text/plain part to lint (text/html is not linted)");
		else
			problem(&c, start, "no text/plain part to lint");
	}
	if (c.rc == 0) {
		out->body_in_file = out->n_parts == 1 && c.first_identical;
		if (out->body_in_file)
			out->body_offset = c.first_start;
		else
			sanitize_utf8(&c, &c.body);
	}
	if (c.rc == 0) {
		out->body_len = c.body.len;
		out->body = c.body.len > 0 ? fl_buf_detach(&c.body) : fl_strdup("");
		if (out->body == NULL)
			c.rc = FULINT_ERR_NOMEM;
	}
	fl_buf_dispose(&c.body);
	if (c.rc < 0) {
		fl_email_dispose(out);
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory reading the e-mail");
	}
	return 0;
}

void fl_email_dispose(fl_email *m)
{
	size_t i;
	if (m == NULL)
		return;
	free(m->subject);
	for (i = 0; i < m->n_to_names; i++)
		free(m->to_names[i]);
	free(m->to_names);
	free(m->from_name);
	free(m->body);
	for (i = 0; i < m->n_problems; i++)
		free(m->problems[i].message);
	free(m->problems);
	memset(m, 0, sizeof(*m));
}
