/*
 * rule_subject.c - the `subject` kind (a fulint extension, not Vale's): the
 * note's subject line is missing or empty (at the rule's level), written in
 * capitals, or too long (suggestions: matters of taste).
 *
 * The subject is the e-mail's Subject header, or a plain draft's leading
 * "Subject:" line.  A plain draft without one is fine: the mail client adds
 * the subject, so only an e-mail can lack it.
 *
 * Keys: message (missing/empty), max (characters, default 60), max_words
 * (default 9).
 */
#include <stdio.h>
#include <string.h>

#include "fl_lint.h"

/* Counts letters, upper-case ASCII letters, lower-case letters and words. */
static void measure(const char *s, size_t len, size_t *chars, size_t *upper, size_t *lower, size_t *words)
{
	size_t i = 0;
	bool in_word = false;
	*chars = *upper = *lower = *words = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = fl_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1;
		(*chars)++;
		if (cp == ' ' || cp == '\t') {
			in_word = false;
		} else {
			if (!in_word)
				(*words)++;
			in_word = true;
		}
		if (cp >= 'A' && cp <= 'Z')
			(*upper)++;
		else if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7))
			(*lower)++;
		i += n;
	}
}

static int run(const fl_rule *r, fl_lintctx *ctx)
{
	const fl_text *t = ctx->text;
	const char *subj;
	size_t len, chars, upper, lower, words;
	size_t max_chars = r->def.has_max ? (size_t)r->def.max : 60;
	size_t max_words = r->def.has_max_words ? (size_t)r->def.max_words : 9;
	fl_emit_args a;
	fulint_level style_level = FULINT_SUGGESTION;
	fl_rule tmp;
	int rc = 0;

	memset(&a, 0, sizeof(a));
	if (ctx->is_email) {
		subj = ctx->email_subject;
		len = subj ? strlen(subj) : 0;
		if (ctx->email_subject_in_file) {
			a.absolute = true;
			a.start = ctx->email_subject_offset;
			a.end = a.start + len;
		} else {
			a.whole_note = true;
			a.start = a.end = fl_lint_body_anchor(ctx);
		}
	} else {
		if (!t->has_subject)
			return 0;
		subj = t->src + t->subject.start;
		len = t->subject.end - t->subject.start;
		a.start = t->subject.start;
		a.end = t->subject.end;
	}
	while (len > 0 && (subj[len - 1] == ' ' || subj[len - 1] == '\t'))
		len--;
	if (subj == NULL || len == 0) {
		a.message = NULL; /* the rule's message */
		a.whole_note = !(a.absolute || !ctx->is_email);
		return fl_emit(ctx, r, &a);
	}
	/* Style findings are suggestions whatever the rule's level. */
	tmp = *r;
	tmp.level = style_level;
	measure(subj, len, &chars, &upper, &lower, &words);
	if (upper >= 4 && lower == 0) {
		a.message = "The subject is written in capitals, which reads as shouting; use sentence case "
		            "(\"Thank you for the interview\").";
		rc = fl_emit(ctx, &tmp, &a);
	}
	if (rc == 0 && (chars > max_chars || words > max_words)) {
		const char *args[3];
		char n1[32], n2[32], n3[32];
		snprintf(n1, sizeof(n1), "%zu", chars);
		snprintf(n2, sizeof(n2), "%zu", words);
		snprintf(n3, sizeof(n3), "%zu", max_chars);
		args[0] = n1;
		args[1] = n2;
		args[2] = n3;
		a.message = fl_format_message(ctx,
		                              "The subject is long (%s characters, %s words) and will be cut "
		                              "off in the inbox; keep it under %s characters, e.g. \"Thank you "
		                              "- data analyst interview\".",
		                              args, 3);
		if (a.message == NULL)
			return FULINT_ERR_NOMEM;
		rc = fl_emit(ctx, &tmp, &a);
	}
	return rc;
}

const fl_kind_ops fl_kind_subject = { FL_KIND_SUBJECT, NULL, run, NULL }; /* no compiled state */
