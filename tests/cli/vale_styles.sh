#!/usr/bin/env bash
# The Vale-style test folder (tests/data/vale-styles/Vtest: rules of every
# kind, written as Vale documents them) on sample.txt, compared with the
# expected `line` and `vale-json` outputs (computed by hand from Vale's
# semantics, then checked against the CLI).
#
#   bash tests/cli/vale_styles.sh FULINT SOURCE_DIR BUILD_DIR
set -u
fulint=$1 src=$2
dir=$src/tests/data/vale-styles
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME=$t XDG_CONFIG_HOME=$t/config XDG_CACHE_HOME=$t/cache
fail=0

cd "$dir" || exit 2
for fmt in line vale-json; do
  want=expected.line
  [ "$fmt" = vale-json ] && want=expected.vale.json
  timeout 60 "$fulint" --styles-path . --styles Vtest --no-config --format "$fmt" sample.txt > "$t/out" 2> "$t/err"
  rc=$?
  if [ "$rc" != 1 ]; then
    echo "FAIL $fmt: exit $rc (want 1: the sample has error-level findings)"; cat "$t/err"; fail=1
  fi
  if ! diff -u "$want" "$t/out"; then
    echo "FAIL $fmt: output differs from $want"; fail=1
  fi
done

# Every rule loads (no warnings) and the folder lints a clean text without findings.
printf 'Hi Dana,\n\nWhat are the next steps?\n\nBest,\nSam\n' > "$t/clean.txt"
out=$(timeout 60 "$fulint" --styles-path . --styles Vtest --no-config --format line "$t/clean.txt" 2> "$t/err")
rc=$?
if [ "$rc" != 0 ] || [ -n "$out" ] || [ -s "$t/err" ]; then
  echo "FAIL clean text: exit $rc"; echo "$out"; cat "$t/err"; fail=1
fi

[ $fail = 0 ] && echo "vale_styles: ok"
exit $fail
