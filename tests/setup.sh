#!/usr/bin/env bash
# tests/setup.sh - install what fulint needs on Debian (bookworm), as root.
#
#   bash tests/setup.sh          build and run: compiler tools, PCRE2, Hunspell,
#                                libyaml and the en_US dictionary
#   bash tests/setup.sh --test   also what the test suite uses: cmocka, valgrind,
#                                clang (fuzz targets), the en_GB dictionary,
#                                and the mail/editor clients the integration
#                                tests drive
#   bash tests/setup.sh --bench  also the tools the benchmarks compare against
#
# Installs only what is missing; runs apt-get update once when it must.
set -euo pipefail

build_pkgs=(gcc make cmake pkg-config libpcre2-dev libhunspell-dev libyaml-dev libxxhash-dev hunspell-en-us)
test_pkgs=(libcmocka-dev valgrind hunspell-en-gb hunspell wamerican clang libclang-rt-14-dev
           neomutt vim vim-ale emacs-nox git git-email procps
           perl libmailtools-perl libemail-valid-perl libauthen-sasl-perl)
bench_pkgs=(hunspell aspell aspell-en codespell python3-proselint hyperfine time nodejs npm)

want=("${build_pkgs[@]}")
for arg in "$@"; do
  case "$arg" in
    --test) want+=("${test_pkgs[@]}") ;;
    --bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
    *) echo "setup.sh: unknown option '$arg' (--test, --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup.sh: these Debian packages are missing: ${missing[*]}; run as root or install them" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
