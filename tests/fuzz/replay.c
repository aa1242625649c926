/*
 * replay.c - runs a fuzz target's LLVMFuzzerTestOneInput on saved inputs,
 * without libFuzzer, so every normal build (gcc, and gcc with ASan+UBSan)
 * replays the seed corpus, the saved corpus and every crash found so far.
 *
 *     fuzz_replay_<target> DIR_OR_FILE...
 *
 * Folders are walked recursively in name order; missing ones are skipped
 * with a note (a fresh checkout may have no crashes folder).  Files larger
 * than REPLAY_MAX_BYTES and hidden files are skipped.  Exit status 0 when
 * every input ran, 1 when a file could not be read, 2 on a usage error; a
 * crash or a broken invariant aborts (the signal handler prints which file
 * was running first; set FUZZ_REPLAY_VERBOSE=1 to print every file).
 *
 * What it is not: a fuzzer.  It does not mutate anything.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* Targets that need no set-up do not define it: a weak reference is NULL then. */
#pragma weak LLVMFuzzerInitialize

#define REPLAY_MAX_BYTES ((size_t)8 << 20)
#define REPLAY_MAX_DEPTH 8

static char current[4096];
static int verbose;
static size_t n_run, n_skipped, n_failed;

static void on_signal(int sig)
{
	static const char msg[] = "\nfuzz replay: crashed on input: ";
	ssize_t w;
	w = write(STDERR_FILENO, msg, sizeof(msg) - 1);
	w = write(STDERR_FILENO, current, strlen(current));
	w = write(STDERR_FILENO, "\n", 1);
	(void)w;
	signal(sig, SIG_DFL);
	raise(sig);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_file(const char *path, const struct stat *st)
{
	FILE *f;
	unsigned char *buf;
	size_t len = (size_t)st->st_size, got;

	if (len > REPLAY_MAX_BYTES) {
		fprintf(stderr, "fuzz replay: skipping %s (%zu bytes, more than %zu)\n", path, len,
		        REPLAY_MAX_BYTES);
		n_skipped++;
		return;
	}
	f = fopen(path, "rb");
	buf = malloc(len ? len : 1);
	if (f == NULL || buf == NULL) {
		fprintf(stderr, "fuzz replay: cannot read %s: %s\n", path, strerror(errno));
		if (f != NULL)
			fclose(f);
		free(buf);
		n_failed++;
		return;
	}
	got = fread(buf, 1, len, f);
	fclose(f);
	if (got != len) {
		fprintf(stderr, "fuzz replay: short read on %s\n", path);
		free(buf);
		n_failed++;
		return;
	}
	snprintf(current, sizeof(current), "%s", path);
	if (verbose)
		fprintf(stderr, "fuzz replay: %s\n", path);
	/* An exactly sized copy: ASan catches reads past the end. */
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	n_run++;
}

static void run_path(const char *path, int depth)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (stat(path, &st) != 0) {
		if (depth == 0)
			fprintf(stderr, "fuzz replay: no %s (skipped)\n", path);
		return;
	}
	if (S_ISREG(st.st_mode)) {
		run_file(path, &st);
		return;
	}
	if (!S_ISDIR(st.st_mode) || depth >= REPLAY_MAX_DEPTH)
		return;
	d = opendir(path);
	if (d == NULL) {
		fprintf(stderr, "fuzz replay: cannot open %s: %s\n", path, strerror(errno));
		n_failed++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			char **nv = realloc(names, ncap * sizeof(*nv));
			if (nv == NULL)
				break;
			names = nv;
			cap = ncap;
		}
		names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (names[n] == NULL)
			break;
		snprintf(names[n], strlen(path) + strlen(e->d_name) + 2, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		run_path(names[i], depth + 1);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	const char *v = getenv("FUZZ_REPLAY_VERBOSE");
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
		return 2;
	}
	verbose = v != NULL && v[0] != '\0' && v[0] != '0';
	signal(SIGABRT, on_signal);
	signal(SIGSEGV, on_signal);
	signal(SIGBUS, on_signal);
	signal(SIGFPE, on_signal);
	signal(SIGILL, on_signal);
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		run_path(argv[i], 0);
	printf("fuzz replay: %zu inputs run, %zu skipped, %zu unreadable\n", n_run, n_skipped, n_failed);
	return n_failed ? 1 : 0;
}
