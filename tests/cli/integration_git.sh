#!/usr/bin/env bash
# git send-email (Debian git-email) with fulint: the sendemail-validate hook
# (notes are linted, cover letters up to their shortlog, patches skipped),
# and fulint-sendmail as git's sendmail (--smtp-server=/path).  Mail goes to
# tests/data/integrations/stub-sendmail, which records what it gets.
#
#   bash tests/cli/integration_git.sh FULINT SOURCE_DIR BUILD_DIR
# shellcheck source=../data/integrations/lib.sh
. "$(dirname "$0")/../data/integrations/lib.sh"

command -v git > /dev/null 2>&1 || skip_all "git is not installed"
[ -x "$(git --exec-path)/git-send-email" ] || skip_all "git send-email is not installed (Debian package git-email)"

export FULINT=$fulint
export STUB_DIR=$work/stub TEE_DIR=$work/tee
export GIT_AUTHOR_NAME='Alex Doe' GIT_AUTHOR_EMAIL=alex@example.com
export GIT_COMMITTER_NAME='Alex Doe' GIT_COMMITTER_EMAIL=alex@example.com
reset() { rm -rf "$STUB_DIR" "$TEE_DIR"; mkdir -p "$STUB_DIR" "$TEE_DIR"; }
count() { find "$STUB_DIR" -name 'msg.*' | wc -l; }

repo=$work/repo
git init -q "$repo" && cd "$repo" || exit 2
install -m 755 "$integ/git/sendemail-validate" .git/hooks/sendemail-validate

# gsend FILES...: git send-email to the stub; status in $rc, output in ./send.log
gsend() {
  timeout 120 git send-email --smtp-server="$data/stub-sendmail" --confirm=never --suppress-cc=all \
    --from='Alex Doe <alex@example.com>' --to=dana@example.org "$@" < /dev/null > send.log 2>&1
  rc=$?
}

headers='From: Alex Doe <alex@example.com>
To: Dana Lee <dana@example.org>
Subject: Thank you for the interview
'
{ printf '%s\n' "$headers"; cat "$data/good.txt"; } > good.eml
{ printf '%s\n' "$headers"; cat "$data/bad.txt"; } > bad.eml

# 1. A note written as an e-mail file.
reset
gsend good.eml
status "hook, good note: git send-email succeeds" 0 "$rc"
check "hook, good note: one message sent" test "$(count)" -eq 1
contains "hook, good note: its text was sent" "$STUB_DIR/msg.0" "$(sed -n 3p "$data/good.txt")"

reset
gsend bad.eml
check "hook, bad note: git send-email fails" test "$rc" -ne 0
check "hook, bad note: nothing sent" test "$(count)" -eq 0
contains "hook, bad note: git names the hook" send.log "rejected by sendemail-validate hook"
# The report's positions are the file's own: the hook shows what fulint
# reports when given the file directly.
"$fulint" --input email --format gnu --stdin-filename "$repo/bad.eml" - < bad.eml > direct.gnu
check "precondition: fulint finds problems in bad.eml" test -s direct.gnu
while IFS= read -r line; do
  contains "hook, bad note: reports '${line:0:60}...'" send.log "$line"
done < <(grep ': error: ' direct.gnu)

reset
FULINT_SKIP=1 gsend bad.eml
status "hook, FULINT_SKIP=1: sent" 0 "$rc"
reset
gsend --no-validate bad.eml
status "hook, --no-validate: sent" 0 "$rc"

reset
FULINT_ARGS="--config $work/missing.yml" gsend good.eml
check "hook, fulint fails: refused" test "$rc" -ne 0
check "hook, fulint fails: nothing sent" test "$(count)" -eq 0
contains "hook, fulint fails: said plainly" send.log "fulint could not check"
reset
FULINT_ON_ERROR=send FULINT_ARGS="--config $work/missing.yml" gsend good.eml
status "hook, fulint fails, FULINT_ON_ERROR=send: sent" 0 "$rc"

# 2. A patch series with a cover letter.  The commit message has an error
# ("the the"); it is in the patch and in the cover letter's shortlog, and
# neither is linted.  The cover letter's own text is.
echo one > file.txt && git add file.txt && git commit -q -m 'Fix the the typo in the readme' -m 'The readme said the the twice.'
echo two >> file.txt && git commit -q -am 'Add a second line'
git format-patch -q --cover-letter -o series --root > /dev/null
cover=$(ls series/0000-*)
check "precondition: the shortlog repeats the commit subject" grep -q 'the the' "$cover"
sed -i 's/\*\*\* SUBJECT HERE \*\*\*/Thank you for the interview/' "$cover"
cp "$cover" cover.orig
sed -i 's/\*\*\* BLURB HERE \*\*\*/Per my last email, you still have not replied. [Name]/' "$cover"
reset
gsend series/*.patch
check "series, bad cover letter: refused" test "$rc" -ne 0
check "series, bad cover letter: nothing sent" test "$(count)" -eq 0
contains "series, bad cover letter: the blurb's problem is reported" send.log "FollowUp.Placeholder"
if grep -q 'RepeatedWord' send.log; then bad "series: the shortlog was not linted" "$(cat send.log)"; else ok "series: the shortlog was not linted"; fi

cp cover.orig "$cover"
sed -i "s/\\*\\*\\* BLURB HERE \\*\\*\\*/$(sed -n 3p "$data/good.txt" | sed 's/[\/&]/\\&/g')/" "$cover"
reset
gsend series/*.patch
status "series, good cover letter: sent (patches are not linted)" 0 "$rc"
check "series, good cover letter: three messages sent" test "$(count)" -eq 3

reset
FULINT_GIT_PATCHES=message gsend series/*.patch
check "series, FULINT_GIT_PATCHES=message: the commit message is linted" test "$rc" -ne 0
contains "series, FULINT_GIT_PATCHES=message: its problem is named" send.log "FollowUp.RepeatedWord"

git config fulint.lintPatches true
reset
gsend series/*.patch
check "series, git config fulint.lintPatches true: the commit message is linted" test "$rc" -ne 0
git config --unset fulint.lintPatches

# 3. fulint-sendmail as git's sendmail (no hook): tee-sendmail records what
# git hands over, fulint-sendmail passes it on to the stub.
rm -f .git/hooks/sendemail-validate
export TEE_NEXT=$integ/sendmail/fulint-sendmail FULINT_SENDMAIL=$data/stub-sendmail
tsend() {
  timeout 120 git send-email --smtp-server="$data/tee-sendmail" --confirm=never --suppress-cc=all \
    --from='Alex Doe <alex@example.com>' --to=dana@example.org "$@" < /dev/null > send.log 2>&1
  rc=$?
}
reset
tsend good.eml
status "git -> fulint-sendmail, good: sent" 0 "$rc"
same "git -> fulint-sendmail, good: byte-identical to what git produced" "$TEE_DIR/msg.0" "$STUB_DIR/msg.0"
same "git -> fulint-sendmail, good: same arguments" "$TEE_DIR/args.0" "$STUB_DIR/args.0"
reset
tsend bad.eml
check "git -> fulint-sendmail, bad: git fails" test "$rc" -ne 0
check "git -> fulint-sendmail, bad: nothing reached sendmail" test "$(count)" -eq 0
error_rules "$TEE_DIR/msg.0" --input email > bad.rules
check "precondition: fulint finds errors in what git produced" test -s bad.rules
while read -r rule; do
  contains "git -> fulint-sendmail, bad: the report names $rule" send.log "$rule"
done < bad.rules

finish
