/*
 * gen_inputs.c - deterministic benchmark inputs in the style of corpus/:
 * job-interview follow-up notes (greeting, three short paragraphs, a
 * closing and a name), built from fixed phrase tables with a fixed-seed
 * PRNG (xorshift64*), so every machine gets the same bytes.
 *
 *   gen_inputs draft SEED TYPOS          one ~150-word note on stdout with
 *                                        TYPOS common misspellings in it
 *   gen_inputs drafts DIR N              N notes as DIR/draft-00000.txt ...
 *                                        (every 50th has one misspelling)
 *   gen_inputs big BYTES                 notes separated by blank lines, up
 *                                        to BYTES bytes, on stdout
 *
 * What it is not: a test oracle.  The notes are meant to be clean for the
 * FollowUp style (tests/bench/run.sh checks the clean draft really is).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
	rng_state = seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull;
	if (rng_state == 0)
		rng_state = 1;
}

static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t pick(size_t n)
{
	return (size_t)(rng_next() % n);
}

static const char *const first_names[] = {
	"Dana", "Mark", "Priya", "Carlos", "Mei", "Tom", "Aisha", "Lena", "Omar", "Grace",
	"Hiro", "Sofia", "Ben", "Nadia", "Luis", "Emma", "Ravi", "Jo", "Kate", "Sam",
};
static const char *const last_names[] = {
	"Chen", "Garcia", "Patel", "Nguyen", "Smith", "Okafor", "Rossi", "Kim", "Lopez", "Brown",
};
static const char *const roles[] = {
	"data analyst", "staff nurse", "line cook", "project manager", "software engineer",
	"office assistant", "sales associate", "graphic designer", "teacher", "accountant",
};
static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };
static const char *const greetings[] = { "Hi", "Hello", "Dear" };
static const char *const closings[] = { "Best regards,", "Kind regards,", "Best,", "Thank you,", "Sincerely," };

/* Body sentences; %1 is the role, %2 the day, %3 the interviewer's first name. */
static const char *const thanks[] = {
	"Thank you for meeting with me on %2 to talk about the %1 role.",
	"Thank you for taking the time to speak with me on %2 about the %1 position.",
	"I appreciated the chance to meet the team on %2 and learn more about the %1 role.",
	"Thanks again for walking me through the %1 position on %2.",
};
static const char *const details[] = {
	"I enjoyed hearing how your team plans the week and shares the work between the two offices.",
	"Our conversation about the new training program was especially helpful.",
	"It was good to learn how the team measures progress and celebrates small wins.",
	"I liked hearing about the way new hires are paired with a mentor for the first month.",
	"The tour of the office gave me a clear picture of how the day runs.",
	"Your description of the busy season helped me understand what the first months would bring.",
	"I was glad to hear that the team values clear notes and steady follow-through.",
	"The example you shared about the last project showed how much the team trusts each other.",
};
static const char *const interest[] = {
	"I am excited about the chance to bring my experience to the team.",
	"The role sounds like a great fit for my skills, and I would love to help the team grow.",
	"I am very interested in the position and in working with you.",
	"I left our meeting even more excited about the work ahead.",
};
static const char *const skills[] = {
	"In my current job I keep a shared schedule for twelve people and answer most questions the same day.",
	"Last year I helped my team cut the time it takes to close a request by almost half.",
	"I have spent three years working with customers, and I enjoy solving problems on the spot.",
	"I am comfortable learning new tools quickly and writing short guides for others.",
	"My last manager often asked me to train new staff, which I enjoyed a great deal.",
};
static const char *const next_steps[] = {
	"Please let me know if I can send anything else, such as references or work samples.",
	"I look forward to hearing about the next steps.",
	"Is there anything else I can share to help with your decision?",
	"I would be happy to answer any other questions you may have.",
};
static const char *const typos[] = {
	"recieve", "teh", "definately", "oppurtunity", "interveiw", "seperate", "untill",
	"beleive", "goverment", "enviroment", "occured", "wich", "calender", "tommorow",
};

/* Append `tmpl` with %1 %2 %3 replaced, to buf at *len (cap `size`). */
static void put_sentence(char *buf, size_t *len, size_t size, const char *tmpl, const char *role,
                         const char *day, const char *name)
{
	const char *p;
	for (p = tmpl; *p != '\0' && *len + 64 < size; p++) {
		const char *sub = NULL;
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '3') {
			sub = p[1] == '1' ? role : p[1] == '2' ? day : name;
			p++;
		}
		if (sub != NULL) {
			size_t n = strlen(sub);
			if (*len + n + 64 >= size)
				return;
			memcpy(buf + *len, sub, n);
			*len += n;
		} else {
			buf[(*len)++] = *p;
		}
	}
	buf[*len] = '\0';
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; *s; s++) {
		int w = *s != ' ' && *s != '\n';
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* Replace the n-th (0-based) word of at least 4 lower-case letters in the body with a typo. */
static void insert_typo(char *buf, size_t size, size_t body_start)
{
	size_t cands[512], n = 0, i = body_start, k;
	while (buf[i] != '\0' && n < N_OF(cands)) {
		size_t j = i;
		while (buf[j] >= 'a' && buf[j] <= 'z')
			j++;
		if (j - i >= 4 && (i == 0 || buf[i - 1] == ' ') && (buf[j] == ' ' || buf[j] == '.'))
			cands[n++] = i;
		i = j > i ? j : i + 1;
	}
	if (n == 0)
		return;
	k = cands[pick(n)];
	{
		const char *t = typos[pick(N_OF(typos))];
		size_t end = k, tl = strlen(t);
		char rest[8192];
		while (buf[end] >= 'a' && buf[end] <= 'z')
			end++;
		snprintf(rest, sizeof(rest), "%s", buf + end);
		if (k + tl + strlen(rest) < size) {
			memcpy(buf + k, t, tl);
			snprintf(buf + k + tl, size - k - tl, "%s", rest);
		}
	}
}

/* One note of about 150 words into buf (NUL-terminated); returns its length. */
static size_t make_note(char *buf, size_t size, int n_typos)
{
	const char *name = first_names[pick(N_OF(first_names))];
	const char *me = first_names[pick(N_OF(first_names))];
	const char *me_last = last_names[pick(N_OF(last_names))];
	const char *role = roles[pick(N_OF(roles))];
	const char *day = days[pick(N_OF(days))];
	const char *g = greetings[pick(N_OF(greetings))];
	size_t len = 0, body, i;
	int t;

	if (me == name)
		me = "Alex";
	len = (size_t)snprintf(buf, size, "%s %s,\n\n", g, name);
	body = len;
	/* paragraph 1: thanks + two details */
	put_sentence(buf, &len, size, thanks[pick(N_OF(thanks))], role, day, name);
	{
		size_t a = pick(N_OF(details)), b = (a + 1 + pick(N_OF(details) - 1)) % N_OF(details);
		buf[len++] = ' ';
		put_sentence(buf, &len, size, details[a], role, day, name);
		buf[len++] = ' ';
		put_sentence(buf, &len, size, details[b], role, day, name);
	}
	buf[len++] = '\n';
	buf[len++] = '\n';
	/* paragraph 2: interest + skills until ~125 words */
	put_sentence(buf, &len, size, interest[pick(N_OF(interest))], role, day, name);
	{
		size_t s0 = pick(N_OF(skills));
		for (i = 0; i < N_OF(skills) && count_words(buf) < 118; i++) {
			buf[len++] = ' ';
			put_sentence(buf, &len, size, skills[(s0 + i) % N_OF(skills)], role, day, name);
		}
	}
	buf[len++] = '\n';
	buf[len++] = '\n';
	/* paragraph 3: next steps */
	{
		size_t a = pick(N_OF(next_steps)), b = (a + 1 + pick(N_OF(next_steps) - 1)) % N_OF(next_steps);
		put_sentence(buf, &len, size, next_steps[a], role, day, name);
		buf[len++] = ' ';
		put_sentence(buf, &len, size, next_steps[b], role, day, name);
	}
	len += (size_t)snprintf(buf + len, size - len, "\n\n%s\n%s %s\n", closings[pick(N_OF(closings))], me,
	                        me_last);
	for (t = 0; t < n_typos; t++)
		insert_typo(buf, size, body);
	return strlen(buf);
}

static int usage(void)
{
	fprintf(stderr, "usage: gen_inputs draft SEED TYPOS | drafts DIR N | big BYTES\n");
	return 2;
}

int main(int argc, char **argv)
{
	char note[8192];
	if (argc == 4 && strcmp(argv[1], "draft") == 0) {
		rng_seed(strtoull(argv[2], NULL, 10));
		make_note(note, sizeof(note), atoi(argv[3]));
		fputs(note, stdout);
		return ferror(stdout) ? 1 : 0;
	}
	if (argc == 4 && strcmp(argv[1], "drafts") == 0) {
		long i, n = strtol(argv[3], NULL, 10);
		char path[4096];
		rng_seed(10000);
		for (i = 0; i < n; i++) {
			FILE *f;
			size_t len = make_note(note, sizeof(note), i % 50 == 49 ? 1 : 0);
			snprintf(path, sizeof(path), "%s/draft-%05ld.txt", argv[2], i);
			f = fopen(path, "wb");
			if (f == NULL || fwrite(note, 1, len, f) != len || fclose(f) != 0) {
				fprintf(stderr, "gen_inputs: cannot write %s: %s\n", path, strerror(errno));
				return 1;
			}
		}
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "big") == 0) {
		unsigned long long want = strtoull(argv[2], NULL, 10), done = 0;
		long i = 0;
		rng_seed(20000);
		while (done < want) {
			size_t len = make_note(note, sizeof(note), i % 50 == 49 ? 1 : 0);
			if (done + len + 1 > want)
				len = (size_t)(want - done > 1 ? want - done - 1 : 0);
			fwrite(note, 1, len, stdout);
			fputc('\n', stdout);
			done += len + 1;
			i++;
		}
		return ferror(stdout) ? 1 : 0;
	}
	return usage();
}
