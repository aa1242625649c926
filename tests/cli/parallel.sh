#!/usr/bin/env bash
# tests/cli/parallel.sh - one large input on several threads: a ~1.5 MiB
# text built from the corpus drafts (misspellings and findings of many
# rules) must give byte-identical gnu and json output with -j1, -j2 and
# -j4, and the split path must really be taken (FULINT_DEBUG_CHUNKS).
# Usage: parallel.sh FULINT SOURCE_DIR BUILD_DIR
set -euo pipefail
fulint=$1 src=$2 build=$3
work=$(mktemp -d "$build/parallel.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0

# Deterministic: the drafts in name order, blank line between, until ~1.5 MiB.
big=$work/big.txt
: > "$big"
while [ "$(wc -c < "$big")" -lt 1572864 ]; do
  for f in $(LC_ALL=C ls "$src"/corpus/*.txt); do
    cat "$f" >> "$big"
    printf '\n\n' >> "$big"
  done
done
head -c 400000 "$big" > "$work/medium.txt"

for fmt in gnu json; do
  "$fulint" --no-config --no-exit -f "$fmt" -j1 "$big" > "$work/j1.$fmt"
  for j in 2 4; do
    "$fulint" --no-config --no-exit -f "$fmt" -j"$j" "$big" > "$work/j$j.$fmt"
    if ! cmp -s "$work/j1.$fmt" "$work/j$j.$fmt"; then
      echo "FAIL: -j$j $fmt output differs from -j1"; diff "$work/j1.$fmt" "$work/j$j.$fmt" | head -5; fail=1
    fi
  done
  # two files on four threads: the spare threads split both; argument order kept
  "$fulint" --no-config --no-exit -f "$fmt" -j1 "$big" "$work/medium.txt" > "$work/two1.$fmt"
  "$fulint" --no-config --no-exit -f "$fmt" -j4 "$big" "$work/medium.txt" > "$work/two4.$fmt"
  cmp -s "$work/two1.$fmt" "$work/two4.$fmt" || { echo "FAIL: two files, -j4 $fmt differs from -j1"; fail=1; }
done
n=$(grep -c 'FollowUp\.' "$work/j1.gnu" || true)
rules=$(grep -o '\[FollowUp\.[A-Za-z]*\]' "$work/j1.gnu" | sort -u | wc -l)
spell=$(grep -c 'FollowUp.Spelling' "$work/j1.gnu" || true)
[ "$n" -gt 1000 ] && [ "$rules" -ge 10 ] && [ "$spell" -gt 10 ] ||
  { echo "FAIL: the big input should have many findings of many rules ($n findings, $rules rules, $spell spelling)"; fail=1; }

# The split path is taken with -j2, not with -j1.
c2=$(FULINT_DEBUG_CHUNKS=1 "$fulint" --no-config --no-exit -j2 "$big" 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) chunks$/\1/p')
c1=$(FULINT_DEBUG_CHUNKS=1 "$fulint" --no-config --no-exit -j1 "$big" 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) chunks$/\1/p')
[ "${c2:-0}" -ge 10 ] || { echo "FAIL: -j2 should split the big input into chunks (got '${c2:-}')"; fail=1; }
[ "${c1:-0}" -eq 1 ] || { echo "FAIL: -j1 should not split (got '${c1:-}')"; fail=1; }
# A small draft is never split.
cs=$(FULINT_DEBUG_CHUNKS=1 "$fulint" --no-config --no-exit -j2 "$src/corpus/127-nudge-kitchen-sink.txt" 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) chunks$/\1/p')
[ "${cs:-0}" -eq 1 ] || { echo "FAIL: a small draft should not be split (got '${cs:-}')"; fail=1; }

[ $fail -eq 0 ] && echo "parallel: ok ($n findings of $rules rules, $c2 chunks)"
exit $fail
