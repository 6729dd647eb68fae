#!/usr/bin/env python3
"""Issue 14's benchmark: what reading a PDF costs against parsing the text extracted from it.

For every rendered PDF of the shared corpus (tests/corpus/*/*/*.pdf), pdftotext (default mode,
as `jianbao parse` would get it from a user) writes the text into a temporary directory; then
`jianbao parse -f jsonl` runs over all the PDFs in one process and over all their texts in
another, RUNS times each, and the ratio of the medians of their CPU times is printed (the target:
at most 3x); so is the ratio against extracting the text and parsing it (pdftotext, one process
per file, then the one parse). Each file is also timed alone (its own process, best of RUNS, so
start-up counts as a user sees it), and the worst per-file ratio printed.

  bench/read_ratio.py [--jianbao build/jianbao] [--runs 5] [--json results/read_ratio.json]
"""
import argparse
import json
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd):
    """CPU seconds (user + system) the command took: on a shared machine, wall time measures the
    neighbours too."""
    start = children_cpu()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jianbao", default=str(ROOT / "build" / "jianbao"))
    ap.add_argument("--corpus", default=str(ROOT / "tests" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    pdfs = sorted(pathlib.Path(args.corpus).glob("*/*/*.pdf"))
    if not pdfs:
        sys.exit(f"no PDFs under {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="jb-read-ratio-") as tmp:
        texts = [pathlib.Path(tmp) / (pdf.stem + ".txt") for pdf in pdfs]
        extract_runs = [sum(timed(["pdftotext", str(p), str(t)]) for p, t in zip(pdfs, texts))
                        for _ in range(args.runs)]
        parse = [args.jianbao, "parse", "-f", "jsonl"]
        # One process over all files: the reading itself, start-up shared.
        pdf_runs = [timed(parse + [str(p) for p in pdfs]) for _ in range(args.runs)]
        txt_runs = [timed(parse + [str(t) for t in texts]) for _ in range(args.runs)]
        per_file = []
        for pdf, txt in zip(pdfs, texts):
            p = min(timed(parse + [str(pdf)]) for _ in range(args.runs))
            t = min(timed(parse + [str(txt)]) for _ in range(args.runs))
            per_file.append((p / t, pdf.name, p, t))
    pdf_s, txt_s = statistics.median(pdf_runs), statistics.median(txt_runs)
    extract_s = statistics.median(extract_runs)
    worst = max(per_file)
    figures = {
        "files": len(pdfs),
        "pdf_seconds": pdf_s,
        "text_seconds": txt_s,
        "ratio": pdf_s / txt_s,
        "pdftotext_seconds": extract_s,
        "ratio_to_extract_and_parse": pdf_s / (extract_s + txt_s),
        "per_file_median_ratio": statistics.median(r for r, *_ in per_file),
        "per_file_worst": {"file": worst[1], "ratio": worst[0], "pdf": worst[2], "text": worst[3]},
    }
    print(f"{len(pdfs)} PDFs: jianbao parse {pdf_s * 1000:.0f} ms from the PDFs, "
          f"{txt_s * 1000:.0f} ms from their pdftotext text: ratio {figures['ratio']:.2f} "
          f"(target <= 3; CPU time)")
    print(f"against pdftotext ({extract_s * 1000:.0f} ms) then parse: ratio "
          f"{figures['ratio_to_extract_and_parse']:.2f}")
    print(f"one process per file: median ratio {figures['per_file_median_ratio']:.2f}, worst "
          f"{worst[0]:.2f} ({worst[1]}: {worst[2] * 1000:.0f} ms vs {worst[3] * 1000:.0f} ms)")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
