#!/usr/bin/env bash
# Byte-identical output check for speed work (issue 17): runs two jianbao binaries over the same
# inputs (tests/corpus texts, samples/, the shared seed) and compares every output byte.
#
#   bench/same_output.sh BASE_BINARY NEW_BINARY
#
# BASE_BINARY is main's binary built in a separate directory, e.g.
#   git archive main | tar -x -C /tmp/jb-main && cmake -S /tmp/jb-main -B /tmp/jb-main/build ...
# Compared: `parse -f jsonl` over every text (in one process, as one stream, and with
# --rules rules/ so the from-directory rule path is checked against the embedded one), and
# `parse -f yaml` over samples/. Exit 0 when all outputs are equal.
set -euo pipefail
base=$1 new=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
find tests/corpus -name '*.txt' | sort >"$work/texts"
ls samples/*.txt >>"$work/texts"
ls ../shared/seeds/*.txt >>"$work/texts" 2>/dev/null || true
fail=0
run() {  # $1: name, rest: arguments after the binary
  local name=$1
  shift
  "$base" "$@" >"$work/$name.base" 2>"$work/$name.base.err" || echo "exit $?" >>"$work/$name.base.err"
  "$new" "$@" >"$work/$name.new" 2>"$work/$name.new.err" || echo "exit $?" >>"$work/$name.new.err"
  if cmp -s "$work/$name.base" "$work/$name.new" && cmp -s "$work/$name.base.err" "$work/$name.new.err"; then
    echo "same: $name ($(wc -c <"$work/$name.new") bytes)"
  else
    echo "DIFFERENT: $name"
    cmp "$work/$name.base" "$work/$name.new" || true
    fail=1
  fi
}
mapfile -t texts <"$work/texts"
run jsonl parse -f jsonl "${texts[@]}"
run jsonl_rules_dir parse -f jsonl --rules rules "${texts[@]}"
run yaml_samples parse -f yaml samples/*.txt
run rules_list rules list
# Embedded rules and --rules rules/ must give the same records.
if cmp -s "$work/jsonl.new" "$work/jsonl_rules_dir.new"; then
  echo "same: embedded rules vs --rules rules/"
else
  echo "DIFFERENT: embedded rules vs --rules rules/"
  fail=1
fi
echo "${#texts[@]} texts"
exit $fail
