#!/usr/bin/env bash
# corpus.sh - evaluate the FollowUp style on the labelled drafts in corpus/.
#
#   bash tests/cli/corpus.sh FULINT SOURCE_DIR BUILD_DIR
#
# Every corpus/NNN-slug.txt is linted with `FULINT --no-config --format line`
# (built-in rules, no user configuration) and its findings are compared with
# corpus/NNN-slug.expected, which holds one expected finding per line:
#
#   FollowUp.Exclamation 7:42     the rule must fire at line 7, column 42
#   FollowUp.Gratitude            the rule must fire (anywhere)
#   # tricky FollowUp.Emoji: "10:30" is not an emoticon      (a comment)
#
# An empty file (or comments only) means the draft must come back clean.
# Findings are compared as a multiset of rule ids per draft: an expected line
# with a position must match a finding at exactly that line and column; one
# without a position matches any remaining finding of that rule.  Unmatched
# findings are false positives, unmatched expectations false negatives.
#
# Output: one line per difference, a per-rule table (TP, FP, FN, precision,
# recall), and a coverage table: for every rule, how many drafts must trigger
# it ("must fire") and how many carry a "# tricky Rule.Id: ..." comment
# (a passage built to look like the fault that must NOT trigger it).
#
# Exit status: 0 when every draft matches its expectations and every rule the
# corpus names (in an expectation or a tricky note) has at least 5 drafts of
# each sort; 1 otherwise; 2 when fulint cannot run.  Rules the corpus never
# names (e.g. FollowUp.GreetingName, which needs e-mail headers) are listed;
# their findings on these drafts still count as differences.  Expectations for a rule that is not loaded (its file is not in
# this build yet) are listed as skipped, not failed.
#
# Bash and POSIX awk only: a fresh Debian machine has no Python.
set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 FULINT SOURCE_DIR [BUILD_DIR]" >&2
	exit 2
fi
fulint=$1
src=$2
min_cover=${CORPUS_MIN_COVER:-5}

cd "$src" || exit 2
export NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
drafts=(corpus/*.txt)
if [ ${#drafts[@]} -eq 0 ]; then
	echo "corpus: no drafts in $src/corpus" >&2
	exit 2
fi

# The rules this build loads (id in the first column).
if ! "$fulint" --no-config --list-rules >"$tmp/rules" 2>"$tmp/err"; then
	echo "corpus: '$fulint --list-rules' failed:" >&2
	cat "$tmp/err" >&2
	exit 2
fi
awk '{ print $1 }' "$tmp/rules" >"$tmp/loaded"

# Lint every draft in one run (exit 0: clean, 1: findings at the fail level).
"$fulint" --no-config --format line "${drafts[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -gt 1 ]; then
	echo "corpus: fulint failed (exit $rc):" >&2
	cat "$tmp/err" >&2
	exit 2
fi

# Actual findings: "A <file> <rule> <line:col>".  The line format is
# FILE:LINE:COL:Style.Rule:MESSAGE and corpus paths hold no colon.
awk -F: 'NF >= 5 { print "A", $1, $4, $2 ":" $3 }' "$tmp/out" >"$tmp/facts"

# Expected findings: "E <file> <rule> <line:col or ->", tricky notes:
# "T <file> <rule>", and "D <file>" for every draft.
status=0
for f in "${drafts[@]}"; do
	exp=${f%.txt}.expected
	echo "D $f" >>"$tmp/facts"
	if [ ! -f "$exp" ]; then
		echo "MISSING $exp (every draft needs its expected findings)"
		status=1
		continue
	fi
	awk -v file="$f" '
		{ sub(/\r$/, "") }
		/^[ \t]*#[ \t]*tricky[ \t]/ {
			line = $0
			sub(/^[ \t]*#[ \t]*tricky[ \t]+/, "", line)
			n = split(line, w, /[ \t:]+/)
			if (n >= 1 && w[1] ~ /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/)
				print "T", file, w[1]
			next
		}
		/^[ \t]*(#|$)/ { next }
		{
			sub(/[ \t]*#.*$/, "")
			n = split($0, w, /[ \t]+/)
			i = (w[1] == "") ? 2 : 1
			pos = (n >= i + 1 && w[i + 1] ~ /^[0-9]+:[0-9]+$/) ? w[i + 1] : "-"
			if (w[i] !~ /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/)
				print "BAD", file, NR ": " $0
			else
				print "E", file, w[i], pos
		}' "$exp" >>"$tmp/facts"
done
for exp in corpus/*.expected; do
	[ -f "${exp%.expected}.txt" ] || { echo "STALE $exp (no draft next to it)"; status=1; }
done

awk -v min_cover="$min_cover" -v srcdir="$src" '
	FILENAME == ARGV[1] { loaded[$1] = 1; nl++; lid[nl] = $1; next }
	$1 == "D" { ndraft++; draft[ndraft] = $2; next }
	$1 == "BAD" { $1 = ""; print "BAD EXPECTATION" $0; bad++; next }
	$1 == "T" { if (!(($2, $3) in tseen)) { tseen[$2, $3] = 1; tricky[$3]++ } next }
	$1 == "E" {
		ne[$2]++; ef[$2, ne[$2]] = $3; ep[$2, ne[$2]] = $4
		if (!(($2, $3) in fseen)) { fseen[$2, $3] = 1; fire[$3]++ }
		nexp[$2]++
		next
	}
	$1 == "A" { na[$2]++; af[$2, na[$2]] = $3; ap[$2, na[$2]] = $4; nact[$2]++; next }
	END {
		for (d = 1; d <= ndraft; d++) {
			f = draft[d]
			if (nexp[f] == 0 && nact[f] == 0)
				clean++
			# expected entries with a position first, then the others
			for (pass = 1; pass <= 2; pass++) {
				for (i = 1; i <= ne[f]; i++) {
					r = ef[f, i]; p = ep[f, i]
					if ((pass == 1) != (p != "-"))
						continue
					if (!(r in loaded)) {
						skipped[r]++
						used_e[f, i] = 1
						continue
					}
					for (j = 1; j <= na[f]; j++) {
						if (used_a[f, j] || af[f, j] != r)
							continue
						if (p != "-" && ap[f, j] != p)
							continue
						used_a[f, j] = 1; used_e[f, i] = 1; tp[r]++
						break
					}
				}
			}
			for (i = 1; i <= ne[f]; i++)
				if (!used_e[f, i]) {
					r = ef[f, i]; fn[r]++; ndiff++
					printf "FN %s: expected %s%s, not reported\n", f, r, (ep[f, i] == "-" ? "" : " at " ep[f, i])
				}
			for (j = 1; j <= na[f]; j++)
				if (!used_a[f, j]) {
					r = af[f, j]; fp[r]++; ndiff++
					printf "FP %s: %s at %s was not expected\n", f, r, ap[f, j]
				}
		}

		printf "\n%-28s %5s %5s %5s %9s %7s %11s %8s\n", "rule", "TP", "FP", "FN", "precision", "recall", "must fire", "tricky"
		for (k = 1; k <= nl; k++) {
			r = lid[k]
			t = tp[r] + 0; a = fp[r] + 0; m = fn[r] + 0
			prec = (t + a > 0) ? sprintf("%.3f", t / (t + a)) : "-"
			rec = (t + m > 0) ? sprintf("%.3f", t / (t + m)) : "-"
			printf "%-28s %5d %5d %5d %9s %7s %11d %8d\n", r, t, a, m, prec, rec, fire[r] + 0, tricky[r] + 0
			T += t; A += a; M += m
			if (fire[r] + tricky[r] == 0)
				uncovered = uncovered " " r
			else if (fire[r] + 0 < min_cover || tricky[r] + 0 < min_cover)
				short = short sprintf("  %s: %d drafts must fire, %d tricky (need %d of each)\n", r, fire[r] + 0, tricky[r] + 0, min_cover)
		}
		prec = (T + A > 0) ? sprintf("%.3f", T / (T + A)) : "-"
		rec = (T + M > 0) ? sprintf("%.3f", T / (T + M)) : "-"
		printf "%-28s %5d %5d %5d %9s %7s\n", "all", T, A, M, prec, rec
		for (r in skipped)
			printf "SKIPPED %s: %d expected finding(s), rule not loaded by this build\n", r, skipped[r]
		for (r in fire)
			if (!(r in loaded) && !(r in skipped))
				printf "SKIPPED %s: rule not loaded by this build\n", r
		printf "\ncorpus: %d drafts (%d clean), %d difference(s)\n", ndraft, clean, ndiff
		if (uncovered != "")
			printf "not covered by this corpus (no draft names them):%s\n", uncovered
		if (short != "") {
			printf "coverage below %d for:\n%s", min_cover, short
		}
		exit (ndiff > 0 || bad > 0 || short != "") ? 1 : 0
	}' "$tmp/loaded" "$tmp/facts" || status=1

exit $status
