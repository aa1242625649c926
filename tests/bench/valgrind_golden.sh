#!/usr/bin/env bash
# tests/bench/valgrind_golden.sh - fulint under valgrind on every golden
# draft (corpus/*.txt, corpus/email/*.eml, as tests/cli/golden.sh runs
# them) and on a sample of bad inputs (as tests/cli/badinput.sh makes them).
#
#   bash tests/bench/valgrind_golden.sh [FULINT]
#
# Each run is `valgrind --leak-check=full --error-exitcode=1 fulint
# --no-exit ...` (with tests/bench/valgrind.supp, which hides only the
# uninitialised-value noise from inside PCRE2's JIT-compiled code): --no-exit keeps fulint's own status at 0 for findings, so
# status 1 can only be valgrind's (an invalid read or write, a use of
# uninitialised memory, or a definite/possible leak); 2 is fulint's clean
# error exit, expected for some bad inputs.  Runs go in parallel on every
# core.  FULINT defaults to build/fulint (build it first: tests/run-all.sh
# or cmake); a non-sanitizer build is needed.  Logs: $VG_LOGS (default
# /tmp/fulint-valgrind).  Prints a summary; exit 1 when any run had errors.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
fulint=${1:-$src/build/fulint}
fulint=$(cd "$(dirname "$fulint")" && pwd)/$(basename "$fulint")
logs=${VG_LOGS:-/tmp/fulint-valgrind}
command -v valgrind >/dev/null || {
	echo "valgrind_golden: valgrind not found (bash tests/setup.sh --test)" >&2
	exit 2
}
[ -x "$fulint" ] || {
	echo "valgrind_golden: no fulint at $fulint" >&2
	exit 2
}
if ldd "$fulint" | grep -q libasan; then
	echo "valgrind_golden: $fulint is an ASan build; valgrind needs a plain one" >&2
	exit 2
fi
rm -rf "$logs"
mkdir -p "$logs/in" "$logs/home" "$logs/config" "$logs/styles/Bomb" "$logs/styles/Slow"
export HOME=$logs/home XDG_CONFIG_HOME=$logs/config XDG_CACHE_HOME=$logs/cache NO_COLOR=1
in=$logs/in

# ---- the bad-input sample ----
d() { printf 'Hi Dana,\n\nThank you %b for meeting with me. I am excited about teh role. What are the next steps?\n\nBest regards,\nPriya Raman\n' "$1"; }
d '\xc0\x80' >"$in/overlong.txt"
d '\xed\xa0\x80' >"$in/surrogate.txt"
d '\xf8\x88\x80\x80\x80' >"$in/f8.txt"
printf 'Hi\0Dana\n' >"$in/nul-early.txt"
{ for i in $(seq 1 150); do echo "Thank you for the interview today and for the tour of the office."; done; printf 'x\0y\n'; } >"$in/nul-late.txt"
head -c 20000 "$fulint" >"$in/binary.bin"
head -c 300000 /dev/zero | tr '\0' a >"$in/longline.txt"
cp "$src"/tests/data/badinput/*.eml "$in/" 2>/dev/null
{
	cat "$src/tests/data/badinput/head.eml"
	printf 'Content-Type: multipart/mixed; boundary="bb"\n\n'
	for i in $(seq 1 1200); do printf -- '--bb\nContent-Type: text/plain\n\npart %s\n' "$i"; done
} >"$in/mime-bomb.eml"
cp "$src/tests/data/badinput/AliasBomb.yml" "$logs/styles/Bomb/AliasBomb.yml"
printf 'extends: existence\nmessage: "%%s"\nscope: raw\nraw:\n  - "(a+)+$"\n' >"$logs/styles/Slow/Backtrack.yml"
{ head -c 20000 /dev/zero | tr '\0' a; echo b; } >"$in/aaab.txt"
mkdir -p "$in/adir"
printf 'stlyes: [x]\n' >"$in/badconfig.yml"

# One job per line: NAME<TAB>ARGS (word-split; no spaces in paths).
jobs=$logs/jobs.txt
: >"$jobs"
cd "$src" || exit 2
shopt -s nullglob
for f in corpus/*.txt corpus/email/*.eml; do
	printf 'golden:%s\t--no-config --format json %s\n' "$f" "$f" >>"$jobs"
done
for f in "$in"/*; do
	[ -f "$f" ] && printf 'bad:%s\t--no-config %s\n' "$(basename "$f")" "$f" >>"$jobs"
done
cat >>"$jobs" <<EOF
bad:directory	--no-config $in/adir
bad:missing-file	--no-config $in/no-such-file.txt
bad:alias-bomb-rule	--no-config --styles-path $logs/styles --styles Bomb $in/overlong.txt
bad:backtracking-rule	--no-config --styles-path $logs/styles --styles Slow $in/aaab.txt
bad:alias-bomb-config	--config $src/tests/data/badinput/AliasBomb.yml $in/overlong.txt
bad:unknown-config-key	--config $in/badconfig.yml $in/overlong.txt
bad:missing-dictionary	--no-config --dictionary xx_XX $in/overlong.txt
bad:unreadable-word-list	--no-config --personal-dictionary $in/adir $in/overlong.txt
bad:unknown-option	--frobnicate
bad:ten-files-j2	--no-config -j 2 $in/overlong.txt $in/surrogate.txt $in/f8.txt $in/nul-late.txt $in/longline.txt corpus/001-thankyou-clean-nurse.txt $in/nested.eml $in/bad-base64.eml $in/unknown-charset.eml $in/missing-boundary.eml
EOF

# Warm the spelling table once (not under valgrind: building it takes long).
"$fulint" --no-config "$in/overlong.txt" >/dev/null 2>&1

run_one() {
	local name=$1 args=$2 log rc
	log=$logs/$(printf '%s' "$name" | tr '/:' '__').log
	# shellcheck disable=SC2086
	valgrind --leak-check=full --error-exitcode=1 --suppressions="$supp" --log-file="$log" \
		"$fulint" --no-exit $args >/dev/null 2>&1
	rc=$?
	printf '%s\t%s\t%s\n' "$rc" "$name" "$log"
}
export -f run_one
supp=$here/valgrind.supp
export fulint logs supp
n=$(wc -l <"$jobs")
echo "valgrind: $n runs of $fulint ($(nproc) at a time); logs in $logs"
tr '\t' '\n' <"$jobs" | xargs -d '\n' -n 2 -P "$(nproc)" bash -c 'run_one "$0" "$1"' >"$logs/results.txt"

bad=0 ok=0 clean_err=0
while IFS=$'\t' read -r rc name log; do
	e=$(grep -Eo 'ERROR SUMMARY: [0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
	if [ "$rc" = 1 ] || [ "${e:-0}" != 0 ] || [ "$rc" -ge 128 ]; then
		bad=$((bad + 1))
		echo "ERRORS $name (exit $rc, ${e:-?} valgrind errors): $log"
		grep -E 'definitely lost|indirectly lost|possibly lost|Invalid|uninitialised|ERROR SUMMARY' "$log" | head -5 | sed 's/^/    /'
	elif [ "$rc" = 2 ]; then
		clean_err=$((clean_err + 1))
	else
		ok=$((ok + 1))
	fi
done <"$logs/results.txt"
n_golden=$(awk -F'\t' '{print $2}' "$logs/results.txt" | grep -c '^golden:')
echo "valgrind: $n runs ($n_golden golden drafts, $((n - n_golden)) bad inputs): $ok linted, $clean_err clean error exits (2), $bad with valgrind errors or leaks"
[ "$bad" = 0 ]
