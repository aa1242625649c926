/*
 * fl_blobcache.c - the content-addressed cache file (see fl_blobcache.h).
 *
 * File layout (host byte order; a file from another byte order fails the
 * header check and is rebuilt):
 *
 *   header (48 bytes): magic "FLBLOBS\0", u32 version, u32 byte-order mark,
 *     u64 file size, u64 entry count, u64 XXH3 of the 32 bytes before it,
 *     8 bytes zero;
 *   entries, each 8-byte aligned: u32 kind, u32 key length, u64 value
 *     length, u64 checksum, key bytes, value bytes, zero padding.
 *
 * The checksum chains XXH3 over the first 16 bytes of the entry, the key
 * and the value.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl_blobcache.h"
#include "fl_file.h"
#include "fl_hash.h"

#define BC_HEADER 48u
#define BC_ENTRY_HEAD 24u
#define BC_BYTE_ORDER 0x01020304u
#define BC_SEED 0x666c626c6f62ull /* "flblob" */
#define BC_MAX_ENTRIES ((size_t)1 << 20)

static const char bc_magic[8] = { 'F', 'L', 'B', 'L', 'O', 'B', 'S', '\0' };

typedef struct bc_entry {
	uint64_t hash;    /* of (kind, key): the index key */
	unsigned kind;
	const unsigned char *key, *val; /* into the map, or owned (pending) */
	size_t key_len, val_len;
	uint64_t check;   /* stored checksum (mapped entries) */
	bool verified;    /* checksum confirmed */
	bool used;        /* handed out in this run */
	bool owned;       /* key and val are malloc'd (pending) */
	bool dead;        /* replaced by a later put: neither found nor written */
} bc_entry;

struct fl_blobcache {
	char *path;
	unsigned char *map;
	size_t map_len;
	fl_blob_status status;
	bc_entry *v; /* mapped entries first, then pending ones */
	size_t n, cap, n_mapped;
	uint32_t *slots; /* open addressing over v: index + 1, 0 = empty */
	size_t n_slots;
	bool dirty;
};

static _Thread_local fl_blobcache *bc_current;

fl_blobcache *fl_blobcache_current(void)
{
	return bc_current;
}

fl_blobcache *fl_blobcache_set_current(fl_blobcache *c)
{
	fl_blobcache *old = bc_current;
	bc_current = c;
	return old;
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static void put64(unsigned char *p, uint64_t v)
{
	memcpy(p, &v, sizeof v);
}

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, sizeof v);
}

static uint64_t key_hash(unsigned kind, const void *key, size_t key_len)
{
	return fl_hash64(key, key_len, BC_SEED ^ (uint64_t)kind);
}

static uint64_t entry_check(const unsigned char head16[16], const void *key, size_t key_len, const void *val,
                            size_t val_len)
{
	uint64_t h = fl_hash64(head16, 16, BC_SEED);
	h = fl_hash64(key, key_len, h);
	return fl_hash64(val, val_len, h);
}

static size_t pad8(size_t n)
{
	return (n + 7u) & ~(size_t)7u;
}

/* (Re)build the slot table for v[0..n). */
static int reindex(fl_blobcache *c)
{
	size_t want = 64, i;
	uint32_t *slots;
	while (want < c->n * 2 + 2)
		want *= 2;
	slots = fl_calloc(want, sizeof(*slots));
	if (slots == NULL)
		return FULINT_ERR_NOMEM;
	for (i = 0; i < c->n; i++) {
		size_t s = (size_t)c->v[i].hash & (want - 1);
		while (slots[s] != 0)
			s = (s + 1) & (want - 1);
		slots[s] = (uint32_t)(i + 1);
	}
	free(c->slots);
	c->slots = slots;
	c->n_slots = want;
	return 0;
}

static int push_entry(fl_blobcache *c, const bc_entry *e)
{
	if (c->n >= BC_MAX_ENTRIES)
		return FULINT_ERR_NOMEM;
	if (fl_grow((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v)) < 0)
		return FULINT_ERR_NOMEM;
	c->v[c->n++] = *e;
	return 0;
}

/* Forget the mapped file (it failed a check): keep only pending entries. */
static void drop_map(fl_blobcache *c, fl_blob_status why)
{
	size_t i, k = 0;
	for (i = 0; i < c->n; i++)
		if (c->v[i].owned)
			c->v[k++] = c->v[i];
	c->n = k;
	c->n_mapped = 0;
	c->status = why;
	c->dirty = true;
	/* The mapping itself stays until close: values handed out earlier were
	 * verified and may still be in use by the caller. */
	if (reindex(c) < 0) {
		free(c->slots);
		c->slots = NULL;
		c->n_slots = 0;
	}
}

static fl_blob_status load_map(fl_blobcache *c)
{
	const unsigned char *m = c->map;
	size_t off, n, i;

	if (c->map_len < BC_HEADER || memcmp(m, bc_magic, sizeof bc_magic) != 0)
		return FL_BLOB_CORRUPT;
	if (get32(m + 12) != BC_BYTE_ORDER || get64(m + 32) != fl_hash64(m, 32, BC_SEED))
		return FL_BLOB_CORRUPT;
	if (get32(m + 8) != FL_BLOBCACHE_VERSION)
		return FL_BLOB_VERSION;
	if (get64(m + 16) != (uint64_t)c->map_len)
		return FL_BLOB_CORRUPT;
	n = (size_t)get64(m + 24);
	if (n > BC_MAX_ENTRIES)
		return FL_BLOB_CORRUPT;
	off = BC_HEADER;
	for (i = 0; i < n; i++) {
		bc_entry e;
		size_t rest;
		memset(&e, 0, sizeof e);
		if (c->map_len - off < BC_ENTRY_HEAD)
			return FL_BLOB_CORRUPT;
		e.kind = get32(m + off);
		e.key_len = get32(m + off + 4);
		e.val_len = (size_t)get64(m + off + 8);
		e.check = get64(m + off + 16);
		rest = c->map_len - off - BC_ENTRY_HEAD;
		if (e.key_len > rest || e.val_len > rest - e.key_len)
			return FL_BLOB_CORRUPT;
		e.key = m + off + BC_ENTRY_HEAD;
		e.val = e.key + e.key_len;
		e.hash = key_hash(e.kind, e.key, e.key_len);
		if (push_entry(c, &e) < 0)
			return FL_BLOB_CORRUPT;
		off += BC_ENTRY_HEAD + e.key_len + e.val_len;
		off = pad8(off);
		if (off > c->map_len)
			return FL_BLOB_CORRUPT;
	}
	if (off != c->map_len)
		return FL_BLOB_CORRUPT;
	c->n_mapped = c->n;
	return FL_BLOB_OK;
}

fl_blobcache *fl_blobcache_open(const char *dir, const char *name)
{
	fl_blobcache *c;
	size_t dl, nl;
	int fd;
	struct stat sb;

	if (dir == NULL || dir[0] == '\0' || name == NULL)
		return NULL;
	c = fl_calloc(1, sizeof(*c));
	if (c == NULL)
		return NULL;
	dl = strlen(dir);
	nl = strlen(name);
	c->path = fl_malloc(dl + nl + 2);
	if (c->path == NULL) {
		free(c);
		return NULL;
	}
	memcpy(c->path, dir, dl);
	c->path[dl] = '/';
	memcpy(c->path + dl + 1, name, nl + 1);
	c->status = FL_BLOB_MISSING;

	fd = open(c->path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		c->status = FL_BLOB_CORRUPT; /* until the map is read and checked */
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
		    (uint64_t)sb.st_size <= (uint64_t)FL_BLOBCACHE_MAX_BYTES * 2) {
			void *m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
			if (m != MAP_FAILED) {
				c->map = m;
				c->map_len = (size_t)sb.st_size;
			}
		}
		close(fd);
	}
	if (c->map != NULL) {
		c->status = load_map(c);
		if (c->status != FL_BLOB_OK) {
			c->n = 0;
			c->n_mapped = 0;
		}
	}
	if (c->status != FL_BLOB_OK)
		c->dirty = true; /* missing or refused: write a good one at close */
	if (reindex(c) < 0) {
		fl_blobcache_close(c);
		return NULL;
	}
	return c;
}

fl_blob_status fl_blobcache_status(const fl_blobcache *c)
{
	return c != NULL ? c->status : FL_BLOB_MISSING;
}

static bc_entry *find(fl_blobcache *c, unsigned kind, const void *key, size_t key_len, uint64_t h)
{
	size_t s;
	if (c->n_slots == 0)
		return NULL;
	for (s = (size_t)h & (c->n_slots - 1); c->slots[s] != 0; s = (s + 1) & (c->n_slots - 1)) {
		bc_entry *e = &c->v[c->slots[s] - 1];
		if (!e->dead && e->hash == h && e->kind == kind && e->key_len == key_len &&
		    memcmp(e->key, key, key_len) == 0)
			return e;
	}
	return NULL;
}

const void *fl_blobcache_get(fl_blobcache *c, unsigned kind, const void *key, size_t key_len,
                             size_t *val_len)
{
	bc_entry *e;
	if (c == NULL)
		return NULL;
	e = find(c, kind, key, key_len, key_hash(kind, key, key_len));
	if (e == NULL)
		return NULL;
	if (!e->verified && !e->owned) {
		unsigned char head[16];
		put32(head, (uint32_t)e->kind);
		put32(head + 4, (uint32_t)e->key_len);
		put64(head + 8, (uint64_t)e->val_len);
		if (entry_check(head, e->key, e->key_len, e->val, e->val_len) != e->check) {
			drop_map(c, FL_BLOB_CORRUPT);
			return NULL;
		}
		e->verified = true;
	}
	e->used = true;
	*val_len = e->val_len;
	return e->val;
}

int fl_blobcache_put(fl_blobcache *c, unsigned kind, const void *key, size_t key_len, const void *val,
                     size_t val_len)
{
	bc_entry e;
	unsigned char *k, *v;
	if (c == NULL)
		return 0;
	if (key_len > UINT32_MAX || key_len + val_len > FL_BLOBCACHE_MAX_BYTES)
		return 0; /* too big to be worth caching */
	memset(&e, 0, sizeof e);
	e.hash = key_hash(kind, key, key_len);
	{
		/* A value its consumer could not use (say, compiled code from another
		 * PCRE2 build) is replaced, so the next run does not stumble again. */
		bc_entry *old = find(c, kind, key, key_len, e.hash);
		if (old != NULL) {
			if (old->val_len == val_len && memcmp(old->val, val, val_len) == 0)
				return 0;
			old->dead = true;
		}
	}
	k = fl_malloc(key_len ? key_len : 1);
	v = fl_malloc(val_len ? val_len : 1);
	if (k == NULL || v == NULL) {
		free(k);
		free(v);
		return FULINT_ERR_NOMEM;
	}
	memcpy(k, key, key_len);
	memcpy(v, val, val_len);
	e.kind = kind;
	e.key = k;
	e.val = v;
	e.key_len = key_len;
	e.val_len = val_len;
	e.verified = e.used = e.owned = true;
	if (push_entry(c, &e) < 0) {
		free(k);
		free(v);
		return FULINT_ERR_NOMEM;
	}
	if (c->n * 2 + 2 > c->n_slots) {
		if (reindex(c) < 0) {
			c->n--;
			free(k);
			free(v);
			return FULINT_ERR_NOMEM;
		}
	} else {
		size_t s = (size_t)e.hash & (c->n_slots - 1);
		while (c->slots[s] != 0)
			s = (s + 1) & (c->n_slots - 1);
		c->slots[s] = (uint32_t)c->n;
	}
	c->dirty = true;
	return 0;
}

/* Serialise the entries worth keeping (pending and used first) into one image. */
static unsigned char *build_image(const fl_blobcache *c, size_t *len_out)
{
	size_t total = BC_HEADER, count = 0, pass, i, off;
	unsigned char *img;
	bool *keep = fl_calloc(c->n ? c->n : 1, sizeof(*keep));

	if (keep == NULL)
		return NULL;
	/* pass 0: pending and used entries; pass 1: the rest while they fit */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < c->n; i++) {
			const bc_entry *e = &c->v[i];
			size_t sz = pad8(BC_ENTRY_HEAD + e->key_len + e->val_len);
			if (keep[i] || e->dead || (pass == 0) != (e->owned || e->used))
				continue;
			if (total + sz > FL_BLOBCACHE_MAX_BYTES)
				continue;
			if (!e->owned && !e->verified) {
				/* an old entry never checked in this run: check it before copying */
				unsigned char head[16];
				put32(head, (uint32_t)e->kind);
				put32(head + 4, (uint32_t)e->key_len);
				put64(head + 8, (uint64_t)e->val_len);
				if (entry_check(head, e->key, e->key_len, e->val, e->val_len) != e->check)
					continue;
			}
			keep[i] = true;
			total += sz;
			count++;
		}
	}
	img = fl_calloc(1, total);
	if (img == NULL) {
		free(keep);
		return NULL;
	}
	memcpy(img, bc_magic, sizeof bc_magic);
	put32(img + 8, FL_BLOBCACHE_VERSION);
	put32(img + 12, BC_BYTE_ORDER);
	put64(img + 16, (uint64_t)total);
	put64(img + 24, (uint64_t)count);
	put64(img + 32, fl_hash64(img, 32, BC_SEED));
	off = BC_HEADER;
	for (i = 0; i < c->n; i++) {
		const bc_entry *e = &c->v[i];
		unsigned char *p = img + off;
		if (!keep[i])
			continue;
		put32(p, (uint32_t)e->kind);
		put32(p + 4, (uint32_t)e->key_len);
		put64(p + 8, (uint64_t)e->val_len);
		memcpy(p + BC_ENTRY_HEAD, e->key, e->key_len);
		memcpy(p + BC_ENTRY_HEAD + e->key_len, e->val, e->val_len);
		put64(p + 16, entry_check(p, e->key, e->key_len, e->val, e->val_len));
		off += pad8(BC_ENTRY_HEAD + e->key_len + e->val_len);
	}
	free(keep);
	*len_out = total;
	return img;
}

void fl_blobcache_close(fl_blobcache *c)
{
	size_t i;
	if (c == NULL)
		return;
	if (bc_current == c)
		bc_current = NULL;
	if (c->dirty && c->path != NULL) {
		size_t len = 0;
		unsigned char *img = build_image(c, &len);
		char *slash = strrchr(c->path, '/');
		if (img != NULL && slash != NULL) {
			fulint_error ignored;
			*slash = '\0';
			if (fl_make_dirs(c->path)) {
				*slash = '/';
				(void)fl_write_file_atomic(c->path, img, len, &ignored);
			}
			*slash = '/';
		}
		free(img);
	}
	for (i = 0; i < c->n; i++) {
		if (c->v[i].owned) {
			free((void *)c->v[i].key);
			free((void *)c->v[i].val);
		}
	}
	if (c->map != NULL)
		munmap(c->map, c->map_len);
	free(c->v);
	free(c->slots);
	free(c->path);
	free(c);
}
