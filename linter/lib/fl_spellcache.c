/*
 * fl_spellcache.c - the spelling fast path's table (build, write, map,
 * verify, look up) and the affix expander that proposes its words.
 *
 * What it is not: a speller.  Nothing here knows whether a word is right;
 * fl_speller.c asks Hunspell about every candidate before adding it, so
 * the table only ever holds words (and case forms) Hunspell accepted.
 *
 * File layout (native byte order; the cache is per machine):
 *   sc_header (fixed size, see below)
 *   uint32_t buckets[n_buckets]   open addressing, linear probing;
 *                                 0 = empty, else 1 + offset into the pool
 *   pool[pool_size]               entries: uint8 flags, uint8 len, bytes
 * The checksum covers every byte after the checksum field, so a flipped,
 * missing or added byte anywhere makes the file "corrupt".  Every offset
 * read from the file is also bounds-checked at lookup, so even a checksum
 * collision cannot make a lookup read outside the mapping.
 */
#include "fl_spellcache.h"
#include "fl_file.h"
#include "fl_hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* hashing                                                              */

/* XXH3 (fl_hash.h): the checksum of a few-megabyte table costs well under
 * a millisecond, and short words hash in a few nanoseconds. */
uint64_t fl_spellcache_hash(const void *data, size_t len, uint64_t seed)
{
	return fl_hash64(data, len, seed);
}

static uint32_t word_hash(const char *w, size_t len)
{
	return (uint32_t)fl_spellcache_hash(w, len, 0x5eed);
}

/* ------------------------------------------------------------------ */
/* file format                                                          */

static const char sc_magic[8] = { 'F', 'L', 'S', 'P', 'E', 'L', 'L', '\0' };
#define SC_BYTE_ORDER 0x01020304u

typedef struct sc_header {
	char magic[8];
	uint32_t version;
	uint32_t byte_order;
	uint64_t checksum; /* over everything from file_size to the end of the file */
	uint64_t file_size;
	fl_spellcache_key key;
	uint32_t n_words;
	uint32_t n_buckets;
	uint64_t pool_size;
} sc_header;

struct fl_spellcache {
	void *map;
	size_t map_len;
	const uint32_t *buckets;
	uint32_t mask;
	const unsigned char *pool;
	size_t pool_size;
	size_t n_words;
};

/* The entry at pool offset `off`, or NULL when it does not fit in the pool. */
static const unsigned char *pool_entry(const unsigned char *pool, size_t pool_size, size_t off)
{
	if (off + 2 > pool_size)
		return NULL;
	if (off + 2 + pool[off + 1] > pool_size)
		return NULL;
	return pool + off;
}

static unsigned table_lookup(const uint32_t *buckets, uint32_t mask, const unsigned char *pool,
                             size_t pool_size, const char *w, size_t len)
{
	uint32_t i;
	size_t probes;

	if (len == 0 || len > FL_SPELLCACHE_MAX_WORD)
		return 0;
	i = word_hash(w, len) & mask;
	for (probes = 0; probes <= (size_t)mask; probes++) {
		uint32_t slot = buckets[i];
		const unsigned char *e;
		if (slot == 0)
			return 0;
		e = pool_entry(pool, pool_size, (size_t)slot - 1);
		if (e == NULL)
			return 0; /* cannot happen in a verified file; never read past it */
		if (e[1] == len && memcmp(e + 2, w, len) == 0)
			return e[0];
		i = (i + 1) & mask;
	}
	return 0;
}

/*
 * The verification stamp: "<table>.ok" records the device, inode, size,
 * mtime and ctime of a table whose checksum was verified, and that
 * checksum.  Any write to the table (write, truncate, a writable mapping,
 * a rename over it) gives it a new ctime, which no user can set back, so a
 * table that still has the recorded stat is the verified one and its
 * checksum need not be recomputed: that read touches every page of a
 * several-megabyte file on every run of a pre-send hook.  A stamp is only
 * written for a table whose ctime is at least SC_STAMP_SETTLE_S old, so a
 * change in the same clock tick as the verification cannot hide.
 */
#define SC_STAMP_SETTLE_S 2
static const char sc_stamp_magic[8] = { 'F', 'L', 'S', 'T', 'A', 'M', 'P', '\0' };

typedef struct sc_stamp {
	char magic[8];
	uint64_t dev, ino, size, mtime_ns, ctime_ns, checksum;
	uint64_t self; /* XXH3 of everything before it */
} sc_stamp;

static void stamp_fill(sc_stamp *s, const struct stat *sb, uint64_t checksum)
{
	memset(s, 0, sizeof *s);
	memcpy(s->magic, sc_stamp_magic, sizeof sc_stamp_magic);
	s->dev = (uint64_t)sb->st_dev;
	s->ino = (uint64_t)sb->st_ino;
	s->size = (uint64_t)sb->st_size;
	s->mtime_ns = (uint64_t)sb->st_mtim.tv_sec * 1000000000u + (uint64_t)sb->st_mtim.tv_nsec;
	s->ctime_ns = (uint64_t)sb->st_ctim.tv_sec * 1000000000u + (uint64_t)sb->st_ctim.tv_nsec;
	s->checksum = checksum;
	s->self = fl_hash64(s, offsetof(sc_stamp, self), 0x57a3);
}

static char *stamp_path(const char *path)
{
	size_t n = strlen(path);
	char *p = fl_malloc(n + 4);
	if (p != NULL) {
		memcpy(p, path, n);
		memcpy(p + n, ".ok", 4);
	}
	return p;
}

/* True when "<path>.ok" vouches for the table with stat `sb` and `checksum`. */
static bool stamp_matches(const char *path, const struct stat *sb, uint64_t checksum)
{
	sc_stamp want, have;
	char *sp = stamp_path(path);
	int fd;
	ssize_t got = -1;
	if (sp == NULL)
		return false;
	fd = open(sp, O_RDONLY | O_CLOEXEC);
	free(sp);
	if (fd < 0)
		return false;
	got = read(fd, &have, sizeof have);
	close(fd);
	if (got != (ssize_t)sizeof have)
		return false;
	stamp_fill(&want, sb, checksum);
	return memcmp(&want, &have, sizeof want) == 0;
}

static void stamp_write(const char *path, const struct stat *sb, uint64_t checksum)
{
	sc_stamp s;
	fulint_error ignored;
	char *sp;
	if ((int64_t)sb->st_ctim.tv_sec > (int64_t)time(NULL) - SC_STAMP_SETTLE_S)
		return; /* too fresh: verify again next time */
	sp = stamp_path(path);
	if (sp == NULL)
		return;
	stamp_fill(&s, sb, checksum);
	(void)fl_write_file_atomic(sp, &s, sizeof s, &ignored);
	free(sp);
}

int fl_spellcache_open(fl_spellcache **out, const char *path, const fl_spellcache_key *key,
                       fl_sc_status *why)
{
	fl_sc_status st = FL_SC_MISSING;
	struct stat sb;
	void *map = MAP_FAILED;
	size_t size = 0;
	sc_header h;
	fl_spellcache *c;
	int fd;
	size_t need;
	const size_t ck_from = offsetof(sc_header, file_size);
	bool stamped;

	*out = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto fail;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		goto fail;
	}
	st = FL_SC_CORRUPT;
	if (sb.st_size < (off_t)sizeof h || (uint64_t)sb.st_size > (uint64_t)FL_BUF_MAX) {
		close(fd);
		goto fail;
	}
	size = (size_t)sb.st_size;
	if ((size_t)read(fd, &h, sizeof h) != sizeof h) {
		close(fd);
		goto fail;
	}
	stamped = stamp_matches(path, &sb, h.checksum);
	/* Without a stamp every page is read (the checksum): map them at once. */
	map = mmap(NULL, size, PROT_READ, MAP_PRIVATE | (stamped ? 0 : MAP_POPULATE), fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		st = FL_SC_MISSING;
		goto fail;
	}
	memcpy(&h, map, sizeof h);
	if (memcmp(h.magic, sc_magic, sizeof sc_magic) != 0 || h.byte_order != SC_BYTE_ORDER)
		goto fail;
	if (h.version != FL_SPELLCACHE_VERSION) {
		st = FL_SC_VERSION;
		goto fail;
	}
	if (h.file_size != (uint64_t)size || h.n_buckets == 0 ||
	    (h.n_buckets & (h.n_buckets - 1)) != 0 || h.n_words >= h.n_buckets)
		goto fail;
	need = sizeof h + (size_t)h.n_buckets * sizeof(uint32_t);
	if (need > size || h.pool_size != (uint64_t)(size - need))
		goto fail;
	if (!stamped && fl_spellcache_hash((const char *)map + ck_from, size - ck_from, 0) != h.checksum)
		goto fail;
	if (memcmp(&h.key, key, sizeof h.key) != 0) {
		st = FL_SC_STALE;
		goto fail;
	}
	if (!stamped)
		stamp_write(path, &sb, h.checksum);
	c = fl_calloc(1, sizeof *c);
	if (c == NULL) {
		st = FL_SC_MISSING;
		goto fail;
	}
	c->map = map;
	c->map_len = size;
	c->buckets = (const uint32_t *)(const void *)((const char *)map + sizeof h);
	c->mask = h.n_buckets - 1;
	c->pool = (const unsigned char *)map + need;
	c->pool_size = (size_t)h.pool_size;
	c->n_words = h.n_words;
	*out = c;
	if (why)
		*why = FL_SC_OK;
	return 0;
fail:
	if (map != MAP_FAILED)
		munmap(map, size);
	if (why)
		*why = st;
	return FULINT_ERR_IO;
}

void fl_spellcache_close(fl_spellcache *c)
{
	if (c == NULL)
		return;
	munmap(c->map, c->map_len);
	free(c);
}

unsigned fl_spellcache_lookup(const fl_spellcache *c, const char *word, size_t len)
{
	return table_lookup(c->buckets, c->mask, c->pool, c->pool_size, word, len);
}

static bool is_upper(char ch)
{
	return ch >= 'A' && ch <= 'Z';
}

static bool is_lower(char ch)
{
	return ch >= 'a' && ch <= 'z';
}

typedef unsigned (*lookup_fn)(const void *table, const char *word, size_t len);

/* The case rules shared by the mapped table and the builder. */
static bool accepts_with(lookup_fn lookup, const void *c, const char *word, size_t len)
{
	char tmp[FL_SPELLCACHE_MAX_WORD];
	bool rest_lower = true, rest_upper = true, has_letter = false;
	size_t i;

	if (len == 0 || len > FL_SPELLCACHE_MAX_WORD)
		return false;
	if (lookup(c, word, len) & FL_SC_EXACT)
		return true;
	if (!is_upper(word[0]))
		return false;
	for (i = 1; i < len; i++) {
		/*
		 * Only ASCII letters are folded.  Other bytes are compared as they
		 * are, so "Résumé" finds "résumé"; an upper-case non-ASCII letter
		 * simply finds nothing and the word goes to Hunspell.
		 */
		if (is_upper(word[i])) {
			rest_lower = false;
			has_letter = true;
		} else if (is_lower(word[i])) {
			rest_upper = false;
			has_letter = true;
		}
	}
	memcpy(tmp, word, len);
	if (rest_lower) {
		/* "Receive": the entry "receive" must say its capitalised form is accepted. */
		tmp[0] = (char)(tmp[0] + ('a' - 'A'));
		return (lookup(c, tmp, len) & FL_SC_CAP) != 0;
	}
	if (rest_upper && has_letter) {
		/* "RECEIVE": try the stored forms "receive" and "Receive". */
		for (i = 1; i < len; i++)
			if (is_upper(tmp[i]))
				tmp[i] = (char)(tmp[i] + ('a' - 'A'));
		if (lookup(c, tmp, len) & FL_SC_UPPER)
			return true;
		tmp[0] = (char)(tmp[0] + ('a' - 'A'));
		return (lookup(c, tmp, len) & FL_SC_UPPER) != 0;
	}
	return false;
}

static unsigned lookup_table(const void *c, const char *word, size_t len)
{
	return fl_spellcache_lookup(c, word, len);
}

bool fl_spellcache_accepts(const fl_spellcache *c, const char *word, size_t len)
{
	return c != NULL && accepts_with(lookup_table, c, word, len);
}

size_t fl_spellcache_count(const fl_spellcache *c)
{
	return c ? c->n_words : 0;
}

static int walk_pool(const unsigned char *pool, size_t pool_size,
                     int (*fn)(void *payload, const char *word, size_t len, unsigned flags),
                     void *payload)
{
	size_t off = 0;
	while (off + 2 <= pool_size) {
		const unsigned char *e = pool_entry(pool, pool_size, off);
		int rc;
		if (e == NULL)
			break;
		rc = fn(payload, (const char *)e + 2, e[1], e[0]);
		if (rc != 0)
			return rc;
		off += 2u + e[1];
	}
	return 0;
}

int fl_spellcache_foreach(const fl_spellcache *c,
                          int (*fn)(void *payload, const char *word, size_t len, unsigned flags),
                          void *payload)
{
	return walk_pool(c->pool, c->pool_size, fn, payload);
}

/* ------------------------------------------------------------------ */
/* builder                                                              */

struct fl_spellcache_builder {
	unsigned char *pool;
	size_t pool_len, pool_cap;
	uint32_t *buckets;
	size_t n_buckets; /* power of two */
	size_t n_words;
};

int fl_spellcache_builder_new(fl_spellcache_builder **out)
{
	fl_spellcache_builder *b = fl_calloc(1, sizeof *b);
	*out = NULL;
	if (b == NULL)
		return FULINT_ERR_NOMEM;
	b->n_buckets = 1024;
	b->buckets = fl_calloc(b->n_buckets, sizeof *b->buckets);
	if (b->buckets == NULL) {
		free(b);
		return FULINT_ERR_NOMEM;
	}
	*out = b;
	return 0;
}

void fl_spellcache_builder_free(fl_spellcache_builder *b)
{
	if (b == NULL)
		return;
	free(b->pool);
	free(b->buckets);
	free(b);
}

/* Slot index for word (its own slot when present, else the empty slot to fill). */
static size_t builder_slot(const uint32_t *buckets, size_t n_buckets, const unsigned char *pool,
                           const char *w, size_t len)
{
	size_t mask = n_buckets - 1;
	size_t i = word_hash(w, len) & mask;
	for (;;) {
		uint32_t slot = buckets[i];
		const unsigned char *e;
		if (slot == 0)
			return i;
		e = pool + slot - 1;
		if (e[1] == len && memcmp(e + 2, w, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

static int rehash(uint32_t **out, size_t n_buckets, const unsigned char *pool, size_t pool_len)
{
	uint32_t *nb = fl_calloc(n_buckets, sizeof *nb);
	size_t off = 0;
	if (nb == NULL)
		return FULINT_ERR_NOMEM;
	while (off < pool_len) {
		size_t len = pool[off + 1];
		size_t i = builder_slot(nb, n_buckets, pool, (const char *)pool + off + 2, len);
		nb[i] = (uint32_t)(off + 1);
		off += 2 + len;
	}
	*out = nb;
	return 0;
}

int fl_spellcache_builder_add(fl_spellcache_builder *b, const char *word, size_t len, unsigned flags)
{
	size_t i;
	int rc;

	if (len == 0 || len > FL_SPELLCACHE_MAX_WORD)
		return 0;
	i = builder_slot(b->buckets, b->n_buckets, b->pool, word, len);
	if (b->buckets[i] != 0) {
		b->pool[b->buckets[i] - 1] |= (unsigned char)flags;
		return 0;
	}
	if (b->n_words >= FL_SPELLCACHE_MAX_WORDS)
		return FULINT_ERR_USAGE;
	rc = fl_grow((void **)&b->pool, &b->pool_cap, b->pool_len + 2 + len, 1);
	if (rc != 0)
		return rc;
	b->pool[b->pool_len] = (unsigned char)flags;
	b->pool[b->pool_len + 1] = (unsigned char)len;
	memcpy(b->pool + b->pool_len + 2, word, len);
	b->buckets[i] = (uint32_t)(b->pool_len + 1);
	b->pool_len += 2 + len;
	b->n_words++;
	if (b->n_words * 2 > b->n_buckets) {
		uint32_t *nb;
		rc = rehash(&nb, b->n_buckets * 2, b->pool, b->pool_len);
		if (rc != 0)
			return rc; /* the word is in; the table is just fuller */
		free(b->buckets);
		b->buckets = nb;
		b->n_buckets *= 2;
	}
	return 0;
}

unsigned fl_spellcache_builder_lookup(const fl_spellcache_builder *b, const char *word, size_t len)
{
	size_t i;
	if (len == 0 || len > FL_SPELLCACHE_MAX_WORD)
		return 0;
	i = builder_slot(b->buckets, b->n_buckets, b->pool, word, len);
	return b->buckets[i] ? b->pool[b->buckets[i] - 1] : 0;
}

size_t fl_spellcache_builder_count(const fl_spellcache_builder *b)
{
	return b->n_words;
}

static unsigned lookup_builder(const void *b, const char *word, size_t len)
{
	return fl_spellcache_builder_lookup(b, word, len);
}

bool fl_spellcache_builder_accepts(const fl_spellcache_builder *b, const char *word, size_t len)
{
	return b != NULL && accepts_with(lookup_builder, b, word, len);
}

int fl_spellcache_builder_foreach(const fl_spellcache_builder *b,
                                  int (*fn)(void *payload, const char *word, size_t len,
                                            unsigned flags),
                                  void *payload)
{
	return walk_pool(b->pool, b->pool_len, fn, payload);
}

int fl_spellcache_builder_write(const fl_spellcache_builder *b, const char *path,
                                const fl_spellcache_key *key, fulint_error *err)
{
	sc_header h;
	size_t n_buckets = 16, image_len, head_len;
	uint32_t *buckets = NULL;
	char *image = NULL;
	int rc;

	/* Load factor at most 1/2 (and strictly fewer words than buckets). */
	while (n_buckets < b->n_words * 2 + 2)
		n_buckets *= 2;
	if (n_buckets > UINT32_MAX / 2)
		return fl_error_set(err, FULINT_ERR_USAGE, path, 0, 0, "spelling table too large");
	rc = rehash(&buckets, n_buckets, b->pool, b->pool_len);
	if (rc != 0)
		return fl_error_set(err, rc, path, 0, 0, "out of memory");

	memset(&h, 0, sizeof h);
	memcpy(h.magic, sc_magic, sizeof sc_magic);
	h.version = FL_SPELLCACHE_VERSION;
	h.byte_order = SC_BYTE_ORDER;
	h.key = *key;
	h.n_words = (uint32_t)b->n_words;
	h.n_buckets = (uint32_t)n_buckets;
	h.pool_size = b->pool_len;
	head_len = sizeof h + n_buckets * sizeof(uint32_t);
	image_len = head_len + b->pool_len;
	h.file_size = image_len;

	/* One image in memory: the checksum needs the header and payload together. */
	image = fl_malloc(image_len);
	if (image == NULL) {
		rc = fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	memcpy(image, &h, sizeof h);
	memcpy(image + sizeof h, buckets, n_buckets * sizeof(uint32_t));
	if (b->pool_len > 0)
		memcpy(image + head_len, b->pool, b->pool_len);
	h.checksum = fl_spellcache_hash(image + offsetof(sc_header, file_size),
	                                image_len - offsetof(sc_header, file_size), 0);
	memcpy(image, &h, sizeof h);

	rc = fl_write_file_atomic(path, image, image_len, err);
done:
	free(image);
	free(buckets);
	return rc;
}

/* ------------------------------------------------------------------ */
/* affix expansion                                                      */

/*
 * Words and affix strings are handled as arrays of "characters": code
 * points for UTF-8 dictionaries, bytes for 8-bit ones, so one code path
 * serves both and conditions compare characters, not bytes.
 */
#define AX_MAX_CHARS 100
#define AX_MAX_FLAGS 256
#define AX_MAX_FILE ((size_t)64 << 20)

enum { FLAG_CHAR, FLAG_LONG, FLAG_NUM, FLAG_UTF8 };

typedef struct ax_cond_elem {
	uint8_t any;   /* '.' */
	uint8_t neg;   /* [^...] */
	uint32_t first; /* index into ax.chars */
	uint32_t n;
} ax_cond_elem;

typedef struct ax_rule {
	uint32_t strip, n_strip;  /* ax.chars ranges */
	uint32_t add, n_add;
	uint32_t cont, n_cont;    /* ax.flags range: continuation flags */
	uint32_t cond, n_cond;    /* ax.conds range */
} ax_rule;

typedef struct ax_group {
	uint32_t flag;
	bool pfx;
	bool cross;
	uint32_t first, n; /* ax.rules range */
} ax_group;

typedef struct ax {
	bool utf8;
	int flag_mode;
	uint32_t *chars;
	size_t n_chars, cap_chars;
	uint32_t *flags;
	size_t n_flags, cap_flags;
	ax_cond_elem *conds;
	size_t n_conds, cap_conds;
	ax_rule *rules;
	size_t n_rules, cap_rules;
	ax_group *groups;
	size_t n_groups, cap_groups;
	char **aliases; /* AF: 1-based in files, 0-based here */
	size_t n_aliases, cap_aliases;
	fl_affix_fn fn;
	void *payload;
	char out[AX_MAX_CHARS * 4 + 1];
} ax;

static void ax_dispose(ax *a)
{
	size_t i;
	free(a->chars);
	free(a->flags);
	free(a->conds);
	free(a->rules);
	free(a->groups);
	for (i = 0; i < a->n_aliases; i++)
		free(a->aliases[i]);
	free(a->aliases);
}

static int read_file(const char *path, char **out, size_t *len, fulint_error *err)
{
	FILE *f = fopen(path, "rb");
	fl_buf b = FL_BUF_INIT;
	char chunk[65536];
	size_t n;

	*out = NULL;
	*len = 0;
	if (f == NULL)
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot read: %s", strerror(errno));
	b.max = AX_MAX_FILE;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (fl_buf_append(&b, chunk, n) != 0) {
			fclose(f);
			fl_buf_dispose(&b);
			return fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "file too large");
		}
	}
	if (ferror(f)) {
		fclose(f);
		fl_buf_dispose(&b);
		return fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "read error");
	}
	fclose(f);
	if (fl_buf_putc(&b, '\0') != 0) {
		fl_buf_dispose(&b);
		return fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
	}
	*len = b.len - 1;
	*out = fl_buf_detach(&b);
	return 0;
}

/* Decode s[0..len) into chars (code points or bytes); returns count, or SIZE_MAX when too long. */
static size_t to_chars(const ax *a, const char *s, size_t len, uint32_t *out, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k;
		if (n >= max)
			return SIZE_MAX;
		if (a->utf8) {
			k = fl_utf8_decode(s + i, len - i, &cp);
			if (k == 0)
				k = 1; /* keep going: a candidate with U+FFFD is just rejected later */
		} else {
			cp = (unsigned char)s[i];
			k = 1;
		}
		out[n++] = cp;
		i += k;
	}
	return n;
}

static int push_chars(ax *a, const char *s, size_t len, uint32_t *first, uint32_t *n)
{
	uint32_t tmp[AX_MAX_CHARS];
	size_t k = to_chars(a, s, len, tmp, AX_MAX_CHARS);
	if (k == SIZE_MAX)
		k = 0;
	if (fl_grow((void **)&a->chars, &a->cap_chars, a->n_chars + k, sizeof *a->chars) != 0)
		return FULINT_ERR_NOMEM;
	if (k > 0)
		memcpy(a->chars + a->n_chars, tmp, k * sizeof *tmp);
	*first = (uint32_t)a->n_chars;
	*n = (uint32_t)k;
	a->n_chars += k;
	return 0;
}

/* Parse a flag string into out[] (at most AX_MAX_FLAGS); returns the count. */
static size_t parse_flags(const ax *a, const char *s, size_t len, uint32_t *out)
{
	size_t n = 0, i = 0;
	bool alias = a->n_aliases > 0 && len > 0;

	for (i = 0; alias && i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			alias = false;
	if (alias) {
		unsigned long idx = strtoul(s, NULL, 10);
		if (idx >= 1 && idx <= a->n_aliases) {
			ax tmp = *a;
			tmp.n_aliases = 0; /* aliases do not nest */
			return parse_flags(&tmp, a->aliases[idx - 1], strlen(a->aliases[idx - 1]), out);
		}
		return 0;
	}
	i = 0;
	while (i < len && n < AX_MAX_FLAGS) {
		switch (a->flag_mode) {
		case FLAG_LONG:
			if (i + 1 >= len)
				return n;
			out[n++] = ((uint32_t)(unsigned char)s[i] << 8) | (unsigned char)s[i + 1];
			i += 2;
			break;
		case FLAG_NUM: {
			uint32_t v = 0;
			bool any = false;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				v = v * 10 + (uint32_t)(s[i] - '0');
				if (v > 0xFFFFFF)
					v = 0xFFFFFF;
				i++;
				any = true;
			}
			if (any)
				out[n++] = v;
			if (i < len)
				i++; /* the comma (or anything else) */
			break;
		}
		case FLAG_UTF8: {
			uint32_t cp;
			size_t k = fl_utf8_decode(s + i, len - i, &cp);
			out[n++] = cp;
			i += k ? k : 1;
			break;
		}
		default:
			out[n++] = (unsigned char)s[i];
			i++;
			break;
		}
	}
	return n;
}

/* Split a line into at most `max` white-space separated fields. */
static size_t split_fields(const char *line, size_t len, const char **f, size_t *fl, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		size_t s;
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= len)
			break;
		s = i;
		while (i < len && line[i] != ' ' && line[i] != '\t')
			i++;
		f[n] = line + s;
		fl[n] = i - s;
		n++;
	}
	return n;
}

static bool field_is(const char *f, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(f, word, len) == 0;
}

static int parse_cond(ax *a, const char *s, size_t len, uint32_t *first, uint32_t *n)
{
	uint32_t cs[AX_MAX_CHARS];
	size_t k = to_chars(a, s, len, cs, AX_MAX_CHARS), i = 0;

	*first = (uint32_t)a->n_conds;
	*n = 0;
	if (k == SIZE_MAX || (k == 1 && cs[0] == '.'))
		return 0; /* "." (or absurdly long): no condition */
	while (i < k) {
		ax_cond_elem e = { 0, 0, 0, 0 };
		if (cs[i] == '.') {
			e.any = 1;
			i++;
		} else if (cs[i] == '[') {
			size_t j = i + 1;
			if (j < k && cs[j] == '^') {
				e.neg = 1;
				j++;
			}
			e.first = (uint32_t)a->n_chars;
			while (j < k && cs[j] != ']') {
				if (fl_grow((void **)&a->chars, &a->cap_chars, a->n_chars + 1, sizeof *a->chars))
					return FULINT_ERR_NOMEM;
				a->chars[a->n_chars++] = cs[j];
				e.n++;
				j++;
			}
			i = j + 1;
		} else {
			if (fl_grow((void **)&a->chars, &a->cap_chars, a->n_chars + 1, sizeof *a->chars))
				return FULINT_ERR_NOMEM;
			e.first = (uint32_t)a->n_chars;
			e.n = 1;
			a->chars[a->n_chars++] = cs[i];
			i++;
		}
		if (fl_grow((void **)&a->conds, &a->cap_conds, a->n_conds + 1, sizeof *a->conds))
			return FULINT_ERR_NOMEM;
		a->conds[a->n_conds++] = e;
		(*n)++;
	}
	return 0;
}

static int parse_aff(ax *a, char *text, size_t len)
{
	size_t pos = 0;
	ax_group *cur = NULL;
	size_t left = 0;
	bool first_pass = true;
	bool af_count_seen = false;

	/* Pass 1: SET and FLAG (they change how everything else is read). */
again:
	pos = 0;
	while (pos < len) {
		const char *line = text + pos;
		const char *f[6];
		size_t fl[6], n, ll = 0;
		while (pos + ll < len && line[ll] != '\n')
			ll++;
		pos += ll + 1;
		if (ll > 0 && line[ll - 1] == '\r')
			ll--;
		n = split_fields(line, ll, f, fl, 6);
		if (n == 0 || f[0][0] == '#')
			continue;
		if (first_pass) {
			if (n >= 2 && field_is(f[0], fl[0], "SET"))
				a->utf8 = field_is(f[1], fl[1], "UTF-8") || field_is(f[1], fl[1], "utf-8");
			else if (n >= 2 && field_is(f[0], fl[0], "FLAG")) {
				if (field_is(f[1], fl[1], "long"))
					a->flag_mode = FLAG_LONG;
				else if (field_is(f[1], fl[1], "num"))
					a->flag_mode = FLAG_NUM;
				else if (field_is(f[1], fl[1], "UTF-8"))
					a->flag_mode = FLAG_UTF8;
			}
			continue;
		}
		if (n >= 2 && field_is(f[0], fl[0], "AF")) {
			if (!af_count_seen) {
				af_count_seen = true; /* "AF 5": the count line; aliases follow */
				continue;
			}
			if (fl_grow((void **)&a->aliases, &a->cap_aliases, a->n_aliases + 1,
			            sizeof *a->aliases))
				return FULINT_ERR_NOMEM;
			a->aliases[a->n_aliases] = fl_strndup(f[1], fl[1]);
			if (a->aliases[a->n_aliases] == NULL)
				return FULINT_ERR_NOMEM;
			a->n_aliases++;
			continue;
		}
		if (n >= 4 && (field_is(f[0], fl[0], "PFX") || field_is(f[0], fl[0], "SFX"))) {
			bool pfx = f[0][0] == 'P';
			uint32_t flag[AX_MAX_FLAGS];
			ax tmp = *a;
			tmp.n_aliases = 0; /* the affix's own flag is never an alias */
			if (parse_flags(&tmp, f[1], fl[1], flag) != 1)
				continue;
			if (cur == NULL || left == 0 || cur->flag != flag[0] || cur->pfx != pfx) {
				/* A header: "SFX X Y 4". */
				if (fl_grow((void **)&a->groups, &a->cap_groups, a->n_groups + 1,
				            sizeof *a->groups))
					return FULINT_ERR_NOMEM;
				cur = &a->groups[a->n_groups++];
				cur->flag = flag[0];
				cur->pfx = pfx;
				cur->cross = f[2][0] == 'Y';
				cur->first = (uint32_t)a->n_rules;
				cur->n = 0;
				left = strtoul(f[3], NULL, 10);
				if (left > 100000)
					left = 100000;
				continue;
			}
			/* An entry: "SFX X strip add[/cont] cond". */
			{
				ax_rule r;
				const char *add = f[3];
				size_t add_len = fl[3], cont_len = 0, k;
				const char *cont = NULL;
				uint32_t cf[AX_MAX_FLAGS];
				size_t ncf;
				int rc;
				memset(&r, 0, sizeof r);
				for (k = 0; k < add_len; k++)
					if (add[k] == '/') {
						cont = add + k + 1;
						cont_len = add_len - k - 1;
						add_len = k;
						break;
					}
				if (field_is(f[2], fl[2], "0"))
					fl[2] = 0;
				if (add_len == 1 && add[0] == '0')
					add_len = 0;
				if ((rc = push_chars(a, f[2], fl[2], &r.strip, &r.n_strip)) != 0 ||
				    (rc = push_chars(a, add, add_len, &r.add, &r.n_add)) != 0)
					return rc;
				if (n >= 5 && (rc = parse_cond(a, f[4], fl[4], &r.cond, &r.n_cond)) != 0)
					return rc;
				if (n < 5)
					r.cond = (uint32_t)a->n_conds;
				ncf = cont ? parse_flags(a, cont, cont_len, cf) : 0;
				if (fl_grow((void **)&a->flags, &a->cap_flags, a->n_flags + ncf,
				            sizeof *a->flags))
					return FULINT_ERR_NOMEM;
				r.cont = (uint32_t)a->n_flags;
				r.n_cont = (uint32_t)ncf;
				if (ncf > 0)
					memcpy(a->flags + a->n_flags, cf, ncf * sizeof *cf);
				a->n_flags += ncf;
				if (fl_grow((void **)&a->rules, &a->cap_rules, a->n_rules + 1, sizeof *a->rules))
					return FULINT_ERR_NOMEM;
				a->rules[a->n_rules++] = r;
				cur->n++;
				left--;
			}
		}
	}
	if (first_pass) {
		first_pass = false;
		goto again;
	}
	return 0;
}

static bool cond_elem_matches(const ax *a, const ax_cond_elem *e, uint32_t ch)
{
	uint32_t i;
	bool in = false;
	if (e->any)
		return true;
	for (i = 0; i < e->n; i++)
		if (a->chars[e->first + i] == ch) {
			in = true;
			break;
		}
	return e->neg ? !in : in;
}

/* Apply rule r to word w[0..n); the result goes to out (returns its length, or SIZE_MAX). */
static size_t apply_rule(const ax *a, const ax_rule *r, bool pfx, const uint32_t *w, size_t n,
                         uint32_t *out)
{
	size_t i, keep;
	if (r->n_cond > n || r->n_strip > n || r->n_strip == n)
		return SIZE_MAX;
	for (i = 0; i < r->n_cond; i++) {
		size_t at = pfx ? i : n - r->n_cond + i;
		if (!cond_elem_matches(a, &a->conds[r->cond + i], w[at]))
			return SIZE_MAX;
	}
	for (i = 0; i < r->n_strip; i++) {
		size_t at = pfx ? i : n - r->n_strip + i;
		if (w[at] != a->chars[r->strip + i])
			return SIZE_MAX;
	}
	keep = n - r->n_strip;
	if (keep + r->n_add > AX_MAX_CHARS)
		return SIZE_MAX;
	if (pfx) {
		if (r->n_add > 0)
			memcpy(out, a->chars + r->add, r->n_add * sizeof *out);
		memcpy(out + r->n_add, w + r->n_strip, keep * sizeof *out);
	} else {
		memcpy(out, w, keep * sizeof *out);
		if (r->n_add > 0)
			memcpy(out + keep, a->chars + r->add, r->n_add * sizeof *out);
	}
	return keep + r->n_add;
}

static int emit(ax *a, const uint32_t *w, size_t n)
{
	size_t len = 0, i;
	for (i = 0; i < n; i++) {
		if (a->utf8) {
			size_t k = fl_utf8_encode(w[i], a->out + len);
			if (k == 0)
				return 0;
			len += k;
		} else {
			a->out[len++] = (char)(w[i] & 0xFF);
		}
	}
	return a->fn(a->payload, a->out, len);
}

static int cmp_group(const void *x, const void *y)
{
	const ax_group *gx = x, *gy = y;
	if (gx->flag != gy->flag)
		return gx->flag < gy->flag ? -1 : 1;
	return (int)gx->pfx - (int)gy->pfx;
}

/* The groups with `flag` (pfx or not): [*first, *first + return). */
static size_t find_groups(const ax *a, uint32_t flag, bool pfx, size_t *first)
{
	size_t lo = 0, hi = a->n_groups, n = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->groups[mid].flag < flag || (a->groups[mid].flag == flag && a->groups[mid].pfx < pfx))
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < a->n_groups && a->groups[lo + n].flag == flag && a->groups[lo + n].pfx == pfx)
		n++;
	return n;
}

/* All prefixes in stem_flags applied to w (only cross-product ones when `cross_only`). */
static int apply_prefixes(ax *a, const uint32_t *flags, size_t nf, const uint32_t *w, size_t n,
                          bool cross_only)
{
	uint32_t out[AX_MAX_CHARS];
	size_t fi, gi, ri, first, ng, k;
	int rc;
	for (fi = 0; fi < nf; fi++) {
		ng = find_groups(a, flags[fi], true, &first);
		for (gi = first; gi < first + ng; gi++) {
			const ax_group *g = &a->groups[gi];
			if (cross_only && !g->cross)
				continue;
			for (ri = g->first; ri < g->first + g->n; ri++) {
				k = apply_rule(a, &a->rules[ri], true, w, n, out);
				if (k != SIZE_MAX && (rc = emit(a, out, k)) != 0)
					return rc;
			}
		}
	}
	return 0;
}

static int expand_stem(ax *a, const uint32_t *w, size_t n, const uint32_t *flags, size_t nf)
{
	uint32_t s1[AX_MAX_CHARS], s2[AX_MAX_CHARS];
	size_t fi, gi, ri, first, ng, k1, k2, ci, gj, rj, first2, ng2;
	int rc;

	if ((rc = emit(a, w, n)) != 0)
		return rc;
	if ((rc = apply_prefixes(a, flags, nf, w, n, false)) != 0)
		return rc;
	for (fi = 0; fi < nf; fi++) {
		ng = find_groups(a, flags[fi], false, &first);
		for (gi = first; gi < first + ng; gi++) {
			const ax_group *g = &a->groups[gi];
			for (ri = g->first; ri < g->first + g->n; ri++) {
				const ax_rule *r = &a->rules[ri];
				k1 = apply_rule(a, r, false, w, n, s1);
				if (k1 == SIZE_MAX)
					continue;
				if ((rc = emit(a, s1, k1)) != 0)
					return rc;
				if (g->cross && (rc = apply_prefixes(a, flags, nf, s1, k1, true)) != 0)
					return rc;
				/* Twofold suffixes: the affix's own continuation flags. */
				for (ci = 0; ci < r->n_cont; ci++) {
					ng2 = find_groups(a, a->flags[r->cont + ci], false, &first2);
					for (gj = first2; gj < first2 + ng2; gj++)
						for (rj = a->groups[gj].first;
						     rj < a->groups[gj].first + a->groups[gj].n; rj++) {
							k2 = apply_rule(a, &a->rules[rj], false, s1, k1, s2);
							if (k2 != SIZE_MAX && (rc = emit(a, s2, k2)) != 0)
								return rc;
						}
				}
			}
		}
	}
	return 0;
}

static int expand_dic(ax *a, char *text, size_t len)
{
	size_t pos = 0;
	bool first_line = true;
	uint32_t w[AX_MAX_CHARS];
	uint32_t flags[AX_MAX_FLAGS];

	while (pos < len) {
		const char *line = text + pos;
		size_t ll = 0, wl, fs, fe, n, nf;
		int rc;
		while (pos + ll < len && line[ll] != '\n')
			ll++;
		pos += ll + 1;
		if (ll > 0 && line[ll - 1] == '\r')
			ll--;
		if (first_line) {
			first_line = false; /* the approximate word count */
			continue;
		}
		/* word[/flags][<tab or space>morphology]; "\/" is a literal slash. */
		wl = 0;
		while (wl < ll && line[wl] != '/' && line[wl] != '\t' && line[wl] != ' ') {
			if (line[wl] == '\\' && wl + 1 < ll && line[wl + 1] == '/')
				break; /* escaped slashes are rare; such words just go to Hunspell */
			wl++;
		}
		if (wl == 0 || (wl < ll && line[wl] == '\\'))
			continue;
		fs = fe = wl;
		if (wl < ll && line[wl] == '/') {
			fs = wl + 1;
			fe = fs;
			while (fe < ll && line[fe] != '\t' && line[fe] != ' ')
				fe++;
		}
		n = to_chars(a, line, wl, w, AX_MAX_CHARS);
		if (n == SIZE_MAX)
			continue;
		nf = parse_flags(a, line + fs, fe - fs, flags);
		if ((rc = expand_stem(a, w, n, flags, nf)) != 0)
			return rc;
	}
	return 0;
}

int fl_affix_expand(const char *aff_path, const char *dic_path, fl_affix_fn fn, void *payload,
                    bool *utf8, fulint_error *err)
{
	ax a;
	char *aff = NULL, *dic = NULL;
	size_t aff_len, dic_len;
	int rc;

	memset(&a, 0, sizeof a);
	a.fn = fn;
	a.payload = payload;
	rc = read_file(aff_path, &aff, &aff_len, err);
	if (rc != 0)
		goto done;
	rc = read_file(dic_path, &dic, &dic_len, err);
	if (rc != 0)
		goto done;
	rc = parse_aff(&a, aff, aff_len);
	if (rc != 0) {
		fl_error_set(err, rc, aff_path, 0, 0, "out of memory");
		goto done;
	}
	if (utf8)
		*utf8 = a.utf8;
	if (a.n_groups > 1)
		qsort(a.groups, a.n_groups, sizeof *a.groups, cmp_group);
	rc = expand_dic(&a, dic, dic_len);
done:
	free(aff);
	free(dic);
	ax_dispose(&a);
	return rc;
}
