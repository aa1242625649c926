/*
 * spell_driver.c - the benchmark's window on fulint's speller: reads one
 * word per line on stdin and prints, per word, "word<TAB>0|1<TAB>s1,s2,..."
 * (1 = flagged, then up to five ranked suggestions).  Not installed, not a
 * test: tests/bench/spelling_accuracy.sh builds and runs it.
 *
 *   spell_driver [-d en_US] [-D dictdir]... [-c cachedir] [-t]
 *   -t  print speller timings to stderr at the end
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_speller.h"

int main(int argc, char **argv)
{
	fl_strlist dirs = FL_STRLIST_INIT;
	fl_speller_options opts;
	fl_speller *sp = NULL;
	fulint_error err;
	char line[1024];
	int i, timings = 0;

	memset(&opts, 0, sizeof opts);
	opts.dictionary = "en_US";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
			opts.dictionary = argv[++i];
		else if (strcmp(argv[i], "-D") == 0 && i + 1 < argc)
			fl_strlist_push(&dirs, argv[++i], 0, 0);
		else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			opts.cache_dir = argv[++i];
		else if (strcmp(argv[i], "-t") == 0)
			timings = 1;
		else {
			fprintf(stderr, "usage: spell_driver [-d dict] [-D dir]... [-c cachedir] [-t]\n");
			return 2;
		}
	}
	if (dirs.n == 0)
		fl_strlist_push(&dirs, "/usr/share/hunspell", 0, 0);
	opts.dictionary_dirs = &dirs;
	if (fl_speller_new(&sp, &opts, &err) != 0) {
		fprintf(stderr, "spell_driver: %s\n", err.message);
		return 2;
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		size_t len = strcspn(line, "\r\n");
		bool ok = true;
		char **s = NULL;
		size_t n = 0, k;
		line[len] = '\0';
		if (fl_speller_check(sp, line, len, &ok, &err) != 0) {
			fprintf(stderr, "spell_driver: %s\n", err.message);
			return 2;
		}
		if (!ok && fl_speller_suggest(sp, line, len, &s, &n, &err) != 0) {
			fprintf(stderr, "spell_driver: %s\n", err.message);
			return 2;
		}
		printf("%s\t%d\t", line, ok ? 0 : 1);
		for (k = 0; k < n; k++)
			printf("%s%s", k ? "," : "", s[k]);
		printf("\n");
		fl_speller_free_suggestions(s, n);
	}
	if (timings) {
		fl_speller_info info;
		fl_speller_get_info(sp, &info);
		fprintf(stderr, "table %s (%zu words, status %d, built %d in %.0f ms); hunspell %s (%.0f ms)\n",
		        info.cache_path ? info.cache_path : "-", info.table_words, info.table_status,
		        info.table_built, info.build_ms, info.hunspell_loaded ? "loaded" : "not loaded",
		        info.load_ms);
	}
	fl_speller_free(sp);
	fl_strlist_dispose(&dirs);
	return 0;
}
