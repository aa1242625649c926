/*
 * cli.h - shared declarations of the fulint(1) command's files.
 * The CLI uses only the public API (fulint.h).
 */
#ifndef FULINT_CLI_H
#define FULINT_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "fulint.h"

/* Largest input fulint reads (the library's own cap is larger). */
#define CLI_MAX_INPUT ((size_t)200 << 20)

/*
 * Read a draft: `path` is a file, a FIFO, or "-" for stdin.  On failure
 * returns -1 with a short reason in `why` ("No such file or directory").
 */
int cli_read_input(const char *path, char **out, size_t *len, char *why, size_t why_size);

/* One input to lint, and what came of it. */
typedef struct cli_job {
	const char *path;    /* as given ("-" for stdin) */
	const char *name;    /* as shown */
	char *data;          /* read ahead (stdin), or NULL: read when linted */
	size_t len;
	bool preread;
	fulint_result *result;
	char error[1200];    /* one-line error, "" when none */
	int status;          /* 0, or the fulint_status of the failure */
} cli_job;

/*
 * Lint `n` jobs with up to `threads` threads (one linter each); results and
 * errors are stored in the jobs.  Returns 0, or a negative status when a
 * linter could not be created (error in `err`).
 */
int cli_lint_jobs(const fulint_ruleset *rs, cli_job *jobs, size_t n, unsigned threads, fulint_error *err);

#endif /* FULINT_CLI_H */
