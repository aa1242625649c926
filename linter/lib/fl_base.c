/*
 * fl_base.c - errors, allocation, capped buffers, arena, string lists and
 * UTF-8 helpers (see fl_base.h for the contracts).
 *
 * Nothing here prints, exits or aborts; out of memory is returned.
 */
#include "fl_base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---- */

int fl_error_setv(fulint_error *err, int code, const char *file, unsigned line, unsigned column,
                  const char *fmt, va_list ap)
{
	if (err == NULL)
		return code;
	err->code = code;
	err->line = line;
	err->column = column;
	err->file[0] = '\0';
	if (file != NULL)
		snprintf(err->file, sizeof(err->file), "%s", file);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	return code;
}

int fl_error_set(fulint_error *err, int code, const char *file, unsigned line, unsigned column,
                 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fl_error_setv(err, code, file, line, column, fmt, ap);
	va_end(ap);
	return code;
}

void fl_error_clear(fulint_error *err)
{
	if (err == NULL)
		return;
	err->code = 0;
	err->line = 0;
	err->column = 0;
	err->file[0] = '\0';
	err->message[0] = '\0';
}

/* ---- allocation ---- */

void *fl_malloc(size_t size)
{
	return malloc(size == 0 ? 1 : size);
}

void *fl_calloc(size_t n, size_t size)
{
	if (n == 0 || size == 0)
		return calloc(1, 1);
	return calloc(n, size);
}

void *fl_reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	return realloc(p, n * size == 0 ? 1 : n * size);
}

char *fl_strndup(const char *s, size_t n)
{
	char *d;
	if (s == NULL)
		return NULL;
	d = malloc(n + 1);
	if (d == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *fl_strdup(const char *s)
{
	return s == NULL ? NULL : fl_strndup(s, strlen(s));
}

int fl_grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *p;
	if (need <= *cap)
		return 0;
	ncap = *cap < 8 ? 8 : *cap;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return FULINT_ERR_NOMEM;
		ncap *= 2;
	}
	p = fl_reallocarray(*arr, ncap, elem);
	if (p == NULL)
		return FULINT_ERR_NOMEM;
	*arr = p;
	*cap = ncap;
	return 0;
}

/* ---- buffer ---- */

static int buf_reserve(fl_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : FL_BUF_MAX;
	size_t need, ncap;
	char *p;
	if (extra > max || b->len > max - extra)
		return FULINT_ERR_NOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	ncap = b->cap < 64 ? 64 : b->cap;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	p = realloc(b->data, ncap);
	if (p == NULL)
		return FULINT_ERR_NOMEM;
	b->data = p;
	b->cap = ncap;
	return 0;
}

int fl_buf_append(fl_buf *b, const char *data, size_t len)
{
	if (buf_reserve(b, len) < 0)
		return FULINT_ERR_NOMEM;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int fl_buf_puts(fl_buf *b, const char *s)
{
	return fl_buf_append(b, s, strlen(s));
}

int fl_buf_putc(fl_buf *b, char c)
{
	return fl_buf_append(b, &c, 1);
}

int fl_buf_printf(fl_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return FULINT_ERR_USAGE;
	if (buf_reserve(b, (size_t)n) < 0)
		return FULINT_ERR_NOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int fl_buf_json_string(fl_buf *b, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int rc = 0;
		if (c >= 0x80) {
			uint32_t cp;
			size_t n = fl_utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				rc = fl_buf_puts(b, "\\ufffd");
				i++;
			} else {
				rc = fl_buf_append(b, s + i, n);
				i += n;
			}
			if (rc < 0)
				return rc;
			continue;
		}
		switch (c) {
		case '"': rc = fl_buf_puts(b, "\\\""); break;
		case '\\': rc = fl_buf_puts(b, "\\\\"); break;
		case '\n': rc = fl_buf_puts(b, "\\n"); break;
		case '\r': rc = fl_buf_puts(b, "\\r"); break;
		case '\t': rc = fl_buf_puts(b, "\\t"); break;
		case '\b': rc = fl_buf_puts(b, "\\b"); break;
		case '\f': rc = fl_buf_puts(b, "\\f"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				rc = fl_buf_printf(b, "\\u%04x", c);
			else
				rc = fl_buf_putc(b, (char)c);
		}
		if (rc < 0)
			return rc;
		i++;
	}
	return 0;
}

const char *fl_buf_cstr(fl_buf *b)
{
	return b->data ? b->data : "";
}

char *fl_buf_detach(fl_buf *b)
{
	char *d = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void fl_buf_reset(fl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void fl_buf_dispose(fl_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* ---- arena ---- */

struct fl_arena_block {
	fl_arena_block *next;
	size_t size;
	size_t used;
	max_align_t data[]; /* aligned for any type */
};

#define ARENA_BLOCK_MIN ((size_t)16384)

void *fl_arena_alloc(fl_arena *a, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	fl_arena_block *blk = a->head;
	size_t rounded;
	if (size > SIZE_MAX / 2)
		return NULL;
	rounded = (size + align - 1) & ~(align - 1);
	if (rounded == 0)
		rounded = align;
	if (blk == NULL || blk->size - blk->used < rounded) {
		size_t bsize = rounded > ARENA_BLOCK_MIN ? rounded : ARENA_BLOCK_MIN;
		if (a->head != NULL && bsize < a->head->size * 2 && bsize < ((size_t)1 << 24))
			bsize = a->head->size * 2 > ((size_t)1 << 24) ? ((size_t)1 << 24) : a->head->size * 2;
		if (bsize < rounded)
			bsize = rounded;
		blk = malloc(sizeof(*blk) + bsize);
		if (blk == NULL)
			return NULL;
		blk->next = a->head;
		blk->size = bsize;
		blk->used = 0;
		a->head = blk;
		a->total += bsize;
	}
	{
		void *p = (char *)blk->data + blk->used;
		blk->used += rounded;
		a->used += rounded;
		return p;
	}
}

char *fl_arena_strndup(fl_arena *a, const char *s, size_t n)
{
	char *d = fl_arena_alloc(a, n + 1);
	if (d == NULL)
		return NULL;
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *fl_arena_strdup(fl_arena *a, const char *s)
{
	return fl_arena_strndup(a, s, strlen(s));
}

char *fl_arena_printf(fl_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *d;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	d = fl_arena_alloc(a, (size_t)n + 1);
	if (d == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

void fl_arena_dispose(fl_arena *a)
{
	fl_arena_block *b = a->head;
	while (b != NULL) {
		fl_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = a->total = 0;
}

/* ---- string lists ---- */

int fl_strlist_pushn(fl_strlist *l, const char *s, size_t n, unsigned line, unsigned column)
{
	char *d;
	if (fl_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
		return FULINT_ERR_NOMEM;
	d = fl_strndup(s, n);
	if (d == NULL)
		return FULINT_ERR_NOMEM;
	l->v[l->n].s = d;
	l->v[l->n].line = line;
	l->v[l->n].column = column;
	l->n++;
	return 0;
}

int fl_strlist_push(fl_strlist *l, const char *s, unsigned line, unsigned column)
{
	return fl_strlist_pushn(l, s, strlen(s), line, column);
}

bool fl_strlist_contains(const fl_strlist *l, const char *s)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].s, s) == 0)
			return true;
	return false;
}

void fl_strlist_dispose(fl_strlist *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int fl_strlist_copy(fl_strlist *dst, const fl_strlist *src)
{
	size_t i;
	for (i = 0; i < src->n; i++)
		if (fl_strlist_push(dst, src->v[i].s, src->v[i].line, src->v[i].column) < 0)
			return FULINT_ERR_NOMEM;
	return 0;
}

/* ---- UTF-8 ---- */

size_t fl_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t n, i;
	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1Fu;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0Fu;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07u;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t fl_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		o[0] = (unsigned char)(0xF0 | (cp >> 18));
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

size_t fl_utf8_first_invalid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = fl_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

size_t fl_utf8_count_codepoints(const char *s, size_t len)
{
	size_t i = 0, count = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = (unsigned char)s[i] < 0x80 ? 1 : fl_utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

size_t fl_utf8_count_utf16(const char *s, size_t len)
{
	size_t i = 0, count = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = (unsigned char)s[i] < 0x80 ? 1 : fl_utf8_decode(s + i, len - i, &cp);
		count += (n == 4) ? 2 : 1;
		i += n ? n : 1;
	}
	return count;
}

static int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int fl_ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = ascii_lower((unsigned char)*a), cb = ascii_lower((unsigned char)*b);
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

int fl_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; a++, b++, n--) {
		int ca = ascii_lower((unsigned char)*a), cb = ascii_lower((unsigned char)*b);
		if (ca != cb || ca == 0)
			return ca - cb;
	}
	return 0;
}

unsigned fl_edit_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	/* Three rolling rows of the optimal-string-alignment matrix; long
	 * inputs are capped since callers compare words. */
	unsigned rows[3][65];
	unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	size_t i, j;
	if (alen > 64)
		alen = 64;
	if (blen > 64)
		blen = 64;
	for (j = 0; j <= blen; j++)
		prev[j] = (unsigned)j;
	for (i = 1; i <= alen; i++) {
		cur[0] = (unsigned)i;
		for (j = 1; j <= blen; j++) {
			unsigned cost = a[i - 1] == b[j - 1] ? 0u : 1u;
			unsigned v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		{
			unsigned *t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[blen] > 255 ? 255 : prev[blen];
}
