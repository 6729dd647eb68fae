#!/usr/bin/env bash
# Peak resident memory (issue 13, "a document's working set should be a small multiple of its
# size") for the two inputs the issue measured: a 6.9 MB mixed input (the samples and the shared
# corpus texts, concatenated in turn) parsed as one document, and 47 MB of --stream text (one
# record holding it all, and the same bytes as one record per bulletin). Prints input bytes, peak
# RSS (GNU time's %M) and their ratio; and issue 17's one 10 MiB bulletin (gen_corpus.py --seed 7
# --single 10m: one masthead, thousands of items) in each output format (target < 64 MiB).
# Run by hand; nothing in CI depends on it.
#
# usage: bench/memory.sh path/to/jianbao [WORK_DIR]
set -euo pipefail
JB=$(realpath "${1:?usage: bench/memory.sh path/to/jianbao [WORK_DIR]}")
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${2:-$(mktemp -d)}
mkdir -p "$WORK" && cd "$WORK"
[[ -x /usr/bin/time ]] || { echo "bench/memory.sh: needs GNU time (/usr/bin/time)"; exit 1; }

# The UTF-8 texts of samples/ and tests/corpus/, whole, in turn, until each input is large enough.
n=$(python3 - "$SRC" <<'PY'
import json, pathlib, sys
src = pathlib.Path(sys.argv[1])
texts = []
for p in sorted(src.glob("samples/*.txt")) + sorted(src.glob("tests/corpus/**/*.txt")):
    try:
        texts.append(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        pass  # GBK and UTF-16 variants: the decoder's business, not this measure's
def fill(size):
    out, total, i = [], 0, 0
    while total < size:
        t = texts[i % len(texts)] + "\n"
        out.append(t)
        total += len(t.encode())
        i += 1
    return out
open("mixed.txt", "w", encoding="utf-8").write("".join(fill(6_900_000)))
pieces = fill(47_000_000)
with open("one_record.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": 1, "text": "".join(pieces)}, ensure_ascii=False) + "\n")
with open("many_records.jsonl", "w", encoding="utf-8") as f:
    for i, t in enumerate(pieces):
        f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
print(len(pieces))
PY
)

measure() {  # measure NAME INPUT_FILE COMMAND...: one line of figures
    local name=$1 input=$2
    shift 2
    local bytes kib
    bytes=$(stat -c %s "$input")
    /usr/bin/time -f %M -o rss.txt "$@" >/dev/null 2>err.txt || { echo "$name: failed: $(tail -1 err.txt)"; return; }
    kib=$(tail -1 rss.txt)
    printf '%-34s input %6.1f MB  peak RSS %7.1f MiB  ratio %5.1fx\n' "$name" \
        "$(echo "$bytes / 1000000" | bc -l)" "$(echo "$kib / 1024" | bc -l)" "$(echo "$kib * 1024 / $bytes" | bc -l)"
}
measure "parse 6.9 MB mixed (yaml)" mixed.txt "$JB" parse --max-bytes 0 mixed.txt
measure "parse 6.9 MB mixed (json)" mixed.txt "$JB" parse --max-bytes 0 -f json mixed.txt
measure "extract 6.9 MB mixed" mixed.txt "$JB" extract --max-bytes 0 mixed.txt
measure "parse 6.9 MB mixed -o" mixed.txt "$JB" parse --max-bytes 0 -f json -o "$WORK/out.json" mixed.txt
measure "--stream 47 MB, one record" one_record.jsonl sh -c "'$JB' parse --stream --max-bytes 0 <one_record.jsonl"
measure "--stream 47 MB, $n records" many_records.jsonl sh -c "'$JB' parse --stream <many_records.jsonl"

# Issue 17: one 10 MiB bulletin, every output format.
python3 "$SRC/bench/gen_corpus.py" --seed 7 --size-mb 0.1 --out "$WORK/gen" --single 10m --no-concat >/dev/null 2>&1
big=$WORK/gen/single_10m.txt
for f in yaml json jsonl; do
    measure "parse 10 MiB bulletin ($f)" "$big" "$JB" parse --max-bytes 0 -f "$f" "$big"
done
measure "extract 10 MiB bulletin (csv)" "$big" "$JB" extract --max-bytes 0 -f csv "$big"
