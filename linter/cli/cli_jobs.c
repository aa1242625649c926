/*
 * cli_jobs.c - linting many inputs on every core: a fixed pool of threads,
 * each with its own fulint_linter (linters are per-thread), taking the next
 * job from a shared counter.  Results stay in the jobs, so the caller prints
 * them in argument order.  With fewer inputs than threads, the spare
 * threads are shared out among the linters (fulint_linter_set_threads), so
 * that a large input is split over several cores.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct pool {
	const fulint_ruleset *rs;
	cli_job *jobs;
	size_t n;
	size_t next;
	pthread_mutex_t lock;
	fulint_error err;
	int failed;
	unsigned threads;  /* all the threads the run may use */
	unsigned workers;  /* pool threads (one linter each) */
	unsigned started;  /* workers that took their share so far */
} pool;

static void run_job(fulint_linter *l, cli_job *job)
{
	char *data = NULL;
	size_t len = 0;
	char why[512];
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_error err;
	memset(&err, 0, sizeof(err));
	if (job->status < 0)
		return; /* failed already (reading stdin ahead) */
	if (job->preread) {
		data = job->data;
		len = job->len;
		job->data = NULL;
	} else if (cli_read_input(job->path, &data, &len, why, sizeof(why)) < 0) {
		snprintf(job->error, sizeof(job->error), "%s: %s", job->name, why);
		job->status = FULINT_ERR_IO;
		return;
	}
	src.name = job->name;
	src.data = data;
	src.len = len;
	job->status = fulint_lint(l, &src, &job->result, &err);
	if (job->status < 0) {
		char line[1100];
		fulint_error_format(&err, line, sizeof(line));
		if (err.file[0] == '\0')
			snprintf(job->error, sizeof(job->error), "%s: %s", job->name, line);
		else
			snprintf(job->error, sizeof(job->error), "%s", line);
	}
	free(data);
}

static void *worker(void *arg)
{
	pool *p = arg;
	fulint_linter *l = NULL;
	fulint_error err;
	unsigned me, share;
	memset(&err, 0, sizeof(err));
	pthread_mutex_lock(&p->lock);
	me = p->started++;
	pthread_mutex_unlock(&p->lock);
	/* threads / workers each, the remainder to the first ones */
	share = p->threads / p->workers + (me < p->threads % p->workers ? 1u : 0u);
	if (fulint_linter_new(&l, p->rs, &err) < 0 || fulint_linter_set_threads(l, share ? share : 1) < 0) {
		pthread_mutex_lock(&p->lock);
		if (!p->failed) {
			p->failed = 1;
			p->err = err;
		}
		pthread_mutex_unlock(&p->lock);
		return NULL;
	}
	for (;;) {
		size_t i;
		pthread_mutex_lock(&p->lock);
		i = p->next < p->n ? p->next++ : p->n;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			break;
		run_job(l, &p->jobs[i]);
	}
	fulint_linter_free(l);
	return NULL;
}

int cli_lint_jobs(const fulint_ruleset *rs, cli_job *jobs, size_t n, unsigned threads, fulint_error *err)
{
	pool p;
	pthread_t *tids;
	unsigned i, started = 0;
	memset(&p, 0, sizeof(p));
	p.rs = rs;
	p.jobs = jobs;
	p.n = n;
	pthread_mutex_init(&p.lock, NULL);
	if (threads < 1)
		threads = 1;
	p.threads = threads;
	if (threads > n)
		threads = (unsigned)(n ? n : 1);
	p.workers = threads;
	if (threads == 1) {
		worker(&p);
	} else {
		tids = calloc(threads, sizeof(*tids));
		if (tids == NULL) {
			worker(&p);
		} else {
			for (i = 0; i < threads; i++)
				if (pthread_create(&tids[i], NULL, worker, &p) == 0)
					started++;
				else
					break;
			if (started == 0)
				worker(&p);
			for (i = 0; i < started; i++)
				pthread_join(tids[i], NULL);
			free(tids);
		}
	}
	pthread_mutex_destroy(&p.lock);
	if (p.failed) {
		if (err)
			*err = p.err;
		return p.err.code ? p.err.code : FULINT_ERR_NOMEM;
	}
	return 0;
}
