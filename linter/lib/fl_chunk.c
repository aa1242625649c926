/*
 * fl_chunk.c - chunks of a large text at blank lines, and the line-locality
 * test of rule patterns (see fl_chunk.h for the contract).
 *
 * Why a blank line: paragraphs and sentences end there, so segment-scoped
 * rules see whole segments; and a pattern that can neither consume nor test
 * a line feed sees, at a chunk's first byte (just after a '\n'), the same
 * context as in the whole text (a line start, a non-word character before
 * it), so a text-scoped scan cut at bounds finds the same matches.
 */
#include <stdlib.h>
#include <string.h>

#include "fl_chunk.h"

static bool blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

bool fl_chunk_is_bound(const char *s, size_t len, size_t b)
{
	size_t i;
	if (b == 0 || b >= len || s[b - 1] != '\n')
		return false;
	/* the line that s[b - 1] ends: blank, and itself preceded by a line end */
	for (i = b - 1; i > 0 && s[i - 1] != '\n'; i--)
		if (!blank_byte(s[i - 1]))
			return false;
	return i > 0;
}

int fl_chunk_split(const char *s, size_t len, size_t target, size_t **bounds, size_t *n_chunks)
{
	size_t *v = NULL, n = 0, cap = 0, pos = 0;

	*bounds = NULL;
	*n_chunks = 0;
	if (target == 0)
		target = 1;
	if (fl_grow((void **)&v, &cap, 1, sizeof(*v)) < 0)
		return FULINT_ERR_NOMEM;
	v[n++] = 0;
	while (len - pos > target) {
		size_t b = pos + target, found = 0;
		/* the first bound at or after pos + target: after "\n[ \t\r]*\n" */
		while (b < len) {
			const char *nl = memchr(s + b - 1, '\n', len - (b - 1));
			if (nl == NULL)
				break;
			b = (size_t)(nl - s) + 1;
			if (fl_chunk_is_bound(s, len, b)) {
				found = b;
				break;
			}
			b++;
		}
		if (found == 0)
			break;
		if (fl_grow((void **)&v, &cap, n + 1, sizeof(*v)) < 0) {
			free(v);
			return FULINT_ERR_NOMEM;
		}
		v[n++] = found;
		pos = found;
	}
	if (fl_grow((void **)&v, &cap, n + 1, sizeof(*v)) < 0) {
		free(v);
		return FULINT_ERR_NOMEM;
	}
	v[n++] = len;
	*bounds = v;
	*n_chunks = n - 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* line locality of patterns                                            */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Parse "\x.." at p (p[0] == '\\', p[1] == 'x').  Sets *value (a code
 * point) and returns the bytes used, or 0 when malformed.
 */
static size_t parse_hex(const char *p, unsigned long *value)
{
	size_t i = 2;
	unsigned long v = 0;
	if (p[2] == '{') {
		for (i = 3; p[i] != '}'; i++) {
			int h = hexval(p[i]);
			if (h < 0 || i > 12)
				return 0;
			v = v * 16 + (unsigned long)h;
		}
		*value = v;
		return i + 1;
	}
	while (i < 4 && hexval(p[i]) >= 0) {
		v = v * 16 + (unsigned long)hexval(p[i]);
		i++;
	}
	*value = v;
	return i;
}

/* Unicode properties that never hold a line feed (\p{..}). */
static bool property_ok(const char *name, size_t len)
{
	static const char *const extra[] = {
		"Extended_Pictographic", "ExtPict", "Emoji_Modifier", "EMod", "Emoji_Presentation",
		"EPres", "Regional_Indicator", "RI", "Emoji_Modifier_Base", "EBase",
	};
	size_t i;
	if (len == 0 || name[0] == '^')
		return false;
	for (i = 0; i < FL_ARRAY_LEN(extra); i++)
		if (strlen(extra[i]) == len && memcmp(extra[i], name, len) == 0)
			return true;
	/* Common (Zyyy), Inherited (Zinh) and Unknown (Zzzz) scripts hold controls. */
	if (len == 4 && name[0] == 'Z' && name[1] == 'y')
		return false;
	if (len >= 2 && name[0] == 'Z' && (name[1] == 'i' || name[1] == 'z'))
		return false;
	/* General categories L, M, N, P, S, Z (and scripts starting so) exclude Cc. */
	return strchr("LMNPSZ", name[0]) != NULL;
}

/* Parse \p at p; returns bytes used and sets *ok, or 0 when malformed. */
static size_t parse_property(const char *p, bool *ok)
{
	if (p[2] == '{') {
		const char *end = strchr(p + 3, '}');
		if (end == NULL)
			return 0;
		*ok = property_ok(p + 3, (size_t)(end - (p + 3)));
		return (size_t)(end - p) + 1;
	}
	if (p[2] == '\0')
		return 0;
	*ok = property_ok(p + 2, 1);
	return 3;
}

/*
 * One item of a character class at p.  Sets *nl when the item can match a
 * line feed, *excl when it surely does ("\n", "\s", "\v", "[:space:]"),
 * *value to its code point when it is a single character (else ULONG_MAX).
 * Returns the bytes used, or 0 when the class cannot be judged.
 */
static size_t class_item(const char *p, bool *nl, bool *excl, unsigned long *value)
{
	unsigned char c = (unsigned char)p[0];
	*nl = *excl = false;
	*value = (unsigned long)-1;
	if (c == '\0')
		return 0;
	if (c == '[' && p[1] == ':') {
		const char *end = strstr(p + 2, ":]");
		if (end == NULL)
			return 0;
		if (p[2] == '^' || strncmp(p + 2, "cntrl:", 6) == 0 || strncmp(p + 2, "space:", 6) == 0) {
			*nl = true;
			*excl = strncmp(p + 2, "space:", 6) == 0;
		}
		return (size_t)(end - p) + 2;
	}
	if (c == '\\') {
		char e = p[1];
		switch (e) {
		case '\0':
			return 0;
		case 'n':
			*nl = *excl = true;
			*value = '\n';
			return 2;
		case 's':
		case 'v':
			*nl = *excl = true;
			return 2;
		case 'W':
		case 'D':
		case 'H':
		case 'R':
		case 'N':
		case 'X':
		case 'C':
		case 'P':
		case 'c':
		case 'o':
		case 'Q':
		case 'E':
			*nl = true;
			return 2;
		case 'x': {
			unsigned long v;
			size_t used = parse_hex(p, &v);
			if (used == 0)
				return 0;
			*value = v;
			*nl = v == '\n';
			*excl = *nl;
			return used;
		}
		case 'p': {
			bool ok = false;
			size_t used = parse_property(p, &ok);
			if (used == 0)
				return 0;
			*nl = !ok;
			return used;
		}
		case 't': *value = '\t'; return 2;
		case 'r': *value = '\r'; return 2;
		case 'f': *value = '\f'; return 2;
		case 'e': *value = 27; return 2;
		case 'a': *value = 7; return 2;
		case 'd':
		case 'w':
		case 'S':
		case 'h':
		case 'V':
		case 'b':
			return 2;
		default:
			if (e >= '0' && e <= '9') { /* octal */
				*nl = true;
				return 2;
			}
			*value = (unsigned char)e;
			return 2;
		}
	}
	if (c == '\n') {
		*nl = *excl = true;
		*value = '\n';
		return 1;
	}
	*value = c < 0x80 ? c : 0x80; /* any non-ASCII character is above '\n' */
	if (c >= 0x80) {
		size_t k = 1;
		while ((((unsigned char)p[k]) & 0xC0) == 0x80)
			k++;
		return k;
	}
	return 1;
}

/* A class at p (p[0] == '['); returns bytes used, or 0 when it may hold a line feed. */
static size_t scan_class(const char *p)
{
	size_t i = 1;
	bool neg = false, any_nl = false, excludes = false, first = true;
	unsigned long prev = (unsigned long)-1;

	if (p[i] == '^') {
		neg = true;
		i++;
	}
	for (;;) {
		bool nl, excl;
		unsigned long v;
		size_t used;
		if (p[i] == '\0')
			return 0;
		if (p[i] == ']' && !first)
			break;
		first = false;
		if (p[i] == '-' && prev != (unsigned long)-1 && p[i + 1] != ']' && p[i + 1] != '\0') {
			used = class_item(p + i + 1, &nl, &excl, &v);
			if (used == 0)
				return 0;
			if (v == (unsigned long)-1) {
				/* "a-\d": '-' is literal; judge the item alone */
				any_nl = any_nl || nl;
				excludes = excludes || excl;
			} else if (prev <= '\n' && v >= '\n') {
				any_nl = true;
				excludes = true;
			}
			prev = (unsigned long)-1;
			i += 1 + used;
			continue;
		}
		used = class_item(p + i, &nl, &excl, &v);
		if (used == 0)
			return 0;
		any_nl = any_nl || nl;
		excludes = excludes || excl;
		prev = v;
		i += used;
	}
	if (neg ? !excludes : any_nl)
		return 0;
	return i + 1;
}

/* The inline option letters after "(?" up to ')' or ':': safe ones only. */
static bool options_ok(const char *p, size_t *used)
{
	size_t i = 0;
	bool minus = false;
	while (p[i] != ')' && p[i] != ':') {
		char c = p[i];
		if (c == '-')
			minus = true;
		else if (c == 'm' && minus)
			return false;
		else if (strchr("imnUJ", c) == NULL || c == '\0')
			return false;
		i++;
	}
	*used = i + 1;
	return true;
}

bool fl_chunk_re_line_local(const char *re)
{
	const char *p = re;
	if (re == NULL)
		return true;
	while (*p) {
		char c = *p;
		if (c == '\n' || c == '\r')
			return false;
		if (c == '\\') {
			char e = p[1];
			if (e == '\0')
				return false;
			if (e == 'Q') {
				const char *end = strstr(p + 2, "\\E");
				size_t n = end ? (size_t)(end - (p + 2)) : strlen(p + 2);
				if (memchr(p + 2, '\n', n) != NULL || memchr(p + 2, '\r', n) != NULL)
					return false;
				p += 2 + n + (end ? 2 : 0);
				continue;
			}
			if (strchr("AGZzsvRWDHXCPcoNnr0", e) != NULL)
				return false;
			if (e >= '1' && e <= '9') {
				if (p[2] >= '0' && p[2] <= '9')
					return false; /* \12 may be octal (a line feed) */
				p += 2;
				continue;
			}
			if (e == 'x') {
				unsigned long v;
				size_t used = parse_hex(p, &v);
				if (used == 0 || v == '\n' || v == '\r')
					return false;
				p += used;
				continue;
			}
			if (e == 'p') {
				bool ok = false;
				size_t used = parse_property(p, &ok);
				if (used == 0 || !ok)
					return false;
				p += used;
				continue;
			}
			p += 2;
			continue;
		}
		if (c == '[') {
			size_t used = scan_class(p);
			if (used == 0)
				return false;
			p += used;
			continue;
		}
		if (c == '(' && p[1] == '*') {
			if (strncmp(p, "(*MARK:", 7) != 0 && strncmp(p, "(*:", 3) != 0 &&
			    strncmp(p, "(*FAIL)", 7) != 0 && strncmp(p, "(*F)", 4) != 0 &&
			    strncmp(p, "(*ACCEPT)", 9) != 0)
				return false;
			p += 2;
			continue;
		}
		if (c == '(' && p[1] == '?') {
			char k = p[2];
			size_t used;
			if (k == '#') { /* comment */
				const char *end = strchr(p, ')');
				if (end == NULL || memchr(p, '\n', (size_t)(end - p)) != NULL)
					return false;
				p = end + 1;
				continue;
			}
			if (k == 'C')
				return false; /* callouts */
			if (strchr(":=!>|<P'&R+(-0123456789", k) != NULL && !(k == '-' && !(p[3] >= '0' && p[3] <= '9'))) {
				p += 3;
				continue;
			}
			if (!options_ok(p + 2, &used))
				return false;
			p += 2 + used;
			continue;
		}
		p++;
	}
	return true;
}
