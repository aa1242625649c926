/*
 * fl_yaml.h - a small, bounded YAML document tree for rule and config files.
 *
 * What it is: the only module that includes <yaml.h>.  It parses one YAML
 * document with libyaml's event API into a tree of scalars, sequences and
 * mappings, each node carrying its 1-based line and column.
 *
 * What it is not: it does not know rules or configs (fl_ruledef and
 * fl_config interpret the tree) and it does not resolve types: a scalar is
 * a string plus a flag saying whether it was quoted.
 *
 * Limits (each a FULINT_ERR_RULE/CONFIG-style error with a position, never
 * a hang): anchors and aliases are rejected; nesting deeper than
 * FL_YAML_MAX_DEPTH; more than FL_YAML_MAX_EVENTS events; an input larger
 * than FL_YAML_MAX_BYTES; more than one document; duplicate mapping keys
 * and keys that are not scalars; NUL bytes and invalid UTF-8; YAML tags
 * other than !!str (which marks a scalar as quoted).
 */
#ifndef FL_YAML_H
#define FL_YAML_H

#include "fl_base.h"

#define FL_YAML_MAX_DEPTH 8
#define FL_YAML_MAX_EVENTS 200000
#define FL_YAML_MAX_BYTES ((size_t)1 << 20) /* 1 MiB */

typedef enum fl_node_type { FL_NODE_SCALAR, FL_NODE_SEQ, FL_NODE_MAP } fl_node_type;

typedef struct fl_node fl_node;
struct fl_node {
	fl_node_type type;
	unsigned line, column; /* 1-based */
	/* scalar */
	char *value;   /* NUL-terminated; may contain no NUL */
	size_t value_len;
	bool quoted;   /* single- or double-quoted, or a block scalar (| >) */
	/* seq: items; map: alternating key (scalar), value */
	fl_node **items;
	size_t n_items; /* for a map: number of pairs * 2 */
	size_t cap;
	bool block;     /* root of a decoded tree: the whole tree is this one allocation */
};

/*
 * Parse data[0..len) (named `name` in errors).  On success *out is the root
 * node (NULL for an empty document).  `code` is the status used for errors
 * (FULINT_ERR_RULE or FULINT_ERR_CONFIG).
 */
int fl_yaml_parse(fl_node **out, const char *name, const char *data, size_t len, int code,
                  fulint_error *err);
void fl_yaml_free(fl_node *n);

/*
 * The tree in a compact binary form, for the blob cache: while a cache is
 * current on this thread (fl_blobcache.h), fl_yaml_parse looks the text up
 * there first and stores what it parsed.  fl_yaml_decode checks every count
 * and bound of its input (FULINT_ERR_USAGE when anything is off) and
 * returns a tree fl_yaml_free releases as usual.
 */
int fl_yaml_encode(const fl_node *root, fl_buf *out);
int fl_yaml_decode(fl_node **out, const void *data, size_t len);

/* Map lookup: the value node of `key`, or NULL. */
const fl_node *fl_yaml_get(const fl_node *map, const char *key);
/* Number of pairs in a map. */
size_t fl_yaml_map_size(const fl_node *map);
const fl_node *fl_yaml_map_key(const fl_node *map, size_t i);
const fl_node *fl_yaml_map_value(const fl_node *map, size_t i);
/* Name of a node's type for messages ("a string", "a list", "a mapping"). */
const char *fl_yaml_type_name(const fl_node *n);

/* ---- helpers shared by the interpreters (fl_ruledef, fl_config) ---- */

/*
 * True for a YAML null: NULL, or an unquoted scalar that is empty, "~" or
 * "null" (any of YAML's spellings).
 */
bool fl_yaml_is_null(const fl_node *n);

/*
 * Interpret a scalar's text as a boolean: true/false/yes/no (any case).
 * Returns true and sets *out when it is one of those.
 */
bool fl_yaml_bool(const char *s, bool *out);

/*
 * Interpret a scalar's text strictly as a finite decimal number (the whole
 * string; no hex, inf or nan).  Returns true and sets *out on success.
 */
bool fl_yaml_number(const char *s, double *out);

/*
 * The candidate closest to `word` for a "did you mean" hint: edit distance
 * at most 2 (and less than the word's length), or a prefix match of at
 * least 3 characters either way.  NULL when nothing is close.
 */
const char *fl_yaml_suggest(const char *word, const char *const *cands, size_t n);

/* Write "a, b<last>c" (e.g. last = " or ") into buf, truncated to size. */
void fl_yaml_join(char *buf, size_t size, const char *const *names, size_t n, const char *last);

/*
 * Write the hint for a word that is not one of `cands` into buf and return
 * buf: "did you mean 'x'?" when fl_yaml_suggest finds one, else
 * "expected a, b or c".
 */
const char *fl_yaml_hint(char *buf, size_t size, const char *word, const char *const *cands, size_t n);

#endif /* FL_YAML_H */
