#!/usr/bin/env bash
# tests/run-all.sh - the whole test suite: an ASan+UBSan build and its tests,
# then the normal build and its tests (so the run ends with CTest's summary).
# Warnings are errors.  Build trees: build-asan/ and build/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

echo "== ASan+UBSan build and tests =="
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFULINT_SANITIZE=ON -DFULINT_WERROR=ON -DFULINT_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
# Heavy, sanitizer-insensitive tests (benchmark-sized inputs) are labelled "slow".
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE slow

echo "== Release build and tests =="
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFULINT_WERROR=ON -DFULINT_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
