#!/usr/bin/env bash
# gen_frequency.sh - regenerate the word-frequency tiers embedded in
# linter/lib/fl_rerank.c from Debian's `scowl` package (SCOWL size 10 =
# tier 1, size 20 = tier 2; English, American and British spellings and
# the common contractions (size 10 and 35);
# possessive 's forms dropped, as fl_rerank strips them before looking up).
#
#   apt-get install scowl && bash tests/bench/gen_frequency.sh > /tmp/freq.inc
#
# Prints the C initializer lines that go between the "BEGIN FREQUENCY" and
# "END FREQUENCY" markers in fl_rerank.c: sorted "<tier><word>\n" entries in
# string chunks of under 4000 bytes (C11 only promises 4095-byte literals).
set -euo pipefail
d=/usr/share/dict/scowl
[ -r "$d/english-words.10" ] || { echo "gen_frequency.sh: install the Debian package scowl" >&2; exit 2; }
{
  cat "$d"/{english,american,british}-words.10 "$d"/english-contractions.10 | sed 's/^/1/'
  cat "$d"/{english,american,british}-words.20 "$d"/english-contractions.35 | sed 's/^/2/'
} | iconv -f UTF-8 -t UTF-8 | grep -v "'s$" | LC_ALL=C sort -t $'\t' -k1.2,1 -k1.1,1n \
  | awk '{w=substr($0,2); if (w in seen) next; seen[w]=1; print}' \
  | LC_ALL=C sort -k1.2 \
  | awk 'BEGIN{chunk=""}
      { e=$0 "\\n"; if (length(chunk)+length(e) > 3900) { printf "\t\"%s\",\n", chunk; chunk="" } chunk=chunk e }
      END{ if (chunk!="") printf "\t\"%s\",\n", chunk }'
