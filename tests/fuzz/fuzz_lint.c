/*
 * fuzz_lint.c - fuzz target for the whole lint: fulint_lint with the
 * built-in FollowUp ruleset (spelling included) on arbitrary bytes, in
 * automatic input mode (so e-mails go through the e-mail reader), then
 * every reporter on the result.
 *
 * The ruleset and the linter are built once and kept (as a long-running
 * editor integration does), so the spelling engine is loaded once; its
 * fast-path cache lives under /tmp (FULINT_FUZZ_CACHE overrides it).  The
 * dictionary is Debian's en_US from /usr/share/hunspell (or $DICPATH).
 *
 * Checks: a lint either succeeds or fails with FULINT_ERR_INPUT (binary
 * data); findings lie inside the text positions refer to and are sorted;
 * each reporter finishes.
 */
#include <string.h>
#include <unistd.h>

#include "fulint.h"
#include "fuzz.h"

static fulint_ruleset *g_rs;
static fulint_linter *g_linter;

static int sink(void *payload, const char *data, size_t len)
{
	size_t *total = payload;
	(void)data;
	*total += len;
	return 0;
}

static int setup(void)
{
	fulint_config *cfg = NULL;
	fulint_error err;
	const char *cache = getenv("FULINT_FUZZ_CACHE");
	const char *dicpath = getenv("DICPATH");
	char dir[128];

	memset(&err, 0, sizeof(err));
	if (cache == NULL) {
		snprintf(dir, sizeof(dir), "/tmp/fulint-fuzz-cache-%ld", (long)getuid());
		cache = dir;
	}
	if (fulint_config_new(&cfg) < 0)
		return -1;
	if (dicpath != NULL && dicpath[0] != '\0')
		fulint_config_add_dictionary_dir(cfg, dicpath);
	fulint_config_add_dictionary_dir(cfg, "/usr/share/hunspell");
	fulint_config_set_cache_dir(cfg, cache);
	if (fulint_ruleset_new(&g_rs, cfg, NULL, NULL, &err) < 0 || fulint_linter_new(&g_linter, g_rs, &err) < 0) {
		fprintf(stderr, "fuzz_lint: setup failed: %s\n", err.message);
		fulint_config_free(cfg);
		return -1;
	}
	fulint_config_free(cfg);
	return 0;
}

static void report(const fulint_result *res, fulint_format format, fulint_column_unit unit)
{
	fulint_report_options ro = FULINT_REPORT_OPTIONS_INIT;
	fulint_reporter *rep = NULL;
	size_t total = 0;
	ro.format = format;
	ro.column_unit = unit;
	ro.color = format == FULINT_FORMAT_PRETTY;
	if (fulint_reporter_new(&rep, &ro, sink, &total) < 0)
		return;
	FUZZ_CHECK(fulint_reporter_add(rep, res) == 0);
	FUZZ_CHECK(fulint_reporter_finish(rep) == 0);
	fulint_reporter_free(rep);
}

/*
 * Build the ruleset and the linter, and lint a draft with a misspelling
 * once: the first lint builds the spelling table (seconds under ASan) and
 * loads Hunspell, which must not count against the per-input timeout.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char warm[] = "Hi Dana,\n\nThank you for the interveiw today.\n\nBest,\nSam\n";
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_result *res = NULL;
	fulint_error err;
	(void)argc;
	(void)argv;
	if (setup() < 0)
		abort(); /* the environment is broken, not an input */
	src.data = warm;
	src.len = sizeof(warm) - 1;
	memset(&err, 0, sizeof(err));
	if (fulint_lint(g_linter, &src, &res, &err) < 0) {
		fprintf(stderr, "fuzz_lint: warm-up lint failed: %s\n", err.message);
		abort();
	}
	fulint_result_free(res);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fulint_source src = FULINT_SOURCE_INIT;
	fulint_result *res = NULL;
	fulint_error err;
	char *buf;
	int rc;

	if (g_linter == NULL)
		LLVMFuzzerInitialize(NULL, NULL);
	buf = malloc(size ? size : 1);
	if (buf == NULL)
		return 0;
	if (size)
		memcpy(buf, data, size);
	memset(&err, 0, sizeof(err));
	src.name = "fuzz.eml";
	src.data = buf;
	src.len = size;
	rc = fulint_lint(g_linter, &src, &res, &err);
	if (rc == 0) {
		size_t i, n = fulint_result_count(res), tlen = 0;
		const char *text = fulint_result_text(res, &tlen);
		FUZZ_CHECK(text != NULL || tlen == 0);
		FUZZ_CHECK(fulint_result_note_kind(res) != NULL && fulint_result_input_kind(res) != NULL);
		FUZZ_CHECK(fulint_result_count_at(res, FULINT_SUGGESTION) == n);
		for (i = 0; i < n; i++) {
			const fulint_finding *f = fulint_result_finding(res, i);
			FUZZ_CHECK(f != NULL && f->rule != NULL && f->message != NULL && f->match != NULL);
			FUZZ_CHECK(f->offset <= tlen && f->length <= tlen - f->offset);
			FUZZ_CHECK(f->line >= 1 && f->column >= 1);
			FUZZ_CHECK(f->n_suggestions == 0 || f->suggestions != NULL);
			if (i > 0) {
				const fulint_finding *p = fulint_result_finding(res, i - 1);
				FUZZ_CHECK(p->offset <= f->offset || p->line < f->line);
			}
		}
		report(res, FULINT_FORMAT_GNU, FULINT_COLUMN_CODEPOINT);
		report(res, FULINT_FORMAT_JSON, FULINT_COLUMN_UTF16);
		report(res, FULINT_FORMAT_PRETTY, FULINT_COLUMN_BYTE);
		report(res, FULINT_FORMAT_LINE, FULINT_COLUMN_CODEPOINT);
		report(res, FULINT_FORMAT_VALE_JSON, FULINT_COLUMN_CODEPOINT);
		fulint_result_free(res);
	} else {
		FUZZ_CHECK(rc == FULINT_ERR_INPUT || rc == FULINT_ERR_NOMEM);
		FUZZ_CHECK(err.message[0] != '\0');
	}
	free(buf);
	return 0;
}
