#!/usr/bin/env bash
# cache.sh - the rule cache ($XDG_CACHE_HOME/fulint/rules.flb: parsed rule
# files and compiled patterns) must never change what fulint reports.
#
#   bash tests/cli/cache.sh FULINT SOURCE_DIR BUILD_DIR
#
# Every run below is compared with a reference run that has no cache folder
# at all (no XDG_CACHE_HOME, no HOME): stdout, stderr and exit status must
# be byte-identical, in the gnu and json formats, whether the cache is cold,
# warm, damaged (bytes overwritten in the middle, truncated, garbage
# appended, empty), a folder, unreadable, or impossible to create.  A
# damaged cache must be rewritten by the next run, and a warm run must not
# rewrite a good one.  A user style with a bad regex fails the same way
# (exit 2, same message) cold and warm, and once the file is fixed, or
# edited in place keeping its size and mtime, the next run uses the new
# rule (the cache is keyed by content, never stale).
#
# Prints one line per check; exits 1 at the first failure, 2 when it cannot run.
set -u
if [ $# -lt 2 ]; then
	echo "usage: $0 FULINT SOURCE_DIR [BUILD_DIR]" >&2
	exit 2
fi
fulint=$1 src=$2
case $fulint in /*) ;; *) fulint=$PWD/$fulint ;; esac
t=$(mktemp -d) || exit 2
trap 'chmod -R u+rwx "$t" 2>/dev/null; rm -rf "$t"' EXIT
export HOME=$t/home XDG_CONFIG_HOME=$t/config XDG_CACHE_HOME=$t/cache
mkdir -p "$HOME" || exit 2
unset NO_COLOR
cachedir=$XDG_CACHE_HOME/fulint
cache=$cachedir/rules.flb
cd "$src/corpus" || exit 2

# Clean drafts, drafts with warnings, drafts with errors (exit 1), and an e-mail.
drafts=(
	001-thankyou-clean-nurse.txt
	033-thankyou-smalltalk-exclaim-swe.txt
	038-thankyou-exclaim-run-designer.txt
	041-thankyou-emoji-smiley-marketing.txt
	054-nudge-scolding-lastemail-sales.txt
	email/caps-long-subject-wrong-name.eml
)
for d in "${drafts[@]}"; do [ -f "$d" ] || { echo "cannot run: corpus/$d missing"; exit 2; }; done

checks=0
ok() { checks=$((checks + 1)); echo "ok   $*"; }
fail() { echo "FAIL $*"; exit 1; }

sum() { if [ -e "$1" ]; then cksum < "$1" 2>/dev/null || echo unreadable; else echo none; fi; }

# lint TAG [ENV...]: lint the drafts in both formats into $t/TAG.{gnu,json}.{out,err,rc}.
# One job (-j 1): with several threads and no usable spell table, Hunspell is
# created on two threads at once (see the regression check at the end), which
# would make these byte comparisons depend on something other than the cache.
lint() {
	local tag=$1 fmt; shift
	for fmt in gnu json; do
		env "$@" timeout 300 "$fulint" -j 1 --no-config -f "$fmt" "${drafts[@]}" \
			> "$t/$tag.$fmt.out" 2> "$t/$tag.$fmt.err"
		echo $? > "$t/$tag.$fmt.rc"
	done
}

# same A B WHAT: runs A and B gave identical stdout, stderr and exit status
same() {
	local a=$1 b=$2 what=$3 fmt part
	for fmt in gnu json; do
		for part in out err rc; do
			if ! cmp -s "$t/$a.$fmt.$part" "$t/$b.$fmt.$part"; then
				echo "--- $a.$fmt.$part vs $b.$fmt.$part:"
				diff "$t/$a.$fmt.$part" "$t/$b.$fmt.$part" | head -20
				fail "$what: $fmt $part differs from the run without a cache"
			fi
		done
	done
	ok "$what: gnu and json output and exit status as without a cache"
}

# --- reference: no cache folder at all ---
lint ref -u XDG_CACHE_HOME -u HOME
[ -e "$cachedir" ] && fail "a run without XDG_CACHE_HOME and HOME made $cachedir"
ref_rc=$(cat "$t/ref.gnu.rc")
[ "$ref_rc" = 1 ] || fail "reference run: exit $ref_rc (want 1: draft 054 has an error)"
grep -q 'FollowUp.Scolding' "$t/ref.gnu.out" || fail "reference run: no FollowUp.Scolding finding"
grep -q '"rule": "FollowUp.Exclamation"' "$t/ref.json.out" || fail "reference run: json has no Exclamation"
ok "reference run without a cache: exit 1 with findings"

# --- cold, then warm ---
rm -rf "$cachedir"
lint cold
[ -f "$cache" ] || fail "cold run: $cache was not written"
same ref cold "cold cache"
good=$(sum "$cache")
lint warm
same ref warm "warm cache"
[ "$(sum "$cache")" = "$good" ] || fail "warm run: rules.flb was rewritten although every entry was a hit"
ok "warm run left rules.flb as it was"

# damage DESCRIPTION: after the cache was damaged, output is unchanged and the file rewritten
expect_repaired() {
	local what=$1 bad
	bad=$(sum "$cache")
	lint damaged
	same ref damaged "$what"
	[ "$(sum "$cache")" != "$bad" ] || fail "$what: rules.flb was not rewritten"
	ok "$what: rules.flb rewritten"
	lint again
	same ref again "$what, next run"
	local fixed
	fixed=$(sum "$cache")
	lint again2
	[ "$(sum "$cache")" = "$fixed" ] || fail "$what: the rewritten rules.flb is rewritten again (not valid?)"
	ok "$what: the rewritten file is used as is"
}

size=$(stat -c %s "$cache")
[ "$size" -gt 4096 ] || fail "rules.flb is only $size bytes"

# bytes overwritten in the middle (inside some entry)
printf 'CORRUPTED-BYTES!CORRUPTED-BYTES!' | dd of="$cache" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
[ "$(stat -c %s "$cache")" = "$size" ] || fail "dd changed the size"
expect_repaired "32 bytes overwritten in the middle"

# one byte inverted near the end (the last entry's value; entry padding is under 8 bytes)
off=$(($(stat -c %s "$cache") - 20))
byte=$(od -An -tu1 -j "$off" -N1 "$cache" | tr -d ' ')
printf "\\$(printf %03o $((byte ^ 255)))" | dd of="$cache" bs=1 seek="$off" conv=notrunc 2>/dev/null
[ "$(od -An -tu1 -j "$off" -N1 "$cache" | tr -d ' ')" = $((byte ^ 255)) ] || fail "could not flip a byte (test bug)"
expect_repaired "a byte inverted near the end"

truncate -s -5 "$cache"
expect_repaired "truncated by 5 bytes"

head -c 100 /dev/urandom >> "$cache"
expect_repaired "100 bytes of garbage appended"

: > "$cache"
expect_repaired "an empty rules.flb"

printf 'XX' | dd of="$cache" bs=1 seek=0 conv=notrunc 2>/dev/null
expect_repaired "the magic overwritten"

# --- something else than a readable file in its place ---
rm -f "$cache"
mkdir "$cache"
lint isdir
same ref isdir "rules.flb is a folder"
[ -d "$cache" ] || fail "the folder in place of rules.flb was removed"
[ -z "$(find "$cachedir" -maxdepth 1 -name 'rules.flb.*' -print -quit)" ] || fail "temporary files left in $cachedir"
ok "rules.flb is a folder: left alone, no temporary files left"
rmdir "$cache"

lint cold2
same ref cold2 "cold again"
if [ "$(id -u)" = 0 ]; then
	echo "note: running as root, where chmod 000 does not stop reads: unreadable-file case skipped"
else
	chmod 000 "$cache"
	lint unreadable
	same ref unreadable "rules.flb unreadable (chmod 000)"
	chmod 600 "$cache" 2>/dev/null
fi

# the cache folder cannot be made: XDG_CACHE_HOME is a file
: > "$t/cachefile"
lint nodir XDG_CACHE_HOME="$t/cachefile"
same ref nodir "XDG_CACHE_HOME is a file"

# a read-only cache folder (again only meaningful when not root)
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$cachedir"
	lint rodir
	same ref rodir "read-only cache folder"
	chmod 755 "$cachedir"
fi

# --- a user style with a bad regex ---
mkdir -p "$t/styles/Mine"
style=$t/styles/Mine/Bad.yml
cat > "$style" <<'EOF'
extends: existence
message: "Avoid %s."
level: error
tokens:
  - alpha
  - '(unclosed'
EOF
printf 'We left the door unclosed and wide open, alpha and omega.\n' > "$t/s.txt"

# style TAG: lint s.txt with only the user style
style_run() {
	(cd "$t" && timeout 120 "$fulint" --no-config --styles-path styles --styles Mine s.txt \
		> "$t/$1.out" 2> "$t/$1.err"; echo $? > "$t/$1.rc")
}
style_same() {
	local a=$1 b=$2 what=$3 part
	for part in out err rc; do
		cmp -s "$t/$a.$part" "$t/$b.$part" || {
			diff "$t/$a.$part" "$t/$b.$part" | head -10
			fail "$what: $part differs"
		}
	done
}

rm -rf "$cachedir"
style_run bad-cold
[ "$(cat "$t/bad-cold.rc")" = 2 ] || fail "bad regex, cold cache: exit $(cat "$t/bad-cold.rc") (want 2)"
grep -q "styles/Mine/Bad.yml:6:5: bad regex in 'tokens' at offset 9: missing closing parenthesis" "$t/bad-cold.err" \
	|| { cat "$t/bad-cold.err"; fail "bad regex, cold cache: unexpected message"; }
[ -s "$t/bad-cold.out" ] && fail "bad regex, cold cache: something on stdout"
ok "bad regex, cold cache: exit 2, $(cat "$t/bad-cold.err")"
[ -f "$cache" ] || fail "bad regex run did not write rules.flb (the good parts should be cached)"
style_run bad-warm
style_same bad-cold bad-warm "bad regex, warm cache"
ok "bad regex, warm cache: same exit status and message"
style_run bad-warm2
style_same bad-cold bad-warm2 "bad regex, third run"
ok "bad regex, third run: same (the bad regex was not cached)"
(cd "$t" && env -u XDG_CACHE_HOME -u HOME timeout 120 "$fulint" --no-config --styles-path styles --styles Mine s.txt \
	> "$t/bad-ref.out" 2> "$t/bad-ref.err"; echo $? > "$t/bad-ref.rc")
style_same bad-ref bad-warm "bad regex, no cache vs warm"
ok "bad regex: same as without a cache"

# fixed: the new rule takes effect on the next run
sed -i "s/'(unclosed'/'(unclosed)'/" "$style"
style_run fixed
[ "$(cat "$t/fixed.rc")" = 1 ] || { cat "$t/fixed.err"; fail "fixed style: exit $(cat "$t/fixed.rc") (want 1)"; }
grep -q '^s.txt:1:18: error: Avoid unclosed. \[Mine.Bad\]$' "$t/fixed.out" || { cat "$t/fixed.out"; fail "fixed style: no finding for 'unclosed'"; }
grep -q '^s.txt:1:42: error: Avoid alpha. \[Mine.Bad\]$' "$t/fixed.out" || { cat "$t/fixed.out"; fail "fixed style: no finding for 'alpha'"; }
[ -s "$t/fixed.err" ] && { cat "$t/fixed.err"; fail "fixed style: something on stderr"; }
ok "fixed style: the corrected regex is used at once"
style_run fixed-warm
style_same fixed fixed-warm "fixed style, warm"
ok "fixed style, warm cache: same findings"

# an edit that keeps size and mtime: still picked up (the key is the content)
cp -p "$style" "$t/stamp"
sed -i "s/'(unclosed)'/'wide\\\\sopen'/" "$style" # 10 characters for 10
grep -qF "'wide\\sopen'" "$style" || fail "the edit did not apply (test bug)"
touch -r "$t/stamp" "$style"
[ "$(stat -c %s "$style")" = "$(stat -c %s "$t/stamp")" ] || fail "the edit changed the size (test bug)"
[ "$(stat -c %Y "$style")" = "$(stat -c %Y "$t/stamp")" ] || fail "the edit changed the mtime (test bug)"
style_run edited
[ "$(cat "$t/edited.rc")" = 1 ] || fail "edited style: exit $(cat "$t/edited.rc")"
grep -q 'Avoid wide open\. \[Mine.Bad\]' "$t/edited.out" || { cat "$t/edited.out"; fail "edited style (same size and mtime): the new token is not used (stale cache)"; }
grep -q 'Avoid unclosed' "$t/edited.out" && { cat "$t/edited.out"; fail "edited style (same size and mtime): the old token still fires (stale cache)"; }
ok "edited style with the same size and mtime: the new token is used, the old one is gone"

# back to the bad regex: an error again, cold-equivalent message
cat > "$style" <<'EOF'
extends: existence
message: "Avoid %s."
level: error
tokens:
  - alpha
  - '(unclosed'
EOF
style_run bad-again
style_same bad-cold bad-again "bad regex restored"
ok "bad regex restored after good runs: same exit 2 and message"

# --- regression: Hunspell loaded on several threads at once ---
# Without a usable spell table (no cache folder, as in the reference run), each
# CLI job thread (linter/cli/cli_jobs.c: one fulint_linter per worker) loads
# its own Hunspell.  Hunspell_create/Hunspell_destroy share a global, unlocked
# table (initialize_utf_tbl / free_utf_tbl); before fl_speller.c serialised
# them, ASan reported "Direct leak of 393216 byte(s) ... in
# initialize_utf_tbl()" in 1 run in 10 to 50 with -j 4.  Only a sanitized
# build can see it, so the check runs there.
build=${3:-}
if [ -n "$build" ] && grep -qs '^FULINT_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
	for i in $(seq 1 60); do
		env -u XDG_CACHE_HOME -u HOME timeout 300 "$fulint" -j 4 --no-config -f gnu "${drafts[@]}" \
			> "$t/race.out" 2> "$t/race.err"
		rc=$?
		if [ "$rc" != "$ref_rc" ] || [ -s "$t/race.err" ] || ! cmp -s "$t/race.out" "$t/ref.gnu.out"; then
			head -12 "$t/race.err"
			fail "-j 4 without a spell table, run $i: exit $rc and/or stderr above (concurrent Hunspell_create in CLI job threads?)"
		fi
	done
	ok "-j 4 without a spell table: 60 clean runs (no Hunspell creation race)"
fi

echo "$checks checks passed"
exit 0
