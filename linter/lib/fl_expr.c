/*
 * fl_expr.c - the arithmetic expression evaluator of metric rules (see
 * fl_expr.h for the grammar).
 *
 * A recursive-descent parser builds a flat array of nodes; children are
 * indices into it.  Recursion is bounded twice: the parser counts nesting
 * (FL_EXPR_MAX_DEPTH) and every node records its height, which is capped
 * (FL_EXPR_MAX_HEIGHT), so the recursive evaluator never goes deeper than
 * that whatever the input.  Numbers are read without strtod so the result
 * never depends on the process locale.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fl_expr.h"

#define FL_EXPR_MAX_HEIGHT 256
#define FL_EXPR_MAX_NAME 64

typedef enum op {
	OP_NUM,
	OP_VAR,
	OP_NEG,
	OP_NOT,
	OP_ADD,
	OP_SUB,
	OP_MUL,
	OP_DIV,
	OP_MOD,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE,
	OP_AND,
	OP_OR,
	OP_COND,
	OP_CALL
} op;

typedef enum fn {
	FN_SQRT,
	FN_ABS,
	FN_MIN,
	FN_MAX,
	FN_POW,
	FN_FLOOR,
	FN_CEIL,
	FN_ROUND,
	FN_TRUNC,
	FN_LOG,
	FN_LOG10,
	FN_LOG2,
	FN_EXP
} fn;

static const struct {
	const char *name;
	fn id;
	unsigned min_args, max_args;
} functions[] = {
	{ "sqrt", FN_SQRT, 1, 1 },   { "abs", FN_ABS, 1, 1 },     { "min", FN_MIN, 2, 8 },
	{ "max", FN_MAX, 2, 8 },     { "pow", FN_POW, 2, 2 },     { "floor", FN_FLOOR, 1, 1 },
	{ "ceil", FN_CEIL, 1, 1 },   { "round", FN_ROUND, 1, 1 }, { "trunc", FN_TRUNC, 1, 1 },
	{ "log", FN_LOG, 1, 1 },     { "log10", FN_LOG10, 1, 1 }, { "log2", FN_LOG2, 1, 1 },
	{ "exp", FN_EXP, 1, 1 },
};

typedef struct node {
	op kind;
	unsigned height;
	size_t var;      /* OP_VAR: index into values; OP_CALL: function */
	size_t a, b, c;  /* children; OP_CALL: first argument node in `args`, count in b */
	double num;
} node;

struct fl_expr {
	node *nodes;
	size_t n_nodes;
	size_t *args; /* call arguments (node indices), referenced by OP_CALL */
	size_t n_args;
	size_t root;
};

typedef struct parser {
	const char *src;
	size_t len;
	size_t pos;
	unsigned depth;
	const char *const *vars;
	size_t n_vars;
	fl_expr *e;
	size_t cap_nodes, cap_args;
	size_t err_offset;
	fulint_error *err;
	int failed; /* 0, or the error code already set */
} parser;

/* Record the first error: the message is pre + name + post. */
static int fail3(parser *p, size_t at, int code, const char *pre, const char *name, const char *post)
{
	if (!p->failed) {
		p->failed = code;
		p->err_offset = at;
		if (code == FULINT_ERR_NOMEM)
			fl_error_set(p->err, code, NULL, 0, 0, "out of memory");
		else
			fl_error_set(p->err, code, NULL, 0, 0, "%s%s%s", pre, name ? name : "",
			             post ? post : "");
	}
	return -1;
}

static int fail(parser *p, size_t at, int code, const char *msg)
{
	return fail3(p, at, code, msg, NULL, NULL);
}

static void skip_space(parser *p)
{
	while (p->pos < p->len) {
		char c = p->src[p->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

/* True (and consumes it) when the next token is exactly `tok`. */
static bool accept(parser *p, const char *tok)
{
	size_t n = strlen(tok);
	skip_space(p);
	if (p->len - p->pos < n || memcmp(p->src + p->pos, tok, n) != 0)
		return false;
	/* "<" must not eat the start of "<=", "&" never stands alone, ... */
	if (n == 1 && p->pos + 1 < p->len && p->src[p->pos + 1] == '=' && strchr("<>=!", tok[0]))
		return false;
	p->pos += n;
	return true;
}

static size_t add_node(parser *p, op kind, size_t a, size_t b, size_t c, size_t at)
{
	fl_expr *e = p->e;
	node *nd;
	unsigned h = 0;
	if (p->failed)
		return 0;
	if (e->n_nodes >= FL_EXPR_MAX_NODES)
		return (size_t)fail(p, at, FULINT_ERR_RULE, "expression too long");
	if (fl_grow((void **)&e->nodes, &p->cap_nodes, e->n_nodes + 1, sizeof(node)) < 0)
		return (size_t)fail(p, at, FULINT_ERR_NOMEM, "");
	switch (kind) {
	case OP_NUM:
	case OP_VAR:
		break;
	case OP_NEG:
	case OP_NOT:
		h = e->nodes[a].height;
		break;
	case OP_COND:
		h = FL_MAX(e->nodes[a].height, FL_MAX(e->nodes[b].height, e->nodes[c].height));
		break;
	case OP_CALL: {
		size_t i;
		for (i = 0; i < b; i++)
			h = FL_MAX(h, e->nodes[e->args[a + i]].height);
		break;
	}
	default:
		h = FL_MAX(e->nodes[a].height, e->nodes[b].height);
		break;
	}
	if (h + 1 > FL_EXPR_MAX_HEIGHT)
		return (size_t)fail(p, at, FULINT_ERR_RULE, "expression nested too deeply");
	nd = &e->nodes[e->n_nodes];
	memset(nd, 0, sizeof(*nd));
	nd->kind = kind;
	nd->height = h + 1;
	nd->a = a;
	nd->b = b;
	nd->c = c;
	return e->n_nodes++;
}

static size_t parse_expr(parser *p);

static size_t parse_number(parser *p)
{
	size_t start = p->pos, digits = 0;
	double m = 0;
	long e10 = 0, exp = 0;
	bool any = false;
	size_t id;

	while (p->pos < p->len && p->src[p->pos] >= '0' && p->src[p->pos] <= '9') {
		if (digits < 18) {
			m = m * 10 + (p->src[p->pos] - '0');
			if (m > 0)
				digits++;
		} else {
			e10++;
		}
		p->pos++;
		any = true;
	}
	if (p->pos < p->len && p->src[p->pos] == '.') {
		p->pos++;
		while (p->pos < p->len && p->src[p->pos] >= '0' && p->src[p->pos] <= '9') {
			if (digits < 18) {
				m = m * 10 + (p->src[p->pos] - '0');
				e10--;
				if (m > 0)
					digits++;
			}
			p->pos++;
			any = true;
		}
	}
	if (!any)
		return (size_t)fail(p, start, FULINT_ERR_RULE, "bad number");
	if (p->pos < p->len && (p->src[p->pos] == 'e' || p->src[p->pos] == 'E')) {
		size_t save = p->pos;
		int sign = 1;
		bool edigits = false;
		p->pos++;
		if (p->pos < p->len && (p->src[p->pos] == '+' || p->src[p->pos] == '-')) {
			if (p->src[p->pos] == '-')
				sign = -1;
			p->pos++;
		}
		while (p->pos < p->len && p->src[p->pos] >= '0' && p->src[p->pos] <= '9') {
			if (exp < 10000)
				exp = exp * 10 + (p->src[p->pos] - '0');
			p->pos++;
			edigits = true;
		}
		if (!edigits)
			p->pos = save; /* "2e" is 2 followed by the name e: let the caller complain */
		else
			e10 += sign * exp;
	}
	if (e10 < 0)
		m = -e10 <= 22 ? m / pow(10.0, (double)-e10) : m * pow(10.0, (double)e10);
	else if (e10 > 0)
		m = m * pow(10.0, (double)e10);
	id = add_node(p, OP_NUM, 0, 0, 0, start);
	if (!p->failed)
		p->e->nodes[id].num = m;
	return id;
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Read a name with '.'-separated parts ("math.sqrt", "heading.h1") into buf. */
static size_t read_name(parser *p, char *buf, size_t cap)
{
	size_t n = 0;
	for (;;) {
		while (p->pos < p->len && is_name_char(p->src[p->pos])) {
			if (n + 1 < cap)
				buf[n] = p->src[p->pos];
			n++;
			p->pos++;
		}
		if (p->pos + 1 < p->len && p->src[p->pos] == '.' && is_name_start(p->src[p->pos + 1])) {
			if (n + 1 < cap)
				buf[n] = '.';
			n++;
			p->pos++;
			continue;
		}
		break;
	}
	buf[n < cap ? n : cap - 1] = '\0';
	return n;
}

static size_t parse_call(parser *p, const char *name, size_t at)
{
	size_t i, nargs = 0, first;
	size_t local[8];
	fl_expr *e = p->e;
	size_t fi = SIZE_MAX;

	for (i = 0; i < FL_ARRAY_LEN(functions); i++)
		if (strcmp(functions[i].name, name) == 0)
			fi = i;
	if (fi == SIZE_MAX)
		return (size_t)fail3(p, at, FULINT_ERR_RULE, "unknown function '", name, "'");
	if (!accept(p, ")")) {
		do {
			size_t arg;
			if (nargs >= FL_ARRAY_LEN(local))
				return (size_t)fail3(p, p->pos, FULINT_ERR_RULE, "too many arguments to '", name, "'");
			arg = parse_expr(p);
			if (p->failed)
				return 0;
			local[nargs++] = arg;
		} while (accept(p, ","));
		if (!accept(p, ")"))
			return (size_t)fail(p, p->pos, FULINT_ERR_RULE, "expected ')'");
	}
	if (nargs < functions[fi].min_args || nargs > functions[fi].max_args)
		return (size_t)fail3(p, at, FULINT_ERR_RULE, "wrong number of arguments to '", name, "'");
	if (fl_grow((void **)&e->args, &p->cap_args, e->n_args + nargs, sizeof(size_t)) < 0)
		return (size_t)fail(p, at, FULINT_ERR_NOMEM, "");
	first = e->n_args;
	for (i = 0; i < nargs; i++)
		e->args[e->n_args++] = local[i];
	i = add_node(p, OP_CALL, first, nargs, 0, at);
	if (!p->failed)
		e->nodes[i].var = (size_t)functions[fi].id;
	return i;
}

static size_t parse_name(parser *p)
{
	char buf[FL_EXPR_MAX_NAME + 1];
	size_t at = p->pos, n, i, id;
	const char *name = buf;

	n = read_name(p, buf, sizeof(buf));
	if (n > FL_EXPR_MAX_NAME)
		return (size_t)fail(p, at, FULINT_ERR_RULE, "name too long");
	if (strncmp(buf, "math.", 5) == 0)
		name = buf + 5;
	/* Vale rewrites heading.hN to heading_hN before evaluating. */
	if (strncmp(buf, "heading.h", 9) == 0 && buf[9] >= '1' && buf[9] <= '6' && buf[10] == '\0')
		buf[7] = '_';
	if (accept(p, "("))
		return parse_call(p, name, at);
	if (name == buf) {
		for (i = 0; i < p->n_vars; i++) {
			if (strcmp(p->vars[i], buf) == 0) {
				id = add_node(p, OP_VAR, 0, 0, 0, at);
				if (!p->failed)
					p->e->nodes[id].var = i;
				return id;
			}
		}
	}
	if (strcmp(name, "pi") == 0 || strcmp(name, "e") == 0) {
		id = add_node(p, OP_NUM, 0, 0, 0, at);
		if (!p->failed)
			p->e->nodes[id].num = name[0] == 'p' ? 3.14159265358979323846 : 2.71828182845904523536;
		return id;
	}
	return (size_t)fail3(p, at, FULINT_ERR_RULE, "unknown variable '", buf, "'");
}

static size_t parse_primary(parser *p)
{
	char c;
	skip_space(p);
	if (p->pos >= p->len)
		return (size_t)fail(p, p->pos, FULINT_ERR_RULE, "unexpected end of expression");
	c = p->src[p->pos];
	if ((c >= '0' && c <= '9') || c == '.')
		return parse_number(p);
	if (is_name_start(c))
		return parse_name(p);
	if (c == '(') {
		size_t id;
		p->pos++;
		id = parse_expr(p);
		if (p->failed)
			return 0;
		if (!accept(p, ")"))
			return (size_t)fail(p, p->pos, FULINT_ERR_RULE, "expected ')'");
		return id;
	}
	{
		char tok[2] = { c, '\0' };
		if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
			tok[0] = '?';
		return (size_t)fail3(p, p->pos, FULINT_ERR_RULE, "unexpected '", tok, "'");
	}
}

static size_t parse_unary(parser *p)
{
	size_t at, a;
	skip_space(p);
	at = p->pos;
	if (++p->depth > FL_EXPR_MAX_DEPTH)
		return (size_t)fail(p, at, FULINT_ERR_RULE, "expression nested too deeply");
	if (accept(p, "-")) {
		a = parse_unary(p);
		a = add_node(p, OP_NEG, a, 0, 0, at);
	} else if (accept(p, "+")) {
		a = parse_unary(p);
	} else if (accept(p, "!")) {
		a = parse_unary(p);
		a = add_node(p, OP_NOT, a, 0, 0, at);
	} else {
		a = parse_primary(p);
	}
	p->depth--;
	return a;
}

static size_t parse_mul(parser *p)
{
	size_t a = parse_unary(p);
	while (!p->failed) {
		size_t at;
		op o;
		skip_space(p);
		at = p->pos;
		if (accept(p, "*"))
			o = OP_MUL;
		else if (accept(p, "/"))
			o = OP_DIV;
		else if (accept(p, "%"))
			o = OP_MOD;
		else
			break;
		a = add_node(p, o, a, parse_unary(p), 0, at);
	}
	return a;
}

static size_t parse_add(parser *p)
{
	size_t a = parse_mul(p);
	while (!p->failed) {
		size_t at;
		op o;
		skip_space(p);
		at = p->pos;
		if (accept(p, "+"))
			o = OP_ADD;
		else if (accept(p, "-"))
			o = OP_SUB;
		else
			break;
		a = add_node(p, o, a, parse_mul(p), 0, at);
	}
	return a;
}

static size_t parse_cmp(parser *p)
{
	static const struct {
		const char *tok;
		op o;
	} ops[] = { { "<=", OP_LE }, { ">=", OP_GE }, { "==", OP_EQ }, { "!=", OP_NE },
		    { "<", OP_LT },  { ">", OP_GT } };
	size_t a = parse_add(p), i, at;
	if (p->failed)
		return 0;
	skip_space(p);
	at = p->pos;
	for (i = 0; i < FL_ARRAY_LEN(ops); i++) {
		if (accept(p, ops[i].tok)) {
			size_t b = parse_add(p);
			return add_node(p, ops[i].o, a, b, 0, at);
		}
	}
	return a;
}

static size_t parse_and(parser *p)
{
	size_t a = parse_cmp(p);
	while (!p->failed) {
		size_t at;
		skip_space(p);
		at = p->pos;
		if (!accept(p, "&&"))
			break;
		a = add_node(p, OP_AND, a, parse_cmp(p), 0, at);
	}
	return a;
}

static size_t parse_or(parser *p)
{
	size_t a = parse_and(p);
	while (!p->failed) {
		size_t at;
		skip_space(p);
		at = p->pos;
		if (!accept(p, "||"))
			break;
		a = add_node(p, OP_OR, a, parse_and(p), 0, at);
	}
	return a;
}

static size_t parse_expr(parser *p)
{
	size_t a, b, c, at;
	if (++p->depth > FL_EXPR_MAX_DEPTH)
		return (size_t)fail(p, p->pos, FULINT_ERR_RULE, "expression nested too deeply");
	a = parse_or(p);
	skip_space(p);
	at = p->pos;
	if (!p->failed && accept(p, "?")) {
		b = parse_expr(p);
		if (!p->failed && !accept(p, ":"))
			fail(p, p->pos, FULINT_ERR_RULE, "expected ':'");
		c = parse_expr(p);
		a = add_node(p, OP_COND, a, b, c, at);
	}
	p->depth--;
	return a;
}

int fl_expr_parse(fl_expr **out, const char *src, const char *const *vars, size_t n_vars,
                  size_t *err_offset, fulint_error *err)
{
	parser p;
	fl_expr *e;

	*out = NULL;
	if (err_offset)
		*err_offset = 0;
	if (src == NULL)
		src = "";
	memset(&p, 0, sizeof(p));
	p.src = src;
	p.len = strlen(src);
	p.vars = vars;
	p.n_vars = n_vars;
	p.err = err;
	if (p.len > FL_EXPR_MAX_LEN)
		return fl_error_set(err, FULINT_ERR_RULE, NULL, 0, 0, "expression longer than %d bytes",
		                    FL_EXPR_MAX_LEN);
	e = fl_calloc(1, sizeof(*e));
	if (e == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	p.e = e;
	skip_space(&p);
	if (p.pos >= p.len)
		fail(&p, p.pos, FULINT_ERR_RULE, "empty expression");
	else
		e->root = parse_expr(&p);
	skip_space(&p);
	if (!p.failed && p.pos < p.len) {
		char tok[2] = { p.src[p.pos], '\0' };
		if ((unsigned char)tok[0] < 0x20 || (unsigned char)tok[0] >= 0x7f)
			tok[0] = '?';
		fail3(&p, p.pos, FULINT_ERR_RULE, "unexpected '", tok, "'");
	}
	if (p.failed) {
		if (err_offset)
			*err_offset = p.err_offset;
		fl_expr_free(e);
		return p.failed;
	}
	*out = e;
	return 0;
}

static double call(const fl_expr *e, const node *nd, const double *values);

static double eval(const fl_expr *e, size_t i, const double *values)
{
	const node *nd = &e->nodes[i];
	switch (nd->kind) {
	case OP_NUM:
		return nd->num;
	case OP_VAR:
		return values[nd->var];
	case OP_NEG:
		return -eval(e, nd->a, values);
	case OP_NOT:
		return eval(e, nd->a, values) == 0 ? 1 : 0;
	case OP_ADD:
		return eval(e, nd->a, values) + eval(e, nd->b, values);
	case OP_SUB:
		return eval(e, nd->a, values) - eval(e, nd->b, values);
	case OP_MUL:
		return eval(e, nd->a, values) * eval(e, nd->b, values);
	case OP_DIV:
		return eval(e, nd->a, values) / eval(e, nd->b, values);
	case OP_MOD:
		return fmod(eval(e, nd->a, values), eval(e, nd->b, values));
	case OP_LT:
		return eval(e, nd->a, values) < eval(e, nd->b, values);
	case OP_LE:
		return eval(e, nd->a, values) <= eval(e, nd->b, values);
	case OP_GT:
		return eval(e, nd->a, values) > eval(e, nd->b, values);
	case OP_GE:
		return eval(e, nd->a, values) >= eval(e, nd->b, values);
	case OP_EQ:
		return eval(e, nd->a, values) == eval(e, nd->b, values);
	case OP_NE:
		return eval(e, nd->a, values) != eval(e, nd->b, values);
	case OP_AND:
		return eval(e, nd->a, values) != 0 && eval(e, nd->b, values) != 0;
	case OP_OR:
		return eval(e, nd->a, values) != 0 || eval(e, nd->b, values) != 0;
	case OP_COND:
		return eval(e, nd->a, values) != 0 ? eval(e, nd->b, values) : eval(e, nd->c, values);
	case OP_CALL:
		return call(e, nd, values);
	}
	return NAN;
}

static double call(const fl_expr *e, const node *nd, const double *values)
{
	double x = eval(e, e->args[nd->a], values);
	double y = nd->b > 1 ? eval(e, e->args[nd->a + 1], values) : 0;
	size_t i;

	switch ((fn)nd->var) {
	case FN_SQRT:
		return sqrt(x);
	case FN_ABS:
		return fabs(x);
	case FN_MIN:
	case FN_MAX:
		for (i = 1; i < nd->b; i++) {
			double v = eval(e, e->args[nd->a + i], values);
			if ((fn)nd->var == FN_MIN ? v < x : v > x)
				x = v;
		}
		return x;
	case FN_POW:
		return pow(x, y);
	case FN_FLOOR:
		return floor(x);
	case FN_CEIL:
		return ceil(x);
	case FN_ROUND:
		return round(x);
	case FN_TRUNC:
		return trunc(x);
	case FN_LOG:
		return log(x);
	case FN_LOG10:
		return log10(x);
	case FN_LOG2:
		return log2(x);
	case FN_EXP:
		return exp(x);
	}
	return NAN;
}

void fl_expr_eval(const fl_expr *e, const double *values, double *out)
{
	*out = e->n_nodes ? eval(e, e->root, values) : NAN;
}

void fl_expr_free(fl_expr *e)
{
	if (e == NULL)
		return;
	free(e->nodes);
	free(e->args);
	free(e);
}
