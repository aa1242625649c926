#!/usr/bin/env bash
# Golden tests: every draft in corpus/ (and corpus/email/) is linted with the
# built-in rules and no configuration, in the gnu and json formats; the
# output and exit status must equal the files checked in under tests/golden/.
#
#   bash tests/cli/golden.sh FULINT SOURCE_DIR BUILD_DIR
#   FULINT_REGEN=1 bash tests/cli/golden.sh ...   rewrite the expectations (review the diff!)
set -u
fulint=$1 src=$2
golden=$src/tests/golden
cd "$src" || exit 2
export NO_COLOR=1
fail=0 n=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
shopt -s nullglob
for f in corpus/*.txt corpus/email/*.eml; do
  name=${f#corpus/}; name=${name//\//__}
  for fmt in gnu json; do
    out=$("$fulint" --no-config --format "$fmt" "$f" 2>&1); rc=$?
    actual=$(printf '%s\n# exit %s\n' "$out" "$rc")
    exp=$golden/$name.$fmt
    n=$((n + 1))
    if [ "${FULINT_REGEN:-}" = 1 ]; then
      mkdir -p "$golden"; printf '%s\n' "$actual" > "$exp"; continue
    fi
    if [ ! -f "$exp" ]; then
      echo "MISSING $exp (run with FULINT_REGEN=1 and review)"; fail=$((fail + 1)); continue
    fi
    if ! diff -u "$exp" <(printf '%s\n' "$actual") > "$tmp"; then
      echo "DIFF $f ($fmt):"; head -40 "$tmp"; fail=$((fail + 1))
    fi
  done
done
# Expectations whose draft is gone are stale.
for exp in "$golden"/*.gnu; do
  base=$(basename "$exp" .gnu); path=corpus/${base//__//}
  [ -f "$path" ] || { echo "STALE $exp (no $path)"; fail=$((fail + 1)); }
done
echo "golden: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
