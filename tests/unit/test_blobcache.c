/*
 * test_blobcache.c - the content-addressed cache of parsed rule files and
 * compiled patterns (fl_blobcache), the tree encoding it stores
 * (fl_yaml_encode / fl_yaml_decode) and its two consumers (fl_yaml_parse,
 * fl_pattern_compile / fl_pattern_check) with a cache current.
 *
 * What it checks: round trips within one open and across a close; that
 * every way the file can be damaged (a flipped value, key or header byte,
 * truncation, appended bytes, an empty file, another version, bounds that
 * lie, a folder or an unreadable file in its place) gives an empty cache
 * with the documented status and is rewritten valid; that the tree
 * encoding survives every truncation and thousands of mutations without a
 * crash or an out-of-bounds read (run it in the ASan build); that cached
 * patterns match exactly what freshly compiled ones match, and that bad
 * regexes are never cached.
 *
 * The corruption tests patch the file at offsets taken from the layout
 * documented at the top of fl_blobcache.c (48-byte header, 24-byte entry
 * heads, 8-byte alignment); if that layout changes, change the FB_*
 * constants below with it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl_blobcache.h"
#include "fl_hash.h"
#include "fl_pattern.h"
#include "fl_yaml.h"

#ifndef FULINT_SOURCE_DIR
#define FULINT_SOURCE_DIR "."
#endif

/* The file layout of fl_blobcache.c (see its header comment). */
#define FB_HEADER 48u
#define FB_ENTRY_HEAD 24u
#define FB_OFF_VERSION 8u
#define FB_OFF_SIZE 16u
#define FB_OFF_COUNT 24u
#define FB_OFF_HCHECK 32u
#define FB_SEED 0x666c626c6f62ull /* "flblob", the seed of the header checksum */

#define CACHE_NAME "c.flb"

static char tmpdir[256];
static char cache_path[320];

/* ---- files ---- */

static void rm_tree(const char *path)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return;
	if (S_ISDIR(sb.st_mode)) {
		DIR *d;
		struct dirent *de;
		chmod(path, 0700);
		d = opendir(path);
		while (d != NULL && (de = readdir(d)) != NULL) {
			char p[1024];
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(p, sizeof p, "%s/%s", path, de->d_name);
			rm_tree(p);
		}
		if (d != NULL)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/fulint-test-blobcache-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(cache_path, sizeof cache_path, "%s/%s", tmpdir, CACHE_NAME);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rm_tree(tmpdir);
	return 0;
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		size_t r;
		if (n == cap) {
			unsigned char *nb;
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			assert_non_null(nb);
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	*len = n;
	return buf;
}

static void write_all(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (len > 0)
		assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static bool file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

static ino_t inode_of(const char *path)
{
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_ino;
}

/* Files in tmpdir other than the cache itself (temporaries left behind). */
static int stray_files(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	int n = 0;
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, CACHE_NAME ".", sizeof(CACHE_NAME)) == 0) {
			print_error("left behind: %s\n", de->d_name);
			n++;
		}
	}
	closedir(d);
	return n;
}

static uint32_t rd32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static uint64_t rd64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static void wr32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, sizeof v);
}

static void wr64(unsigned char *p, uint64_t v)
{
	memcpy(p, &v, sizeof v);
}

/* Recompute the header checksum, so that only the field we changed is wrong. */
static void fix_header_check(unsigned char *img)
{
	wr64(img + FB_OFF_HCHECK, fl_hash64(img, 32, FB_SEED));
}

typedef struct entry_loc {
	size_t head, key, val; /* offsets in the file */
	uint32_t kind;
	size_t key_len, val_len;
} entry_loc;

/* Walk the entries of a well-formed image; the entry whose key is `key`. */
static bool find_entry(const unsigned char *img, size_t len, uint32_t kind, const void *key, size_t key_len,
                       entry_loc *out)
{
	size_t off = FB_HEADER, i, n;
	assert_true(len >= FB_HEADER);
	n = (size_t)rd64(img + FB_OFF_COUNT);
	for (i = 0; i < n; i++) {
		entry_loc e;
		assert_true(off + FB_ENTRY_HEAD <= len);
		e.head = off;
		e.kind = rd32(img + off);
		e.key_len = rd32(img + off + 4);
		e.val_len = (size_t)rd64(img + off + 8);
		e.key = off + FB_ENTRY_HEAD;
		e.val = e.key + e.key_len;
		assert_true(e.val + e.val_len <= len);
		if (e.kind == kind && e.key_len == key_len && memcmp(img + e.key, key, key_len) == 0) {
			*out = e;
			return true;
		}
		off = (e.val + e.val_len + 7u) & ~(size_t)7u;
	}
	return false;
}

static bool contains(const unsigned char *hay, size_t hl, const char *needle, size_t nl)
{
	size_t i;
	for (i = 0; i + nl <= hl; i++)
		if (memcmp(hay + i, needle, nl) == 0)
			return true;
	return false;
}

/* The first entry of `kind` whose key contains `needle`. */
static bool find_entry_containing(const unsigned char *img, size_t len, uint32_t kind, const char *needle,
                                  entry_loc *out)
{
	size_t off = FB_HEADER, i, n = (size_t)rd64(img + FB_OFF_COUNT), nl = strlen(needle);
	for (i = 0; i < n; i++) {
		entry_loc e;
		e.head = off;
		e.kind = rd32(img + off);
		e.key_len = rd32(img + off + 4);
		e.val_len = (size_t)rd64(img + off + 8);
		e.key = off + FB_ENTRY_HEAD;
		e.val = e.key + e.key_len;
		assert_true(e.val + e.val_len <= len);
		if (e.kind == kind && e.key_len >= nl && contains(img + e.key, e.key_len, needle, nl)) {
			*out = e;
			return true;
		}
		off = (e.val + e.val_len + 7u) & ~(size_t)7u;
	}
	return false;
}

static const char *status_name(fl_blob_status s)
{
	switch (s) {
	case FL_BLOB_OK:
		return "OK";
	case FL_BLOB_MISSING:
		return "MISSING";
	case FL_BLOB_CORRUPT:
		return "CORRUPT";
	case FL_BLOB_VERSION:
		return "VERSION";
	}
	return "?";
}

/* ---- the sample cache ---- */

typedef struct sample {
	unsigned kind;
	const char *key;
	size_t key_len;
	const char *val;
	size_t val_len;
} sample;

static unsigned char bin_val[300];

static const sample samples[] = {
	{ FL_BLOB_YAML, "extends: existence\n", 19, "VALUE-ONE: the parsed tree of a rule file", 41 },
	{ FL_BLOB_PATTERN, "re1:00000000:a+b", 16, "VALUE-TWO: serialised code", 26 },
	{ FL_BLOB_YAML, "key\0with\0nuls", 13, "VALUE-THREE", 11 },
	{ FL_BLOB_YAML, "prefix-key-1", 12, "VALUE-FOUR-first", 16 },
	{ FL_BLOB_YAML, "prefix-key-2", 12, "VALUE-FIVE-second", 17 },
	{ FL_BLOB_PATTERN, "empty-value", 11, "", 0 },
};
#define BIN_KEY "binary-value"

static void init_bin_val(void)
{
	size_t i;
	for (i = 0; i < sizeof bin_val; i++)
		bin_val[i] = (unsigned char)(i * 7u + 3u);
}

static void put_samples(fl_blobcache *c)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(samples); i++)
		assert_int_equal(fl_blobcache_put(c, samples[i].kind, samples[i].key, samples[i].key_len,
		                                  samples[i].val, samples[i].val_len),
		                 0);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, BIN_KEY, strlen(BIN_KEY), bin_val, sizeof bin_val), 0);
}

/* Every sample is present and byte-identical. */
static void expect_samples(fl_blobcache *c)
{
	size_t i, vl;
	const void *v;
	for (i = 0; i < FL_ARRAY_LEN(samples); i++) {
		vl = 12345;
		v = fl_blobcache_get(c, samples[i].kind, samples[i].key, samples[i].key_len, &vl);
		if (v == NULL)
			fail_msg("sample %zu not found (status %s)", i, status_name(fl_blobcache_status(c)));
		assert_int_equal(vl, samples[i].val_len);
		if (vl > 0)
			assert_memory_equal(v, samples[i].val, vl);
	}
	vl = 0;
	v = fl_blobcache_get(c, FL_BLOB_YAML, BIN_KEY, strlen(BIN_KEY), &vl);
	assert_non_null(v);
	assert_int_equal(vl, sizeof bin_val);
	assert_memory_equal(v, bin_val, sizeof bin_val);
}

/* No sample is present. */
static void expect_no_samples(fl_blobcache *c)
{
	size_t i, vl = 0;
	for (i = 0; i < FL_ARRAY_LEN(samples); i++)
		if (fl_blobcache_get(c, samples[i].kind, samples[i].key, samples[i].key_len, &vl) != NULL)
			fail_msg("sample %zu still served from a refused file", i);
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, BIN_KEY, strlen(BIN_KEY), &vl));
}

/* A fresh, valid cache file holding the samples. */
static void write_sample_file(void)
{
	fl_blobcache *c;
	unlink(cache_path);
	init_bin_val();
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	put_samples(c);
	fl_blobcache_close(c);
	assert_true(file_exists(cache_path));
}

/* ---- round trips ---- */

static void test_roundtrip(void **state)
{
	fl_blobcache *c;
	size_t vl;
	const void *v;
	ino_t ino;
	unsigned char *img1, *img2;
	size_t len1, len2;
	(void)state;
	init_bin_val();

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_MISSING);
	vl = 0;
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, samples[0].key, samples[0].key_len, &vl));
	put_samples(c);
	/* within the same open */
	expect_samples(c);
	assert_false(file_exists(cache_path)); /* written at close, not before */
	fl_blobcache_close(c);
	assert_true(file_exists(cache_path));
	assert_int_equal(stray_files(), 0);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	expect_samples(c);
	/* other keys, other kinds, near misses */
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "extends: existence\n", 18, &vl));  /* shorter */
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "extends: existence\n\n", 20, &vl)); /* longer */
	assert_null(fl_blobcache_get(c, FL_BLOB_PATTERN, samples[0].key, samples[0].key_len, &vl)); /* kind */
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, samples[1].key, samples[1].key_len, &vl));
	assert_null(fl_blobcache_get(c, 99, samples[0].key, samples[0].key_len, &vl));
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "prefix-key-3", 12, &vl));
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "key\0with\0nulz", 13, &vl));
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "", 0, &vl));
	/* keys differing only in their last byte are distinct */
	v = fl_blobcache_get(c, FL_BLOB_YAML, "prefix-key-1", 12, &vl);
	assert_non_null(v);
	assert_memory_equal(v, "VALUE-FOUR-first", 16);
	v = fl_blobcache_get(c, FL_BLOB_YAML, "prefix-key-2", 12, &vl);
	assert_non_null(v);
	assert_memory_equal(v, "VALUE-FIVE-second", 17);
	ino = inode_of(cache_path);
	img1 = read_all(cache_path, &len1);
	assert_non_null(img1);
	fl_blobcache_close(c);

	/* only reading: the file is left alone */
	assert_true(inode_of(cache_path) == ino);
	img2 = read_all(cache_path, &len2);
	assert_non_null(img2);
	assert_int_equal(len1, len2);
	assert_memory_equal(img1, img2, len1);
	free(img1);
	free(img2);
	assert_int_equal(len1 % 8u, 0);

	/* a new entry in a later session keeps the old ones */
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "later", 5, "LATER", 5), 0);
	fl_blobcache_close(c);
	assert_int_equal(stray_files(), 0);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	expect_samples(c);
	v = fl_blobcache_get(c, FL_BLOB_YAML, "later", 5, &vl);
	assert_non_null(v);
	assert_int_equal(vl, 5);
	assert_memory_equal(v, "LATER", 5);
	fl_blobcache_close(c);
}

static void test_many_entries(void **state)
{
	fl_blobcache *c;
	char k[64], val[64];
	size_t vl;
	int i;
	(void)state;
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	for (i = 0; i < 5000; i++) {
		int kn = snprintf(k, sizeof k, "key-%d", i);
		int vn = snprintf(val, sizeof val, "value-%d-%.*s", i, i % 23, "xxxxxxxxxxxxxxxxxxxxxxxxx");
		assert_int_equal(fl_blobcache_put(c, (unsigned)(1 + i % 2), k, (size_t)kn, val, (size_t)vn), 0);
	}
	fl_blobcache_close(c);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	for (i = 4999; i >= 0; i--) {
		int kn = snprintf(k, sizeof k, "key-%d", i);
		int vn = snprintf(val, sizeof val, "value-%d-%.*s", i, i % 23, "xxxxxxxxxxxxxxxxxxxxxxxxx");
		const void *v = fl_blobcache_get(c, (unsigned)(1 + i % 2), k, (size_t)kn, &vl);
		if (v == NULL)
			fail_msg("entry %d lost", i);
		assert_int_equal(vl, (size_t)vn);
		assert_memory_equal(v, val, vl);
		assert_null(fl_blobcache_get(c, (unsigned)(2 - i % 2), k, (size_t)kn, &vl));
	}
	fl_blobcache_close(c);
}

static void test_size_cap(void **state)
{
	fl_blobcache *c;
	size_t big = (size_t)6 << 20, vl, found = 0, len;
	unsigned char *v = malloc(FL_BLOBCACHE_MAX_BYTES + 1);
	unsigned char *img;
	char k[16];
	int i;
	(void)state;
	assert_non_null(v);
	memset(v, 'v', FL_BLOBCACHE_MAX_BYTES + 1);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	/* larger than the whole file may be: not kept, not an error */
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "huge", 4, v, FL_BLOBCACHE_MAX_BYTES + 1), 0);
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "huge", 4, &vl));
	/* three 6 MiB values: only two fit in the 16 MiB file */
	for (i = 0; i < 3; i++) {
		snprintf(k, sizeof k, "big-%d", i);
		v[0] = (unsigned char)('0' + i);
		assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, k, strlen(k), v, big), 0);
	}
	fl_blobcache_close(c);
	img = read_all(cache_path, &len);
	assert_non_null(img);
	free(img);
	assert_true(len <= FL_BLOBCACHE_MAX_BYTES);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	for (i = 0; i < 3; i++) {
		const unsigned char *g;
		snprintf(k, sizeof k, "big-%d", i);
		g = fl_blobcache_get(c, FL_BLOB_YAML, k, strlen(k), &vl);
		if (g != NULL) {
			assert_int_equal(vl, big);
			assert_int_equal(g[0], '0' + i);
			assert_int_equal(g[big - 1], 'v');
			found++;
		}
	}
	assert_int_equal(found, 2);
	fl_blobcache_close(c);
	free(v);
}

/* A writer replacing the file while another open still has it mapped. */
static void test_replaced_while_open(void **state)
{
	fl_blobcache *a, *b;
	size_t vl;
	(void)state;
	write_sample_file();
	a = fl_blobcache_open(tmpdir, CACHE_NAME);
	b = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(a), FL_BLOB_OK);
	assert_int_equal(fl_blobcache_status(b), FL_BLOB_OK);
	assert_int_equal(fl_blobcache_put(b, FL_BLOB_YAML, "from-b", 6, "B", 1), 0);
	fl_blobcache_close(b);
	/* a still reads its own (old) file */
	expect_samples(a);
	assert_null(fl_blobcache_get(a, FL_BLOB_YAML, "from-b", 6, &vl));
	assert_int_equal(fl_blobcache_put(a, FL_BLOB_YAML, "from-a", 6, "A", 1), 0);
	fl_blobcache_close(a);
	/* the last writer wins; the file is valid either way */
	a = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(a), FL_BLOB_OK);
	expect_samples(a);
	assert_non_null(fl_blobcache_get(a, FL_BLOB_YAML, "from-a", 6, &vl));
	fl_blobcache_close(a);
	assert_int_equal(stray_files(), 0);
}

/* ---- corruption ---- */

/* A flipped byte in one stored value: found when that value is asked for. */
static void test_corrupt_value(void **state)
{
	fl_blobcache *c;
	unsigned char *img;
	size_t len, vl;
	entry_loc e;
	const void *early;
	ino_t ino;
	(void)state;

	write_sample_file();
	img = read_all(cache_path, &len);
	assert_non_null(img);
	assert_true(find_entry(img, len, FL_BLOB_PATTERN, samples[1].key, samples[1].key_len, &e));
	assert_int_equal(e.val_len, samples[1].val_len);
	img[e.val + e.val_len / 2] ^= 0x01;
	write_all(cache_path, img, len);
	ino = inode_of(cache_path);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	/* a good entry asked for first is served... */
	early = fl_blobcache_get(c, samples[0].kind, samples[0].key, samples[0].key_len, &vl);
	assert_non_null(early);
	assert_int_equal(vl, samples[0].val_len);
	/* ...the damaged one is not, and from then on nothing of the file is */
	assert_null(fl_blobcache_get(c, samples[1].kind, samples[1].key, samples[1].key_len, &vl));
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_CORRUPT);
	expect_no_samples(c);
	/* a value handed out before the check failed stays readable until close */
	assert_memory_equal(early, samples[0].val, samples[0].val_len);
	/* this session puts two entries again */
	assert_int_equal(fl_blobcache_put(c, samples[0].kind, samples[0].key, samples[0].key_len, samples[0].val,
	                                  samples[0].val_len),
	                 0);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "new", 3, "NEW", 3), 0);
	fl_blobcache_close(c);
	assert_true(inode_of(cache_path) != ino); /* rewritten */
	assert_int_equal(stray_files(), 0);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	assert_null(fl_blobcache_get(c, samples[1].kind, samples[1].key, samples[1].key_len, &vl));
	assert_null(fl_blobcache_get(c, samples[3].kind, samples[3].key, samples[3].key_len, &vl));
	assert_non_null(fl_blobcache_get(c, samples[0].kind, samples[0].key, samples[0].key_len, &vl));
	assert_int_equal(vl, samples[0].val_len);
	assert_non_null(fl_blobcache_get(c, FL_BLOB_YAML, "new", 3, &vl));
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	fl_blobcache_close(c);
	free(img);
}

/*
 * A flipped value byte that is never asked for: the session adds an entry,
 * so the file is rewritten, and the rewrite must not copy the bad entry.
 */
static void test_corrupt_value_unused(void **state)
{
	fl_blobcache *c;
	unsigned char *img, *img2;
	size_t len, len2, vl, i;
	entry_loc e;
	(void)state;

	write_sample_file();
	img = read_all(cache_path, &len);
	assert_non_null(img);
	assert_true(find_entry(img, len, FL_BLOB_YAML, BIN_KEY, strlen(BIN_KEY), &e));
	img[e.val + 100] ^= 0x80;
	write_all(cache_path, img, len);
	free(img);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK); /* checksums are checked lazily */
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "new", 3, "NEW", 3), 0);
	fl_blobcache_close(c);

	img2 = read_all(cache_path, &len2);
	assert_non_null(img2);
	assert_false(find_entry(img2, len2, FL_BLOB_YAML, BIN_KEY, strlen(BIN_KEY), &e));
	free(img2);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	for (i = 0; i < FL_ARRAY_LEN(samples); i++)
		assert_non_null(fl_blobcache_get(c, samples[i].kind, samples[i].key, samples[i].key_len, &vl));
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, BIN_KEY, strlen(BIN_KEY), &vl));
	assert_non_null(fl_blobcache_get(c, FL_BLOB_YAML, "new", 3, &vl));
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	fl_blobcache_close(c);
}

/* Entry heads: the checksum covers kind and lengths, the bounds check the rest. */
static void test_corrupt_entry_head(void **state)
{
	fl_blobcache *c;
	unsigned char *img;
	size_t len, vl;
	entry_loc e;
	(void)state;

	/* the kind of entry 0 changed to the other kind */
	write_sample_file();
	img = read_all(cache_path, &len);
	assert_true(find_entry(img, len, FL_BLOB_YAML, samples[0].key, samples[0].key_len, &e));
	wr32(img + e.head, FL_BLOB_PATTERN);
	write_all(cache_path, img, len);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, samples[0].key, samples[0].key_len, &vl));
	assert_null(fl_blobcache_get(c, FL_BLOB_PATTERN, samples[0].key, samples[0].key_len, &vl));
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_CORRUPT);
	fl_blobcache_close(c);
	free(img);

	/* a flipped key byte: the entry is simply not found, and not copied on */
	write_sample_file();
	img = read_all(cache_path, &len);
	assert_true(find_entry(img, len, FL_BLOB_YAML, samples[3].key, samples[3].key_len, &e));
	img[e.key + 2] ^= 0x20;
	write_all(cache_path, img, len);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, samples[3].key, samples[3].key_len, &vl));
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "prEfix-key-1", 12, &vl));
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "new", 3, "NEW", 3), 0);
	fl_blobcache_close(c);
	free(img);
	img = read_all(cache_path, &len);
	assert_false(find_entry(img, len, FL_BLOB_YAML, "prEfix-key-1", 12, &e));
	assert_true(find_entry(img, len, FL_BLOB_YAML, "new", 3, &e));
	free(img);

	/* lengths that run past the end (overflow bait), with an otherwise valid header */
	{
		static const uint64_t bad_val_lens[] = { UINT64_MAX, UINT64_MAX - 7u, (uint64_t)1 << 63, 1u << 20 };
		size_t i;
		for (i = 0; i < FL_ARRAY_LEN(bad_val_lens); i++) {
			write_sample_file();
			img = read_all(cache_path, &len);
			wr64(img + FB_HEADER + 8, bad_val_lens[i]);
			write_all(cache_path, img, len);
			c = fl_blobcache_open(tmpdir, CACHE_NAME);
			assert_int_equal(fl_blobcache_status(c), FL_BLOB_CORRUPT);
			expect_no_samples(c);
			fl_blobcache_close(c);
			free(img);
		}
		write_sample_file();
		img = read_all(cache_path, &len);
		wr32(img + FB_HEADER + 4, UINT32_MAX);
		write_all(cache_path, img, len);
		c = fl_blobcache_open(tmpdir, CACHE_NAME);
		assert_int_equal(fl_blobcache_status(c), FL_BLOB_CORRUPT);
		expect_no_samples(c);
		fl_blobcache_close(c);
		free(img);
	}
}

/*
 * Open a damaged file: it must be refused whole with a status in `ok_mask`
 * (bits 1 << FL_BLOB_*), give no sample, accept a new entry, and be
 * rewritten valid at close.
 */
static void expect_refused_and_rewritten(const char *what, unsigned ok_mask)
{
	fl_blobcache *c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blob_status st;
	size_t vl;
	const void *v;
	assert_non_null(c);
	st = fl_blobcache_status(c);
	if (((1u << st) & ok_mask) == 0)
		fail_msg("%s: status %s", what, status_name(st));
	expect_no_samples(c);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "fresh", 5, "FRESH", 5), 0);
	v = fl_blobcache_get(c, FL_BLOB_YAML, "fresh", 5, &vl);
	assert_non_null(v);
	fl_blobcache_close(c);
	assert_int_equal(stray_files(), 0);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	if (fl_blobcache_status(c) != FL_BLOB_OK)
		fail_msg("%s: not rewritten valid (status %s)", what, status_name(fl_blobcache_status(c)));
	v = fl_blobcache_get(c, FL_BLOB_YAML, "fresh", 5, &vl);
	assert_non_null(v);
	assert_int_equal(vl, 5);
	assert_memory_equal(v, "FRESH", 5);
	expect_no_samples(c);
	fl_blobcache_close(c);
}

#define CORRUPT_ONLY (1u << FL_BLOB_CORRUPT)
#define CORRUPT_OR_VERSION ((1u << FL_BLOB_CORRUPT) | (1u << FL_BLOB_VERSION))

static void test_damaged_header(void **state)
{
	unsigned char *img;
	size_t len, i;
	char what[64];
	(void)state;

	/* every checked header byte: magic, version, byte order, size, count, checksum */
	for (i = 0; i < 40; i++) {
		write_sample_file();
		img = read_all(cache_path, &len);
		img[i] ^= 0x01;
		write_all(cache_path, img, len);
		free(img);
		snprintf(what, sizeof what, "header byte %zu flipped", i);
		expect_refused_and_rewritten(what, i >= 8 && i < 12 ? CORRUPT_OR_VERSION : CORRUPT_ONLY);
	}

	/* another version, with a header checksum that matches it */
	write_sample_file();
	img = read_all(cache_path, &len);
	assert_int_equal(rd32(img + FB_OFF_VERSION), FL_BLOBCACHE_VERSION);
	wr32(img + FB_OFF_VERSION, FL_BLOBCACHE_VERSION + 1u);
	fix_header_check(img);
	write_all(cache_path, img, len);
	free(img);
	expect_refused_and_rewritten("version + 1", 1u << FL_BLOB_VERSION);

	write_sample_file();
	img = read_all(cache_path, &len);
	wr32(img + FB_OFF_VERSION, 0);
	fix_header_check(img);
	write_all(cache_path, img, len);
	free(img);
	expect_refused_and_rewritten("version 0", 1u << FL_BLOB_VERSION);

	/* another version without fixing the checksum: refused either way */
	write_sample_file();
	img = read_all(cache_path, &len);
	wr32(img + FB_OFF_VERSION, 7);
	write_all(cache_path, img, len);
	free(img);
	expect_refused_and_rewritten("version 7, stale header checksum", CORRUPT_OR_VERSION);

	/* size and count fields that lie, under a valid header checksum */
	{
		static const int64_t size_delta[] = { -8, 8, -1, 1 };
		static const int64_t count_delta[] = { -1, 1, 1000 };
		for (i = 0; i < FL_ARRAY_LEN(size_delta); i++) {
			write_sample_file();
			img = read_all(cache_path, &len);
			wr64(img + FB_OFF_SIZE, (uint64_t)((int64_t)rd64(img + FB_OFF_SIZE) + size_delta[i]));
			fix_header_check(img);
			write_all(cache_path, img, len);
			free(img);
			expect_refused_and_rewritten("size field off", CORRUPT_ONLY);
		}
		for (i = 0; i < FL_ARRAY_LEN(count_delta); i++) {
			write_sample_file();
			img = read_all(cache_path, &len);
			wr64(img + FB_OFF_COUNT, (uint64_t)((int64_t)rd64(img + FB_OFF_COUNT) + count_delta[i]));
			fix_header_check(img);
			write_all(cache_path, img, len);
			free(img);
			expect_refused_and_rewritten("count field off", CORRUPT_ONLY);
		}
		write_sample_file();
		img = read_all(cache_path, &len);
		wr64(img + FB_OFF_COUNT, UINT64_MAX);
		fix_header_check(img);
		write_all(cache_path, img, len);
		free(img);
		expect_refused_and_rewritten("count field huge", CORRUPT_ONLY);
	}
}

static void test_damaged_length(void **state)
{
	unsigned char *img;
	size_t len, i;
	static const size_t cut[] = { 1, 3, 8, 24 };
	static const size_t keep[] = { 0, 1, 47, 48, 49, 72 };
	char what[64];
	(void)state;

	for (i = 0; i < FL_ARRAY_LEN(cut); i++) {
		write_sample_file();
		img = read_all(cache_path, &len);
		write_all(cache_path, img, len - cut[i]);
		free(img);
		snprintf(what, sizeof what, "truncated by %zu", cut[i]);
		expect_refused_and_rewritten(what, CORRUPT_ONLY);
	}
	for (i = 0; i < FL_ARRAY_LEN(keep); i++) {
		write_sample_file();
		img = read_all(cache_path, &len);
		write_all(cache_path, img, keep[i]);
		free(img);
		snprintf(what, sizeof what, "truncated to %zu", keep[i]);
		expect_refused_and_rewritten(what, CORRUPT_ONLY); /* an empty file is a bad header too */
	}
	/* garbage appended: one byte, and a whole aligned entry head's worth */
	{
		static const size_t extra[] = { 1, 8, 24, 4096 };
		for (i = 0; i < FL_ARRAY_LEN(extra); i++) {
			unsigned char *big;
			write_sample_file();
			img = read_all(cache_path, &len);
			big = malloc(len + extra[i]);
			assert_non_null(big);
			memcpy(big, img, len);
			memset(big + len, 0xA5, extra[i]);
			write_all(cache_path, big, len + extra[i]);
			free(big);
			free(img);
			snprintf(what, sizeof what, "%zu bytes appended", extra[i]);
			expect_refused_and_rewritten(what, CORRUPT_ONLY);
		}
	}
	/* not a cache file at all */
	write_all(cache_path, "hello, world\n", 13);
	expect_refused_and_rewritten("a text file", CORRUPT_ONLY);
}

/* A refused file with nothing new to add is still replaced (by an empty, valid one). */
static void test_damaged_nothing_to_add(void **state)
{
	fl_blobcache *c;
	unsigned char *img;
	size_t len;
	(void)state;
	write_sample_file();
	img = read_all(cache_path, &len);
	write_all(cache_path, img, len - 3);
	free(img);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_CORRUPT);
	fl_blobcache_close(c);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_true(fl_blobcache_status(c) == FL_BLOB_OK || fl_blobcache_status(c) == FL_BLOB_MISSING);
	expect_no_samples(c);
	fl_blobcache_close(c);
}

/* Something other than a readable regular file where the cache should be. */
static void test_not_a_file(void **state)
{
	fl_blobcache *c;
	size_t vl;
	char sub[400];
	(void)state;

	/* a folder in its place: an empty cache; the folder survives; nothing left behind */
	assert_int_equal(mkdir(cache_path, 0755), 0);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	assert_true(fl_blobcache_status(c) == FL_BLOB_MISSING || fl_blobcache_status(c) == FL_BLOB_CORRUPT);
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "x", 1, &vl));
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "x", 1, "X", 1), 0);
	assert_non_null(fl_blobcache_get(c, FL_BLOB_YAML, "x", 1, &vl));
	fl_blobcache_close(c);
	{
		struct stat sb;
		assert_int_equal(stat(cache_path, &sb), 0);
		assert_true(S_ISDIR(sb.st_mode));
	}
	assert_int_equal(stray_files(), 0);
	rmdir(cache_path);

	/* unreadable (only meaningful when not root: root reads anyway) */
	if (geteuid() != 0) {
		write_sample_file();
		assert_int_equal(chmod(cache_path, 0), 0);
		c = fl_blobcache_open(tmpdir, CACHE_NAME);
		assert_non_null(c);
		assert_int_equal(fl_blobcache_status(c), FL_BLOB_MISSING);
		expect_no_samples(c);
		assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "x", 1, "X", 1), 0);
		fl_blobcache_close(c);
		c = fl_blobcache_open(tmpdir, CACHE_NAME);
		assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
		assert_non_null(fl_blobcache_get(c, FL_BLOB_YAML, "x", 1, &vl));
		fl_blobcache_close(c);
	} else {
		print_message("(running as root: the unreadable-file case is skipped)\n");
	}

	/* a folder that does not exist yet is made at close */
	snprintf(sub, sizeof sub, "%s/a/b/fulint", tmpdir);
	c = fl_blobcache_open(sub, CACHE_NAME);
	assert_non_null(c);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_MISSING);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "x", 1, "X", 1), 0);
	fl_blobcache_close(c);
	c = fl_blobcache_open(sub, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	assert_non_null(fl_blobcache_get(c, FL_BLOB_YAML, "x", 1, &vl));
	fl_blobcache_close(c);

	/* a folder that cannot be made (a file is in the way): no error, no crash */
	snprintf(sub, sizeof sub, "%s/plainfile", tmpdir);
	write_all(sub, "x", 1);
	snprintf(sub, sizeof sub, "%s/plainfile/fulint", tmpdir);
	c = fl_blobcache_open(sub, CACHE_NAME);
	assert_non_null(c);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, "x", 1, "X", 1), 0);
	fl_blobcache_close(c);
}

static void test_null_arguments(void **state)
{
	fl_blobcache *c, *prev;
	size_t vl = 77;
	(void)state;
	assert_null(fl_blobcache_open(NULL, CACHE_NAME));
	assert_null(fl_blobcache_open("", CACHE_NAME));
	assert_null(fl_blobcache_get(NULL, FL_BLOB_YAML, "k", 1, &vl));
	assert_int_equal(vl, 77);
	assert_int_equal(fl_blobcache_put(NULL, FL_BLOB_YAML, "k", 1, "v", 1), 0);
	assert_int_equal(fl_blobcache_status(NULL), FL_BLOB_MISSING);
	fl_blobcache_close(NULL);

	/* the thread's current cache */
	assert_null(fl_blobcache_current());
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_non_null(c);
	prev = fl_blobcache_set_current(c);
	assert_null(prev);
	assert_ptr_equal(fl_blobcache_current(), c);
	assert_ptr_equal(fl_blobcache_set_current(NULL), c);
	assert_null(fl_blobcache_current());
	fl_blobcache_close(c);
	/* nothing was put: a missing file is still written (it was missing) or not; either way valid */
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_true(fl_blobcache_status(c) == FL_BLOB_OK || fl_blobcache_status(c) == FL_BLOB_MISSING);
	fl_blobcache_close(c);
}

/* ---- fl_yaml_encode / fl_yaml_decode ---- */

static void same_tree(const fl_node *a, const fl_node *b, const char *where, const char *path)
{
	size_t i;
	char sub[256];
	if (a == NULL || b == NULL) {
		if (a != b)
			fail_msg("%s %s: one tree is NULL", where, path);
		return;
	}
	if (a->type != b->type || a->quoted != b->quoted || a->line != b->line || a->column != b->column)
		fail_msg("%s %s: type %d/%d quoted %d/%d at %u:%u / %u:%u", where, path, (int)a->type, (int)b->type,
		         a->quoted, b->quoted, a->line, a->column, b->line, b->column);
	if (a->type == FL_NODE_SCALAR) {
		if (a->value_len != b->value_len || memcmp(a->value, b->value, a->value_len) != 0)
			fail_msg("%s %s: value differs ('%s' / '%s')", where, path, a->value, b->value);
		assert_int_equal(b->value[b->value_len], '\0');
		assert_int_equal(strlen(b->value), b->value_len);
		return;
	}
	if (a->n_items != b->n_items)
		fail_msg("%s %s: %zu / %zu items", where, path, a->n_items, b->n_items);
	for (i = 0; i < a->n_items; i++) {
		snprintf(sub, sizeof sub, "%s/%zu", path, i);
		same_tree(a->items[i], b->items[i], where, sub);
	}
}

static size_t tree_nodes(const fl_node *n)
{
	size_t i, k = 1;
	for (i = 0; n->type != FL_NODE_SCALAR && i < n->n_items; i++)
		k += tree_nodes(n->items[i]);
	return k;
}

/* Parse, encode, decode, compare; encode the decoded tree again: same bytes. */
static void roundtrip_yaml(const char *name, const char *text, size_t len)
{
	fl_node *root = NULL, *back = NULL;
	fl_buf enc = FL_BUF_INIT, enc2 = FL_BUF_INIT;
	fulint_error err;
	memset(&err, 0, sizeof err);
	if (fl_yaml_parse(&root, name, text, len, FULINT_ERR_RULE, &err) != 0)
		fail_msg("%s: %s:%u:%u: %s", name, err.file, err.line, err.column, err.message);
	assert_non_null(root);
	assert_int_equal(fl_yaml_encode(root, &enc), 0);
	assert_true(enc.len >= 24u + 16u * tree_nodes(root));
	assert_int_equal(fl_yaml_decode(&back, enc.data, enc.len), 0);
	assert_non_null(back);
	same_tree(root, back, name, "");
	assert_int_equal(fl_yaml_encode(back, &enc2), 0);
	assert_int_equal(enc.len, enc2.len);
	assert_memory_equal(enc.data, enc2.data, enc.len);
	/* the lookups work on a decoded tree as on a parsed one */
	if (root->type == FL_NODE_MAP && fl_yaml_map_size(root) > 0) {
		const fl_node *k = fl_yaml_map_key(back, 0);
		assert_non_null(k);
		assert_ptr_equal(fl_yaml_get(back, k->value), fl_yaml_map_value(back, 0));
	}
	fl_yaml_free(back);
	fl_yaml_free(root);
	fl_buf_dispose(&enc);
	fl_buf_dispose(&enc2);
}

static const char *const yaml_docs[] = {
	"# a comment\n"
	"extends: existence\n"
	"message: \"Avoid '%s'.\"\n"
	"level: warning\n"
	"tokens:\n"
	"  - alpha\n"
	"  - 'beta gamma'\n"
	"  - \"r\xc3\xa9sum\xc3\xa9 \xf0\x9f\x91\x8b\"\n"
	"empty:\n"
	"tilde: ~\n"
	"quoted_empty: ''\n"
	"tagged: !!str 5\n"
	"flow: [a, \"b\", 'c', {x: 1, y: [2, 3]}]\n"
	"block: |\n"
	"  two\n"
	"  lines\n"
	"folded: >-\n"
	"  one\n"
	"  line\n"
	"nested:\n"
	"  a:\n"
	"    b: [c, d]\n"
	"  e: {}\n"
	"  f: []\n",
	"just one scalar\n",
	"'a quoted root'\n",
	"- a\n- b\n- - c\n  - d\n- {k: v}\n",
	"a: {b: {c: {d: {e: {f: {g: [h, i]}}}}}}\n", /* eight levels, the most allowed */
	"key: value\r\nother: \"x\\ty\"\r\nlist:\r\n  - 1\r\n  - 2\r\n",
	"swap:\n  '(?:foo|bar)': baz\n  \"x\\\\y\": 'it''s'\n  'a|b': c\n",
};

static char *read_text(const char *path, size_t *len)
{
	return (char *)read_all(path, len);
}

static void test_yaml_roundtrip(void **state)
{
	size_t i, len, n_files = 0;
	char path[600];
	DIR *d;
	struct dirent *de;
	char *big;
	(void)state;

	for (i = 0; i < FL_ARRAY_LEN(yaml_docs); i++) {
		char name[32];
		snprintf(name, sizeof name, "doc%zu.yml", i);
		roundtrip_yaml(name, yaml_docs[i], strlen(yaml_docs[i]));
	}
	/* a long scalar */
	big = malloc(80010);
	assert_non_null(big);
	memcpy(big, "k: ", 3);
	memset(big + 3, 'x', 80000);
	memcpy(big + 80003, "\nj: y\n", 7);
	roundtrip_yaml("big.yml", big, strlen(big));
	free(big);

	/* every shipped rule file */
	d = opendir(FULINT_SOURCE_DIR "/rules/FollowUp");
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		char *text;
		size_t nl = strlen(de->d_name);
		if (nl < 5 || strcmp(de->d_name + nl - 4, ".yml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/rules/FollowUp/%s", FULINT_SOURCE_DIR, de->d_name);
		text = read_text(path, &len);
		assert_non_null(text);
		roundtrip_yaml(path, text, len);
		free(text);
		n_files++;
	}
	closedir(d);
	assert_true(n_files >= 10);

	/* what cannot be encoded */
	{
		fl_buf b = FL_BUF_INIT;
		fl_node *out = (fl_node *)1;
		assert_true(fl_yaml_encode(NULL, &b) < 0);
		fl_buf_dispose(&b);
		assert_true(fl_yaml_decode(&out, "", 0) < 0);
		assert_null(out);
	}
}

/* Touch every byte of a decoded tree (ASan checks the reads), then free it. */
static size_t walk(const fl_node *n, unsigned depth)
{
	size_t i, k = 1;
	assert_true(depth <= FL_YAML_MAX_DEPTH + 1);
	switch (n->type) {
	case FL_NODE_SCALAR:
		assert_non_null(n->value);
		assert_int_equal(strlen(n->value), n->value_len);
		return 1;
	case FL_NODE_SEQ:
	case FL_NODE_MAP:
		if (n->type == FL_NODE_MAP)
			assert_int_equal(n->n_items % 2, 0);
		for (i = 0; i < n->n_items; i++) {
			assert_non_null(n->items[i]);
			if (n->type == FL_NODE_MAP && i % 2 == 0)
				assert_int_equal(n->items[i]->type, FL_NODE_SCALAR);
			k += walk(n->items[i], depth + 1);
		}
		/* and the lookups */
		(void)fl_yaml_get(n, "extends");
		(void)fl_yaml_map_size(n);
		return k;
	}
	fail_msg("decoded node of type %d", (int)n->type);
	return 0;
}

/* Decode a private, exactly sized copy (so ASan sees any read past the end). */
static int decode_copy(const unsigned char *data, size_t len, size_t *accepted)
{
	unsigned char *copy = malloc(len ? len : 1);
	fl_node *out = (fl_node *)1;
	int rc;
	assert_non_null(copy);
	if (len > 0)
		memcpy(copy, data, len);
	rc = fl_yaml_decode(&out, copy, len);
	if (rc == 0) {
		assert_non_null(out);
		walk(out, 0);
		fl_yaml_free(out);
		(*accepted)++;
	} else {
		assert_true(rc < 0);
		assert_null(out);
	}
	free(copy);
	return rc;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rng(void)
{
	/* xorshift64*: deterministic, so a failure can be replayed */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}

static void fuzz_encoding(const char *name, const char *text, size_t tlen)
{
	fl_node *root = NULL;
	fl_buf enc = FL_BUF_INIT;
	fulint_error err;
	unsigned char *m;
	size_t len, i, accepted = 0, tried = 0;
	static const uint32_t edge32[] = { 0, 1, 2, 3, 0x7fffffffu, 0x80000000u, 0xffffffffu, 0xfffffff0u, 16, 24 };

	assert_int_equal(fl_yaml_parse(&root, name, text, tlen, FULINT_ERR_RULE, &err), 0);
	assert_int_equal(fl_yaml_encode(root, &enc), 0);
	fl_yaml_free(root);
	len = enc.len;
	m = malloc(len);
	assert_non_null(m);

	/* every truncation fails */
	for (i = 0; i < len; i++) {
		size_t before = accepted;
		assert_true(decode_copy((const unsigned char *)enc.data, i, &accepted) < 0);
		assert_int_equal(accepted, before);
	}
	/* the whole encoding decodes */
	assert_int_equal(decode_copy((const unsigned char *)enc.data, len, &accepted), 0);

	/* every byte inverted */
	for (i = 0; i < len; i++) {
		memcpy(m, enc.data, len);
		m[i] ^= 0xFF;
		(void)decode_copy(m, len, &accepted);
		tried++;
	}
	/* every aligned 32-bit field set to edge values (counts, lengths, types) */
	for (i = 0; i + 4 <= len; i += 4) {
		size_t j;
		for (j = 0; j < FL_ARRAY_LEN(edge32); j++) {
			memcpy(m, enc.data, len);
			wr32(m + i, edge32[j]);
			(void)decode_copy(m, len, &accepted);
			tried++;
		}
		memcpy(m, enc.data, len);
		wr32(m + i, (uint32_t)len);
		(void)decode_copy(m, len, &accepted);
		tried++;
	}
	/* the 64-bit head counts set to values near the real ones */
	for (i = 8; i < 24; i += 8) {
		int64_t delta;
		for (delta = -3; delta <= 3; delta++) {
			memcpy(m, enc.data, len);
			wr64(m + i, (uint64_t)((int64_t)rd64(m + i) + delta));
			(void)decode_copy(m, len, &accepted);
			tried++;
		}
		memcpy(m, enc.data, len);
		wr64(m + i, UINT64_MAX);
		(void)decode_copy(m, len, &accepted);
		tried++;
	}
	/* 3000 random mutations of one to four bytes */
	for (i = 0; i < 3000; i++) {
		unsigned k, n = 1 + rng() % 4;
		memcpy(m, enc.data, len);
		for (k = 0; k < n; k++)
			m[rng() % len] ^= (unsigned char)(1 + rng() % 255);
		(void)decode_copy(m, len, &accepted);
		tried++;
	}
	print_message("%s: %zu-byte encoding, %zu mutations, %zu decoded to a tree\n", name, len, tried, accepted);
	free(m);
	fl_buf_dispose(&enc);
}

static void test_yaml_decode_robust(void **state)
{
	char *text;
	size_t len;
	(void)state;
	fuzz_encoding("doc0", yaml_docs[0], strlen(yaml_docs[0]));
	fuzz_encoding("deep", yaml_docs[4], strlen(yaml_docs[4]));
	text = read_text(FULINT_SOURCE_DIR "/rules/FollowUp/Greeting.yml", &len);
	assert_non_null(text);
	fuzz_encoding("Greeting.yml", text, len);
	free(text);
}

/* fl_yaml_parse with a cache current: cold, warm, and a bogus cached value. */
static void test_yaml_parse_cached(void **state)
{
	fl_blobcache *c;
	fl_node *plain = NULL, *cold = NULL, *warm = NULL, *other = NULL;
	fulint_error err;
	const char *doc = yaml_docs[0];
	size_t len = strlen(doc), vl;
	char *edited;
	ino_t ino;
	(void)state;

	assert_int_equal(fl_yaml_parse(&plain, "p.yml", doc, len, FULINT_ERR_RULE, &err), 0);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	assert_int_equal(fl_yaml_parse(&cold, "p.yml", doc, len, FULINT_ERR_RULE, &err), 0);
	same_tree(plain, cold, "cold", "");
	assert_non_null(fl_blobcache_get(c, FL_BLOB_YAML, doc, len, &vl)); /* stored under its text */
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
	ino = inode_of(cache_path);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	fl_blobcache_set_current(c);
	assert_int_equal(fl_yaml_parse(&warm, "p.yml", doc, len, FULINT_ERR_RULE, &err), 0);
	same_tree(plain, warm, "warm", "");
	/* an edited file is another key: its own tree, not the cached one */
	edited = strdup(doc);
	assert_non_null(edited);
	edited[strlen("# a comment\nextends: ")] = 'E';
	assert_int_equal(fl_yaml_parse(&other, "p.yml", edited, len, FULINT_ERR_RULE, &err), 0);
	assert_string_equal(fl_yaml_map_value(other, 0)->value, "Existence");
	assert_string_equal(fl_yaml_map_value(warm, 0)->value, "existence");
	fl_yaml_free(other);
	other = NULL;
	/* a bad file still fails with the cache current, and is not cached */
	assert_true(fl_yaml_parse(&other, "bad.yml", "a: [b\n", 6, FULINT_ERR_RULE, &err) < 0);
	assert_null(other);
	assert_null(fl_blobcache_get(c, FL_BLOB_YAML, "a: [b\n", 6, &vl));
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
	assert_true(inode_of(cache_path) != ino); /* the edited file was added */

	/* only cache hits: the file is not rewritten */
	ino = inode_of(cache_path);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	fl_yaml_free(warm);
	assert_int_equal(fl_yaml_parse(&warm, "p.yml", doc, len, FULINT_ERR_RULE, &err), 0);
	same_tree(plain, warm, "warm again", "");
	assert_int_equal(fl_yaml_parse(&other, "p.yml", edited, len, FULINT_ERR_RULE, &err), 0);
	fl_yaml_free(other);
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
	assert_true(inode_of(cache_path) == ino);

	/* a cached value that does not decode (valid checksum, wrong content): parsed afresh */
	rm_tree(cache_path);
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_YAML, doc, len, "not an encoded tree at all", 26), 0);
	fl_blobcache_set_current(c);
	fl_yaml_free(warm);
	assert_int_equal(fl_yaml_parse(&warm, "p.yml", doc, len, FULINT_ERR_RULE, &err), 0);
	same_tree(plain, warm, "bogus value", "");
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);

	free(edited);
	fl_yaml_free(warm);
	fl_yaml_free(cold);
	fl_yaml_free(plain);
}

/* ---- fl_pattern with a current cache ---- */

typedef struct pat_case {
	const char *re;
	unsigned flags;
} pat_case;

static const pat_case pat_cases[] = {
	{ "\\bfollow(?:ing)?\\s+up\\b", FL_RE_CASELESS },
	{ "(\\w+)@(\\w+)\\.(com|org)", 0 },
	{ "r\xc3\xa9sum\xc3\xa9", FL_RE_CASELESS },
	{ "^Best,$", FL_RE_MULTILINE },
	{ "x*", 0 },
	{ "(?<up>\\p{Lu}{2,})(?=[.;])", FL_RE_NO_JIT },
	{ "(?:(a)|(b))c", 0 },
	{ "\\bteh\\b", 0 },
};

static const char subject[] =
	"Following up on our chat: reach me at priya@example.com or PRIYA@Example.org.\n"
	"R\xc3\x89SUM\xc3\x89 attached; r\xc3\xa9sum\xc3\xa9 too. Teh bc ac xx\n"
	"Best,\n"
	"Priya\n";

typedef struct spans {
	size_t n;
	unsigned groups;
	size_t v[256][2 + 2 * 4]; /* start, end, then groups 1-4: start, end (SIZE_MAX: unset) */
} spans;

static void collect_spans(fl_matcher *m, const fl_pattern *p, spans *s)
{
	size_t pos = 0, k;
	fl_match mt;
	int rc;
	memset(s, 0, sizeof(*s));
	s->groups = fl_pattern_groups(p);
	while ((rc = fl_pattern_next(m, p, subject, sizeof subject - 1, &pos, &mt)) == 1) {
		assert_true(s->n < 256);
		s->v[s->n][0] = mt.start;
		s->v[s->n][1] = mt.end;
		for (k = 1; k <= 4; k++) {
			s->v[s->n][2 * k] = k < mt.n_groups ? mt.gstart[k] : SIZE_MAX;
			s->v[s->n][2 * k + 1] = k < mt.n_groups ? mt.gend[k] : SIZE_MAX;
		}
		s->n++;
	}
	assert_int_equal(rc, 0);
	/* fl_pattern_find from the start agrees with the first step */
	if (s->n > 0) {
		assert_int_equal(fl_pattern_find(m, p, subject, sizeof subject - 1, 0, &mt), 1);
		assert_int_equal(mt.start, s->v[0][0]);
		assert_int_equal(mt.end, s->v[0][1]);
	}
}

static void compile_all(spans *out, const char *when)
{
	fl_matcher *m = NULL;
	size_t i;
	assert_int_equal(fl_matcher_new(&m), 0);
	for (i = 0; i < FL_ARRAY_LEN(pat_cases); i++) {
		fl_pattern *p = NULL;
		fulint_error err;
		size_t off = 999;
		memset(&err, 0, sizeof err);
		if (fl_pattern_compile(&p, pat_cases[i].re, pat_cases[i].flags, &off, &err) != 0)
			fail_msg("%s: /%s/ did not compile: %s", when, pat_cases[i].re, err.message);
		assert_int_equal(fl_pattern_check(pat_cases[i].re, pat_cases[i].flags, &off, &err), 0);
		collect_spans(m, p, &out[i]);
		fl_pattern_free(p);
	}
	fl_matcher_free(m);
}

static void same_spans(const spans *a, const spans *b, const char *when)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(pat_cases); i++) {
		if (a[i].groups != b[i].groups || a[i].n != b[i].n ||
		    memcmp(a[i].v, b[i].v, a[i].n * sizeof a[i].v[0]) != 0)
			fail_msg("%s: /%s/ matches differently (%zu/%zu matches, %u/%u groups)", when, pat_cases[i].re,
			         a[i].n, b[i].n, a[i].groups, b[i].groups);
	}
}

typedef struct bad_re {
	const char *re;
	size_t off;
	char message[1024];
	int rc;
} bad_re;

static bad_re bad_res[] = {
	{ "(unclosed", 0, "", 0 },
	{ "a{2,1}", 0, "", 0 },
	{ "[z-a]", 0, "", 0 },
	{ "abc\\", 0, "", 0 },
	{ "x(?<=a+)y", 0, "", 0 },
	{ "\xff(", 0, "", 0 },
};

static void expect_bad_res(const char *when)
{
	size_t i;
	for (i = 0; i < FL_ARRAY_LEN(bad_res); i++) {
		int pass;
		for (pass = 0; pass < 2; pass++) {
			fulint_error err;
			fl_pattern *p = (fl_pattern *)1;
			size_t off = 999;
			int rc;
			memset(&err, 0, sizeof err);
			if (pass == 0)
				rc = fl_pattern_check(bad_res[i].re, 0, &off, &err);
			else
				rc = fl_pattern_compile(&p, bad_res[i].re, 0, &off, &err);
			if (rc != bad_res[i].rc || off != bad_res[i].off || strcmp(err.message, bad_res[i].message) != 0)
				fail_msg("%s: %s of bad /%s/: rc %d off %zu '%s' (without a cache: rc %d off %zu '%s')", when,
				         pass ? "compile" : "check", bad_res[i].re, rc, off, err.message, bad_res[i].rc,
				         bad_res[i].off, bad_res[i].message);
			if (pass == 1)
				assert_null(p);
		}
	}
}

static void test_pattern_cache(void **state)
{
	static spans plain[FL_ARRAY_LEN(pat_cases)], cold[FL_ARRAY_LEN(pat_cases)],
		warm[FL_ARRAY_LEN(pat_cases)];
	fl_blobcache *c;
	size_t i;
	ino_t ino;
	(void)state;

	/* without any cache: the reference */
	assert_null(fl_blobcache_current());
	compile_all(plain, "no cache");
	assert_true(plain[1].groups == 3 && plain[1].n == 2);
	assert_true(plain[2].n == 2); /* caseless: both spellings */
	assert_true(plain[5].groups == 1);
	for (i = 0; i < FL_ARRAY_LEN(bad_res); i++) {
		fulint_error err;
		memset(&err, 0, sizeof err);
		bad_res[i].off = 999;
		bad_res[i].rc = fl_pattern_check(bad_res[i].re, 0, &bad_res[i].off, &err);
		assert_int_equal(bad_res[i].rc, FULINT_ERR_RULE);
		assert_true(bad_res[i].off != 999);
		memcpy(bad_res[i].message, err.message, sizeof err.message);
		assert_non_null(strstr(bad_res[i].message, "bad regex at offset"));
	}
	assert_int_equal(bad_res[0].off, 9);

	/* cold cache: compiled and stored */
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_null(fl_blobcache_set_current(c));
	compile_all(cold, "cold cache");
	same_spans(plain, cold, "cold cache");
	expect_bad_res("cold cache");
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
	assert_true(file_exists(cache_path));
	ino = inode_of(cache_path);

	/* warm cache: the same matches, the same errors; nothing new to write */
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	fl_blobcache_set_current(c);
	compile_all(warm, "warm cache");
	same_spans(plain, warm, "warm cache");
	expect_bad_res("warm cache"); /* so no bad regex was cached by the cold run */
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
	if (inode_of(cache_path) != ino)
		fail_msg("a warm run rewrote the cache: some pattern (or a bad regex) was not a hit");

	/* and again after the warm run (nothing bad was stored by it either) */
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	expect_bad_res("third run");
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
}

/* The options are part of the key: caseless code is never served for a case-sensitive pattern. */
static void test_pattern_options_in_key(void **state)
{
	fl_blobcache *c;
	fl_matcher *m = NULL;
	fl_pattern *p = NULL;
	fulint_error err;
	fl_match mt;
	(void)state;
	assert_int_equal(fl_matcher_new(&m), 0);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	assert_int_equal(fl_pattern_compile(&p, "^abc$", FL_RE_CASELESS | FL_RE_MULTILINE, NULL, &err), 0);
	assert_int_equal(fl_pattern_find(m, p, "x\nABC\n", 6, 0, &mt), 1);
	fl_pattern_free(p);
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	assert_int_equal(fl_pattern_compile(&p, "^abc$", 0, NULL, &err), 0);
	assert_int_equal(fl_pattern_find(m, p, "x\nABC\n", 6, 0, &mt), 0);
	assert_int_equal(fl_pattern_find(m, p, "abc", 3, 0, &mt), 1);
	fl_pattern_free(p);
	assert_int_equal(fl_pattern_compile(&p, "^abc$", FL_RE_MULTILINE, NULL, &err), 0);
	assert_int_equal(fl_pattern_find(m, p, "x\nABC\n", 6, 0, &mt), 0);
	assert_int_equal(fl_pattern_find(m, p, "x\nabc\n", 6, 0, &mt), 1);
	assert_int_equal(mt.start, 2);
	fl_pattern_free(p);
	assert_int_equal(fl_pattern_compile(&p, "^abc$", FL_RE_CASELESS | FL_RE_MULTILINE, NULL, &err), 0);
	assert_int_equal(fl_pattern_find(m, p, "x\nABC\n", 6, 0, &mt), 1);
	fl_pattern_free(p);
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
	fl_matcher_free(m);
}

/* A damaged compiled pattern in the file: caught by the checksum, compiled afresh. */
static void test_pattern_corrupt_entry(void **state)
{
	static spans plain[FL_ARRAY_LEN(pat_cases)], again[FL_ARRAY_LEN(pat_cases)];
	fl_blobcache *c;
	unsigned char *img;
	size_t len;
	entry_loc e;
	(void)state;

	compile_all(plain, "no cache");
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	compile_all(again, "cold");
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);

	img = read_all(cache_path, &len);
	assert_non_null(img);
	assert_true(find_entry_containing(img, len, FL_BLOB_PATTERN, "(\\w+)@(\\w+)", &e));
	assert_true(e.val_len > 64);
	img[e.val + e.val_len / 2] ^= 0x10;
	write_all(cache_path, img, len);
	free(img);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	fl_blobcache_set_current(c);
	compile_all(again, "damaged entry");
	same_spans(plain, again, "damaged entry");
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_CORRUPT);
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	fl_blobcache_set_current(c);
	compile_all(again, "rewritten");
	same_spans(plain, again, "rewritten");
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	fl_blobcache_set_current(NULL);
	fl_blobcache_close(c);
}

/*
 * A value its consumer cannot use (e.g. compiled code from another PCRE2
 * build) is replaced by the next put of the same key, and the next run
 * finds the new value, not the old one.
 */
static void test_replace_unusable(void **state)
{
	fl_blobcache *c;
	const void *v;
	size_t vlen = 0;
	(void)state;
	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_PATTERN, "key", 3, "old value", 9), 0);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_PATTERN, "other", 5, "kept", 4), 0);
	fl_blobcache_close(c);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	v = fl_blobcache_get(c, FL_BLOB_PATTERN, "key", 3, &vlen);
	assert_non_null(v);
	assert_memory_equal(v, "old value", 9);
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_PATTERN, "key", 3, "new", 3), 0);
	v = fl_blobcache_get(c, FL_BLOB_PATTERN, "key", 3, &vlen);
	assert_non_null(v);
	assert_int_equal(vlen, 3);
	assert_memory_equal(v, "new", 3);
	fl_blobcache_close(c);

	c = fl_blobcache_open(tmpdir, CACHE_NAME);
	assert_int_equal(fl_blobcache_status(c), FL_BLOB_OK);
	v = fl_blobcache_get(c, FL_BLOB_PATTERN, "key", 3, &vlen);
	assert_non_null(v);
	assert_int_equal(vlen, 3);
	assert_memory_equal(v, "new", 3);
	v = fl_blobcache_get(c, FL_BLOB_PATTERN, "other", 5, &vlen);
	assert_non_null(v);
	assert_memory_equal(v, "kept", 4);
	/* the same value again changes nothing */
	assert_int_equal(fl_blobcache_put(c, FL_BLOB_PATTERN, "other", 5, "kept", 4), 0);
	fl_blobcache_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_size_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replaced_while_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_value_unused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_entry_head, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_length, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_nothing_to_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_arguments, setup, teardown),
		cmocka_unit_test(test_yaml_roundtrip),
		cmocka_unit_test(test_yaml_decode_robust),
		cmocka_unit_test_setup_teardown(test_yaml_parse_cached, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pattern_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pattern_options_in_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pattern_corrupt_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_unusable, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
