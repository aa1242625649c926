/*
 * fl_literal.c - required-string extraction from PCRE2 patterns, and the
 * one-pass index that finds those strings in a text (see fl_literal.h).
 *
 * Extraction is a recursive descent over the pattern that computes, for
 * every piece, two things:
 *   exact - the finite set of strings the piece can match, when it is
 *           small (a literal, a small class, an alternation of those, an
 *           optional one); otherwise unknown;
 *   req   - a set of strings one of which every match of the piece
 *           contains, or "any" (no requirement).
 * Concatenation multiplies exact sets while they stay small and keeps the
 * best requirement of its parts (longest shortest string, then fewest
 * strings); alternation unions them (any branch without a requirement
 * makes the whole alternation unconstrained); a quantifier with minimum 0
 * removes the requirement.  Anything the parser does not fully understand
 * aborts the extraction: "no requirement" is always a safe answer.
 */
#include <stdlib.h>
#include <string.h>

#include "fl_literal.h"

/* ------------------------------------------------------------------ */
/* string sets (arena-allocated while extracting)                       */

typedef struct lset {
	bool any;   /* no requirement / unknown */
	size_t n;
	char **v;   /* NUL-terminated, lower-case ASCII; may include "" */
} lset;

typedef struct info {
	lset exact; /* .any: unknown */
	lset req;   /* .any: no requirement */
} info;

typedef struct parser {
	const char *p, *end;
	fl_arena *a;
	bool abort;
	bool nomem;
	unsigned depth;
} parser;

static const lset LSET_ANY = { true, 0, NULL };

static lset lset_one(parser *ps, const char *s, size_t n)
{
	lset r = { false, 1, NULL };
	r.v = fl_arena_alloc(ps->a, sizeof(char *));
	if (r.v == NULL || (r.v[0] = fl_arena_strndup(ps->a, s, n)) == NULL) {
		ps->nomem = true;
		return LSET_ANY;
	}
	return r;
}

static bool has_empty(const lset *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		if (s->v[i][0] == '\0')
			return true;
	return false;
}

/* A requirement that can be met by the empty string is no requirement. */
static lset as_req(lset s)
{
	if (s.any || s.n == 0 || has_empty(&s))
		return LSET_ANY;
	return s;
}

static bool lset_has(const lset *s, const char *x)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], x) == 0)
			return true;
	return false;
}

static lset lset_union(parser *ps, const lset *a, const lset *b)
{
	lset r = { false, 0, NULL };
	size_t i;
	if (a->any || b->any || a->n + b->n > FL_LIT_MAX_STRINGS)
		return LSET_ANY;
	r.v = fl_arena_alloc(ps->a, (a->n + b->n + 1) * sizeof(char *));
	if (r.v == NULL) {
		ps->nomem = true;
		return LSET_ANY;
	}
	for (i = 0; i < a->n; i++)
		if (!lset_has(&r, a->v[i]))
			r.v[r.n++] = a->v[i];
	for (i = 0; i < b->n; i++)
		if (!lset_has(&r, b->v[i]))
			r.v[r.n++] = b->v[i];
	return r;
}

/* {a + b}; *truncated set when a string had to be cut (then it is not exact). */
static lset lset_product(parser *ps, const lset *a, const lset *b, bool *truncated)
{
	lset r = { false, 0, NULL };
	size_t i, j;
	*truncated = false;
	if (a->any || b->any || a->n * b->n > FL_LIT_MAX_STRINGS)
		return LSET_ANY;
	r.v = fl_arena_alloc(ps->a, (a->n * b->n + 1) * sizeof(char *));
	if (r.v == NULL) {
		ps->nomem = true;
		return LSET_ANY;
	}
	for (i = 0; i < a->n; i++) {
		size_t la = strlen(a->v[i]);
		for (j = 0; j < b->n; j++) {
			size_t lb = strlen(b->v[j]), n = la + lb;
			char *s;
			if (n > FL_LIT_MAX_LEN) {
				n = FL_LIT_MAX_LEN; /* a prefix of a required string is required too */
				*truncated = true;
			}
			s = fl_arena_alloc(ps->a, n + 1);
			if (s == NULL) {
				ps->nomem = true;
				return LSET_ANY;
			}
			memcpy(s, a->v[i], FL_MIN(la, n));
			if (n > la)
				memcpy(s + la, b->v[j], n - la);
			s[n] = '\0';
			if (!lset_has(&r, s))
				r.v[r.n++] = s;
		}
	}
	return r;
}

/* Shortest string length (the filter's selectivity), -1 for "any". */
static long score(const lset *s)
{
	size_t i, m = SIZE_MAX;
	if (s->any || s->n == 0)
		return -1;
	for (i = 0; i < s->n; i++)
		m = FL_MIN(m, strlen(s->v[i]));
	return (long)FL_MIN(m, (size_t)FL_LIT_MAX_LEN);
}

static lset better(lset a, lset b)
{
	long sa = score(&a), sb = score(&b);
	if (sa != sb)
		return sa > sb ? a : b;
	return (a.n <= b.n) ? a : b;
}

static info info_empty(parser *ps)
{
	info r;
	r.exact = lset_one(ps, "", 0);
	r.req = LSET_ANY;
	return r;
}

static info info_anychar(void)
{
	info r;
	r.exact = LSET_ANY;
	r.req = LSET_ANY;
	return r;
}

static info info_char(parser *ps, char c)
{
	info r;
	char lc = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	r.exact = lset_one(ps, &lc, 1);
	r.req = r.exact;
	return r;
}

static info concat(parser *ps, const info *a, const info *b)
{
	info r;
	bool trunc = false;
	lset prod = lset_product(ps, &a->exact, &b->exact, &trunc);
	r.exact = trunc ? LSET_ANY : prod;
	r.req = better(better(a->req, b->req), as_req(prod));
	return r;
}

static info alternate(parser *ps, const info *a, const info *b)
{
	info r;
	r.exact = lset_union(ps, &a->exact, &b->exact);
	if (a->req.any || b->req.any)
		r.req = LSET_ANY;
	else
		r.req = as_req(lset_union(ps, &a->req, &b->req));
	return r;
}

/* ------------------------------------------------------------------ */
/* the parser                                                           */

static info parse_alt(parser *ps, bool *extended);

static bool at_end(const parser *ps)
{
	return ps->p >= ps->end;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* In extended mode: skip white space and # comments. */
static void skip_extended(parser *ps, bool extended)
{
	while (extended && !at_end(ps)) {
		if (is_space(*ps->p)) {
			ps->p++;
		} else if (*ps->p == '#') {
			while (!at_end(ps) && *ps->p != '\n')
				ps->p++;
		} else {
			break;
		}
	}
}

static int hexval(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* \x: returns the code point, or -1 (give up). ps->p is after the 'x'. */
static long parse_hex(parser *ps)
{
	long v = 0;
	int k = 0;
	if (!at_end(ps) && *ps->p == '{') {
		ps->p++;
		while (!at_end(ps) && hexval(*ps->p) >= 0 && k < 8) {
			v = v * 16 + hexval(*ps->p++);
			k++;
		}
		if (at_end(ps) || *ps->p != '}' || k == 0)
			return -1;
		ps->p++;
		return v;
	}
	while (!at_end(ps) && hexval(*ps->p) >= 0 && k < 2) {
		v = v * 16 + hexval(*ps->p++);
		k++;
	}
	return v; /* "\x" alone is NUL: v == 0 */
}

/* Skip a \p{...} / \P{...} / \pL property name.  ps->p is after the p. */
static void skip_property(parser *ps)
{
	if (!at_end(ps) && *ps->p == '{') {
		while (!at_end(ps) && *ps->p != '}')
			ps->p++;
		if (at_end(ps))
			ps->abort = true;
		else
			ps->p++;
	} else if (!at_end(ps)) {
		ps->p++;
	}
}

/* One escape outside a class.  ps->p is after the backslash. */
static info parse_escape(parser *ps)
{
	char c;
	if (at_end(ps)) {
		ps->abort = true;
		return info_anychar();
	}
	c = *ps->p++;
	switch (c) {
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'E':
		return info_empty(ps);
	case 'K':
		/* sound for the prefilter (the text before \K is still scanned), but
		 * the reported match would not hold the string: keep it simple */
		ps->abort = true;
		return info_anychar();
	case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H':
	case 'v': case 'V': case 'R': case 'X': case 'N': case 'C':
		if (c == 'N' && !at_end(ps) && *ps->p == '{')
			ps->abort = true; /* \N{U+...} */
		return info_anychar();
	case 'p': case 'P':
		skip_property(ps);
		return info_anychar();
	case 'n': return info_char(ps, '\n');
	case 't': return info_char(ps, '\t');
	case 'r': return info_char(ps, '\r');
	case 'f': return info_char(ps, '\f');
	case 'e': return info_char(ps, '\x1b');
	case 'a': return info_char(ps, '\x07');
	case 'x': {
		long v = parse_hex(ps);
		if (v < 0) {
			ps->abort = true;
			return info_anychar();
		}
		if (v == 0 || v > 127)
			return info_anychar();
		return info_char(ps, (char)v);
	}
	case 'Q': {
		info acc = info_empty(ps);
		while (!at_end(ps) && !(ps->p[0] == '\\' && ps->p + 1 < ps->end && ps->p[1] == 'E')) {
			unsigned char u = (unsigned char)*ps->p;
			info one = u < 0x80 ? info_char(ps, *ps->p) : info_anychar();
			ps->p++;
			acc = concat(ps, &acc, &one);
		}
		if (!at_end(ps))
			ps->p += 2;
		return acc;
	}
	default:
		if ((unsigned char)c >= 0x80 || is_alnum(c)) {
			ps->abort = true; /* backreferences, octal, \c, \g, \k, \o, \u ... */
			return info_anychar();
		}
		return info_char(ps, c); /* an escaped punctuation character */
	}
}

/* A character class.  ps->p is after '['. */
static info parse_class(parser *ps)
{
	bool chars[128];
	bool anything = false, first = true;
	size_t n = 0, i;
	info r;

	bool closed = false;

	memset(chars, 0, sizeof chars);
	if (!at_end(ps) && *ps->p == '^') {
		anything = true; /* negated: it matches almost anything */
		ps->p++;
	}
	while (!at_end(ps)) {
		int lo;
		char c = *ps->p;
		if (c == ']' && !first) {
			ps->p++;
			closed = true;
			break;
		}
		first = false;
		if (c == '[' && ps->p + 1 < ps->end && (ps->p[1] == ':' || ps->p[1] == '.' || ps->p[1] == '=')) {
			const char *close = ps->p + 2;
			while (close + 1 < ps->end && !(close[0] == ps->p[1] && close[1] == ']'))
				close++;
			if (close + 1 >= ps->end) {
				ps->abort = true;
				return info_anychar();
			}
			ps->p = close + 2;
			anything = true;
			continue;
		}
		if ((unsigned char)c >= 0x80) {
			anything = true;
			ps->p++;
			while (!at_end(ps) && ((unsigned char)*ps->p & 0xC0) == 0x80)
				ps->p++;
			continue;
		}
		ps->p++;
		lo = (unsigned char)c;
		if (c == '\\') {
			char e;
			if (at_end(ps)) {
				ps->abort = true;
				return info_anychar();
			}
			e = *ps->p++;
			if (e == 'x') {
				long v = parse_hex(ps);
				if (v < 0) {
					ps->abort = true;
					return info_anychar();
				}
				if (v == 0 || v > 127) {
					anything = true;
					continue;
				}
				lo = (int)v;
			} else if (e == 'n') {
				lo = '\n';
			} else if (e == 't') {
				lo = '\t';
			} else if (e == 'r') {
				lo = '\r';
			} else if (e == 'f') {
				lo = '\f';
			} else if (e == 'p' || e == 'P') {
				skip_property(ps);
				anything = true;
				continue;
			} else if (e == 'Q' || e == 'E' || is_digit(e) || e == 'c' || e == 'o' || e == 'N' ||
			           (unsigned char)e >= 0x80) {
				ps->abort = true; /* rare forms: give up rather than guess */
				return info_anychar();
			} else if (is_alnum(e)) {
				anything = true; /* \d \w \s \h \v \b (backspace) ... */
				continue;
			} else {
				lo = (unsigned char)e;
			}
		}
		/* a range lo-hi? */
		if (ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']') {
			int hi = (unsigned char)ps->p[1];
			if (hi == '\\' || hi >= 0x80 || hi == '[' || hi < lo) {
				ps->abort = true;
				return info_anychar();
			}
			ps->p += 2;
			if (hi - lo > 16) {
				anything = true;
				continue;
			}
			for (; lo <= hi; lo++)
				chars[lo] = true;
			continue;
		}
		chars[lo] = true;
	}
	if (!closed) {
		ps->abort = true;
		return info_anychar();
	}
	if (anything)
		return info_anychar();
	/* fold case: the set of lower-case forms */
	for (i = 'A'; i <= 'Z'; i++)
		if (chars[i]) {
			chars[i] = false;
			chars[i - 'A' + 'a'] = true;
		}
	for (i = 1; i < 128; i++)
		n += chars[i];
	if (n == 0 || n > 16 || chars[0])
		return info_anychar();
	r.exact.any = false;
	r.exact.n = 0;
	r.exact.v = fl_arena_alloc(ps->a, n * sizeof(char *));
	if (r.exact.v == NULL) {
		ps->nomem = true;
		return info_anychar();
	}
	for (i = 1; i < 128; i++) {
		char ch = (char)i;
		if (!chars[i])
			continue;
		r.exact.v[r.exact.n] = fl_arena_strndup(ps->a, &ch, 1);
		if (r.exact.v[r.exact.n] == NULL) {
			ps->nomem = true;
			return info_anychar();
		}
		r.exact.n++;
	}
	r.req = r.exact;
	return r;
}

/* Inline option letters up to ')' or ':'; updates *extended.  ps->p is after "(?". */
static bool parse_options(parser *ps, bool *extended, char *term)
{
	bool neg = false, ext = *extended;
	while (!at_end(ps)) {
		char c = *ps->p++;
		if (c == ')' || c == ':') {
			*term = c;
			*extended = ext;
			return true;
		}
		if (c == '-') {
			neg = true;
		} else if (c == '^') {
			ext = false;
		} else if (c == 'x') {
			if (!at_end(ps) && *ps->p == 'x')
				return false; /* (?xx): spaces in classes too; give up */
			ext = !neg;
		} else if (c != 'i' && c != 'm' && c != 's' && c != 'n' && c != 'J' && c != 'U') {
			return false;
		}
	}
	return false;
}

/* A group; ps->p is after '('. */
static info parse_group(parser *ps, bool *extended)
{
	bool inner = *extended;
	bool look = false;
	info r;

	if (!at_end(ps) && *ps->p == '*') {
		/* (*VERB) and start-of-pattern options: zero-width, except (*ACCEPT)
		 * (ends the match early) and alpha assertions (*pla: ...) */
		const char *q = ps->p + 1;
		while (q < ps->end && *q != ')')
			q++;
		if (q >= ps->end || (ps->end - ps->p > 7 && strncmp(ps->p, "*ACCEPT", 7) == 0) ||
		    (ps->p + 1 < ps->end && ps->p[1] >= 'a' && ps->p[1] <= 'z')) {
			ps->abort = true;
			return info_anychar();
		}
		ps->p = q + 1;
		return info_empty(ps);
	}
	if (!at_end(ps) && *ps->p == '?') {
		const char *q = ps->p + 1;
		char c = q < ps->end ? *q : '\0';
		if (c == '#') {
			while (!at_end(ps) && *ps->p != ')')
				ps->p++;
			if (at_end(ps))
				ps->abort = true;
			else
				ps->p++;
			return info_empty(ps);
		}
		if (c == ':' || c == '>') {
			ps->p = q + 1;
		} else if (c == '=' || c == '!') {
			ps->p = q + 1;
			look = true;
		} else if (c == '<' && q + 1 < ps->end && (q[1] == '=' || q[1] == '!')) {
			ps->p = q + 2;
			look = true;
		} else if (c == '<' || c == '\'' || (c == 'P' && q + 1 < ps->end && q[1] == '<')) {
			/* named group: skip the name */
			char close = c == '\'' ? '\'' : '>';
			ps->p = q + (c == 'P' ? 2 : 1);
			while (!at_end(ps) && *ps->p != close)
				ps->p++;
			if (at_end(ps)) {
				ps->abort = true;
				return info_anychar();
			}
			ps->p++;
		} else {
			char term = 0;
			ps->p = q;
			if (!parse_options(ps, &inner, &term)) {
				ps->abort = true; /* (?| (?R) (?1) (?& (?( (?C (?P= (?P> ... */
				return info_anychar();
			}
			if (term == ')') {
				*extended = inner; /* (?x) applies to the rest of the enclosing group */
				return info_empty(ps);
			}
		}
	}
	if (++ps->depth > 64) {
		ps->abort = true;
		return info_anychar();
	}
	r = parse_alt(ps, &inner);
	ps->depth--;
	if (at_end(ps) || *ps->p != ')') {
		ps->abort = true;
		return info_anychar();
	}
	ps->p++;
	return look ? info_empty(ps) : r;
}

/* {n}, {n,}, {n,m}: returns true and sets min/max (max -1: none); false if not a quantifier. */
static bool parse_braces(parser *ps, long *min, long *max)
{
	const char *q = ps->p + 1;
	long a = 0, b = -1;
	if (q >= ps->end || !is_digit(*q))
		return false;
	while (q < ps->end && is_digit(*q) && a < 100000)
		a = a * 10 + (*q++ - '0');
	if (q < ps->end && *q == ',') {
		q++;
		if (q < ps->end && is_digit(*q)) {
			b = 0;
			while (q < ps->end && is_digit(*q) && b < 100000)
				b = b * 10 + (*q++ - '0');
		}
	} else {
		b = a;
	}
	if (q >= ps->end || *q != '}')
		return false;
	ps->p = q + 1;
	*min = a;
	*max = b;
	return true;
}

static info quantify(parser *ps, const info *atom, long min, long max)
{
	info r;
	if (min == 1 && max == 1)
		return *atom;
	if (min == 0) {
		r.req = LSET_ANY;
		if (max == 1 && !atom->exact.any) {
			lset e = lset_one(ps, "", 0);
			r.exact = lset_union(ps, &e, &atom->exact);
		} else {
			r.exact = LSET_ANY;
		}
		return r;
	}
	r.exact = LSET_ANY;
	r.req = atom->req; /* at least one copy */
	return r;
}

/*
 * A sequence keeps the exact strings of its current run of exact pieces
 * ("next" in "next\s+steps?": each letter is a piece) and the best
 * requirement of the runs and pieces before it.
 */
static info parse_seq(parser *ps, bool *extended)
{
	info cur = info_empty(ps), out;
	lset best = LSET_ANY;
	bool all_exact = true;
	for (;;) {
		info atom;
		char c;
		skip_extended(ps, *extended);
		if (at_end(ps) || ps->abort || ps->nomem)
			break;
		c = *ps->p;
		if (c == '|' || c == ')')
			break;
		if (c == '*' || c == '+' || c == '?' || c == '{') {
			ps->abort = true; /* a quantifier with nothing to repeat, or a stray brace */
			break;
		}
		ps->p++;
		if (c == '(') {
			atom = parse_group(ps, extended);
		} else if (c == '[') {
			atom = parse_class(ps);
		} else if (c == '\\') {
			atom = parse_escape(ps);
		} else if (c == '.') {
			atom = info_anychar();
		} else if (c == '^' || c == '$') {
			atom = info_empty(ps);
		} else if ((unsigned char)c >= 0x80) {
			while (!at_end(ps) && ((unsigned char)*ps->p & 0xC0) == 0x80)
				ps->p++;
			atom = info_anychar();
		} else {
			atom = info_char(ps, c);
		}
		if (ps->abort || ps->nomem)
			break;
		skip_extended(ps, *extended);
		if (!at_end(ps)) {
			long min = 1, max = 1;
			bool quant = true;
			c = *ps->p;
			if (c == '*') {
				min = 0, max = -1;
				ps->p++;
			} else if (c == '+') {
				min = 1, max = -1;
				ps->p++;
			} else if (c == '?') {
				min = 0, max = 1;
				ps->p++;
			} else if (c == '{') {
				if (!parse_braces(ps, &min, &max)) {
					ps->abort = true; /* "{" that is not a quantifier: give up */
					break;
				}
			} else {
				quant = false;
			}
			if (quant) {
				if (!at_end(ps) && (*ps->p == '?' || *ps->p == '+'))
					ps->p++;
				skip_extended(ps, *extended);
				if (!at_end(ps) && (*ps->p == '*' || *ps->p == '+' || *ps->p == '?' || *ps->p == '{')) {
					ps->abort = true;
					break;
				}
				atom = quantify(ps, &atom, min, max);
			}
		}
		if (!atom.exact.any) {
			info joined = concat(ps, &cur, &atom);
			if (!joined.exact.any) {
				cur = joined;
				continue;
			}
			/* too many or too long strings: keep what the join proved, start over */
			best = better(best, joined.req);
			all_exact = false;
			cur = atom;
			continue;
		}
		best = better(better(best, cur.req), atom.req);
		all_exact = false;
		cur = info_empty(ps);
	}
	out.req = better(best, cur.req);
	out.exact = all_exact ? cur.exact : LSET_ANY;
	return out;
}

static info parse_alt(parser *ps, bool *extended)
{
	info acc = parse_seq(ps, extended);
	while (!at_end(ps) && !ps->abort && !ps->nomem && *ps->p == '|') {
		info next;
		ps->p++;
		next = parse_seq(ps, extended);
		acc = alternate(ps, &acc, &next);
	}
	return acc;
}

void fl_litset_dispose(fl_litset *s)
{
	size_t i;
	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static int litset_copy(fl_litset *out, const lset *s)
{
	size_t i;
	out->v = fl_calloc(s->n ? s->n : 1, sizeof(char *));
	if (out->v == NULL)
		return FULINT_ERR_NOMEM;
	for (i = 0; i < s->n; i++) {
		out->v[i] = fl_strdup(s->v[i]);
		if (out->v[i] == NULL) {
			fl_litset_dispose(out);
			return FULINT_ERR_NOMEM;
		}
		out->n++;
	}
	return 0;
}

int fl_literal_extract(const char *re, fl_litset *out)
{
	fl_arena a = FL_ARENA_INIT;
	parser ps;
	bool extended = false;
	info r;
	int rc = 0;

	out->v = NULL;
	out->n = 0;
	memset(&ps, 0, sizeof ps);
	ps.p = re;
	ps.end = re + strlen(re);
	ps.a = &a;
	r = parse_alt(&ps, &extended);
	if (!ps.abort && !ps.nomem && at_end(&ps) && score(&r.req) >= FL_LIT_MIN)
		rc = litset_copy(out, &r.req);
	if (ps.nomem)
		rc = FULINT_ERR_NOMEM;
	fl_arena_dispose(&a);
	return rc;
}

int fl_litset_encode(const fl_litset *s, fl_buf *out)
{
	size_t i;
	fl_buf_reset(out);
	if (fl_buf_printf(out, "%zu", s->n) < 0 || fl_buf_putc(out, '\0') < 0)
		return FULINT_ERR_NOMEM;
	for (i = 0; i < s->n; i++)
		if (fl_buf_append(out, s->v[i], strlen(s->v[i]) + 1) < 0)
			return FULINT_ERR_NOMEM;
	return 0;
}

int fl_litset_decode(fl_litset *s, const char *data, size_t len)
{
	const char *p = data, *end = data + len, *z;
	size_t n = 0, i;
	s->v = NULL;
	s->n = 0;
	z = memchr(p, '\0', len);
	if (z == NULL || z == p)
		return FULINT_ERR_USAGE;
	for (; p < z; p++) {
		if (!is_digit(*p) || n > FL_LIT_MAX_STRINGS)
			return FULINT_ERR_USAGE;
		n = n * 10 + (size_t)(*p - '0');
	}
	if (n > FL_LIT_MAX_STRINGS)
		return FULINT_ERR_USAGE;
	p = z + 1;
	s->v = fl_calloc(n ? n : 1, sizeof(char *));
	if (s->v == NULL)
		return FULINT_ERR_NOMEM;
	for (i = 0; i < n; i++) {
		size_t l;
		z = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		if (z == NULL || z - p < FL_LIT_MIN || z - p > FL_LIT_MAX_LEN) {
			fl_litset_dispose(s);
			return FULINT_ERR_USAGE;
		}
		l = (size_t)(z - p);
		s->v[i] = fl_strndup(p, l);
		if (s->v[i] == NULL) {
			fl_litset_dispose(s);
			return FULINT_ERR_NOMEM;
		}
		s->n++;
		p = z + 1;
	}
	if (p != end) {
		fl_litset_dispose(s);
		return FULINT_ERR_USAGE;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* the index                                                            */

/*
 * Every string is at least FL_LIT_MIN (3) bytes long; the table is keyed
 * by its first three lower-cased bytes.  Scanning looks each text
 * position's three bytes up (a 4096-entry bloom bitmap first, then the
 * bucket) and compares the candidates case-insensitively.
 */
typedef struct lit_entry {
	const char *s; /* owned by the index */
	size_t len;
	uint32_t id;   /* pattern id */
	uint32_t key;  /* first three bytes */
	uint32_t next; /* chain in the bucket; UINT32_MAX ends it */
} lit_entry;

struct fl_litindex {
	lit_entry *e;
	size_t n;
	uint32_t *bucket; /* n_buckets heads */
	size_t n_buckets;
	uint64_t bloom[64]; /* 4096 bits over the key */
	char *pool;
	size_t count;     /* pattern ids */
};

static unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static uint32_t key3(const unsigned char *s)
{
	return (uint32_t)lower(s[0]) | (uint32_t)lower(s[1]) << 8 | (uint32_t)lower(s[2]) << 16;
}

static uint32_t key_slot(uint32_t k, size_t n_buckets)
{
	return (uint32_t)(((uint64_t)k * 0x9E3779B1u) >> 12) & (uint32_t)(n_buckets - 1);
}

int fl_litindex_new(fl_litindex **out, const fl_litset *sets, size_t n)
{
	fl_litindex *ix = fl_calloc(1, sizeof(*ix));
	size_t total = 0, bytes = 0, i, j, k = 0, off = 0;
	*out = NULL;
	if (ix == NULL)
		return FULINT_ERR_NOMEM;
	ix->count = n;
	for (i = 0; i < n; i++)
		for (j = 0; j < sets[i].n; j++) {
			total++;
			bytes += strlen(sets[i].v[j]) + 1;
		}
	ix->n_buckets = 64;
	while (ix->n_buckets < total)
		ix->n_buckets *= 2;
	ix->e = fl_calloc(total ? total : 1, sizeof(*ix->e));
	ix->bucket = fl_malloc(ix->n_buckets * sizeof(*ix->bucket));
	ix->pool = fl_malloc(bytes ? bytes : 1);
	if (ix->e == NULL || ix->bucket == NULL || ix->pool == NULL || n > UINT32_MAX) {
		fl_litindex_free(ix);
		return FULINT_ERR_NOMEM;
	}
	memset(ix->bucket, 0xff, ix->n_buckets * sizeof(*ix->bucket));
	for (i = 0; i < n; i++) {
		for (j = 0; j < sets[i].n; j++) {
			size_t len = strlen(sets[i].v[j]);
			lit_entry *e = &ix->e[k];
			uint32_t slot;
			if (len < FL_LIT_MIN)
				continue;
			memcpy(ix->pool + off, sets[i].v[j], len + 1);
			e->s = ix->pool + off;
			e->len = len;
			e->id = (uint32_t)i;
			e->key = key3((const unsigned char *)e->s);
			slot = key_slot(e->key, ix->n_buckets);
			e->next = ix->bucket[slot];
			ix->bucket[slot] = (uint32_t)k;
			ix->bloom[(e->key & 4095u) >> 6] |= (uint64_t)1 << (e->key & 63u);
			off += len + 1;
			k++;
		}
	}
	ix->n = k;
	*out = ix;
	return 0;
}

void fl_litindex_free(fl_litindex *ix)
{
	if (ix == NULL)
		return;
	free(ix->e);
	free(ix->bucket);
	free(ix->pool);
	free(ix);
}

size_t fl_litindex_count(const fl_litindex *ix)
{
	return ix != NULL ? ix->count : 0;
}

static int hit_push(fl_lithits *h, size_t start, size_t end)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		uint32_t *s = fl_reallocarray(h->start, cap, sizeof(*s));
		uint32_t *e;
		if (s == NULL)
			return FULINT_ERR_NOMEM;
		h->start = s;
		e = fl_reallocarray(h->end, cap, sizeof(*e));
		if (e == NULL)
			return FULINT_ERR_NOMEM;
		h->end = e;
		h->cap = cap;
	}
	h->start[h->n] = (uint32_t)start;
	h->end[h->n] = (uint32_t)end;
	h->n++;
	return 0;
}

int fl_litindex_scan(const fl_litindex *ix, const char *text, size_t len, fl_lithits *hits)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i;
	for (i = 0; i < ix->count; i++)
		hits[i].n = 0;
	if (len >= UINT32_MAX)
		return 0;
	/* U+017F (long s) and U+212A (Kelvin sign) match s and k caselessly. */
	for (i = 0; i + 2 < len; i++) {
		if ((t[i] == 0xC5 && t[i + 1] == 0xBF) || (t[i] == 0xE2 && t[i + 1] == 0x84 && t[i + 2] == 0xAA))
			return 0;
		if (i + 3 == len && t[i + 1] == 0xC5 && t[i + 2] == 0xBF)
			return 0;
	}
	if (len == 2 && t[0] == 0xC5 && t[1] == 0xBF)
		return 0;
	for (i = 0; i + FL_LIT_MIN <= len; i++) {
		uint32_t k = key3(t + i), e;
		if (!(ix->bloom[(k & 4095u) >> 6] & ((uint64_t)1 << (k & 63u))))
			continue;
		for (e = ix->bucket[key_slot(k, ix->n_buckets)]; e != UINT32_MAX; e = ix->e[e].next) {
			const lit_entry *le = &ix->e[e];
			size_t j;
			if (le->key != k || le->len > len - i)
				continue;
			for (j = FL_LIT_MIN; j < le->len && lower(t[i + j]) == (unsigned char)le->s[j]; j++)
				;
			if (j == le->len && hit_push(&hits[le->id], i, i + le->len) < 0)
				return FULINT_ERR_NOMEM;
		}
	}
	return 1;
}

void fl_lithits_dispose(fl_lithits *h, size_t count)
{
	size_t i;
	if (h == NULL)
		return;
	for (i = 0; i < count; i++) {
		free(h[i].start);
		free(h[i].end);
		h[i].start = h[i].end = NULL;
		h[i].n = h[i].cap = 0;
	}
}

bool fl_lithits_any(const fl_lithits *h, size_t from, size_t to)
{
	size_t lo = 0, hi = h->n, k;
	/* first hit starting at or after `from` */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->start[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* hits are pushed in start order; a later one may be shorter, so look on
	 * while they still start inside the range (a bounded look: then "maybe") */
	for (k = lo; k < h->n && h->start[k] < to; k++) {
		if (h->end[k] <= to)
			return true;
		if (k - lo > 64)
			return true;
	}
	return false;
}
