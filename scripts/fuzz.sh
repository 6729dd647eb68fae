#!/usr/bin/env bash
# Builds the libFuzzer target tests/fuzz/parse_fuzzer.cpp (clang, ASan + UBSan, coverage over the
# whole library) and runs it.
#
# usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#   SECONDS   how long to fuzz (default 60)
# environment:
#   JB_FUZZ_BUILD_DIR  build directory (default build-fuzz)
#   JB_FUZZ_MAX_LEN    largest input the fuzzer makes, in bytes (default 16384: the pipeline
#                      costs about 0.1 ms per byte under ASan, so 16 KiB stays well inside -timeout)
#
# Steps: build; write the seed corpus (samples plus hostile inputs, tests/fuzz/make_seeds.py);
# run every input in tests/fuzz/regressions/ and the large hostile seeds once each at full size;
# then fuzz, keeping the grown corpus in BUILD/fuzz-corpus and any crash, hang (-timeout) or OOM
# (-rss_limit_mb) input in BUILD/fuzz-artifacts/. Minimise a finding with
#   BUILD/jianbao_fuzz -minimize_crash=1 -runs=10000 BUILD/fuzz-artifacts/crash-...
# then keep it in tests/fuzz/regressions/ (tests/regression/fuzz_regressions_test.cpp runs them).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
build=${JB_FUZZ_BUILD_DIR:-$root/build-fuzz}
max_len=${JB_FUZZ_MAX_LEN:-16384}
limits=(-rss_limit_mb=512 -timeout=10)

# The fuzzer needs coverage instrumentation in the library as well as in the target.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DJB_FUZZ=ON -DJB_SANITIZE=ON \
  -DJB_TESTS=OFF -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
ninja -C "$build" jianbao_fuzz

seeds=$build/fuzz-seeds
corpus=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
python3 "$root/tests/fuzz/make_seeds.py" "$root" "$seeds"
mkdir -p "$corpus" "$artifacts"

fuzzer=$build/jianbao_fuzz
shopt -s nullglob
echo "== regression inputs (tests/fuzz/regressions)"
for f in "$root"/tests/fuzz/regressions/* "$root"/tests/fuzz/regressions/open/*; do
  [[ -f $f && $f != *.md ]] || continue
  "$fuzzer" "${limits[@]}" "$f" >/dev/null 2>&1 || echo "STILL FAILS: $f"
done

# A 1 MB input takes seconds under ASan, so these get a longer timeout than the fuzzing loop.
echo "== large hostile inputs, once each at full size"
for f in "$seeds"/big/*; do
  if out=$("$fuzzer" -rss_limit_mb=512 -timeout=120 "$f" 2>&1); then
    grep -E "^Executed" <<<"$out" || true
  else
    echo "FAILS: $f"
    grep -E "ERROR|SUMMARY|parse_fuzzer:" <<<"$out" || true
  fi
done

echo "== fuzzing for ${seconds}s (max_len $max_len)"
"$fuzzer" "$corpus" "$seeds/small" -max_len="$max_len" "${limits[@]}" \
  -max_total_time="$seconds" -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
