/*
 * fl_base.h - support code every module uses: errors, a capped growable
 * buffer, a per-lint arena, string lists and UTF-8 helpers.
 *
 * Invariants: every growable buffer has a hard cap (FL_BUF_MAX unless the
 * caller sets a smaller one); running out of memory is reported as
 * FULINT_ERR_NOMEM, never by aborting.  Nothing here prints or exits.
 */
#ifndef FL_BASE_H
#define FL_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fulint.h"

#define FL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define FL_MIN(a, b) ((a) < (b) ? (a) : (b))
#define FL_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Largest buffer the library will grow (inputs are capped before this). */
#define FL_BUF_MAX ((size_t)1 << 31)

#if defined(__GNUC__)
#define FL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FL_PRINTF(a, b)
#endif

/* ---- errors ---- */

/*
 * Fill `err` (when not NULL) with `code`, a position and a printf-style
 * message.  `file` may be NULL; line/column 0 mean unknown.  Returns `code`
 * so callers can write `return fl_error_set(err, ...)`.
 */
int fl_error_set(fulint_error *err, int code, const char *file, unsigned line, unsigned column,
                 const char *fmt, ...) FL_PRINTF(6, 7);
int fl_error_setv(fulint_error *err, int code, const char *file, unsigned line, unsigned column,
                  const char *fmt, va_list ap) FL_PRINTF(6, 0);
/* Clear `err` (code 0, empty strings). NULL is a no-op. */
void fl_error_clear(fulint_error *err);

/* ---- allocation ---- */

/* malloc/calloc/realloc wrappers that check size overflow; NULL on failure. */
void *fl_malloc(size_t size);
void *fl_calloc(size_t n, size_t size);
void *fl_reallocarray(void *p, size_t n, size_t size);
/* strdup/strndup; NULL in -> NULL out. */
char *fl_strdup(const char *s);
char *fl_strndup(const char *s, size_t n);

/*
 * Grow `*arr` (of `*cap` elements of `elem` bytes) so that it holds at least
 * `need` elements.  Returns 0 or FULINT_ERR_NOMEM (then *arr is unchanged).
 */
int fl_grow(void **arr, size_t *cap, size_t need, size_t elem);

/* ---- buffer ---- */

typedef struct fl_buf {
	char *data; /* always NUL-terminated when len > 0 or after fl_buf_cstr */
	size_t len;
	size_t cap;
	size_t max; /* 0 means FL_BUF_MAX */
} fl_buf;
#define FL_BUF_INIT { NULL, 0, 0, 0 }

int fl_buf_append(fl_buf *b, const char *data, size_t len);
int fl_buf_puts(fl_buf *b, const char *s);
int fl_buf_putc(fl_buf *b, char c);
int fl_buf_printf(fl_buf *b, const char *fmt, ...) FL_PRINTF(2, 3);
/* Append `s` JSON-escaped (without the surrounding quotes). */
int fl_buf_json_string(fl_buf *b, const char *s, size_t len);
/* Always returns a NUL-terminated string ("" for an empty buffer). */
const char *fl_buf_cstr(fl_buf *b);
/* Hand the data to the caller (NUL-terminated, may be NULL when empty) and reset. */
char *fl_buf_detach(fl_buf *b);
void fl_buf_reset(fl_buf *b);
void fl_buf_dispose(fl_buf *b);

/* ---- arena: per-lint scratch freed at once ---- */

typedef struct fl_arena_block fl_arena_block;
typedef struct fl_arena {
	fl_arena_block *head;
	size_t used;
	size_t total;
} fl_arena;
#define FL_ARENA_INIT { NULL, 0, 0 }

/* Allocate `size` bytes aligned for any type; NULL when out of memory. */
void *fl_arena_alloc(fl_arena *a, size_t size);
char *fl_arena_strndup(fl_arena *a, const char *s, size_t n);
char *fl_arena_strdup(fl_arena *a, const char *s);
char *fl_arena_printf(fl_arena *a, const char *fmt, ...) FL_PRINTF(2, 3);
/* Free every block; the arena can be reused. */
void fl_arena_dispose(fl_arena *a);

/* ---- string lists ---- */

/* A string with the position it came from (1-based; 0 when not from a file). */
typedef struct fl_str {
	char *s;
	unsigned line;
	unsigned column;
} fl_str;

typedef struct fl_strlist {
	fl_str *v;
	size_t n;
	size_t cap;
} fl_strlist;
#define FL_STRLIST_INIT { NULL, 0, 0 }

int fl_strlist_push(fl_strlist *l, const char *s, unsigned line, unsigned column);
int fl_strlist_pushn(fl_strlist *l, const char *s, size_t n, unsigned line, unsigned column);
bool fl_strlist_contains(const fl_strlist *l, const char *s);
void fl_strlist_dispose(fl_strlist *l);
/* Deep copy `src` into `dst` (which must be empty). */
int fl_strlist_copy(fl_strlist *dst, const fl_strlist *src);

/* ---- UTF-8 ---- */

/*
 * Decode the code point at s[0..len).  On success returns the sequence
 * length (1-4) and sets *cp.  On an invalid, overlong, surrogate or
 * truncated sequence returns 0 and sets *cp to 0xFFFD.
 */
size_t fl_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode `cp` into out (4 bytes room); returns bytes written (0 if invalid). */
size_t fl_utf8_encode(uint32_t cp, char *out);
/*
 * Offset of the first invalid byte in s[0..len), or `len` when all of it is
 * valid UTF-8.
 */
size_t fl_utf8_first_invalid(const char *s, size_t len);
/* Code points / UTF-16 units in s[0..len) (each invalid byte counts as one). */
size_t fl_utf8_count_codepoints(const char *s, size_t len);
size_t fl_utf8_count_utf16(const char *s, size_t len);

/* ASCII-only case-insensitive comparisons (locale-independent). */
int fl_ascii_casecmp(const char *a, const char *b);
int fl_ascii_ncasecmp(const char *a, const char *b, size_t n);

/* Damerau-Levenshtein (optimal string alignment) distance, byte-wise, capped at 255. */
unsigned fl_edit_distance(const char *a, size_t alen, const char *b, size_t blen);

#endif /* FL_BASE_H */
