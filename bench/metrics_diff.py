#!/usr/bin/env python3
"""Differential report of the metrics two jianbao binaries find (issue 12).

Runs `jianbao parse -f jsonl --explain` of a baseline binary and of a candidate binary over the
same files and lists every difference in metric records (per item: kind, text, value, position,
rule, every field), in a bulletin's year and in its metrics diagnostics. Any other difference in
the records (structure, removed lines) is counted too, so a change meant for metrics that moves
anything else shows up.

    bench/metrics_diff.py --base /tmp/m12-base/build/jianbao --new build/jianbao \\
        --out docs/metrics-diff.md FILES...   (or --list FILE with one path a line)

Exit code 0 when the outputs are identical, 1 when they differ, 2 on a usage or run error.
"""
import argparse
import json
import subprocess
import sys

CHUNK = 5000  # files per jianbao call: one process, so a long list reaches the prefilter (4 MB)


def run(binary, files, extra):
    out = []
    for i in range(0, len(files), CHUNK):
        part = files[i:i + CHUNK]
        p = subprocess.run([binary, "parse", "-f", "jsonl", "--explain", *extra, *part],
                           capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit(f"metrics_diff: {binary} exited {p.returncode} on {part[0]}...: {p.stderr}")
        lines = p.stdout.splitlines()
        if len(lines) != len(part):
            sys.exit(f"metrics_diff: {binary} wrote {len(lines)} records for {len(part)} files")
        out.extend(json.loads(line) for line in lines)
    return out


def metrics_of(record):
    """(item id, metric) for every metric, in document order."""
    for s in record.get("sections") or []:
        for it in s.get("items") or []:
            for m in it.get("metrics") or []:
                yield it.get("id"), m


def key(m):
    return json.dumps(m, ensure_ascii=False, sort_keys=True)


def show(m):
    fields = {k: v for k, v in m.items() if k != "sentence"}
    return json.dumps(fields, ensure_ascii=False)


def without_metrics(record):
    r = json.loads(json.dumps(record))
    for s in r.get("sections") or []:
        for it in s.get("items") or []:
            it.pop("metrics", None)
            it.pop("provinces", None)
    r["diagnostics"] = [d for d in r.get("diagnostics") or [] if d.get("stage") != "metrics"]
    r.pop("year", None)
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True, help="baseline jianbao binary (today's rules)")
    ap.add_argument("--new", required=True, help="candidate jianbao binary")
    ap.add_argument("--list", help="file with one input path a line")
    ap.add_argument("--out", help="write the report here (Markdown) instead of stdout")
    ap.add_argument("--max-listed", type=int, default=200, help="differences listed in full")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = list(a.files)
    if a.list:
        with open(a.list, encoding="utf-8") as f:
            files += [line.strip() for line in f if line.strip()]
    if not files:
        ap.error("no input files")
    base = run(a.base, files, [])
    new = run(a.new, files, [])
    diffs = []  # (file, what, detail)
    n_metrics = 0
    other = 0
    for path, b, n in zip(files, base, new):
        bm = [(i, key(m), m) for i, m in metrics_of(b)]
        nm = [(i, key(m), m) for i, m in metrics_of(n)]
        n_metrics += len(bm)
        bset = {(i, k) for i, k, _ in bm}
        nset = {(i, k) for i, k, _ in nm}
        for i, k, m in bm:
            if (i, k) not in nset:
                diffs.append((path, "only in base", f"{i} {show(m)}"))
        for i, k, m in nm:
            if (i, k) not in bset:
                diffs.append((path, "only in new", f"{i} {show(m)}"))
        if bset == nset and [k for _, k, _ in bm] != [k for _, k, _ in nm]:
            diffs.append((path, "order", "same metrics in another order"))
        if b.get("year") != n.get("year"):
            diffs.append((path, "year", f"{b.get('year')} -> {n.get('year')}"))
        bd = [d for d in b.get("diagnostics") or [] if d.get("stage") == "metrics"]
        nd = [d for d in n.get("diagnostics") or [] if d.get("stage") == "metrics"]
        if bd != nd:
            diffs.append((path, "diagnostics", f"{len(bd)} -> {len(nd)} metrics diagnostics"))
        if without_metrics(b) != without_metrics(n):
            other += 1
            diffs.append((path, "other", "the record differs outside metrics"))
        elif b != n and not any(d[0] == path for d in diffs):
            diffs.append((path, "provinces", "item province roll-up differs"))
    lines = [
        "# Metrics differential report",
        "",
        f"- baseline: `{a.base}`",
        f"- candidate: `{a.new}`",
        f"- inputs: {len(files)} files; {n_metrics} metric records in the baseline",
        f"- differences: {len(diffs)} ({other} records differ outside metrics)",
        "",
    ]
    if diffs:
        lines += ["| file | difference | detail |", "| --- | --- | --- |"]
        for path, what, detail in diffs[:a.max_listed]:
            lines.append(f"| {path} | {what} | {detail.replace('|', '/')} |")
        if len(diffs) > a.max_listed:
            lines.append(f"\n{len(diffs) - a.max_listed} more not listed.")
    else:
        lines.append("No differences: every record is identical.")
    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print(f"metrics_diff: {len(files)} files, {n_metrics} metrics, {len(diffs)} differences",
          file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
