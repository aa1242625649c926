#!/usr/bin/env bash
# tests/bench/run.sh - fulint's speed and memory against the tools people
# use today, on deterministic inputs, with the goals of issues 4 (point 6)
# and 6 (point 2) marked met or missed.
#
#   bash tests/setup.sh --bench && bash tests/bench/run.sh
#
# Builds fulint (RelWithDebInfo) in $BENCH_BUILD (default build-bench/),
# generates the inputs with tests/bench/gen_inputs.c (fixed seed: the same
# bytes on every machine) under $BENCH_BUILD/bench/, installs the npm tools
# (write-good, alex) into tests/bench/node_modules when npm reaches its
# registry (skipped with a note otherwise), then times every command with
# tests/bench/timeit.c: warm-up runs, then >= 10 timed runs, each a direct
# fork+exec with no shell (stdin from a file where the tool reads stdin);
# it reports the MEDIAN wall time and the peak RSS (ru_maxrss, what
# /usr/bin/time -f %M prints).  Only ratios measured in the same run mean
# anything on a shared machine; absolute figures are given for reference.
#
# fulint keeps a table of the words the dictionary accepts in
# $XDG_CACHE_HOME/fulint/; it is built on first use.  The timed runs use a
# warm cache; the cold start (table built during the run) is reported on
# its own.  proselint memoises results per text in its own cache: its runs
# start from a cache primed on another draft (a user's steady state), so
# the figure is the cost of a NEW draft.  `aspell list` reads the 10,000
# drafts as one concatenated stream (it cannot take file names), which
# spares it 10,000 opens: the comparison is conservative for fulint.
#
# Environment: BENCH_RUNS (10), BENCH_WARMUP (3), BENCH_BIG_RUNS (10; runs
# for the 10,000-draft and MB-sized inputs), BENCH_JOBS (fulint -j; default
# the number of cores), BENCH_BUILD, FULINT (use this binary, skip the
# build), BENCH_NO_NPM=1 (do not try npm).  The tables are also written to
# $BENCH_BUILD/bench/results.md.  Takes about 10 minutes on 2 cores.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD:-$src/build-bench}
runs=${BENCH_RUNS:-10}
warm=${BENCH_WARMUP:-3}
big_runs=${BENCH_BIG_RUNS:-10}
cores=$(nproc 2>/dev/null || echo 1)
jobs=${BENCH_JOBS:-$cores}

need() {
	command -v "$1" >/dev/null || {
		echo "bench: '$1' not found; run: bash tests/setup.sh --bench" >&2
		exit 2
	}
}
need hunspell
need aspell
need python3
need gcc

# ------------------------------------------------------------ build ------
if [ -n "${FULINT:-}" ]; then
	fulint=$FULINT
else
	echo "== building fulint (RelWithDebInfo) in $build"
	cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFULINT_TESTS=OFF >/dev/null
	cmake --build "$build" -j"$cores" --target fulint >/dev/null
	fulint=$build/fulint
fi
work=$build/bench
mkdir -p "$work"
gcc -std=c11 -O2 -Wall -Wextra -o "$work/gen_inputs" "$here/gen_inputs.c"
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra -o "$work/timeit" "$here/timeit.c"
timeit=$work/timeit

# ------------------------------------------------------------ inputs -----
echo "== generating inputs in $work"
gen=$work/gen_inputs
"$gen" draft 1 0 >"$work/draft-clean.txt"
"$gen" draft 2 2 >"$work/draft-2typos.txt"
"$gen" draft 99 0 >"$work/draft-other.txt"
if [ ! -f "$work/drafts/draft-09999.txt" ]; then
	rm -rf "$work/drafts"
	mkdir -p "$work/drafts"
	"$gen" drafts "$work/drafts" 10000
fi
cat "$work"/drafts/*.txt >"$work/drafts-all.txt"
"$gen" big 5000000 >"$work/big-5MB.txt"
for mb in 1 2 4 8; do "$gen" big $((mb * 1048576)) >"$work/big-${mb}MiB.txt"; done

export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
mkdir -p "$XDG_CONFIG_HOME"
unset DICPATH
fl="$fulint --no-config"

# The clean draft must be clean, and the other must have its two misspellings.
n_clean=$($fl "$work/draft-clean.txt" | wc -l || true)
n_typos=$($fl "$work/draft-2typos.txt" | grep -c 'FollowUp.Spelling' || true)
echo "   clean draft: $(wc -w <"$work/draft-clean.txt") words, $n_clean findings;" \
	"two-misspellings draft: $n_typos spelling findings"

# ------------------------------------------------------------ tools ------
have_npm_tools=0
npm_note=""
if [ -x "$here/node_modules/.bin/write-good" ] && [ -x "$here/node_modules/.bin/alex" ]; then
	have_npm_tools=1
elif [ "${BENCH_NO_NPM:-0}" != 1 ] && command -v npm >/dev/null; then
	echo "== installing write-good and alex into tests/bench/node_modules (npm)"
	if timeout 300 npm install --prefix "$here" --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1; then
		have_npm_tools=1
	else
		npm_note="npm could not install write-good and alex (see $work/npm.log): skipped"
	fi
else
	npm_note="npm not available: write-good and alex skipped"
fi
[ -n "$npm_note" ] && echo "   note: $npm_note"
wg=$here/node_modules/.bin/write-good
alex=$here/node_modules/.bin/alex
have_proselint=0
command -v proselint >/dev/null && have_proselint=1

# proselint's memo cache, primed on another draft; restored before each run.
pl_cache=$work/proselint-cache
pl_primed=$work/proselint-primed
if [ $have_proselint = 1 ] && [ ! -d "$pl_primed" ]; then
	XDG_CACHE_HOME=$pl_primed proselint "$work/draft-other.txt" >/dev/null 2>&1 || true
fi
pl_prepare="rm -rf '$pl_cache' && cp -r '$pl_primed' '$pl_cache'"

# Warm fulint's spelling table and the page cache.
$fl "$work/draft-2typos.txt" >/dev/null || true
cat "$work"/drafts/*.txt "$work"/big-*.txt >/dev/null

# ------------------------------------------------------------ timing -----
declare -A MED RSS
# bench KEY RUNS [-i STDIN_FILE] [-p PREPARE] -- COMMAND ARG...: median wall
# time (ms) into MED[KEY], peak RSS (KB, largest over the runs) into RSS[KEY].
bench() {
	local key=$1 n=$2 res
	shift 2
	res=$("$timeit" -w "$warm" -r "$n" "$@") || {
		echo "bench: $key failed" >&2
		return 0
	}
	read -r MED[$key] _ _ _ RSS[$key] _ <<<"$res"
	printf '   %-22s %10.2f ms %8s KB\n' "$key" "${MED[$key]}" "${RSS[$key]}"
}

d1=$work/draft-clean.txt
d2=$work/draft-2typos.txt
echo "== one 150-word draft ($runs runs after $warm warm-up runs; median wall time, peak RSS)"
bench fulint "$runs" -- $fl "$d1"
bench hunspell-l "$runs" -- hunspell -l -d en_US "$d1"
bench aspell "$runs" -i "$d1" -- aspell list --lang=en_US
if [ $have_proselint = 1 ]; then
	bench proselint "$runs" -p "$pl_prepare" -- env XDG_CACHE_HOME="$pl_cache" proselint "$d1"
fi
if [ $have_npm_tools = 1 ]; then
	bench write-good "$runs" -- "$wg" "$d1"
	bench alex "$runs" -- "$alex" "$d1"
fi
echo "== the draft with two misspellings"
bench fulint-2typos "$runs" -- $fl "$d2"
bench hunspell-a-2typos "$runs" -i "$d2" -- hunspell -a -d en_US
bench hunspell-l-2typos "$runs" -- hunspell -l -d en_US "$d2"
bench aspell-2typos "$runs" -i "$d2" -- aspell list --lang=en_US
echo "== cold start: the spelling table is built during the run (3 runs)"
bench fulint-cold 3 -p "rm -rf '$work/cold-cache'" -- env XDG_CACHE_HOME="$work/cold-cache" $fl "$d1"

echo "== 10,000 drafts as file arguments ($big_runs runs)"
drafts=("$work"/drafts/*.txt)
bench fulint-10k "$big_runs" -- $fl -j "$jobs" "${drafts[@]}"
bench fulint-10k-j1 "$big_runs" -- $fl -j 1 "${drafts[@]}"
bench aspell-10k "$big_runs" -i "$work/drafts-all.txt" -- aspell list --lang=en_US
echo "== one 5 MB file"
bench fulint-5MB "$big_runs" -- $fl -j "$jobs" "$work/big-5MB.txt"
bench fulint-5MB-j1 "$big_runs" -- $fl -j 1 "$work/big-5MB.txt"
bench aspell-5MB "$big_runs" -i "$work/big-5MB.txt" -- aspell list --lang=en_US
echo "== growth: 1, 2, 4, 8 MiB"
for mb in 1 2 4 8; do
	bench "fulint-${mb}MiB" "$big_runs" -- $fl -j "$jobs" "$work/big-${mb}MiB.txt"
	bench "fulint-${mb}MiB-j1" "$big_runs" -- $fl -j 1 "$work/big-${mb}MiB.txt"
	bench "aspell-${mb}MiB" "$big_runs" -i "$work/big-${mb}MiB.txt" -- aspell list --lang=en_US
done

# ------------------------------------------------------------ report -----
export_vals() {
	local k
	for k in "${!MED[@]}"; do printf 'MED %s %s\n' "$k" "${MED[$k]}"; done
	for k in "${!RSS[@]}"; do printf 'RSS %s %s\n' "$k" "${RSS[$k]}"; done
}
export_vals >"$work/values.txt"
python3 - "$work/values.txt" "$jobs" "$cores" "$npm_note" "$have_proselint" "$n_clean" "$n_typos" \
	"$(hunspell -v 2>/dev/null | head -n 1)" "$(aspell -v 2>/dev/null | head -n 1)" \
	"$(uname -m), $(nproc) cores, $(LC_ALL=C date -u +%Y-%m-%d)" <<'PY' | tee "$work/results.md"
import sys
vals, jobs, cores, npm_note, have_pl, n_clean, n_typos, hv, av, machine = sys.argv[1:11]
MED, RSS = {}, {}
for line in open(vals):
    kind, key, v = line.split()
    (MED if kind == "MED" else RSS)[key] = float(v)

def ms(k):
    return "%.1f" % MED[k] if k in MED else "n/a"
def mb(k):
    return "%.1f" % (RSS[k] / 1024) if k in RSS else "n/a"
def ratio(a, b):
    return MED[a] / MED[b] if a in MED and b in MED and MED[b] > 0 else None
def fr(x):
    return "n/a" if x is None else "%.2f×" % x
def goal(x, limit):
    if x is None:
        return "not measured"
    return "**met**" if x <= limit else "**missed**"

out = []
p = out.append
p("# fulint benchmark results")
p("")
p("Median wall time of the timed runs (tests/bench/timeit.c: fork+exec, no shell), peak RSS = ru_maxrss; %s; fulint -j %s;" % (machine, jobs))
p("%s; %s. Ratios are fulint's time divided by the other tool's, measured in the same run." % (hv, av))
if npm_note:
    p("Note: " + npm_note + ".")
p("Inputs: tests/bench/gen_inputs.c (clean 150-word draft: %s findings; two-misspellings draft: %s spelling findings)." % (n_clean, n_typos))
p("")
p("## Issue 4, point 6: spelling start-up")
p("")
p("| case | fulint (ms) | baseline | baseline (ms) | ratio | goal | result |")
p("|---|---:|---|---:|---:|---:|---|")
r = ratio("fulint", "hunspell-l")
p("| clean 150-word draft | %s | `hunspell -l` | %s | %s | ≤ 0.15× | %s |" % (ms("fulint"), ms("hunspell-l"), fr(r), goal(r, 0.15)))
r = ratio("fulint", "aspell")
p("| clean 150-word draft | %s | `aspell list` | %s | %s | ≤ 2× | %s |" % (ms("fulint"), ms("aspell"), fr(r), goal(r, 2.0)))
r = ratio("fulint-2typos", "hunspell-a-2typos")
p("| draft with two misspellings | %s | `hunspell -a` | %s | %s | ≤ 1.0× | %s |" % (ms("fulint-2typos"), ms("hunspell-a-2typos"), fr(r), goal(r, 1.0)))
p("")
p("Cold start (no spelling table yet; it is built and cached during the run): fulint %s ms on the clean draft." % ms("fulint-cold"))
p("")
p("## Issue 6, point 2: one draft against every tool")
p("")
p("| tool (clean 150-word draft) | median (ms) | fulint ÷ tool | peak RSS (MB) | goal | result |")
p("|---|---:|---:|---:|---|---|")
p("| fulint (all FollowUp rules + spelling) | %s | 1.00× | %s | ≤ 30 MB | %s |" % (ms("fulint"), mb("fulint"),
  "**met**" if "fulint" in RSS and RSS["fulint"] <= 30 * 1024 else "**missed**"))
for key, name, lim in [("hunspell-l", "`hunspell -l`", 0.15), ("aspell", "`aspell list`", 2.0),
                       ("proselint", "proselint (new draft)", 1.0), ("write-good", "write-good (npm)", 1.0),
                       ("alex", "alex (npm)", 1.0)]:
    r = ratio("fulint", key)
    gtxt = "fulint ≤ %.2g×" % lim if lim != 1.0 else "fulint faster"
    res = goal(r, lim) if lim != 1.0 else ("not measured" if r is None else ("**met**" if r < 1.0 else "**missed**"))
    p("| %s | %s | %s | %s | %s | %s |" % (name, ms(key), fr(r), mb(key), gtxt, res))
p("")
p("Two-misspellings draft: fulint %s ms (%s MB), `hunspell -a` %s ms (%s MB), `hunspell -l` %s ms, `aspell list` %s ms." % (
  ms("fulint-2typos"), mb("fulint-2typos"), ms("hunspell-a-2typos"), mb("hunspell-a-2typos"), ms("hunspell-l-2typos"), ms("aspell-2typos")))
p("")
p("## Issue 6, point 2: throughput")
p("")
p("| input | fulint -j %s (ms) | fulint -j 1 (ms) | `aspell list` (ms) | fulint ÷ aspell | goal | result | fulint RSS (MB) |" % jobs)
p("|---|---:|---:|---:|---:|---|---|---:|")
r = ratio("fulint-10k", "aspell-10k")
p("| 10,000 drafts as file arguments (aspell: the same text, concatenated) | %s | %s | %s | %s | ≤ 2× | %s | %s |" % (
  ms("fulint-10k"), ms("fulint-10k-j1"), ms("aspell-10k"), fr(r), goal(r, 2.0), mb("fulint-10k")))
r = ratio("fulint-5MB", "aspell-5MB")
p("| one 5 MB file | %s | %s | %s | %s | ≤ 2× | %s | %s |" % (
  ms("fulint-5MB"), ms("fulint-5MB-j1"), ms("aspell-5MB"), fr(r), goal(r, 2.0), mb("fulint-5MB")))
p("")
p("## Issue 6, point 2: growth with input size")
p("")
p("| size | fulint -j %s (ms) | ms per MiB | fulint -j 1 (ms) | ms per MiB | `aspell list` (ms) | fulint RSS (MB) |" % jobs)
p("|---|---:|---:|---:|---:|---:|---:|")
for m in (1, 2, 4, 8):
    a, b = "fulint-%dMiB" % m, "fulint-%dMiB-j1" % m
    p("| %d MiB | %s | %s | %s | %s | %s | %s |" % (m, ms(a), "%.1f" % (MED[a] / m) if a in MED else "n/a",
      ms(b), "%.1f" % (MED[b] / m) if b in MED else "n/a", ms("aspell-%dMiB" % m), mb(a)))
inc = None
if all("fulint-%dMiB-j1" % m in MED for m in (1, 2, 4, 8)):
    t = {m: MED["fulint-%dMiB-j1" % m] for m in (1, 2, 4, 8)}
    first, last = t[2] - t[1], (t[8] - t[4]) / 4
    inc = last / first if first > 0 else None
    p("")
    p("Extra time per extra MiB (single thread): 1→2 MiB %.0f ms, 2→4 MiB %.0f ms, 4→8 MiB %.0f ms. "
      "The fixed part (start-up, loading Hunspell, suggestions for the few distinct misspellings) "
      "makes small inputs look dear per MiB; what must not grow is the extra cost per extra MiB." % (
          first, (t[4] - t[2]) / 2, last))
p("")
p("Linear growth (extra ms per MiB from 4 to 8 MiB ÷ from 1 to 2 MiB, goal ≤ 1.5): %s → %s." % (
  "n/a" if inc is None else "%.2f" % inc, "not measured" if inc is None else ("**met**" if inc <= 1.5 else "**missed**")))
print("\n".join(out))
PY
echo
echo "(tables written to $work/results.md)"
