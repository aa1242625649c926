/*
 * test_speller.c - fl_speller and the FollowUp.Spelling rule.
 *
 * Needs Debian's hunspell-en-us (/usr/share/hunspell/en_US.*).  The
 * soundness test also reads /usr/share/dict/words (Debian's wamerican)
 * when it is installed, and falls back to every stem of en_US.dic.
 *
 * Covered: dictionary lookup and its error (file names, Debian package),
 * a non-UTF-8 dictionary, word lists (built-in, folders, vocab.accept,
 * personal; an unreadable personal list is an error naming it), lazy
 * Hunspell, the fast-path table (built, reused, rebuilt when corrupt or
 * stale, never needed), soundness of the whole table and of a large word
 * list against an independent Hunspell, suggestions (first place, case,
 * at most five, cached), and the rule: everything that must stay silent
 * and real misspellings that must fire with the right first suggestion.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl_speller.h"
#include "fl_spellcache.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif

#define SYSDICT "/usr/share/hunspell"

static char tmpdir[256];
/* One en_US table for the whole run: building it takes seconds (half a minute under ASan). */
static char encache[256];

static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[1024];
	struct stat sb;
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			rm_tree(p);
		else
			unlink(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/fulint-test-speller-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	rm_tree(tmpdir);
	return 0;
}

static void path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", tmpdir, name);
}

static void write_file(const char *p, const char *data)
{
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	fputs(data, f);
	fclose(f);
}

/* A speller over `dirs` (NULL: the system folder) with the given options. */
static int make(fl_speller **sp, const char *dict, const char *cache, const char *personal,
                const char *const *accept, fulint_error *err)
{
	fl_strlist dirs = FL_STRLIST_INIT, acc = FL_STRLIST_INIT;
	fl_speller_options o;
	int rc;
	size_t i;
	memset(&o, 0, sizeof o);
	fl_strlist_push(&dirs, "/nonexistent/dicts", 0, 0);
	fl_strlist_push(&dirs, SYSDICT, 0, 0);
	for (i = 0; accept != NULL && accept[i] != NULL; i++)
		fl_strlist_push(&acc, accept[i], 0, 0);
	o.dictionary = dict;
	o.dictionary_dirs = &dirs;
	o.cache_dir = cache;
	o.personal = personal;
	o.accept = &acc;
	memset(err, 0, sizeof *err);
	rc = fl_speller_new(sp, &o, err);
	fl_strlist_dispose(&dirs);
	fl_strlist_dispose(&acc);
	return rc;
}

static bool check(fl_speller *sp, const char *w)
{
	bool ok = false;
	fulint_error err;
	assert_int_equal(fl_speller_check(sp, w, strlen(w), &ok, &err), 0);
	return ok;
}

/* ---- dictionaries ---- */

static void test_missing_dictionary(void **state)
{
	fl_speller *sp = (fl_speller *)(uintptr_t)1;
	fulint_error err;
	(void)state;
	assert_int_equal(make(&sp, "xx_YY", NULL, NULL, NULL, &err), FULINT_ERR_DICT);
	assert_null(sp);
	assert_int_equal(err.code, FULINT_ERR_DICT);
	assert_non_null(strstr(err.message, "'xx_YY' not found"));
	assert_non_null(strstr(err.message, "xx_YY.aff/xx_YY.dic"));
	assert_non_null(strstr(err.message, "/nonexistent/dicts, " SYSDICT));
	assert_non_null(strstr(err.message, "hunspell-xx-yy"));

	assert_int_equal(make(&sp, "/nonexistent/path/en_ZZ", NULL, NULL, NULL, &err), FULINT_ERR_DICT);
	assert_non_null(strstr(err.message, "/nonexistent/path/en_ZZ.aff"));
}

static void test_basic_en_us(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	(void)state;
	assert_int_equal(make(&sp, NULL, NULL, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_string_equal(info.aff_path, SYSDICT "/en_US.aff");
	assert_false(info.hunspell_loaded); /* lazy: nothing checked yet */
	assert_null(info.cache_path);
	assert_true(check(sp, "interview"));
	assert_true(check(sp, "Interview"));
	assert_true(check(sp, "don't"));
	assert_true(check(sp, "don\xe2\x80\x99t")); /* curly apostrophe */
	assert_false(check(sp, "recieve"));
	/* built-in job-search words, with case forms */
	assert_true(check(sp, "r\xc3\xa9sum\xc3\xa9"));
	assert_true(check(sp, "R\xc3\xa9sum\xc3\xa9"));
	assert_true(check(sp, "LinkedIn"));
	assert_true(check(sp, "onboarding"));
	fl_speller_get_info(sp, &info);
	assert_true(info.hunspell_loaded);
	assert_true(info.utf8);
	assert_true(info.extra_words > 5);
	fl_speller_free(sp);
	fl_speller_free(NULL);
}

static void test_latin1_dictionary(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	char **s = NULL;
	size_t n = 0, i;
	bool found = false;
	char cache[300];
	(void)state;
	path(cache, sizeof cache, "cache");
	assert_int_equal(make(&sp, FULINT_SOURCE_DIR "/tests/data/dict/latin1", cache, NULL, NULL, &err), 0);
	/* UTF-8 in, ISO-8859-1 dictionary underneath */
	assert_true(check(sp, "caf\xc3\xa9"));
	assert_true(check(sp, "caf\xc3\xa9s"));
	assert_true(check(sp, "gar\xc3\xa7ons"));
	assert_true(check(sp, "na\xc3\xafve"));
	assert_false(check(sp, "cafe"));
	assert_false(check(sp, "\xe2\x82\xac")); /* the euro sign has no ISO-8859-1 form */
	fl_speller_get_info(sp, &info);
	assert_false(info.utf8);
	assert_true(info.table_built);
	assert_true(info.table_words >= 6);
	/* suggestions come back as UTF-8 */
	assert_int_equal(fl_speller_suggest(sp, "cafe", 4, &s, &n, &err), 0);
	for (i = 0; i < n; i++)
		if (strcmp(s[i], "caf\xc3\xa9") == 0)
			found = true;
	assert_true(found);
	fl_speller_free_suggestions(s, n);
	fl_speller_free(sp);

	/* the table stores UTF-8 and answers without Hunspell next time */
	assert_int_equal(make(&sp, FULINT_SOURCE_DIR "/tests/data/dict/latin1", cache, NULL, NULL, &err), 0);
	assert_true(check(sp, "caf\xc3\xa9s"));
	assert_true(check(sp, "Caf\xc3\xa9s"));
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_OK);
	assert_false(info.hunspell_loaded);
	fl_speller_free(sp);
}

/* ---- word lists ---- */

static void test_word_lists(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	char personal[300];
	const char *accept[] = { "Zyntrix", "grokking", NULL };
	(void)state;
	path(personal, sizeof personal, "words");
	write_file(personal, "# my words\nSiobhan\nfooblarg\n\n  \nqwertzy trailing text\n");
	assert_int_equal(make(&sp, NULL, NULL, personal, accept, &err), 0);
	assert_true(check(sp, "Siobhan"));
	assert_true(check(sp, "fooblarg"));
	assert_true(check(sp, "Fooblarg"));
	assert_true(check(sp, "FOOBLARG"));
	assert_true(check(sp, "qwertzy"));
	assert_true(check(sp, "Zyntrix"));
	assert_true(check(sp, "grokking"));
	assert_false(check(sp, "zyntrix")); /* accepted as written, capitalised */
	assert_false(check(sp, "siobhan"));
	fl_speller_free(sp);

	/* a missing personal list is fine */
	path(personal, sizeof personal, "no-such-words");
	assert_int_equal(make(&sp, NULL, NULL, personal, NULL, &err), 0);
	fl_speller_free(sp);
}

static void test_unreadable_personal(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	char p[300];
	(void)state;
	/* a folder where the file should be: unreadable even for root */
	path(p, sizeof p, "words.d");
	assert_int_equal(mkdir(p, 0700), 0);
	assert_int_equal(make(&sp, NULL, NULL, p, NULL, &err), FULINT_ERR_IO);
	assert_null(sp);
	assert_string_equal(err.file, p);
	assert_non_null(strstr(err.message, "personal word list"));
	if (geteuid() != 0) {
		path(p, sizeof p, "words");
		write_file(p, "x\n");
		assert_int_equal(chmod(p, 0), 0);
		assert_int_equal(make(&sp, NULL, NULL, p, NULL, &err), FULINT_ERR_IO);
		assert_non_null(strstr(err.message, "Permission denied"));
	}
}

static void test_wordlist_dirs(void **state)
{
	fl_speller *sp = NULL;
	fl_strlist dirs = FL_STRLIST_INIT, wl = FL_STRLIST_INIT;
	fl_speller_options o;
	fulint_error err;
	char d[300], f[400];
	(void)state;
	path(d, sizeof d, "lists");
	assert_int_equal(mkdir(d, 0700), 0);
	snprintf(f, sizeof f, "%s/team.dic", d);
	write_file(f, "Kubernetes\nGreenhouse\n");
	snprintf(f, sizeof f, "%s/more.txt", d);
	write_file(f, "Workday\n");
	snprintf(f, sizeof f, "%s/ignored.md", d);
	write_file(f, "Blorptastic\n");
	fl_strlist_push(&dirs, SYSDICT, 0, 0);
	fl_strlist_push(&wl, d, 0, 0);
	fl_strlist_push(&wl, "/nonexistent/lists", 0, 0);
	memset(&o, 0, sizeof o);
	o.dictionary_dirs = &dirs;
	o.wordlist_dirs = &wl;
	assert_int_equal(fl_speller_new(&sp, &o, &err), 0);
	assert_true(check(sp, "Kubernetes"));
	assert_true(check(sp, "Workday"));
	assert_false(check(sp, "Blorptastic"));
	fl_speller_free(sp);
	fl_strlist_dispose(&dirs);
	fl_strlist_dispose(&wl);
}

/* ---- suggestions ---- */

static void test_suggestions(void **state)
{
	static const char *const pairs[][2] = {
		{ "recieve", "receive" },         { "definately", "definitely" },
		{ "intervew", "interview" },      { "oppurtunity", "opportunity" },
		{ "teh", "the" },                 { "acheive", "achieve" },
		{ "enviroment", "environment" },  { "comittee", "committee" },
		{ "thier", "their" },             { "Recieve", "Receive" },
		{ "RECIEVE", "RECEIVE" },         { "untill", "until" },
		{ "seperate", "separate" },       { "occured", "occurred" },
		{ "tommorow", "tomorrow" },       { "recomend", "recommend" },
		{ "sincerly", "sincerely" },      { "greatful", "grateful" },
		{ "dont", "don't" },              { "appreciatte", "appreciate" },
	};
	fl_speller *sp = NULL;
	fulint_error err;
	size_t i;
	(void)state;
	assert_int_equal(make(&sp, NULL, NULL, NULL, NULL, &err), 0);
	for (i = 0; i < FL_ARRAY_LEN(pairs); i++) {
		char **s = NULL, **s2 = NULL;
		size_t n = 0, n2 = 0, k;
		assert_false(check(sp, pairs[i][0]));
		assert_int_equal(fl_speller_suggest(sp, pairs[i][0], strlen(pairs[i][0]), &s, &n, &err), 0);
		assert_true(n >= 1 && n <= FL_SPELL_MAX_SUGGESTIONS);
		if (strcmp(s[0], pairs[i][1]) != 0)
			fail_msg("'%s': first suggestion '%s', expected '%s'", pairs[i][0], s[0], pairs[i][1]);
		/* cached: the same answer again, as a separate copy */
		assert_int_equal(fl_speller_suggest(sp, pairs[i][0], strlen(pairs[i][0]), &s2, &n2, &err), 0);
		assert_int_equal(n, n2);
		for (k = 0; k < n; k++) {
			assert_string_equal(s[k], s2[k]);
			assert_ptr_not_equal(s[k], s2[k]);
		}
		fl_speller_free_suggestions(s, n);
		fl_speller_free_suggestions(s2, n2);
	}
	fl_speller_free(sp);
}

/* ---- the fast path ---- */

static const char *const clean_words[] = {
	"Thank", "you", "for", "taking", "the", "time", "to", "meet", "with", "me", "yesterday",
	"I", "enjoyed", "learning", "about", "team's", "plans", "and", "role", "interview", NULL,
};

static void flip_byte(const char *p, long where_num, long where_den)
{
	FILE *f = fopen(p, "r+b");
	long size;
	int c;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, size * where_num / where_den, SEEK_SET);
	c = fgetc(f);
	fseek(f, size * where_num / where_den, SEEK_SET);
	fputc(0x5a ^ c, f);
	fclose(f);
}

static void test_cache_lifecycle(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	char cache[300];
	size_t i;
	(void)state;
	snprintf(cache, sizeof cache, "%s/nested/fulint", encache);

	/* first run: no table, Hunspell loads and builds it */
	assert_int_equal(make(&sp, NULL, cache, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_MISSING);
	assert_true(check(sp, "interview"));
	fl_speller_get_info(sp, &info);
	assert_true(info.table_built);
	assert_true(info.table_words > 100000);
	print_message("table: %zu words built in %.0f ms\n", info.table_words, info.build_ms);
	fl_speller_free(sp);

	/* second run: a clean draft never loads Hunspell */
	assert_int_equal(make(&sp, NULL, cache, NULL, NULL, &err), 0);
	for (i = 0; clean_words[i] != NULL; i++)
		assert_true(check(sp, clean_words[i]));
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_OK);
	assert_false(info.hunspell_loaded);
	assert_false(info.table_built);
	/* a miss loads Hunspell to confirm */
	assert_false(check(sp, "recieve"));
	fl_speller_get_info(sp, &info);
	assert_true(info.hunspell_loaded);
	assert_false(info.table_built);
	fl_speller_free(sp);
}

static void test_cache_corrupt(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	char cache[300], cpath[600];
	const char *dict = FULINT_SOURCE_DIR "/tests/data/dict/tiny";
	(void)state;
	path(cache, sizeof cache, "cache");
	assert_int_equal(make(&sp, dict, cache, NULL, NULL, &err), 0);
	assert_true(check(sp, "markedly"));
	fl_speller_get_info(sp, &info);
	assert_true(info.table_built);
	snprintf(cpath, sizeof cpath, "%s", info.cache_path);
	fl_speller_free(sp);

	/* a flipped byte: refused, rebuilt on first need, fine afterwards */
	flip_byte(cpath, 2, 3);
	assert_int_equal(make(&sp, dict, cache, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_CORRUPT);
	assert_false(info.table_loaded);
	assert_true(check(sp, "untied"));
	fl_speller_get_info(sp, &info);
	assert_true(info.table_built);
	fl_speller_free(sp);
	assert_int_equal(make(&sp, dict, cache, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_OK);
	assert_true(check(sp, "untied"));
	fl_speller_get_info(sp, &info);
	assert_false(info.hunspell_loaded);
	fl_speller_free(sp);

	/* truncated */
	assert_int_equal(truncate(cpath, 100), 0);
	assert_int_equal(make(&sp, dict, cache, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_CORRUPT);
	assert_true(check(sp, "copies"));
	fl_speller_get_info(sp, &info);
	assert_true(info.table_built);
	fl_speller_free(sp);

	/* a bad magic (other format versions are covered in test_spellcache) */
	flip_byte(cpath, 0, 1);
	assert_int_equal(make(&sp, dict, cache, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_CORRUPT);
	fl_speller_free(sp);
}

static void copy_file(const char *from, const char *to)
{
	FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
	char buf[65536];
	size_t n;
	assert_non_null(a);
	assert_non_null(b);
	while ((n = fread(buf, 1, sizeof buf, a)) > 0)
		assert_int_equal(fwrite(buf, 1, n, b), n);
	fclose(a);
	fclose(b);
}

static void test_cache_stale(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	char cache[300], base[300], aff[320], dic[320];
	struct timespec ts[2];
	(void)state;
	/* a private copy of the small dictionary whose mtime we can change */
	path(cache, sizeof cache, "cache");
	path(base, sizeof base, "xx");
	snprintf(aff, sizeof aff, "%s.aff", base);
	snprintf(dic, sizeof dic, "%s.dic", base);
	copy_file(FULINT_SOURCE_DIR "/tests/data/dict/tiny.aff", aff);
	copy_file(FULINT_SOURCE_DIR "/tests/data/dict/tiny.dic", dic);
	assert_int_equal(make(&sp, base, cache, NULL, NULL, &err), 0);
	assert_true(check(sp, "markedly"));
	fl_speller_get_info(sp, &info);
	assert_true(info.table_built);
	fl_speller_free(sp);

	ts[0].tv_sec = ts[1].tv_sec = 1000000000;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, dic, ts, 0), 0);
	assert_int_equal(make(&sp, base, cache, NULL, NULL, &err), 0);
	fl_speller_get_info(sp, &info);
	assert_int_equal(info.table_status, FL_SC_STALE);
	assert_true(check(sp, "untied"));
	fl_speller_get_info(sp, &info);
	assert_true(info.table_built);
	fl_speller_free(sp);
}

static void test_cache_unwritable(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	char file[300], cache[400];
	(void)state;
	/* the cache folder would have to be inside a regular file */
	path(file, sizeof file, "plain");
	write_file(file, "x");
	snprintf(cache, sizeof cache, "%s/cache", file);
	assert_int_equal(make(&sp, FULINT_SOURCE_DIR "/tests/data/dict/tiny", cache, NULL, NULL, &err), 0);
	assert_true(check(sp, "markedly"));
	assert_false(check(sp, "markedy"));
	fl_speller_get_info(sp, &info);
	assert_false(info.table_loaded);
	assert_true(info.hunspell_loaded);
	fl_speller_free(sp);
}

/* ---- soundness: every word the fast path accepts, Hunspell accepts ---- */

typedef struct sound {
	Hunhandle *h;
	size_t n, bad;
	char w[256];
} sound;

static bool hs(sound *s, const char *w, size_t len)
{
	if (len >= sizeof s->w)
		return false;
	memcpy(s->w, w, len);
	s->w[len] = '\0';
	return Hunspell_spell(s->h, s->w) != 0;
}

static int check_entry(void *payload, const char *w, size_t len, unsigned flags)
{
	sound *s = payload;
	char tmp[256];
	size_t i;
	s->n++;
	if ((flags & FL_SC_EXACT) && !hs(s, w, len)) {
		s->bad++;
		print_message("unsound: '%.*s'\n", (int)len, w);
	}
	memcpy(tmp, w, len);
	if (flags & FL_SC_CAP) {
		tmp[0] = (char)(tmp[0] - 32);
		if (!hs(s, tmp, len)) {
			s->bad++;
			print_message("unsound (capitalised): '%.*s'\n", (int)len, tmp);
		}
	}
	if (flags & FL_SC_UPPER) {
		for (i = 0; i < len; i++)
			if (tmp[i] >= 'a' && tmp[i] <= 'z')
				tmp[i] = (char)(tmp[i] - 32);
		if (!hs(s, tmp, len)) {
			s->bad++;
			print_message("unsound (upper): '%.*s'\n", (int)len, tmp);
		}
	}
	return 0;
}

static void check_list_word(sound *s, const fl_spellcache *t, const char *w, size_t len, size_t *acc)
{
	char tmp[256];
	size_t i;
	int v;
	if (len == 0 || len >= sizeof tmp)
		return;
	memcpy(tmp, w, len);
	for (v = 0; v < 3; v++) {
		if (v == 1 && tmp[0] >= 'a' && tmp[0] <= 'z')
			tmp[0] = (char)(tmp[0] - 32);
		if (v == 2)
			for (i = 0; i < len; i++)
				if (tmp[i] >= 'a' && tmp[i] <= 'z')
					tmp[i] = (char)(tmp[i] - 32);
		s->n++;
		if (fl_spellcache_accepts(t, tmp, len)) {
			(*acc)++;
			if (!hs(s, tmp, len)) {
				s->bad++;
				print_message("unsound: '%.*s'\n", (int)len, tmp);
			}
		}
	}
}

static void test_soundness(void **state)
{
	fl_speller *sp = NULL;
	fulint_error err;
	fl_speller_info info;
	fl_spellcache *t = NULL;
	fl_spellcache_key key;
	char cache[300], line[512];
	sound s;
	FILE *f;
	size_t acc = 0;
	const char *list = "/usr/share/dict/words";
	bool from_dic = false;
	(void)state;

	snprintf(cache, sizeof cache, "%s/nested/fulint", encache);
	assert_int_equal(make(&sp, NULL, cache, NULL, NULL, &err), 0);
	assert_true(check(sp, "zzzzqx") == false); /* forces Hunspell (and the table build if needed) */
	fl_speller_get_info(sp, &info);
	assert_true(info.table_loaded);

	/* open the very file the speller uses, with the key read from its header */
	f = fopen(info.cache_path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 32, SEEK_SET), 0);
	assert_int_equal(fread(&key, sizeof key, 1, f), 1);
	fclose(f);
	assert_int_equal(fl_spellcache_open(&t, info.cache_path, &key, NULL), 0);

	/* an independent Hunspell, without fulint's extra words */
	memset(&s, 0, sizeof s);
	s.h = Hunspell_create(SYSDICT "/en_US.aff", SYSDICT "/en_US.dic");
	assert_non_null(s.h);
	assert_int_equal(fl_spellcache_foreach(t, check_entry, &s), 0);
	print_message("whole table: %zu entries, %zu unsound\n", s.n, s.bad);
	assert_int_equal(s.n, fl_spellcache_count(t));
	assert_int_equal(s.bad, 0);

	/* a large word list, as written, capitalised and in capitals */
	memset(&s.n, 0, sizeof s.n);
	f = fopen(list, "r");
	if (f == NULL) {
		list = SYSDICT "/en_US.dic";
		f = fopen(list, "r");
		from_dic = true;
	}
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		size_t len = strcspn(line, from_dic ? "/\r\n" : "\r\n");
		check_list_word(&s, t, line, len, &acc);
	}
	fclose(f);
	print_message("%s: %zu forms, %zu accepted by the fast path, %zu unsound\n", list, s.n, acc, s.bad);
	assert_true(acc > 1000);
	assert_int_equal(s.bad, 0);
	Hunspell_destroy(s.h);
	fl_spellcache_close(t);
	fl_speller_free(sp);
}

/* ---- the rule, through the public API ---- */

typedef struct lint_env {
	fulint_config *cfg;
	fulint_ruleset *rs;
	fulint_linter *l;
} lint_env;

static void env_open(lint_env *e, const char *const *accept, const char *const *reject)
{
	fulint_error err;
	char cache[300];
	size_t i;
	memset(e, 0, sizeof *e);
	snprintf(cache, sizeof cache, "%s/nested/fulint", encache);
	assert_int_equal(fulint_config_new(&e->cfg), 0);
	assert_int_equal(fulint_config_add_dictionary_dir(e->cfg, SYSDICT), 0);
	assert_int_equal(fulint_config_set_cache_dir(e->cfg, cache), 0);
	for (i = 0; accept != NULL && accept[i] != NULL; i++)
		assert_int_equal(fulint_config_add_accept(e->cfg, accept[i]), 0);
	for (i = 0; reject != NULL && reject[i] != NULL; i++)
		assert_int_equal(fulint_config_add_reject(e->cfg, reject[i]), 0);
	if (fulint_ruleset_new(&e->rs, e->cfg, NULL, NULL, &err) != 0)
		fail_msg("ruleset: %s", err.message);
	assert_int_equal(fulint_linter_new(&e->l, e->rs, &err), 0);
}

static void env_close(lint_env *e)
{
	fulint_linter_free(e->l);
	fulint_ruleset_free(e->rs);
	fulint_config_free(e->cfg);
}

/* Spelling findings for `text`: "word>first-suggestion" joined by spaces into out. */
static void spelling_findings(lint_env *e, const char *text, char *out, size_t size)
{
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_result *res = NULL;
	fulint_error err;
	size_t i, o = 0;
	src.data = text;
	src.len = strlen(text);
	if (fulint_lint(e->l, &src, &res, &err) != 0)
		fail_msg("lint: %s", err.message);
	out[0] = '\0';
	for (i = 0; i < fulint_result_count(res); i++) {
		const fulint_finding *f = fulint_result_finding(res, i);
		if (strcmp(f->rule, "FollowUp.Spelling") != 0)
			continue;
		assert_true(f->n_suggestions <= FL_SPELL_MAX_SUGGESTIONS);
		o += (size_t)snprintf(out + o, size - o, "%s%s>%s", o ? " " : "", f->match,
		                      f->n_suggestions ? f->suggestions[0] : "");
		if (o >= size)
			o = size - 1;
	}
	fulint_result_free(res);
}

static void test_rule_silent(void **state)
{
	static const char *const silent[] = {
		"Please see https://example.com/portfolio/case-studys and www.exampel.org.",
		"You can reach me at jane.doo@exampel.com any time.",
		"Feel free to ping @janedoo or check #hirring on the site.",
		"The deck is at ~/Documents/intervw-notes.txt and C:\\Users\\jane\\notse.docx.",
		"I have 12 years of experience and scored 98.5 on it.",
		"I can start on the 1st, the 22nd or the 103rd.",
		"Could we talk at 10:30am or 3pm on Tuesday?",
		"I worked with S3, EC2, K8s and the X11 toolkit on Win10.",
		"I have used AWS, GCP, SQL and HIPAA rules daily.",
		"I write JavaScript, TypeScript and PowerPoint decks for GitHub and LinkedIn.",
		"Dear [Hiring Manager], I applied for the {{role_titel}} role at <Compnay>.",
		"Thank you for meeting with me at Zyntrix yesterday.",
		"I enjoyed hearing about Zyntrix's roadmap and Anna\xe2\x80\x99s demo.",
		"I updated my r\xc3\xa9sum\xc3\xa9 and my LinkedIn profile after our Zoom call about onboarding.",
		"I enjoyed the follow-up conversation with the co-founder about the pre-screen.",
		"I don\xe2\x80\x99t think I\xe2\x80\x99ll need more than a week.",
	};
	lint_env e;
	char out[2048];
	size_t i;
	(void)state;
	env_open(&e, NULL, NULL);
	for (i = 0; i < FL_ARRAY_LEN(silent); i++) {
		spelling_findings(&e, silent[i], out, sizeof out);
		if (out[0] != '\0')
			fail_msg("expected no spelling finding in \"%s\", got: %s", silent[i], out);
	}
	/* the greeting's name, the sender's name, quoted text and the signature */
	spelling_findings(&e,
	                  "Hi Siobhan,\n\nThank you for the interview yesterday.\n\n"
	                  "> On Monday, Siobhan wrote:\n> Pleese send me your portfollio.\n\n"
	                  "Best regards,\nAoife Ni Bhriain\n\n-- \nAoife Ni Bhriain | Senoir Desginer\n",
	                  out, sizeof out);
	assert_string_equal(out, "");
	env_close(&e);
}

static void test_rule_fires(void **state)
{
	static const char *const cases[][2] = {
		{ "I look forward to hearing when I might recieve an update.", "recieve>receive" },
		{ "I am definately excited about the role.", "definately>definitely" },
		{ "Thank you for the intervew yesterday.", "intervew>interview" },
		{ "It is a great oppurtunity.", "oppurtunity>opportunity" },
		{ "It was great to meet teh team.", "teh>the" },
		{ "I hope to acheive a lot.", "acheive>achieve" },
		{ "The work enviroment looked great.", "enviroment>environment" },
		{ "I met the hiring comittee.", "comittee>committee" },
		{ "Please thank them for thier time.", "thier>their" },
		{ "Recieve my thanks for your time.", "Recieve>Receive" },
		{ "I enjoyed the folow-up call.", "folow>follow" },
		{ "I enjoyed the teams\xe2\x80\x99 recieve process.", "recieve>receive" },
	};
	lint_env e;
	char out[2048];
	size_t i;
	(void)state;
	env_open(&e, NULL, NULL);
	for (i = 0; i < FL_ARRAY_LEN(cases); i++) {
		spelling_findings(&e, cases[i][0], out, sizeof out);
		if (strcmp(out, cases[i][1]) != 0)
			fail_msg("\"%s\": expected %s, got '%s'", cases[i][0], cases[i][1], out);
	}
	env_close(&e);
}

static void test_rule_vocab(void **state)
{
	static const char *const accept[] = { "Frobnicator", "blorptastic", NULL };
	static const char *const reject[] = { "utilize", NULL };
	lint_env e;
	char out[2048];
	(void)state;
	env_open(&e, accept, reject);
	spelling_findings(&e, "We discussed the blorptastic Frobnicator I utilize daily.", out, sizeof out);
	assert_non_null(strstr(out, "utilize>"));
	assert_null(strstr(out, "blorptastic"));
	assert_null(strstr(out, "Frobnicator"));
	env_close(&e);
}

static void test_rule_missing_dictionary(void **state)
{
	fulint_config *cfg = NULL;
	fulint_ruleset *rs = NULL;
	fulint_linter *l = NULL;
	fulint_result *res = NULL;
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_error err;
	(void)state;
	assert_int_equal(fulint_config_new(&cfg), 0);
	assert_int_equal(fulint_config_add_dictionary_dir(cfg, SYSDICT), 0);
	assert_int_equal(fulint_config_set_dictionary(cfg, "qq_QQ"), 0);
	assert_int_equal(fulint_ruleset_new(&rs, cfg, NULL, NULL, &err), 0);
	assert_int_equal(fulint_linter_new(&l, rs, &err), 0);
	src.data = "Thank you for the interview.";
	src.len = strlen(src.data);
	memset(&err, 0, sizeof err);
	assert_int_equal(fulint_lint(l, &src, &res, &err), FULINT_ERR_DICT);
	assert_non_null(strstr(err.message, "hunspell-qq-qq"));
	fulint_result_free(res);
	fulint_linter_free(l);
	fulint_ruleset_free(rs);
	fulint_config_free(cfg);
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(encache, sizeof encache, "/tmp/fulint-test-encache-XXXXXX");
	return mkdtemp(encache) == NULL ? -1 : 0;
}

static int group_teardown(void **state)
{
	(void)state;
	rm_tree(encache);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basic_en_us, setup, teardown),
		cmocka_unit_test_setup_teardown(test_latin1_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_word_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_personal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wordlist_dirs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_suggestions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_lifecycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_unwritable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_soundness, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_silent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_fires, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_vocab, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_missing_dictionary, setup, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
