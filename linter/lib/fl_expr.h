/*
 * fl_expr.h - a small arithmetic expression evaluator for `metric` rules
 * (Vale's `formula` and `condition`).
 *
 * What it is: a parser that turns an expression into a compact tree once,
 * at rule load time, and an evaluator that runs it over an array of
 * variable values.  Grammar (lowest precedence first):
 *
 *   expr    := or ['?' expr ':' expr]
 *   or      := and {'||' and}
 *   and     := cmp {'&&' cmp}
 *   cmp     := add [('<' | '<=' | '>' | '>=' | '==' | '!=') add]
 *   add     := mul {('+' | '-') mul}
 *   mul     := unary {('*' | '/' | '%') unary}
 *   unary   := ('-' | '+' | '!') unary | primary
 *   primary := number | name | name '(' [expr {',' expr}] ')' | '(' expr ')'
 *
 * Names are variables (given by the caller) or the constants `pi` and `e`;
 * functions are sqrt, abs, min, max, pow, floor, ceil, round, trunc, log,
 * log10, log2 and exp, each also spelt `math.<name>` as in Vale's Tengo
 * formulas.  `heading.h1` is read as `heading_h1` (Vale does the same).
 * All arithmetic is in doubles (Tengo would divide two integer literals as
 * integers; formulas over Vale's variables never do); comparisons and
 * logical operators give 1 or 0.
 *
 * What it is not: a general language.  No assignment, no strings.
 *
 * Invariants: expressions are capped (FL_EXPR_MAX_LEN bytes,
 * FL_EXPR_MAX_NODES nodes, FL_EXPR_MAX_DEPTH nesting), so parsing and
 * evaluation use bounded time and stack.  A parsed expression is read-only
 * and may be evaluated by several threads at once.
 */
#ifndef FL_EXPR_H
#define FL_EXPR_H

#include "fl_base.h"

#define FL_EXPR_MAX_LEN 4096
#define FL_EXPR_MAX_NODES 1024
#define FL_EXPR_MAX_DEPTH 64

typedef struct fl_expr fl_expr;

/*
 * Parse `src` into *out.  `vars` names the variables the expression may
 * use (n_vars of them); a variable's index in `vars` is the index of its
 * value in the array later given to fl_expr_eval.
 *
 * On a syntax error or an unknown name returns FULINT_ERR_RULE, sets
 * *err_offset (when not NULL) to the byte offset of the problem in `src`
 * and puts the reason alone ("unknown variable 'wrods'", "expected ')'")
 * into `err` (no file or position: the caller knows where `src` came
 * from).  Returns FULINT_ERR_NOMEM when out of memory.
 *
 * Example:
 *   static const char *const vars[] = { "words", "sentences" };
 *   fl_expr *e;
 *   if (fl_expr_parse(&e, "words / sentences", vars, 2, NULL, &err) == 0) {
 *       double v, vals[2] = { 30, 2 };
 *       fl_expr_eval(e, vals, &v);   // v == 15
 *       fl_expr_free(e);
 *   }
 */
int fl_expr_parse(fl_expr **out, const char *src, const char *const *vars, size_t n_vars,
                  size_t *err_offset, fulint_error *err);

/*
 * Evaluate `e` with `values` (indexed like the `vars` given to
 * fl_expr_parse) into *out.  Never fails: division by zero gives an
 * infinity or NaN as in IEEE arithmetic (callers check isfinite).
 */
void fl_expr_eval(const fl_expr *e, const double *values, double *out);

/* Free a parsed expression; NULL is a no-op. */
void fl_expr_free(fl_expr *e);

#endif /* FL_EXPR_H */
