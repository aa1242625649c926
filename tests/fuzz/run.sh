#!/usr/bin/env bash
# tests/fuzz/run.sh - run a libFuzzer target (or all of them) for N minutes.
#
#   bash tests/fuzz/run.sh TARGET MINUTES     TARGET: text, email, rules, lint, literal
#   bash tests/fuzz/run.sh all MINUTES        every target, two at a time
#
# Builds the targets with clang (-DFULINT_FUZZ=ON) in $FUZZ_BUILD (default
# build-fuzz/ in the source tree), then runs each one under `nice` in fork
# mode, so that a crash is recorded and fuzzing goes on: new inputs go to
# $FUZZ_WORK/<target>/corpus (default /tmp/fulint-fuzz), crashes, timeouts
# and out-of-memory inputs to $FUZZ_WORK/<target>/artifacts/.  Starts from
# the seeds (corpus/, rules/, tests/data/, tests/fuzz/seeds/) and the saved
# corpus tests/fuzz/corpus/<target>/.
#
# At the end, the new inputs that add coverage are merged (-merge=1) into
# tests/fuzz/corpus/<target>/ (entries up to 4 KiB, at most 200 files:
# commit them), and a summary gives the executions, the coverage and the
# artifacts found per target.  A crash is NOT copied into tests/fuzz/crashes/
# automatically: minimise it first, e.g.
#   build-fuzz/tests/fuzz/fuzz_email -minimize_crash=1 -max_total_time=60 \
#       -exact_artifact_path=tests/fuzz/crashes/email/NAME CRASH_FILE
#
# Environment: FUZZ_BUILD, FUZZ_WORK, FUZZ_JOBS (targets at once for `all`,
# default 2), FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (seconds per input, 10),
# FUZZ_NO_MERGE=1 (leave tests/fuzz/corpus alone), CC (default clang).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
targets=(text email rules lint literal)

usage() {
	echo "usage: bash tests/fuzz/run.sh {text|email|rules|lint|literal|all} MINUTES" >&2
	exit 2
}
[ $# -eq 2 ] || usage
what=$1
minutes=$2
case "$minutes" in '' | *[!0-9]*) usage ;; esac
[ "$minutes" -ge 1 ] || usage
case "$what" in
	all) run_list=("${targets[@]}") ;;
	text | email | rules | lint | literal) run_list=("$what") ;;
	*) usage ;;
esac

build=${FUZZ_BUILD:-$src/build-fuzz}
work=${FUZZ_WORK:-/tmp/fulint-fuzz}
jobs=${FUZZ_JOBS:-2}
rss=${FUZZ_RSS_MB:-2048}
tmo=${FUZZ_TIMEOUT:-10}
cc=${CC:-clang}
cap_files=200
cap_bytes=4096

if ! command -v "$cc" >/dev/null; then
	echo "run.sh: $cc not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
	exit 2
fi

echo "== building fuzz targets with $cc in $build =="
CC=$cc cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFULINT_FUZZ=ON >/dev/null
cmake --build "$build" -j"$jobs" --target $(printf 'fuzz_%s ' "${run_list[@]}") >/dev/null

seeds_for() {
	case "$1" in
		text | lint) echo "$src/corpus $here/seeds/text $here/seeds/email $src/tests/data/badinput" ;;
		email) echo "$src/corpus $here/seeds/email $src/tests/data/badinput" ;;
		rules) echo "$src/rules $here/seeds/rules $src/tests/data/badrules $src/tests/data/badconfig" ;;
		literal) echo "$here/seeds/literal" ;;
	esac
}

# Run one target for $minutes minutes; its log is $work/<t>/fuzz.log.
run_one() {
	local t=$1 dir=$work/$1 bin=$build/tests/fuzz/fuzz_$1
	local d inputs=()
	rm -rf "$dir/artifacts" # artifacts of an earlier run (its log said so)
	mkdir -p "$dir/corpus" "$dir/artifacts" "$here/corpus/$t"
	for d in $(seeds_for "$t") "$here/corpus/$t"; do
		[ -d "$d" ] && inputs+=("$d")
	done
	# Seed folders hold .expect/.md files too: harmless inputs.
	FULINT_FUZZ_CACHE="$dir/cache" nice -n 10 "$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
		-ignore_ooms=1 -max_total_time=$((minutes * 60)) -rss_limit_mb="$rss" -timeout="$tmo" \
		-max_len=65536 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
		"$dir/corpus" "${inputs[@]}" >"$dir/fuzz.log" 2>&1 || true
}

# Merge the new inputs that add coverage into the saved corpus, small ones only.
merge_one() {
	local t=$1 dir=$work/$1 bin=$build/tests/fuzz/fuzz_$1 small=$work/$1/small
	rm -rf "$small"
	mkdir -p "$small"
	find "$dir/corpus" -type f -size -$((cap_bytes + 1))c -exec cp {} "$small/" \;
	FULINT_FUZZ_CACHE="$dir/cache" nice -n 10 "$bin" -merge=1 -rss_limit_mb="$rss" -timeout="$tmo" \
		"$here/corpus/$t" "$small" >"$dir/merge.log" 2>&1 || true
	# Keep the cap: drop the largest files beyond it.
	local n
	n=$(find "$here/corpus/$t" -type f | wc -l)
	if [ "$n" -gt "$cap_files" ]; then
		find "$here/corpus/$t" -type f -printf '%s %p\n' | sort -n | tail -n $((n - cap_files)) |
			cut -d' ' -f2- | xargs -r rm -f
	fi
}

summary_one() {
	local t=$1 dir=$work/$1 last execs cov crashes timeouts ooms saved
	last=$(grep -E '^#[0-9]+: cov:' "$dir/fuzz.log" | tail -n 1 || true)
	execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
	cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")
	crashes=$(find "$dir/artifacts" -name 'crash-*' | wc -l)
	timeouts=$(find "$dir/artifacts" -name 'timeout-*' | wc -l)
	ooms=$(find "$dir/artifacts" -name 'oom-*' -o -name 'leak-*' | wc -l)
	saved=$(find "$here/corpus/$t" -type f | wc -l)
	printf '%-6s %9s min %14s %8s %8s %9s %5s %14s\n' "$t" "$minutes" "${execs:-?}" "${cov:-?}" \
		"$crashes" "$timeouts" "$ooms" "$saved"
}

echo "== fuzzing ${run_list[*]} for $minutes minute(s) each, $jobs at a time (logs in $work/<target>/) =="
i=0
while [ $i -lt ${#run_list[@]} ]; do
	pids=()
	for ((k = 0; k < jobs && i < ${#run_list[@]}; k++, i++)); do
		echo "   start ${run_list[$i]} ($(date +%H:%M:%S))"
		run_one "${run_list[$i]}" &
		pids+=($!)
	done
	wait "${pids[@]}"
done

if [ "${FUZZ_NO_MERGE:-0}" != 1 ]; then
	echo "== merging new coverage into tests/fuzz/corpus/ =="
	for t in "${run_list[@]}"; do merge_one "$t"; done
fi

echo
printf '%-6s %13s %14s %8s %8s %9s %5s %14s\n' target time executions cov crashes timeouts oom saved-corpus
for t in "${run_list[@]}"; do summary_one "$t"; done
found=$(find "${run_list[@]/#/$work/}" -path '*/artifacts/*' -type f 2>/dev/null | wc -l)
if [ "$found" -gt 0 ]; then
	echo
	echo "artifacts (minimise, save to tests/fuzz/crashes/<target>/, fix, then commit):"
	find "${run_list[@]/#/$work/}" -path '*/artifacts/*' -type f | sed 's/^/  /'
	exit 1
fi
