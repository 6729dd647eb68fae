#!/usr/bin/env bash
# How well `jianbao batch -j 2` can use two cores, measured without a clock (issue 17: "batch -j 2
# >= 1.85x -j 1, as CPU-time-independent as you can").
#
#   [JOBS=2] bench/batch_scaling.sh path/to/jianbao INPUT...
#
# Runs `batch -j 1` and `batch -j JOBS` over the inputs (files or directories) under callgrind with one profile per thread
# and prints each thread's instructions. The bound it prints is the speed-up if every core ran
# at the same rate: the -j 1 run's instructions over the critical path of the -j JOBS run, taken
# as the calling thread's instructions (rule loading, in-order commits; counted as if none of it
# overlapped the workers) plus the busiest worker's. Memory bandwidth, locks and a noisy VM can
# only lower the real figure; bench/run.sh measures the wall-clock one beside it. The outputs of
# both runs must be identical (summary and manifest aside), or the script fails.
set -euo pipefail
usage="usage: [JOBS=2] bench/batch_scaling.sh JIANBAO INPUT..."
jb=$(realpath "${1:?$usage}")
shift
(($#)) || { echo "$usage" >&2; exit 2; }
inputs=("$@")
jobs=${JOBS:-2}
command -v valgrind >/dev/null || { echo "batch_scaling.sh: needs valgrind" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the instruction total of each thread's profile, one per line, calling thread first.
profile() {
  local j=$1
  mkdir -p "$work/cg$j"
  valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/cg$j/p" \
    "$jb" batch -j "$j" -f jsonl -o "$work/out$j" "${inputs[@]}" >/dev/null 2>"$work/cg$j.log" ||
    { tail -n 20 "$work/cg$j.log" >&2; exit 1; }
  for f in "$work/cg$j"/p-*; do
    awk '/^(summary|totals):/ { print $2; exit }' "$f"
  done
}

mapfile -t one < <(profile 1)
mapfile -t many < <(profile "$jobs")
diff -r -q -x summary.json -x .jianbao-manifest.jsonl "$work/out1" "$work/out$jobs" >/dev/null ||
  { echo "batch_scaling.sh: -j 1 and -j $jobs wrote different outputs" >&2; exit 1; }

python3 - "$jobs" "${one[*]}" "${many[*]}" <<'PY'
import sys
jobs = int(sys.argv[1])
one = [int(x) for x in sys.argv[2].split()]
many = [int(x) for x in sys.argv[3].split()]
caller, workers = many[0], many[1:]
total_one = sum(one)
critical = caller + max(workers)
print(f"-j 1: {total_one / 1e6:,.1f} M instructions (calling thread {one[0] / 1e6:,.1f} M, "
      f"worker {sum(one[1:]) / 1e6:,.1f} M)")
print(f"-j {jobs}: calling thread {caller / 1e6:,.1f} M, workers "
      + ", ".join(f"{w / 1e6:,.1f} M" for w in workers)
      + f" (imbalance {max(workers) / min(workers) - 1:.1%})")
print(f"speed-up bound -j {jobs} / -j 1, by instructions: {total_one / critical:.3f}x "
      f"(ideal {jobs}x; the calling thread counted as serial)")
PY
