#!/usr/bin/env python3
"""jianbao trend and diff over the shared corpus' series family (tests/corpus/series: twelve
monthly issues rendered by Word, LibreOffice, pdftotext, pandoc ...), against the series gold
the generator wrote (sNNNN.series.yaml). Prints, per text variant, how many composed series trend
finds with every value right, and over how many consecutive pairs diff lists exactly the composed
items and provinces added and dropped; fails below the floors given.

Usage: corpus_series_test.py JIANBAO SRC_DIR [VARIANT=SERIES_FLOOR:PAIRS_FLOOR ...]
VARIANT is a text variant (lotxt, pdftotext, ...) or pdf / docx for the rendered files.
The structure stage, not trend, loses what is missing (a region on its own line, say): the floors
sit just under today's figures so that a regression in either shows."""
import glob
import json
import os
import subprocess
import sys

import yaml

JB, SRC = sys.argv[1:3]
floors = {}
for arg in sys.argv[3:]:
    variant, f = arg.split("=")
    floors[variant] = tuple(int(x) for x in f.split(":"))
root = os.path.join(SRC, "tests", "corpus", "series")
if not os.path.isdir(root):
    print("SKIP: no tests/corpus/series")
    sys.exit(77)


# docx2txt writes Word's curly quotes as straight ones; the series gold has the composition's.
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def titles(items):
    return sorted(t.translate(STRAIGHT) for t in items)


def run(*args):
    r = subprocess.run([JB, *args], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"jianbao {' '.join(args[:2])} exited {r.returncode}: {r.stderr.decode()[:500]}")
    return r.stdout


failed = False
for gold_path in sorted(glob.glob(os.path.join(root, "*.series.yaml"))):
    with open(gold_path, encoding="utf-8") as f:
        gold = yaml.safe_load(f)
    cases = [i["case"] for i in gold["issues"]]
    for variant in sorted(floors):
        # pdf and docx: the rendered files themselves, through jianbao's readers
        name = "{c}." + variant + ("" if variant in ("pdf", "docx") else ".txt")
        texts = [os.path.join(root, c, name.format(c=c)) for c in cases]
        rows = [json.loads(line) for line in run("trend", *texts, "-f", "jsonl").splitlines()]
        series = {}
        for r in rows:
            series.setdefault(r["key"], {})[r["source_path"]] = r["value"]
        found = 0
        used = set()
        for k in gold["keys"]:
            want = {t: v for t, v in zip(texts, k["values"]) if v is not None}
            region = k["key"]["region"] or "-"
            match = next((key for key, got in series.items() if key not in used and got == want
                          and key.startswith(k["key"]["kind"]) and f"/ {region}" in key), None)
            if match:
                used.add(match)
                found += 1
        exact_pairs = 0
        for ch in gold["changes"]:
            a, b = texts[ch["from"] - 1], texts[ch["to"] - 1]
            d = json.loads(run("diff", a, b, "-f", "json"))
            same = (titles(i["title"] for i in d["items_added"]) == titles(ch["items_added"]) and
                    titles(i["title"] for i in d["items_dropped"]) == titles(ch["items_dropped"])
                    and sorted(p["name"] for p in d["provinces_added"]) == sorted(
                        ch["provinces_added"]) and sorted(
                            p["name"] for p in d["provinces_dropped"]) == sorted(
                                ch["provinces_dropped"]))
            exact_pairs += same
        want_series, want_pairs = floors[variant]
        ok = found >= want_series and exact_pairs >= want_pairs
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(gold_path)} {variant}: series "
              f"{found}/{len(gold['keys'])} (floor {want_series}), diff pairs exact "
              f"{exact_pairs}/{len(gold['changes'])} (floor {want_pairs})")
sys.exit(1 if failed else 0)
