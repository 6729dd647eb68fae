#!/usr/bin/env python3
"""Prints the benchmark table from the raw figures bench/run.sh leaves in bench/results/.

Usage: report.py RESULTS_DIR
"""

import glob
import os
import re
import statistics
import sys

MIB = 1048576.0


def kv_lines(path, tag):
    """Rows of `TAG key=value ...` lines in a file, as dicts."""
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(tag + " "):
                rows.append(dict(p.split("=", 1) for p in line.split()[1:] if "=" in p))
    return rows


def gnu_time(path):
    """wall, cpu (user+sys) seconds and peak RSS MiB from `/usr/bin/time -v -o path`."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    wall_s = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
    wall = 0.0
    for part in wall_s.split(":"):
        wall = wall * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024.0
    status = re.search(r"Exit status: (\d+)", text)
    return {"wall": wall, "cpu": user + system, "rss": rss,
            "status": int(status.group(1)) if status else 0}


def list_bytes(path, base=None, limit=None):
    total, n = 0, 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            total += os.path.getsize(os.path.join(base, line) if base else line)
            n += 1
            if limit and n >= limit:
                break
    return total, n


def med(values):
    return statistics.median(values) if values else float("nan")


def verdict(ok):
    return "met" if ok else "NOT met"


def main():
    res = sys.argv[1]
    machine = {}
    with open(os.path.join(res, "machine.txt"), encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                machine[k] = v
    files_list = os.path.join(res, "files.list")
    corpus_bytes, n_corpus = list_bytes(files_list)
    with open(files_list, encoding="utf-8") as f:
        files_dir = os.path.dirname(f.readline().strip())
    # The CLI runs over e2e.rel: the whole corpus, or its first BENCH_E2E_MB MiB.
    e2e_bytes, n_files = list_bytes(os.path.join(res, "e2e.rel"), base=files_dir)
    tenth_bytes, n_tenth = list_bytes(os.path.join(res, "files_tenth.rel"), base=files_dir)
    out = []
    p = out.append
    p(f"jianbao benchmark  {machine.get('date', '')}  commit {machine.get('commit', '')}")
    p(f"machine: {machine.get('nproc')} cores, {machine.get('cpu')}, {machine.get('mem_gib')} GiB; "
      f"load average {machine.get('load_start')} at start, {machine.get('load_end')} at end")
    p(f"corpus: {n_corpus} bulletins, {corpus_bytes / MIB:.1f} MiB "
      f"({machine.get('corpus_manifest')})")
    p("")

    rows = kv_lines(os.path.join(res, "stage.txt"), "BENCH")
    stages = [r for r in rows if "stage" in r]
    floors = [r for r in rows if "floor" in r]
    p("Stages, in process (jianbao_stage_bench; thread CPU time, median of the timed runs;")
    p("peak RSS = process peak while the stage ran, reset before each stage):")
    p(f"  {'stage':<12}{'MB/s':>10}{'bulletins/s':>14}{'% of time':>11}{'peak RSS MiB':>14}")
    e2e_stage = next((r for r in stages if r["stage"] == "end-to-end"), None)
    for r in stages:
        share = 100 * float(r["seconds"]) / float(e2e_stage["seconds"]) if e2e_stage else 0
        p(f"  {r['stage']:<12}{float(r['mbps']):>10.2f}{float(r['bps']):>14.0f}{share:>10.1f}%"
          f"{float(r['peak_mib']):>14.1f}")
    for r in floors:
        share = 100 * float(r["seconds"]) / float(e2e_stage["seconds"]) if e2e_stage else 0
        p(f"  {r['floor']:<12}{float(r['mbps']):>10.2f}{float(r['bps']):>14.0f}{share:>10.1f}%"
          f"{'-':>14}")
    p("  (MB/s is MiB of input bytes per second; account = pipeline line accounting; the floors,")
    p("  timed the same way over the same bytes: floor_scan counts line feeds, floor_utf8 is a")
    p("  plain validating UTF-8 decode into code points)")
    p("")

    e2e = [gnu_time(t) for t in sorted(glob.glob(os.path.join(res, "e2e_[0-9]*.time")))]
    if e2e:
        cpu, wall = med([t["cpu"] for t in e2e]), med([t["wall"] for t in e2e])
        rss = max(t["rss"] for t in e2e)
        mb = e2e_bytes / MIB
        p(f"End to end: jianbao parse --format jsonl <{n_files} files, {mb:.1f} MiB> > /dev/null "
          f"(median of {len(e2e)}):")
        p(f"  {mb / cpu:.2f} MB/s by CPU time ({cpu:.1f} s), {mb / wall:.2f} MB/s by wall time "
          f"({wall:.1f} s), {n_files / wall:.0f} bulletins/s, peak RSS {rss:.1f} MiB")
        p(f"  target >= 50 MB/s: {verdict(mb / max(wall, cpu) >= 50)}")
        tenth = os.path.join(res, "e2e_tenth.time")
        if os.path.exists(tenth):
            t = gnu_time(tenth)
            p(f"  memory: peak RSS {t['rss']:.1f} MiB over the first {n_tenth} files "
              f"({tenth_bytes / MIB:.1f} MiB), {rss:.1f} MiB over all {n_files} "
              f"({mb:.1f} MiB); target < 64 MiB whatever the corpus size: "
              f"{verdict(rss < 64 and t['rss'] < 64)}")
        p("")

    seed_runs = [gnu_time(t) for t in glob.glob(os.path.join(res, "seed2000_*.time"))]
    if seed_runs and os.path.exists(os.path.join(res, "seed2000.txt")):
        with open(os.path.join(res, "seed2000.txt"), encoding="utf-8") as f:
            sb = int(f.read().split("=", 1)[1])
        cpu = med([t["cpu"] for t in seed_runs])
        p(f"End to end over 2000 copies of the seed ({sb / MIB:.1f} MiB), median of "
          f"{len(seed_runs)}: {sb / MIB / cpu:.2f} MB/s by CPU time ({cpu:.1f} s), peak RSS "
          f"{max(t['rss'] for t in seed_runs):.1f} MiB; target >= 50 MB/s: "
          f"{verdict(sb / MIB / cpu >= 50)}")
        p("")

    p("Start-up: a one-bulletin `parse -f jsonl` (CPU time, user + system; median, min-max):")
    for kind, label in (("builtin", "built-in rules"), ("dir", "--rules rules/")):
        ts = [float(r["ms"]) for r in kv_lines(os.path.join(res, f"startup_{kind}.txt"), "STARTUP")]
        if ts:
            line = (f"  {label:<15} {med(ts):6.1f} ms ({min(ts):.0f}-{max(ts):.0f} ms, "
                    f"{len(ts)} runs)")
            if kind == "builtin":
                line += f"; target < 20 ms: {verdict(med(ts) < 20)}"
            p(line)
    p("")

    p("batch -j 1 vs -j 2 over the corpus files:")
    note = os.path.join(res, "batch.note")
    if os.path.exists(note):
        with open(note, encoding="utf-8") as f:
            p("  " + f.read().strip())
    else:
        j = {}
        for n in (1, 2):
            ts = [gnu_time(t) for t in glob.glob(os.path.join(res, f"batch_j{n}_*.time"))]
            j[n] = (med([t["wall"] for t in ts]), max((t["rss"] for t in ts), default=0))
            walls = sorted(t["wall"] for t in ts)
            if walls:
                p(f"  -j {n} wall s, alternating runs: " + ", ".join(f"{w:.1f}" for w in walls))
        if j[1][0] and j[2][0]:
            speedup = j[1][0] / j[2][0]
            p(f"  -j 1: {j[1][0]:.1f} s ({e2e_bytes / MIB / j[1][0]:.2f} MB/s, peak RSS "
              f"{j[1][1]:.1f} MiB); -j 2: {j[2][0]:.1f} s ({e2e_bytes / MIB / j[2][0]:.2f} MB/s, "
              f"peak RSS {j[2][1]:.1f} MiB)")
            p(f"  speed-up {speedup:.2f}x (medians); target >= 1.85x: {verdict(speedup >= 1.85)}")

    scaling = os.path.join(res, "batch_scaling.txt")
    if os.path.exists(scaling):
        with open(scaling, encoding="utf-8") as f:
            text = f.read().strip()
        p("  by instructions (bench/batch_scaling.sh, callgrind, first "
          f"{os.environ.get('BATCH_SCALING_MB', '2')} MiB):")
        for line in text.splitlines():
            p("    " + line)
        m = re.search(r"by instructions: ([\d.]+)x", text)
        if m:
            p(f"    target >= 1.85x: {verdict(float(m.group(1)) >= 1.85)}")
    p("")

    inputs = []
    for name, label in (("pdf", "PDF"), ("pdftotext", "their pdftotext text"),
                        ("docx", "DOCX"), ("docx2txt", "their docx2txt text")):
        info = os.path.join(res, f"input_{name}.txt")
        runs = [gnu_time(t) for t in glob.glob(os.path.join(res, f"input_{name}_*.time"))]
        if os.path.exists(info) and runs:
            with open(info, encoding="utf-8") as f:
                kv = dict(x.split("=", 1) for x in f.read().split())
            inputs.append((label, int(kv["bytes"]), int(kv["files"]),
                           med([t["cpu"] for t in runs]), max(t["rss"] for t in runs)))
    if inputs:
        p("PDF and DOCX input (tests/corpus/, each set in one process; CPU time, median;")
        p("MB/s of the files' own bytes, and the CPU time against the same files' extracted text):")
        cpus = {label: cpu for label, _, _, cpu, _ in inputs}
        for label, b, n, cpu, rss in inputs:
            text = cpus.get("their pdftotext text" if label == "PDF" else
                            "their docx2txt text" if label == "DOCX" else None)
            ratio = f"  {cpu / text:.2f}x its text" if text else ""
            p(f"  {label:<22}{n:>4} files {b / MIB:7.2f} MiB  {cpu:6.2f} s  {b / MIB / cpu:7.2f} "
              f"MB/s  {n / cpu:7.1f} files/s  peak RSS {rss:.1f} MiB{ratio}")
        p("")

    p("Cost per byte, one bulletin of each size (stage bench end to end; CLI peak RSS):")
    p(f"  {'file':<18}{'bytes':>11}{'MB/s':>9}{'us/KiB':>9}{'vs 10k':>8}{'CLI peak RSS MiB':>18}")
    base = None
    worst = 0.0
    for s in ("10k", "1m", "10m"):
        rows = kv_lines(os.path.join(res, f"single_{s}.txt"), "BENCH")
        r = next((x for x in rows if x.get("stage") == "end-to-end"), None)
        if not r:
            continue
        b = int(r["bytes"])
        us_kib = float(r["seconds"]) * 1e6 / (b / 1024.0)
        base = base or us_kib
        worst = max(worst, us_kib / base)
        cli = os.path.join(res, f"single_{s}_cli.time")
        crss = gnu_time(cli)["rss"] if os.path.exists(cli) else float("nan")
        p(f"  single_{s}.txt{'':<{4 - len(s)}}{b:>11}{float(r['mbps']):>9.2f}{us_kib:>9.1f}"
          f"{us_kib / base:>7.2f}x{crss:>18.1f}")
    cli10 = os.path.join(res, "single_10m_cli.time")
    if os.path.exists(cli10):
        p(f"  one 10 MiB bulletin, peak RSS < 64 MiB: {verdict(gnu_time(cli10)['rss'] < 64)}")
    if base:
        p(f"  linear (a long bulletin no slower per byte than a 10 KiB one, 10% slack): "
          f"{verdict(worst <= 1.1)}")
    p("")

    peer = kv_lines(os.path.join(res, "peer.txt"), "PEER")
    mine = [r for r in kv_lines(os.path.join(res, "peer_jianbao.txt"), "BENCH")
            if r.get("stage") == "end-to-end"]
    if peer and mine:
        pr, mr = peer[0], mine[0]
        ratio = float(mr["mbps"]) / float(pr["mbps"])
        p(f"Reference peer on the same first {int(pr['bulletins'])} bulletins "
          f"({int(pr['bytes']) / MIB:.2f} MiB), CPU time, median:")
        p(f"  @microsoft/recognizers-text-suite (numbers, percentages, dates; Chinese): "
          f"{float(pr['mbps']):.3f} MB/s, {float(pr['bps']):.1f} bulletins/s, peak RSS "
          f"{float(pr['peak_mib']):.1f} MiB; found {pr['numbers']} numbers, {pr['percentages']} "
          f"percentages, {pr['dates']} dates")
        p(f"  jianbao (whole pipeline, in process): {float(mr['mbps']):.3f} MB/s, "
          f"{float(mr['bps']):.1f} bulletins/s, peak RSS {float(mr['peak_mib']):.1f} MiB")
        p(f"  jianbao / peer throughput: {ratio:.1f}x")
    else:
        p("Reference peer: not run (BENCH_SKIP_PEER)")
    print("\n".join(out))


if __name__ == "__main__":
    main()
