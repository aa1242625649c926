# lib.sh - shared by tests/cli/integration_*.sh (sourced, bash).
#
# Gives: $fulint $src $build (the three CTest arguments, absolute), $work (a
# private scratch folder, removed on exit unless FULINT_KEEP_TEST_DIR is
# set), an isolated HOME/XDG_* under it, the counters and helpers below, and
# $integ (linter/integrations) and $data (this folder).
set -u
fulint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
build=$(mkdir -p "$3" && cd "$3" && pwd)
integ=$src/linter/integrations
data=$src/tests/data/integrations
work=$(mktemp -d "${TMPDIR:-/tmp}/fulint-integ.XXXXXXXX")
if [ -n "${FULINT_KEEP_TEST_DIR:-}" ]; then
  echo "(keeping $work)"
else
  trap 'rm -rf "$work"' EXIT
fi
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$work/cache}
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
unset FULINT FULINT_ARGS FULINT_SENDMAIL FULINT_SKIP FULINT_ON_ERROR FULINT_SENDMAIL_CONFIG FULINT_GIT_PATCHES
export LC_ALL=C.UTF-8 NO_COLOR=1

passed=0 failed=0
# ok NAME / bad NAME [DETAIL...]
ok() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
bad() {
  failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; shift
  local d; for d in "$@"; do printf '     %s\n' "$d" | head -c 2000; done
}
# check NAME COMMAND...: ok when COMMAND succeeds.
check() { local n=$1; shift; if "$@"; then ok "$n"; else bad "$n" "command failed: $*"; fi; }
# same NAME EXPECTED_FILE ACTUAL_FILE: byte-for-byte equality.
same() {
  if cmp -s "$2" "$3"; then ok "$1"; else
    bad "$1" "$(cmp "$2" "$3" 2>&1)" "sizes: $(wc -c < "$2" 2>/dev/null) vs $(wc -c < "$3" 2>/dev/null)"; fi
}
# status NAME WANT GOT
status() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "exit status $3, wanted $2"; fi; }
# contains NAME FILE FIXED_STRING
contains() { if grep -qF -- "$3" "$2" 2>/dev/null; then ok "$1"; else bad "$1" "'$3' not in $2:" "$(head -c 1500 "$2" 2>/dev/null)"; fi; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
skip_all() { echo "skipped: $1"; exit 0; }

# error_rules FILE [fulint options...]: the rule ids of the findings at
# level error that fulint itself reports for FILE, one per line, sorted.
error_rules() {
  local f=$1; shift
  "$fulint" --format gnu --no-exit "$@" "$f" | sed -n 's/^.*: error: .* \[\([^] ]*\)\]$/\1/p' | sort -u
}
