/*
 * fuzz_literal.c - fuzz target for the literal prefilter (fl_literal.h)
 * with a soundness oracle.
 *
 * Input: a regex, a NUL byte, a subject (no NUL: the input is both).  The
 * regex's requirement is extracted; when there is one, the regex is
 * compiled as a rule pattern (caseless when the first byte is odd) and
 * every match PCRE2 finds in the subject must contain one of the required
 * strings (ASCII case folded): a match without one is a missed finding
 * the prefilter would cause.  The index must also report a hit inside
 * every such match, and the encoded set must decode to itself.
 *
 * Subjects holding U+017F or U+212A are skipped by the oracle, as
 * fl_litindex_scan refuses them (they fold to ASCII letters).
 */
#include <string.h>

#include "fl_literal.h"
#include "fl_pattern.h"
#include "fuzz.h"

static unsigned char fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static bool contains_folded(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i, j;
	for (i = 0; i + n <= len; i++) {
		for (j = 0; j < n && fold((unsigned char)s[i + j]) == (unsigned char)needle[j]; j++)
			;
		if (j == n)
			return true;
	}
	return false;
}

static bool has_folding_chars(const char *s, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (u[0] == 0xC5 && u[1] == 0xBF)
			return true;
		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x84 && u[2] == 0xAA)
			return true;
	}
	return false;
}

static void check_codec(const fl_litset *set)
{
	fl_buf b = FL_BUF_INIT;
	fl_litset d;
	size_t i;
	FUZZ_CHECK(fl_litset_encode(set, &b) == 0);
	FUZZ_CHECK(fl_litset_decode(&d, b.data, b.len) == 0);
	FUZZ_CHECK(d.n == set->n);
	for (i = 0; i < d.n; i++)
		FUZZ_CHECK(strcmp(d.v[i], set->v[i]) == 0);
	fl_litset_dispose(&d);
	fl_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul;
	char *re;
	const char *subject;
	size_t re_len, subj_len, pos = 0, i, rounds = 0;
	fl_litset set;
	fl_pattern *p = NULL;
	fl_matcher *m = NULL;
	fl_litindex *ix = NULL;
	fl_lithits hits;
	fulint_error err;
	fl_match mt;
	int rc;

	if (size > 8192)
		return 0;
	nul = memchr(data, '\0', size);
	re_len = nul ? (size_t)(nul - (const char *)data) : size;
	re = malloc(re_len + 1);
	if (re == NULL)
		return 0;
	memcpy(re, data, re_len);
	re[re_len] = '\0';
	subject = nul ? nul + 1 : (const char *)data;
	subj_len = nul ? size - re_len - 1 : size;

	if (fl_literal_extract(re, &set) != 0 || set.n == 0) {
		free(re);
		return 0;
	}
	for (i = 0; i < set.n; i++)
		FUZZ_CHECK(strlen(set.v[i]) >= FL_LIT_MIN && strlen(set.v[i]) <= FL_LIT_MAX_LEN);
	check_codec(&set);
	memset(&hits, 0, sizeof hits);
	if (has_folding_chars(subject, subj_len) ||
	    fl_pattern_compile(&p, re, FL_RE_MULTILINE | FL_RE_NO_JIT | ((size && (data[0] & 1)) ? FL_RE_CASELESS : 0u),
	                       NULL, &err) != 0 ||
	    fl_matcher_new(&m) != 0 || fl_litindex_new(&ix, &set, 1) != 0) {
		goto done;
	}
	rc = fl_litindex_scan(ix, subject, subj_len, &hits);
	FUZZ_CHECK(rc == 1);
	while (rounds++ < 200 && (rc = fl_pattern_next(m, p, subject, subj_len, &pos, &mt)) == 1) {
		bool found = false;
		for (i = 0; i < set.n && !found; i++)
			found = contains_folded(subject + mt.start, mt.end - mt.start, set.v[i]);
		if (!found) {
			fprintf(stderr, "match [%zu,%zu) of /%s/ holds none of the %zu required strings (first: %s)\n",
			        mt.start, mt.end, re, set.n, set.v[0]);
			FUZZ_CHECK(found);
		}
		FUZZ_CHECK(fl_lithits_any(&hits, mt.start, mt.end));
	}
done:
	fl_lithits_dispose(&hits, 1);
	fl_litindex_free(ix);
	fl_matcher_free(m);
	fl_pattern_free(p);
	fl_litset_dispose(&set);
	free(re);
	return 0;
}
