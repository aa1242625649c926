/*
 * fl_speller.c - spelling on Hunspell, with a fast path: the only file
 * that includes <hunspell.h>.
 *
 * What it is: dictionary lookup over the folders the caller gives (the
 * library never reads $DICPATH itself), project and user word lists, a
 * lazily created Hunspell handle, the memory-mapped table of accepted
 * words (fl_spellcache) that answers most words without Hunspell, and
 * ranked, cached suggestions (fl_rerank).
 *
 * Invariants:
 *  - every word the fast path (table or extra words) accepts is one the
 *    loaded Hunspell (with the same extra words added) accepts: the table
 *    only holds forms Hunspell_spell accepted when it was built, and a
 *    table is only used when its key (the .aff/.dic sizes, mtimes and
 *    paths) matches the files;
 *  - the cache never makes fulint fail: no cache folder, an unwritable
 *    one, or a broken file just means Hunspell answers everything;
 *  - strings handed to Hunspell are in the dictionary's encoding (iconv
 *    from UTF-8 when it is not UTF-8); strings handed out are UTF-8;
 *  - Hunspell is created at most once per speller, on the first word the
 *    fast path cannot answer.
 */
#include "fl_speller.h"

#include <dirent.h>
#include <errno.h>
#include <hunspell.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fl_builtin.h"
#include "fl_file.h"
#include "fl_rerank.h"
#include "fl_spellcache.h"

/* Longest word (bytes) the speller checks; longer tokens are not words. */
#define SP_MAX_WORD 100
/* Caps on the word lists read from files. */
#define SP_MAX_LIST_BYTES ((size_t)8 << 20)
#define SP_MAX_EXTRA_WORDS ((size_t)200000)
/* Suggestions remembered per speller. */
#define SP_MAX_CACHED 1024
/* Suggestions asked of Hunspell before re-ranking. */
#define SP_MAX_CANDS 40
/*
 * With a table, one-edit words are tried first; when the best of them
 * scores at most this (fl_rerank's scale), Hunspell's suggestion search
 * (25-60 ms a word) is skipped.  On the benchmark's tuning slice this
 * answered 47% of misspellings without changing a single #1 or top-5
 * answer; above 1.0 answers start to change.
 */
#define SP_FAST_SUGGEST 1.0

typedef struct sugg_entry {
	char *word;
	char **list;
	size_t n;
} sugg_entry;

struct fl_speller {
	char *name;     /* as given: "en_US" or a path */
	char *aff_path;
	char *dic_path;
	char *cache_path; /* NULL: no table file */
	fl_spellcache_key key;

	fl_spellcache *table;   /* NULL: no (valid) table */
	fl_sc_status table_status;
	bool table_built;
	double build_ms;

	/* Extra words (built-in lists, word-list folders, vocab.accept, personal list). */
	fl_spellcache_builder *extra;

	Hunhandle *h;
	bool h_failed;
	double load_ms;
	bool utf8;
	iconv_t to_dic;   /* UTF-8 -> dictionary encoding, when not UTF-8 */
	iconv_t from_dic; /* dictionary encoding -> UTF-8 */

	sugg_entry *sugg;
	size_t n_sugg, cap_sugg;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ------------------------------------------------------------------ */
/* dictionary files                                                     */

static char *path_join(const char *dir, const char *name, const char *ext)
{
	size_t dl = strlen(dir), nl = strlen(name), el = strlen(ext);
	char *p = fl_malloc(dl + 1 + nl + el + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, dir, dl);
	if (dl > 0 && dir[dl - 1] != '/')
		p[dl++] = '/';
	memcpy(p + dl, name, nl);
	memcpy(p + dl + nl, ext, el + 1);
	return p;
}

static bool readable_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && access(path, R_OK) == 0;
}

/* "en_US" -> "hunspell-en-us": Debian's naming for Hunspell dictionaries. */
static void debian_package(const char *name, char *out, size_t size)
{
	size_t o, i;
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	o = (size_t)snprintf(out, size, "hunspell-");
	for (i = 0; base[i] != '\0' && o + 1 < size; i++) {
		char c = base[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		else if (c == '_')
			c = '-';
		out[o++] = c;
	}
	out[o] = '\0';
}

static int find_dictionary(fl_speller *sp, const fl_speller_options *opts, fulint_error *err)
{
	const char *name = sp->name;
	char pkg[128];
	fl_buf where = FL_BUF_INIT;
	size_t i;
	int rc;

	debian_package(name, pkg, sizeof pkg);
	if (strchr(name, '/') != NULL) {
		sp->aff_path = path_join("", name, ".aff");
		sp->dic_path = path_join("", name, ".dic");
		if (sp->aff_path == NULL || sp->dic_path == NULL)
			return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		if (readable_file(sp->aff_path) && readable_file(sp->dic_path))
			return 0;
		return fl_error_set(err, FULINT_ERR_DICT, NULL, 0, 0,
		                    "dictionary '%s' not found (looked for %s and %s)", name,
		                    sp->aff_path, sp->dic_path);
	}
	for (i = 0; opts->dictionary_dirs != NULL && i < opts->dictionary_dirs->n; i++) {
		const char *dir = opts->dictionary_dirs->v[i].s;
		char *aff = path_join(dir, name, ".aff");
		char *dic = path_join(dir, name, ".dic");
		if (aff == NULL || dic == NULL) {
			free(aff);
			free(dic);
			fl_buf_dispose(&where);
			return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		}
		if (readable_file(aff) && readable_file(dic)) {
			sp->aff_path = aff;
			sp->dic_path = dic;
			fl_buf_dispose(&where);
			return 0;
		}
		free(aff);
		free(dic);
		if ((where.len > 0 && fl_buf_puts(&where, ", ") != 0) || fl_buf_puts(&where, dir) != 0) {
			fl_buf_dispose(&where);
			return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		}
	}
	rc = fl_error_set(err, FULINT_ERR_DICT, NULL, 0, 0,
	                  "dictionary '%s' not found (looked for %s.aff/%s.dic in %s); install the "
	                  "Debian package %s",
	                  name, name, name, where.len > 0 ? fl_buf_cstr(&where) : "no folder", pkg);
	fl_buf_dispose(&where);
	return rc;
}

static void file_key(const char *path, uint64_t *size, uint64_t *mtime_ns)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		*size = *mtime_ns = 0;
		return;
	}
	*size = (uint64_t)sb.st_size;
	*mtime_ns = (uint64_t)sb.st_mtim.tv_sec * 1000000000u + (uint64_t)sb.st_mtim.tv_nsec;
}

static int set_cache_path(fl_speller *sp, const char *cache_dir)
{
	const char *base = strrchr(sp->name, '/');
	char file[256];
	uint64_t h;

	base = base ? base + 1 : sp->name;
	h = fl_spellcache_hash(sp->aff_path, strlen(sp->aff_path), 1);
	h = fl_spellcache_hash(sp->dic_path, strlen(sp->dic_path), h);
	sp->key.extra = h;
	if (cache_dir == NULL || cache_dir[0] == '\0')
		return 0;
	snprintf(file, sizeof file, "%.100s-%016llx.flt", base, (unsigned long long)h);
	sp->cache_path = path_join(cache_dir, file, "");
	return sp->cache_path ? 0 : FULINT_ERR_NOMEM;
}

/* ------------------------------------------------------------------ */
/* encoding                                                             */

/* Convert in[0..len) with cd into out (size bytes, NUL-terminated); false when impossible. */
static bool convert(iconv_t cd, const char *in, size_t len, char *out, size_t size)
{
	char *ip = (char *)(uintptr_t)in;
	char *op = out;
	size_t il = len, ol = size - 1;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return false;
	*op = '\0';
	return true;
}

/* UTF-8 word -> what Hunspell wants (dictionary encoding), NUL-terminated. */
static bool to_dic(const fl_speller *sp, const char *w, size_t len, char *out, size_t size)
{
	if (sp->utf8) {
		if (len + 1 > size)
			return false;
		memcpy(out, w, len);
		out[len] = '\0';
		return true;
	}
	return convert(sp->to_dic, w, len, out, size);
}

static bool from_dic(const fl_speller *sp, const char *w, size_t len, char *out, size_t size)
{
	if (sp->utf8) {
		if (len + 1 > size)
			return false;
		memcpy(out, w, len);
		out[len] = '\0';
		return true;
	}
	return convert(sp->from_dic, w, len, out, size);
}

/*
 * Copy word into out, turning the typographic apostrophe (U+2019) into
 * ASCII ', as Debian's dictionaries expect.  Returns the length, or
 * SIZE_MAX when the word is too long to check.
 */
static size_t normalise(const char *w, size_t len, char *out, size_t size)
{
	size_t i, o = 0;
	for (i = 0; i < len; i++) {
		if (o + 1 >= size)
			return SIZE_MAX;
		if ((unsigned char)w[i] == 0xE2 && i + 2 < len && (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			out[o++] = '\'';
			i += 2;
			continue;
		}
		out[o++] = w[i];
	}
	out[o] = '\0';
	return o;
}

/* ------------------------------------------------------------------ */
/* extra words                                                          */

static bool ascii_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool all_ascii(const char *w, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if ((unsigned char)w[i] >= 0x80)
			return false;
	return true;
}

/*
 * Record an extra word.  Hunspell_add'ed words are accepted as written,
 * capitalised (when written in lower case) and in all capitals, which is
 * exactly what the flags say.
 */
static int add_extra(fl_speller *sp, const char *w, size_t len)
{
	unsigned flags = FL_SC_EXACT;
	if (len == 0 || len > FL_SPELLCACHE_MAX_WORD)
		return 0;
	if (fl_spellcache_builder_count(sp->extra) >= SP_MAX_EXTRA_WORDS)
		return 0;
	if (ascii_lower(w[0]))
		flags |= FL_SC_CAP;
	if (all_ascii(w, len))
		flags |= FL_SC_UPPER; /* fl_spellcache folds ASCII only */
	return fl_spellcache_builder_add(sp->extra, w, len, flags);
}

/* One word per line; '#' starts a comment line; text after white space is ignored. */
static int add_list(fl_speller *sp, const char *data, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		const char *line = data + pos;
		size_t ll = 0, wl = 0;
		char norm[FL_SPELLCACHE_MAX_WORD + 1];
		size_t nl;
		int rc;
		while (pos + ll < len && line[ll] != '\n')
			ll++;
		pos += ll + 1;
		while (wl < ll && line[wl] != ' ' && line[wl] != '\t' && line[wl] != '\r')
			wl++;
		if (wl == 0 || line[0] == '#')
			continue;
		if (fl_utf8_first_invalid(line, wl) != wl)
			continue;
		nl = normalise(line, wl, norm, sizeof norm);
		if (nl == SIZE_MAX)
			continue;
		if ((rc = add_extra(sp, norm, nl)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Read a word list file.  A missing file is fine when `missing_ok`;
 * anything else that stops us reading it is an error naming the file.
 */
static int add_list_file(fl_speller *sp, const char *path, bool missing_ok, const char *what,
                         fulint_error *err)
{
	FILE *f;
	fl_buf b = FL_BUF_INIT;
	char chunk[16384];
	size_t n;
	int rc;

	f = fopen(path, "rb");
	if (f == NULL) {
		if (errno == ENOENT && missing_ok)
			return 0;
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot read %s: %s", what,
		                    strerror(errno));
	}
	b.max = SP_MAX_LIST_BYTES;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (fl_buf_append(&b, chunk, n) != 0) {
			fclose(f);
			fl_buf_dispose(&b);
			return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "%s is too large (over %zu MiB)",
			                    what, SP_MAX_LIST_BYTES >> 20);
		}
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		fl_buf_dispose(&b);
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot read %s: %s", what,
		                    strerror(e));
	}
	fclose(f);
	rc = add_list(sp, b.data ? b.data : "", b.len);
	fl_buf_dispose(&b);
	if (rc != 0)
		return fl_error_set(err, rc, path, 0, 0, "out of memory");
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n > m && strcmp(s + n - m, suf) == 0;
}

/* Every *.dic and *.txt in `dir`, in name order; a missing folder is fine. */
static int add_list_dir(fl_speller *sp, const char *dir, fulint_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL && n < 1000) {
		if (de->d_name[0] == '.' || (!has_suffix(de->d_name, ".dic") && !has_suffix(de->d_name, ".txt")))
			continue;
		if (fl_grow((void **)&names, &cap, n + 1, sizeof *names) != 0 ||
		    (names[n] = fl_strdup(de->d_name)) == NULL) {
			rc = fl_error_set(err, FULINT_ERR_NOMEM, dir, 0, 0, "out of memory");
			break;
		}
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		if (rc == 0) {
			char *p = path_join(dir, names[i], "");
			rc = p ? add_list_file(sp, p, true, "word list", err)
			       : fl_error_set(err, FULINT_ERR_NOMEM, dir, 0, 0, "out of memory");
			free(p);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static int load_extras(fl_speller *sp, const fl_speller_options *opts, fulint_error *err)
{
	size_t i;
	int rc;

	for (i = 0; i < fl_builtin_wordlists_count; i++)
		if (fl_builtin_wordlists[i].data != NULL &&
		    (rc = add_list(sp, fl_builtin_wordlists[i].data, fl_builtin_wordlists[i].len)) != 0)
			return fl_error_set(err, rc, NULL, 0, 0, "out of memory");
	for (i = 0; opts->wordlist_dirs != NULL && i < opts->wordlist_dirs->n; i++)
		if ((rc = add_list_dir(sp, opts->wordlist_dirs->v[i].s, err)) != 0)
			return rc;
	for (i = 0; opts->accept != NULL && i < opts->accept->n; i++) {
		const char *w = opts->accept->v[i].s;
		if (w != NULL && (rc = add_list(sp, w, strlen(w))) != 0)
			return fl_error_set(err, rc, NULL, 0, 0, "out of memory");
	}
	if (opts->personal != NULL && opts->personal[0] != '\0' &&
	    (rc = add_list_file(sp, opts->personal, true, "personal word list", err)) != 0)
		return rc;
	return 0;
}

/* ------------------------------------------------------------------ */
/* life cycle                                                           */

int fl_speller_new(fl_speller **out, const fl_speller_options *opts, fulint_error *err)
{
	fl_speller *sp;
	int rc;

	*out = NULL;
	sp = fl_calloc(1, sizeof *sp);
	if (sp == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	sp->to_dic = sp->from_dic = (iconv_t)-1;
	sp->utf8 = true;
	sp->table_status = FL_SC_MISSING;
	sp->name = fl_strdup(opts->dictionary && opts->dictionary[0] ? opts->dictionary : "en_US");
	if (sp->name == NULL) {
		rc = fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	if ((rc = find_dictionary(sp, opts, err)) != 0)
		goto fail;
	file_key(sp->aff_path, &sp->key.aff_size, &sp->key.aff_mtime_ns);
	file_key(sp->dic_path, &sp->key.dic_size, &sp->key.dic_mtime_ns);
	if ((rc = fl_spellcache_builder_new(&sp->extra)) != 0 || (rc = set_cache_path(sp, opts->cache_dir)) != 0) {
		rc = fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	if ((rc = load_extras(sp, opts, err)) != 0)
		goto fail;
	if (sp->cache_path != NULL)
		fl_spellcache_open(&sp->table, sp->cache_path, &sp->key, &sp->table_status);
	*out = sp;
	return 0;
fail:
	fl_speller_free(sp);
	return rc;
}

/*
 * Hunspell's create and destroy share process-wide tables (csutil's UTF
 * tables, reference-counted without a lock): two threads loading a
 * dictionary at once race.  Every create and destroy goes through this lock;
 * checking and suggesting on separate handles needs none.
 */
static pthread_mutex_t hunspell_lock = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *hunspell_create_locked(const char *aff, const char *dic)
{
	Hunhandle *h;
	pthread_mutex_lock(&hunspell_lock);
	h = Hunspell_create(aff, dic);
	pthread_mutex_unlock(&hunspell_lock);
	return h;
}

static void hunspell_destroy_locked(Hunhandle *h)
{
	pthread_mutex_lock(&hunspell_lock);
	Hunspell_destroy(h);
	pthread_mutex_unlock(&hunspell_lock);
}

void fl_speller_free(fl_speller *sp)
{
	size_t i;
	if (sp == NULL)
		return;
	for (i = 0; i < sp->n_sugg; i++) {
		free(sp->sugg[i].word);
		fl_speller_free_suggestions(sp->sugg[i].list, sp->sugg[i].n);
	}
	free(sp->sugg);
	if (sp->h != NULL)
		hunspell_destroy_locked(sp->h);
	if (sp->to_dic != (iconv_t)-1)
		iconv_close(sp->to_dic);
	if (sp->from_dic != (iconv_t)-1)
		iconv_close(sp->from_dic);
	fl_spellcache_close(sp->table);
	fl_spellcache_builder_free(sp->extra);
	free(sp->cache_path);
	free(sp->aff_path);
	free(sp->dic_path);
	free(sp->name);
	free(sp);
}

/* ------------------------------------------------------------------ */
/* the table                                                            */

typedef struct build_ctx {
	fl_speller *sp;
	fl_spellcache_builder *b;
	char utf[FL_SPELLCACHE_MAX_WORD * 4 + 1];
	char tmp[FL_SPELLCACHE_MAX_WORD * 4 + 1];
	int rc;
} build_ctx;

/*
 * A candidate from the expander, in the dictionary's encoding.  Kept only
 * when Hunspell accepts it; its capitalised form is flagged only when
 * Hunspell accepts that too (KEEPCASE words do not).
 */
static int on_candidate(void *payload, const char *w, size_t len)
{
	build_ctx *bc = payload;
	fl_speller *sp = bc->sp;
	unsigned flags = FL_SC_EXACT;
	size_t ulen;

	if (len == 0 || len > FL_SPELLCACHE_MAX_WORD || len >= sizeof bc->tmp)
		return 0;
	memcpy(bc->tmp, w, len);
	bc->tmp[len] = '\0';
	if (!from_dic(sp, w, len, bc->utf, sizeof bc->utf))
		return 0;
	ulen = strlen(bc->utf);
	if (ulen == 0 || ulen > FL_SPELLCACHE_MAX_WORD)
		return 0;
	if (fl_spellcache_builder_lookup(bc->b, bc->utf, ulen) != 0)
		return 0;
	if (!Hunspell_spell(sp->h, bc->tmp))
		return 0;
	/*
	 * The capitalised form (a sentence's first word), ASCII only: the same
	 * byte in every encoding Hunspell uses.  ALL-CAPS forms are not
	 * recorded: the spelling rule never checks ALL-CAPS words, and asking
	 * Hunspell about them was 40% of the build time.
	 */
	if (ascii_lower(bc->tmp[0])) {
		bc->tmp[0] = (char)(bc->tmp[0] - ('a' - 'A'));
		if (Hunspell_spell(sp->h, bc->tmp))
			flags |= FL_SC_CAP;
	}
	bc->rc = fl_spellcache_builder_add(bc->b, bc->utf, ulen, flags);
	return bc->rc == FULINT_ERR_NOMEM ? bc->rc : 0;
}

/*
 * Build the table from the dictionary and write it to the cache; then map
 * the file (so that what we use is exactly what a later run verifies).
 * Failures leave sp->table NULL: Hunspell answers every word then.
 */
static void build_table(fl_speller *sp)
{
	build_ctx bc;
	fulint_error e;
	double t0 = now_ms();

	memset(&bc, 0, sizeof bc);
	bc.sp = sp;
	if (sp->cache_path == NULL || fl_spellcache_builder_new(&bc.b) != 0)
		return;
	if (fl_affix_expand(sp->aff_path, sp->dic_path, on_candidate, &bc, NULL, &e) == 0) {
		char *dir = fl_strdup(sp->cache_path);
		char *slash = dir ? strrchr(dir, '/') : NULL;
		if (slash != NULL && slash != dir)
			*slash = '\0';
		if (dir != NULL && (slash == NULL || fl_make_dirs(dir)) &&
		    fl_spellcache_builder_write(bc.b, sp->cache_path, &sp->key, &e) == 0 &&
		    fl_spellcache_open(&sp->table, sp->cache_path, &sp->key, NULL) == 0)
			sp->table_built = true;
		free(dir);
	}
	fl_spellcache_builder_free(bc.b);
	sp->build_ms = now_ms() - t0;
}

/* ------------------------------------------------------------------ */
/* Hunspell                                                             */

static int add_extra_to_hunspell(void *payload, const char *w, size_t len, unsigned flags)
{
	fl_speller *sp = payload;
	char buf[SP_MAX_WORD * 4 + 1];
	(void)flags;
	if (to_dic(sp, w, len, buf, sizeof buf))
		Hunspell_add(sp->h, buf);
	return 0;
}

static int load_hunspell(fl_speller *sp, fulint_error *err)
{
	const char *enc;
	double t0;

	if (sp->h != NULL)
		return 0;
	if (sp->h_failed)
		return fl_error_set(err, FULINT_ERR_DICT, sp->aff_path, 0, 0,
		                    "dictionary '%s' could not be loaded", sp->name);
	t0 = now_ms();
	/* Hunspell prints to stderr and accepts nothing when a file is missing: look first. */
	if (!readable_file(sp->aff_path) || !readable_file(sp->dic_path)) {
		sp->h_failed = true;
		return fl_error_set(err, FULINT_ERR_DICT, sp->aff_path, 0, 0,
		                    "dictionary '%s' disappeared (%s, %s)", sp->name, sp->aff_path,
		                    sp->dic_path);
	}
	sp->h = hunspell_create_locked(sp->aff_path, sp->dic_path);
	if (sp->h == NULL) {
		sp->h_failed = true;
		return fl_error_set(err, FULINT_ERR_DICT, sp->aff_path, 0, 0,
		                    "dictionary '%s' could not be loaded", sp->name);
	}
	enc = Hunspell_get_dic_encoding(sp->h);
	if (enc == NULL || enc[0] == '\0')
		enc = "ISO8859-1"; /* Hunspell's default when the .aff has no SET */
	sp->utf8 = fl_ascii_casecmp(enc, "UTF-8") == 0 || fl_ascii_casecmp(enc, "UTF8") == 0;
	if (!sp->utf8) {
		sp->to_dic = iconv_open(enc, "UTF-8");
		sp->from_dic = iconv_open("UTF-8", enc);
		if (sp->to_dic == (iconv_t)-1 || sp->from_dic == (iconv_t)-1) {
			hunspell_destroy_locked(sp->h);
			sp->h = NULL;
			sp->h_failed = true;
			return fl_error_set(err, FULINT_ERR_DICT, sp->aff_path, 0, 0,
			                    "dictionary '%s' uses the encoding '%s', which this system "
			                    "cannot convert from UTF-8",
			                    sp->name, enc);
		}
	}
	/*
	 * The table is built before the extra words go in, so that it holds
	 * only what the dictionary itself accepts (its key does not cover the
	 * word lists, which change more often than the dictionary).
	 */
	if (sp->table == NULL && sp->cache_path != NULL)
		build_table(sp);
	/* Extra words go into Hunspell too, so that it confirms what the fast path accepts. */
	fl_spellcache_builder_foreach(sp->extra, add_extra_to_hunspell, sp);
	sp->load_ms = now_ms() - t0;
	return 0;
}

/* ------------------------------------------------------------------ */
/* checking                                                             */

/* The fast path: extra words, then the table.  Never loads Hunspell. */
static bool fast_accepts(const fl_speller *sp, const char *w, size_t len)
{
	return fl_spellcache_builder_accepts(sp->extra, w, len) ||
	       (sp->table != NULL && fl_spellcache_accepts(sp->table, w, len));
}

/* Hunspell's verdict on a normalised UTF-8 word (Hunspell must be loaded). */
static bool hunspell_accepts(const fl_speller *sp, const char *w, size_t len)
{
	char dic[SP_MAX_WORD * 4 + 1];
	if (!to_dic(sp, w, len, dic, sizeof dic))
		return false; /* not even writable in the dictionary's alphabet */
	return Hunspell_spell(sp->h, dic) != 0;
}

bool fl_speller_knows_fast(fl_speller *sp, const char *word, size_t len)
{
	char norm[SP_MAX_WORD + 1];
	size_t nl = normalise(word, len, norm, sizeof norm);
	if (nl == SIZE_MAX || nl == 0)
		return true; /* not something to spell-check, as fl_speller_check says */
	return fast_accepts(sp, norm, nl);
}

int fl_speller_check(fl_speller *sp, const char *word, size_t len, bool *ok, fulint_error *err)
{
	char norm[SP_MAX_WORD + 1];
	size_t nl;
	int rc;

	*ok = true;
	nl = normalise(word, len, norm, sizeof norm);
	if (nl == SIZE_MAX || nl == 0)
		return 0; /* longer than any word: not something to spell-check */
	if (fast_accepts(sp, norm, nl))
		return 0;
	if ((rc = load_hunspell(sp, err)) != 0)
		return rc;
	*ok = fast_accepts(sp, norm, nl) || hunspell_accepts(sp, norm, nl);
	return 0;
}

/* ------------------------------------------------------------------ */
/* suggestions                                                          */

void fl_speller_free_suggestions(char **list, size_t n)
{
	size_t i;
	if (list == NULL)
		return;
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static int copy_list(char **src, size_t n, char ***out)
{
	size_t i;
	char **l;
	*out = NULL;
	if (n == 0)
		return 0;
	l = fl_calloc(n, sizeof *l);
	if (l == NULL)
		return FULINT_ERR_NOMEM;
	for (i = 0; i < n; i++)
		if ((l[i] = fl_strdup(src[i])) == NULL) {
			fl_speller_free_suggestions(l, i);
			return FULINT_ERR_NOMEM;
		}
	*out = l;
	return 0;
}

/*
 * One-edit candidates are only proposals, so with a table they are taken
 * from the table alone (hundreds of Hunspell_spell calls per misspelling
 * would cost more than Hunspell's own suggestion search); without one,
 * Hunspell decides.
 */
static bool edit_accepts(void *payload, const char *w, size_t len)
{
	const fl_speller *sp = payload;
	if (fast_accepts(sp, w, len))
		return true;
	return sp->table == NULL && hunspell_accepts(sp, w, len);
}

/* ASCII case of the misspelling carried over to a suggestion: "Recieve" -> "Receive". */
static void match_case(const char *word, size_t len, char *s)
{
	bool upper = len >= 2, has_lower_rest = false;
	size_t i;
	if (len == 0 || !(word[0] >= 'A' && word[0] <= 'Z'))
		return;
	for (i = 1; i < len; i++) {
		if (ascii_lower(word[i]))
			upper = false, has_lower_rest = true;
	}
	if (upper && !has_lower_rest) {
		for (i = 0; s[i] != '\0'; i++)
			if (ascii_lower(s[i]))
				s[i] = (char)(s[i] - ('a' - 'A'));
		return;
	}
	if (ascii_lower(s[0]))
		s[0] = (char)(s[0] - ('a' - 'A'));
}

static bool list_has(const fl_strlist *l, const char *s)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].s, s) == 0)
			return true;
	return false;
}

/* The first five of ranked `cands`, case carried over, without the word itself. */
static int take_best(const char *norm, size_t nl, fl_strlist *cands, fl_strlist *best)
{
	size_t k;
	int rc;
	for (k = 0; k < cands->n && best->n < FL_SPELL_MAX_SUGGESTIONS; k++) {
		char *s = cands->v[k].s;
		match_case(norm, nl, s);
		if (strcmp(s, norm) == 0 || list_has(best, s))
			continue;
		if ((rc = fl_strlist_push(best, s, 0, 0)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Hunspell's suggestions plus one-edit words, re-ranked, at most 5.  With
 * a table, close one-edit words alone may settle it (SP_FAST_SUGGEST).
 */
static int compute_suggestions(fl_speller *sp, const char *norm, size_t nl, fl_strlist *best)
{
	fl_strlist cands = FL_STRLIST_INIT;
	char dic[SP_MAX_WORD * 4 + 1], utf[SP_MAX_WORD * 4 + 1];
	char **hl = NULL;
	int hn = 0, i, rc = 0;
	size_t n_h;

	if (sp->table != NULL) {
		rc = fl_rerank_edits(norm, nl, edit_accepts, sp, &cands);
		if (rc == 0 && cands.n > 0 && fl_rerank(norm, nl, cands.v, cands.n, 0) <= SP_FAST_SUGGEST) {
			rc = take_best(norm, nl, &cands, best);
			fl_strlist_dispose(&cands);
			return rc;
		}
		fl_strlist_dispose(&cands);
		if (rc != 0)
			return rc;
	}
	if (to_dic(sp, norm, nl, dic, sizeof dic))
		hn = Hunspell_suggest(sp->h, &hl, dic);
	for (i = 0; i < hn && cands.n < SP_MAX_CANDS; i++) {
		if (!from_dic(sp, hl[i], strlen(hl[i]), utf, sizeof utf) || list_has(&cands, utf))
			continue;
		if ((rc = fl_strlist_push(&cands, utf, 0, 0)) != 0)
			break;
	}
	if (hl != NULL)
		Hunspell_free_list(sp->h, &hl, hn);
	n_h = cands.n;
	if (rc == 0)
		rc = fl_rerank_edits(norm, nl, edit_accepts, sp, &cands);
	if (rc == 0) {
		fl_rerank(norm, nl, cands.v, cands.n, n_h);
		rc = take_best(norm, nl, &cands, best);
	}
	fl_strlist_dispose(&cands);
	return rc;
}

int fl_speller_suggest(fl_speller *sp, const char *word, size_t len, char ***out, size_t *n,
                       fulint_error *err)
{
	char norm[SP_MAX_WORD + 1];
	fl_strlist best = FL_STRLIST_INIT;
	char **list = NULL;
	size_t nl, i;
	int rc;

	*out = NULL;
	*n = 0;
	nl = normalise(word, len, norm, sizeof norm);
	if (nl == SIZE_MAX || nl == 0)
		return 0;
	for (i = 0; i < sp->n_sugg; i++)
		if (strcmp(sp->sugg[i].word, norm) == 0) {
			if (copy_list(sp->sugg[i].list, sp->sugg[i].n, out) != 0)
				return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			*n = sp->sugg[i].n;
			return 0;
		}
	if ((rc = load_hunspell(sp, err)) != 0)
		return rc;
	if ((rc = compute_suggestions(sp, norm, nl, &best)) != 0) {
		fl_strlist_dispose(&best);
		return fl_error_set(err, rc, NULL, 0, 0, "out of memory");
	}
	if (best.n > 0) {
		list = fl_calloc(best.n, sizeof *list);
		if (list == NULL) {
			fl_strlist_dispose(&best);
			return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		}
		for (i = 0; i < best.n; i++) {
			list[i] = best.v[i].s; /* ownership moves to the list */
			best.v[i].s = NULL;
		}
	}
	*n = best.n;
	free(best.v);
	/* Remember the answer for the linter's life (within a cap). */
	if (sp->n_sugg < SP_MAX_CACHED &&
	    fl_grow((void **)&sp->sugg, &sp->cap_sugg, sp->n_sugg + 1, sizeof *sp->sugg) == 0) {
		char *key = fl_strdup(norm);
		char **copy = NULL;
		if (key != NULL && copy_list(list, *n, &copy) == 0) {
			sp->sugg[sp->n_sugg].word = key;
			sp->sugg[sp->n_sugg].list = copy;
			sp->sugg[sp->n_sugg].n = *n;
			sp->n_sugg++;
		} else {
			free(key);
		}
	}
	*out = list;
	return 0;
}

void fl_speller_get_info(const fl_speller *sp, fl_speller_info *out)
{
	memset(out, 0, sizeof *out);
	out->aff_path = sp->aff_path;
	out->dic_path = sp->dic_path;
	out->cache_path = sp->cache_path;
	out->hunspell_loaded = sp->h != NULL;
	out->table_loaded = sp->table != NULL;
	out->table_built = sp->table_built;
	out->table_status = (int)sp->table_status;
	out->table_words = fl_spellcache_count(sp->table);
	out->extra_words = fl_spellcache_builder_count(sp->extra);
	out->build_ms = sp->build_ms;
	out->load_ms = sp->load_ms;
	out->utf8 = sp->utf8;
}
