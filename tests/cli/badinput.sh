#!/usr/bin/env bash
# tests/cli/badinput.sh - the bad-input suite: what fulint(1) does with
# drafts, e-mails, rule files, configuration files and command lines that
# are broken, hostile, huge or odd.
#
#   bash tests/cli/badinput.sh FULINT SOURCE_DIR BUILD_DIR
#
# Every case asserts one specific clean outcome: the exit status, and either
# exactly one line of error on stderr (usage errors may add the single hint
# line "Try 'fulint --help'.") or specific findings.  Any case that crashes
# (exit status >= 128), hangs (killed by `timeout`, status 124) or makes a
# sanitizer speak (ASan, UBSan, LeakSanitizer in the FULINT_SANITIZE build)
# fails, whatever else it printed.  Big inputs are generated under
# BUILD_DIR (removed at the end).  Fixtures: tests/data/badinput/.
#
# The 100 MB plain-text case takes about a minute of CPU in a release build
# and many times that under ASan: it runs in release builds only (set
# BADINPUT_HEAVY=1 to force it, 0 to skip it).  Cases that need a non-root
# user (permission denied) run as `nobody` through setpriv when the suite
# runs as root, and are skipped when that is impossible.
#
# Prints one line per failure and "N passed, N failed, N skipped"; exit 1
# when anything failed.
set -u
if [ $# -lt 3 ]; then
	echo "usage: bash tests/cli/badinput.sh FULINT SOURCE_DIR BUILD_DIR" >&2
	exit 2
fi
fulint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
build=$(cd "$3" && pwd)
data=$src/tests/data/badinput

w=$(mktemp -d "$build/badinput.XXXXXX") || exit 2
cleanup() {
	jobs -p | xargs -r kill 2>/dev/null
	chmod -R u+rwx "$w" 2>/dev/null
	rm -rf "$w"
}
trap cleanup EXIT
cd "$w" || exit 2
mkdir -p home config
export HOME=$w/home XDG_CONFIG_HOME=$w/config
# CTest passes a shared cache folder (kept warm between runs); else our own.
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$w/cache}
export LC_ALL=C.UTF-8
unset NO_COLOR DICPATH

sanitized=0
if ldd "$fulint" 2>/dev/null | grep -Eq 'lib(asan|ubsan)'; then sanitized=1; fi
heavy=${BADINPUT_HEAVY:-$((1 - sanitized))}

pass=0 fail=0 skip=0
failures=()

# ---------------------------------------------------------------- helpers --

# run [--timeout S] [--stdin FILE] [--stdout FILE] -- ARGS...
# Runs fulint; sets $rc, $out (stdout file), $err (stderr file).
out=$w/.stdout err=$w/.stderr rc=0
run() {
	local tmo=60 stdin=/dev/null stdout=$out
	while [ "$1" != -- ]; do
		case $1 in
			--timeout) tmo=$2 ;;
			--stdin) stdin=$2 ;;
			--stdout) stdout=$2 ;;
		esac
		shift 2
	done
	shift
	timeout -k 5 "$tmo" "$fulint" "$@" <"$stdin" >"$stdout" 2>"$err"
	rc=$?
	[ "$stdout" = "$out" ] || : >"$out"
}

# Current case's verdict.
case_name="" case_ok=1 case_why="" case_t0=0
begin() {
	case_name=$1 case_ok=1 case_why="" case_t0=$SECONDS
}
no() {
	case_ok=0
	case_why+="; $*"
}
end() {
	# Whatever the case asserted: no crash, no hang, no sanitizer report.
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		no "hung (killed by timeout)"
	elif [ "$rc" -ge 128 ]; then
		no "crashed (exit $rc)"
	fi
	if grep -Eq 'Sanitizer|runtime error:|==[0-9]+==ERROR' "$err" 2>/dev/null; then
		no "sanitizer report: $(grep -Em1 'Sanitizer|runtime error:|ERROR' "$err")"
	fi
	if [ $((SECONDS - case_t0)) -ge 5 ]; then
		echo "time $case_name: $((SECONDS - case_t0)) s"
	fi
	if [ "$case_ok" = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failures+=("$case_name")
		echo "FAIL $case_name${case_why}"
		echo "  exit $rc; stdout: $(head -c 300 "$out" | tr '\n' '|')"
		echo "  stderr: $(head -c 300 "$err" | tr '\n' '|')"
	fi
}
skipped() {
	skip=$((skip + 1))
	echo "skip $1: $2"
}

want_rc() {
	[ "$rc" = "$1" ] || no "exit $rc, want $1"
}
# want_err REGEX: stderr is exactly one line (plus the optional usage hint)
# and it matches REGEX.
want_err() {
	local lines
	lines=$(grep -vFx "Try 'fulint --help'." "$err")
	if [ "$(printf '%s' "$lines" | grep -c '')" != 1 ] || [ "$(wc -l <"$err")" -gt 2 ]; then
		no "stderr is not one line ($(wc -l <"$err") lines)"
	fi
	grep -Eq -- "$1" <<<"$lines" || no "stderr lacks /$1/"
}
want_no_err() {
	[ -s "$err" ] && no "unexpected stderr"
	return 0
}
want_out() {
	grep -Eq -- "$1" "$out" || no "stdout lacks /$1/"
}
want_not_out() {
	grep -Eq -- "$1" "$out" && no "stdout has /$1/"
	return 0
}
want_no_out() {
	[ -s "$out" ] && no "unexpected stdout"
	return 0
}
# want_fast SECONDS START: the case took at most SECONDS of wall time.
want_fast() {
	local took=$((SECONDS - $2))
	[ "$took" -le "$1" ] || no "took ${took}s, want <= $1s"
}

# A clean draft and one with a misspelling, reused below.
cat >clean.txt <<'EOF'
Hi Dana,

Thank you for meeting with me on Tuesday to discuss the data analyst role at Northwind. I enjoyed learning how your team uses SQL and Tableau to guide pricing, and I am excited about the chance to help.

Please let me know if I can send anything else. I look forward to hearing about the next steps.

Best regards,
Priya Raman
EOF
sed 's/discuss the data/discuss the dtaa/' clean.txt >typo.txt
# draft_with BYTES...: the clean draft with printf-escaped bytes after "Thank you".
draft_with() {
	printf 'Hi Dana,\n\nThank you %b for meeting with me on Tuesday. I am excited about the role. What are the next steps?\n\nBest regards,\nPriya Raman\n' "$1"
}
ENC='^[^:]+:3:11: error: .*\[fulint\.Encoding\]'

# ================================================================ drafts ==

begin "utf8: overlong C0 80"
draft_with '\xc0\x80' >ov2.txt
run -- ov2.txt
want_rc 1; want_out "$ENC"; want_out '0xC0'; want_no_err; end

begin "utf8: overlong E0 80 80"
draft_with '\xe0\x80\x80' >ov3.txt
run -- ov3.txt
want_rc 1; want_out "$ENC"; want_out '0xE0'; want_no_err; end

begin "utf8: overlong F0 80 80 80"
draft_with '\xf0\x80\x80\x80' >ov4.txt
run -- ov4.txt
want_rc 1; want_out "$ENC"; want_out '0xF0'; want_no_err; end

begin "utf8: 5-byte sequence F8 88 80 80 80"
draft_with '\xf8\x88\x80\x80\x80' >f8.txt
run -- f8.txt
want_rc 1; want_out "$ENC"; want_out '0xF8'; want_no_err; end

begin "utf8: surrogate U+D800 encoded (ED A0 80)"
draft_with '\xed\xa0\x80' >sur.txt
run -- sur.txt
want_rc 1; want_out "$ENC"; want_out '0xED'; want_no_err; end

begin "utf8: surrogate pair encoded as two sequences (CESU-8)"
draft_with '\xed\xa0\xbd\xed\xb8\x80' >cesu.txt
run -- cesu.txt
want_rc 1; want_out "$ENC"; want_no_err; end

begin "utf8: beyond U+10FFFF (F4 90 80 80)"
draft_with '\xf4\x90\x80\x80' >big.txt
run -- big.txt
want_rc 1; want_out "$ENC"; want_no_err; end

begin "utf8: lone continuation bytes and FF FE"
draft_with '\x80\xbf\xff\xfe' >cont.txt
run -- cont.txt
want_rc 1; want_out "$ENC"; want_no_err; end

begin "utf8: truncated sequence at the end of the file"
printf 'Hi Dana,\n\nThank you for meeting with me. What are the next steps?\n\nBest regards,\nPriya \xe2\x82' >trunc.txt
run -- trunc.txt
want_rc 1; want_out '^trunc.txt:[0-9]+:[0-9]+: error: .*\[fulint\.Encoding\]'; want_no_err; end

begin "utf8: Latin-1 draft is reported and still checked"
printf 'Hi Dana,\n\nThank you for the r\xe9sum\xe9 tips. I enjoyed the tuor of the office.\n\nBest regards,\nPriya Raman\n' >latin1.txt
run -- latin1.txt
want_rc 1; want_out '^latin1.txt:3:20: error: .*0xE9.*\[fulint\.Encoding\]'
want_out "^latin1.txt:3:[0-9]+: error: .*'tuor'.*\[FollowUp\.Spelling\]"; want_no_err; end

begin "nul: early NUL byte is binary data (exit 2)"
printf 'Hi\0Dana, thank you.\n' >nul-early.txt
run -- nul-early.txt
want_rc 2; want_no_out; want_err '^fulint: nul-early.txt: binary data \(NUL byte at offset 2\)'; end

begin "nul: late NUL after 8 KB of text is an Encoding finding"
{
	printf 'Hi Dana,\n\n'
	for i in $(seq 1 140); do echo "Thank you for the interview today and for the tour of the office."; done
	printf 'A stray\0byte.\n\nBest regards,\nPriya Raman\n'
} >nul-late.txt
run -- nul-late.txt
want_rc 1; want_out '^nul-late.txt:143:8: error: .*NUL.*\[fulint\.Encoding\]'; want_no_err; end

begin "binary: a gzip file"
head -c 65536 "$fulint" | gzip -9 >bin.gz
run -- bin.gz
want_rc 2; want_no_out; want_err '^fulint: bin.gz: binary data'; end

begin "binary: an ELF executable"
run -- "$fulint"
want_rc 2; want_no_out; want_err 'binary data'; end

begin "/dev/null: nothing to lint"
run -- /dev/null
want_rc 0; want_no_out; want_no_err; end

begin "empty file: nothing to lint"
: >empty.txt
run -- empty.txt
want_rc 0; want_no_out; want_no_err; end

begin "10 MB single line ends in time"
head -c 10000000 /dev/zero | tr '\0' 'a' >line10m.txt
t0=$SECONDS
run --timeout 300 -- line10m.txt
want_rc 0; want_out '^line10m.txt:1:1: '; want_no_err; want_fast 300 "$t0"; end

begin "1,000,000 short lines"
yes 'Thanks!' | head -n 1000000 >lines.txt
run --timeout 300 -- --format json lines.txt
want_rc 0; want_out '"FollowUp\.Exclamation"'; want_no_err; end

begin "file over the 200 MiB cap (sparse) is refused at once"
truncate -s 210M huge.txt
t0=$SECONDS
run --timeout 30 -- huge.txt
want_rc 2; want_no_out; want_err '^fulint: huge.txt: larger than 200 MiB'; want_fast 10 "$t0"; end

begin "over the cap through a pipe (stdin) is refused"
run --timeout 120 --stdin <(head -c 220000000 /dev/zero | tr '\0' 'a') -- -
want_rc 2; want_no_out; want_err '^fulint: <stdin>: larger than 200 MiB'; end

begin "100 MB e-mail: a short note and a 100 MB attachment"
{
	printf 'From: Priya Raman <priya@example.com>\nTo: Dana Fox <dana@example.com>\nSubject: Thank you\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\n'
	cat typo.txt
	printf '\n--b1\nContent-Type: application/octet-stream; name="data.bin"\nContent-Disposition: attachment\nContent-Transfer-Encoding: base64\n\n'
	head -c 75000000 /dev/zero | base64 -w 76
	printf '\n--b1--\n'
} >big.eml
t0=$SECONDS
run --timeout 300 -- big.eml
want_rc 1; want_out "^big.eml:[0-9]+:[0-9]+: error: .*'dtaa'.*\[FollowUp\.Spelling\]"; want_no_err
want_fast 300 "$t0"; end
rm -f big.eml

if [ "$heavy" = 1 ]; then
	begin "100 MB plain-text file is linted"
	# 100 MB of sentences in the corpus style (deterministic).
	awk 'BEGIN { srand(7); n = split("thank you for the interview today I enjoyed meeting your team and learning about the role next steps", v, " ");
	       while (b < 104857600) { s = ""; for (i = 0; i < 14; i++) s = s v[int(rand() * n) + 1] " "; s = toupper(substr(s, 1, 1)) substr(s, 2, length(s) - 2) ".";
	         if (rand() < 0.1) s = s "\n"; print s; b += length(s) + 1 } }' >big100.txt
	t0=$SECONDS
	run --timeout 900 -- -j 2 --format json big100.txt
	[ "$rc" = 0 ] || [ "$rc" = 1 ] || no "exit $rc, want 0 or 1"
	want_out '"path": "big100.txt"'; want_out '"FollowUp\.'; want_no_err; want_fast 900 "$t0"; end
	rm -f big100.txt
else
	skipped "100 MB plain-text file" "heavy cases off (sanitizer build, or BADINPUT_HEAVY=0)"
fi

begin "CRLF and lone CR line ends"
printf 'Hi Dana,\r\n\r\nThank you for the interveiw.\rI am excited about the role. What are the next steps?\r\n\r\nBest regards,\r\nPriya Raman\r\n' >crlf.txt
run -- crlf.txt
want_rc 1; want_out "^crlf.txt:3:19: error: .*'interveiw'.*\[FollowUp\.Spelling\]"; want_no_err; end

begin "FIFO with a writer in the background"
mkfifo pipe.fifo
(cat typo.txt >pipe.fifo) &
run --timeout 30 -- pipe.fifo
want_rc 1; want_out "^pipe.fifo:3:[0-9]+: error: .*'dtaa'"; want_no_err; end
wait

begin "a directory"
mkdir -p adir
run -- adir
want_rc 2; want_no_out; want_err '^fulint: adir: is a directory'; end

begin "a path through a regular file (file.txt/x)"
run -- clean.txt/x
want_rc 2; want_no_out; want_err '^fulint: clean.txt/x: Not a directory$'; end

begin "a dangling symbolic link"
ln -s "$w/no-such-target.txt" dangling.txt
run -- dangling.txt
want_rc 2; want_no_out; want_err '^fulint: dangling.txt: No such file or directory$'; end

begin "a missing file among good ones: the others are still reported, in order"
run -- typo.txt missing.txt crlf.txt
want_rc 2; want_err '^fulint: missing.txt: No such file or directory$'
want_out "^typo.txt:3:"; want_out "^crlf.txt:3:"
[ "$(cut -d: -f1 "$out" | uniq | tr '\n' ' ')" = "typo.txt crlf.txt " ] || no "output not in argument order"; end

begin "permission denied"
cp typo.txt secret.txt
chmod 000 secret.txt
chmod 711 "$w" # so that another user can reach secret.txt itself
if [ "$(id -u)" != 0 ]; then
	run -- secret.txt
	want_rc 2; want_no_out; want_err '^fulint: secret.txt: Permission denied$'; end
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups "$fulint" --version >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$w"; then
	timeout 30 setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent XDG_CACHE_HOME=/nonexistent \
		"$fulint" "$w/secret.txt" >"$out" 2>"$err"
	rc=$?
	want_rc 2; want_no_out; want_err "^fulint: $w/secret.txt: Permission denied\$"; end
else
	skipped "permission denied" "running as root and cannot run fulint as nobody"
fi

begin "a file that vanishes while fulint runs"
mkdir -p vanish
for i in $(seq -w 1 3000); do cp clean.txt "vanish/d$i.txt"; done
(sleep 0.05; rm -f vanish/d2*.txt) &
run --timeout 120 -- -j 2 vanish/*.txt
wait
[ "$rc" = 0 ] || [ "$rc" = 2 ] || no "exit $rc, want 0 or 2"
if [ -s "$err" ]; then
	grep -Ev '^fulint: vanish/d2[0-9]+\.txt: No such file or directory$' "$err" | grep -q . && no "unexpected stderr line"
	[ "$rc" = 2 ] || no "errors but exit $rc"
fi
want_not_out 'FollowUp'; end
rm -rf vanish

begin "10,000 small files as arguments, output in argument order"
mkdir -p many
awk 'BEGIN { for (i = 0; i < 10000; i++) { f = sprintf("many/d%05d.txt", i);
	printf "Hi Dana,\n\nThank you for meeting with me about the analyst role. I am excited about %s team. I look forward to hearing about the next steps.\n\nBest regards,\nPriya Raman\n", (i % 1000 == 0 ? "teh" : "the") > f; close(f) } }'
t0=$SECONDS
run --timeout 300 -- many/*.txt
want_rc 1; want_no_err
[ "$(grep -c "'teh'" "$out")" = 10 ] || no "want 10 'teh' findings, got $(grep -c "'teh'" "$out")"
[ "$(grep "'teh'" "$out" | cut -d: -f1 | tr '\n' ' ')" = "$(for i in 0 1 2 3 4 5 6 7 8 9; do printf 'many/d%05d.txt ' $((i * 1000)); done)" ] ||
	no "findings not in argument order"
[ "$(cut -d: -f1 "$out" | uniq | wc -l)" = 10 ] || no "findings in files without a typo"
want_fast 300 "$t0"; end
rm -rf many

# ================================================================ stdin ===

begin "stdin: a draft on standard input"
run --stdin typo.txt -- --stdin-filename draft.txt -
want_rc 1; want_out "^draft.txt:3:[0-9]+: error: .*'dtaa'"; want_no_err; end

begin "stdin: '-' given twice"
run --stdin typo.txt -- - -
want_rc 2; want_no_out; want_err "^fulint: standard input \('-'\) can be given only once$"; end

begin "stdin: closed standard input"
timeout 30 "$fulint" - <&- >"$out" 2>"$err"
rc=$?
want_rc 2; want_no_out; want_err '^fulint: <stdin>: '; end

# ================================================================ output ==

begin "output: closed standard output"
timeout 30 "$fulint" typo.txt >&- 2>"$err"
rc=$?
: >"$out"
want_rc 2; want_err '^fulint: cannot write the report: '; end

begin "output: /dev/full"
run --stdout /dev/full -- typo.txt
want_rc 2; want_err '^fulint: cannot write the report: No space left on device$'; end

begin "output: /dev/full with JSON and 10 files"
run --stdout /dev/full -- --format json typo.txt typo.txt typo.txt typo.txt typo.txt typo.txt typo.txt typo.txt typo.txt typo.txt
want_rc 2; want_err '^fulint: cannot write the report: No space left on device$'; end

# ================================================================ e-mail ==

begin "e-mail: deeply nested MIME (100 levels)"
run -- "$data/nested.eml"
want_rc 0; want_out 'nested deeper than 16 levels.*\[fulint\.Email\]'; want_no_err; end

begin "e-mail: MIME bomb (5,000 parts)"
{
	cat "$data/head.eml"
	printf 'Content-Type: multipart/mixed; boundary="bb"\n\n'
	for i in $(seq 1 5000); do printf -- '--bb\nContent-Type: text/plain\n\npart %s\n' "$i"; done
	printf -- '--bb--\n'
} >bomb.eml
t0=$SECONDS
run --timeout 60 -- bomb.eml
want_rc 0; want_out 'more than 1000 MIME parts.*\[fulint\.Email\]'; want_no_err; want_fast 30 "$t0"; end

begin "e-mail: multipart with a missing boundary"
run -- "$data/missing-boundary.eml"
want_rc 1; want_out "missing MIME boundary 'zz'.*\[fulint\.Email\]"; want_out "'interveiw'"; want_no_err; end

begin "e-mail: multipart without a boundary parameter"
run -- "$data/no-boundary-param.eml"
want_rc 0; want_out 'multipart without a boundary.*\[fulint\.Email\]'; want_no_err; end

begin "e-mail: bad base64"
run -- "$data/bad-base64.eml"
want_rc 0; want_out 'bad base64 character.*\[fulint\.Email\]'; want_no_err; end

begin "e-mail: unknown charset"
run -- "$data/unknown-charset.eml"
want_rc 0; want_out "unknown charset 'x-klingon'.*\[fulint\.Email\]"; want_no_err; end

begin "e-mail: 2 MB header line"
{
	cat "$data/head.eml"
	printf 'X-Long: '
	head -c 2000000 /dev/zero | tr '\0' 'h'
	printf '\nContent-Type: text/plain\n\n'
	cat typo.txt
} >longhdr.eml
run -- longhdr.eml
want_rc 1; want_out "'dtaa'.*\[FollowUp\.Spelling\]"; want_no_err; end

begin "e-mail: header only, no body"
run -- "$data/head.eml"
want_rc 0; want_no_err; end

# ============================================================ rule files ==

mkstyle() { # mkstyle STYLE RULE: a styles folder with one rule file from stdin
	mkdir -p "styles/$1"
	cat >"styles/$1/$2.yml"
}

begin "rules: YAML alias bomb"
mkdir -p styles/Bomb
cp "$data/AliasBomb.yml" styles/Bomb/
run -- --styles-path styles --styles Bomb clean.txt
want_rc 2; want_no_out; want_err '^fulint: styles/Bomb/AliasBomb.yml:[0-9]+:[0-9]+: anchors and aliases are not allowed'; end

begin "rules: a regex that backtracks catastrophically ends with a RuleLimit finding"
mkstyle Slow Backtrack <<'EOF'
extends: existence
message: "Backtracking: %s"
level: error
scope: raw
raw:
  - '(a+)+$'
EOF
{ printf 'Hi Dana,\n\n'; head -c 30000 /dev/zero | tr '\0' a; printf 'b\n'; } >aaab.txt
t0=$SECONDS
run --timeout 60 -- --styles-path styles --styles Slow aaab.txt
want_rc 0; want_out 'rule Slow\.Backtrack hit the regex match limit.*\[fulint\.RuleLimit\]'; want_no_err
want_fast 10 "$t0"; end

begin "rules: catastrophic regex in sentence scope on the 10 MB line"
mkstyle Slow2 Nested <<'EOF'
extends: existence
message: "Nested: %s"
tokens:
  - '(\w+\s?)+!'
EOF
t0=$SECONDS
run --timeout 300 -- --styles-path styles --styles Slow2 line10m.txt
want_rc 0; want_out 'rule Slow2\.Nested hit the regex match limit.*\[fulint\.RuleLimit\]'; want_no_err
want_fast 300 "$t0"; end
rm -f line10m.txt

begin "rules: empty rule file"
mkstyle Empty Nothing </dev/null
run -- --styles-path styles --styles Empty clean.txt
want_rc 2; want_no_out; want_err '^fulint: styles/Empty/Nothing.yml: empty rule file'; end

begin "rules: a rule file that is a directory"
mkdir -p styles/Dir/Folder.yml
run -- --styles-path styles --styles Dir clean.txt
want_rc 2; want_no_out; want_err '^fulint: styles/Dir/Folder.yml: .*Is a directory'; end

begin "rules: invalid regex is reported at its position"
mkstyle BadRe Paren <<'EOF'
extends: existence
message: "x"
tokens:
  - 'fine'
  - '(unclosed'
EOF
run -- --styles-path styles --styles BadRe clean.txt
want_rc 2; want_no_out; want_err '^fulint: styles/BadRe/Paren.yml:5:[0-9]+: '; end

begin "rules: binary rule file"
mkdir -p styles/Bin
head -c 3000 "$fulint" >styles/Bin/Elf.yml
run -- --styles-path styles --styles Bin clean.txt
want_rc 2; want_no_out; want_err '^fulint: styles/Bin/Elf.yml'; end

begin "rules: 1000 levels of nesting"
mkdir -p styles/Deep
awk 'BEGIN { s = "extends: existence\nmessage: x\ntokens: "; for (i = 0; i < 1000; i++) s = s "["; for (i = 0; i < 1000; i++) s = s "]"; print s }' >styles/Deep/Deep.yml
run -- --styles-path styles --styles Deep clean.txt
want_rc 2; want_no_out; want_err '^fulint: styles/Deep/Deep.yml:[0-9]+:[0-9]+: nesting is too deep'; end

begin "rules: styles path that does not exist"
run -- --styles-path no-such-dir clean.txt
want_rc 2; want_no_out; want_err "no-such-dir"; end

# ========================================================= configuration ==

begin "config: YAML alias bomb"
run -- --config "$data/AliasBomb.yml" clean.txt
want_rc 2; want_no_out; want_err 'AliasBomb.yml:[0-9]+:[0-9]+: anchors and aliases are not allowed in configuration files'; end

begin "config: empty file changes nothing"
: >empty.yml
run -- --config empty.yml typo.txt
want_rc 1; want_out "'dtaa'"; want_no_err; end

begin "config: a directory"
run -- --config adir clean.txt
want_rc 2; want_no_out; want_err '^fulint: adir: is a directory'; end

begin "config: missing file"
run -- --config no-such.yml clean.txt
want_rc 2; want_no_out; want_err '^fulint: no-such.yml: .*No such file or directory$'; end

begin "config: invalid UTF-8"
printf 'vocab:\n  accept: [caf\xe9]\n' >latin1.yml
run -- --config latin1.yml clean.txt
want_rc 2; want_no_out; want_err '^fulint: latin1.yml:2:[0-9]+: invalid UTF-8'; end

begin "config: binary data"
head -c 2000 "$fulint" >elf.yml
run -- --config elf.yml clean.txt
want_rc 2; want_no_out; want_err '^fulint: elf.yml'; end

begin "config: over the size cap"
head -c 3000000 /dev/zero | tr '\0' '#' >big.yml
run -- --config big.yml clean.txt
want_rc 2; want_no_out; want_err '^fulint: big.yml: configuration file is too large'; end

begin "config: unknown key with a did-you-mean"
printf 'stlyes: [FollowUp]\n' >typo.yml
run -- --config typo.yml clean.txt
want_rc 2; want_no_out; want_err "^fulint: typo.yml:1:1: unknown key 'stlyes' \(did you mean 'styles'\?\)$"; end

# ============================================================== spelling ==

begin "spelling: missing dictionary names the Debian package"
run -- --dictionary xx_XX clean.txt
want_rc 2; want_no_out; want_err 'xx_XX.*(hunspell-xx|apt)'; end

begin "spelling: unreadable personal word list (a directory)"
run -- --personal-dictionary adir clean.txt
want_rc 2; want_no_out; want_err '^fulint: adir: cannot read personal word list'; end

begin "spelling: personal word list through a non-directory"
run -- --personal-dictionary clean.txt/words typo.txt
want_rc 2; want_no_out; want_err 'clean.txt/words: .*Not a directory'; end

begin "spelling: personal word list that is binary data"
head -c 5000 "$fulint" >words.bin
run -- --personal-dictionary words.bin typo.txt
[ "$rc" = 1 ] || [ "$rc" = 2 ] || no "exit $rc, want 1 or 2"
[ "$rc" = 2 ] && want_err 'words.bin'
[ "$rc" = 1 ] && { want_out "'dtaa'"; want_no_err; }
end

# Spelling cache: the reference output uses the shared (valid) cache.
run -- typo.txt
cp "$out" typo.ref
begin "spelling: cache files full of garbage are rebuilt"
mkdir -p cache-bad
XDG_CACHE_HOME=$w/cache-bad run -- typo.txt # builds a private cache
for f in cache-bad/fulint/*; do head -c 5000 /dev/urandom >"$f"; done
XDG_CACHE_HOME=$w/cache-bad run --timeout 300 -- typo.txt
want_rc 1; want_no_err
cmp -s "$out" typo.ref || no "output differs from the run with a good cache"
[ "$(find cache-bad/fulint -type f -size +100k | wc -l)" -ge 1 ] || no "cache not rebuilt"; end

begin "spelling: cache with one flipped byte is detected"
f=$(find cache-bad/fulint -type f -size +100k | head -n 1)
if [ -n "$f" ]; then
	sum=$(cksum <"$f")
	printf '\x5a' | dd of="$f" bs=1 seek=100000 conv=notrunc status=none
	XDG_CACHE_HOME=$w/cache-bad run --timeout 300 -- typo.txt
	want_rc 1; want_no_err
	cmp -s "$out" typo.ref || no "output differs from the run with a good cache"
	[ "$(cksum <"$f")" = "$sum" ] || no "corrupt cache was not rebuilt"
else
	no "no cache file to corrupt"
fi
end

begin "spelling: empty and truncated cache files"
for f in cache-bad/fulint/*; do : >"$f"; done
XDG_CACHE_HOME=$w/cache-bad run --timeout 300 -- typo.txt
want_rc 1; want_no_err; cmp -s "$out" typo.ref || no "output differs"; end

begin "spelling: cache folder is not writable (a file in the way)"
: >cache-file
XDG_CACHE_HOME=$w/cache-file run --timeout 300 -- typo.txt
want_rc 1; want_no_err; cmp -s "$out" typo.ref || no "output differs"; end

begin "spelling: --add-word with a space"
run -- --add-word 'two words'
want_rc 2; want_no_out; want_err "^fulint: --add-word: 'two words' is not one word$"; end

# ========================================================== command line ==

begin "options: --config and --no-config together"
run -- --config x.yml --no-config clean.txt
want_rc 2; want_no_out; want_err '^fulint: --config and --no-config cannot be used together$'; end

begin "options: unknown option"
run -- --frobnicate clean.txt
want_rc 2; want_no_out; want_err "^fulint: unknown option '--frobnicate'$"; end

begin "options: missing option value"
run -- clean.txt --format
want_rc 2; want_no_out; want_err "^fulint: option '--format' needs a value$"; end

begin "options: -j 0"
run -- -j 0 clean.txt
want_rc 2; want_no_out; want_err "^fulint: --jobs needs a number from 1 to 1024, got '0'$"; end

begin "options: -j not a number, and too large"
run -- -j 4x clean.txt
want_rc 2; want_err "got '4x'"
run -- -j 99999999999999999999 clean.txt
want_rc 2; want_no_out; want_err "--jobs needs a number"; end

begin "options: unknown format"
run -- --format xml clean.txt
want_rc 2; want_no_out; want_err "^fulint: unknown format 'xml'"; end

begin "options: --rule without '='"
run -- --rule FollowUp.Length clean.txt
want_rc 2; want_no_out; want_err "^fulint: --rule needs ID=VALUE"; end

begin "options: --rule naming a rule that does not exist"
run -- --rule Nope.Nothing=off clean.txt
want_rc 2; want_no_out; want_err "^fulint: rule 'Nope.Nothing' not found"; end

begin "options: a 100 KB argument"
long=$(head -c 100000 /dev/zero | tr '\0' 'x')
run -- "$long.txt"
# The reason ("File name too long") may be cut off by the CLI's line limit.
want_rc 2; want_no_out; want_err '^fulint: xxxxxxxx'; end

begin "options: an empty file name"
run -- ''
want_rc 2; want_no_out; want_err '^fulint: : No such file or directory$'; end

# ================================================================= total ==

echo "$pass passed, $fail failed, $skip skipped"
if [ "$fail" -gt 0 ]; then
	printf 'failed: %s\n' "${failures[@]}"
	exit 1
fi
exit 0
