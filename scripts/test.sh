#!/usr/bin/env bash
# README command 2 (and .ci/run): install what is missing, build with warnings as errors, run
# every test; then again under AddressSanitizer and UndefinedBehaviorSanitizer; then the fuzzer
# briefly.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# Installed above: the browser test must run, not skip.
export JB_REQUIRE_CHROMIUM=1
jobs=$(nproc)

echo "== build (warnings are errors)"
# -g1 (line tables, enough for a backtrace): full debug info is a third of this build's time.
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJB_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build-ci -j "$jobs"
echo "== tests"
ctest --test-dir build-ci --output-on-failure -j "$jobs"

echo "== format"
# clang-format 14 (Debian 12) with .clang-format; unformatted sources fail the run.
files=$(git ls-files 'lib/*.cpp' 'lib/*.h' 'cli/*.cpp' 'cli/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 2>/dev/null || true)
if [ -n "$files" ]; then
  clang-format --dry-run -Werror $files
fi

echo "== tests under AddressSanitizer + UndefinedBehaviorSanitizer (clang)"
# A second compiler with its own warnings, the sanitizers, and libFuzzer's coverage hooks in one
# build, which the fuzzing step below reuses (scripts/fuzz.sh configures it the same way). -O1:
# at -O0 the sanitized tests take minutes and the fuzzer runs a few inputs a second. The library is
# compiled in unity batches (JB_UNITY), about half its compile time; the build above keeps every
# file compiled on its own.
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DJB_WERROR=ON \
  -DJB_SANITIZE=ON -DJB_FUZZ=ON -DJB_TESTS=ON -DJB_UNITY=ON -DCMAKE_CXX_FLAGS="-O1 -fsanitize=fuzzer-no-link" >/dev/null
cmake --build build-asan -j "$jobs"
LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -E '^corpus_gold_lines$'
# (corpus_gold_lines checks the corpus files against their gold with Python alone: run once above.)

# Every fixed fuzz finding again, the large hostile inputs once, then a short fuzzing run seeded
# from samples/ (scripts/fuzz.sh SECONDS fuzzes longer).
echo "== fuzz (${JB_FUZZ_SECONDS:-60}s)"
JB_FUZZ_BUILD_DIR="$PWD/build-asan" JB_FUZZ_TESTS=ON JB_FUZZ_BIG=0 JB_FUZZ_REPLAY=0 bash scripts/fuzz.sh "${JB_FUZZ_SECONDS:-60}"
echo "== all tests passed"
