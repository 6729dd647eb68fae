#!/usr/bin/env python3
"""Check the corpus against itself: every line a gold file names holds what the gold says.

  tests/corpus/check_gold.py [--corpus DIR]

For each <case>.<variant>.gold.yaml: an item's first line holds the start of its title and its
last line is not before its first; a section's line holds its title; a removed line's text is
that line (without \\f and outer spaces); no two items overlap. Exit 1 on the first 20 problems
(a generator bug: fix scripts/corpus/ and re-render), 0 when all hold.
"""

import argparse
import glob
import os
import re
import sys
import unicodedata

import yaml

FOLD = {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "--"}
WS = re.compile(r"\s+")


def fold(s):
    s = WS.sub("", s)
    return "".join(FOLD.get(c) or unicodedata.normalize("NFKC", c) for c in s)


def masthead_problems(masthead, text):
    """The issue numbers the gold holds are those the text prints, and no other."""
    if not masthead:
        return []
    problems = []
    issue, total = masthead.get("issue"), masthead.get("total_issue")
    if issue is not None and f"第{issue}期" not in text:
        problems.append(f"masthead issue {issue} is not printed")
    if total is not None and f"总第{total}期" not in text:
        problems.append(f"masthead total_issue {total} is not printed")
    if total is None and "总第" in text:
        problems.append("masthead total_issue is null but the text prints 总第")
    return problems


def check(gold_path):
    with open(gold_path, encoding="utf-8") as f:
        gold = yaml.safe_load(f)
    with open(gold_path.replace(".gold.yaml", ".txt"), encoding="utf-8-sig") as f:
        lines = re.split(r"\r\n|\n|\r", f.read())
    problems = []

    def line(n):
        return lines[n - 1] if 1 <= n <= len(lines) else None

    spans = []
    for sec in gold.get("sections") or []:
        if sec.get("line") and fold(sec["title"])[:2] not in fold(line(sec["line"]) or ""):
            problems.append(f"section {sec['title']!r} not on line {sec['line']}")
        for item in sec.get("items") or []:
            if "lines" not in item:
                continue
            first, last = item["lines"]
            text = line(first)
            if text is None or line(last) is None or last < first:
                problems.append(f"item {item['title'][:20]!r}: bad lines {item['lines']}")
                continue
            if fold(item["title"])[:1] not in fold(text):
                problems.append(f"item {item['title'][:20]!r}: line {first} is {text[:30]!r}")
            spans.append((first, last, item["title"]))
    spans.sort()
    for (a0, a1, at), (b0, _, bt) in zip(spans, spans[1:]):
        if b0 < a1 and a0 != a1:  # the web variant holds everything on line 1
            problems.append(f"items {at[:12]!r} and {bt[:12]!r} overlap")
    problems += masthead_problems(gold.get("masthead"), fold("".join(lines)))
    for e in gold.get("removed") or []:
        text = line(e["line"])
        if text is None or text.replace("\f", "").strip() != e["text"]:
            problems.append(f"removed line {e['line']} is {text!r}, gold {e['text']!r}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(args.corpus, "*", "*", "*.*.gold.yaml")))
    if not paths:
        print(f"check_gold.py: no gold files under {args.corpus}", file=sys.stderr)
        return 1
    bad = []
    for p in paths:
        bad += [f"{os.path.relpath(p, args.corpus)}: {m}" for m in check(p)]
    for m in bad[:20]:
        print(m, file=sys.stderr)
    print(f"check_gold.py: {len(paths)} gold files, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
