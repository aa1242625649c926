/*
 * fl_text.c - the text model of a draft (contract in fl_text.h).
 *
 * What it is: a handful of linear passes over the input.
 *   1. copy `src` into `lint`, masking invalid UTF-8 and control bytes;
 *   2. split lines (LF, CRLF, lone CR);
 *   3. tell each line's part: blank, quote ('>' lines, "On ... wrote:",
 *      forwarded / "Original Message" / Outlook header blocks), signature
 *      (after "-- "), subject, greeting, closing (and the sender lines under
 *      it), body; then blank out quote and signature bytes in `lint`;
 *   4. group lintable lines into paragraphs (the subject, the greeting and
 *      each closing line are paragraphs of their own);
 *   5. split paragraphs into sentences.  A paragraph is read as white-space
 *      delimited "chunks"; only the end of a chunk can end a sentence, which
 *      keeps URLs, e-mail addresses, decimals and versions whole for free
 *      (a line that starts with a list bullet also starts a sentence).
 *      The same pass marks chunks that are URLs, e-mail addresses, handles
 *      or paths, and a byte pass marks [..], {{..}} and <..> placeholders;
 *   6. cut sentences into words and flag them;
 *   7. tell the note kind from phrase tables.
 *
 * What it is not: a parser of English or of e-mail.  Every decision is a
 * bounded heuristic; rules rely on the spans being sorted, inside the input
 * and cheap to get.
 *
 * Invariants: every loop advances by at least one byte; look-aheads and
 * look-backs are bounded by a constant or by the current line or chunk,
 * which is visited a constant number of times, so the build is linear in
 * the input (a 50 MB single line is fine).  Reads stay inside [0, len): the
 * source is never assumed to be NUL-terminated and may hold NULs.
 */
#include "fl_text.h"

#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

enum {
	GREETING_MAX = 200,   /* longer lines are never a greeting */
	GREETING_WORDS = 5,   /* words after the salutation */
	CLOSING_MAX = 60,     /* a closing line is short */
	GENERIC_MAX = 50,     /* "Thank you for your time and consideration," */
	GENERIC_WORDS = 8,
	TAIL_LINES = 4,       /* sender lines under a closing */
	TAIL_MAX = 100,
	TAIL_WORDS = 8,
	SENDER_WORDS = 4,
	SAME_LINE_NAME_WORDS = 3, /* "Best, Jane Doe" */
	ATTRIB_MAX = 400,     /* an "On ... wrote:" line (or two) */
	MARKER_MAX = 120,     /* "-----Original Message-----" */
	HEADER_LOOKAHEAD = 4, /* "From:" then "Sent:" within this many lines */
	PLACEHOLDER_MAX = 80, /* bytes between the brackets */
	ABBREV_MAX = 12,
	NAME_BYTES_MAX = 128,
	NAMES_MAX = 1024,
	KIND_WORDS = 5000,    /* the note kind is told from this many words at most */
	SYLLABLE_LETTERS = 64
};

typedef unsigned char u8;

/* A flagged byte span (URL, e-mail, handle, path or placeholder). */
typedef struct mark {
	size_t start, end;
	unsigned flags;
} mark;

typedef struct marklist {
	mark *v;
	size_t n, cap;
} marklist;

/* A name word found in the greeting or under the closing. */
typedef struct namespan {
	size_t a, b;
} namespan;

typedef struct builder {
	fl_text *t;
	bool lint_quoted;
	const char *s;      /* t->lint */
	size_t cap_lines, cap_paras, cap_sents, cap_words, cap_names;
	size_t sig_line;    /* the "-- " line, or NONE */
	marklist special;   /* URL / e-mail / handle / path chunks, sorted, disjoint */
	marklist holders;   /* placeholders, sorted, disjoint */
	namespan gnames[GREETING_WORDS];
	size_t n_gnames;
	size_t gtail;       /* start of the greeting after its salutation, or NONE */
	namespan snames[SENDER_WORDS];
	size_t n_snames;
} builder;

/*
 * Make room for one more element in `ptr` (n used of cap).  Returns from the
 * calling function with FULINT_ERR_NOMEM when that fails.
 */
#define RESERVE(ptr, n, cap)                                                             \
	do {                                                                             \
		if ((n) >= (cap)) {                                                      \
			void *tmp_ = (ptr);                                              \
			if (fl_grow(&tmp_, &(cap), (n) + 1, sizeof(*(ptr))) < 0)         \
				return FULINT_ERR_NOMEM;                                 \
			(ptr) = tmp_;                                                    \
		}                                                                        \
	} while (0)

/* ------------------------------------------------------------------ */
/* characters                                                           */

static bool in(uint32_t c, uint32_t lo, uint32_t hi)
{
	return c >= lo && c <= hi;
}

/* 1 upper case, -1 lower case, 0 caseless or not a letter. */
static int case_of(uint32_t c)
{
	if (c < 0x80)
		return in(c, 'A', 'Z') ? 1 : in(c, 'a', 'z') ? -1 : 0;
	if (c < 0x100) {
		if (c == 0xD7 || c == 0xF7)
			return 0;
		if (in(c, 0xC0, 0xDE))
			return 1;
		return (in(c, 0xDF, 0xFF) || c == 0xAA || c == 0xB5 || c == 0xBA) ? -1 : 0;
	}
	if (c < 0x180) { /* Latin Extended-A pairs */
		bool odd = (c & 1u) != 0;
		if (c == 0x138 || c == 0x149 || c == 0x17F)
			return -1;
		if (c == 0x178)
			return 1;
		if (in(c, 0x139, 0x148) || in(c, 0x179, 0x17E))
			return odd ? 1 : -1;
		return odd ? -1 : 1;
	}
	if (c == 0x386 || in(c, 0x388, 0x38F) || in(c, 0x391, 0x3AB))
		return 1;
	if (in(c, 0x3AC, 0x3CE))
		return -1;
	if (in(c, 0x400, 0x42F))
		return 1;
	if (in(c, 0x430, 0x45F))
		return -1;
	if (in(c, 0x460, 0x481) || in(c, 0x48A, 0x4BF) || in(c, 0x4D0, 0x52F) || in(c, 0x1E00, 0x1EFF))
		return (c & 1u) ? -1 : 1;
	if (in(c, 0xFF21, 0xFF3A))
		return 1;
	if (in(c, 0xFF41, 0xFF5A))
		return -1;
	return 0;
}

/* Letters of the scripts a draft is likely to hold (Latin, Greek, Cyrillic, CJK, ...). */
static bool is_letter(uint32_t c)
{
	if (c < 0x80)
		return in(c | 0x20u, 'a', 'z');
	if (c < 0x250)
		return c >= 0xC0 ? (c != 0xD7 && c != 0xF7) : (c == 0xAA || c == 0xB5 || c == 0xBA);
	return in(c, 0x250, 0x2C1) || in(c, 0x2C6, 0x2D1) || in(c, 0x370, 0x373) ||
	       in(c, 0x376, 0x377) || in(c, 0x37B, 0x37D) || c == 0x37F || c == 0x386 ||
	       (in(c, 0x388, 0x3FF) && c != 0x3F6) || in(c, 0x400, 0x481) || in(c, 0x48A, 0x52F) ||
	       in(c, 0x531, 0x556) || in(c, 0x561, 0x587) || in(c, 0x5D0, 0x5EA) ||
	       in(c, 0x620, 0x64A) || in(c, 0x671, 0x6D3) ||
	       (in(c, 0x900, 0xDFF) && c != 0x964 && c != 0x965) || in(c, 0xE01, 0xE3A) ||
	       in(c, 0xE40, 0xE4E) || in(c, 0x10A0, 0x10FF) || in(c, 0x1100, 0x11FF) ||
	       in(c, 0x1E00, 0x1FFF) || in(c, 0x3041, 0x30FF) || in(c, 0x3105, 0x312F) ||
	       in(c, 0x3131, 0x318E) || in(c, 0x31F0, 0x31FF) || in(c, 0x3400, 0x4DBF) ||
	       in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) || in(c, 0xA720, 0xA7FF) ||
	       in(c, 0xAB30, 0xAB6F) || in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) ||
	       in(c, 0xFB00, 0xFB06) || in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A) ||
	       in(c, 0xFF66, 0xFF9F) || in(c, 0x20000, 0x3134F);
}

/* Combining marks: they stay inside the word they follow. */
static bool is_mark(uint32_t c)
{
	return in(c, 0x300, 0x36F) || in(c, 0x483, 0x489) || in(c, 0x591, 0x5BD) ||
	       in(c, 0x610, 0x61A) || in(c, 0x64B, 0x65F) || in(c, 0x1AB0, 0x1AFF) ||
	       in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) ||
	       in(c, 0xFE20, 0xFE2F);
}

static bool is_digit(uint32_t c)
{
	return in(c, '0', '9') || in(c, 0xFF10, 0xFF19);
}

static bool is_wordch(uint32_t c)
{
	return is_letter(c) || is_digit(c);
}

/* Apostrophes and hyphens that stay inside a word ("don't", "O’Brien", "follow-up"). */
static bool is_joiner(uint32_t c)
{
	return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

/* Decode the character at s[i] (i < end); an undecodable byte counts as one U+FFFD. */
static size_t decode_at(const char *s, size_t i, size_t end, uint32_t *cp)
{
	size_t n;
	if ((u8)s[i] < 0x80) {
		*cp = (u8)s[i];
		return 1;
	}
	n = fl_utf8_decode(s + i, end - i, cp);
	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return n;
}

/* Length of the white-space character at s[i] (ASCII, NBSP, the U+2000 spaces, ...), or 0. */
static size_t ws_len(const char *s, size_t i, size_t end)
{
	u8 c = (u8)s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (c < 0xC2)
		return 0;
	if (c == 0xC2)
		return (i + 1 < end && (u8)s[i + 1] == 0xA0) ? 2 : 0;
	if (i + 2 >= end)
		return 0;
	if (c == 0xE2) {
		u8 c1 = (u8)s[i + 1], c2 = (u8)s[i + 2];
		if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
			return 3; /* U+2000..U+200B, U+2028, U+2029, U+202F */
		if (c1 == 0x81 && c2 == 0x9F)
			return 3; /* U+205F */
		return 0;
	}
	if (c == 0xE3 && (u8)s[i + 1] == 0x80 && (u8)s[i + 2] == 0x80)
		return 3; /* U+3000 */
	return 0;
}

/* Length of the white-space character ending at s[e-1] (start <= e-1), or 0. */
static size_t ws_before(const char *s, size_t start, size_t e)
{
	u8 c = (u8)s[e - 1];
	if (c < 0x80)
		return (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
	if (e - start >= 2 && ws_len(s, e - 2, e) == 2)
		return 2;
	if (e - start >= 3 && ws_len(s, e - 3, e) == 3)
		return 3;
	return 0;
}

static size_t skip_ws(const char *s, size_t i, size_t end)
{
	size_t k;
	while (i < end && (k = ws_len(s, i, end)) > 0)
		i += k;
	return i;
}

static void trim_span(const char *s, size_t *a, size_t *b)
{
	size_t k;
	*a = skip_ws(s, *a, *b);
	while (*b > *a && (k = ws_before(s, *a, *b)) > 0)
		*b -= k;
}

/* Bytes of the UTF-8 sequence led by s[i] (s is valid UTF-8 here), clipped to end. */
static size_t seq_len(const char *s, size_t i, size_t end)
{
	u8 c = (u8)s[i];
	size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	return n <= end - i ? n : end - i;
}

static char lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

static bool word_at(const char *s, size_t i, size_t end)
{
	uint32_t cp;
	if (i >= end)
		return false;
	decode_at(s, i, end, &cp);
	return is_wordch(cp);
}

/*
 * Match the lower-case phrase `lit` at s[i..end), ASCII case-insensitively:
 * a space in `lit` matches a run of white space or one hyphen, an apostrophe
 * matches ' or ’.  The match must end at a word boundary.  Sets *out to the
 * end of the match.
 */
static bool match_lit(const char *s, size_t i, size_t end, const char *lit, size_t *out)
{
	const char *p;
	for (p = lit; *p != '\0'; p++) {
		if (*p == ' ') {
			if (i < end && s[i] == '-') {
				i++;
				continue;
			}
			if (i >= end || ws_len(s, i, end) == 0)
				return false;
			i = skip_ws(s, i, end);
			continue;
		}
		if (*p == '\'') {
			if (i < end && s[i] == '\'') {
				i++;
				continue;
			}
			if (i + 2 < end && (u8)s[i] == 0xE2 && (u8)s[i + 1] == 0x80 && (u8)s[i + 2] == 0x99) {
				i += 3;
				continue;
			}
			return false;
		}
		if (i >= end || lower_ascii(s[i]) != *p)
			return false;
		i++;
	}
	if (word_at(s, i, end))
		return false;
	*out = i;
	return true;
}

/* True when s[a..b) equals `lit` ASCII case-insensitively. */
static bool ieq(const char *s, size_t a, size_t b, const char *lit)
{
	size_t n = strlen(lit);
	return b - a == n && fl_ascii_ncasecmp(s + a, lit, n) == 0;
}

/* True when s[a..end) starts with `lit` ASCII case-insensitively. */
static bool iprefix(const char *s, size_t a, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	return end - a >= n && fl_ascii_ncasecmp(s + a, lit, n) == 0;
}

static bool in_table(const char *s, size_t a, size_t b, const char *const *tab, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (ieq(s, a, b, tab[i]))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* tables                                                               */

static const char *const SALUTATIONS[] = {
	"good morning", "good afternoon", "good evening", "good day", "hello", "hi", "hey",
	"dear", "greetings", "hiya", "howdy",
};

static const char *const TITLES[] = {
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "chef", "coach",
};

/* Words after a salutation that are not a person's name. */
static const char *const NOT_NAMES[] = {
	"there", "all", "everyone", "everybody", "team", "folks", "friends", "again", "hiring",
	"manager", "managers", "committee", "recruiter", "recruiting", "recruitment", "talent",
	"acquisition", "sir", "madam", "or", "search", "members", "panel", "colleagues", "hr",
	"human", "resources", "department", "selection", "interview", "interviewers", "people",
	"y'all", "guys", "and", "&", "to", "the", "whom", "it", "may", "concern",
};

static const char *const CLOSINGS[] = {
	"best regards", "kind regards", "kindest regards", "warm regards", "warmest regards",
	"warmest", "regards", "best wishes", "warm wishes", "all the best", "best", "sincerely",
	"sincerely yours", "yours sincerely", "yours truly", "yours faithfully", "respectfully",
	"respectfully yours", "thanks", "thank you", "thanks again", "thank you again",
	"many thanks", "thanks so much", "thank you so much", "thanks very much",
	"thank you very much", "with thanks", "with gratitude", "with appreciation",
	"gratefully", "cheers", "warmly", "take care", "talk soon", "cordially",
	"thanks and regards", "thanks & regards", "with best regards", "with kind regards",
	"best wishes", "all best", "many thanks again", "thanks in advance", "appreciatively",
};

/* Name particles that may be lower case inside a name ("Ludwig van Beethoven"). */
static const char *const PARTICLES[] = {
	"van", "von", "de", "da", "del", "der", "di", "du", "la", "le", "bin", "al", "dos", "das",
};

enum { AB_NEVER = 1, AB_MAYBE = 2 };

/*
 * Abbreviations (without their final period).  NEVER ones never end a
 * sentence ("Dr. Lee"); MAYBE ones end it only when the next word starts
 * with a capital ("at 3 p.m. Thanks again").
 */
static const struct abbrev {
	const char *s;
	int cls;
} ABBREVS[] = {
	{ "Mr", AB_NEVER },     { "Mrs", AB_NEVER },   { "Ms", AB_NEVER },    { "Mx", AB_NEVER },
	{ "Dr", AB_NEVER },     { "Prof", AB_NEVER },  { "Rev", AB_NEVER },   { "Hon", AB_NEVER },
	{ "St", AB_NEVER },     { "Mt", AB_NEVER },    { "Sen", AB_NEVER },   { "Gov", AB_NEVER },
	{ "Capt", AB_NEVER },   { "Lt", AB_NEVER },    { "Sgt", AB_NEVER },   { "vs", AB_NEVER },
	{ "Vs", AB_NEVER },     { "e.g", AB_NEVER },   { "E.g", AB_NEVER },   { "i.e", AB_NEVER },
	{ "I.e", AB_NEVER },    { "cf", AB_NEVER },    { "viz", AB_NEVER },   { "approx", AB_NEVER },
	{ "ca", AB_NEVER },     { "Fig", AB_NEVER },   { "fig", AB_NEVER },   { "Sr", AB_MAYBE },
	{ "Jr", AB_MAYBE },     { "etc", AB_MAYBE },   { "Etc", AB_MAYBE },   { "Inc", AB_MAYBE },
	{ "Ltd", AB_MAYBE },    { "Co", AB_MAYBE },    { "Corp", AB_MAYBE },  { "No", AB_MAYBE },
	{ "no", AB_MAYBE },     { "al", AB_MAYBE },    { "Jan", AB_MAYBE },   { "Feb", AB_MAYBE },
	{ "Mar", AB_MAYBE },    { "Apr", AB_MAYBE },   { "Jun", AB_MAYBE },   { "Jul", AB_MAYBE },
	{ "Aug", AB_MAYBE },    { "Sep", AB_MAYBE },   { "Sept", AB_MAYBE },  { "Oct", AB_MAYBE },
	{ "Nov", AB_MAYBE },    { "Dec", AB_MAYBE },   { "Mon", AB_MAYBE },   { "Tue", AB_MAYBE },
	{ "Tues", AB_MAYBE },   { "Wed", AB_MAYBE },   { "Thu", AB_MAYBE },   { "Thurs", AB_MAYBE },
	{ "Fri", AB_MAYBE },    { "Sat", AB_MAYBE },   { "Sun", AB_MAYBE },   { "dept", AB_MAYBE },
	{ "Dept", AB_MAYBE },   { "est", AB_MAYBE },   { "min", AB_MAYBE },   { "max", AB_MAYBE },
	{ "Ave", AB_MAYBE },    { "Blvd", AB_MAYBE },  { "Rd", AB_MAYBE },    { "LLC", AB_MAYBE },
};

/* Top-level domains that make "word.tld" a bare domain (lower case in the text). */
static const char *const TLDS[] = {
	"com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "ai", "app", "dev", "me",
	"us", "uk", "ca", "au", "de", "fr", "es", "it", "nl", "se", "no", "fi", "dk", "ie", "in",
	"jp", "cn", "ru", "br", "mx", "ch", "at", "be", "pl", "nz", "sg", "hk", "info", "biz",
	"xyz", "tech", "online", "site", "jobs", "careers", "ly", "gl", "gg", "tv", "fm", "so",
	"to", "cc", "sh", "page", "blog", "design", "studio", "work", "email", "link",
};

/* HTML tags that look like <placeholders> but are not. */
static const char *const HTML_TAGS[] = {
	"a", "b", "i", "u", "p", "br", "hr", "em", "li", "ul", "ol", "div", "span", "strong",
	"code", "pre", "html", "body", "head", "table", "tr", "td", "th", "img", "sup", "sub",
};

/* ------------------------------------------------------------------ */
/* pass 1: the masked copy                                              */

static void mask_copy(fl_text *t)
{
	const char *s = t->src;
	char *d = t->lint;
	size_t i = 0, len = t->len;
	while (i < len) {
		u8 c = (u8)s[i];
		if (c < 0x80) {
			if (c == 0 && t->first_nul == NONE)
				t->first_nul = i;
			d[i] = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? FL_MASK_BYTE : (char)c;
			i++;
		} else {
			uint32_t cp;
			size_t n = fl_utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				if (t->first_invalid == NONE)
					t->first_invalid = i;
				d[i] = FL_MASK_BYTE;
				i++;
			} else {
				memcpy(d + i, s + i, n);
				i += n;
			}
		}
	}
	d[len] = '\0';
}

/* ------------------------------------------------------------------ */
/* pass 2: lines                                                        */

/* Lines are counted first so the array is allocated once (inputs may hold millions). */
static int split_lines(builder *b)
{
	fl_text *t = b->t;
	const char *s = t->src;
	size_t i, len = t->len, n = len > 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')))
			n += i + 1 < len;
	if (n > 0) {
		t->lines = fl_calloc(n, sizeof(*t->lines));
		if (t->lines == NULL)
			return FULINT_ERR_NOMEM;
		b->cap_lines = n;
	}
	i = 0;
	while (i < len) {
		size_t st = i, en;
		while (i < len && s[i] != '\n' && s[i] != '\r')
			i++;
		en = i;
		if (i < len)
			i += (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
		RESERVE(t->lines, t->n_lines, b->cap_lines);
		t->lines[t->n_lines].start = st;
		t->lines[t->n_lines].end = en;
		t->lines[t->n_lines].next = i;
		t->lines[t->n_lines].part = FL_PART_NONE;
		t->n_lines++;
	}
	return 0;
}

/*
 * Line i without the white space around it.  Computed on demand rather than
 * stored: the passes that ask are a handful, and the model of a file of
 * empty lines stays at one fl_line per line.
 */
static fl_span trimmed(const builder *b, size_t i)
{
	fl_span sp;
	sp.start = b->t->lines[i].start;
	sp.end = b->t->lines[i].end;
	trim_span(b->s, &sp.start, &sp.end);
	return sp;
}

/* ------------------------------------------------------------------ */
/* pass 3: parts                                                        */

static size_t tlen(const builder *b, size_t i)
{
	fl_span sp = trimmed(b, i);
	return sp.end - sp.start;
}

/* Next line after i that is not blank, or n. */
static size_t next_nonblank(const builder *b, size_t i)
{
	size_t n = b->t->n_lines;
	for (i++; i < n && b->t->lines[i].part == FL_PART_BLANK; i++)
		;
	return i;
}

static bool ends_with_wrote(const builder *b, size_t i)
{
	const char *s = b->s;
	fl_span tr = trimmed(b, i);
	size_t a = tr.start, z = tr.end;
	return (z - a >= 6 && ieq(s, z - 6, z, "wrote:")) || (z - a >= 7 && ieq(s, z - 7, z, "writes:"));
}

static bool has_digit_or_at(const char *s, size_t a, size_t z)
{
	for (; a < z; a++)
		if (s[a] == '@' || (s[a] >= '0' && s[a] <= '9'))
			return true;
	return false;
}

/*
 * "On <date> <name> wrote:" over one or two lines starting at line i.
 * Returns the number of lines (0 when it is not one).  To keep "On Monday
 * you wrote: ..." in a body, the line must hold a digit or an '@', or be
 * followed by quoted text (or nothing).
 */
static size_t attribution_lines(const builder *b, size_t i)
{
	const fl_text *t = b->t;
	fl_span tr = trimmed(b, i);
	size_t a = tr.start, z = tr.end, nl = 1, last = i, nx;
	if (!(z - a >= 3 && b->s[a] == 'O' && b->s[a + 1] == 'n' && b->s[a + 2] == ' ') ||
	    z - a > ATTRIB_MAX)
		return 0;
	if (!ends_with_wrote(b, i)) {
		if (i + 1 >= t->n_lines || t->lines[i + 1].part != FL_PART_NONE || !ends_with_wrote(b, i + 1) ||
		    z - a + tlen(b, i + 1) > ATTRIB_MAX)
			return 0;
		nl = 2;
		last = i + 1;
	}
	if (nl == 2) {
		tr = trimmed(b, last);
		if (has_digit_or_at(b->s, tr.start, tr.end))
			return nl;
	}
	if (has_digit_or_at(b->s, a, z))
		return nl;
	nx = next_nonblank(b, last);
	if (nx >= t->n_lines || t->lines[nx].part == FL_PART_QUOTE)
		return nl;
	return 0;
}

/* Most lines of text after a "-- " line that still make a signature. */
#define SIG_MAX_LINES 15

/* The signature separator: "-- " or "--" alone on a line. */
static bool is_sig_sep(const builder *b, size_t i)
{
	const fl_line *l = &b->t->lines[i];
	fl_span tr = trimmed(b, i);
	return l->start == tr.start && tr.end - tr.start == 2 && b->s[l->start] == '-' &&
	       b->s[l->start + 1] == '-';
}

/* "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded message:". */
static bool is_forward_marker(const builder *b, size_t i)
{
	const char *s = b->s;
	fl_span tr = trimmed(b, i);
	size_t a = tr.start, z = tr.end, k;
	if (z - a > MARKER_MAX)
		return false;
	if (iprefix(s, a, z, "begin forwarded message"))
		return true;
	if (!(z - a >= 3 && (s[a] == '-' || s[a] == '_') && s[a + 1] == s[a] && s[a + 2] == s[a]))
		return false;
	for (k = a; k < z; k++)
		if (iprefix(s, k, z, "original message") || iprefix(s, k, z, "forwarded message"))
			return true;
	return false;
}

/* A line made of 5 or more '_' or '-' (Outlook's rule above a header block). */
static bool is_rule_line(const builder *b, size_t i)
{
	fl_span tr = trimmed(b, i);
	size_t a = tr.start, z = tr.end, k;
	if (z - a < 5)
		return false;
	for (k = a; k < z; k++)
		if (b->s[k] != '_' && b->s[k] != '-')
			return false;
	return true;
}

/* An Outlook reply header: "From: ..." with "Sent:" or "Date:" on one of the next lines. */
static bool is_header_block(const builder *b, size_t i)
{
	const fl_text *t = b->t;
	fl_span tr = trimmed(b, i);
	size_t k;
	if (!iprefix(b->s, tr.start, tr.end, "from:"))
		return false;
	for (k = i + 1; k < t->n_lines && k <= i + HEADER_LOOKAHEAD; k++) {
		tr = trimmed(b, k);
		if (iprefix(b->s, tr.start, tr.end, "sent:") || iprefix(b->s, tr.start, tr.end, "date:"))
			return true;
	}
	return false;
}

/* Title word ("Dr", "Ms.") at s[a..z). */
static bool is_title(const char *s, size_t a, size_t z)
{
	if (z > a && s[z - 1] == '.')
		z--;
	return in_table(s, a, z, TITLES, FL_ARRAY_LEN(TITLES));
}

/*
 * A name-like token s[a..z): a letter, then letters, marks, apostrophes,
 * hyphens and periods.  *cap tells whether its first letter is upper case
 * (or caseless, as in CJK).
 */
static bool name_token(const char *s, size_t a, size_t z, bool *cap)
{
	uint32_t cp;
	size_t i = a, n;
	if (a >= z)
		return false;
	n = decode_at(s, i, z, &cp);
	if (!is_letter(cp))
		return false;
	*cap = case_of(cp) >= 0;
	for (i += n; i < z; i += n) {
		n = decode_at(s, i, z, &cp);
		if (!is_letter(cp) && !is_mark(cp) && !is_joiner(cp) && cp != '.')
			return false;
	}
	return true;
}

/* The next white-space delimited token in [*i, z); false at the end. */
static bool next_token(const char *s, size_t *i, size_t z, size_t *ta, size_t *tb)
{
	size_t p = skip_ws(s, *i, z);
	if (p >= z)
		return false;
	*ta = p;
	while (p < z && ws_len(s, p, z) == 0)
		p += seq_len(s, p, z);
	*tb = p;
	*i = p;
	return true;
}

/*
 * Record name word s[a..b) (its final period dropped).  Initials and words
 * that do not start with a capital (particles, "hi mark,") are not kept, so
 * that ordinary words never become names.
 */
static void keep_name(namespan *v, size_t *n, size_t max, const char *s, size_t a, size_t b)
{
	uint32_t cp;
	if (b > a && s[b - 1] == '.')
		b--;
	if (b <= a || decode_at(s, a, b, &cp) == b - a || case_of(cp) < 0 || *n >= max)
		return;
	v[*n].a = a;
	v[*n].b = b;
	(*n)++;
}

/*
 * The words of a person's name at s[a..z): 1..max tokens, each capitalised
 * (particles such as "van" may be lower case), titles allowed.  A leading
 * dash ("- Jane", "— Jane") is skipped; the text from a ',' '|' or '(' on
 * is ignored ("Jane Doe, PhD").  Name words go to v.
 */
static bool parse_name(const char *s, size_t a, size_t z, size_t max, namespan *v, size_t *nv)
{
	size_t i, ta, tb, words = 0, names = 0;
	bool cap;
	while (a < z && (s[a] == '-' || s[a] == '~' || s[a] == ' ' || s[a] == '\t'))
		a++;
	if (z - a >= 3 && (u8)s[a] == 0xE2 && (u8)s[a + 1] == 0x80 && ((u8)s[a + 2] == 0x93 || (u8)s[a + 2] == 0x94))
		a = skip_ws(s, a + 3, z);
	for (i = a; i < z; i++)
		if (s[i] == ',' || s[i] == '|' || s[i] == '(') {
			z = i;
			break;
		}
	*nv = 0;
	i = a;
	while (next_token(s, &i, z, &ta, &tb)) {
		if (++words > max)
			return false;
		if (is_title(s, ta, tb))
			continue;
		if (!name_token(s, ta, tb, &cap))
			return false;
		if (!cap && !in_table(s, ta, tb, PARTICLES, FL_ARRAY_LEN(PARTICLES)))
			return false;
		if (cap)
			names++;
		keep_name(v, nv, max, s, ta, tb);
	}
	return names > 0;
}

/*
 * A closing line at s[a..z): a phrase of CLOSINGS, then optional ",", "!"
 * or "."; then nothing, or (after a comma) the sender's name.  Sets
 * *name_at to where that name starts, or NONE.
 */
static bool closing_phrase(const builder *b, size_t a, size_t z, size_t *name_at)
{
	const char *s = b->s;
	size_t i, p, q;
	*name_at = NONE;
	if (z - a > CLOSING_MAX)
		return false;
	for (i = 0; i < FL_ARRAY_LEN(CLOSINGS); i++) {
		bool comma = false;
		namespan tmp[SAME_LINE_NAME_WORDS];
		size_t ntmp;
		if (!match_lit(s, a, z, CLOSINGS[i], &p))
			continue;
		for (q = p; q < z && (s[q] == ',' || s[q] == '!' || s[q] == '.'); q++)
			comma = comma || s[q] == ',';
		q = skip_ws(s, q, z);
		if (q == z)
			return true;
		if (comma && parse_name(s, q, z, SAME_LINE_NAME_WORDS, tmp, &ntmp)) {
			*name_at = q;
			return true;
		}
	}
	return false;
}

static size_t count_words(const char *s, size_t a, size_t z)
{
	size_t n = 0, ta, tb;
	while (next_token(s, &a, z, &ta, &tb))
		n++;
	return n;
}

/*
 * A closing not in the table: a short capitalised line ending in a comma
 * ("Warm wishes,", "Thank you for your time and consideration,").
 */
static bool closing_generic(const builder *b, size_t a, size_t z)
{
	const char *s = b->s;
	size_t k;
	if (z - a > GENERIC_MAX || z - a < 2 || s[z - 1] != ',' || !(s[a] >= 'A' && s[a] <= 'Z'))
		return false;
	for (k = a; k < z - 1; k++)
		if (s[k] == ',' || s[k] == '.' || s[k] == '?' || s[k] == '!' || s[k] == ':' || s[k] == ';')
			return false;
	return count_words(s, a, z) <= GENERIC_WORDS;
}

/* Length of a leading sign-off dash at s[a]: '-', '~', '–' or '—' (0 if none). */
static size_t dash_len(const char *s, size_t a, size_t z)
{
	if (a < z && (s[a] == '-' || s[a] == '~'))
		return 1;
	if (z - a >= 3 && (u8)s[a] == 0xE2 && (u8)s[a + 1] == 0x80 && ((u8)s[a + 2] == 0x93 || (u8)s[a + 2] == 0x94))
		return 3;
	return 0;
}

/*
 * A dash sign-off, "— Jordan" or "-Alex", as the last line after a blank
 * line; the line before the blank must not be another dash line, which
 * would make it the end of a bullet list ("- Python").
 */
static bool dash_signoff(const builder *b, size_t i, size_t first)
{
	const fl_text *t = b->t;
	fl_span tr = trimmed(b, i);
	size_t k = dash_len(b->s, tr.start, tr.end), prev;
	namespan tmp[SENDER_WORDS];
	size_t ntmp;
	if (k == 0 || i == 0 || t->lines[i - 1].part != FL_PART_BLANK)
		return false;
	for (prev = i - 1; prev > first && t->lines[prev].part == FL_PART_BLANK; prev--)
		;
	if (t->lines[prev].part != FL_PART_BLANK) {
		fl_span pt = trimmed(b, prev);
		if (dash_len(b->s, pt.start, pt.end) > 0 || b->s[pt.start] == '*' ||
		    iprefix(b->s, pt.start, pt.end, "\xe2\x80\xa2")) /* '•' */
			return false;
	}
	return parse_name(b->s, tr.start + k, tr.end, SENDER_WORDS, tmp, &ntmp);
}

/* A line that can stand under a closing: name, title, phone, URL. */
static bool tail_line(const builder *b, size_t i)
{
	const char *s = b->s;
	fl_span tr = trimmed(b, i);
	size_t a = tr.start, z = tr.end, nw;
	char last;
	if (z - a > TAIL_MAX)
		return false;
	nw = count_words(s, a, z);
	last = s[z - 1];
	if (nw > TAIL_WORDS || last == '?' || last == '!' || last == ':' || last == ';')
		return false;
	return last != '.' || nw <= 3;
}

/*
 * The greeting tail after the salutation, s[p..z): up to GREETING_WORDS
 * words (titles, names, "there", "team", "Hiring Manager", placeholders)
 * ended by ',', ':', '!' or the end of the line.  Without that punctuation
 * the words must be capitalised and few, so "Hi I wanted to ..." is body.
 */
static bool greeting_tail(builder *b, size_t p, size_t z, bool bare)
{
	const char *s = b->s;
	size_t term = NONE, q, ta, tb, words = 0, lower = 0, names = 0;
	for (q = p; q < z; q++)
		if (s[q] == ',' || s[q] == ':' || s[q] == '!') {
			term = q;
			break;
		}
	if (bare && (term == NONE || term + 1 != z || s[term] == '!'))
		return false;
	if (term != NONE) {
		for (q = term + 1; q < z; q++)
			if (s[q] != '!' && s[q] != '.' && s[q] != ' ' && s[q] != '\t')
				return false;
		z = term;
	}
	b->n_gnames = 0;
	q = p;
	while (next_token(s, &q, z, &ta, &tb)) {
		bool cap;
		if (++words > GREETING_WORDS || (bare && words > 3))
			return false;
		if (is_title(s, ta, tb))
			continue;
		if (s[ta] == '[' || s[ta] == '{' || s[ta] == '<') {
			if (bare)
				return false;
			/* a placeholder: skip up to its closing bracket */
			while (tb < z && s[tb - 1] != ']' && s[tb - 1] != '}' && s[tb - 1] != '>')
				if (!next_token(s, &q, z, &ta, &tb))
					break;
			continue;
		}
		if (in_table(s, ta, tb, NOT_NAMES, FL_ARRAY_LEN(NOT_NAMES))) {
			if (bare)
				return false;
			continue;
		}
		if (!name_token(s, ta, tb, &cap))
			return false;
		if (!cap)
			lower++;
		names++;
		keep_name(b->gnames, &b->n_gnames, GREETING_WORDS, s, ta, tb);
	}
	if (term == NONE && (words > 3 || lower > 0))
		return false;
	if (lower > 0 && (names > 1 || bare))
		return false;
	return !bare || names > 0;
}

/* Is line i a greeting?  Fills b->gnames. */
static bool is_greeting(builder *b, size_t i)
{
	const char *s = b->s;
	fl_span tr = trimmed(b, i);
	size_t a = tr.start, z = tr.end, k, p, name_at;
	b->n_gnames = 0;
	b->gtail = NONE;
	if (z - a > GREETING_MAX)
		return false;
	if (match_lit(s, a, z, "to whom it may concern", &p))
		return p == z || ((s[p] == ':' || s[p] == ',') && p + 1 == z);
	for (k = 0; k < FL_ARRAY_LEN(SALUTATIONS); k++) {
		if (!match_lit(s, a, z, SALUTATIONS[k], &p))
			continue;
		if (p < z && s[p] == ',') /* "Hi, Mark," */
			p = skip_ws(s, p + 1, z);
		b->gtail = p;
		return greeting_tail(b, p, z, false);
	}
	/* "Mark," alone */
	if (closing_phrase(b, a, z, &name_at))
		return false;
	b->gtail = a;
	return greeting_tail(b, a, z, true);
}

/*
 * The closing: among the last TAIL_LINES + 1 non-blank lines of the main
 * part (before the signature / forwarded text; quoted lines skipped), the
 * nearest line that is a closing phrase (else the nearest generic closing)
 * whose following lines all look like sender lines.  It must come after
 * `first` (the first content line), so a one-line "Thanks!" stays body.
 * Returns the line, or NONE; *name_at as in closing_phrase.
 */
static size_t find_closing(const builder *b, size_t first, size_t main_end, size_t *name_at)
{
	const fl_text *t = b->t;
	size_t i, seen = 0, phrase = NONE, generic = NONE, phrase_name = NONE, nat;
	*name_at = NONE;
	for (i = main_end; i-- > first + 1 && seen <= TAIL_LINES;) {
		fl_span tr;
		if (t->lines[i].part != FL_PART_NONE)
			continue;
		tr = trimmed(b, i);
		if (phrase == NONE && closing_phrase(b, tr.start, tr.end, &nat)) {
			phrase = i;
			phrase_name = nat;
		} else if (generic == NONE && closing_generic(b, tr.start, tr.end)) {
			generic = i;
		}
		if (phrase != NONE || !tail_line(b, i))
			break;
		seen++;
	}
	if (phrase != NONE) {
		*name_at = phrase_name;
		return phrase;
	}
	if (generic != NONE)
		return generic;
	/* "— Jordan": the last content line signs the note */
	for (i = main_end; i-- > first + 1;) {
		if (t->lines[i].part == FL_PART_NONE) {
			if (dash_signoff(b, i, first)) {
				*name_at = trimmed(b, i).start;
				return i;
			}
			break;
		}
	}
	return NONE;
}

static void set_part(fl_text *t, size_t from, size_t to, fl_part from_part, fl_part to_part)
{
	size_t i;
	for (i = from; i < to; i++)
		if (t->lines[i].part == from_part)
			t->lines[i].part = to_part;
}

static void classify(builder *b)
{
	fl_text *t = b->t;
	const char *s = b->s;
	size_t n = t->n_lines, i, main_end, fwd = n, first, closing, name_at, last_closing = NONE;
	bool seen_content = false;

	/* blank and '>' lines */
	for (i = 0; i < n; i++) {
		fl_span tr = trimmed(b, i);
		if (tr.start == tr.end)
			t->lines[i].part = FL_PART_BLANK;
		else if (s[tr.start] == '>')
			t->lines[i].part = FL_PART_QUOTE;
	}
	/* attribution lines */
	for (i = 0; i < n; i++) {
		size_t k;
		if (t->lines[i].part != FL_PART_NONE)
			continue;
		k = attribution_lines(b, i);
		if (k > 0) {
			t->lines[i].part = FL_PART_QUOTE;
			if (k == 2)
				t->lines[++i].part = FL_PART_QUOTE;
		}
	}
	/* the signature separator and forwarded / header blocks */
	b->sig_line = NONE;
	for (i = 0; i < n && fwd == n; i++) {
		if (t->lines[i].part != FL_PART_NONE)
			continue;
		if (b->sig_line == NONE && is_sig_sep(b, i)) {
			b->sig_line = i;
		} else if (is_forward_marker(b, i)) {
			fwd = i;
		} else if (seen_content && is_header_block(b, i)) {
			size_t p = i;
			while (p > 0 && t->lines[p - 1].part == FL_PART_BLANK)
				p--;
			fwd = (p > 0 && is_rule_line(b, p - 1)) ? p - 1 : i;
		}
		seen_content = true;
	}
	if (b->sig_line != NONE) {
		/* A signature is a few lines (contact details): a "-- " line followed by
		 * more than SIG_MAX_LINES lines of text is a separator inside the text,
		 * and what follows it is linted rather than silently skipped. */
		size_t k, content = 0;
		for (k = b->sig_line + 1; k < fwd; k++)
			if (t->lines[k].part == FL_PART_NONE)
				content++;
		if (content > SIG_MAX_LINES)
			b->sig_line = NONE;
	}
	main_end = FL_MIN(fwd, b->sig_line);
	if (b->sig_line != NONE && b->sig_line < fwd) {
		t->has_signature = true;
		set_part(t, b->sig_line, fwd, FL_PART_NONE, FL_PART_SIGNATURE);
	}
	set_part(t, fwd, n, FL_PART_NONE, FL_PART_QUOTE);

	/* subject, greeting */
	for (first = 0; first < main_end && t->lines[first].part == FL_PART_BLANK; first++)
		;
	if (first < main_end && t->lines[first].part == FL_PART_NONE) {
		fl_span tr = trimmed(b, first);
		if (iprefix(s, tr.start, tr.end, "subject:")) {
			t->lines[first].part = FL_PART_SUBJECT;
			t->has_subject = true;
			t->subject.start = skip_ws(s, tr.start + 8, tr.end);
			t->subject.end = tr.end;
			first = next_nonblank(b, first);
		}
	}
	if (first < main_end && t->lines[first].part == FL_PART_NONE && is_greeting(b, first)) {
		t->lines[first].part = FL_PART_GREETING;
		t->has_greeting = true;
		t->greeting = trimmed(b, first);
	} else {
		b->n_gnames = 0;
		b->gtail = NONE;
	}

	/* closing and sender lines */
	closing = first < main_end ? find_closing(b, first, main_end, &name_at) : NONE;
	if (closing != NONE) {
		size_t sender = NONE;
		t->has_closing = true;
		for (i = closing; i < main_end; i++) {
			if (t->lines[i].part != FL_PART_NONE)
				continue;
			t->lines[i].part = FL_PART_CLOSING;
			last_closing = i;
			if (i > closing && sender == NONE)
				sender = i;
		}
		t->closing.start = trimmed(b, closing).start;
		t->closing.end = trimmed(b, last_closing).end;
		if (name_at != NONE) {
			parse_name(s, name_at, trimmed(b, closing).end, SENDER_WORDS, b->snames, &b->n_snames);
		} else if (sender != NONE) {
			fl_span tr = trimmed(b, sender);
			if (!parse_name(s, tr.start, tr.end, SENDER_WORDS, b->snames, &b->n_snames))
				b->n_snames = 0;
		}
	}

	/* the rest of the main part is body */
	set_part(t, 0, main_end, FL_PART_NONE, FL_PART_BODY);
	for (i = 0; i < main_end; i++) {
		if (t->lines[i].part != FL_PART_BODY)
			continue;
		fl_span tr = trimmed(b, i);
		if (t->body.end == 0)
			t->body.start = tr.start;
		t->body.end = tr.end;
	}
	if (t->has_signature) {
		size_t last = b->sig_line;
		for (i = b->sig_line; i < fwd; i++)
			if (t->lines[i].part == FL_PART_SIGNATURE)
				last = i;
		t->signature.start = t->lines[b->sig_line].start;
		t->signature.end = trimmed(b, last).end;
		if (t->signature.end < t->signature.start)
			t->signature.end = t->signature.start;
	}
}

/* Blank quoted and signature bytes in `lint` (line ends stay). */
static void mask_excluded(builder *b)
{
	fl_text *t = b->t;
	size_t i;
	if (b->lint_quoted)
		return;
	for (i = 0; i < t->n_lines; i++) {
		const fl_line *l = &t->lines[i];
		if (l->part == FL_PART_QUOTE || l->part == FL_PART_SIGNATURE)
			memset(t->lint + l->start, ' ', l->end - l->start);
	}
}

/* ------------------------------------------------------------------ */
/* names                                                                */

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= (u8)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static bool name_lookup(const fl_text *t, const char *w, size_t n)
{
	size_t mask, h;
	if (t->n_name_slots == 0 || n == 0)
		return false;
	mask = t->n_name_slots - 1;
	for (h = (size_t)hash_bytes(w, n) & mask; t->name_slots[h] != 0; h = (h + 1) & mask) {
		const char *nm = t->names[t->name_slots[h] - 1];
		if (strlen(nm) == n && memcmp(nm, w, n) == 0)
			return true;
	}
	return false;
}

static int add_name(builder *b, const char *s, size_t n)
{
	fl_text *t = b->t;
	size_t i;
	char *d;
	if (n == 0 || n > NAME_BYTES_MAX || t->n_names >= NAMES_MAX || memchr(s, '\0', n) != NULL)
		return 0;
	for (i = 0; i < t->n_names; i++)
		if (strlen(t->names[i]) == n && memcmp(t->names[i], s, n) == 0)
			return 0;
	RESERVE(t->names, t->n_names, b->cap_names);
	d = fl_strndup(s, n);
	if (d == NULL)
		return FULINT_ERR_NOMEM;
	t->names[t->n_names++] = d;
	return 0;
}

/* Caller names as given ("Dana Smith") and each of their words ("Dana", "Smith"). */
static int add_caller_name(builder *b, const char *nm)
{
	size_t n = strlen(nm), i = 0;
	int rc = add_name(b, nm, n);
	while (rc == 0 && i < n) {
		size_t a;
		while (i < n && strchr(" \t,;\"'<>()", nm[i]) != NULL)
			i++;
		a = i;
		while (i < n && strchr(" \t,;\"<>()", nm[i]) == NULL)
			i++;
		if (i - a > 1 && memchr(nm + a, '@', i - a) == NULL)
			rc = add_name(b, nm + a, i - a);
	}
	return rc;
}

static int collect_names(builder *b, const fl_text_options *opts)
{
	fl_text *t = b->t;
	size_t i, cap = 16;
	int rc = 0;
	for (i = 0; rc == 0 && i < b->n_gnames; i++)
		rc = add_name(b, b->s + b->gnames[i].a, b->gnames[i].b - b->gnames[i].a);
	for (i = 0; rc == 0 && i < b->n_snames; i++)
		rc = add_name(b, b->s + b->snames[i].a, b->snames[i].b - b->snames[i].a);
	for (i = 0; rc == 0 && opts != NULL && i < opts->n_names; i++)
		if (opts->names[i] != NULL)
			rc = add_caller_name(b, opts->names[i]);
	if (rc < 0 || t->n_names == 0)
		return rc;
	while (cap < t->n_names * 2)
		cap *= 2;
	t->name_slots = fl_calloc(cap, sizeof(*t->name_slots));
	if (t->name_slots == NULL)
		return FULINT_ERR_NOMEM;
	t->n_name_slots = cap;
	for (i = 0; i < t->n_names; i++) {
		size_t h = (size_t)hash_bytes(t->names[i], strlen(t->names[i])) & (cap - 1);
		while (t->name_slots[h] != 0)
			h = (h + 1) & (cap - 1);
		t->name_slots[h] = i + 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* pass 4: paragraphs                                                   */

static bool lintable(const builder *b, size_t i)
{
	switch (b->t->lines[i].part) {
	case FL_PART_SUBJECT:
	case FL_PART_GREETING:
	case FL_PART_BODY:
	case FL_PART_CLOSING:
		return true;
	case FL_PART_QUOTE:
	case FL_PART_SIGNATURE:
		return b->lint_quoted && i != b->sig_line;
	case FL_PART_NONE:
	case FL_PART_BLANK:
		break;
	}
	return false;
}

static int push_paragraph(builder *b, size_t start, size_t end)
{
	fl_text *t = b->t;
	if (end <= start)
		return 0;
	RESERVE(t->paragraphs, t->n_paragraphs, b->cap_paras);
	t->paragraphs[t->n_paragraphs].start = start;
	t->paragraphs[t->n_paragraphs].end = end;
	t->n_paragraphs++;
	return 0;
}

static int build_paragraphs(builder *b)
{
	fl_text *t = b->t;
	size_t i, ps = NONE, pe = 0;
	fl_part pp = FL_PART_NONE;
	int rc = 0;
	for (i = 0; rc == 0 && i < t->n_lines; i++) {
		fl_part p = t->lines[i].part;
		fl_span tr;
		bool alone = p == FL_PART_SUBJECT || p == FL_PART_GREETING || p == FL_PART_CLOSING;
		if (ps != NONE && (!lintable(b, i) || alone || p != pp)) {
			rc = push_paragraph(b, ps, pe);
			ps = NONE;
		}
		if (rc < 0 || !lintable(b, i))
			continue;
		if (p == FL_PART_SUBJECT) {
			rc = push_paragraph(b, t->subject.start, t->subject.end);
			continue;
		}
		tr = trimmed(b, i);
		if (ps == NONE)
			ps = tr.start;
		pe = tr.end;
		pp = p;
		if (alone) {
			rc = push_paragraph(b, ps, pe);
			ps = NONE;
		}
	}
	if (rc == 0 && ps != NONE)
		rc = push_paragraph(b, ps, pe);
	return rc;
}

/* ------------------------------------------------------------------ */
/* pass 5: sentences, chunk marks, placeholders                         */

/* Opening punctuation before a word: ( [ { < " ' “ ‘ «. */
static size_t opener_len(const char *s, size_t i, size_t end)
{
	u8 c = (u8)s[i];
	if (c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'')
		return 1;
	if (c == 0xC2 && i + 1 < end && (u8)s[i + 1] == 0xAB)
		return 2;
	if (c == 0xE2 && i + 2 < end && (u8)s[i + 1] == 0x80 && ((u8)s[i + 2] == 0x9C || (u8)s[i + 2] == 0x98))
		return 3;
	return 0;
}

static size_t skip_openers(const char *s, size_t i, size_t end)
{
	size_t k;
	while (i < end && (k = opener_len(s, i, end)) > 0)
		i += k;
	return i;
}

/* Closing punctuation ending at s[e-1]: ) ] } > " ' ” ’ ». */
static size_t closer_len(const char *s, size_t start, size_t e)
{
	u8 c = (u8)s[e - 1];
	if (c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'')
		return 1;
	if (c == 0xBB && e - start >= 2 && (u8)s[e - 2] == 0xC2)
		return 2;
	if ((c == 0x9D || c == 0x99) && e - start >= 3 && (u8)s[e - 3] == 0xE2 && (u8)s[e - 2] == 0x80)
		return 3;
	return 0;
}

static int push_mark(marklist *l, size_t start, size_t end, unsigned flags)
{
	/* Keep the list sorted and disjoint: merge with marks this one overlaps. */
	while (l->n > 0 && l->v[l->n - 1].start >= start) {
		end = FL_MAX(end, l->v[l->n - 1].end);
		flags |= l->v[l->n - 1].flags;
		l->n--;
	}
	if (l->n > 0 && l->v[l->n - 1].end > start) {
		l->v[l->n - 1].end = FL_MAX(end, l->v[l->n - 1].end);
		l->v[l->n - 1].flags |= flags;
		return 0;
	}
	RESERVE(l->v, l->n, l->cap);
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].flags = flags;
	l->n++;
	return 0;
}

static bool is_alnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* host.tld[/path]: labels of [A-Za-z0-9-], the last a known TLD in lower case. */
static bool is_domain(const char *s, size_t a, size_t z)
{
	size_t h, k, labels = 0, la = a, lb;
	for (h = a; h < z && s[h] != '/' && s[h] != '?' && s[h] != '#' && s[h] != ':'; h++)
		;
	if (h == a || !is_alnum_ascii(s[a]))
		return false;
	for (k = a; k <= h; k++) {
		if (k < h && s[k] != '.') {
			if (!is_alnum_ascii(s[k]) && s[k] != '-')
				return false;
			continue;
		}
		if (k == la)
			return false;
		labels++;
		if (k < h)
			la = k + 1;
	}
	if (labels < 2)
		return false;
	lb = h;
	for (k = la; k < lb; k++)
		if (!(s[k] >= 'a' && s[k] <= 'z'))
			return false;
	for (k = 0; k < FL_ARRAY_LEN(TLDS); k++)
		if (TLDS[k][0] == s[la] && lb - la == strlen(TLDS[k]) && memcmp(s + la, TLDS[k], lb - la) == 0)
			return true;
	return false;
}

static bool email_local_char(char c)
{
	return is_alnum_ascii(c) || (c != '\0' && strchr("._%+-", c) != NULL) || (u8)c >= 0x80;
}

static bool email_domain_char(char c)
{
	return is_alnum_ascii(c) || c == '.' || c == '-' || (u8)c >= 0x80;
}

/*
 * The address local@domain.tld around the first '@' of s[a..z), wherever it
 * sits in the chunk ("(email:jane@x.com)").  Sets [*ea, *eb).
 */
static bool email_span(const char *s, size_t a, size_t z, size_t *ea, size_t *eb)
{
	const char *at = memchr(s + a, '@', z - a);
	size_t p, l, r, k, dots = 0;
	if (at == NULL)
		return false;
	p = (size_t)(at - s);
	for (l = p; l > a && email_local_char(s[l - 1]); l--)
		;
	for (r = p + 1; r < z && email_domain_char(s[r]); r++)
		;
	while (r > p + 1 && s[r - 1] == '.')
		r--;
	if (l == p || r <= p + 1 || s[p + 1] == '.')
		return false;
	for (k = p + 1; k < r; k++) {
		if (s[k] == '.') {
			if (s[k - 1] == '.')
				return false;
			dots++;
		}
	}
	*ea = l;
	*eb = r;
	return dots > 0;
}

/* Start of the scheme of the first "://" in s[a..z) ("blog](https://x.io)"), or NONE. */
static size_t inner_url(const char *s, size_t a, size_t z)
{
	size_t k = a;
	while (k + 3 <= z) {
		const char *c = memchr(s + k, ':', z - k);
		size_t p, st;
		if (c == NULL)
			return NONE;
		p = (size_t)(c - s);
		if (p + 3 > z)
			return NONE;
		if (s[p + 1] == '/' && s[p + 2] == '/') {
			for (st = p; st > a && ((s[st - 1] | 0x20) >= 'a' && (s[st - 1] | 0x20) <= 'z'); st--)
				;
			return st < p ? st : NONE;
		}
		k = p + 1;
	}
	return NONE;
}

static bool is_path(const char *s, size_t a, size_t z)
{
	char c0 = s[a], c1 = a + 1 < z ? s[a + 1] : '\0', c2 = a + 2 < z ? s[a + 2] : '\0';
	if (c0 == '/')
		return is_alnum_ascii(c1) || c1 == '.' || c1 == '_' || c1 == '~';
	if (c0 == '~' || (c0 == '.' && c1 == '/'))
		return c1 == '/';
	if (c0 == '.' && c1 == '.')
		return c2 == '/';
	if (c0 == '\\')
		return c1 == '\\';
	return ((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z')) && c1 == ':' && (c2 == '\\' || c2 == '/');
}

/* Mark a chunk s[cs..ce) that is a URL, e-mail address, @handle / #tag or path. */
static int mark_chunk(builder *b, size_t cs, size_t ce)
{
	const char *s = b->s;
	size_t a = skip_openers(s, cs, ce), z = ce, me, k;
	bool paren = false;
	unsigned flags = 0;
	for (k = a; k < z && !paren; k++)
		paren = s[k] == '(';
	while (z > a) {
		u8 c = (u8)s[z - 1];
		size_t cl;
		if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
			z--;
			continue;
		}
		cl = closer_len(s, a, z);
		if (cl == 0 || (c == ')' && paren))
			break;
		z -= cl;
	}
	if (z - a < 2)
		return 0;
	me = z;
	if (iprefix(s, a, z, "http://") || iprefix(s, a, z, "https://") || iprefix(s, a, z, "ftp://") ||
	    iprefix(s, a, z, "www.")) {
		flags = FL_W_URL;
	} else if (iprefix(s, a, z, "mailto:")) {
		flags = FL_W_URL | FL_W_EMAIL;
	} else if (s[a] == '@' || s[a] == '#') {
		uint32_t cp;
		size_t h = a + 1, n;
		bool letter = false;
		while (h < z) {
			n = decode_at(s, h, z, &cp);
			if (!is_wordch(cp) && cp != '_')
				break;
			letter = letter || is_letter(cp);
			h += n;
		}
		if (h > a + 1 && (s[a] == '@' || letter)) {
			flags = FL_W_HANDLE;
			me = h;
		}
	} else if (is_path(s, a, z)) {
		flags = FL_W_PATH;
	} else if ((k = inner_url(s, a, z)) != NONE) {
		flags = FL_W_URL;
		a = k;
	} else if (email_span(s, a, z, &k, &me)) {
		flags = FL_W_EMAIL;
		a = k;
	} else if (is_domain(s, a, z)) {
		flags = FL_W_URL;
	}
	return flags ? push_mark(&b->special, a, me, flags) : 0;
}

static int abbrev_class(const char *s, size_t a, size_t z)
{
	size_t i, letters = 0, dots = 0;
	for (i = 0; i < FL_ARRAY_LEN(ABBREVS); i++)
		if (ABBREVS[i].s[0] == s[a] && z - a == strlen(ABBREVS[i].s) &&
		    memcmp(s + a, ABBREVS[i].s, z - a) == 0)
			return ABBREVS[i].cls;
	/* dotted abbreviations: U.S, Ph.D, M.B.A, a.m */
	for (i = a; i < z; i++) {
		char c = s[i];
		if (c == '.') {
			if (letters == 0 || letters > 3)
				return 0;
			letters = 0;
			dots++;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			letters++;
		} else {
			return 0;
		}
	}
	return (dots > 0 && letters > 0 && letters <= 3) ? AB_MAYBE : 0;
}

/* Does the chunk at `nx` start (after openers) with an upper-case letter? */
static bool next_is_capital(const char *s, size_t nx, size_t pe)
{
	uint32_t cp;
	nx = skip_openers(s, nx, pe);
	if (nx >= pe)
		return false;
	decode_at(s, nx, pe, &cp);
	return case_of(cp) > 0;
}

/*
 * Does chunk s[cs..ce) end its sentence?  `first`: it is the sentence's
 * first chunk; `nx`: start of the next chunk (< pe).
 */
static bool ends_sentence(const char *s, size_t cs, size_t ce, bool first, size_t nx, size_t pe)
{
	size_t e = ce, k, a, core;
	u8 c;
	while (e > cs && (k = closer_len(s, cs, e)) > 0)
		e -= k;
	if (e == cs)
		return false;
	c = (u8)s[e - 1];
	if (c == '?' || c == '!') {
		/* a quoted question inside a sentence: 'He asked "Why?" and smiled.' */
		uint32_t cp;
		if (e == ce)
			return true;
		decode_at(s, nx, pe, &cp);
		return case_of(cp) >= 0;
	}
	/* ellipsis: "..." or "…" */
	core = NONE;
	if (e - cs >= 3 && c == 0xA6 && (u8)s[e - 3] == 0xE2 && (u8)s[e - 2] == 0x80)
		core = e - 3;
	else if (c == '.' && e - cs >= 2 && s[e - 2] == '.')
		for (core = e - 2; core > cs && s[core - 1] == '.'; core--)
			;
	if (core != NONE) {
		if (first && skip_openers(s, cs, core) == core)
			return false; /* a leading "... " */
		return next_is_capital(s, nx, pe);
	}
	if (c != '.')
		return false;
	a = skip_openers(s, cs, e - 1);
	core = e - 1;
	if (core == a)
		return true;
	if (core - a <= ABBREV_MAX) {
		uint32_t cp;
		size_t n = decode_at(s, a, core, &cp), i;
		bool digits = true;
		switch (abbrev_class(s, a, core)) {
		case AB_NEVER:
			return false;
		case AB_MAYBE:
			return next_is_capital(s, nx, pe);
		default:
			break;
		}
		if (n == core - a && case_of(cp) > 0)
			return false; /* an initial: "J. R. R. Tolkien" */
		for (i = a; i < core && digits; i++)
			digits = s[i] >= '0' && s[i] <= '9';
		if (first && ((digits && core - a <= 3) || (n == core - a && is_letter(cp))))
			return false; /* a list marker: "1." "a." */
	}
	return true;
}

static int push_sentence(builder *b, size_t start, size_t end)
{
	fl_text *t = b->t;
	RESERVE(t->sentences, t->n_sentences, b->cap_sents);
	t->sentences[t->n_sentences].start = start;
	t->sentences[t->n_sentences].end = end;
	t->n_sentences++;
	return 0;
}

/* Content of a <..> placeholder: starts with a letter, no address or HTML tag. */
static bool angle_placeholder(const char *s, size_t a, size_t z)
{
	size_t k;
	if (a >= z || !((s[a] >= 'A' && s[a] <= 'Z') || (s[a] >= 'a' && s[a] <= 'z') || s[a] == '_'))
		return false;
	for (k = a; k < z; k++)
		if (s[k] == '@' || s[k] == '/' || s[k] == '=' || s[k] == ':')
			return false;
	return !in_table(s, a, z, HTML_TAGS, FL_ARRAY_LEN(HTML_TAGS));
}

static bool square_placeholder(const char *s, size_t a, size_t z)
{
	size_t k;
	bool letter = false;
	for (k = a; k < z; k++) {
		if (s[k] == ':' && k + 2 < z && s[k + 1] == '/' && s[k + 2] == '/')
			return false;
		letter = letter || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z') || (u8)s[k] >= 0x80;
	}
	return letter;
}

/*
 * Mark [..], {{..}} and <..> in s[ps..pe) in one pass: only the latest open
 * bracket of each kind is remembered, so nested or unbalanced brackets stay
 * linear; a placeholder never crosses a line end or PLACEHOLDER_MAX bytes.
 */
static int mark_placeholders(builder *b, size_t ps, size_t pe)
{
	const char *s = b->s;
	size_t i, sq = NONE, cu = NONE, an = NONE;
	int rc = 0;
	for (i = ps; rc == 0 && i < pe; i++) {
		switch (s[i]) {
		case '\n':
		case '\r':
			sq = cu = an = NONE;
			break;
		case '[':
			sq = i;
			break;
		case ']':
			if (sq != NONE && i - sq <= PLACEHOLDER_MAX && square_placeholder(s, sq + 1, i) &&
			    !(i + 1 < pe && s[i + 1] == '('))
				rc = push_mark(&b->holders, sq, i + 1, FL_W_PLACEHOLDER);
			sq = NONE;
			break;
		case '{':
			if (i + 1 < pe && s[i + 1] == '{') {
				cu = i;
				i++;
			}
			break;
		case '}':
			if (i + 1 < pe && s[i + 1] == '}' && cu != NONE) {
				if (i - cu <= PLACEHOLDER_MAX && i > cu + 2)
					rc = push_mark(&b->holders, cu, i + 2, FL_W_PLACEHOLDER);
				cu = NONE;
				i++;
			}
			break;
		case '<':
			an = i;
			break;
		case '>':
			if (an != NONE && i - an <= PLACEHOLDER_MAX && angle_placeholder(s, an + 1, i))
				rc = push_mark(&b->holders, an, i + 1, FL_W_PLACEHOLDER);
			an = NONE;
			break;
		default:
			break;
		}
	}
	return rc;
}

/* A list bullet chunk: "-", "*", "+", "•", "–", "—", "1.", "12)", "a)". */
static bool is_bullet(const char *s, size_t cs, size_t ce)
{
	size_t n = ce - cs, k;
	if (n == 1)
		return s[cs] == '-' || s[cs] == '*' || s[cs] == '+';
	if (n == 3 && (u8)s[cs] == 0xE2 && (u8)s[cs + 1] == 0x80 &&
	    ((u8)s[cs + 2] == 0xA2 || (u8)s[cs + 2] == 0x93 || (u8)s[cs + 2] == 0x94))
		return true;
	if (n < 2 || n > 4 || (s[ce - 1] != '.' && s[ce - 1] != ')'))
		return false;
	for (k = cs; k < ce - 1 && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k == ce - 1)
		return true;
	return n == 2 && s[ce - 1] == ')' && ((s[cs] | 0x20) >= 'a' && (s[cs] | 0x20) <= 'z');
}

/* skip_ws that also tells whether a line end was skipped. */
static size_t skip_ws_nl(const char *s, size_t i, size_t end, bool *nl)
{
	size_t k;
	*nl = false;
	while (i < end && (k = ws_len(s, i, end)) > 0) {
		*nl = *nl || s[i] == '\n' || s[i] == '\r';
		i += k;
	}
	return i;
}

/*
 * Sentences of the paragraph s[ps..pe): ended by terminators (see
 * ends_sentence), by the paragraph's end, and before a line that starts
 * with a list bullet, so that a bulleted list is one sentence per item.
 */
static int split_sentences(builder *b, size_t ps, size_t pe)
{
	const char *s = b->s;
	size_t i = skip_ws(s, ps, pe), sent = NONE, prev_end = ps;
	bool line_start = true;
	int rc = 0;
	while (rc == 0 && i < pe) {
		size_t cs = i, ce, nx;
		bool first, nl;
		while (i < pe && ws_len(s, i, pe) == 0)
			i += seq_len(s, i, pe);
		ce = i;
		nx = skip_ws_nl(s, ce, pe, &nl);
		if (sent != NONE && line_start && is_bullet(s, cs, ce)) {
			rc = push_sentence(b, sent, prev_end);
			sent = NONE;
		}
		first = sent == NONE;
		if (first)
			sent = cs;
		if (rc == 0)
			rc = mark_chunk(b, cs, ce);
		if (rc == 0 && (nx >= pe || ends_sentence(s, cs, ce, first, nx, pe))) {
			rc = push_sentence(b, sent, ce);
			sent = NONE;
		}
		prev_end = ce;
		line_start = nl;
		i = nx;
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* pass 6: words                                                        */

/* Flags of the marks in l overlapping [ws, we); *k walks l forwards. */
static unsigned mark_flags(const marklist *l, size_t *k, size_t ws, size_t we)
{
	unsigned f = 0;
	size_t j;
	while (*k < l->n && l->v[*k].end <= ws)
		(*k)++;
	for (j = *k; j < l->n && l->v[j].start < we; j++)
		f |= l->v[j].flags;
	return f;
}

static bool all_x(const char *s, size_t a, size_t z)
{
	size_t k;
	if (z - a < 3)
		return false;
	for (k = a; k < z; k++)
		if (s[k] != 'X' && s[k] != 'x')
			return false;
	return true;
}

/* Scan the word at s[*i] (a letter or digit) to its end; returns its case/digit flags. */
static unsigned scan_word(const char *s, size_t *pi, size_t end)
{
	size_t i = *pi, n, letters = 0, upper = 0, lower = 0;
	int first_case = 2;
	bool digit = false, camel = false, prev_lower = false;
	unsigned f = 0;
	uint32_t cp, nx;
	while (i < end) {
		n = decode_at(s, i, end, &cp);
		if (is_letter(cp)) {
			int c = case_of(cp);
			letters++;
			if (first_case == 2)
				first_case = c;
			if (c > 0) {
				upper++;
				camel = camel || prev_lower;
			} else if (c < 0) {
				lower++;
			}
			prev_lower = c < 0;
		} else if (is_digit(cp)) {
			digit = true;
			prev_lower = false;
		} else if (is_mark(cp)) {
			/* stays in the word */
		} else if (is_joiner(cp) && i + n < end) {
			decode_at(s, i + n, end, &nx);
			if (!is_wordch(nx))
				break;
			prev_lower = false;
		} else {
			break;
		}
		i += n;
	}
	*pi = i;
	if (!digit && letters > 0)
		f |= FL_W_ALPHA;
	if (digit)
		f |= FL_W_DIGIT;
	if (upper >= 2 && lower == 0)
		f |= FL_W_ALLCAPS;
	else if (first_case == 1)
		f |= FL_W_CAPITAL;
	if (camel)
		f |= FL_W_CAMEL;
	return f;
}

/*
 * A capitalised word of the greeting after its salutation ("Mark" in "Hi
 * Mark,", "Hiring" in "Dear Hiring Manager,"), titles aside.  Role words are
 * names here but do not go to `names`, so "manager" elsewhere stays a word.
 */
static bool greeting_name(const builder *b, size_t ws, size_t we, unsigned f)
{
	const fl_text *t = b->t;
	return b->gtail != NONE && ws >= b->gtail && we <= t->greeting.end &&
	       (f & (FL_W_CAPITAL | FL_W_ALLCAPS)) != 0 && !is_title(b->s, ws, we);
}

static int build_words(builder *b)
{
	fl_text *t = b->t;
	const char *s = b->s;
	size_t si, ks = 0, kh = 0;
	for (si = 0; si < t->n_sentences; si++) {
		size_t i = t->sentences[si].start, se = t->sentences[si].end;
		bool first = true;
		while (i < se) {
			uint32_t cp;
			size_t n = decode_at(s, i, se, &cp), ws;
			unsigned f;
			fl_word *w;
			if (!is_wordch(cp)) {
				i += n;
				continue;
			}
			ws = i;
			f = scan_word(s, &i, se);
			f |= mark_flags(&b->special, &ks, ws, i);
			f |= mark_flags(&b->holders, &kh, ws, i);
			if (all_x(s, ws, i))
				f |= FL_W_PLACEHOLDER;
			if (first)
				f |= FL_W_SENT_START;
			first = false;
			if (fl_text_is_name(t, s + ws, i - ws) || greeting_name(b, ws, i, f))
				f |= FL_W_NAME;
			RESERVE(t->words, t->n_words, b->cap_words);
			w = &t->words[t->n_words++];
			w->start = ws;
			w->end = i;
			w->flags = f;
			w->sentence = (unsigned)si;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* pass 7: note kind                                                    */

/*
 * Phrases that tell the kind of note, with weights.  Each distinct phrase
 * counts once; the kind with the strictly highest score wins and a tie (or
 * no hit at all) is a thank-you note, the default.  Thank-you phrases weigh
 * little, twice as much in the first sentence of the body (a thank-you
 * note leads with its thanks): they only outvote weak signals of the other
 * kinds ("timeline", "I also wanted to follow up on your question").
 */
static const struct kind_phrase {
	const char *p;
	fl_note_kind kind;
	unsigned weight;
} KIND_PHRASES[] = {
	{ "thank you for taking the time", FL_NOTE_THANK_YOU, 1 },
	{ "thanks for taking the time", FL_NOTE_THANK_YOU, 1 },
	{ "thank you for meeting", FL_NOTE_THANK_YOU, 1 },
	{ "thank you for speaking", FL_NOTE_THANK_YOU, 1 },
	{ "thank you for the opportunity", FL_NOTE_THANK_YOU, 1 },
	{ "thank you for interviewing", FL_NOTE_THANK_YOU, 1 },
	{ "thank you for the interview", FL_NOTE_THANK_YOU, 1 },
	{ "thank you so much for", FL_NOTE_THANK_YOU, 1 },
	{ "thanks so much for", FL_NOTE_THANK_YOU, 1 },
	{ "enjoyed speaking", FL_NOTE_THANK_YOU, 1 },
	{ "enjoyed meeting", FL_NOTE_THANK_YOU, 1 },
	{ "enjoyed talking", FL_NOTE_THANK_YOU, 1 },
	{ "enjoyed our conversation", FL_NOTE_THANK_YOU, 1 },
	{ "enjoyed learning", FL_NOTE_THANK_YOU, 1 },
	{ "great to meet", FL_NOTE_THANK_YOU, 1 },
	{ "great meeting", FL_NOTE_THANK_YOU, 1 },
	{ "pleasure to meet", FL_NOTE_THANK_YOU, 1 },
	{ "pleasure meeting", FL_NOTE_THANK_YOU, 1 },
	{ "pleasure speaking", FL_NOTE_THANK_YOU, 1 },
	{ "appreciate the opportunity", FL_NOTE_THANK_YOU, 1 },
	{ "appreciated the opportunity", FL_NOTE_THANK_YOU, 1 },
	{ "enjoyed hearing", FL_NOTE_THANK_YOU, 1 },
	{ "thank you again for", FL_NOTE_THANK_YOU, 1 },
	{ "thank you for walking me", FL_NOTE_THANK_YOU, 1 },
	{ "thanks for walking me", FL_NOTE_THANK_YOU, 1 },

	/* strong: asking about the decision */
	{ "checking in", FL_NOTE_CHECK_IN, 3 },
	{ "check in", FL_NOTE_CHECK_IN, 3 },
	{ "touch base", FL_NOTE_CHECK_IN, 3 },
	{ "touching base", FL_NOTE_CHECK_IN, 3 },
	{ "status of", FL_NOTE_CHECK_IN, 3 },
	{ "any update", FL_NOTE_CHECK_IN, 3 },
	{ "any updates", FL_NOTE_CHECK_IN, 3 },
	{ "an update", FL_NOTE_CHECK_IN, 3 },
	{ "any news", FL_NOTE_CHECK_IN, 3 },
	{ "hiring timeline", FL_NOTE_CHECK_IN, 3 },
	{ "where things stand", FL_NOTE_CHECK_IN, 3 },
	{ "decision has been made", FL_NOTE_CHECK_IN, 3 },
	{ "follow up on my application", FL_NOTE_CHECK_IN, 3 },
	{ "following up on my application", FL_NOTE_CHECK_IN, 3 },
	{ "follow up on my interview", FL_NOTE_CHECK_IN, 3 },
	{ "following up on my interview", FL_NOTE_CHECK_IN, 3 },
	{ "follow up on the status", FL_NOTE_CHECK_IN, 3 },
	{ "following up on the status", FL_NOTE_CHECK_IN, 3 },
	/* weak: a thank-you also "wanted to follow up on your question" */
	{ "follow up on", FL_NOTE_CHECK_IN, 1 },
	{ "following up on", FL_NOTE_CHECK_IN, 1 },
	{ "wanted to follow up", FL_NOTE_CHECK_IN, 1 },
	{ "update on", FL_NOTE_CHECK_IN, 1 },
	{ "timeline", FL_NOTE_CHECK_IN, 1 },
	{ "interview last week", FL_NOTE_CHECK_IN, 1 },
	{ "weeks ago", FL_NOTE_CHECK_IN, 1 },
	{ "hiring process", FL_NOTE_CHECK_IN, 1 },
	{ "make a decision", FL_NOTE_CHECK_IN, 1 },
	{ "still very interested", FL_NOTE_CHECK_IN, 1 },

	{ "one last", FL_NOTE_NUDGE, 4 },
	{ "final follow up", FL_NOTE_NUDGE, 3 },
	{ "last follow up", FL_NOTE_NUDGE, 3 },
	{ "last time", FL_NOTE_NUDGE, 3 },
	{ "haven't heard", FL_NOTE_NUDGE, 3 },
	{ "have not heard", FL_NOTE_NUDGE, 3 },
	{ "not heard back", FL_NOTE_NUDGE, 3 },
	{ "haven't received", FL_NOTE_NUDGE, 3 },
	{ "third email", FL_NOTE_NUDGE, 3 },
	{ "third time", FL_NOTE_NUDGE, 3 },
	{ "my last email", FL_NOTE_NUDGE, 3 },
	{ "my previous email", FL_NOTE_NUDGE, 3 },
	{ "my previous emails", FL_NOTE_NUDGE, 3 },
	{ "my earlier email", FL_NOTE_NUDGE, 3 },
	{ "reaching out again", FL_NOTE_NUDGE, 3 },
	{ "following up again", FL_NOTE_NUDGE, 3 },
	{ "one more time", FL_NOTE_NUDGE, 4 },
	{ "writing again", FL_NOTE_NUDGE, 3 },
	{ "gotten back to me", FL_NOTE_NUDGE, 3 },
	{ "close the loop", FL_NOTE_NUDGE, 3 },
	{ "closing the loop", FL_NOTE_NUDGE, 3 },

	{ "not moving forward", FL_NOTE_REJECTION_REPLY, 3 },
	{ "not to move forward", FL_NOTE_REJECTION_REPLY, 3 },
	{ "move forward with another candidate", FL_NOTE_REJECTION_REPLY, 3 },
	{ "moving forward with another candidate", FL_NOTE_REJECTION_REPLY, 3 },
	{ "move forward with other candidates", FL_NOTE_REJECTION_REPLY, 3 },
	{ "another candidate", FL_NOTE_REJECTION_REPLY, 3 },
	{ "other candidates", FL_NOTE_REJECTION_REPLY, 2 },
	{ "although i was disappointed", FL_NOTE_REJECTION_REPLY, 3 },
	{ "i was disappointed", FL_NOTE_REJECTION_REPLY, 3 },
	{ "disappointed to hear", FL_NOTE_REJECTION_REPLY, 3 },
	{ "disappointed to learn", FL_NOTE_REJECTION_REPLY, 3 },
	{ "not selected", FL_NOTE_REJECTION_REPLY, 3 },
	{ "wasn't selected", FL_NOTE_REJECTION_REPLY, 3 },
	/* weak: nudges say "if the role has been filled, keep me in mind" too */
	{ "position has been filled", FL_NOTE_REJECTION_REPLY, 2 },
	{ "role has been filled", FL_NOTE_REJECTION_REPLY, 2 },
	{ "keep me in mind", FL_NOTE_REJECTION_REPLY, 1 },
	{ "future openings", FL_NOTE_REJECTION_REPLY, 1 },
	{ "future opportunities", FL_NOTE_REJECTION_REPLY, 1 },
	{ "went with another", FL_NOTE_REJECTION_REPLY, 3 },
	{ "about your decision", FL_NOTE_REJECTION_REPLY, 2 },
	{ "respect your decision", FL_NOTE_REJECTION_REPLY, 3 },
	{ "understand your decision", FL_NOTE_REJECTION_REPLY, 3 },
	{ "thank you for letting me know", FL_NOTE_REJECTION_REPLY, 2 },
	{ "thanks for letting me know", FL_NOTE_REJECTION_REPLY, 2 },
};

static bool counts_for_kind(fl_part p)
{
	return p == FL_PART_SUBJECT || p == FL_PART_GREETING || p == FL_PART_BODY || p == FL_PART_CLOSING;
}

static fl_note_kind tell_kind(const fl_text *t)
{
	enum { NP = FL_ARRAY_LEN(KIND_PHRASES) };
	unsigned score[FL_NOTE_KIND_COUNT] = { 0 }, best = 0;
	size_t first[27], order[NP], fill[27], i, line = 0, lead = NONE;
	bool hit[NP];
	fl_note_kind kind = FL_NOTE_THANK_YOU;
	int k, winners = 0;

	/* bucket the phrases by first letter */
	memset(first, 0, sizeof(first));
	memset(hit, 0, sizeof(hit));
	for (i = 0; i < NP; i++)
		first[KIND_PHRASES[i].p[0] - 'a' + 1]++;
	for (i = 1; i < 27; i++)
		first[i] += first[i - 1];
	memcpy(fill, first, sizeof(fill));
	for (i = 0; i < NP; i++)
		order[fill[KIND_PHRASES[i].p[0] - 'a']++] = i;

	for (i = 0; i < t->n_words && i < KIND_WORDS; i++) {
		const fl_word *w = &t->words[i];
		char c = lower_ascii(t->lint[w->start]);
		size_t j, end;
		while (line + 1 < t->n_lines && t->lines[line + 1].start <= w->start)
			line++;
		if (lead == NONE && t->lines[line].part == FL_PART_BODY)
			lead = w->sentence;
		if (c < 'a' || c > 'z' || !counts_for_kind(t->lines[line].part))
			continue;
		for (j = first[c - 'a']; j < first[c - 'a' + 1]; j++) {
			size_t p = order[j];
			const struct kind_phrase *kp = &KIND_PHRASES[p];
			if (!hit[p] && match_lit(t->lint, w->start, t->len, kp->p, &end)) {
				hit[p] = true;
				score[kp->kind] += kp->weight;
				if (kp->kind == FL_NOTE_THANK_YOU && w->sentence == lead)
					score[kp->kind] += kp->weight;
			}
		}
	}
	for (k = 0; k < FL_NOTE_KIND_COUNT; k++) {
		if (score[k] > best) {
			best = score[k];
			kind = (fl_note_kind)k;
			winners = 1;
		} else if (score[k] == best && best > 0) {
			winners++;
		}
	}
	return winners == 1 ? kind : FL_NOTE_THANK_YOU;
}

/* ------------------------------------------------------------------ */
/* public                                                               */

int fl_text_build(fl_text *t, const char *src, size_t len, const fl_text_options *opts)
{
	builder b;
	size_t i;
	int rc;

	memset(t, 0, sizeof(*t));
	memset(&b, 0, sizeof(b));
	t->first_invalid = NONE;
	t->first_nul = NONE;
	t->src = src != NULL ? src : "";
	t->len = src != NULL ? len : 0;
	t->note_kind = FL_NOTE_THANK_YOU;
	t->lint = fl_malloc(t->len + 1);
	if (t->lint == NULL)
		return FULINT_ERR_NOMEM;
	mask_copy(t);

	b.t = t;
	b.s = t->lint;
	b.lint_quoted = opts != NULL && opts->lint_quoted;
	b.sig_line = NONE;
	b.gtail = NONE;
	rc = split_lines(&b);
	if (rc == 0) {
		classify(&b);
		mask_excluded(&b);
		rc = collect_names(&b, opts);
	}
	if (rc == 0)
		rc = build_paragraphs(&b);
	for (i = 0; rc == 0 && i < t->n_paragraphs; i++) {
		rc = mark_placeholders(&b, t->paragraphs[i].start, t->paragraphs[i].end);
		if (rc == 0)
			rc = split_sentences(&b, t->paragraphs[i].start, t->paragraphs[i].end);
	}
	if (rc == 0)
		rc = build_words(&b);
	free(b.special.v);
	free(b.holders.v);
	if (rc < 0) {
		fl_text_dispose(t);
		return rc;
	}
	t->note_kind = tell_kind(t);
	return 0;
}

void fl_text_dispose(fl_text *t)
{
	size_t i;
	if (t == NULL)
		return;
	for (i = 0; i < t->n_names; i++)
		free(t->names[i]);
	free(t->names);
	free(t->name_slots);
	free(t->lint);
	free(t->lines);
	free(t->paragraphs);
	free(t->sentences);
	free(t->words);
	memset(t, 0, sizeof(*t));
	t->first_invalid = NONE;
	t->first_nul = NONE;
}

size_t fl_text_line_of(const fl_text *t, size_t offset)
{
	size_t lo = 0, hi = t->n_lines;
	if (hi == 0)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->lines[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

bool fl_text_is_name(const fl_text *t, const char *word, size_t len)
{
	if (name_lookup(t, word, len))
		return true;
	/* possessives: "Mark's", "Mark’s" */
	if (len > 2 && word[len - 1] == 's' && word[len - 2] == '\'')
		return name_lookup(t, word, len - 2);
	if (len > 4 && word[len - 1] == 's' && (u8)word[len - 4] == 0xE2 && (u8)word[len - 3] == 0x80 &&
	    (u8)word[len - 2] == 0x99)
		return name_lookup(t, word, len - 4);
	return false;
}

static const char *const KIND_NAMES[FL_NOTE_KIND_COUNT] = {
	"thank-you", "check-in", "nudge", "rejection-reply",
};

const char *fl_note_kind_name(fl_note_kind k)
{
	return (unsigned)k < (unsigned)FL_NOTE_KIND_COUNT ? KIND_NAMES[k] : "unknown";
}

int fl_note_kind_parse(fl_note_kind *out, const char *name)
{
	size_t i;
	for (i = 0; name != NULL && i < FL_NOTE_KIND_COUNT; i++) {
		if (strcmp(name, KIND_NAMES[i]) == 0) {
			*out = (fl_note_kind)i;
			return 0;
		}
	}
	return FULINT_ERR_USAGE;
}

/* ------------------------------------------------------------------ */
/* syllables                                                            */

/* 'E' stands for an accented e ("résumé"), which is never silent. */
static bool vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'E';
}

/* Lower-case ASCII letter for a Latin letter (accents dropped), 'b' for other letters, 0 otherwise. */
static char fold_letter(uint32_t cp)
{
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"; /* U+00C0..U+00DF */
	if (cp < 0x80)
		return in(cp, 'A', 'Z') ? (char)(cp + 32) : in(cp, 'a', 'z') ? (char)cp : '\0';
	if (cp == 0xC9 || cp == 0xE9)
		return 'E';
	if (in(cp, 0xC0, 0xDF) && cp != 0xD7)
		return latin1[cp - 0xC0];
	if (in(cp, 0xE0, 0xFF) && cp != 0xF7)
		return cp == 0xFF ? 'y' : latin1[cp - 0xE0];
	return is_letter(cp) ? 'b' : '\0';
}

unsigned fl_syllables(const char *word, size_t len)
{
	char w[SYLLABLE_LETTERS];
	size_t n = 0, i = 0;
	unsigned count = 0;
	bool prev = false;
	while (i < len && n < sizeof(w)) {
		uint32_t cp;
		size_t k = decode_at(word, i, len, &cp);
		char c = fold_letter(cp);
		if (c != '\0')
			w[n++] = c;
		i += k;
	}
	if (n == 0)
		return len > 0 ? 1 : 0;
	for (i = 0; i < n; i++) {
		bool v = vowel(w[i]) && !(w[i] == 'y' && i == 0);
		if (v && !prev)
			count++;
		prev = v;
	}
	if (n >= 3 && w[n - 1] == 'e') {
		bool le = w[n - 2] == 'l' && !vowel(w[n - 3]);
		if (!le && !vowel(w[n - 2]) && count > 1)
			count--; /* silent final e: "make" */
	} else if (n >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd') {
		char c = w[n - 3];
		if (c != 't' && c != 'd' && !vowel(c) && count > 1)
			count--; /* "jumped", not "wanted" */
	} else if (n >= 4 && w[n - 2] == 'e' && w[n - 1] == 's') {
		char c = w[n - 3];
		bool sib = c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' ||
		           (c == 'h' && (w[n - 4] == 'c' || w[n - 4] == 's'));
		if (!sib && !vowel(c) && count > 1)
			count--; /* "makes", not "boxes" */
	}
	return count > 0 ? count : 1;
}
