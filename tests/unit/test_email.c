/*
 * test_email.c - unit tests of fl_email (the RFC 5322 / MIME reader), and
 * the check of corpus/email/<name>.eml against its <name>.parts sidecar.
 *
 * A .parts file says what the parser must extract from its .eml, one
 * "key: value" per line ('#' starts a comment line):
 *   detect: yes|no          fl_email_detect() (optional, default yes)
 *   subject: TEXT           the decoded subject; "(none)" when there is no Subject
 *   subject-encoded: yes|no an RFC 2047 word was decoded in it
 *   from: NAME              the From display name, or "(none)"
 *   to: NAME                one line per To/Cc display name, in order
 *   parts: N                text parts linted
 *   positions: file|decoded body_in_file
 *   first-line: TEXT        the body's first line (without its line end)
 *   contains: TEXT          the body contains TEXT (\n, \t and \\ unescaped); repeatable
 *   lacks: TEXT             the body does not contain TEXT; repeatable
 *   problem: TEXT           the i-th problem contains TEXT; one line per problem,
 *                           and the number of problems must match exactly
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fl_email.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif

/* ---- helpers ---- */

static fl_email parse_n(const char *data, size_t len)
{
	fl_email m;
	fulint_error err;
	memset(&err, 0, sizeof(err));
	assert_int_equal(fl_email_parse(&m, data, len, &err), 0);
	assert_non_null(m.body);
	assert_int_equal(strlen(m.body), m.body_len);
	if (m.body_in_file) {
		assert_true(m.body_offset + m.body_len <= len);
		assert_memory_equal(m.body, data + m.body_offset, m.body_len);
	}
	return m;
}

static fl_email parse(const char *s)
{
	return parse_n(s, strlen(s));
}

static bool has_problem(const fl_email *m, const char *needle)
{
	size_t i;
	for (i = 0; i < m->n_problems; i++)
		if (strstr(m->problems[i].message, needle) != NULL)
			return true;
	return false;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *repeat(const char *unit, size_t times, const char *head, const char *tail)
{
	size_t ul = strlen(unit), hl = strlen(head), tl = strlen(tail), i;
	char *s = malloc(hl + ul * times + tl + 1);
	assert_non_null(s);
	memcpy(s, head, hl);
	for (i = 0; i < times; i++)
		memcpy(s + hl + i * ul, unit, ul);
	memcpy(s + hl + ul * times, tail, tl + 1);
	return s;
}

#define HDRS "From: Jordan Avery <jordan@example.com>\nTo: Sarah Lee <sarah@example.org>\n"

/* ---- detection ---- */

static void test_detect(void **state)
{
	(void)state;
	assert_true(fl_email_detect(HDRS "Subject: Hi\n\nbody\n", strlen(HDRS "Subject: Hi\n\nbody\n")));
	assert_true(fl_email_detect("To: sarah@example.org\n\nHi\n", 25));
	assert_true(fl_email_detect("MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx", 49));
	assert_true(fl_email_detect("\xEF\xBB\xBF" "Date: Mon, 3 Mar 2025\n\nx", 27));
	assert_true(fl_email_detect("From jordan@example.com Wed Mar 12 09:14:00 2025\nFrom: J <j@example.com>\n\nx",
	                            strlen("From jordan@example.com Wed Mar 12 09:14:00 2025\nFrom: J <j@example.com>\n\nx")));
	assert_true(fl_email_detect("Subject: Thanks\nX-Priority: 1\n\nHi", 31));
	assert_true(fl_email_detect("Subject: Thanks\n  folded\nMessage-ID: <a@b>\n\nHi", 46));
	/* a plain draft with a leading Subject line stays a draft */
	assert_false(fl_email_detect("Subject: Thank you\n\nHi Sarah,\n", 30));
	assert_false(fl_email_detect("Subject: Thank you\nHi Sarah,\nThanks\n", 35));
	assert_false(fl_email_detect("Hi Sarah,\n\nThank you.\n", 22));
	assert_false(fl_email_detect("From my experience, interviews go well.\n\nBest\n", 46));
	assert_false(fl_email_detect("", 0));
	assert_false(fl_email_detect(NULL, 0));
	assert_false(fl_email_detect("\nTo: x\n", 7));
	assert_false(fl_email_detect("   To: x\n", 9));
	assert_false(fl_email_detect("Note: remember to attach\nthe resume\n", 36));
}

/* ---- headers ---- */

static void test_header_folding(void **state)
{
	const char *s = "From: Jordan Avery\n <jordan@example.com>\nTo: \"Sarah\n Lee\" <sarah@example.org>,\n\tMark Chen <mark@example.org>\n"
	                "Subject: Thank you for\n  the interview\r\n\tyesterday\n\nbody\n";
	fl_email m = parse(s);
	(void)state;
	/* unfolding keeps the white space; control characters become spaces */
	assert_string_equal(m.subject, "Thank you for  the interview yesterday");
	assert_false(m.subject_encoded);
	assert_int_equal(m.subject_offset, (size_t)(strstr(s, "Thank you") - s));
	assert_string_equal(m.from_name, "Jordan Avery");
	assert_int_equal(m.n_to_names, 2);
	assert_string_equal(m.to_names[0], "Sarah Lee");
	assert_string_equal(m.to_names[1], "Mark Chen");
	assert_string_equal(m.body, "body\n");
	assert_true(m.body_in_file);
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
}

static void test_subject_none_empty_duplicate(void **state)
{
	fl_email m = parse(HDRS "\nHi\n");
	(void)state;
	assert_null(m.subject);
	fl_email_dispose(&m);
	m = parse(HDRS "Subject:\n\nHi\n");
	assert_non_null(m.subject);
	assert_string_equal(m.subject, "");
	assert_int_equal(m.subject_offset, strlen(HDRS "Subject:"));
	fl_email_dispose(&m);
	m = parse(HDRS "Subject:   \n\nHi\n");
	assert_string_equal(m.subject, "");
	fl_email_dispose(&m);
	m = parse(HDRS "Subject: one\nSubject: two\n\nHi\n");
	assert_string_equal(m.subject, "one");
	assert_true(has_problem(&m, "duplicate Subject"));
	fl_email_dispose(&m);
}

static void test_encoded_words(void **state)
{
	fl_email m;
	(void)state;
	/* Q with underscores and lower-case hex; adjacent words joined */
	m = parse(HDRS "Subject: =?utf-8?q?Caf=c3=a9_chat?= =?UTF-8?Q?_=E2=80=94_thanks?=\n\nx\n");
	assert_string_equal(m.subject, "Café chat — thanks");
	assert_true(m.subject_encoded);
	fl_email_dispose(&m);
	/* B split inside a multi-byte character, folded between the words */
	m = parse(HDRS "Subject: =?UTF-8?B?TWVyY2kg4oA=?=\n =?UTF-8?B?lCBtZXJjaQ==?=\n\nx\n");
	assert_string_equal(m.subject, "Merci — merci");
	fl_email_dispose(&m);
	/* white space between an encoded word and plain text is kept */
	m = parse(HDRS "Subject: Re: =?iso-8859-1?q?r=E9sum=E9?= attached\n\nx\n");
	assert_string_equal(m.subject, "Re: résumé attached");
	fl_email_dispose(&m);
	/* other charsets through iconv */
	m = parse(HDRS "Subject: =?koi8-r?b?8NLJ18XU?= =?windows-1252?Q?=93hi=94?=\n\nx\n");
	assert_string_equal(m.subject, "Привет“hi”");
	fl_email_dispose(&m);
	/* not encoded words: left alone */
	m = parse(HDRS "Subject: =?utf-8?x?abc?= and =?utf-8?q?no end\n\nx\n");
	assert_string_equal(m.subject, "=?utf-8?x?abc?= and =?utf-8?q?no end");
	assert_false(m.subject_encoded);
	fl_email_dispose(&m);
	/* unknown charset in a header: a problem, text read as UTF-8 or Latin-1 */
	m = parse(HDRS "Subject: =?x-nonsense?q?caf=E9?=\n\nx\n");
	assert_string_equal(m.subject, "café");
	assert_true(has_problem(&m, "unknown charset 'x-nonsense' in the Subject header (read as Latin-1)"));
	fl_email_dispose(&m);
	/* raw 8-bit: UTF-8 kept, anything else read as Windows-1252 */
	m = parse(HDRS "Subject: Caf\xc3\xa9\n\nx\n");
	assert_string_equal(m.subject, "Café");
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	m = parse(HDRS "Subject: Caf\xe9 \x93ok\x94\n\nx\n");
	assert_string_equal(m.subject, "Café “ok”");
	assert_true(has_problem(&m, "8-bit bytes in the Subject header"));
	fl_email_dispose(&m);
}

static void test_addresses(void **state)
{
	fl_email m;
	(void)state;
	m = parse("From: \"Avery, Jordan \\\"JJ\\\"\" <jordan@example.com>\n"
	          "To: Sarah Lee <sarah@example.org>, mark@example.org, <dana@example.org>,\n"
	          " \"priya@example.org\" <priya@example.org>, olga@example.org (Olga Petrova)\n"
	          "Cc: Hiring Team: =?UTF-8?Q?Zo=C3=AB?= Fontaine <zoe@example.org>, Tom (the boss) <tom@example.org>;,\n"
	          " undisclosed-recipients:;, \"=?ISO-8859-1?Q?Bj=F6rn?= Lind\" <bjorn@example.org>\n"
	          "Subject: x\n\nbody\n");
	assert_string_equal(m.from_name, "Avery, Jordan \"JJ\"");
	assert_int_equal(m.n_to_names, 5);
	assert_string_equal(m.to_names[0], "Sarah Lee");
	assert_string_equal(m.to_names[1], "Olga Petrova");
	assert_string_equal(m.to_names[2], "Zoë Fontaine");
	assert_string_equal(m.to_names[3], "Tom");
	assert_string_equal(m.to_names[4], "Björn Lind");
	fl_email_dispose(&m);
	/* no names at all; unterminated things are problems, not crashes */
	m = parse("From: jordan@example.com\nTo: sarah@example.org\nCc: \"Mark <mark@example.org\n\nbody\n");
	assert_null(m.from_name);
	assert_int_equal(m.n_to_names, 0);
	assert_true(has_problem(&m, "unterminated quoted string in the Cc header"));
	fl_email_dispose(&m);
	m = parse("To: Sarah (Lee <sarah@example.org\nCc: Mark <mark@example.org\n\nbody\n");
	assert_true(has_problem(&m, "unterminated comment in the To header"));
	assert_true(has_problem(&m, "unterminated <address> in the Cc header"));
	assert_int_equal(m.n_to_names, 1);
	assert_string_equal(m.to_names[0], "Mark");
	fl_email_dispose(&m);
}

static void test_header_without_colon_and_no_blank_line(void **state)
{
	const char *s;
	fl_email m;
	(void)state;
	s = HDRS "garbage line\nSubject: Thanks\n\nHi Sarah,\n";
	m = parse(s);
	assert_string_equal(m.subject, "Thanks");
	assert_true(has_problem(&m, "header line without a colon"));
	assert_int_equal(m.problems[0].offset, (size_t)(strstr(s, "garbage") - s));
	assert_string_equal(m.body, "Hi Sarah,\n");
	fl_email_dispose(&m);
	s = HDRS "Subject: Thanks\nHi Sarah,\nthanks for the interview.\n";
	m = parse(s);
	assert_true(has_problem(&m, "no blank line after the headers"));
	assert_true(m.body_in_file);
	assert_int_equal(m.body_offset, (size_t)(strstr(s, "Hi Sarah") - s));
	assert_string_equal(m.body, "Hi Sarah,\nthanks for the interview.\n");
	fl_email_dispose(&m);
	/* only headers: an empty body, no problem */
	m = parse(HDRS "Subject: x");
	assert_string_equal(m.body, "");
	assert_int_equal(m.n_parts, 1);
	assert_string_equal(m.subject, "x");
	fl_email_dispose(&m);
	/* no headers at all (parse forced on a plain draft) */
	m = parse("Hi Sarah,\n\nThanks.\n");
	assert_true(has_problem(&m, "the message has no header fields"));
	assert_string_equal(m.body, "Hi Sarah,\n\nThanks.\n");
	fl_email_dispose(&m);
	/* empty input */
	m = parse_n("", 0);
	assert_string_equal(m.body, "");
	fl_email_dispose(&m);
}

static void test_mbox_and_crlf(void **state)
{
	const char *s = "From jordan@example.com Wed Mar 12 09:14:00 2025\r\nFrom: J Avery <j@example.com>\r\n"
	                "To: Sarah Lee <s@example.org>\r\nSubject: Thanks\r\n\r\nHi Sarah,\r\n\r\nThanks.\r\n";
	fl_email m = parse(s);
	(void)state;
	assert_string_equal(m.from_name, "J Avery");
	assert_string_equal(m.subject, "Thanks");
	assert_true(m.body_in_file);
	assert_string_equal(m.body, "Hi Sarah,\r\n\r\nThanks.\r\n");
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	/* a BOM before the headers */
	m = parse("\xEF\xBB\xBF" HDRS "\nbody\n");
	assert_string_equal(m.to_names[0], "Sarah Lee");
	assert_string_equal(m.body, "body\n");
	fl_email_dispose(&m);
}

/* ---- transfer encodings ---- */

static void test_quoted_printable(void **state)
{
	const char *s = HDRS "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: Quoted-Printable\n\n"
	                "Hi Sarah,   \nThis is a long line that was wra=\npped=20\nby the sender. Caf=c3=a9 =3D ok=\n";
	fl_email m = parse(s);
	(void)state;
	assert_string_equal(m.body, "Hi Sarah,\nThis is a long line that was wrapped \nby the sender. Café = ok");
	assert_false(m.body_in_file);
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	/* bad escapes kept literally, one problem with the count */
	s = HDRS "Content-Transfer-Encoding: quoted-printable\n\nA =ZZ b =G1 c =\tx\n";
	m = parse(s);
	assert_string_equal(m.body, "A =ZZ b =G1 c =\tx\n");
	assert_int_equal(m.n_problems, 1);
	assert_true(has_problem(&m, "bad quoted-printable escape '=Z' in the body (kept as is; 3 in all)"));
	assert_int_equal(m.problems[0].offset, (size_t)(strstr(s, "=ZZ") - s));
	fl_email_dispose(&m);
	/* truncated at the end of the data */
	m = parse(HDRS "Content-Transfer-Encoding: quoted-printable\n\nabc=4");
	assert_string_equal(m.body, "abc=4");
	assert_true(has_problem(&m, "truncated quoted-printable escape"));
	fl_email_dispose(&m);
	/* QP of plain ASCII text is the file's own bytes */
	s = HDRS "Content-Transfer-Encoding: quoted-printable\n\nplain text\n";
	m = parse(s);
	assert_true(m.body_in_file);
	fl_email_dispose(&m);
}

static void test_base64(void **state)
{
	/* "Hi Sarah,\nThank you!\n" with white space and CRLF inside */
	const char *s = HDRS "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: BASE64\n\n"
	                "SGkgU2Fy YWgsClRo\r\n  YW5rIHlv\ndSEK\n";
	fl_email m = parse(s);
	(void)state;
	assert_string_equal(m.body, "Hi Sarah,\nThank you!\n");
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	/* bad characters are skipped and reported once, with where the first is */
	s = HDRS "Content-Transfer-Encoding: base64\n\nSGkg!U2Fy%YWgsClRo\x01YW5rIHlvdSEK\n";
	m = parse(s);
	assert_string_equal(m.body, "Hi Sarah,\nThank you!\n");
	assert_int_equal(m.n_problems, 1);
	assert_true(has_problem(&m, "bad base64 character '!' in the body (3 skipped)"));
	assert_int_equal(m.problems[0].offset, (size_t)(strchr(s, '!') - s));
	fl_email_dispose(&m);
	/* truncated: the whole bytes are kept */
	m = parse(HDRS "Content-Transfer-Encoding: base64\n\nSGkgU2FyYWgsC");
	assert_string_equal(m.body, "Hi Sarah,");
	assert_true(has_problem(&m, "truncated base64"));
	fl_email_dispose(&m);
	/* missing padding is tolerated; concatenated encodings decode */
	m = parse(HDRS "Content-Transfer-Encoding: base64\n\nSGk=IFNhcmFo\n");
	assert_string_equal(m.body, "Hi Sarah");
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	/* decoded control bytes and NULs stay (fl_text masks them); body_len is exact */
	m = parse(HDRS "Content-Transfer-Encoding: 8bit\nContent-Type: text/plain; charset=utf-8\n\nok\n");
	assert_true(m.body_in_file);
	fl_email_dispose(&m);
}

static void test_unknown_transfer_encoding(void **state)
{
	fl_email m = parse(HDRS "Content-Transfer-Encoding: x-uuencode\n\nHi\n");
	(void)state;
	assert_true(has_problem(&m, "unknown Content-Transfer-Encoding 'x-uuencode' in the body (read as 8bit)"));
	assert_string_equal(m.body, "Hi\n");
	fl_email_dispose(&m);
}

/* ---- charsets ---- */

static void test_charsets(void **state)
{
	fl_email m;
	(void)state;
	m = parse(HDRS "Content-Type: text/plain; charset=ISO-8859-1\n\nCaf\xe9 \x92ok\x92\n");
	assert_string_equal(m.body, "Café ’ok’\n"); /* Latin-1 labels read as Windows-1252 */
	assert_false(m.body_in_file);
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: text/plain; charset=\"windows-1252\"\n\n\x93Hi\x94 \x85 \x80\n");
	assert_string_equal(m.body, "“Hi” … €\n");
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: text/plain; charset=iso-8859-15\n\n\xa4 5\n");
	assert_string_equal(m.body, "€ 5\n");
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: text/plain; charset=KOI8-R\n\n\xf0\xd2\xc9\xd7\xc5\xd4\n");
	assert_string_equal(m.body, "Привет\n");
	fl_email_dispose(&m);
	/* UTF-16 in base64 (pure-ASCII shortcut must not apply) */
	m = parse(HDRS "Content-Type: text/plain; charset=utf-16le\nContent-Transfer-Encoding: base64\n\nSABpAAoA\n");
	assert_string_equal(m.body, "Hi\n");
	fl_email_dispose(&m);
	/* an ASCII-only part in any ASCII-compatible charset stays in the file */
	m = parse(HDRS "Content-Type: text/plain; charset=iso-8859-2\n\nplain ascii\n");
	assert_true(m.body_in_file);
	fl_email_dispose(&m);
	/* unknown charset: Latin-1 when not UTF-8, UTF-8 when it is */
	m = parse(HDRS "Content-Type: text/plain; charset=x-foo\n\nCaf\xe9\n");
	assert_string_equal(m.body, "Café\n");
	assert_true(has_problem(&m, "unknown charset 'x-foo' in the body (read as Latin-1)"));
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: text/plain; charset=x-foo\n\nCaf\xc3\xa9\n");
	assert_string_equal(m.body, "Café\n");
	assert_true(m.body_in_file);
	assert_true(has_problem(&m, "(read as UTF-8)"));
	fl_email_dispose(&m);
	/* no charset: UTF-8 kept silently, other 8-bit read as Windows-1252 */
	m = parse(HDRS "\nCaf\xc3\xa9\n");
	assert_true(m.body_in_file);
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	m = parse(HDRS "\nCaf\xe9\n");
	assert_string_equal(m.body, "Café\n");
	assert_true(has_problem(&m, "read as Windows-1252"));
	fl_email_dispose(&m);
	/* declared UTF-8 but invalid: kept in the file with a problem */
	m = parse(HDRS "Content-Type: text/plain; charset=utf-8\n\nCaf\xe9 ok\n");
	assert_true(m.body_in_file);
	assert_true(has_problem(&m, "invalid UTF-8 in the body (1 bad bytes)"));
	fl_email_dispose(&m);
	/* ... and replaced when the body is decoded anyway */
	m = parse(HDRS "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nQ2Fm6SBvawo=\n");
	assert_string_equal(m.body, "Caf\xEF\xBF\xBD ok\n");
	fl_email_dispose(&m);
	/* invalid bytes for a real charset: U+FFFD and a problem */
	m = parse(HDRS "Content-Type: text/plain; charset=shift_jis\n\nok \x81\n");
	assert_true(strstr(m.body, "\xEF\xBF\xBD") != NULL);
	assert_true(has_problem(&m, "invalid bytes for its charset"));
	fl_email_dispose(&m);
}

/* ---- MIME structure ---- */

static void test_alternative(void **state)
{
	const char *s = HDRS "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b 1\"\n\n"
	                "preamble\n--b 1\nContent-Type: text/html\n\n<p>HTML</p>\n--b 1\nContent-Type: text/plain\n\n"
	                "Hi Sarah,\nplain\n--b 1\nContent-Type: text/plain\n\nsecond alternative\n--b 1--\nepilogue\n";
	fl_email m = parse(s);
	(void)state;
	assert_string_equal(m.body, "Hi Sarah,\nplain");
	assert_true(m.body_in_file);
	assert_int_equal(m.body_offset, (size_t)(strstr(s, "Hi Sarah") - s));
	assert_int_equal(m.n_parts, 1);
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	/* a nested multipart inside the alternative that holds the text */
	s = HDRS "Content-Type: multipart/alternative; boundary=A\n\n--A\nContent-Type: multipart/related; boundary=R\n\n"
	    "--R\nContent-Type: text/plain; charset=us-ascii\n\nnested text\n--R--\n--A\nContent-Type: text/html\n\nx\n--A--\n";
	m = parse(s);
	assert_string_equal(m.body, "nested text");
	fl_email_dispose(&m);
}

static void test_mixed_and_skipped_parts(void **state)
{
	const char *s = HDRS "Content-Type: multipart/mixed; boundary=MIX\n\n"
	                "--MIX\nContent-Type: text/plain\n\nfirst\n"
	                "--MIX\nContent-Type: text/plain; name=notes.txt\n\nOLD-STYLE ATTACHMENT\n"
	                "--MIX\nContent-Type: text/plain\nContent-Disposition: attachment; filename=cv.txt\n\nATTACHMENT\n"
	                "--MIX\nContent-Type: message/rfc822\n\nFrom: x@example.org\nSubject: fwd\n\nFORWARDED\n"
	                "--MIX\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"
	                "--MIX\nContent-Type: text/html\n\n<b>HTML</b>\n"
	                "--MIX\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\n"
	                "--MIX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nc2Vjb25kCg==\n"
	                "--MIX\n\nno headers: text/plain by default\n--MIX--\n";
	fl_email m = parse(s);
	(void)state;
	assert_string_equal(m.body, "first\n\nsecond\n\nno headers: text/plain by default");
	assert_int_equal(m.n_parts, 3);
	assert_false(m.body_in_file);
	assert_int_equal(m.n_problems, 0);
	fl_email_dispose(&m);
	/* multipart/digest children default to message/rfc822 */
	m = parse(HDRS "Content-Type: multipart/digest; boundary=D\n\n--D\n\nFrom: a@example.org\n\nDIGEST\n--D--\n");
	assert_int_equal(m.n_parts, 0);
	assert_true(has_problem(&m, "no text/plain part to lint"));
	fl_email_dispose(&m);
	/* delimiter lines need the whole boundary and only white space after it */
	m = parse(HDRS "Content-Type: multipart/mixed; boundary=ab\n\n--ab  \n\none\n--abc\ntwo\n--ab --\n--ab--\n");
	assert_string_equal(m.body, "one\n--abc\ntwo\n--ab --");
	fl_email_dispose(&m);
	/* a transfer encoding on a multipart is ignored with a problem */
	m = parse(HDRS "Content-Type: multipart/mixed; boundary=q\nContent-Transfer-Encoding: base64\n\n--q\n\nok\n--q--\n");
	assert_true(has_problem(&m, "on a multipart"));
	assert_string_equal(m.body, "ok");
	fl_email_dispose(&m);
}

static void test_boundary_problems(void **state)
{
	fl_email m;
	(void)state;
	m = parse(HDRS "Content-Type: multipart/mixed; boundary=\"xyz\"\n\nHi Sarah,\nno parts here\n");
	assert_true(has_problem(&m, "missing MIME boundary 'xyz' in the message (read as text)"));
	assert_string_equal(m.body, "Hi Sarah,\nno parts here\n");
	assert_true(m.body_in_file);
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: multipart/mixed; boundary=xyz\n\n--xyz\n\nHi Sarah,\ncut off\n");
	assert_true(has_problem(&m, "missing closing MIME boundary 'xyz'"));
	assert_string_equal(m.body, "Hi Sarah,\ncut off\n");
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: multipart/mixed\n\nHi\n");
	assert_true(has_problem(&m, "multipart without a boundary"));
	assert_string_equal(m.body, "Hi\n");
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: multipart/mixed; boundary=\"\"\n\nHi\n");
	assert_true(has_problem(&m, "bad MIME boundary"));
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\nHi there\n--x--\n");
	assert_true(has_problem(&m, "no blank line after the headers of part 1"));
	assert_string_equal(m.body, "Hi there");
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: /plain\n\nHi\n");
	assert_true(has_problem(&m, "bad Content-Type"));
	assert_string_equal(m.body, "Hi\n");
	fl_email_dispose(&m);
}

static void test_deep_nesting(void **state)
{
	char *s = malloc(64 * 1024), *p;
	size_t i, depth = 200;
	fl_email m;
	(void)state;
	assert_non_null(s);
	p = s + sprintf(s, HDRS "Content-Type: multipart/mixed; boundary=b0\n\n");
	for (i = 0; i < depth; i++)
		p += sprintf(p, "--b%zu\nContent-Type: multipart/mixed; boundary=b%zu\n\n", i, i + 1);
	p += sprintf(p, "--b%zu\n\ndeep text\n", depth);
	m = parse(s);
	assert_true(has_problem(&m, "nested deeper than 16 levels"));
	assert_int_equal(m.n_parts, 0);
	fl_email_dispose(&m);
	/* exactly at the cap still reads */
	p = s + sprintf(s, HDRS "Content-Type: multipart/mixed; boundary=b0\n\n");
	for (i = 0; i + 1 < FL_EMAIL_MAX_DEPTH; i++)
		p += sprintf(p, "--b%zu\nContent-Type: multipart/mixed; boundary=b%zu\n\n", i, i + 1);
	sprintf(p, "--b%zu\n\ndeep text\n--b%zu--\n", i, i);
	m = parse(s);
	assert_string_equal(m.body, "deep text");
	fl_email_dispose(&m);
	free(s);
}

static void test_mime_bomb(void **state)
{
	char *s = repeat("--B\nContent-Type: text/plain\n\nx\n", 100000,
	                 HDRS "Content-Type: multipart/mixed; boundary=B\n\n", "--B--\n");
	double t0 = now();
	fl_email m = parse(s);
	(void)state;
	assert_true(now() - t0 < 2.0);
	assert_true(has_problem(&m, "more than 1000 MIME parts"));
	assert_true(m.n_parts < FL_EMAIL_MAX_PARTS);
	fl_email_dispose(&m);
	free(s);
	/* many problems: capped, the last one says so */
	s = repeat("--B\nContent-Transfer-Encoding: base64\n\n!!\n", 500,
	           HDRS "Content-Type: multipart/mixed; boundary=B\n\n", "--B--\n");
	m = parse(s);
	assert_int_equal(m.n_problems, FL_EMAIL_MAX_PROBLEMS);
	assert_true(strstr(m.problems[FL_EMAIL_MAX_PROBLEMS - 1].message, "too many problems") != NULL);
	fl_email_dispose(&m);
	free(s);
}

static void test_huge_header_line(void **state)
{
	size_t n = 10u << 20;
	char *s = repeat("a", n, HDRS "Subject: ", "\nX-Other: 1\n\nHi Sarah,\n");
	double t0 = now();
	fl_email m = parse(s);
	(void)state;
	assert_true(now() - t0 < 5.0);
	assert_true(has_problem(&m, "header field 'Subject' longer than 64 KiB"));
	assert_true(has_problem(&m, "header section of the message longer than 1024 KiB"));
	assert_true(strlen(m.subject) + 1 >= FL_EMAIL_MAX_FIELD && strlen(m.subject) <= FL_EMAIL_MAX_FIELD);
	assert_string_equal(m.body, "Hi Sarah,\n");
	fl_email_dispose(&m);
	free(s);
	/* a 10 MB line with no colon and no line end at all */
	s = repeat("x", n, "", "");
	m = parse(s);
	assert_true(has_problem(&m, "no header fields"));
	assert_int_equal(m.body_len, n);
	fl_email_dispose(&m);
	free(s);
}

static void test_linear_worst_cases(void **state)
{
	/* "=?a?q?x" repeated: every "=?" looks like the start of an encoded word
	 * that never ends; rescanning each one would be quadratic */
	char *w = repeat("=?a?q?x", 9000, "", ""), *s;
	size_t i, n = strlen(w), at;
	double t0;
	fl_email m;
	(void)state;
	s = malloc(16 * (n + 40) + 64);
	assert_non_null(s);
	at = (size_t)sprintf(s, "Subject: %s\n", w);
	for (i = 0; i < 15; i++)
		at += (size_t)sprintf(s + at, "To: %s <b@example.org>\n", w);
	sprintf(s + at, "\nbody\n");
	t0 = now();
	m = parse(s);
	assert_true(now() - t0 < 3.0);
	assert_false(m.subject_encoded);
	assert_int_equal(strncmp(m.subject, "=?a?q?x=?a?q?x", 14), 0);
	assert_string_equal(m.body, "body\n");
	fl_email_dispose(&m);
	free(s);
	free(w);
	/* a long run of bytes invalid in the declared charset */
	s = repeat("\x81 ", 2000000, HDRS "Content-Type: text/plain; charset=shift_jis\n\n", "");
	t0 = now();
	m = parse(s);
	assert_true(now() - t0 < 3.0);
	assert_true(has_problem(&m, "invalid bytes for its charset"));
	assert_true(fl_utf8_first_invalid(m.body, m.body_len) == m.body_len);
	fl_email_dispose(&m);
	free(s);
}

/* ---- format=flowed ---- */

static void test_flowed(void **state)
{
	fl_email m;
	(void)state;
	m = parse(HDRS "Content-Type: text/plain; format=flowed\n\n"
	          "Hi Sarah,\n\nThank you for \nthe interview. \nIt went well.\n\n From here on.\n"
	          "> quoted soft \n> line\n>> deeper \n> back\n-- \nJordan \n");
	assert_string_equal(m.body, "Hi Sarah,\n\nThank you for the interview. It went well.\n\nFrom here on.\n"
	                            "> quoted soft line\n>> deeper \n> back\n-- \nJordan \n");
	assert_false(m.body_in_file);
	fl_email_dispose(&m);
	m = parse(HDRS "Content-Type: text/plain; format=\"Flowed\"; DelSp=Yes\n\nlook forward to hear \ning from you.\n");
	assert_string_equal(m.body, "look forward to hearing from you.\n");
	fl_email_dispose(&m);
	/* flowed text without soft breaks or stuffing is still the file's bytes */
	m = parse(HDRS "Content-Type: text/plain; format=flowed\n\nHi Sarah,\n\nThanks.\n");
	assert_true(m.body_in_file);
	fl_email_dispose(&m);
}

/* ---- robustness: every prefix and random mutations of a rich message ---- */

static const char RICH[] =
	"From: =?UTF-8?Q?Ren=C3=A9e?= <r@example.com>\nTo: \"Lee, Sarah\" <s@example.org>, (c) x@example.org\n"
	"Subject: =?utf-8?b?VGhhbmsgeW91?= =?iso-8859-1?q?=E9?=\nContent-Type: multipart/mixed; boundary=\"M\"\n\n"
	"--M\nContent-Type: multipart/alternative; boundary=A\n\n--A\nContent-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n"
	"Content-Transfer-Encoding: quoted-printable\n\nHi Sarah, soft =\nbreak =C3=A9=20\nnext\n--A\nContent-Type: text/html\n\n<p>x</p>\n--A--\n"
	"--M\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n\n8NLJ18XU\n"
	"--M\nContent-Type: application/pdf\nContent-Disposition: attachment\n\nJVBERi0=\n--M--\n";

static void test_prefixes_and_mutations(void **state)
{
	size_t n = sizeof(RICH) - 1, i, k;
	char *buf = malloc(n);
	unsigned seed = 12345;
	fl_email m;
	(void)state;
	assert_non_null(buf);
	for (i = 0; i <= n; i++) {
		memcpy(buf, RICH, i); /* exact-size copy: ASan sees any over-read */
		m = parse_n(buf, i);
		fl_email_dispose(&m);
		(void)fl_email_detect(buf, i);
	}
	m = parse_n(RICH, n);
	assert_string_equal(m.subject, "Thank youé");
	/* QP soft break, then a flowed soft break whose space DelSp removes */
	assert_string_equal(m.body, "Hi Sarah, soft break énext\n\nПривет");
	assert_int_equal(m.n_parts, 2);
	fl_email_dispose(&m);
	for (i = 0; i < 3000; i++) {
		memcpy(buf, RICH, n);
		for (k = 0; k < 1 + i % 8; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[(seed >> 8) % n] = "=?-\n\r:;\"<>()\\_ \x80\xff"[(seed >> 20) % 16];
		}
		m = parse_n(buf, n);
		fl_email_dispose(&m);
	}
	free(buf);
	fl_email_dispose(NULL);
}

/* ---- the corpus ---- */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

static void unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_one(const char *dir, const char *name)
{
	char path[1024], *eml, *parts, *line, *save = NULL;
	size_t len, plen, n_to = 0, n_prob = 0;
	fl_email m;
	bool saw_parts = false, saw_pos = false, saw_first = false, saw_subject = false;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	eml = slurp(path, &len);
	assert_non_null(eml);
	snprintf(path, sizeof(path), "%s/%.*s.parts", dir, (int)(strlen(name) - 4), name);
	parts = slurp(path, &plen);
	if (parts == NULL)
		fail_msg("%s has no .parts sidecar", name);
	m = parse_n(eml, len);
	for (line = strtok_r(parts, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *v = strchr(line, ':');
		if (line[0] == '#' || v == NULL)
			continue;
		*v++ = '\0';
		if (*v == ' ')
			v++;
		if (strcmp(line, "detect") == 0) {
			if (fl_email_detect(eml, len) != (strcmp(v, "yes") == 0))
				fail_msg("%s: detect is not %s", name, v);
		} else if (strcmp(line, "subject") == 0) {
			saw_subject = true;
			if (strcmp(v, "(none)") == 0) {
				if (m.subject != NULL)
					fail_msg("%s: subject '%s', expected none", name, m.subject);
			} else if (m.subject == NULL || strcmp(m.subject, v) != 0) {
				fail_msg("%s: subject '%s', expected '%s'", name, m.subject ? m.subject : "(none)", v);
			}
		} else if (strcmp(line, "subject-encoded") == 0) {
			if (m.subject_encoded != (strcmp(v, "yes") == 0))
				fail_msg("%s: subject-encoded is not %s", name, v);
		} else if (strcmp(line, "from") == 0) {
			const char *got = m.from_name ? m.from_name : "(none)";
			if (strcmp(got, v) != 0)
				fail_msg("%s: from '%s', expected '%s'", name, got, v);
		} else if (strcmp(line, "to") == 0) {
			if (n_to >= m.n_to_names || strcmp(m.to_names[n_to], v) != 0)
				fail_msg("%s: to[%zu] is '%s', expected '%s'", name, n_to,
				         n_to < m.n_to_names ? m.to_names[n_to] : "(nothing)", v);
			n_to++;
		} else if (strcmp(line, "parts") == 0) {
			saw_parts = true;
			if (m.n_parts != (size_t)strtoul(v, NULL, 10))
				fail_msg("%s: %zu parts, expected %s", name, m.n_parts, v);
		} else if (strcmp(line, "positions") == 0) {
			saw_pos = true;
			if (strcmp(m.body_in_file ? "file" : "decoded", v) != 0)
				fail_msg("%s: positions are not %s", name, v);
		} else if (strcmp(line, "first-line") == 0) {
			size_t e = strcspn(m.body, "\n");
			saw_first = true;
			if (e > 0 && m.body[e - 1] == '\r')
				e--;
			if (strlen(v) != e || strncmp(m.body, v, e) != 0)
				fail_msg("%s: first line '%.*s', expected '%s'", name, (int)e, m.body, v);
		} else if (strcmp(line, "contains") == 0 || strcmp(line, "lacks") == 0) {
			bool want = strcmp(line, "contains") == 0;
			unescape(v);
			if ((strstr(m.body, v) != NULL) != want)
				fail_msg("%s: body %s '%s'", name, want ? "lacks" : "contains", v);
		} else if (strcmp(line, "problem") == 0) {
			if (n_prob >= m.n_problems || strstr(m.problems[n_prob].message, v) == NULL)
				fail_msg("%s: problem %zu is '%s', expected '%s'", name, n_prob,
				         n_prob < m.n_problems ? m.problems[n_prob].message : "(nothing)", v);
			n_prob++;
		} else {
			fail_msg("%s: unknown key '%s' in .parts", name, line);
		}
	}
	if (!saw_parts || !saw_pos || !saw_first || !saw_subject)
		fail_msg("%s: .parts needs subject, parts, positions and first-line", name);
	if (n_to != m.n_to_names)
		fail_msg("%s: %zu names, expected %zu", name, m.n_to_names, n_to);
	if (n_prob != m.n_problems)
		fail_msg("%s: %zu problems (first extra: '%s'), expected %zu", name, m.n_problems,
		         m.n_problems > n_prob ? m.problems[n_prob].message : "", n_prob);
	fl_email_dispose(&m);
	free(eml);
	free(parts);
}

static void test_corpus(void **state)
{
	const char *dir = FULINT_SOURCE_DIR "/corpus/email";
	DIR *dp = opendir(dir);
	struct dirent *de;
	char *names[512];
	size_t n = 0, i;
	(void)state;
	if (dp == NULL)
		fail_msg("cannot open %s", dir);
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".eml") == 0 && n < FL_ARRAY_LEN(names)) {
			names[n] = strdup(de->d_name);
			assert_non_null(names[n]);
			n++;
		}
	}
	closedir(dp);
	assert_true(n >= 30);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		check_one(dir, names[i]);
		free(names[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_header_folding),
		cmocka_unit_test(test_subject_none_empty_duplicate),
		cmocka_unit_test(test_encoded_words),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_header_without_colon_and_no_blank_line),
		cmocka_unit_test(test_mbox_and_crlf),
		cmocka_unit_test(test_quoted_printable),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_unknown_transfer_encoding),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_alternative),
		cmocka_unit_test(test_mixed_and_skipped_parts),
		cmocka_unit_test(test_boundary_problems),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_mime_bomb),
		cmocka_unit_test(test_huge_header_line),
		cmocka_unit_test(test_linear_worst_cases),
		cmocka_unit_test(test_flowed),
		cmocka_unit_test(test_prefixes_and_mutations),
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
