/*
 * fl_speller.h - spelling: the only module that includes <hunspell.h>.
 *
 * A speller answers "is this word right?" first from a compact,
 * memory-mapped table of words the dictionary accepts (built once and
 * cached; see fl_spellcache), and loads Hunspell only for words the table
 * does not hold: to confirm, and to suggest.  Every word the fast path
 * accepts is one Hunspell accepts.
 *
 * Not thread-safe: one speller per fulint_linter (per thread).
 */
#ifndef FL_SPELLER_H
#define FL_SPELLER_H

#include "fl_base.h"

#define FL_SPELL_MAX_SUGGESTIONS 5

typedef struct fl_speller fl_speller;

typedef struct fl_speller_options {
	const char *dictionary;             /* "en_US", or a path without .aff/.dic */
	const fl_strlist *dictionary_dirs;  /* searched in order */
	const fl_strlist *wordlist_dirs;    /* project word lists (*.dic / *.txt, one word per line) */
	const char *personal;               /* personal word list, or NULL (missing file is fine) */
	const char *cache_dir;              /* fast-path cache folder, or NULL (no cache) */
	const fl_strlist *accept;           /* vocab.accept */
} fl_speller_options;

/*
 * Find the dictionary files (FULINT_ERR_DICT naming the file looked for and
 * the Debian package to install when missing) and open the fast path.
 * Hunspell itself is not loaded yet.
 */
int fl_speller_new(fl_speller **out, const fl_speller_options *opts, fulint_error *err);
void fl_speller_free(fl_speller *sp);

/*
 * True when the fast path alone accepts `word` (Hunspell is never loaded by
 * this call).  False means "not known yet", not "misspelt".
 */
bool fl_speller_knows_fast(fl_speller *sp, const char *word, size_t len);

/* Sets *ok.  Returns 0, or a negative status (dictionary failed to load). */
int fl_speller_check(fl_speller *sp, const char *word, size_t len, bool *ok, fulint_error *err);

/*
 * Ranked suggestions for a misspelt word (at most FL_SPELL_MAX_SUGGESTIONS),
 * allocated; free with fl_speller_free_suggestions.
 */
int fl_speller_suggest(fl_speller *sp, const char *word, size_t len, char ***out, size_t *n,
                       fulint_error *err);
void fl_speller_free_suggestions(char **list, size_t n);

/* What a speller found and did (for tests, benchmarks and --verbose output). */
typedef struct fl_speller_info {
	const char *aff_path, *dic_path; /* the dictionary files found */
	const char *cache_path;          /* the fast-path table file, or NULL */
	bool hunspell_loaded;            /* Hunspell was needed (a word missed the fast path) */
	bool table_loaded;               /* a verified table is in use */
	bool table_built;                /* this speller (re)built the table */
	int table_status;                /* fl_sc_status of the cache file at start (0: valid) */
	size_t table_words;
	size_t extra_words;              /* built-in lists, word-list folders, accept, personal */
	double build_ms, load_ms;        /* table build time; Hunspell load time (incl. build) */
	bool utf8;                       /* the dictionary is UTF-8 (known once loaded) */
} fl_speller_info;

/* Fill `out` (its strings are borrowed from the speller). */
void fl_speller_get_info(const fl_speller *sp, fl_speller_info *out);

/*
 * rule_spelling.c: true when the spelling rule looks at word `w` of `t` at
 * all.  False for URLs, e-mail addresses, handles, paths, placeholders,
 * words with digits (numbers, ordinals, times), ALL-CAPS, CamelCase, names
 * the text model knows, single letters and non-Latin scripts.
 */
struct fl_text;
struct fl_word;
bool fl_spelling_should_check(const struct fl_text *t, const struct fl_word *w);

#endif /* FL_SPELLER_H */
