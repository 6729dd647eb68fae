#!/usr/bin/env bash
# Byte-identical output check for speed work (issue 17): runs two jianbao binaries over the same
# inputs (tests/corpus texts, samples/, the shared seed) and compares every output byte.
#
#   bench/same_output.sh BASE_BINARY NEW_BINARY
#
# BASE_BINARY is main's binary built in a separate directory, e.g.
#   git archive main | tar -x -C /tmp/jb-main && cmake -S /tmp/jb-main -B /tmp/jb-main/build ...
# Compared: `parse -f jsonl` over every text (in one process, as one stream, and with
# --rules rules/ so the from-directory rule path is checked against the embedded one), the same
# with --date (the year given, not counted), `parse -f yaml` over samples/, each PDF and DOCX
# fixture under tests/ and samples/, and every format of the generated 3 MiB and 10 MiB bulletins
# of tests/cli/peak_memory_test.sh (one with a masthead date, one whose year is counted from its
# text). Exit 0 when all outputs are equal.
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
run jsonl_date parse -f jsonl --date 2021-06-01 "${texts[@]}"
run yaml_samples parse -f yaml samples/*.txt
python3 bench/gen_corpus.py --seed 7 --size-mb 0.1 --out "$work/gen3" --single 3m --no-concat >/dev/null
python3 bench/gen_corpus.py --seed 7 --size-mb 0.1 --out "$work/gen10" --single 10m --no-concat \
    >/dev/null
for big in "$work/gen3/single_3m.txt" "$work/gen10/single_10m.txt"; do
  for f in yaml json jsonl; do run "$(basename "$big" .txt).$f" parse --max-bytes 0 -f "$f" "$big"; done
  run "$(basename "$big" .txt).csv" extract --max-bytes 0 -f csv "$big"
done
run rules_list rules list
# The PDF and DOCX readers' fixtures, one at a time (some are meant to fail): page and position
# facts reach the metrics only there.
readers=0
while IFS= read -r doc; do
  readers=$((readers + 1))
  a=$("$base" parse -f jsonl "$doc" 2>&1; echo "exit $?")
  b=$("$new" parse -f jsonl "$doc" 2>&1; echo "exit $?")
  [[ "$a" == "$b" ]] || { echo "DIFFERENT: $doc"; fail=1; }
done < <(find tests samples \( -name '*.pdf' -o -name '*.docx' \) | sort)
echo "compared: $readers PDF and DOCX inputs"
# Embedded rules and --rules rules/ must give the same records.
if cmp -s "$work/jsonl.new" "$work/jsonl_rules_dir.new"; then
  echo "same: embedded rules vs --rules rules/"
else
  echo "DIFFERENT: embedded rules vs --rules rules/"
  fail=1
fi
echo "${#texts[@]} texts"
exit $fail
