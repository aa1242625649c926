/*
 * fuzz_text.c - fuzz target for the text model (fl_text_build) on
 * arbitrary bytes.
 *
 * Each input is built twice (quoted text masked, then kept) with a few
 * header names, and the documented invariants of fl_text.h are checked:
 * `lint` has the input's length and is valid UTF-8, every span lies inside
 * the input and the span arrays are sorted, words flagged as names are
 * names, and the helpers answer for every offset.
 *
 * What it is not: a test of what the model decides (the unit tests do
 * that); only of memory safety, termination and the invariants.
 */
#include <string.h>

#include "fl_text.h"
#include "fuzz.h"

static void check_spans(const fl_span *v, size_t n, size_t len)
{
	size_t i;
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(v[i].start <= v[i].end);
		FUZZ_CHECK(v[i].end <= len);
		if (i > 0)
			FUZZ_CHECK(v[i - 1].start <= v[i].start);
	}
}

static void check_part(bool has, fl_span s, size_t len)
{
	if (has)
		FUZZ_CHECK(s.start <= s.end && s.end <= len);
}

static void check_model(const fl_text *t, const char *src, size_t len)
{
	size_t i;
	FUZZ_CHECK(t->len == len);
	FUZZ_CHECK(t->lint != NULL);
	FUZZ_CHECK(fl_utf8_first_invalid(t->lint, t->len) == t->len);
	for (i = 0; i < t->n_lines; i++) {
		const fl_line *l = &t->lines[i];
		FUZZ_CHECK(l->start <= l->end && l->end <= l->next && l->next <= len);
		if (i > 0)
			FUZZ_CHECK(t->lines[i - 1].start <= l->start);
		FUZZ_CHECK(fl_text_line_of(t, l->start) == i || t->lines[fl_text_line_of(t, l->start)].start == l->start);
	}
	check_spans(t->paragraphs, t->n_paragraphs, len);
	check_spans(t->sentences, t->n_sentences, len);
	for (i = 0; i < t->n_words; i++) {
		const fl_word *w = &t->words[i];
		FUZZ_CHECK(w->start < w->end && w->end <= len);
		FUZZ_CHECK(t->n_sentences == 0 || w->sentence < t->n_sentences);
		if (i > 0)
			FUZZ_CHECK(t->words[i - 1].start <= w->start);
		(void)fl_text_is_name(t, t->lint + w->start, w->end - w->start);
		if (w->end - w->start < 64)
			(void)fl_syllables(t->lint + w->start, w->end - w->start);
	}
	check_part(t->has_subject, t->subject, len);
	check_part(t->has_greeting, t->greeting, len);
	check_part(t->has_closing, t->closing, len);
	check_part(t->has_signature, t->signature, len);
	FUZZ_CHECK(t->body.start <= t->body.end && t->body.end <= len);
	for (i = 0; i < t->n_names; i++)
		FUZZ_CHECK(t->names[i] != NULL);
	FUZZ_CHECK(t->first_invalid == SIZE_MAX || t->first_invalid < len);
	FUZZ_CHECK(t->first_nul == SIZE_MAX || (t->first_nul < len && src[t->first_nul] == '\0'));
	FUZZ_CHECK((unsigned)t->note_kind < (unsigned)FL_NOTE_KIND_COUNT);
	(void)fl_text_line_of(t, len);
	(void)fl_note_kind_name(t->note_kind);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "Siobhan", "Zyntrix", "", "O'Brien", "José" };
	/* A private copy of exactly `size` bytes: ASan catches a read past the end. */
	char *src = malloc(size ? size : 1);
	fl_text_options opts;
	fl_text t;
	int pass;

	if (src == NULL)
		return 0;
	if (size)
		memcpy(src, data, size);
	for (pass = 0; pass < 2; pass++) {
		memset(&opts, 0, sizeof(opts));
		opts.lint_quoted = pass == 1;
		opts.names = names;
		opts.n_names = pass == 1 ? sizeof(names) / sizeof(names[0]) : 0;
		if (fl_text_build(&t, src, size, &opts) == 0) {
			check_model(&t, src, size);
			fl_text_dispose(&t);
		}
	}
	free(src);
	return 0;
}
