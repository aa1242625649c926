/*
 * test_spellcache.c - the spelling fast-path table: building, atomic
 * writing, mapping, case rules, every way a cache file can be wrong
 * (missing, truncated, flipped byte, other version, stale key), and the
 * affix expander on a small fixture dictionary.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl_spellcache.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif

static char tmpdir[256];
static char table_path[300];
static const fl_spellcache_key key = { 100, 200, 300, 400, 500 };

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/fulint-test-spellcache-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(table_path, sizeof table_path, "%s/t.flt", tmpdir);
	return 0;
}

static int teardown(void **state)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	char p[600];
	(void)state;
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", tmpdir, de->d_name);
		unlink(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(tmpdir);
	return 0;
}

static void write_sample(void)
{
	fl_spellcache_builder *b = NULL;
	fulint_error err;
	char w[32];
	int i;

	assert_int_equal(fl_spellcache_builder_new(&b), 0);
	assert_int_equal(fl_spellcache_builder_add(b, "receive", 7, FL_SC_EXACT | FL_SC_CAP), 0);
	assert_int_equal(fl_spellcache_builder_add(b, "receive", 7, FL_SC_UPPER), 0); /* merged */
	assert_int_equal(fl_spellcache_builder_add(b, "NASA", 4, FL_SC_EXACT), 0);
	assert_int_equal(fl_spellcache_builder_add(b, "iPhone", 6, FL_SC_EXACT), 0);
	assert_int_equal(fl_spellcache_builder_add(b, "r\xc3\xa9sum\xc3\xa9", 8, FL_SC_EXACT | FL_SC_CAP), 0);
	assert_int_equal(fl_spellcache_builder_add(b, "keepcase", 8, FL_SC_EXACT), 0);
	/* enough words to make the builder grow its table several times */
	for (i = 0; i < 5000; i++) {
		int n = snprintf(w, sizeof w, "w%dx", i);
		assert_int_equal(fl_spellcache_builder_add(b, w, (size_t)n, FL_SC_EXACT), 0);
	}
	assert_int_equal(fl_spellcache_builder_count(b), 5005);
	assert_int_equal(fl_spellcache_builder_lookup(b, "receive", 7), FL_SC_EXACT | FL_SC_CAP | FL_SC_UPPER);
	assert_int_equal(fl_spellcache_builder_write(b, table_path, &key, &err), 0);
	fl_spellcache_builder_free(b);
}

static void test_roundtrip(void **state)
{
	fl_spellcache *c = NULL;
	fl_sc_status why = FL_SC_MISSING;
	DIR *d;
	struct dirent *de;
	int files = 0;
	(void)state;

	write_sample();
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, &why), 0);
	assert_int_equal(why, FL_SC_OK);
	assert_int_equal(fl_spellcache_count(c), 5005);
	assert_int_equal(fl_spellcache_lookup(c, "receive", 7), FL_SC_EXACT | FL_SC_CAP | FL_SC_UPPER);
	assert_int_equal(fl_spellcache_lookup(c, "w4999x", 6), FL_SC_EXACT);
	assert_int_equal(fl_spellcache_lookup(c, "w5000x", 6), 0);
	assert_int_equal(fl_spellcache_lookup(c, "", 0), 0);

	/* case rules */
	assert_true(fl_spellcache_accepts(c, "receive", 7));
	assert_true(fl_spellcache_accepts(c, "Receive", 7));
	assert_true(fl_spellcache_accepts(c, "RECEIVE", 7));
	assert_false(fl_spellcache_accepts(c, "ReCeive", 7));
	assert_false(fl_spellcache_accepts(c, "Keepcase", 8)); /* no CAP flag */
	assert_false(fl_spellcache_accepts(c, "KEEPCASE", 8)); /* no UPPER flag */
	assert_true(fl_spellcache_accepts(c, "NASA", 4));
	assert_false(fl_spellcache_accepts(c, "nasa", 4));
	assert_true(fl_spellcache_accepts(c, "iPhone", 6));
	assert_true(fl_spellcache_accepts(c, "R\xc3\xa9sum\xc3\xa9", 8));
	assert_false(fl_spellcache_accepts(c, "recieve", 7));
	assert_false(fl_spellcache_accepts(NULL, "receive", 7));
	fl_spellcache_close(c);
	fl_spellcache_close(NULL);

	/* written atomically: no temporary file left beside the table */
	d = opendir(tmpdir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			files++;
	closedir(d);
	assert_int_equal(files, 1);
}

static int count_entry(void *payload, const char *word, size_t len, unsigned flags)
{
	size_t *n = payload;
	assert_true(len > 0);
	assert_non_null(word);
	assert_true((flags & FL_SC_EXACT) != 0);
	(*n)++;
	return 0;
}

static void test_foreach(void **state)
{
	fl_spellcache *c = NULL;
	size_t n = 0;
	(void)state;
	write_sample();
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, NULL), 0);
	assert_int_equal(fl_spellcache_foreach(c, count_entry, &n), 0);
	assert_int_equal(n, fl_spellcache_count(c));
	fl_spellcache_close(c);
}

static long file_size(const char *p)
{
	FILE *f = fopen(p, "rb");
	long n;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

static void patch_byte(const char *p, long off, unsigned char x)
{
	FILE *f = fopen(p, "r+b");
	int c;
	assert_non_null(f);
	fseek(f, off, SEEK_SET);
	c = fgetc(f);
	assert_true(c != EOF);
	fseek(f, off, SEEK_SET);
	fputc(c ^ x, f);
	fclose(f);
}

static void expect_refused(fl_sc_status want, const fl_spellcache_key *k)
{
	fl_spellcache *c = (fl_spellcache *)(uintptr_t)1;
	fl_sc_status why = FL_SC_OK;
	assert_int_equal(fl_spellcache_open(&c, table_path, k, &why), FULINT_ERR_IO);
	assert_null(c);
	assert_int_equal(why, want);
}

static void test_missing(void **state)
{
	(void)state;
	expect_refused(FL_SC_MISSING, &key);
}

static void test_truncated(void **state)
{
	long n;
	(void)state;
	write_sample();
	n = file_size(table_path);
	assert_int_equal(truncate(table_path, n - 1), 0);
	expect_refused(FL_SC_CORRUPT, &key);
	assert_int_equal(truncate(table_path, 10), 0);
	expect_refused(FL_SC_CORRUPT, &key);
	assert_int_equal(truncate(table_path, 0), 0);
	expect_refused(FL_SC_CORRUPT, &key);
}

static void test_flipped_bytes(void **state)
{
	long n, offs[4];
	size_t i;
	(void)state;
	write_sample();
	n = file_size(table_path);
	offs[0] = n - 1;     /* last byte of the string pool */
	offs[1] = n / 2;     /* somewhere in the middle */
	offs[2] = 200;       /* the bucket array */
	offs[3] = 40;        /* the key in the header */
	for (i = 0; i < FL_ARRAY_LEN(offs); i++) {
		write_sample();
		patch_byte(table_path, offs[i], 0x01);
		expect_refused(FL_SC_CORRUPT, &key);
	}
	/* the magic */
	write_sample();
	patch_byte(table_path, 0, 0x20);
	expect_refused(FL_SC_CORRUPT, &key);
}

/*
 * The verification stamp (<table>.ok): written once a table older than the
 * settle time has passed the full checksum; it lets later opens skip the
 * full read; any write to the table (new ctime) or to the stamp voids it.
 */
static void test_stamp(void **state)
{
	char stamp[320];
	struct stat sb;
	long n;
	fl_spellcache *c = NULL;
	fl_sc_status why = FL_SC_MISSING;
	FILE *f;
	(void)state;
	snprintf(stamp, sizeof stamp, "%s.ok", table_path);
	write_sample();
	/* A fresh table gets no stamp: a change in the same clock tick could hide. */
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, &why), 0);
	fl_spellcache_close(c);
	assert_int_not_equal(stat(stamp, &sb), 0);
	sleep(3);
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, &why), 0);
	fl_spellcache_close(c);
	assert_int_equal(stat(stamp, &sb), 0);
	/* Stamped: opens and answers as before. */
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, &why), 0);
	assert_true(fl_spellcache_accepts(c, "receive", 7));
	fl_spellcache_close(c);
	/* A flipped byte changes the table's ctime: the stamp no longer vouches. */
	n = file_size(table_path);
	patch_byte(table_path, n / 2, 0x01);
	expect_refused(FL_SC_CORRUPT, &key);
	/* A damaged stamp only costs the full check. */
	write_sample();
	sleep(3);
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, &why), 0);
	fl_spellcache_close(c);
	f = fopen(stamp, "r+b");
	assert_non_null(f);
	fputc('X', f);
	fclose(f);
	assert_int_equal(fl_spellcache_open(&c, table_path, &key, &why), 0);
	assert_int_equal(why, FL_SC_OK);
	fl_spellcache_close(c);
	/* Once rewritten by hand, the (valid) stamp no longer vouches either. */
	patch_byte(table_path, n - 1, 0x01);
	expect_refused(FL_SC_CORRUPT, &key);
}

static void test_wrong_version(void **state)
{
	(void)state;
	write_sample();
	patch_byte(table_path, 8, 0x40); /* the version field follows the 8-byte magic */
	expect_refused(FL_SC_VERSION, &key);
}

static void test_stale(void **state)
{
	fl_spellcache_key k = key;
	(void)state;
	write_sample();
	k.dic_mtime_ns++;
	expect_refused(FL_SC_STALE, &k);
	k = key;
	k.aff_size++;
	expect_refused(FL_SC_STALE, &k);
	k = key;
	k.extra ^= 1;
	expect_refused(FL_SC_STALE, &k);
}

static void test_unwritable(void **state)
{
	fl_spellcache_builder *b = NULL;
	fulint_error err;
	char p[400];
	(void)state;
	assert_int_equal(fl_spellcache_builder_new(&b), 0);
	assert_int_equal(fl_spellcache_builder_add(b, "a", 1, FL_SC_EXACT), 0);
	snprintf(p, sizeof p, "%s/no/such/folder/t.flt", tmpdir);
	memset(&err, 0, sizeof err);
	assert_int_equal(fl_spellcache_builder_write(b, p, &key, &err), FULINT_ERR_IO);
	assert_true(strstr(err.message, "cannot create") != NULL);
	fl_spellcache_builder_free(b);
}

static void test_hash(void **state)
{
	const char *s = "the quick brown fox jumps over the lazy dog, twice over";
	(void)state;
	assert_true(fl_spellcache_hash(s, strlen(s), 0) == fl_spellcache_hash(s, strlen(s), 0));
	assert_true(fl_spellcache_hash(s, strlen(s), 0) != fl_spellcache_hash(s, strlen(s), 1));
	assert_true(fl_spellcache_hash(s, strlen(s), 0) != fl_spellcache_hash(s, strlen(s) - 1, 0));
	assert_true(fl_spellcache_hash("ab", 2, 0) != fl_spellcache_hash("ba", 2, 0));
}

/* ---- affix expansion ---- */

typedef struct seen {
	char words[64][32];
	size_t n;
} seen;

static int collect(void *payload, const char *w, size_t len)
{
	seen *s = payload;
	size_t i;
	assert_true(len < 32);
	for (i = 0; i < s->n; i++)
		if (strlen(s->words[i]) == len && memcmp(s->words[i], w, len) == 0)
			return 0;
	assert_true(s->n < 64);
	memcpy(s->words[s->n], w, len);
	s->words[s->n][len] = '\0';
	s->n++;
	return 0;
}

static bool has(const seen *s, const char *w)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->words[i], w) == 0)
			return true;
	return false;
}

static void test_expand_tiny(void **state)
{
	seen s;
	bool utf8 = false;
	fulint_error err;
	size_t i;
	static const char *const want[] = {
		"do", "undo", "redo", "copy", "copies", "play", "plays", "tie", "tied",
		"untie", "untied", "mark", "marked", "markedly", "marks",
	};
	(void)state;
	memset(&s, 0, sizeof s);
	assert_int_equal(fl_affix_expand(FULINT_SOURCE_DIR "/tests/data/dict/tiny.aff",
	                                 FULINT_SOURCE_DIR "/tests/data/dict/tiny.dic", collect, &s, &utf8,
	                                 &err),
	                 0);
	assert_true(utf8);
	for (i = 0; i < FL_ARRAY_LEN(want); i++) {
		if (!has(&s, want[i]))
			fail_msg("expander did not propose '%s'", want[i]);
	}
	/* conditions are honoured */
	assert_false(has(&s, "copys"));
	assert_false(has(&s, "plaies"));
	assert_false(has(&s, "tieed"));
	assert_int_equal(s.n, FL_ARRAY_LEN(want));
}

static void test_expand_latin1(void **state)
{
	seen s;
	bool utf8 = true;
	fulint_error err;
	(void)state;
	memset(&s, 0, sizeof s);
	assert_int_equal(fl_affix_expand(FULINT_SOURCE_DIR "/tests/data/dict/latin1.aff",
	                                 FULINT_SOURCE_DIR "/tests/data/dict/latin1.dic", collect, &s, &utf8,
	                                 &err),
	                 0);
	assert_false(utf8);
	assert_true(has(&s, "caf\xe9"));  /* in the dictionary's encoding */
	assert_true(has(&s, "caf\xe9s"));
	assert_true(has(&s, "gar\xe7ons"));
	assert_true(has(&s, "na\xefve"));
}

static void test_expand_missing(void **state)
{
	seen s;
	fulint_error err;
	(void)state;
	memset(&s, 0, sizeof s);
	memset(&err, 0, sizeof err);
	assert_int_equal(fl_affix_expand("/nonexistent/x.aff", "/nonexistent/x.dic", collect, &s, NULL, &err),
	                 FULINT_ERR_IO);
	assert_string_equal(err.file, "/nonexistent/x.aff");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreach, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flipped_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stamp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_expand_tiny),
		cmocka_unit_test(test_expand_latin1),
		cmocka_unit_test(test_expand_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
