/*
 * fl_metrics.h - text statistics and readability grades for the metric and
 * readability rule kinds.
 *
 * What it is: counts over the words of the text model (fl_text) that lie
 * inside one span, defined as Vale's summarize package defines them:
 *  - words: fl_text words wholly inside the span;
 *  - sentences, paragraphs: those holding at least one of these words;
 *  - syllables: fl_syllables() per word;
 *  - characters: letters and digits of the words;
 *  - polysyllabic_words: words of more than two syllables;
 *  - complex_words: polysyllabic once a common suffix (-es, -ed, -ing) is
 *    taken off (one syllable less);
 *  - long_words: words of more than six characters (letters and digits).
 * and the five grade formulas Vale's readability kind offers.
 *
 * What it is not: a tokenizer; it trusts the text model's words and
 * sentences.  Markup counts (heading_h1.., pre, list, blockquote, table)
 * do not exist in a plain draft and are left to the caller (always 0).
 *
 * Invariant: every formula is safe on empty input (a span with no words
 * yields all-zero metrics and grades of 0, never a division by zero).
 */
#ifndef FL_METRICS_H
#define FL_METRICS_H

#include "fl_text.h"

typedef struct fl_metrics {
	double words;
	double sentences;
	double paragraphs;
	double syllables;
	double characters;
	double complex_words;
	double long_words;
	double polysyllabic_words;
} fl_metrics;

/* The readability formulas, in the order of fl_metrics_grade_names. */
typedef enum fl_grade {
	FL_GRADE_FLESCH_KINCAID = 0,
	FL_GRADE_GUNNING_FOG,
	FL_GRADE_COLEMAN_LIAU,
	FL_GRADE_SMOG,
	FL_GRADE_AUTOMATED_READABILITY,
	FL_GRADE_COUNT
} fl_grade;

/*
 * Count the statistics of t's words inside [start, end) into *out.
 * Cost: O(log n + words in the span).
 */
void fl_metrics_compute(fl_metrics *out, const fl_text *t, size_t start, size_t end);

/*
 * Statistics of one word (letters, digits and the marks inside it):
 * characters, syllables, and whether it is complex / long / polysyllabic.
 * Exposed for tests and for callers that count words of their own.
 */
void fl_metrics_add_word(fl_metrics *m, const char *word, size_t len);

/*
 * Vale's name of a grade formula ("Flesch-Kincaid", "Gunning Fog",
 * "Coleman-Liau", "SMOG", "Automated Readability"), and the reverse
 * (returns FULINT_ERR_USAGE for an unknown name).
 */
const char *fl_metrics_grade_name(fl_grade g);
int fl_metrics_grade_parse(fl_grade *out, const char *name);

/* The grade level of `m` by formula `g` (0 when there are no words). */
double fl_metrics_grade(const fl_metrics *m, fl_grade g);

#endif /* FL_METRICS_H */
