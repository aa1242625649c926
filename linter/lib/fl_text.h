/*
 * fl_text.h - the text model of a draft: lines, paragraphs, sentences,
 * words (byte spans) and the parts of a follow-up note (subject, greeting,
 * body, closing, signature, quoted text).
 *
 * What it is not: it does not decode e-mail (fl_email does, and hands the
 * decoded body here) and it does not run rules.
 *
 * Invariants:
 *  - every span is a half-open byte range [start, end) into fl_text.src;
 *  - `lint` is a copy of `src` of the same length in which every byte that
 *    must not be linted (quoted text, attribution lines, the signature,
 *    invalid UTF-8, NUL and other C0 controls except \t \n \r) is replaced by
 *    a byte that no rule matches (FL_MASK_BYTE, or ' ' for the excluded
 *    parts) so that offsets in `lint` are offsets in `src` and `lint` is
 *    always valid UTF-8;
 *  - lines, paragraphs, sentences and words are sorted by start.
 */
#ifndef FL_TEXT_H
#define FL_TEXT_H

#include "fl_base.h"

/* Replaces invalid bytes and control characters in fl_text.lint. */
#define FL_MASK_BYTE '\x1a'

typedef struct fl_span {
	size_t start;
	size_t end;
} fl_span;

typedef enum fl_part {
	FL_PART_NONE = 0,
	FL_PART_SUBJECT,   /* a leading "Subject: ..." line (the text after the colon) */
	FL_PART_GREETING,  /* "Hi Mark," */
	FL_PART_BODY,
	FL_PART_CLOSING,   /* "Best regards," and the sender's name lines under it */
	FL_PART_SIGNATURE, /* after a "-- " line */
	FL_PART_QUOTE,     /* lines starting with '>' and attribution lines */
	FL_PART_BLANK      /* empty or white-space-only line */
} fl_part;

typedef struct fl_line {
	size_t start; /* first byte */
	size_t end;   /* end of content, before the line end (\n, \r\n or \r) */
	size_t next;  /* start of the next line */
	fl_part part;
} fl_line;

/* Word flags. */
enum {
	FL_W_ALPHA = 1u << 0,     /* letters (and ' - inside) only */
	FL_W_CAPITAL = 1u << 1,   /* first letter upper case, rest not all upper */
	FL_W_ALLCAPS = 1u << 2,   /* two or more letters, all upper case */
	FL_W_CAMEL = 1u << 3,     /* upper case after a lower-case letter (JavaScript) */
	FL_W_DIGIT = 1u << 4,     /* contains a digit */
	FL_W_URL = 1u << 5,       /* inside a URL or domain name (example.com) */
	FL_W_EMAIL = 1u << 6,     /* inside an e-mail address */
	FL_W_HANDLE = 1u << 7,    /* @handle or #tag */
	FL_W_PATH = 1u << 8,      /* inside a file path (/usr/bin, C:\x, ~/notes) */
	FL_W_PLACEHOLDER = 1u << 9, /* inside [..], {{..}}, <..> template leftovers */
	FL_W_SENT_START = 1u << 10, /* first word of its sentence */
	FL_W_NAME = 1u << 11      /* a name: in the greeting, under the closing, or from headers */
};

typedef struct fl_word {
	size_t start;
	size_t end;
	unsigned flags;
	unsigned sentence; /* index into fl_text.sentences */
} fl_word;

typedef enum fl_note_kind {
	FL_NOTE_THANK_YOU = 0,
	FL_NOTE_CHECK_IN,
	FL_NOTE_NUDGE,
	FL_NOTE_REJECTION_REPLY,
	FL_NOTE_KIND_COUNT
} fl_note_kind;

typedef struct fl_text_options {
	bool lint_quoted; /* keep quoted text and the signature in `lint` */
	/* Extra names (e.g. from e-mail headers) that are never spelling errors. */
	const char *const *names;
	size_t n_names;
} fl_text_options;

typedef struct fl_text {
	const char *src; /* borrowed: the text as given */
	char *lint;      /* owned: masked copy, see invariants */
	size_t len;

	fl_line *lines;
	size_t n_lines;
	fl_span *paragraphs; /* runs of non-blank lintable lines */
	size_t n_paragraphs;
	fl_span *sentences;  /* within paragraphs; never cross a paragraph */
	size_t n_sentences;
	fl_word *words;      /* in lintable text only */
	size_t n_words;

	/* Draft parts; an absent part has start == end == 0 and `has_*` false. */
	bool has_subject, has_greeting, has_closing, has_signature;
	fl_span subject;  /* the text after "Subject:" */
	fl_span greeting; /* the greeting line */
	fl_span body;     /* from the first body line to the end of the last one */
	fl_span closing;  /* closing line and the sender lines under it */
	fl_span signature;

	/* Names (greeting name, sender name, options.names), NUL-terminated, owned. */
	char **names;
	size_t n_names;
	/* Private: open-addressing index over `names` (slot = index + 1, 0 empty). */
	size_t *name_slots;
	size_t n_name_slots;

	/* First invalid UTF-8 byte, or SIZE_MAX; first NUL byte, or SIZE_MAX. */
	size_t first_invalid;
	size_t first_nul;

	fl_note_kind note_kind; /* told from the text by fl_text_build */
} fl_text;

/*
 * Build the model of src[0..len).  `src` must outlive the model.  Returns 0
 * or FULINT_ERR_NOMEM (then `t` holds nothing that needs disposing).
 */
int fl_text_build(fl_text *t, const char *src, size_t len, const fl_text_options *opts);
void fl_text_dispose(fl_text *t);

/* 0-based index of the line holding byte `offset` (binary search). */
size_t fl_text_line_of(const fl_text *t, size_t offset);

/*
 * True when `word` (a byte span) equals one of the model's names
 * (case-sensitive), or is the possessive of one ("Mark's", "Mark’s").
 */
bool fl_text_is_name(const fl_text *t, const char *word, size_t len);

/* Name of a note kind ("thank-you", "check-in", "nudge", "rejection-reply"). */
const char *fl_note_kind_name(fl_note_kind k);
/* Parse a kind name; returns 0 or FULINT_ERR_USAGE. */
int fl_note_kind_parse(fl_note_kind *out, const char *name);

/* Syllables in an English word (heuristic, for metric/readability). */
unsigned fl_syllables(const char *word, size_t len);

#endif /* FL_TEXT_H */
