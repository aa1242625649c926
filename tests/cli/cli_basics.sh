#!/usr/bin/env bash
# CLI behaviour: inputs, exit codes, formats, colour, options, errors.
# Each case: expected exit status, and patterns stdout/stderr must (not) match.
#
#   bash tests/cli/cli_basics.sh FULINT SOURCE_DIR BUILD_DIR
set -u
fulint=$1 src=$2
t=$(mktemp -d)
trap 'chmod -R u+rwx "$t" 2>/dev/null; rm -rf "$t"' EXIT
cd "$t" || exit 2
export NO_COLOR=
unset NO_COLOR
export HOME=$t/home XDG_CONFIG_HOME=$t/config XDG_CACHE_HOME=${XDG_CACHE_HOME:-$t/cache}
mkdir -p "$HOME"

pass=0 fail=0
# run NAME RC [--out REGEX] [--notout REGEX] [--err REGEX] [--noerr REGEX] [--stdin FILE] -- ARGS...
run() {
  local name=$1 want=$2; shift 2
  local out_re=() notout_re=() err_re=() noerr_re=() stdin=/dev/null
  while [ "$1" != -- ]; do
    case $1 in
      --out) out_re+=("$2") ;; --notout) notout_re+=("$2") ;;
      --err) err_re+=("$2") ;; --noerr) noerr_re+=("$2") ;;
      --stdin) stdin=$2 ;;
    esac; shift 2
  done; shift
  local out err rc ok=1 why=""
  out=$(timeout 60 "$fulint" "$@" < "$stdin" 2> "$t/stderr"); rc=$?
  err=$(cat "$t/stderr")
  [ "$rc" = "$want" ] || { ok=0; why+=" exit $rc (want $want)"; }
  local re
  for re in "${out_re[@]}"; do grep -Eq -- "$re" <<<"$out" || { ok=0; why+=" stdout lacks /$re/"; }; done
  for re in "${notout_re[@]}"; do grep -Eq -- "$re" <<<"$out" && { ok=0; why+=" stdout has /$re/"; }; done
  for re in "${err_re[@]}"; do grep -Eq -- "$re" <<<"$err" || { ok=0; why+=" stderr lacks /$re/"; }; done
  for re in "${noerr_re[@]}"; do grep -Eq -- "$re" <<<"$err" && { ok=0; why+=" stderr has /$re/"; }; done
  if [ $ok = 1 ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name:$why"; echo "  stdout: ${out:0:400}"; echo "  stderr: ${err:0:400}"; fi
}

cat > clean.txt <<'EOF'
Hi Dana,

Thank you for meeting with me on Tuesday to discuss the data analyst role at Northwind. I enjoyed learning how your team uses SQL and Tableau to guide pricing, and I am excited about the chance to help.

Please let me know if I can send anything else. I look forward to hearing about the next steps.

Best regards,
Priya Raman
EOF
cat > bad.txt <<'EOF'
Hi Dana,

Per my last email, you still haven't replied!! I am VERY interested in teh role at [Company Name].

Thanks,
Priya
EOF
printf 'Hi Dana,\n\nThank you for the interview\xff\xfe at Northwind. I am excited about the role. What are the next steps?\n\nBest,\nPriya\n' > badutf8.txt
printf '\xef\xbb\xbfHi Dana,\r\n\r\nThank you for the interview at Northwind. I am excited about the role!! What are the next steps?\r\n\r\nBest,\r\nPriya\r\n' > bom-crlf.txt
: > empty.txt
head -c 4096 /dev/urandom > binary.bin; printf 'x\0y' >> binary.bin
mkdir adir

# --- basics ---
run version 0 --out '^fulint [0-9]+\.[0-9]+\.[0-9]+$' -- --version
run help 0 --out 'usage: fulint' --out 'Exit status' -- --help
run unknown-option 2 --err "unknown option '--bogus'" -- --bogus
run missing-value 2 --err "needs a value" -- --format
run bad-format 2 --err "unknown format 'xml'" -- --format xml clean.txt
run conflicting-config 2 --err "cannot be used together" -- --config x.yml --no-config clean.txt
run bad-jobs 2 --err "--jobs needs a number" -- -j 0 clean.txt

# --- exit codes ---
run clean-exit0 0 --notout 'error|warning' -- --no-config clean.txt
run bad-exit1 1 --out 'bad.txt:3:[0-9]+: error: .*\[FollowUp.Scolding\]' -- --no-config bad.txt
run no-exit 0 --out 'FollowUp.Scolding' -- --no-config --no-exit bad.txt
run fail-level-warning 1 --out 'warning' -- --no-config --fail-level warning bad.txt
run min-level-error 1 --notout ': warning: ' --out ': error: ' -- --no-config --min-level error bad.txt
run rule-off 1 --notout 'FollowUp.Scolding' -- --no-config --rule FollowUp.Scolding=off bad.txt
run rule-level 1 --out 'note: .*\[FollowUp.Scolding\]' -- --no-config --rule FollowUp.Scolding=suggestion bad.txt
run rule-unknown 2 --err "rule 'FollowUp.Nope' not found" -- --no-config --rule FollowUp.Nope=on bad.txt
run rule-badvalue 2 --err "bad value" -- --no-config --rule FollowUp.Scolding=loud bad.txt
run styles-none 0 --notout 'FollowUp' -- --no-config --styles '' bad.txt

# --- inputs ---
run stdin-default 1 --stdin bad.txt --out '^<stdin>:3:' -- --no-config
run stdin-dash 1 --stdin bad.txt --out '^<stdin>:3:' -- --no-config -
run stdin-filename 1 --stdin bad.txt --out '^draft\.txt:3:' -- --no-config --stdin-filename draft.txt -
run stdin-twice 2 --err "only once" -- --no-config - -
run several-files 1 --out '^bad\.txt:' --notout '^clean\.txt:' -- --no-config clean.txt bad.txt
run missing-file 2 --err 'nope\.txt: No such file' --out '^bad\.txt:' -- --no-config nope.txt bad.txt
run directory 2 --err 'adir: is a directory' -- --no-config adir clean.txt
run binary 2 --err 'binary\.bin: binary data' -- --no-config binary.bin
run empty 0 -- --no-config --min-level error empty.txt
run devnull 0 -- --no-config --min-level error /dev/null
run invalid-utf8 1 --out 'badutf8\.txt:3:28: error: invalid UTF-8 byte 0xFF.*\[fulint.Encoding\]' -- --no-config badutf8.txt
run invalid-utf8-once 1 --out 'fulint.Encoding' -- --no-config badutf8.txt
[ "$("$fulint" --no-config badutf8.txt | grep -c fulint.Encoding)" = 1 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL invalid-utf8 reported more than once"; }
run bom-crlf 0 --out 'bom-crlf\.txt:3:[0-9]+: warning: .*FollowUp.Exclamation' -- --no-config --no-exit bom-crlf.txt
if [ "$(id -u)" != 0 ]; then
  cp clean.txt noperm.txt; chmod 000 noperm.txt
  run permission 2 --err 'noperm\.txt: Permission denied' -- --no-config noperm.txt
fi

# --- formats ---
run fmt-gnu 1 --out '^bad\.txt:[0-9]+:[0-9]+: (error|warning|note): .* \[FollowUp\.[A-Za-z]+\]$' -- --no-config -f gnu bad.txt
run fmt-line 1 --out '^bad\.txt:[0-9]+:[0-9]+:FollowUp\.[A-Za-z]+:' -- --no-config -f line bad.txt
run fmt-json 1 --out '"version": 1' --out '"rule": "FollowUp.Scolding"' --out '"summary"' -- --no-config -f json bad.txt
run fmt-vale-json 1 --out '"bad.txt": \[' --out '"Check": "FollowUp.Scolding"' --out '"Severity": "error"' -- --no-config -f vale-json bad.txt
run fmt-pretty 1 --out 'FollowUp.Scolding' --out '\^' --notout $'\e\\[' -- --no-config -f pretty bad.txt
run pretty-color 1 --out $'\e\\[' -- --no-config -f pretty --color bad.txt
NO_COLOR=1 run no-color-env 1 --notout $'\e\\[' -- --no-config -f pretty --color bad.txt
run default-gnu-when-piped 1 --out '^bad\.txt:[0-9]+:[0-9]+: ' -- --no-config bad.txt
run json-clean 0 --out '"findings": \[\]' -- --no-config -f json --min-level warning clean.txt

# --- configuration ---
mkdir -p proj/sub
cat > proj/.fulint.yml <<'EOF'
rules:
  FollowUp.Scolding: off
EOF
( cd proj/sub && out=$("$fulint" ../../bad.txt); echo "$out" ) | grep -q FollowUp.Scolding \
  && { fail=$((fail + 1)); echo "FAIL config-walk-up: .fulint.yml in a parent was not used"; } || pass=$((pass + 1))
printf 'rules:\n  FollowUp.Scolding: loud\n' > badcfg.yml
run config-bad-value 2 --err 'badcfg\.yml:2:[0-9]+: ' -- --config badcfg.yml bad.txt
run config-missing 2 --err 'nofile\.yml' -- --config nofile.yml bad.txt
mkdir -p "$XDG_CONFIG_HOME/fulint"
printf 'rules:\n  FollowUp.Scolding: off\n' > "$XDG_CONFIG_HOME/fulint/config.yml"
run xdg-config 1 --notout 'Scolding' -- bad.txt
run no-config-ignores 1 --out 'Scolding' -- --no-config bad.txt
rm "$XDG_CONFIG_HOME/fulint/config.yml"

# --- rules listing and examples ---
run list-rules 0 --out '^FollowUp\.Scolding +error +existence' -- --no-config --list-rules
run test-rules 0 --out 'examples checked' --out ', 0 failed' -- --no-config --test-rules "$src/rules"

# --- personal word list ---
run add-word 0 --out "added 'Zyntrixa'" -- --add-word Zyntrixa
grep -qx Zyntrixa "$XDG_CONFIG_HOME/fulint/words" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL add-word did not write the list"; }
run add-word-twice 0 --out 'already' -- --add-word Zyntrixa
run add-word-space 2 --err 'not one word' -- --add-word 'two words'

echo "cli_basics: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
