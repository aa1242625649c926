#!/usr/bin/env bash
# neomutt (the Debian package) in batch mode sending through fulint-sendmail.
#
# neomutt's $sendmail is tee-sendmail, which records exactly what neomutt
# hands over (arguments and bytes) and then runs fulint-sendmail; the real
# sendmail behind it is stub-sendmail, which records what it finally gets.
# So "what neomutt produced" and "what reached sendmail" come from the same
# run and must be byte-identical.  A second run with $sendmail set straight
# to the stub shows the wrapper changes nothing neomutt would send (only
# the Date header, neomutt's clock, may differ between the two runs).
#
#   bash tests/cli/integration_neomutt.sh FULINT SOURCE_DIR BUILD_DIR
# shellcheck source=../data/integrations/lib.sh
. "$(dirname "$0")/../data/integrations/lib.sh"

command -v neomutt > /dev/null 2>&1 || skip_all "neomutt is not installed (Debian package neomutt)"

wrapper=$integ/sendmail/fulint-sendmail
export FULINT=$fulint
export FULINT_SENDMAIL=$data/stub-sendmail
export TEE_NEXT=$wrapper
export STUB_DIR=$work/stub TEE_DIR=$work/tee
cd "$work" || exit 2

reset() { rm -rf "$STUB_DIR" "$TEE_DIR"; mkdir -p "$STUB_DIR" "$TEE_DIR"; }

cat > muttrc <<EOF
set sendmail="$data/tee-sendmail -oem -oi"
set sendmail_wait=0
set from="Alex Doe <alex@example.com>"
set use_from=yes
set hostname="example.com"
set record=""
set postponed="$work/postponed"
set charset="utf-8"
set send_charset="utf-8"
EOF
# A -H draft supplies the headers (a fixed Message-ID); neomutt appends
# standard input to its body.
printf 'From: Alex Doe <alex@example.com>\nTo: Dana Lee <dana@example.org>\nSubject: Thank you for the interview\nMessage-ID: <fulint-test.1@example.com>\n\n' > headers
printf 'From: Alex Doe <alex@example.com>\nTo: Dana Lee <dana@example.org>\nSubject: Thank you for the interview\nX-Fulint: skip\nMessage-ID: <fulint-test.2@example.com>\n\n' > headers-skip

# mutt_send HEADERS BODY [neomutt args...]: send in batch mode; exit status
# in $rc, neomutt's stderr in ./mutt.err.
mutt_send() {
  local h=$1 b=$2; shift 2
  # -H first: options after "-a FILE --" would be taken for recipients.
  timeout 120 neomutt -n -F muttrc -H "$h" "$@" < "$b" > mutt.out 2> mutt.err
  rc=$?
}

# 1. A good draft: sent, and sendmail gets exactly what neomutt produced.
reset
mutt_send headers "$data/good.txt"
status "good draft: neomutt reports success" 0 "$rc"
check "good draft: neomutt produced a message" test -s "$TEE_DIR/msg.0"
"$fulint" --input email "$TEE_DIR/msg.0" > pre.out 2>&1
status "precondition: fulint passes the message neomutt produced" 0 $?
same "good draft: byte-identical to what neomutt produced" "$TEE_DIR/msg.0" "$STUB_DIR/msg.0"
same "good draft: the same arguments as neomutt gave" "$TEE_DIR/args.0" "$STUB_DIR/args.0"
check "good draft: the arguments end with -- and the recipient" \
  bash -c "tr '\\0' '\\n' < '$STUB_DIR/args.0' | tail -n 2 | paste -sd ' ' | grep -qx -- '-- dana@example.org'"
cp "$STUB_DIR/msg.0" via-wrapper.eml

# ... and the same as neomutt sends with no wrapper at all (Date masked).
reset
sed -i "s|^set sendmail=.*|set sendmail=\"$data/stub-sendmail -oem -oi\"|" muttrc
mutt_send headers "$data/good.txt"
status "direct: neomutt sends without the wrapper" 0 "$rc"
sed '1,/^$/s/^Date: .*/Date: (masked)/' via-wrapper.eml > a.masked
sed '1,/^$/s/^Date: .*/Date: (masked)/' "$STUB_DIR/msg.0" > b.masked
same "direct: same bytes as without the wrapper (Date masked)" b.masked a.masked
sed -i "s|^set sendmail=.*|set sendmail=\"$data/tee-sendmail -oem -oi\"|" muttrc

# 2. A bad draft: refused, nothing reaches sendmail, the report names the findings.
reset
mutt_send headers "$data/bad.txt"
check "bad draft: neomutt reports failure" test "$rc" -ne 0
check "bad draft: neomutt produced a message" test -s "$TEE_DIR/msg.0"
check "bad draft: nothing reached sendmail" test ! -e "$STUB_DIR/msg.0"
contains "bad draft: neomutt shows the wrapper's exit status" mutt.err "child exited 65"
error_rules "$TEE_DIR/msg.0" --input email > bad.rules
check "precondition: fulint finds errors in the message neomutt produced" test -s bad.rules
while read -r rule; do
  contains "bad draft: the report shown by neomutt names $rule" mutt.err "$rule"
done < bad.rules

# 3. The same bad draft with X-Fulint: skip: sent, minus exactly that line.
reset
mutt_send headers-skip "$data/bad.txt"
status "X-Fulint: skip: neomutt reports success" 0 "$rc"
grep -c -i -x 'X-Fulint: skip' "$TEE_DIR/msg.0" > n.hdr
check "X-Fulint: skip: neomutt passed the header on" grep -qx 1 n.hdr
grep -v -i -x 'X-Fulint: skip' "$TEE_DIR/msg.0" > skip.want
same "X-Fulint: skip: the message minus that line" skip.want "$STUB_DIR/msg.0"

# ... or with neomutt's own environment: :setenv FULINT_SKIP 1.
reset
mutt_send headers "$data/bad.txt" -e 'setenv FULINT_SKIP 1'
status "setenv FULINT_SKIP 1: neomutt reports success" 0 "$rc"
same "setenv FULINT_SKIP 1: byte-identical" "$TEE_DIR/msg.0" "$STUB_DIR/msg.0"

# 4. A 5 MB binary attachment: byte for byte.
reset
head -c 5000000 /dev/urandom > big.bin
mutt_send headers "$data/good.txt" -a big.bin --
status "5 MB attachment: neomutt reports success" 0 "$rc"
check "5 MB attachment: the message is over 5 MB" test "$(wc -c < "$TEE_DIR/msg.0")" -gt 5000000
same "5 MB attachment: byte-identical" "$TEE_DIR/msg.0" "$STUB_DIR/msg.0"

# 5. The real sendmail fails (EX_TEMPFAIL): neomutt is told, nothing is lost.
reset
STUB_EXIT=75 mutt_send headers "$data/good.txt"
check "sendmail fails: neomutt reports failure" test "$rc" -ne 0
contains "sendmail fails: neomutt sees exit status 75" mutt.err "child exited 75"
same "sendmail fails: the real sendmail had the whole message" "$TEE_DIR/msg.0" "$STUB_DIR/msg.0"

# 6. fulint cannot run (bad configuration): refused by default, and said so.
reset
FULINT_ARGS="--config $work/missing.yml" mutt_send headers "$data/good.txt"
check "fulint fails: neomutt reports failure" test "$rc" -ne 0
contains "fulint fails: neomutt sees EX_CONFIG" mutt.err "child exited 78"
contains "fulint fails: the reason is shown" mutt.err "could not check"
check "fulint fails: nothing reached sendmail" test ! -e "$STUB_DIR/msg.0"

finish
