"""Every output format read back by a standard parser gives back every string (issue 13).

A property test over generated strings: hostile code points (controls, DEL, U+0085, U+2028,
U+2029, the BOM, noncharacters, astral ones), YAML indicators and words YAML 1.1 types ("=",
"<<", "yes", "1e5", "10:30"), CSV and JSON specials. Two carriers take them through jianbao
verbatim: file names (into source.path and the metric records' file, in JSON, JSON Lines, YAML
and CSV) and line texts (explain --stage decode, YAML). PyYAML (safe_load), json and csv must
return each exactly. Seeded, so a failure is reproducible; prints the first strings that differ.

usage: roundtrip_check.py JIANBAO SAMPLE WORK_DIR [COUNT] [SEED]
"""

import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys

import yaml

HOSTILE = (
    [chr(c) for c in range(0x01, 0x20)]
    + ["\x7f", "\x85", "\xa0", "\u2028", "\u2029", "\ufeff", "\ufdd0", "\ufdef", "\ufffd",
       "\ufffe", "\uffff", "\U0001fffe", "\U0001ffff", "\U0010ffff", "\U0001f600", "\u00e9"]
    + list("\"'\\:#-?,[]{}&*!|>%@`=<~ \t")
    + ["工", "作", "简", "报", "　"]
)
WORDS = ["=", "<<", "yes", "No", "on", "null", "~", "1e5", "0x1F", "0o17", "10:30", "1_000",
         ".inf", "-.5", "2024-01-01", "true", "y", "- x", "? x", ": x", "a: b", "a #b", "#c",
         "*a", "&a", "!t", "%p", "@x", "`x", "'q", '"q', "|", ">", " lead", "trail ", "x:",
         "<<: *a", "{a: 1}", "[1]", "\ufeffbom", "1,2", 'say "hi"']
NAME_MAX = 255


def generate(rng, count):
    out = list(WORDS)
    while len(out) < count:
        n = rng.randint(1, 24)
        s = "".join(rng.choice(HOSTILE) if rng.random() < 0.6 else rng.choice("abc123")
                    for _ in range(n))
        if rng.random() < 0.2:
            s = rng.choice(WORDS) + s
        out.append(s)
    return out


def as_name(s):
    """A file name that holds s: no '/', no NUL, not . or .., within NAME_MAX with .txt."""
    s = s.replace("/", "_").replace("\0", "_")
    while len((s + ".txt").encode()) > NAME_MAX:
        s = s[:-1]
    return s + ".txt"


def run(cmd):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout


def differ(label, want, got):
    bad = [(w, g) for w, g in zip(want, got) if w != g]
    if len(want) != len(got):
        print(f"FAIL {label}: {len(got)} values for {len(want)} strings")
        return 1
    for w, g in bad[:5]:
        print(f"FAIL {label}: wrote {w!r}, read back {g!r}")
    return 1 if bad else 0


def main():
    jb, sample, work = sys.argv[1], sys.argv[2], sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 400
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 13
    rng = random.Random(seed)
    strings = generate(rng, count)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    names = []
    for s in strings:
        name = as_name(s)
        if name in names or name in (".txt", "..txt"):
            continue
        names.append(name)
        shutil.copyfile(sample, os.path.join(work, name))
    paths = [os.path.join(work, n) for n in names]
    failures = 0

    records = json.loads(run([jb, "parse", "-f", "json"] + paths))
    failures += differ("parse -f json source.path", paths, [r["source"]["path"] for r in records])
    # JSON Lines end records with '\n' only (str.splitlines would also split at U+2028).
    lines = run([jb, "parse", "-f", "jsonl"] + paths).decode().split("\n")[:-1]
    failures += differ("parse -f jsonl source.path", paths,
                       [json.loads(line)["source"]["path"] for line in lines])
    docs = list(yaml.safe_load_all(run([jb, "parse", "-f", "yaml"] + paths).decode()))
    failures += differ("parse -f yaml source.path", paths, [d["source"]["path"] for d in docs])

    # One metric file name per input, in input order (the sample holds metrics).
    def firsts(files):
        seen = []
        for f in files:
            if not seen or seen[-1] != f:
                seen.append(f)
        return seen

    jl = run([jb, "extract", "-f", "jsonl"] + paths).decode().split("\n")[:-1]
    failures += differ("extract -f jsonl file", paths, firsts([json.loads(x)["file"] for x in jl]))
    rows = list(csv.DictReader(io.StringIO(run([jb, "extract", "-f", "csv"] + paths).decode(),
                                           newline="")))
    failures += differ("extract -f csv file", paths, firsts([r["file"] for r in rows]))
    ym = yaml.safe_load(run([jb, "extract", "-f", "yaml"] + paths).decode())
    failures += differ("extract -f yaml file", paths, firsts([m["file"] for m in ym]))

    # Line texts: every string but line breaks and what decode refuses as no text (U+FFFE,
    # U+FFFF), through the decode stage and YAML.
    texts = [s.replace("\n", " ").replace("\r", " ").replace("\f", " ").replace("\v", " ")
             .replace("\x1c", " ").replace("\x1d", " ").replace("\x1e", " ")
             .replace("\x85", " ").replace("\u2028", " ").replace("\u2029", " ")
             .replace("\ufeff", " ").replace("\ufffe", " ").replace("\uffff", " ")
             .strip(" \t\u3000") or "x" for s in strings]
    text_file = os.path.join(work, "lines.txt")
    with open(text_file, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(texts) + "\n")
    out = run([jb, "explain", "--stage", "decode", text_file]).decode()
    decoded = [line["text"] for line in yaml.safe_load(out.split("---\n", 1)[1])["lines"]]
    want = [t for t in texts]
    got = decoded[: len(want)]
    # decode trims nothing but may drop trailing blanks: compare what it kept verbatim.
    failures += differ("explain --stage decode (YAML) line text", want, got)
    print(f"roundtrip: {len(paths)} names, {len(texts)} lines, seed {seed}: "
          f"{'ok' if failures == 0 else f'{failures} formats failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
