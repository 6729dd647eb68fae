#!/usr/bin/env python3
"""Checks that two inputs of the same bulletin (a PDF or DOCX and text extracted from it) give the
same structure and metrics, leaving aside what only a file format can give (line numbers, pages,
positions, source). Usage: same_structure.py JIANBAO A B [B ...]; exit 1 with the differences."""
import json
import subprocess
import sys


def meaning(doc):
    """The record without line numbers and file positions. An item's paragraphs are compared
    as one text: where a paragraph ends is what the file's layout shows and extracted text loses
    (pdftotext breaks lines, and a line that falls short can end a paragraph there)."""
    def metrics(ms):
        return [(m["kind"], m["text"], json.dumps(m.get("value")), json.dumps(m.get("start")),
                 json.dumps(m.get("end")), m.get("unit", "")) for m in ms]

    def points(ps):
        return [(p["marker"], p["heading"], p["text"], points(p.get("points", []))) for p in ps]

    m = doc["masthead"]
    return {
        "masthead": None if m is None else {k: m[k] for k in
                                            ("title", "issue", "total_issue", "publisher", "date")},
        "sections": [(s["title"], [(i["title"], i["kind"], "".join(i["paragraphs"]), points(i["points"]),
                                    metrics(i["metrics"])) for i in s["items"]])
                     for s in doc["sections"]],
        "distribution": doc["distribution"],
        "colophon": doc["colophon"],
        "removed": sorted(r["text"].replace(" ", "") for r in doc["removed"]),
        "unclaimed": [u["text"] for u in doc["unclaimed"]],
    }


def parse(jianbao, path):
    out = subprocess.run([jianbao, "parse", "-f", "json", path], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{path}: jianbao exit {out.returncode}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def diff(a, b, where=""):
    if type(a) != type(b) or not isinstance(a, (dict, list, tuple)):
        return [] if a == b else [f"{where}: {a!r} != {b!r}"]
    if isinstance(a, dict):
        return [d for k in sorted(set(a) | set(b)) for d in diff(a.get(k), b.get(k), f"{where}.{k}")]
    out = [d for i, (x, y) in enumerate(zip(a, b)) for d in diff(x, y, f"{where}[{i}]")]
    if len(a) != len(b):
        out.append(f"{where}: {len(a)} entries != {len(b)}")
    return out


def main():
    jianbao, first, *others = sys.argv[1:]
    want = meaning(parse(jianbao, first))
    failed = False
    for other in others:
        problems = diff(want, meaning(parse(jianbao, other)))
        for p in problems[:20]:
            print(f"{first} vs {other}: {p}")
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
