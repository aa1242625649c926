/*
 * rule_recipient.c - the `recipient` kind (a fulint extension): the name in
 * the greeting ("Hi Mark,") matches none of the e-mail's To/Cc display
 * names ("Sarah Lee <sarah@example.com>").  Sending a note to the wrong
 * person is the worst follow-up mistake.
 *
 * Silent when the input is not an e-mail, when no recipient has a display
 * name, when the greeting has no name, or when the greeting addresses a
 * role ("Dear Hiring Manager,").  A greeting word matches a recipient word
 * when they are equal ignoring ASCII case, or share their first three
 * letters and one starts the other ("Kat" ~ "Kate"/"Katherine" is not
 * guessed; "Chris" ~ "Christopher" is).
 */
#include <string.h>

#include "fl_lint.h"

/* Words a greeting uses for a role or a group, not a person's name. */
static const char *const generic_words[] = {
	"hiring", "manager", "managers", "team", "recruiter", "recruiting", "committee", "sir", "madam",
	"all", "everyone", "folks", "there", "whom", "concern", "mr", "mrs", "ms", "miss", "dr", "prof",
	"professor", "hr", "talent", "acquisition", "search", "panel", "colleagues", "friends", "and",
};

static bool is_generic(const char *w, size_t n)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(generic_words); i++)
		if (strlen(generic_words[i]) == n && fl_ascii_ncasecmp(generic_words[i], w, n) == 0)
			return true;
	return false;
}

static bool word_matches(const char *g, size_t gn, const char *r, size_t rn)
{
	size_t shorter = gn < rn ? gn : rn;
	if (gn == rn && fl_ascii_ncasecmp(g, r, gn) == 0)
		return true;
	/* A short form of the name: "Chris" for "Christopher", "Alex" for "Alexandra". */
	return shorter >= 3 && fl_ascii_ncasecmp(g, r, shorter) == 0;
}

/* True when greeting word g matches any word of any recipient's display name. */
static bool matches_recipient(const fl_lintctx *ctx, const char *g, size_t gn)
{
	size_t i;
	for (i = 0; i < ctx->n_recipients; i++) {
		const char *s = ctx->recipients[i];
		size_t n = strlen(s), k = 0;
		while (k < n) {
			size_t a;
			while (k < n && strchr(" \t,.;:\"'()<>-", s[k]) != NULL)
				k++;
			a = k;
			while (k < n && strchr(" \t,.;:\"()<>-", s[k]) == NULL)
				k++;
			if (k > a && word_matches(g, gn, s + a, k - a))
				return true;
		}
	}
	return false;
}

static int run(const fl_rule *r, fl_lintctx *ctx)
{
	const fl_text *t = ctx->text;
	size_t i, first = SIZE_MAX, last = 0, n_names = 0;
	const char *args[2];
	fl_emit_args a;
	fl_buf who = FL_BUF_INIT;
	int rc;

	if (!ctx->is_email || ctx->n_recipients == 0 || !t->has_greeting)
		return 0;
	for (i = 0; i < t->n_words; i++) {
		const fl_word *w = &t->words[i];
		const char *s = t->src + w->start;
		size_t n = w->end - w->start;
		if (w->start < t->greeting.start || w->end > t->greeting.end)
			continue;
		if (!(w->flags & FL_W_NAME) || !(w->flags & FL_W_ALPHA) || is_generic(s, n))
			continue;
		n_names++;
		if (matches_recipient(ctx, s, n))
			return 0; /* one matching word is enough ("Dear Ms. Lee") */
		if (first == SIZE_MAX)
			first = w->start;
		last = w->end;
	}
	if (n_names == 0)
		return 0;
	for (i = 0; i < ctx->n_recipients; i++) {
		if ((i > 0 && fl_buf_puts(&who, ", ") < 0) || fl_buf_puts(&who, ctx->recipients[i]) < 0) {
			fl_buf_dispose(&who);
			return FULINT_ERR_NOMEM;
		}
	}
	memset(&a, 0, sizeof(a));
	a.start = first;
	a.end = last;
	args[0] = NULL; /* filled below: the greeting name */
	{
		char *name = fl_arena_strndup(ctx->arena, t->src + first, last - first);
		if (name == NULL) {
			fl_buf_dispose(&who);
			return FULINT_ERR_NOMEM;
		}
		args[0] = name;
	}
	args[1] = fl_arena_strdup(ctx->arena, fl_buf_cstr(&who));
	fl_buf_dispose(&who);
	if (args[1] == NULL)
		return FULINT_ERR_NOMEM;
	a.message = fl_format_message(ctx,
	                              r->def.message.s ? r->def.message.s
	                                               : "The greeting names '%s', but the message goes to %s.",
	                              args, 2);
	if (a.message == NULL)
		return FULINT_ERR_NOMEM;
	rc = fl_emit(ctx, r, &a);
	return rc;
}

const fl_kind_ops fl_kind_recipient = { FL_KIND_RECIPIENT, NULL, run, NULL }; /* no compiled state */
