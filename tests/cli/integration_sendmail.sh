#!/usr/bin/env bash
# fulint-sendmail on its own (no mail client): what reaches the real
# sendmail, byte for byte, with which arguments; refusals; send-anyway;
# fulint failures; binary safety; clean-up.  The real sendmail is
# tests/data/integrations/stub-sendmail, which records what it gets.
#
#   bash tests/cli/integration_sendmail.sh FULINT SOURCE_DIR BUILD_DIR
# shellcheck source=../data/integrations/lib.sh
. "$(dirname "$0")/../data/integrations/lib.sh"

wrapper=$integ/sendmail/fulint-sendmail
stub=$data/stub-sendmail
export FULINT=$fulint
export FULINT_SENDMAIL="$stub -oi"
export STUB_DIR=$work/stub
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
cd "$work" || exit 2

# reset: a fresh, empty stub record.
reset() { rm -rf "$STUB_DIR"; mkdir -p "$STUB_DIR"; }
# nargs FILE ARGS...: write ARGS as the stub records them.
nargs() { local f=$1; shift; printf '%s\0' "$@" > "$f"; }

headers='From: Alex Doe <alex@example.com>
To: Dana Lee <dana@example.org>
Subject: Thank you for the interview
'
{ printf '%s\n' "$headers"; cat "$data/good.txt"; } > good.eml
{ printf '%s\n' "$headers"; cat "$data/bad.txt"; } > bad.eml

# Preconditions: fulint itself passes good.eml and fails bad.eml.
"$fulint" --input email good.eml > pre.out 2>&1
status "precondition: fulint passes good.eml" 0 $?
"$fulint" --input email bad.eml > pre.out 2>&1
status "precondition: fulint fails bad.eml" 1 $?
error_rules bad.eml --input email > bad.rules
check "precondition: bad.eml has error-level findings" test -s bad.rules

# 1. A good message goes through untouched, with all the arguments.
reset
args=(-f alex@example.com -- dana@example.org 'an odd * arg' '')
"$wrapper" "${args[@]}" < good.eml > out 2> err
status "good: exit status of the real sendmail" 0 $?
same "good: the message reaches sendmail byte for byte" good.eml "$STUB_DIR/msg.0"
nargs want.args -oi "${args[@]}"
same "good: all arguments reach sendmail, after the configured ones" want.args "$STUB_DIR/args.0"
check "good: nothing on stdout" test ! -s out
check "good: nothing on stderr" test ! -s err

# 2. A bad message is refused: 65, nothing sent, the report names the rules.
reset
"$wrapper" -- dana@example.org < bad.eml > out 2> err
status "bad: refused with EX_DATAERR" 65 $?
check "bad: nothing reached sendmail" test ! -e "$STUB_DIR/msg.0"
while read -r rule; do
  contains "bad: the report names $rule" err "$rule"
done < bad.rules
contains "bad: the report says how to send anyway" err "X-Fulint: skip"
contains "bad: the report is saved for clients that hide stderr" "$XDG_STATE_HOME/fulint/sendmail-report" "$(head -n 1 bad.rules)"

# 3. X-Fulint: skip sends the bad message minus exactly that header line.
reset
{ printf 'From: Alex Doe <alex@example.com>\nX-Fulint: skip\nTo: Dana Lee <dana@example.org>\nSubject: Thank you\n\n'
  cat "$data/bad.txt"; } > skip.eml
{ printf 'From: Alex Doe <alex@example.com>\nTo: Dana Lee <dana@example.org>\nSubject: Thank you\n\n'
  cat "$data/bad.txt"; } > skip.want
"$wrapper" -- dana@example.org < skip.eml > out 2> err
status "X-Fulint: skip: sent" 0 $?
same "X-Fulint: skip: the message minus that one line" skip.want "$STUB_DIR/msg.0"

# ... case-insensitive, CRLF, as the first line, NUL bytes in the body, no final newline.
reset
printf 'x-fulint:  SKIP \r\nFrom: a@example.com\r\nSubject: s\r\n\r\nbody\0with NUL\r\nthe the [Name]' > skip2.eml
printf 'From: a@example.com\r\nSubject: s\r\n\r\nbody\0with NUL\r\nthe the [Name]' > skip2.want
"$wrapper" x@example.org < skip2.eml 2> err
status "X-Fulint: skip (CRLF, first line, binary body): sent" 0 $?
same "X-Fulint: skip (CRLF, first line, binary body): exact bytes" skip2.want "$STUB_DIR/msg.0"

# ... but only in the header section: in the body it is text and stays.
reset
{ printf '%s\n' "$headers"; printf 'X-Fulint: skip\n'; cat "$data/bad.txt"; } > bodyskip.eml
"$wrapper" x@example.org < bodyskip.eml > out 2> err
status "X-Fulint: skip in the body does not skip" 65 $?
check "X-Fulint: skip in the body: nothing sent" test ! -e "$STUB_DIR/msg.0"

# 4. FULINT_SKIP=1 sends a bad message unchanged.
reset
FULINT_SKIP=1 "$wrapper" x@example.org < bad.eml 2> err
status "FULINT_SKIP=1: sent" 0 $?
same "FULINT_SKIP=1: unchanged" bad.eml "$STUB_DIR/msg.0"

# 5. Binary safety on the lint path: CRLF and no final newline.
reset
sed 's/$/\r/' good.eml | head -c -2 > crlf.eml
"$wrapper" x@example.org < crlf.eml 2> err
status "CRLF, no final newline: sent" 0 $?
same "CRLF, no final newline: exact bytes" crlf.eml "$STUB_DIR/msg.0"

# 6. A 5 MB binary attachment (base64) goes through byte for byte.
reset
head -c 5000000 /dev/urandom > big.bin
{ printf '%sMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b0undary"\n\n' "$headers"
  printf -- '--b0undary\nContent-Type: text/plain; charset=utf-8\n\n'; cat "$data/good.txt"
  printf -- '--b0undary\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n'
  printf 'Content-Disposition: attachment; filename="big.bin"\n\n'
  base64 big.bin; printf -- '--b0undary--\n'; } > big.eml
"$wrapper" x@example.org < big.eml 2> err
status "5 MB attachment: sent" 0 $?
same "5 MB attachment: byte for byte" big.eml "$STUB_DIR/msg.0"

# 7. The real sendmail fails: its status comes back, it got the whole message.
reset
STUB_EXIT=75 "$wrapper" x@example.org < good.eml 2> err
status "sendmail fails: its exit status (75) is returned" 75 $?
same "sendmail fails: it had received the whole message" good.eml "$STUB_DIR/msg.0"

# 8. fulint itself fails (a bad configuration): refused by default (78) and
# fulint's message shown; sent unchanged with FULINT_ON_ERROR=send.
reset
FULINT_ARGS="--config $work/no-such-config.yml" "$wrapper" x@example.org < good.eml > out 2> err
status "fulint fails: refused (EX_CONFIG)" 78 $?
check "fulint fails: nothing sent" test ! -e "$STUB_DIR/msg.0"
"$fulint" --config "$work/no-such-config.yml" good.eml > /dev/null 2> direct.err
contains "fulint fails: fulint's own message is shown" err "$(head -n 1 direct.err)"
contains "fulint fails: says it could not check" err "could not check"
FULINT_ON_ERROR=send FULINT_ARGS="--config $work/no-such-config.yml" "$wrapper" x@example.org < good.eml > out 2> err
status "fulint fails, FULINT_ON_ERROR=send: sent" 0 $?
same "fulint fails, FULINT_ON_ERROR=send: unchanged" good.eml "$STUB_DIR/msg.0"
reset
FULINT=$work/no-such-fulint "$wrapper" x@example.org < good.eml > out 2> err
status "fulint missing: refused" 78 $?
contains "fulint missing: says so" err "cannot run"
FULINT_ON_ERROR=maybe "$wrapper" x@example.org < good.eml > out 2> err
status "bad FULINT_ON_ERROR: usage error" 64 $?
check "bad settings: nothing sent" test ! -e "$STUB_DIR/msg.0"

# 9. The real sendmail cannot be found.
FULINT_SENDMAIL="$work/no-such-sendmail -oi" "$wrapper" x@example.org < good.eml > out 2> err
status "sendmail missing: EX_UNAVAILABLE" 69 $?
contains "sendmail missing: says so" err "cannot run the real sendmail"

# 10. The configuration file, and the environment winning over it.
reset
mkdir -p "$XDG_CONFIG_HOME/fulint"
printf '# test\nsendmail = %s -X  \non_error=send\n' "$stub" > "$XDG_CONFIG_HOME/fulint/sendmail.conf"
env -u FULINT_SENDMAIL FULINT_ARGS="--config $work/no-such-config.yml" "$wrapper" y@example.org < good.eml > out 2> err
status "config file: on_error=send honoured" 0 $?
nargs want.args -X y@example.org
same "config file: sendmail command from the file" want.args "$STUB_DIR/args.0"
reset
"$wrapper" z@example.org < good.eml 2> err
nargs want.args -oi z@example.org
same "config file: FULINT_SENDMAIL wins" want.args "$STUB_DIR/args.0"
rm -f "$XDG_CONFIG_HOME/fulint/sendmail.conf"

# 11. Modes where stdin is not a message (-bs: SMTP on stdin) are handed
# over untouched, without linting.
reset
printf 'EHLO x\r\nQUIT\r\n' > smtp.in
"$wrapper" -bs < smtp.in 2> err
status "-bs: handed to sendmail" 0 $?
same "-bs: stdin untouched" smtp.in "$STUB_DIR/msg.0"
nargs want.args -oi -bs
same "-bs: arguments untouched" want.args "$STUB_DIR/args.0"

# 12. The temporary copy is private (mode 600 in a 700 folder) and removed.
reset
cat > spy-fulint <<EOF
#!/bin/sh
stat -L -c %a /proc/self/fd/0 > "$work/spy.mode"
stat -c %a "\$(dirname "\$(readlink /proc/self/fd/0)")" > "$work/spy.dirmode"
exec "$fulint" "\$@"
EOF
chmod +x spy-fulint
FULINT=$work/spy-fulint "$wrapper" x@example.org < good.eml 2> err
status "spy: sent" 0 $?
check "temporary copy is mode 600" grep -qx 600 spy.mode
check "temporary folder is mode 700" grep -qx 700 spy.dirmode
"$wrapper" x@example.org < bad.eml > /dev/null 2>&1
check "no temporary files left behind" test -z "$(ls -A "$TMPDIR")"

# 13. Installed side by side (bin/fulint-sendmail, bin/fulint), the wrapper
# finds its fulint without FULINT or PATH.
reset
mkdir -p inst/bin && cp "$wrapper" inst/bin/ && ln -s "$fulint" inst/bin/fulint
env -u FULINT PATH=/usr/bin:/bin inst/bin/fulint-sendmail x@example.org < bad.eml > out 2> err
status "installed: the sibling fulint is used (bad message refused)" 65 $?
env -u FULINT PATH=/usr/bin:/bin inst/bin/fulint-sendmail x@example.org < good.eml > out 2> err
status "installed: the sibling fulint is used (good message sent)" 0 $?
same "installed: good message unchanged" good.eml "$STUB_DIR/msg.0"

# 14. Speed: the wrapper adds little to fulint itself (generous bound).
start=$(date +%s%N)
for _ in 1 2 3 4 5; do "$wrapper" x@example.org < good.eml 2> /dev/null; done
end=$(date +%s%N)
ms=$(( (end - start) / 5000000 ))
echo "     (wrapper + fulint + stub: ${ms} ms per message)"
check "a message goes through in under a second" test "$ms" -lt 1000

finish
