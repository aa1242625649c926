/*
 * fl_metrics.c - text statistics over the text model and the readability
 * grade formulas (see fl_metrics.h for the definitions).
 *
 * The formulas are the standard ones, as Vale's summarize package writes
 * them:
 *   Flesch-Kincaid        0.39 (words/sentences) + 11.8 (syllables/words) - 15.59
 *   Gunning Fog           0.4 ((words/sentences) + 100 (complex/words))
 *   Coleman-Liau          0.0588 (100 chars/words) - 0.296 (100 sentences/words) - 15.8
 *   SMOG                  1.0430 sqrt(30 polysyllabic/sentences) + 3.1291
 *   Automated Readability 4.71 (chars/words) + 0.5 (words/sentences) - 21.43
 */
#include <math.h>
#include <string.h>

#include "fl_metrics.h"

static const char *const grade_names[FL_GRADE_COUNT] = {
	"Flesch-Kincaid", "Gunning Fog", "Coleman-Liau", "SMOG", "Automated Readability",
};

/* Letters and digits count as characters; marks inside words (' - .) do not. */
static bool is_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	if (cp < 0xC0) /* Latin-1 punctuation and symbols */
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB2 || cp == 0xB3 || cp == 0xB9;
	if (cp == 0xD7 || cp == 0xF7)
		return false;
	if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows, ... */
		return false;
	if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
		return false;
	if (cp >= 0xFE00 && cp <= 0xFE0F) /* variation selectors */
		return false;
	if (cp >= 0x1F000) /* emoji and other pictographs */
		return false;
	return cp != 0xFFFD;
}

static bool has_suffix(const char *w, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && fl_ascii_ncasecmp(w + len - n, suffix, n) == 0;
}

void fl_metrics_add_word(fl_metrics *m, const char *word, size_t len)
{
	size_t i = 0, chars = 0;
	unsigned syl, complex_syl;

	while (i < len) {
		uint32_t cp;
		size_t n = fl_utf8_decode(word + i, len - i, &cp);
		if (n == 0)
			n = 1;
		if (is_char(cp))
			chars++;
		i += n;
	}
	syl = fl_syllables(word, len);
	complex_syl = syl;
	if (has_suffix(word, len, "es") || has_suffix(word, len, "ed") || has_suffix(word, len, "ing"))
		complex_syl = complex_syl > 0 ? complex_syl - 1 : 0;

	m->words += 1;
	m->characters += (double)chars;
	m->syllables += syl;
	if (syl > 2)
		m->polysyllabic_words += 1;
	if (complex_syl > 2)
		m->complex_words += 1;
	if (chars > 6)
		m->long_words += 1;
}

/* Index of the first word that starts at or after `at`. */
static size_t first_word_at(const fl_text *t, size_t at)
{
	size_t lo = 0, hi = t->n_words;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->words[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Index of the paragraph holding byte `at`, or SIZE_MAX. */
static size_t paragraph_of(const fl_text *t, size_t at)
{
	size_t lo = 0, hi = t->n_paragraphs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->paragraphs[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->n_paragraphs && t->paragraphs[lo].start <= at)
		return lo;
	return SIZE_MAX;
}

void fl_metrics_compute(fl_metrics *out, const fl_text *t, size_t start, size_t end)
{
	size_t i, last_sentence = SIZE_MAX, last_paragraph = SIZE_MAX;

	memset(out, 0, sizeof(*out));
	for (i = first_word_at(t, start); i < t->n_words && t->words[i].start < end; i++) {
		const fl_word *w = &t->words[i];
		size_t p;
		if (w->end > end)
			break;
		fl_metrics_add_word(out, t->src + w->start, w->end - w->start);
		if (w->sentence != last_sentence) {
			out->sentences += 1;
			last_sentence = w->sentence;
		}
		p = paragraph_of(t, w->start);
		if (p != SIZE_MAX && p != last_paragraph) {
			out->paragraphs += 1;
			last_paragraph = p;
		}
	}
	/* Words outside every paragraph (a subject line) still make one. */
	if (out->words > 0 && out->paragraphs == 0)
		out->paragraphs = 1;
	if (out->words > 0 && out->sentences == 0)
		out->sentences = 1;
}

const char *fl_metrics_grade_name(fl_grade g)
{
	return (unsigned)g < (unsigned)FL_GRADE_COUNT ? grade_names[g] : "unknown";
}

int fl_metrics_grade_parse(fl_grade *out, const char *name)
{
	size_t i;
	for (i = 0; i < FL_GRADE_COUNT; i++) {
		if (strcmp(grade_names[i], name) == 0) {
			*out = (fl_grade)i;
			return 0;
		}
	}
	return FULINT_ERR_USAGE;
}

double fl_metrics_grade(const fl_metrics *m, fl_grade g)
{
	double words = m->words, sentences = m->sentences > 0 ? m->sentences : 1;
	if (words <= 0)
		return 0;
	switch (g) {
	case FL_GRADE_FLESCH_KINCAID:
		return 0.39 * (words / sentences) + 11.8 * (m->syllables / words) - 15.59;
	case FL_GRADE_GUNNING_FOG:
		return 0.4 * ((words / sentences) + 100.0 * (m->complex_words / words));
	case FL_GRADE_COLEMAN_LIAU:
		return 0.0588 * (m->characters / words) * 100.0 - 0.296 * (sentences / words) * 100.0 - 15.8;
	case FL_GRADE_SMOG:
		return 1.0430 * sqrt(m->polysyllabic_words * 30.0 / sentences) + 3.1291;
	case FL_GRADE_AUTOMATED_READABILITY:
		return 4.71 * (m->characters / words) + 0.5 * (words / sentences) - 21.43;
	case FL_GRADE_COUNT:
		break;
	}
	return 0;
}
