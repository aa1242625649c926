#!/usr/bin/env bash
# tests/bench/profile.sh - where fulint's time goes: callgrind on the
# benchmark's 150-word clean draft, its two-misspellings draft and its 5 MB
# file (one thread), printing the top cost centres (exclusive and inclusive
# instruction counts) of each.  Run tests/bench/run.sh first (it builds
# fulint and the inputs in $BENCH_BUILD, default build-bench/).
#
#   bash tests/bench/profile.sh [TOP]          TOP: functions shown (15)
#
# The spelling table is warm (as in the timed runs).  Callgrind counts
# instructions, not time: system calls and page faults (mapping the table,
# reading the input) do not show; `perf record` is the complement.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD:-$src/build-bench}
work=$build/bench
top=${1:-15}
fulint=${FULINT:-$build/fulint}
command -v valgrind >/dev/null || {
	echo "profile: valgrind not found" >&2
	exit 2
}
[ -f "$work/big-5MB.txt" ] || {
	echo "profile: run tests/bench/run.sh first (no $work/big-5MB.txt)" >&2
	exit 2
}
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
"$fulint" --no-config "$work/draft-2typos.txt" >/dev/null || true

for input in draft-clean.txt draft-2typos.txt big-5MB.txt; do
	out=$work/callgrind.$input.out
	valgrind --tool=callgrind --callgrind-out-file="$out" "$fulint" --no-config -j 1 "$work/$input" \
		>/dev/null 2>"$work/callgrind.$input.log" || true
	total=$(grep -E '^(summary|totals):' "$out" | head -n 1 | awk '{print $2}')
	echo "== $input: $(printf "%'d" "$total") instructions"
	echo "-- exclusive (self) cost, top $top"
	callgrind_annotate --inclusive=no "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$top" || true
	echo "-- inclusive cost, top $top"
	callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | grep -v '???:0x' | head -n "$top" || true
	echo
done
