/*
 * timeit.c - the benchmark's timing loop: run one command many times, with
 * no shell in between, and report the median wall time and the peak RSS.
 *
 *   timeit [-w WARMUP] [-r RUNS] [-i STDIN_FILE] [-p PREPARE_CMD] -- CMD ARG...
 *
 * Each run forks and execs CMD directly (stdin from STDIN_FILE or
 * /dev/null, stdout and stderr to /dev/null), timed with CLOCK_MONOTONIC
 * from fork to reaped exit; peak RSS is the child's ru_maxrss from wait4.
 * PREPARE_CMD (run with /bin/sh -c before every run, warm-ups included) is
 * not timed.  The exit status of CMD is ignored (linters exit 1 on
 * findings) unless it died of a signal, which is an error.
 *
 * Output, one line: "median_ms min_ms max_ms mean_ms maxrss_kb runs".
 * Why not hyperfine: hyperfine 1.15 (Debian bookworm) cannot feed a file on
 * stdin without a shell, and a shell's start-up (~1 ms, calibrated away
 * only roughly) is a third of `aspell list` on a short draft.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 10000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* One run; returns wall ms (or a negative number on failure), *rss_kb set. */
static double run_once(char **argv, const char *input, long *rss_kb)
{
	struct rusage ru;
	int status;
	double t0 = now_ms(), t1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open(input ? input : "/dev/null", O_RDONLY);
		int out = open("/dev/null", O_WRONLY);
		if (in < 0 || out < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(out, 2);
		close(in);
		close(out);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	t1 = now_ms();
	*rss_kb = ru.ru_maxrss;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "timeit: %s died of signal %d\n", argv[0], WTERMSIG(status));
		return -1;
	}
	if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127)) {
		fprintf(stderr, "timeit: cannot run %s\n", argv[0]);
		return -1;
	}
	return t1 - t0;
}

int main(int argc, char **argv)
{
	int warmup = 3, runs = 10, i, c;
	const char *input = NULL, *prepare = NULL;
	static double t[MAX_RUNS];
	double sum = 0;
	long rss = 0, r;

	while ((c = getopt(argc, argv, "+w:r:i:p:")) != -1) {
		switch (c) {
		case 'w': warmup = atoi(optarg); break;
		case 'r': runs = atoi(optarg); break;
		case 'i': input = optarg; break;
		case 'p': prepare = optarg; break;
		default: return 2;
		}
	}
	if (optind < argc && strcmp(argv[optind], "--") == 0)
		optind++;
	if (optind >= argc || runs < 1 || runs > MAX_RUNS || warmup < 0) {
		fprintf(stderr, "usage: timeit [-w N] [-r N] [-i FILE] [-p CMD] -- CMD ARG...\n");
		return 2;
	}
	for (i = 0; i < warmup + runs; i++) {
		double ms;
		if (prepare != NULL && system(prepare) != 0) {
			fprintf(stderr, "timeit: prepare command failed: %s\n", prepare);
			return 1;
		}
		ms = run_once(argv + optind, input, &r);
		if (ms < 0)
			return 1;
		if (i >= warmup) {
			t[i - warmup] = ms;
			sum += ms;
			if (r > rss)
				rss = r;
		}
	}
	qsort(t, (size_t)runs, sizeof(t[0]), cmp_double);
	printf("%.3f %.3f %.3f %.3f %ld %d\n",
	       runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2, t[0], t[runs - 1],
	       sum / runs, rss, runs);
	return 0;
}
