#!/usr/bin/env bash
# speed.sh - start-up and lint time of fulint against hunspell and aspell,
# in the same run, as the median of repeated runs (issue 4, point 6).
#
#   bash tests/bench/speed.sh [FULINT_BIN]     (default: build/fulint)
#   RUNS=31 (default 21)
#
# Rows: a clean ~150-word draft (fulint with every FollowUp rule and
# spelling, warm fast-path cache) against `hunspell -l` and `aspell list`
# on the same file; the same draft with two misspellings against
# `hunspell -a`.  The first fulint run builds the cache and is not timed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build/fulint}
runs=${RUNS:-21}
clean=$root/tests/bench/clean_draft.txt
typo=$root/tests/bench/typo_draft.txt
[ -x "$bin" ] || { echo "speed.sh: no fulint binary at $bin (build first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config

# median wall time in ms of `runs` runs of the command given as arguments
median_ms() {
	local i t0 t1
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		"$@" > /dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 ))
	done | sort -n | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)] / 1000}'
}

"$bin" --no-config "$clean" > /dev/null 2>&1 || true   # builds the cache
f_clean=$(median_ms "$bin" --no-config "$clean")
h_l=$(median_ms sh -c "hunspell -d en_US -l < '$clean'")
a_l=$(median_ms sh -c "aspell --lang=en_US list < '$clean'")
f_typo=$(median_ms "$bin" --no-config "$typo")
h_a=$(median_ms sh -c "hunspell -d en_US -a < '$typo'")

echo "Median of $runs runs, wall time in ms ($(wc -w < "$clean") words)"
echo
echo "| case                         | fulint | baseline                | baseline ms | ratio | goal   |"
echo "|------------------------------|--------|-------------------------|-------------|-------|--------|"
awk -v f="$f_clean" -v b="$h_l" 'BEGIN {printf "| clean draft                  | %6.2f | hunspell -l             | %11.2f | %5.2f | <= 0.15 |\n", f, b, f / b}'
awk -v f="$f_clean" -v b="$a_l" 'BEGIN {printf "| clean draft                  | %6.2f | aspell list             | %11.2f | %5.2f | <= 2.0 |\n", f, b, f / b}'
awk -v f="$f_typo" -v b="$h_a" 'BEGIN {printf "| draft with two misspellings  | %6.2f | hunspell -a             | %11.2f | %5.2f | <= 1.0 |\n", f, b, f / b}'
