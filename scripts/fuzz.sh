#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, coverage over the whole library) and runs
# them one after another: tests/fuzz/parse_fuzzer.cpp (the pipeline), read_fuzzer.cpp (the PDF
# and DOCX readers), stream_fuzzer.cpp (`parse --stream` input) and rules_fuzzer.cpp (rule files).
#
# usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#   SECONDS   how long to fuzz (default 60)
# environment:
#   JB_FUZZ_BUILD_DIR  build directory (default build-fuzz)
#   JB_FUZZ_BIG        0 to leave out the 1 MB hostile inputs (about 3 minutes under ASan)
#   JB_FUZZ_TESTS      ON to keep the tests in that build (scripts/test.sh shares it with the
#                      sanitizer test run)
#   JB_FUZZ_READ_SECONDS  how long to fuzz the PDF and DOCX readers afterwards (default 30)
#   JB_FUZZ_STREAM_SECONDS, JB_FUZZ_RULES_SECONDS  how long to fuzz --stream input and rule
#                      files afterwards (default 10 each; a rule set loads in about 1 s under ASan)
#   JB_FUZZ_REPLAY     0 to leave out the replay of the grown parse corpus at the end
#   JB_FUZZ_MAX_LEN    largest input the fuzzer makes, in bytes (default 8192: the pipeline
#                      costs about 0.1 ms per byte under ASan, 16 KiB of dense metrics takes about 12 s; see -timeout below)
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
max_len=${JB_FUZZ_MAX_LEN:-8192}
# The checks round-trip every output through JSON and YAML readers, so a metric-dense input costs
# a lot under ASan: 16 KB of "2024年" (2,300 metrics) takes 12 s, growing linearly (4 s at 4 KB,
# 6 s at 8 KB, mostly fixed start-up). A hang or a quadratic path exceeds 30 s by far.
# Memory: one allocation over 512 MiB is a finding (-malloc_limit_mb). The process as a whole
# gets 2 GiB, because under libFuzzer it grows with the fuzzer's own bookkeeping, not ours
# (measured 4 December 2026, docs/reliability.md "Fuzzer memory"): the pipeline's live heap stays
# at 37 MiB (39 MiB without ASan) however many distinct inputs it has seen (replaying 1,706 of
# them one by one: flat from the 400th on), while a fuzzing run's live heap grows with the corpus
# libFuzzer keeps (40 -> 71 MiB over 1,500 corpus units without ASan, 36 -> 41 MiB with
# -entropic=0: its per-unit feature frequencies), and ASan's allocator keeps about 100 MiB of
# freed chunks mapped. Under ASan that made 85-145 KiB of RSS per corpus unit (a 30-minute run of
# 4 December: 201 MiB at 383 units, 396 MiB at 1,727), and a 512 MiB limit stopped runs at
# 30,000-44,000 inputs. Our own memory is measured after the loop:
# the grown corpus is replayed one input at a time, nothing kept, under -rss_limit_mb=512.
limits=(-rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=30)
# ASan keeps 256 MiB of freed memory in quarantine by default, which counts against -rss_limit_mb:
# a dense input (2,000 metrics in 14 KB, tests/fuzz/regressions/metrics_sentence_quadratic) then
# reads as 530 MiB. A smaller quarantine keeps the limit about the pipeline's own memory.
# And ASan's allocator keeps freed chunks mapped per size class unless told to give them back:
# over a few hundred distinct inputs the process grew to 500 MiB (a loop run of 3 December
# stopped on -rss_limit_mb at 44,000 inputs) while the live heap stayed near 100 MiB.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:allocator_release_to_os_interval_ms=500}
# fontconfig's process-lifetime caches, reached through poppler (tests/fuzz/lsan.supp says why).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/fuzz/lsan.supp}

# The fuzzer needs coverage instrumentation in the library as well as in the target. The flags
# are the ones scripts/test.sh gives its sanitizer build, so that sharing it rebuilds nothing.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DJB_FUZZ=ON -DJB_SANITIZE=ON \
  -DJB_TESTS="${JB_FUZZ_TESTS:-OFF}" -DJB_UNITY=ON -DCMAKE_CXX_FLAGS="-O1 -fsanitize=fuzzer-no-link" \
  >/dev/null
ninja -C "$build" jianbao_fuzz jianbao_read_fuzz jianbao_stream_fuzz jianbao_rules_fuzz

seeds=$build/fuzz-seeds
corpus=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
python3 "$root/tests/fuzz/make_seeds.py" "$root" "$seeds"
# The other targets' seeds: JSON Lines, the built-in rule files, hostile PDF and DOCX files.
python3 "$root/tests/fuzz/make_target_seeds.py" "$root" "$seeds"
mkdir -p "$corpus" "$artifacts"

fuzzer=$build/jianbao_fuzz
shopt -s nullglob
echo "== regression inputs (tests/fuzz/regressions)"
# Each runs once, at up to 14 KB, so it gets a longer timeout than the fuzzing loop's inputs; a
# fixed input that fails again stops the run.
for f in "$root"/tests/fuzz/regressions/*; do
  [[ -f $f && $f != *.md ]] || continue
  "$fuzzer" -rss_limit_mb=512 -timeout=60 "$f" >/dev/null 2>&1 || { echo "FAILS AGAIN: $f"; exit 1; }
done
# The other targets' findings (regressions/read, stream, rules); their seeds (the hostile reader
# files among them) run first thing when each is fuzzed below.
for target in read stream rules; do
  for f in "$root"/tests/fuzz/regressions/$target/*; do
    [[ -f $f && $f != *.md ]] || continue
    "$build/jianbao_${target}_fuzz" -rss_limit_mb=512 -timeout=60 "$f" >/dev/null 2>&1 ||
      { echo "FAILS AGAIN: $f ($target)"; exit 1; }
  done
done

# A 1 MB input takes seconds under ASan, so these get a longer timeout than the fuzzing loop.
echo "== large hostile inputs, once each at full size"
# About three minutes under ASan; JB_FUZZ_BIG=0 leaves them out (CI, where time is short).
[[ ${JB_FUZZ_BIG:-1} == 1 ]] || echo "(left out: JB_FUZZ_BIG=0)"
for f in "$seeds"/big/*; do
  [[ ${JB_FUZZ_BIG:-1} == 1 ]] || break
  # 2 GiB: the check reads a 1 MB input's output back through yaml-cpp and nlohmann-json, whose
  # trees of 100,000 points take 1.3 GiB under ASan (the parse itself: 50 MiB without ASan,
  # which tests/cli/peak_memory_test.sh bounds).
  if out=$("$fuzzer" -rss_limit_mb=2048 -timeout=120 "$f" 2>&1); then
    grep -E "^Executed" <<<"$out" || true
  else
    echo "FAILS: $f"
    grep -E "ERROR|SUMMARY|parse_fuzzer:" <<<"$out" || true
  fi
done

echo "== fuzzing for ${seconds}s (max_len $max_len)"
"$fuzzer" "$corpus" "$seeds/small" -max_len="$max_len" "${limits[@]}" \
  -max_total_time="$seconds" -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"

# The PDF and DOCX readers (issue 14), seeded with the files of tests/data/read/: inputs are
# whole files, so the length limit is theirs (100 KB).
read_seconds=${JB_FUZZ_READ_SECONDS:-30}
read_corpus=$build/fuzz-read-corpus
mkdir -p "$read_corpus"
cp -n "$root"/tests/data/read/*.pdf "$root"/tests/data/read/*.docx "$read_corpus"/ 2>/dev/null || true
cp -n "$seeds"/read/* "$read_corpus"/
echo "== fuzzing the readers for ${read_seconds}s"
"$build/jianbao_read_fuzz" "$read_corpus" -max_len=131072 "${limits[@]}" \
  -max_total_time="$read_seconds" -artifact_prefix="$artifacts/read-" -print_final_stats=1

# `parse --stream` input and rule files (issue 13). The rules fuzzer's input is
# "<rules/ path>\n<YAML>"; -max_len fits the largest built-in rule file once cut (16 KiB).
for target in stream rules; do
  var=JB_FUZZ_${target^^}_SECONDS
  target_seconds=${!var:-10}
  target_corpus=$build/fuzz-$target-corpus
  mkdir -p "$target_corpus"
  echo "== fuzzing $target for ${target_seconds}s"
  "$build/jianbao_${target}_fuzz" "$target_corpus" "$seeds/$target" -max_len=16384 "${limits[@]}" \
    -max_total_time="$target_seconds" -artifact_prefix="$artifacts/$target-" -print_final_stats=1
done

# Our memory, apart from libFuzzer's: every input of the grown parse corpus once, none kept, in one
# process under the limit the regression inputs get. A cache that grows with distinct inputs, or a
# leak LSan cannot see (memory still reachable), ends here on -rss_limit_mb. xargs may split a
# large corpus over a few processes (each line below is one). JB_FUZZ_REPLAY=0 leaves it out
# (scripts/test.sh, to keep CI's fuzz step at its 60 s).
if [[ ${JB_FUZZ_REPLAY:-1} == 1 ]]; then
  echo "== the parse corpus again, one input at a time (our memory, not libFuzzer's)"
  replay_list=$build/fuzz-replay-list
  find "$corpus" -type f | sort >"$replay_list"
  echo "$(wc -l <"$replay_list") inputs"
  # /usr/bin/time: peak RSS of the process; libFuzzer prints no final stats for single inputs.
  if ! xargs -a "$replay_list" /usr/bin/time -f "peak RSS %M KiB, %e s" "$fuzzer" \
    -rss_limit_mb=512 -timeout=60 -artifact_prefix="$artifacts/replay-" 2>&1 | grep -E "^peak RSS|ERROR|SUMMARY|parse_fuzzer:"; then
    echo "FAILS: replay of $corpus"
    exit 1
  fi
fi
