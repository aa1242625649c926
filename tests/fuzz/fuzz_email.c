/*
 * fuzz_email.c - fuzz target for the e-mail reader (fl_email_detect and
 * fl_email_parse) on arbitrary bytes.
 *
 * Every input is parsed whether or not it looks like an e-mail (the CLI's
 * --input email does the same), and the contract of fl_email.h is checked:
 * the body is never NULL; a body that claims to be a slice of the input is
 * that slice byte for byte; any other body and every decoded string is
 * valid UTF-8; problem offsets point into the input; the caps hold.  The
 * decoded body is then handed to the text model, as the lint does.
 */
#include <string.h>

#include "fl_email.h"
#include "fl_text.h"
#include "fuzz.h"

/* Decoded strings must be valid UTF-8; `what` names the field in the report. */
static void check_utf8(const char *s, const char *what)
{
	if (s != NULL && fl_utf8_first_invalid(s, strlen(s)) != strlen(s)) {
		fprintf(stderr, "fuzz_email: %s is not valid UTF-8 (byte %zu)\n", what,
		        fl_utf8_first_invalid(s, strlen(s)));
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = malloc(size ? size : 1);
	fulint_error err;
	fl_email m;
	fl_text t;
	fl_text_options opts;
	size_t i;

	if (src == NULL)
		return 0;
	if (size)
		memcpy(src, data, size);
	(void)fl_email_detect(src, size);
	memset(&err, 0, sizeof(err));
	if (fl_email_parse(&m, src, size, &err) != 0) {
		FUZZ_CHECK(err.code == FULINT_ERR_NOMEM);
		free(src);
		return 0;
	}
	FUZZ_CHECK(m.body != NULL);
	if (m.body_in_file) {
		FUZZ_CHECK(m.body_offset <= size && m.body_len <= size - m.body_offset);
		FUZZ_CHECK(m.body_len == 0 || memcmp(m.body, src + m.body_offset, m.body_len) == 0);
	} else {
		if (fl_utf8_first_invalid(m.body, m.body_len) != m.body_len) {
			fprintf(stderr, "fuzz_email: decoded body is not valid UTF-8 (byte %zu)\n",
			        fl_utf8_first_invalid(m.body, m.body_len));
			abort();
		}
		FUZZ_CHECK(m.body_len <= FL_EMAIL_MAX_DECODED + 4);
	}
	check_utf8(m.subject, "subject");
	FUZZ_CHECK(m.subject == NULL || m.subject_offset <= size);
	check_utf8(m.from_name, "from_name");
	FUZZ_CHECK(m.n_to_names <= FL_EMAIL_MAX_NAMES);
	for (i = 0; i < m.n_to_names; i++) {
		FUZZ_CHECK(m.to_names[i] != NULL);
		check_utf8(m.to_names[i], "a to_names entry");
	}
	FUZZ_CHECK(m.n_problems <= FL_EMAIL_MAX_PROBLEMS);
	for (i = 0; i < m.n_problems; i++) {
		FUZZ_CHECK(m.problems[i].message != NULL);
		FUZZ_CHECK(m.problems[i].offset <= size);
	}

	/* The decoded body goes to the text model, with the header names. */
	memset(&opts, 0, sizeof(opts));
	opts.names = (const char *const *)m.to_names;
	opts.n_names = m.n_to_names;
	if (fl_text_build(&t, m.body, m.body_len, &opts) == 0) {
		FUZZ_CHECK(fl_utf8_first_invalid(t.lint, t.len) == t.len);
		fl_text_dispose(&t);
	}
	fl_email_dispose(&m);
	fl_email_dispose(&m); /* a zeroed struct is a no-op */
	free(src);
	return 0;
}
