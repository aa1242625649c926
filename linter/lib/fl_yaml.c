/*
 * fl_yaml.c - a bounded YAML reader built on libyaml's event API.
 *
 * What it is: the one file of fulint that includes <yaml.h>.  It turns one
 * YAML document into an fl_node tree (scalars, sequences, mappings with
 * 1-based positions) and refuses anything that could make a small file
 * expensive or ambiguous: anchors and aliases, nesting deeper than
 * FL_YAML_MAX_DEPTH, more than FL_YAML_MAX_EVENTS events, inputs larger
 * than FL_YAML_MAX_BYTES, NUL bytes, invalid UTF-8, several documents,
 * duplicate or non-scalar mapping keys, and tags other than !!str.
 *
 * What it is not: it never uses libyaml's document loader (which would
 * expand aliases) and it does not resolve types; fl_ruledef and fl_config
 * decide what a scalar means.
 *
 * Invariants: libyaml marks are 0-based and are reported +1; columns are
 * counted in code points, like libyaml's.  No libyaml type leaves this file.
 */
#include "fl_blobcache.h"
#include "fl_yaml.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#define STR_TAG "tag:yaml.org,2002:str"

typedef struct builder {
	const char *name;
	int code;
	fulint_error *err;
	fl_node *root;
	fl_node *stack[FL_YAML_MAX_DEPTH + 1];
	size_t depth;
	size_t events;
	unsigned documents;
} builder;

static unsigned mark_num(size_t v)
{
	/* libyaml counts from 0; positions in messages count from 1. */
	return v >= (size_t)UINT32_MAX ? UINT32_MAX : (unsigned)v + 1u;
}

static const char *what_files(int code)
{
	return code == FULINT_ERR_CONFIG ? "configuration files" : "rule files";
}

/* Line and column (1-based, column in code points) of byte `off` of data. */
static void offset_position(const char *data, size_t off, unsigned *line, unsigned *column)
{
	size_t i, line_start = 0;
	unsigned l = 1;
	for (i = 0; i < off; i++) {
		if (data[i] == '\n') {
			l++;
			line_start = i + 1;
		}
	}
	*line = l;
	*column = (unsigned)fl_utf8_count_codepoints(data + line_start, off - line_start) + 1u;
}

/* ---- tree ---- */

void fl_yaml_free(fl_node *n)
{
	size_t i;
	if (n == NULL)
		return;
	if (n->block) {
		free(n); /* a decoded tree: one allocation, the root at its start */
		return;
	}
	for (i = 0; i < n->n_items; i++)
		fl_yaml_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

static fl_node *node_new(fl_node_type type, const yaml_mark_t *mark)
{
	fl_node *n = fl_calloc(1, sizeof(*n));
	if (n == NULL)
		return NULL;
	n->type = type;
	n->line = mark_num(mark->line);
	n->column = mark_num(mark->column);
	return n;
}

static int node_add(fl_node *parent, fl_node *child)
{
	if (fl_grow((void **)&parent->items, &parent->cap, parent->n_items + 1, sizeof(*parent->items)) < 0)
		return FULINT_ERR_NOMEM;
	parent->items[parent->n_items++] = child;
	return 0;
}

typedef struct key_ref {
	const fl_node *key;
	size_t index;
} key_ref;

static int key_ref_cmp(const void *a, const void *b)
{
	const key_ref *x = a, *y = b;
	size_t n = FL_MIN(x->key->value_len, y->key->value_len);
	int c = memcmp(x->key->value, y->key->value, n);
	if (c != 0)
		return c;
	if (x->key->value_len != y->key->value_len)
		return x->key->value_len < y->key->value_len ? -1 : 1;
	return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/*
 * Report the first repeated key of a finished mapping (the earliest key that
 * repeats an earlier one).  Sorting keeps this O(n log n) for large maps.
 */
static int check_duplicates(builder *b, const fl_node *map)
{
	size_t pairs = map->n_items / 2, i, best = SIZE_MAX, first = 0;
	key_ref *refs;
	if (pairs < 2)
		return 0;
	refs = fl_calloc(pairs, sizeof(*refs));
	if (refs == NULL)
		return fl_error_set(b->err, FULINT_ERR_NOMEM, b->name, 0, 0, "out of memory");
	for (i = 0; i < pairs; i++) {
		refs[i].key = map->items[2 * i];
		refs[i].index = i;
	}
	qsort(refs, pairs, sizeof(*refs), key_ref_cmp);
	for (i = 1; i < pairs; i++) {
		const fl_node *a = refs[i - 1].key, *c = refs[i].key;
		if (a->value_len == c->value_len && memcmp(a->value, c->value, a->value_len) == 0 &&
		    refs[i].index < best) {
			size_t j = i;
			best = refs[i].index;
			/* the first occurrence is the start of this run of equal keys */
			while (j > 0 && refs[j - 1].key->value_len == c->value_len &&
			       memcmp(refs[j - 1].key->value, c->value, c->value_len) == 0)
				j--;
			first = refs[j].index;
		}
	}
	free(refs);
	if (best != SIZE_MAX) {
		const fl_node *k = map->items[2 * best], *f = map->items[2 * first];
		return fl_error_set(b->err, b->code, b->name, k->line, k->column,
		                    "duplicate key '%s' (already set on line %u; each key may appear once)",
		                    k->value, f->line);
	}
	return 0;
}

/* Attach a finished node to the open collection (or make it the root). */
static int attach(builder *b, fl_node *n)
{
	fl_node *parent;
	if (b->depth == 0) {
		b->root = n;
		return 0;
	}
	/* on_start already refused a list or mapping in a key's place */
	parent = b->stack[b->depth - 1];
	if (node_add(parent, n) < 0) {
		fl_yaml_free(n);
		return fl_error_set(b->err, FULINT_ERR_NOMEM, b->name, 0, 0, "out of memory");
	}
	return 0;
}

/* Anchors and tags are checked on every node event. */
static int check_node_props(builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
                            const yaml_char_t *tag, bool *str_tag)
{
	*str_tag = false;
	if (anchor != NULL)
		return fl_error_set(b->err, b->code, b->name, mark_num(ev->start_mark.line),
		                    mark_num(ev->start_mark.column),
		                    "anchors and aliases are not allowed in %s", what_files(b->code));
	if (tag != NULL) {
		if (strcmp((const char *)tag, STR_TAG) == 0 && ev->type == YAML_SCALAR_EVENT) {
			*str_tag = true;
			return 0;
		}
		const char *t = (const char *)tag;
		const char *shorthand = strncmp(t, "tag:yaml.org,2002:", 18) == 0 ? "!!" : "";
		if (*shorthand != '\0')
			t += 18;
		return fl_error_set(b->err, b->code, b->name, mark_num(ev->start_mark.line),
		                    mark_num(ev->start_mark.column),
		                    "YAML tag '%s%s' is not allowed in %s (only !!str is)", shorthand, t,
		                    what_files(b->code));
	}
	return 0;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
	bool str_tag;
	fl_node *n;
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	int rc = check_node_props(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag, &str_tag);
	if (rc < 0)
		return rc;
	/* Escapes such as "\0" can put a NUL into a quoted scalar. */
	if (memchr(v, '\0', len) != NULL)
		return fl_error_set(b->err, b->code, b->name, mark_num(ev->start_mark.line),
		                    mark_num(ev->start_mark.column),
		                    "a string contains a NUL character (\\0), which is not allowed");
	if (fl_utf8_first_invalid(v, len) != len)
		return fl_error_set(b->err, b->code, b->name, mark_num(ev->start_mark.line),
		                    mark_num(ev->start_mark.column),
		                    "a string is not valid UTF-8 after unescaping");
	n = node_new(FL_NODE_SCALAR, &ev->start_mark);
	if (n == NULL || (n->value = fl_strndup(v, len)) == NULL) {
		free(n);
		return fl_error_set(b->err, FULINT_ERR_NOMEM, b->name, 0, 0, "out of memory");
	}
	n->value_len = len;
	n->quoted = str_tag || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	return attach(b, n);
}

static int on_start(builder *b, const yaml_event_t *ev, fl_node_type type)
{
	bool str_tag;
	fl_node *n;
	int rc;
	if (type == FL_NODE_SEQ)
		rc = check_node_props(b, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag,
		                      &str_tag);
	else
		rc = check_node_props(b, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag,
		                      &str_tag);
	if (rc < 0)
		return rc;
	if (b->depth >= FL_YAML_MAX_DEPTH)
		return fl_error_set(b->err, b->code, b->name, mark_num(ev->start_mark.line),
		                    mark_num(ev->start_mark.column),
		                    "nesting is too deep (more than %d levels of lists and mappings)",
		                    FL_YAML_MAX_DEPTH);
	n = node_new(type, &ev->start_mark);
	if (n == NULL)
		return fl_error_set(b->err, FULINT_ERR_NOMEM, b->name, 0, 0, "out of memory");
	/* Check the key rule before pushing, so the error has the right position. */
	if (b->depth > 0) {
		const fl_node *parent = b->stack[b->depth - 1];
		if (parent->type == FL_NODE_MAP && parent->n_items % 2 == 0) {
			const char *t = fl_yaml_type_name(n);
			free(n);
			return fl_error_set(b->err, b->code, b->name, mark_num(ev->start_mark.line),
			                    mark_num(ev->start_mark.column),
			                    "a mapping key must be a plain string, not %s", t);
		}
	}
	b->stack[b->depth++] = n;
	return 0;
}

static int on_end(builder *b)
{
	fl_node *n;
	int rc;
	if (b->depth == 0)
		return 0; /* libyaml guarantees balance; be defensive anyway */
	n = b->stack[--b->depth];
	if (n->type == FL_NODE_MAP) {
		rc = check_duplicates(b, n);
		if (rc < 0) {
			fl_yaml_free(n);
			return rc;
		}
	}
	return attach(b, n);
}

static int parser_error(builder *b, const yaml_parser_t *p, const char *data, size_t len)
{
	const char *problem = p->problem != NULL ? p->problem : "unknown error";
	unsigned line, col;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return fl_error_set(b->err, FULINT_ERR_NOMEM, b->name, 0, 0, "out of memory while reading YAML");
	case YAML_READER_ERROR:
		offset_position(data, FL_MIN(p->problem_offset, len), &line, &col);
		return fl_error_set(b->err, b->code, b->name, line, col, "YAML syntax error: %s", problem);
	default:
		if (p->context != NULL)
			return fl_error_set(b->err, b->code, b->name, mark_num(p->problem_mark.line),
			                    mark_num(p->problem_mark.column), "YAML syntax error: %s (%s)",
			                    problem, p->context);
		return fl_error_set(b->err, b->code, b->name, mark_num(p->problem_mark.line),
		                    mark_num(p->problem_mark.column), "YAML syntax error: %s", problem);
	}
}

/* Refuse bytes libyaml would mishandle before it sees them. */
static int check_bytes(builder *b, const char *data, size_t len)
{
	const char *nul = memchr(data, '\0', len);
	size_t bad;
	unsigned line, col;
	if (nul != NULL) {
		offset_position(data, (size_t)(nul - data), &line, &col);
		return fl_error_set(b->err, b->code, b->name, line, col,
		                    "NUL byte in the file (%s are UTF-8 text)", what_files(b->code));
	}
	bad = fl_utf8_first_invalid(data, len);
	if (bad != len) {
		offset_position(data, bad, &line, &col);
		return fl_error_set(b->err, b->code, b->name, line, col,
		                    "invalid UTF-8 (byte 0x%02X); %s must be UTF-8 text",
		                    (unsigned)(unsigned char)data[bad], what_files(b->code));
	}
	return 0;
}

static int parse_events(fl_node **out, const char *name, const char *data, size_t len, int code,
                        fulint_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	builder b;
	int rc = 0;
	bool done = false;

	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.name = name;
	b.code = code;
	b.err = err;
	if (data == NULL && len > 0)
		return fl_error_set(err, FULINT_ERR_USAGE, name, 0, 0, "no data");
	if (len > FL_YAML_MAX_BYTES)
		return fl_error_set(err, code, name, 0, 0,
		                    "file is too large (%zu bytes; %s may be at most %zu bytes)", len,
		                    what_files(code), FL_YAML_MAX_BYTES);
	if (len == 0)
		return 0;
	rc = check_bytes(&b, data, len);
	if (rc < 0)
		return rc;

	if (!yaml_parser_initialize(&parser))
		return fl_error_set(err, FULINT_ERR_NOMEM, name, 0, 0, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	while (!done && rc == 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = parser_error(&b, &parser, data, len);
			break;
		}
		if (++b.events > FL_YAML_MAX_EVENTS) {
			rc = fl_error_set(err, code, name, mark_num(ev.start_mark.line),
			                  mark_num(ev.start_mark.column),
			                  "too many YAML nodes (more than %d events)", FL_YAML_MAX_EVENTS);
			yaml_event_delete(&ev);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++b.documents > 1)
				rc = fl_error_set(err, code, name, mark_num(ev.start_mark.line),
				                  mark_num(ev.start_mark.column),
				                  "a second YAML document starts here; %s hold exactly one",
				                  what_files(code));
			break;
		case YAML_ALIAS_EVENT:
			rc = fl_error_set(err, code, name, mark_num(ev.start_mark.line),
			                  mark_num(ev.start_mark.column),
			                  "anchors and aliases are not allowed in %s", what_files(code));
			break;
		case YAML_SCALAR_EVENT:
			rc = on_scalar(&b, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_start(&b, &ev, FL_NODE_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_start(&b, &ev, FL_NODE_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = on_end(&b);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);

	if (rc < 0) {
		while (b.depth > 0)
			fl_yaml_free(b.stack[--b.depth]);
		fl_yaml_free(b.root);
		return rc;
	}
	/* "---" alone (or "~") is an empty document. */
	if (b.root != NULL && fl_yaml_is_null(b.root)) {
		fl_yaml_free(b.root);
		b.root = NULL;
	}
	*out = b.root;
	return 0;
}

/* ---- the cached form of a tree ---- */

/*
 * Encoding (host byte order; it only ever lives in fulint's own cache):
 * a 24-byte head (u32 magic, u32 node count, u64 item count, u64 string
 * bytes including one NUL per scalar), then the nodes in pre-order, each a
 * 16-byte record (u32 type | quoted << 8, u32 line, u32 column, u32 length
 * or item count) followed, for a scalar, by its bytes.
 */
#define YT_MAGIC 0x54594c46u /* "FLYT" */
#define YT_HEAD 24u
#define YT_REC 16u

typedef struct yt_count {
	size_t nodes, items, strings;
} yt_count;

static int encode_node(const fl_node *n, fl_buf *b, yt_count *c, unsigned depth)
{
	uint32_t rec[4];
	size_t i;
	if (depth > FL_YAML_MAX_DEPTH + 1 || n->value_len > UINT32_MAX || n->n_items > UINT32_MAX)
		return FULINT_ERR_USAGE;
	rec[0] = (uint32_t)n->type | (n->quoted ? 0x100u : 0u);
	rec[1] = n->line;
	rec[2] = n->column;
	rec[3] = (uint32_t)(n->type == FL_NODE_SCALAR ? n->value_len : n->n_items);
	if (fl_buf_append(b, (const char *)rec, sizeof rec) < 0)
		return FULINT_ERR_NOMEM;
	c->nodes++;
	if (n->type == FL_NODE_SCALAR) {
		c->strings += n->value_len + 1;
		return fl_buf_append(b, n->value ? n->value : "", n->value_len) < 0 ? FULINT_ERR_NOMEM : 0;
	}
	c->items += n->n_items;
	for (i = 0; i < n->n_items; i++) {
		int rc = encode_node(n->items[i], b, c, depth + 1);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int fl_yaml_encode(const fl_node *root, fl_buf *out)
{
	yt_count c = { 0, 0, 0 };
	uint32_t head32[2];
	uint64_t head64[2];
	int rc;
	if (root == NULL)
		return FULINT_ERR_USAGE;
	fl_buf_reset(out);
	if (fl_buf_append(out, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", YT_HEAD) < 0)
		return FULINT_ERR_NOMEM;
	rc = encode_node(root, out, &c, 0);
	if (rc < 0)
		return rc;
	head32[0] = YT_MAGIC;
	head32[1] = (uint32_t)c.nodes;
	head64[0] = c.items;
	head64[1] = c.strings;
	memcpy(out->data, head32, sizeof head32);
	memcpy(out->data + 8, head64, sizeof head64);
	return 0;
}

typedef struct yt_dec {
	const unsigned char *p, *end;
	fl_node *nodes;
	fl_node **items;
	char *strings;
	size_t n_nodes, n_items, n_strings; /* used so far */
	size_t max_nodes, max_items, max_strings;
} yt_dec;

static fl_node *decode_node(yt_dec *d, unsigned depth)
{
	uint32_t rec[4];
	fl_node *n;
	size_t i, count;
	if (depth > FL_YAML_MAX_DEPTH + 1 || (size_t)(d->end - d->p) < YT_REC || d->n_nodes >= d->max_nodes)
		return NULL;
	memcpy(rec, d->p, sizeof rec);
	d->p += YT_REC;
	n = &d->nodes[d->n_nodes++];
	n->type = (fl_node_type)(rec[0] & 0xffu);
	n->quoted = (rec[0] & 0x100u) != 0;
	n->line = rec[1];
	n->column = rec[2];
	count = rec[3];
	if (n->type == FL_NODE_SCALAR) {
		if ((size_t)(d->end - d->p) < count || d->max_strings - d->n_strings < count + 1)
			return NULL;
		n->value = d->strings + d->n_strings;
		memcpy(n->value, d->p, count);
		n->value[count] = '\0';
		if (memchr(n->value, '\0', count) != NULL)
			return NULL;
		n->value_len = count;
		d->p += count;
		d->n_strings += count + 1;
		return n;
	}
	if ((n->type != FL_NODE_SEQ && n->type != FL_NODE_MAP) || d->max_items - d->n_items < count ||
	    (n->type == FL_NODE_MAP && count % 2 != 0))
		return NULL;
	n->items = count ? d->items + d->n_items : NULL;
	n->n_items = n->cap = count;
	d->n_items += count;
	for (i = 0; i < count; i++) {
		fl_node *child = decode_node(d, depth + 1);
		if (child == NULL || (n->type == FL_NODE_MAP && i % 2 == 0 && child->type != FL_NODE_SCALAR))
			return NULL;
		n->items[i] = child;
	}
	return n;
}

int fl_yaml_decode(fl_node **out, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint32_t head32[2];
	uint64_t head64[2];
	yt_dec d;
	size_t bytes;
	unsigned char *block;

	*out = NULL;
	if (len < YT_HEAD)
		return FULINT_ERR_USAGE;
	memcpy(head32, p, sizeof head32);
	memcpy(head64, p + 8, sizeof head64);
	/* Every count is bounded by the encoding's own size. */
	if (head32[0] != YT_MAGIC || head32[1] == 0 || head32[1] > len / YT_REC || head64[0] > len / YT_REC ||
	    head64[1] > len)
		return FULINT_ERR_USAGE;
	memset(&d, 0, sizeof d);
	d.max_nodes = head32[1];
	d.max_items = (size_t)head64[0];
	d.max_strings = (size_t)head64[1];
	bytes = d.max_nodes * sizeof(fl_node) + d.max_items * sizeof(fl_node *) + d.max_strings;
	block = fl_calloc(1, bytes);
	if (block == NULL)
		return FULINT_ERR_NOMEM;
	d.nodes = (fl_node *)(void *)block;
	d.items = (fl_node **)(void *)(block + d.max_nodes * sizeof(fl_node));
	d.strings = (char *)(block + d.max_nodes * sizeof(fl_node) + d.max_items * sizeof(fl_node *));
	d.p = p + YT_HEAD;
	d.end = p + len;
	if (decode_node(&d, 0) == NULL || d.p != d.end || d.n_nodes != d.max_nodes || d.n_items != d.max_items ||
	    d.n_strings != d.max_strings) {
		free(block);
		return FULINT_ERR_USAGE;
	}
	d.nodes[0].block = true;
	*out = &d.nodes[0];
	return 0;
}

int fl_yaml_parse(fl_node **out, const char *name, const char *data, size_t len, int code,
                  fulint_error *err)
{
	fl_blobcache *bc = fl_blobcache_current();
	fl_buf enc = FL_BUF_INIT;
	int rc;

	*out = NULL;
	if (bc != NULL && data != NULL && len > 0 && len <= FL_YAML_MAX_BYTES) {
		size_t vlen = 0;
		const void *val = fl_blobcache_get(bc, FL_BLOB_YAML, data, len, &vlen);
		if (val != NULL && fl_yaml_decode(out, val, vlen) == 0)
			return 0;
	}
	rc = parse_events(out, name, data, len, code, err);
	if (rc == 0 && bc != NULL && *out != NULL && fl_yaml_encode(*out, &enc) == 0)
		(void)fl_blobcache_put(bc, FL_BLOB_YAML, data, len, enc.data, enc.len);
	fl_buf_dispose(&enc);
	return rc;
}

/* ---- lookups ---- */

const fl_node *fl_yaml_get(const fl_node *map, const char *key)
{
	size_t i, klen;
	if (map == NULL || map->type != FL_NODE_MAP || key == NULL)
		return NULL;
	klen = strlen(key);
	for (i = 0; i + 1 < map->n_items; i += 2) {
		const fl_node *k = map->items[i];
		if (k->value_len == klen && memcmp(k->value, key, klen) == 0)
			return map->items[i + 1];
	}
	return NULL;
}

size_t fl_yaml_map_size(const fl_node *map)
{
	return (map == NULL || map->type != FL_NODE_MAP) ? 0 : map->n_items / 2;
}

const fl_node *fl_yaml_map_key(const fl_node *map, size_t i)
{
	return i < fl_yaml_map_size(map) ? map->items[2 * i] : NULL;
}

const fl_node *fl_yaml_map_value(const fl_node *map, size_t i)
{
	return i < fl_yaml_map_size(map) ? map->items[2 * i + 1] : NULL;
}

const char *fl_yaml_type_name(const fl_node *n)
{
	if (fl_yaml_is_null(n))
		return "an empty value";
	switch (n->type) {
	case FL_NODE_SCALAR:
		return "a string";
	case FL_NODE_SEQ:
		return "a list";
	case FL_NODE_MAP:
		return "a mapping";
	}
	return "an unknown node";
}

/* ---- helpers ---- */

bool fl_yaml_is_null(const fl_node *n)
{
	if (n == NULL)
		return true;
	if (n->type != FL_NODE_SCALAR || n->quoted)
		return false;
	return n->value_len == 0 || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
	       strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0;
}

bool fl_yaml_bool(const char *s, bool *out)
{
	if (s == NULL)
		return false;
	if (fl_ascii_casecmp(s, "true") == 0 || fl_ascii_casecmp(s, "yes") == 0) {
		*out = true;
		return true;
	}
	if (fl_ascii_casecmp(s, "false") == 0 || fl_ascii_casecmp(s, "no") == 0) {
		*out = false;
		return true;
	}
	return false;
}

bool fl_yaml_number(const char *s, double *out)
{
	const char *p;
	char *end;
	double v;
	bool digit = false;
	if (s == NULL || *s == '\0')
		return false;
	/* Only decimal notation: strtod alone would also take hex, inf and nan. */
	for (p = s; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (*p != '+' && *p != '-' && *p != '.' && *p != 'e' && *p != 'E')
			return false;
	}
	if (!digit)
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v))
		return false;
	*out = v;
	return true;
}

const char *fl_yaml_suggest(const char *word, const char *const *cands, size_t n)
{
	size_t i, wlen;
	unsigned best_d = 3;
	const char *best = NULL;
	if (word == NULL)
		return NULL;
	wlen = strlen(word);
	for (i = 0; i < n; i++) {
		size_t clen = strlen(cands[i]);
		unsigned d = fl_edit_distance(word, wlen, cands[i], clen);
		if (d <= 2 && d < wlen && d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	if (best != NULL)
		return best;
	for (i = 0; i < n; i++) {
		size_t clen = strlen(cands[i]);
		size_t m = FL_MIN(wlen, clen);
		if (m >= 3 && strncmp(word, cands[i], m) == 0)
			return cands[i];
	}
	return NULL;
}

void fl_yaml_join(char *buf, size_t size, const char *const *names, size_t n, const char *last)
{
	size_t i, used = 0;
	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : (i + 1 == n ? last : ", "),
		                 names[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

const char *fl_yaml_hint(char *buf, size_t size, const char *word, const char *const *cands, size_t n)
{
	const char *s = fl_yaml_suggest(word, cands, n);
	if (s != NULL) {
		snprintf(buf, size, "did you mean '%s'?", s);
		return buf;
	}
	if (size > 9) {
		memcpy(buf, "expected ", 9);
		fl_yaml_join(buf + 9, size - 9, cands, n, " or ");
	} else if (size > 0) {
		buf[0] = '\0';
	}
	return buf;
}
