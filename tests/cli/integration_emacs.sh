#!/usr/bin/env bash
# Emacs (Debian emacs-nox) in batch mode: fulint-message-send-check on
# message-send-hook aborts a bad message and lets a good one through (via
# the real `message-send`), and the fulint-flymake backend reports the
# positions, spans, types and texts fulint reports.  The checks themselves
# are in tests/data/integrations/fulint-test.el.
#
#   bash tests/cli/integration_emacs.sh FULINT SOURCE_DIR BUILD_DIR
# shellcheck source=../data/integrations/lib.sh
. "$(dirname "$0")/../data/integrations/lib.sh"

command -v emacs > /dev/null 2>&1 || skip_all "emacs is not installed (Debian package emacs-nox)"
cd "$work" || exit 2

{ printf 'From: Alex Doe <alex@example.com>\nTo: Dana Lee <dana@example.org>\nSubject: Thank you for the interview\n\n'
  cat "$data/bad.txt"; } > bad.eml
FULINT_TEST_BAD_RULES=$(error_rules bad.eml --input email | paste -sd ' ')
export FULINT_TEST_BAD_RULES FULINT_TEST_BIN=$fulint FULINT_TEST_DATA=$data FULINT_TEST_OUT=$work/emacs.out

# fulint.el must load and byte-compile without warnings.
cp "$integ/emacs/fulint.el" .
if timeout 120 emacs -Q --batch --eval '(setq byte-compile-error-on-warn t)' -f batch-byte-compile fulint.el > compile.log 2>&1; then ok "fulint.el byte-compiles without warnings"; else bad "fulint.el byte-compiles without warnings" "$(cat compile.log)"; fi

timeout 300 emacs -Q --batch -L "$integ/emacs" -l "$integ/emacs/fulint.el" -l "$data/fulint-test.el" > emacs.log 2>&1
rc=$?
if [ ! -s emacs.out ]; then
  bad "the Emacs checks ran (exit status $rc)" "$(tail -n 30 emacs.log)"
else
  while IFS= read -r line; do
    case $line in
      'ok   '*) ok "${line#ok   }" ;;
      *) bad "${line#FAIL }" ;;
    esac
  done < emacs.out
fi

finish
