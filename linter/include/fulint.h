/*
 * fulint.h - the one public header of libfulint, the follow-up note linter.
 *
 * What it is: a small C API to load YAML rule styles (Vale's extension
 * points), lint a draft (plain text or an e-mail), and render the findings in
 * one of the stable output formats.  The fulint(1) CLI uses nothing else.
 *
 * What it is not: the library never prints, never exits, never reads the
 * environment and never aborts on bad input.  Paths that depend on the
 * environment ($XDG_CONFIG_HOME, $DICPATH, ...) are resolved by the caller
 * and passed in through fulint_config.
 *
 * Conventions (libgit2-like):
 *  - fallible functions return FULINT_OK (0) or a negative fulint_status and
 *    fill a caller-supplied fulint_error when one is given (it may be NULL);
 *  - objects are created with *_new(&out, ...) and released with *_free(p);
 *    *_free(NULL) is a no-op;
 *  - getters return pointers borrowed from their parent object;
 *  - a fulint_ruleset is read-only once built and may be shared by threads;
 *    a fulint_linter is used by one thread at a time (one per thread).
 */
#ifndef FULINT_H
#define FULINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FULINT_VERSION "0.1.0"
/* Version of the JSON output schema (--format json). */
#define FULINT_JSON_SCHEMA_VERSION 1

typedef enum fulint_status {
	FULINT_OK = 0,
	FULINT_ERR_NOMEM = -1,  /* out of memory */
	FULINT_ERR_USAGE = -2,  /* invalid argument or option value */
	FULINT_ERR_IO = -3,     /* a file could not be read */
	FULINT_ERR_RULE = -4,   /* a rule file is invalid */
	FULINT_ERR_CONFIG = -5, /* a configuration file is invalid */
	FULINT_ERR_DICT = -6,   /* a dictionary is missing or unusable */
	FULINT_ERR_INPUT = -7   /* the input is not text (binary data) */
} fulint_status;

typedef enum fulint_level {
	FULINT_SUGGESTION = 0,
	FULINT_WARNING = 1,
	FULINT_ERROR = 2
} fulint_level;

/*
 * Error details.  `file`, `line` and `column` (1-based, 0 when unknown) say
 * where the problem is; `message` says what is wrong, without the position.
 * fulint_error_format() renders "file:line:col: message".
 */
typedef struct fulint_error {
	int code;
	unsigned line;
	unsigned column;
	char file[1024];
	char message[1024];
} fulint_error;

/*
 * Render `err` as one line ("file:line:col: message", parts omitted when
 * unknown) into `buf` of `size` bytes, always NUL-terminated.  Returns `buf`.
 */
char *fulint_error_format(const fulint_error *err, char *buf, size_t size);

/* Name of a level ("suggestion", "warning", "error"). */
const char *fulint_level_name(fulint_level level);

/*
 * Parse a level name.  Returns 0 and sets *out, or FULINT_ERR_USAGE.
 */
int fulint_level_parse(fulint_level *out, const char *name);

/* ---------------------------------------------------------------------
 * Configuration: which styles run, rule overrides, levels, dictionaries.
 * Built programmatically or loaded from a YAML file (several files may be
 * loaded; later settings win).
 * ------------------------------------------------------------------- */
typedef struct fulint_config fulint_config;

int fulint_config_new(fulint_config **out);
void fulint_config_free(fulint_config *cfg);

/*
 * Load a YAML configuration file (see README "Configuration").  Relative
 * paths in it (styles_path, personal_dictionary) are taken relative to the
 * file's folder.  Unknown keys and bad values fail with FULINT_ERR_CONFIG and
 * a file:line:col in `err`.
 */
int fulint_config_load_file(fulint_config *cfg, const char *path, fulint_error *err);

/* Same, from memory; `name` is used in error messages and `base_dir` for relative paths. */
int fulint_config_load_string(fulint_config *cfg, const char *name, const char *base_dir,
                              const char *data, size_t len, fulint_error *err);

/* Add a folder holding style folders (<dir>/<Style>/<Rule>.yml). Later folders win. */
int fulint_config_add_styles_path(fulint_config *cfg, const char *dir);

/* Set the styles that run, as a comma-separated list ("" runs none). */
int fulint_config_set_styles(fulint_config *cfg, const char *comma_list);

/*
 * Override one rule: `value` is off | on | suggestion | warning | error.
 * "on" switches on a rule of a style that does not run.
 */
int fulint_config_set_rule(fulint_config *cfg, const char *rule_id, const char *value);

/*
 * Override a scalar key of one rule (e.g. "FollowUp.Length", "max", "150").
 * The value is checked when the ruleset is built.
 */
int fulint_config_set_rule_key(fulint_config *cfg, const char *rule_id, const char *key,
                               const char *value);

int fulint_config_set_min_level(fulint_config *cfg, fulint_level level);
int fulint_config_set_fail_level(fulint_config *cfg, fulint_level level);
fulint_level fulint_config_min_level(const fulint_config *cfg);
fulint_level fulint_config_fail_level(const fulint_config *cfg);

/* Words always accepted / always flagged (vocab.accept, vocab.reject). */
int fulint_config_add_accept(fulint_config *cfg, const char *word);
int fulint_config_add_reject(fulint_config *cfg, const char *word);

/* Dictionary name ("en_US", "en_GB") or a path to an .aff/.dic pair without extension. */
int fulint_config_set_dictionary(fulint_config *cfg, const char *name);
/* Folders searched for <name>.aff/.dic, in order ($DICPATH, then system folders). */
int fulint_config_add_dictionary_dir(fulint_config *cfg, const char *dir);
/* Folder holding the project's extra word lists (*.dic, one word per line). */
int fulint_config_add_wordlist_dir(fulint_config *cfg, const char *dir);
/* The personal word list (one word per line); a missing file is fine. */
int fulint_config_set_personal_dictionary(fulint_config *cfg, const char *path);
/* Path of the personal dictionary set by config or API, or NULL. */
const char *fulint_config_personal_dictionary(const fulint_config *cfg);
/* Folder where the spelling fast-path table is cached (NULL: no cache). */
int fulint_config_set_cache_dir(fulint_config *cfg, const char *dir);
/* Dictionary name set by config or API (default "en_US"). */
const char *fulint_config_dictionary(const fulint_config *cfg);

/*
 * Kind of note: "auto" (default: told from the text), "thank-you",
 * "check-in", "nudge", "rejection-reply".
 */
int fulint_config_set_note_kind(fulint_config *cfg, const char *kind);

/* Input mode: "auto" (default), "text" or "email". */
int fulint_config_set_input(fulint_config *cfg, const char *mode);

/*
 * JIT-compile rule patterns (default: yes).  JIT compilation costs about
 * 10 ms at start-up for the built-in style and makes matching several times
 * faster: worth it from about 16 KB of input.  The CLI turns it off for
 * small inputs.
 */
int fulint_config_set_jit(fulint_config *cfg, int yes);

/* Also lint quoted text and the signature (default: no). */
int fulint_config_set_lint_quoted(fulint_config *cfg, int yes);

/* ---------------------------------------------------------------------
 * Ruleset: the compiled rules a configuration selects.
 * ------------------------------------------------------------------- */
typedef struct fulint_ruleset fulint_ruleset;

/* Called once per non-fatal problem while loading (e.g. a kind that is skipped). */
typedef void (*fulint_warn_fn)(void *payload, const fulint_error *warning);

/*
 * Load and compile every rule `cfg` selects: the built-in styles, then the
 * styles found in the styles paths (a style folder of the same name replaces
 * the built-in one).  Warnings (kinds fulint does not run) go to `warn`.
 */
int fulint_ruleset_new(fulint_ruleset **out, const fulint_config *cfg, fulint_warn_fn warn,
                       void *payload, fulint_error *err);
void fulint_ruleset_free(fulint_ruleset *rs);

typedef struct fulint_rule_info {
	const char *id;          /* "FollowUp.Exclamation" */
	const char *kind;        /* "existence", ... */
	fulint_level level;      /* effective level */
	int enabled;             /* runs with this configuration */
	const char *description; /* may be "" */
	const char *link;        /* may be "" */
	const char *path;        /* rule file, or "<builtin>/Style/Rule.yml" */
} fulint_rule_info;

size_t fulint_ruleset_count(const fulint_ruleset *rs);
/* Rules are sorted by id.  Returns 0, or FULINT_ERR_USAGE when i is out of range. */
int fulint_ruleset_rule(const fulint_ruleset *rs, size_t i, fulint_rule_info *out);

/* ---------------------------------------------------------------------
 * Linting.
 * ------------------------------------------------------------------- */
typedef struct fulint_linter fulint_linter;
typedef struct fulint_result fulint_result;

/* One linter per thread.  The spelling engine is loaded lazily, on first need. */
int fulint_linter_new(fulint_linter **out, const fulint_ruleset *rs, fulint_error *err);
void fulint_linter_free(fulint_linter *l);

/*
 * Threads one fulint_lint() call may use (default 1; at most 256).  With
 * more than one, a large text (at least 256 KiB of lintable text) is cut at
 * blank lines into chunks of about 64 KiB (a text with no blank line stays
 * one piece), and the rules that only look at one line, sentence or
 * paragraph at a time (existence and substitution patterns that cannot
 * cross a line, spelling, and sentence- or paragraph-scoped rules) run
 * chunk by chunk, while rules about the whole note (counts over the text,
 * the body's length, the subject, ...) run once on the whole text, all on
 * a pool of `threads` threads.  The chunks depend on the text only, and
 * the findings are merged into the order of a single-threaded lint: the
 * result is the same for every thread count.
 *
 * Thread-safety: the linter is still used by one thread at a time.  It
 * starts its helper threads inside fulint_lint() and joins them before
 * returning; each helper has its own matcher and speller (kept with the
 * linter for its next lints, freed by fulint_linter_free()), and they
 * share only the read-only ruleset and text.  Returns 0, or
 * FULINT_ERR_USAGE for 0 threads.
 */
int fulint_linter_set_threads(fulint_linter *l, unsigned threads);
/* The thread count set by fulint_linter_set_threads (1 by default). */
unsigned fulint_linter_threads(const fulint_linter *l);

typedef struct fulint_source {
	unsigned version;  /* FULINT_SOURCE_VERSION */
	const char *name;  /* shown in reports ("draft.txt", "<stdin>") */
	const char *data;  /* the bytes, not necessarily NUL-terminated */
	size_t len;
} fulint_source;
#define FULINT_SOURCE_VERSION 1
#define FULINT_SOURCE_INIT { FULINT_SOURCE_VERSION, "<stdin>", NULL, 0 }

/*
 * Lint one source.  On success *out holds the findings (sorted by position,
 * then rule id); free it with fulint_result_free().  The result keeps its own
 * copy of the text.  Fails with FULINT_ERR_INPUT for binary data and
 * FULINT_ERR_DICT when the spelling dictionary cannot be loaded.
 */
int fulint_lint(fulint_linter *l, const fulint_source *src, fulint_result **out, fulint_error *err);
void fulint_result_free(fulint_result *res);

typedef struct fulint_finding {
	const char *rule;        /* "FollowUp.Exclamation", "fulint.Encoding" */
	fulint_level level;
	const char *message;
	const char *description; /* the rule's description, may be "" */
	const char *link;        /* may be "" */
	const char *match;       /* the matched text (may be "" for whole-note findings) */
	const char *action;      /* Vale action name: "", "suggest", "replace", "remove", "edit" */
	const char *const *suggestions; /* ranked replacements */
	size_t n_suggestions;
	size_t offset;           /* byte offset in the original input */
	size_t length;           /* byte length of the span */
	unsigned line, column;   /* 1-based start; column in code points */
	unsigned end_line, end_column; /* 1-based, inclusive last character, code points */
	unsigned column_byte, end_column_byte;   /* same positions in bytes */
	unsigned column_utf16, end_column_utf16; /* same positions in UTF-16 units */
	int whole_note;          /* about the whole note: points at the body's start */
} fulint_finding;

const char *fulint_result_name(const fulint_result *res);
/* Number of chunks the text was linted in: 1 unless it was split (fulint_linter_set_threads). */
size_t fulint_result_chunks(const fulint_result *res);
size_t fulint_result_count(const fulint_result *res);
const fulint_finding *fulint_result_finding(const fulint_result *res, size_t i);
/* Kind of note the lint assumed ("thank-you", ...) and whether it was told from the text. */
const char *fulint_result_note_kind(const fulint_result *res);
/* "text" or "email". */
const char *fulint_result_input_kind(const fulint_result *res);
/*
 * Where positions point: "file" (into the input bytes) or "decoded" (into
 * the decoded text of an encoded e-mail part, see fulint_result_text()).
 */
const char *fulint_result_positions(const fulint_result *res);
/* The text positions refer to (the input, or the decoded part). */
const char *fulint_result_text(const fulint_result *res, size_t *len);
/* Number of findings at or above `level`. */
size_t fulint_result_count_at(const fulint_result *res, fulint_level level);

/* ---------------------------------------------------------------------
 * Rule examples (`examples: {match: [...], nomatch: [...]}` in a rule file).
 * ------------------------------------------------------------------- */
typedef struct fulint_example_failure {
	const char *rule;    /* rule id */
	const char *path;    /* rule file */
	int expected_match;  /* 1: a `match` example found nothing; 0: a `nomatch` one fired */
	const char *example; /* the example text */
	const char *detail;  /* e.g. the finding's message, or "" */
} fulint_example_failure;

typedef void (*fulint_example_fn)(void *payload, const fulint_example_failure *failure);

/*
 * Check every rule that carries examples against them, running each rule
 * alone.  *n_checked and *n_failed receive counts; each failure goes to `cb`.
 */
int fulint_ruleset_test_examples(const fulint_ruleset *rs, fulint_linter *l, fulint_example_fn cb,
                                 void *payload, size_t *n_checked, size_t *n_failed,
                                 fulint_error *err);

/* ---------------------------------------------------------------------
 * Reports.  The library never prints: a reporter hands bytes to `write`.
 * ------------------------------------------------------------------- */
typedef enum fulint_format {
	FULINT_FORMAT_PRETTY = 0,
	FULINT_FORMAT_GNU,
	FULINT_FORMAT_LINE,
	FULINT_FORMAT_JSON,
	FULINT_FORMAT_VALE_JSON
} fulint_format;

typedef enum fulint_column_unit {
	FULINT_COLUMN_CODEPOINT = 0,
	FULINT_COLUMN_BYTE,
	FULINT_COLUMN_UTF16
} fulint_column_unit;

/* Returns 0 on success; a non-zero return stops the reporter with FULINT_ERR_IO. */
typedef int (*fulint_write_fn)(void *payload, const char *data, size_t len);

typedef struct fulint_report_options {
	unsigned version;              /* FULINT_REPORT_OPTIONS_VERSION */
	fulint_format format;
	int color;                     /* ANSI colour (pretty only) */
	fulint_column_unit column_unit;
	fulint_level min_level;        /* findings below it are not shown */
} fulint_report_options;
#define FULINT_REPORT_OPTIONS_VERSION 1
#define FULINT_REPORT_OPTIONS_INIT \
	{ FULINT_REPORT_OPTIONS_VERSION, FULINT_FORMAT_GNU, 0, FULINT_COLUMN_CODEPOINT, FULINT_SUGGESTION }

typedef struct fulint_reporter fulint_reporter;

int fulint_reporter_new(fulint_reporter **out, const fulint_report_options *opts, fulint_write_fn write,
                        void *payload);
/* Render one file's findings (streamed: call in the order files should appear). */
int fulint_reporter_add(fulint_reporter *rep, const fulint_result *res);
/* Close the document (JSON) or print the summary (pretty). */
int fulint_reporter_finish(fulint_reporter *rep);
void fulint_reporter_free(fulint_reporter *rep);

/* Parse a format name ("pretty", "gnu", "line", "json", "vale-json"). */
int fulint_format_parse(fulint_format *out, const char *name);

#ifdef __cplusplus
}
#endif
#endif /* FULINT_H */
