#!/usr/bin/env bash
# Issues 13 and 17: a document's working set is a small multiple of its size. One generated
# bulletin of 3 MiB (bench/gen_corpus.py, seed 7: one masthead, thousands of items) is parsed in
# every output format under GNU time, and one of 10 MiB (no masthead date: the year is counted
# from the text, so the blocks with figures are held to the end) as JSON Lines; each peak RSS must
# stay under BASE + MULT x its input (issue 17's target, < 64 MiB for 10 MiB, is about this line).
# Exit 77 (skipped) without GNU time.
#
# usage: peak_memory_test.sh JIANBAO SOURCE_DIR WORK_DIR
set -euo pipefail
JB=$1 SRC=$2 WORK=$3
BASE_MIB=${JB_MEMORY_BASE_MIB:-32}  # start-up: rules, matchers, the binary itself
MULT=${JB_MEMORY_MULT:-4}           # the text, its blocks and the Document, a few times over
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    echo "peak_memory_test: skipped: needs GNU time (/usr/bin/time -f %M)"
    exit 77
fi
rm -rf "$WORK" && mkdir -p "$WORK"
for size in 3m 10m; do
    python3 "$SRC/bench/gen_corpus.py" --seed 7 --size-mb 0.1 --out "$WORK/gen" --single "$size" \
        --no-concat >/dev/null
done
failed=0
run() {  # run NAME INPUT COMMAND...: the peak against the limit for INPUT
    local name=$1 bytes limit_kib
    bytes=$(stat -c %s "$2")
    limit_kib=$((BASE_MIB * 1024 + MULT * bytes / 1024))
    shift 2
    /usr/bin/time -f %M -o "$WORK/rss.txt" "$@" >/dev/null 2>"$WORK/err.txt" || {
        echo "FAIL $name: exit $?: $(tail -1 "$WORK/err.txt")"
        failed=1
        return
    }
    local kib
    kib=$(tail -1 "$WORK/rss.txt")
    if ((kib > limit_kib)); then
        echo "FAIL $name: peak $((kib / 1024)) MiB > $((limit_kib / 1024)) MiB" \
            "(${BASE_MIB} MiB + ${MULT} x $((bytes / 1024)) KiB)"
        failed=1
    else
        echo "ok   $name: peak $((kib / 1024)) MiB <= $((limit_kib / 1024)) MiB"
    fi
}
big=$WORK/gen/single_3m.txt
for f in yaml json jsonl; do run "parse -f $f" "$big" "$JB" parse --max-bytes 0 -f "$f" "$big"; done
run "extract -f csv" "$big" "$JB" extract --max-bytes 0 -f csv "$big"
# Every format streams its output, so one is enough at 10 MiB (and keeps the test short).
run "parse -f jsonl 10m" "$WORK/gen/single_10m.txt" "$JB" parse --max-bytes 0 -f jsonl \
    "$WORK/gen/single_10m.txt"
exit "$failed"
