/*
 * main.c - fulint(1): arguments, configuration discovery, the environment
 * ($XDG_*, $DICPATH, NO_COLOR), output and exit status.  Everything else is
 * the library's public API.
 *
 * Exit status: 0 nothing at or above the fail level; 1 findings at or above
 * it; 2 usage, configuration, rule or dictionary error, or unreadable input.
 * --no-exit turns 1 into 0 (2 stays).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Inputs smaller than this in all are matched without JIT-compiled patterns
 * (the PCRE2 interpreter gets slow on long texts: some rules walk them match by match). */
#define JIT_THRESHOLD (16u * 1024u)

enum {
	OPT_STDIN_FILENAME = 1000, OPT_CONFIG, OPT_NO_CONFIG, OPT_STYLES_PATH, OPT_STYLES, OPT_RULE,
	OPT_MIN_LEVEL, OPT_FAIL_LEVEL, OPT_NO_EXIT, OPT_VERSION, OPT_LIST_RULES, OPT_TEST_RULES,
	OPT_DICTIONARY, OPT_ADD_WORD, OPT_KIND, OPT_INPUT, OPT_COLUMN_UNIT, OPT_COLOR, OPT_NO_COLOR,
	OPT_LINT_QUOTED, OPT_PERSONAL
};

static const struct option long_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "format", required_argument, NULL, 'f' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "styles-path", required_argument, NULL, OPT_STYLES_PATH },
	{ "styles", required_argument, NULL, OPT_STYLES },
	{ "rule", required_argument, NULL, OPT_RULE },
	{ "min-level", required_argument, NULL, OPT_MIN_LEVEL },
	{ "fail-level", required_argument, NULL, OPT_FAIL_LEVEL },
	{ "no-exit", no_argument, NULL, OPT_NO_EXIT },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "test-rules", no_argument, NULL, OPT_TEST_RULES },
	{ "dictionary", required_argument, NULL, OPT_DICTIONARY },
	{ "personal-dictionary", required_argument, NULL, OPT_PERSONAL },
	{ "add-word", required_argument, NULL, OPT_ADD_WORD },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "column-unit", required_argument, NULL, OPT_COLUMN_UNIT },
	{ "color", no_argument, NULL, OPT_COLOR },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "lint-quoted", no_argument, NULL, OPT_LINT_QUOTED },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: fulint [OPTIONS] [FILE...]\n"
	"Lint job-interview follow-up notes (plain drafts or e-mails). With no FILE, or\n"
	"FILE '-', read standard input.\n"
	"\n"
	"Output:\n"
	"  -f, --format FORMAT     pretty (default on a terminal), gnu (default otherwise),\n"
	"                          line, json, vale-json\n"
	"      --column-unit UNIT  codepoint (default), byte or utf16\n"
	"      --color, --no-color force colour on or off (pretty; NO_COLOR is honoured)\n"
	"      --stdin-filename N  name shown for standard input (default <stdin>)\n"
	"Rules and configuration:\n"
	"      --config FILE       use FILE instead of .fulint.yml / ~/.config/fulint/config.yml\n"
	"      --no-config         ignore configuration files\n"
	"      --styles-path DIR   add a folder of styles (DIR/<Style>/<Rule>.yml)\n"
	"      --styles A,B        styles that run (default FollowUp; '' for none)\n"
	"      --rule ID=VALUE     off, on, suggestion, warning or error for rule ID;\n"
	"                          ID:KEY=VALUE overrides a rule key (FollowUp.Length:max=120)\n"
	"      --min-level LEVEL   lowest level shown (suggestion, warning, error)\n"
	"      --fail-level LEVEL  lowest level that makes the exit status 1 (default error)\n"
	"      --kind KIND         auto, thank-you, check-in, nudge, rejection-reply\n"
	"      --input MODE        auto, text or email\n"
	"      --lint-quoted       also lint quoted text and the signature\n"
	"Spelling:\n"
	"      --dictionary NAME   Hunspell dictionary (default en_US), looked up in $DICPATH\n"
	"                          then the system folders\n"
	"      --personal-dictionary FILE  personal word list (default\n"
	"                          $XDG_CONFIG_HOME/fulint/words)\n"
	"      --add-word WORD     add WORD to the personal word list and exit\n"
	"Other:\n"
	"  -j, --jobs N            lint on N threads (default: number of cores): files in\n"
	"                          parallel, and a large file split at blank lines\n"
	"      --no-exit           exit 0 even when findings reach the fail level\n"
	"      --list-rules        list the rules that would run (id, level, kind, description)\n"
	"      --test-rules [DIR]  check every rule's examples (DIR: a styles folder)\n"
	"  -h, --help              this help\n"
	"      --version           print the version\n"
	"\n"
	"Exit status: 0 clean, 1 findings at or above the fail level, 2 error.\n";

typedef struct options {
	fulint_format format;
	bool format_set;
	fulint_column_unit column_unit;
	int color; /* -1 auto */
	const char *stdin_name;
	const char *config_path;
	bool no_config;
	bool no_exit;
	bool list_rules;
	bool test_rules;
	const char *add_word;
	const char *personal;
	unsigned jobs;
	fulint_level fail_level;
	bool fail_level_set;
	fulint_level min_level;
	bool min_level_set;
} options;

__attribute__((format(printf, 1, 2), noreturn)) static void die_usage(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "fulint: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'fulint --help'.\n");
	exit(2);
}

static void print_error(const fulint_error *err)
{
	char line[2200];
	fulint_error_format(err, line, sizeof(line));
	fprintf(stderr, "fulint: %s\n", line);
}

static void on_warning(void *payload, const fulint_error *w)
{
	(void)payload;
	char line[2200];
	fulint_error_format(w, line, sizeof(line));
	fprintf(stderr, "fulint: warning: %s\n", line);
}

static int write_stdout(void *payload, const char *data, size_t len)
{
	(void)payload;
	return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/* $XDG_<kind>_HOME, or $HOME/<fallback>, + "/fulint"; NULL when neither is set. */
static char *xdg_dir(const char *var, const char *fallback)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");
	char *out;
	size_t n;
	if (base != NULL && base[0] == '/') {
		n = strlen(base) + sizeof("/fulint");
		out = malloc(n);
		if (out)
			snprintf(out, n, "%s/fulint", base);
		return out;
	}
	if (home == NULL || home[0] == '\0')
		return NULL;
	n = strlen(home) + strlen(fallback) + sizeof("//fulint");
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s/%s/fulint", home, fallback);
	return out;
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* .fulint.yml in the current folder or a parent, else the XDG config file. */
static char *find_config(void)
{
	char dir[PATH_MAX];
	char path[PATH_MAX + 16];
	char *xdg;
	if (getcwd(dir, sizeof(dir)) != NULL) {
		for (;;) {
			char *slash;
			snprintf(path, sizeof(path), "%s/.fulint.yml", strcmp(dir, "/") == 0 ? "" : dir);
			if (file_exists(path))
				return strdup(path);
			slash = strrchr(dir, '/');
			if (slash == NULL || slash == dir) {
				if (strcmp(dir, "/") == 0)
					break;
				strcpy(dir, "/");
				continue;
			}
			*slash = '\0';
		}
	}
	xdg = xdg_dir("XDG_CONFIG_HOME", ".config");
	if (xdg != NULL) {
		snprintf(path, sizeof(path), "%s/config.yml", xdg);
		free(xdg);
		if (file_exists(path))
			return strdup(path);
	}
	return NULL;
}

static int add_dictionary_dirs(fulint_config *cfg)
{
	static const char *const system_dirs[] = {
		"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
		"/usr/local/share/hunspell", "/usr/local/share/myspell",
	};
	const char *dicpath = getenv("DICPATH");
	size_t i;
	if (dicpath != NULL && dicpath[0] != '\0') {
		char *copy = strdup(dicpath), *save = NULL, *tok;
		if (copy == NULL)
			return FULINT_ERR_NOMEM;
		for (tok = strtok_r(copy, ":", &save); tok != NULL; tok = strtok_r(NULL, ":", &save))
			if (fulint_config_add_dictionary_dir(cfg, tok) < 0) {
				free(copy);
				return FULINT_ERR_NOMEM;
			}
		free(copy);
	}
	for (i = 0; i < sizeof(system_dirs) / sizeof(system_dirs[0]); i++)
		if (fulint_config_add_dictionary_dir(cfg, system_dirs[i]) < 0)
			return FULINT_ERR_NOMEM;
	return 0;
}

/* Append WORD to the personal list (atomically: copy, append, rename). */
static int add_word(const char *path, const char *word)
{
	char tmp[PATH_MAX + 32];
	char *data = NULL, *dir, *slash;
	size_t len = 0;
	char why[512];
	FILE *f;
	const char *p;

	for (p = word; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t') {
			fprintf(stderr, "fulint: --add-word: '%s' is not one word\n", word);
			return 2;
		}
	if (word[0] == '\0') {
		fprintf(stderr, "fulint: --add-word: empty word\n");
		return 2;
	}
	dir = strdup(path);
	if (dir == NULL)
		return 2;
	/* Create the folders on the way (mkdir -p). */
	for (slash = strchr(dir + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			fprintf(stderr, "fulint: cannot create %s: %s\n", dir, strerror(errno));
			free(dir);
			return 2;
		}
		*slash = '/';
	}
	free(dir);
	if (file_exists(path) && cli_read_input(path, &data, &len, why, sizeof(why)) < 0) {
		fprintf(stderr, "fulint: %s: %s\n", path, why);
		return 2;
	}
	if (data != NULL) {
		const char *line = data;
		size_t wl = strlen(word);
		while (line < data + len) {
			const char *nl = memchr(line, '\n', (size_t)(data + len - line));
			size_t ll = nl ? (size_t)(nl - line) : (size_t)(data + len - line);
			if (ll == wl && memcmp(line, word, wl) == 0) {
				printf("'%s' is already in %s\n", word, path);
				free(data);
				return 0;
			}
			line += ll + 1;
		}
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	f = fopen(tmp, "wb");
	if (f == NULL) {
		fprintf(stderr, "fulint: cannot write %s: %s\n", tmp, strerror(errno));
		free(data);
		return 2;
	}
	if ((len > 0 && fwrite(data, 1, len, f) != len) ||
	    (len > 0 && data[len - 1] != '\n' && fputc('\n', f) == EOF) || fprintf(f, "%s\n", word) < 0 ||
	    fflush(f) != 0 || fsync(fileno(f)) != 0) {
		fprintf(stderr, "fulint: cannot write %s: %s\n", tmp, strerror(errno));
		fclose(f);
		unlink(tmp);
		free(data);
		return 2;
	}
	fclose(f);
	free(data);
	if (rename(tmp, path) != 0) {
		fprintf(stderr, "fulint: cannot replace %s: %s\n", path, strerror(errno));
		unlink(tmp);
		return 2;
	}
	printf("added '%s' to %s\n", word, path);
	return 0;
}

static void on_example_failure(void *payload, const fulint_example_failure *f)
{
	(void)payload;
	printf("%s: %s: %s example %s: \"", f->path, f->rule, f->expected_match ? "match" : "nomatch",
	       f->expected_match ? "found nothing" : "fired");
	{
		const char *p;
		for (p = f->example; *p; p++)
			if (*p == '\n')
				fputs("\\n", stdout);
			else
				putchar(*p);
	}
	printf("\"%s%s\n", f->detail[0] ? " -> " : "", f->detail);
}

static int parse_rule_option(fulint_config *cfg, const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *colon;
	char id[256], key[128];
	int rc;
	if (eq == NULL)
		die_usage("--rule needs ID=VALUE, got '%s'", arg);
	colon = memchr(arg, ':', (size_t)(eq - arg));
	if (colon != NULL) {
		size_t il = (size_t)(colon - arg), kl = (size_t)(eq - colon - 1);
		if (il >= sizeof(id) || kl >= sizeof(key) || kl == 0)
			die_usage("--rule: bad rule key in '%s'", arg);
		memcpy(id, arg, il);
		id[il] = '\0';
		memcpy(key, colon + 1, kl);
		key[kl] = '\0';
		rc = fulint_config_set_rule_key(cfg, id, key, eq + 1);
	} else {
		size_t il = (size_t)(eq - arg);
		if (il >= sizeof(id))
			die_usage("--rule: rule id too long in '%s'", arg);
		memcpy(id, arg, il);
		id[il] = '\0';
		rc = fulint_config_set_rule(cfg, id, eq + 1);
	}
	if (rc < 0)
		die_usage("--rule: bad value in '%s' (ID=off|on|suggestion|warning|error)", arg);
	return 0;
}

int main(int argc, char **argv)
{
	options o;
	fulint_config *cfg = NULL;
	fulint_ruleset *rs = NULL;
	fulint_error err;
	char *config_found = NULL;
	char *xdg_config = NULL, *xdg_cache = NULL;
	int c, status = 0, rc;
	size_t i;
	const char *dictionary = NULL, *kind = NULL, *input = NULL, *styles = NULL;
	bool lint_quoted = false;
	const char **styles_paths;
	size_t n_styles_paths = 0;
	const char **rule_args;
	size_t n_rule_args = 0;
	const char *test_dir = NULL;
	cli_job *jobs = NULL;
	size_t n_files = 0, n_jobs = 0;

	memset(&o, 0, sizeof(o));
	memset(&err, 0, sizeof(err));
	o.color = -1;
	o.jobs = 0;
	styles_paths = calloc((size_t)argc + 1, sizeof(*styles_paths));
	rule_args = calloc((size_t)argc + 1, sizeof(*rule_args));
	if (styles_paths == NULL || rule_args == NULL) {
		fprintf(stderr, "fulint: out of memory\n");
		return 2;
	}

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hf:j:", long_options, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			goto done;
		case OPT_VERSION:
			printf("fulint %s\n", FULINT_VERSION);
			goto done;
		case 'f':
			if (fulint_format_parse(&o.format, optarg) < 0)
				die_usage("unknown format '%s' (pretty, gnu, line, json, vale-json)", optarg);
			o.format_set = true;
			break;
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 1024)
				die_usage("--jobs needs a number from 1 to 1024, got '%s'", optarg);
			o.jobs = (unsigned)v;
			break;
		}
		case OPT_STDIN_FILENAME: o.stdin_name = optarg; break;
		case OPT_CONFIG: o.config_path = optarg; break;
		case OPT_NO_CONFIG: o.no_config = true; break;
		case OPT_STYLES_PATH: styles_paths[n_styles_paths++] = optarg; break;
		case OPT_STYLES: styles = optarg; break;
		case OPT_RULE: rule_args[n_rule_args++] = optarg; break;
		case OPT_MIN_LEVEL:
			if (fulint_level_parse(&o.min_level, optarg) < 0)
				die_usage("unknown level '%s' (suggestion, warning, error)", optarg);
			o.min_level_set = true;
			break;
		case OPT_FAIL_LEVEL:
			if (fulint_level_parse(&o.fail_level, optarg) < 0)
				die_usage("unknown level '%s' (suggestion, warning, error)", optarg);
			o.fail_level_set = true;
			break;
		case OPT_NO_EXIT: o.no_exit = true; break;
		case OPT_LIST_RULES: o.list_rules = true; break;
		case OPT_TEST_RULES:
			o.test_rules = true;
			/* An optional folder: the next argument when it is a folder. */
			if (optind < argc && argv[optind][0] != '-') {
				struct stat st;
				if (stat(argv[optind], &st) == 0 && S_ISDIR(st.st_mode))
					test_dir = argv[optind++];
			}
			break;
		case OPT_DICTIONARY: dictionary = optarg; break;
		case OPT_PERSONAL: o.personal = optarg; break;
		case OPT_ADD_WORD: o.add_word = optarg; break;
		case OPT_KIND: kind = optarg; break;
		case OPT_INPUT: input = optarg; break;
		case OPT_COLUMN_UNIT:
			if (strcmp(optarg, "codepoint") == 0)
				o.column_unit = FULINT_COLUMN_CODEPOINT;
			else if (strcmp(optarg, "byte") == 0)
				o.column_unit = FULINT_COLUMN_BYTE;
			else if (strcmp(optarg, "utf16") == 0)
				o.column_unit = FULINT_COLUMN_UTF16;
			else
				die_usage("unknown column unit '%s' (codepoint, byte, utf16)", optarg);
			break;
		case OPT_COLOR: o.color = 1; break;
		case OPT_NO_COLOR: o.color = 0; break;
		case OPT_LINT_QUOTED: lint_quoted = true; break;
		case ':': die_usage("option '%s' needs a value", argv[optind - 1]); break;
		default: die_usage("unknown option '%s'", argv[optind - 1]); break;
		}
	}
	if (o.no_config && o.config_path != NULL)
		die_usage("%s", "--config and --no-config cannot be used together");
	if (o.test_rules && o.list_rules)
		die_usage("%s", "--test-rules and --list-rules cannot be used together");

	if (fulint_config_new(&cfg) < 0) {
		fprintf(stderr, "fulint: out of memory\n");
		return 2;
	}
	/* 1. the configuration file */
	if (!o.no_config) {
		const char *path = o.config_path;
		if (path == NULL)
			path = config_found = find_config();
		if (path != NULL && fulint_config_load_file(cfg, path, &err) < 0) {
			print_error(&err);
			status = 2;
			goto done;
		}
	}
	/* 2. the environment */
	xdg_config = xdg_dir("XDG_CONFIG_HOME", ".config");
	xdg_cache = xdg_dir("XDG_CACHE_HOME", ".cache");
	if (add_dictionary_dirs(cfg) < 0 || (xdg_cache && fulint_config_set_cache_dir(cfg, xdg_cache) < 0)) {
		fprintf(stderr, "fulint: out of memory\n");
		status = 2;
		goto done;
	}
	if (o.personal != NULL) {
		if (fulint_config_set_personal_dictionary(cfg, o.personal) < 0)
			die_usage("bad personal dictionary '%s'", o.personal);
	} else if (fulint_config_personal_dictionary(cfg) == NULL && xdg_config != NULL) {
		char path[PATH_MAX];
		snprintf(path, sizeof(path), "%s/words", xdg_config);
		fulint_config_set_personal_dictionary(cfg, path);
	}
	if (o.add_word != NULL) {
		const char *pd = fulint_config_personal_dictionary(cfg);
		if (pd == NULL) {
			fprintf(stderr, "fulint: --add-word: no personal word list (set HOME, XDG_CONFIG_HOME or "
			                "--personal-dictionary)\n");
			status = 2;
		} else {
			status = add_word(pd, o.add_word);
		}
		goto done;
	}
	/* 3. the command line */
	for (i = 0; i < n_styles_paths; i++)
		if (fulint_config_add_styles_path(cfg, styles_paths[i]) < 0)
			die_usage("bad styles path '%s'", styles_paths[i]);
	if (o.test_rules) {
		struct stat st;
		if (test_dir == NULL && stat("rules", &st) == 0 && S_ISDIR(st.st_mode))
			test_dir = "rules";
		if (test_dir != NULL && fulint_config_add_styles_path(cfg, test_dir) < 0)
			die_usage("bad styles path '%s'", test_dir);
		fulint_config_set_styles(cfg, "*");
	} else if (styles != NULL && fulint_config_set_styles(cfg, styles) < 0) {
		die_usage("bad --styles value '%s'", styles);
	}
	for (i = 0; i < n_rule_args; i++)
		parse_rule_option(cfg, rule_args[i]);
	if (o.min_level_set)
		fulint_config_set_min_level(cfg, o.min_level);
	if (o.fail_level_set)
		fulint_config_set_fail_level(cfg, o.fail_level);
	if (dictionary != NULL && fulint_config_set_dictionary(cfg, dictionary) < 0)
		die_usage("bad dictionary name '%s'", dictionary);
	if (kind != NULL && fulint_config_set_note_kind(cfg, kind) < 0)
		die_usage("unknown note kind '%s' (auto, thank-you, check-in, nudge, rejection-reply)", kind);
	if (input != NULL && fulint_config_set_input(cfg, input) < 0)
		die_usage("unknown input mode '%s' (auto, text, email)", input);
	if (lint_quoted)
		fulint_config_set_lint_quoted(cfg, 1);

	/* The inputs: standard input is read now, files are measured, so that
	 * small inputs skip JIT compilation (it costs more than it saves). */
	n_files = (size_t)(argc - optind);
	n_jobs = n_files ? n_files : 1;
	jobs = calloc(n_jobs, sizeof(*jobs));
	if (jobs == NULL) {
		fprintf(stderr, "fulint: out of memory\n");
		status = 2;
		goto done;
	}
	if (!o.list_rules && !o.test_rules) {
		unsigned long long total = 0;
		int stdin_used = 0;
		for (i = 0; i < n_jobs; i++) {
			const char *path = n_files ? argv[optind + (int)i] : "-";
			struct stat st;
			jobs[i].path = path;
			if (strcmp(path, "-") == 0) {
				char why[512];
				jobs[i].name = o.stdin_name ? o.stdin_name : "<stdin>";
				if (stdin_used++)
					die_usage("%s", "standard input ('-') can be given only once");
				jobs[i].preread = true;
				if (cli_read_input("-", &jobs[i].data, &jobs[i].len, why, sizeof(why)) < 0) {
					jobs[i].preread = false;
					jobs[i].status = FULINT_ERR_IO;
					snprintf(jobs[i].error, sizeof(jobs[i].error), "%s: %s", jobs[i].name, why);
				}
				total += jobs[i].len;
			} else {
				jobs[i].name = path;
				if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
					total += (unsigned long long)st.st_size;
			}
		}
		if (total < JIT_THRESHOLD)
			fulint_config_set_jit(cfg, 0);
	}

	if (fulint_ruleset_new(&rs, cfg, on_warning, NULL, &err) < 0) {
		print_error(&err);
		status = 2;
		goto done;
	}

	if (o.list_rules) {
		for (i = 0; i < fulint_ruleset_count(rs); i++) {
			fulint_rule_info info;
			fulint_ruleset_rule(rs, i, &info);
			printf("%-28s %-10s %-14s %s%s\n", info.id, fulint_level_name(info.level), info.kind,
			       info.enabled ? "" : "(off) ", info.description);
		}
		goto done;
	}
	if (o.test_rules) {
		fulint_linter *l = NULL;
		size_t checked = 0, failed = 0;
		if (fulint_linter_new(&l, rs, &err) < 0 ||
		    fulint_ruleset_test_examples(rs, l, on_example_failure, NULL, &checked, &failed, &err) < 0) {
			print_error(&err);
			fulint_linter_free(l);
			status = 2;
			goto done;
		}
		fulint_linter_free(l);
		printf("%zu examples checked in %zu rules, %zu failed\n", checked, fulint_ruleset_count(rs), failed);
		status = failed ? 1 : 0;
		goto done;
	}

	{
		fulint_report_options ro = FULINT_REPORT_OPTIONS_INIT;
		fulint_reporter *rep = NULL;
		fulint_level fail = fulint_config_fail_level(cfg);
		unsigned threads = o.jobs;
		bool any_fail = false;
		const char *dc = getenv("FULINT_DEBUG_CHUNKS");
		bool debug_chunks = dc != NULL && dc[0] != '\0' && strcmp(dc, "0") != 0;

		if (threads == 0) {
			long n = sysconf(_SC_NPROCESSORS_ONLN);
			threads = n > 0 ? (unsigned)n : 1;
		}
		if (cli_lint_jobs(rs, jobs, n_jobs, threads, &err) < 0) {
			print_error(&err);
			status = 2;
		} else {
			ro.format = o.format_set ? o.format : (isatty(STDOUT_FILENO) ? FULINT_FORMAT_PRETTY : FULINT_FORMAT_GNU);
			ro.column_unit = o.column_unit;
			ro.min_level = fulint_config_min_level(cfg);
			if (o.color >= 0) {
				ro.color = o.color;
			} else {
				const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
				ro.color = isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0') &&
				           !(term != NULL && strcmp(term, "dumb") == 0);
			}
			if (getenv("NO_COLOR") != NULL && getenv("NO_COLOR")[0] != '\0')
				ro.color = 0;
			rc = fulint_reporter_new(&rep, &ro, write_stdout, NULL);
			if (rc < 0) {
				fprintf(stderr, "fulint: cannot start the report\n");
				status = 2;
			}
			for (i = 0; rc == 0 && i < n_jobs; i++) {
				/* For tests: how many chunks each input was linted in. */
				if (debug_chunks && jobs[i].status >= 0)
					fprintf(stderr, "fulint: debug: %s: %zu chunks\n", jobs[i].name,
					        fulint_result_chunks(jobs[i].result));
				if (jobs[i].status < 0) {
					fflush(stdout);
					fprintf(stderr, "fulint: %s\n", jobs[i].error);
					status = 2;
					continue;
				}
				if (fulint_result_count_at(jobs[i].result, fail) > 0)
					any_fail = true;
				rc = fulint_reporter_add(rep, jobs[i].result);
			}
			if (rc == 0)
				rc = fulint_reporter_finish(rep);
			if (rc < 0 || fflush(stdout) != 0) {
				fprintf(stderr, "fulint: cannot write the report: %s\n", strerror(errno));
				status = 2;
			}
			fulint_reporter_free(rep);
			if (status == 0 && any_fail && !o.no_exit)
				status = 1;
		}
	}

done:
	for (i = 0; jobs != NULL && i < n_jobs; i++) {
		fulint_result_free(jobs[i].result);
		free(jobs[i].data);
	}
	free(jobs);
	fulint_ruleset_free(rs);
	fulint_config_free(cfg);
	free(config_found);
	free(xdg_config);
	free(xdg_cache);
	free(styles_paths);
	free(rule_args);
	return status;
}
