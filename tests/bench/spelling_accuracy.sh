#!/usr/bin/env bash
# spelling_accuracy.sh - how often fulint, `hunspell -a` and `aspell -a`
# flag a misspelling and put its correction first / in the top five.
#
#   bash tests/bench/spelling_accuracy.sh [BUILD_DIR]    (default: build)
#
# The list: Debian's codespell package (codespell_lib/data/dictionary.txt,
# "wrong->right" lines), keeping entries with a single correction, made of
# letters and apostrophes only, whose correction en_US accepts
# (`hunspell -d en_US -l` does not list it) and whose misspelling en_US
# rejects.  fulint ships none of this data: it is only the test set.
#
# Hunspell needs ~35 ms per suggestion, so by default every 16th entry is
# used (about 2,000 words, a few minutes in all).  Environment:
#   STEP=16     use every STEP-th entry (STEP=1: the whole list, ~40 min)
#   OFFSET=0    ...starting at this index (fl_rerank's weights were tuned on
#               OFFSET=8, so keep the reported slice at another offset)
#   DRIVER=path an already built tests/bench/spell_driver
# Needs: codespell, hunspell, hunspell-en-us, aspell, aspell-en.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
step=${STEP:-16}
offset=${OFFSET:-0}
codespell_dict=/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt

for tool in hunspell aspell; do
	command -v "$tool" >/dev/null || { echo "spelling_accuracy.sh: $tool is not installed" >&2; exit 2; }
done
[ -r "$codespell_dict" ] || { echo "spelling_accuracy.sh: install the Debian package codespell" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- the driver -----------------------------------------------------------
driver=${DRIVER:-}
if [ -z "$driver" ]; then
	if [ ! -f "$build/libfulint.a" ]; then
		cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
		cmake --build "$build" --target fulint_lib -j2 >/dev/null
	fi
	driver=$work/spell_driver
	cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I "$root/linter/include" \
		-I "$root/linter/lib" "$root/tests/bench/spell_driver.c" "$build/libfulint.a" \
		$(pkg-config --libs hunspell libpcre2-8 yaml-0.1) -lm -o "$driver"
fi

# --- the list ---------------------------------------------------------------
grep -v ',' "$codespell_dict" | awk -F'->' 'NF == 2 && $1 ~ /^[A-Za-z'"'"']+$/ && $2 ~ /^[A-Za-z'"'"']+$/' \
	> "$work/cands"
cut -d'>' -f2 "$work/cands" | sort -u | hunspell -d en_US -l | sort -u > "$work/bad_right"
awk -F'->' '{print $1}' "$work/cands" | sort -u | hunspell -d en_US -G | sort -u > "$work/good_wrong"
awk -F'->' -v step="$step" -v off="$offset" '
	FILENAME == ARGV[1] { br[$0] = 1; next }
	FILENAME == ARGV[2] { gw[$0] = 1; next }
	!($2 in br) && !($1 in gw) { if (n++ % step == off) print }' \
	"$work/bad_right" "$work/good_wrong" "$work/cands" > "$work/list"
total=$(awk -F'->' '!($2 in br) && !($1 in gw) {n++} FILENAME == ARGV[1] {br[$0]=1; next} FILENAME == ARGV[2] {gw[$0]=1; next} END {print n+0}' "$work/bad_right" "$work/good_wrong" "$work/cands")
awk -F'->' '{print $1}' "$work/list" > "$work/words"
n=$(wc -l < "$work/words")

# --- run the tools ------------------------------------------------------------
# ispell protocol (hunspell -a, aspell -a) -> "word<TAB>flagged<TAB>s1,s2,..."
ispell_norm() {
	awk -v words="$work/words" '
		BEGIN { getline header }
		{ if ($0 == "") { flush(); next } rec[++nr] = $0 }
		function flush(   w, i, f, s, r) {
			if ((getline w < words) <= 0) w = "?"
			f = 0; s = ""
			for (i = 1; i <= nr; i++) {
				r = substr(rec[i], 1, 1)
				if (r == "&" || r == "#") {
					if (!f && r == "&") { s = rec[i]; sub(/^[^:]*: /, "", s); gsub(/, /, ",", s) }
					f = 1
				}
			}
			print w "\t" f "\t" s
			nr = 0
		}'
}
sed 's/^/^/' "$work/words" | hunspell -a -d en_US | ispell_norm > "$work/out.hunspell"
sed 's/^/^/' "$work/words" | aspell -a --lang=en_US | ispell_norm > "$work/out.aspell"
"$driver" -c "$work/cache" < "$work/words" > "$work/out.fulint"

# --- score ------------------------------------------------------------------
score() {
	awk -F'\t' -v name="$1" -v list="$work/list" '
		{
			getline pair < list; split(pair, p, "->"); right = p[2]
			if ($2 == 1) flagged++
			k = split($3, s, ",")
			if ($2 == 1 && k >= 1 && s[1] == right) top1++
			for (i = 1; i <= k && i <= 5; i++) if ($2 == 1 && s[i] == right) { top5++; break }
			n++
		}
		END { printf "| %-22s | %9.1f | %12.1f | %14.1f |\n", name, 100*flagged/n, 100*top1/n, 100*top5/n }' "$2"
}
echo "Spelling suggestions on codespell's list: $n of $total entries (every ${step}th from $offset)"
echo
echo "| tool                   | flagged % | #1 correct % | top-5 correct % |"
echo "|------------------------|-----------|--------------|-----------------|"
score "fulint" "$work/out.fulint"
score "hunspell -a (1.7.1)" "$work/out.hunspell"
score "aspell -a (0.60.8)" "$work/out.aspell"
if [ -n "${KEEP:-}" ]; then cp "$work"/out.* "$work/list" "$KEEP"/; fi
