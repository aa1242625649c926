/*
 * fl_result.h - the inside of fulint_result: one lint's findings, sorted,
 * with their strings in the result's own arena and a copy of the text the
 * positions refer to.  Built by fl_lint.c; read by reporters through the
 * public getters only.
 */
#ifndef FL_RESULT_H
#define FL_RESULT_H

#include "fl_base.h"

struct fulint_result {
	char *name;
	char *text; /* the text positions refer to (owned copy) */
	size_t text_len;
	fulint_finding *findings;
	size_t n_findings;
	size_t cap_findings;
	fl_arena arena; /* strings of the findings */
	const char *note_kind;  /* static string */
	bool note_kind_told;
	const char *input_kind; /* "text" or "email" */
	const char *positions;  /* "file" or "decoded" */
	size_t n_chunks;        /* parts the text was linted in (fulint_result_chunks) */
};

#endif /* FL_RESULT_H */
