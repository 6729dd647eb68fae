#!/usr/bin/python3
"""Parses a JSON Lines manifest of bulletins on a Dask distributed cluster.

Each line of the manifest is what `jianbao parse --stream` reads: {"id": ..., "path": ...} or
{"id": ..., "text": ...}. The manifest is cut into partitions; each partition is one task, which
pipes its lines through `jianbao parse --stream` (the bulletin records) and `jianbao extract
--stream` (the metric records) on whichever worker runs it. The driver writes the results as
partitioned JSON Lines, in manifest order:

    OUT/records/part-00000.jsonl   one bulletin record per manifest line (jianbao.bulletin/1)
    OUT/metrics/part-00000.jsonl   every metric of those bulletins (jianbao.metric/1)

A record is written without the "id" that parse --stream splices in, so that it is byte for byte
what `jianbao batch -f jsonl` writes for the same path (--keep-id keeps it). A line jianbao cannot
parse gives its jianbao.stream_error/1 record and makes the exit code 1.

    # join a running scheduler
    scripts/dask_parse.py manifest.jsonl -o out --scheduler tcp://10.0.0.5:8786
    # or start a local cluster of worker processes
    scripts/dask_parse.py manifest.jsonl -o out --workers 4

Uses Debian's python3-distributed (hence /usr/bin/python3). jianbao must be on every worker at the
same path (--jianbao), and the manifest's paths readable there.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

from distributed import Client, LocalCluster

BULLETIN_PREFIX = '{"schema":"jianbao.bulletin/1"'


def parse_partition(jianbao, lines, keep_id, extra):
    """Runs on a worker: one partition's manifest lines through jianbao."""
    manifest = "".join(line + "\n" for line in lines).encode("utf-8")
    parsed = subprocess.run([jianbao, "parse", "--stream", *extra], input=manifest,
                            capture_output=True)
    extracted = subprocess.run([jianbao, "extract", "--stream", *extra], input=manifest,
                               capture_output=True)
    records = []
    for line, out in zip(lines, parsed.stdout.decode("utf-8").splitlines()):
        if not keep_id:
            spliced = ',"id":' + json.dumps(json.loads(line).get("id"), ensure_ascii=False,
                                            separators=(",", ":"))
            if out.startswith(BULLETIN_PREFIX + spliced):
                out = BULLETIN_PREFIX + out[len(BULLETIN_PREFIX) + len(spliced):]
        records.append(out + "\n")
    errors = parsed.stderr.decode("utf-8") + extracted.stderr.decode("utf-8")
    failed = parsed.returncode != 0 or extracted.returncode != 0
    return "".join(records), extracted.stdout.decode("utf-8"), errors, failed, worker_address()


def worker_address():
    from distributed import get_worker
    return get_worker().address


def partitions(lines, count):
    """`lines` cut into at most `count` contiguous partitions of near-equal size."""
    count = max(1, min(count, len(lines)))
    size, extra = divmod(len(lines), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(lines[start:end])
        start = end
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("manifest", help="JSON Lines manifest; - for stdin")
    p.add_argument("-o", "--out", required=True, help="output directory (replaced)")
    p.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:PORT)")
    p.add_argument("--workers", type=int, default=2,
                   help="without --scheduler: worker processes of the local cluster (default 2)")
    p.add_argument("--partitions", type=int, default=0,
                   help="partitions of the manifest (default: 2 per worker)")
    p.add_argument("--jianbao", default=shutil.which("jianbao") or "jianbao",
                   help="the jianbao executable on the workers")
    p.add_argument("--rules", help="rules directory passed to jianbao (--rules)")
    p.add_argument("--wait-workers", type=int, default=0,
                   help="with --scheduler: wait until this many workers have joined")
    p.add_argument("--keep-id", action="store_true", help="keep the manifest id in each record")
    args = p.parse_args()

    src = sys.stdin if args.manifest == "-" else open(args.manifest, encoding="utf-8")
    lines = [line.rstrip("\n") for line in src if line.strip()]
    extra = ["--rules", args.rules] if args.rules else []
    if args.scheduler:
        client, cluster = Client(args.scheduler), None
        if args.wait_workers:
            client.wait_for_workers(args.wait_workers, timeout=60)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        parts = partitions(lines, args.partitions or 2 * workers)
        futures = [client.submit(parse_partition, os.path.abspath(args.jianbao), part,
                                 args.keep_id, extra, pure=False) for part in parts]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster:
            cluster.close()

    shutil.rmtree(args.out, ignore_errors=True)
    for sub in ("records", "metrics"):
        os.makedirs(os.path.join(args.out, sub))
    failed = False
    where = {r[4] for r in results}
    for i, (records, metrics, errors, part_failed, _) in enumerate(results):
        for sub, text in (("records", records), ("metrics", metrics)):
            with open(os.path.join(args.out, sub, f"part-{i:05d}.jsonl"), "w",
                      encoding="utf-8") as f:
                f.write(text)
        sys.stderr.write(errors)
        failed = failed or part_failed
    print(f"{len(lines)} bulletins in {len(parts)} partitions on {len(where)} workers",
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
