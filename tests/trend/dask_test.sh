#!/usr/bin/env bash
# scripts/dask_parse.py on a real Dask cluster: a scheduler and two workers started here as
# separate processes on 127.0.0.1 (free ports), the samples parsed over it, and the partitioned
# output compared with jianbao batch's, byte for byte after sorting. Usage: dask_test.sh JIANBAO
# SRC_DIR WORK. Needs Debian's python3-distributed (/usr/bin/python3).
set -euo pipefail
JB=$(realpath "$1") SRC=$2 WORK=$3
PY=/usr/bin/python3
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$PY -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" --no-dashboard \
  >scheduler.log 2>&1 &
pids+=($!)
for w in 1 2; do
  $PY -m distributed.cli.dask_worker "tcp://127.0.0.1:$port" --host 127.0.0.1 --nthreads 1 \
    --nworkers 1 --no-dashboard --name "w$w" >"worker$w.log" 2>&1 &
  pids+=($!)
done

samples=("$SRC"/samples/*.txt)
for i in "${!samples[@]}"; do
  jq -cn --argjson id "$i" --arg p "${samples[$i]}" '{id: $id, path: $p}'
done >manifest.jsonl
"$JB" batch "${samples[@]}" -o batch -f jsonl
$PY "$SRC/scripts/dask_parse.py" manifest.jsonl -o dask --scheduler "tcp://127.0.0.1:$port" \
  --wait-workers 2 --partitions 4 --jianbao "$JB" 2>dask.log || { cat dask.log; exit 1; }
cat dask.log

fail=0
sort_cat() { cat "$@" | LC_ALL=C sort; }
records_batch=$(find batch -name '*.jsonl' ! -name metrics.jsonl ! -name '.jianbao-manifest.jsonl')
# shellcheck disable=SC2086
if cmp -s <(sort_cat $records_batch) <(sort_cat dask/records/*.jsonl); then
  echo "ok: records equal batch's ($(cat dask/records/*.jsonl | wc -l) bulletins)"
else
  echo "FAIL: records differ from batch's"; fail=1
fi
if cmp -s <(sort_cat batch/metrics.jsonl) <(sort_cat dask/metrics/*.jsonl); then
  echo "ok: metrics equal batch's metrics.jsonl ($(wc -l <batch/metrics.jsonl) metrics)"
else
  echo "FAIL: metrics differ from batch's metrics.jsonl"; fail=1
fi
parts=$(ls dask/records | wc -l)
[[ $parts -eq 4 ]] && echo "ok: 4 partitions" || { echo "FAIL: $parts partitions"; fail=1; }
grep -q "on 2 workers" dask.log && echo "ok: both workers ran tasks" ||
  { echo "FAIL: not both workers ran tasks"; fail=1; }
exit $fail
