#!/usr/bin/env python3
"""jianbao trend and diff over the twelve composed issues of tests/data/series, against the gold
scripts/compose_series.py wrote from the composition. Usage: trend_test.py JIANBAO SRC_DIR WORK"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

import jsonschema
import yaml

JB, SRC, WORK = sys.argv[1:4]
SERIES = os.path.join(SRC, "tests", "data", "series")
failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))
    if not cond:
        failures.append(name)


def run(*args):
    r = subprocess.run([JB, *args], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"jianbao {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def key(f):
    k = f["kind"] + (" " + f["unit"] if f["unit"] else "")
    k += " / " + (f["section"] or "-") + " / " + (f["region"] or "-")
    return k + (f" #{f['n']}" if f["n"] > 1 else "")


with open(os.path.join(SERIES, "series.gold.yaml"), encoding="utf-8") as f:
    gold = yaml.safe_load(f)
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
out = os.path.join(WORK, "out")
texts = sorted(os.path.join(SERIES, g["file"]) for g in gold["issues"])
run("batch", SERIES, "-o", out, "-f", "json")

# Tidy rows, from the batch directory and from the texts parsed on the spot.
tidy = run("trend", out, "-f", "jsonl")
rows = [json.loads(line) for line in tidy.splitlines()]
check("trend over the texts equals trend over the batch directory",
      run("trend", *texts, "-f", "jsonl") == tidy)
yaml_out = os.path.join(WORK, "out_yaml")
run("batch", SERIES, "-o", yaml_out, "-f", "yaml")
check("trend over a batch of YAML records equals trend over JSON ones",
      run("trend", yaml_out, "-f", "jsonl") == tidy)
dates = [g["date"] for g in gold["issues"]]
want = {key(s): [(d, v) for d, v in zip(dates, s["values"]) if v is not None]
        for s in gold["series"]}
got = {}
for r in rows:
    got.setdefault(r["key"], []).append((r["masthead_date"], r["value"]))
for k, series in want.items():
    check(f"series {k}: values in issue order", got.get(k) == series, f"{got.get(k)} != {series}")
check("no series the composition did not put there", sorted(got) == sorted(want),
      sorted(set(got) ^ set(want)))
check("each row names its source line", all(r["line"] > 0 and r["text"] for r in rows))
check("issue numbers are integers", all(isinstance(r["masthead_issue"], int) for r in rows))

# Wide CSV: keys down, the twelve issues across, in date order.
wide = list(csv.reader(io.StringIO(run("trend", out, "-f", "wide").decode("utf-8"))))
check("wide: one column per issue", len(wide[0]) == 1 + len(dates), wide[0])
check("wide: issues in masthead date order", [h.split(" ")[0] for h in wide[0][1:]] == dates)
check("wide: one row per series", len(wide) == 1 + len(want))

# CSV for Excel: a BOM, integers without a decimal point.
bom = run("trend", out, "-f", "csv", "--bom", "--fields", "key,masthead_date,value")
check("csv --bom starts with the UTF-8 BOM", bom.startswith(b"\xef\xbb\xbf"))
body = list(csv.DictReader(io.StringIO(bom[3:].decode("utf-8"))))
check("--fields picks the columns", list(body[0]) == ["key", "masthead_date", "value"])
ints = [r["value"] for r in body if r["key"].startswith("count")]
check("counts stay integers in CSV", ints and all(v.isdigit() for v in ints), ints[:5])
check("csv-excel is csv with a BOM",
      run("trend", out, "-f", "csv-excel", "--fields", "key,value") ==
      run("trend", out, "-f", "csv", "--bom", "--fields", "key,value"))
js = json.loads(run("trend", out, "-f", "json", "--compact", "--fields", "key,value"))
check("trend -f json is one array of the tidy rows", isinstance(js, list) and len(js) == len(rows))

# The HTML report: one chart per series.
html = run("trend", out, "-f", "html").decode("utf-8")
check("html: one chart per series", html.count('class="series-chart"') == len(want),
      html.count('class="series-chart"'))
check("html: no external resource", "http://" not in html.replace(
    'xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html)
check("html: a provinces table and a changes table",
      'id="provinces"' in html and html.count('class="change"') == len(dates) - 1)

# diff on the two consecutive issues the gold describes.
ch = gold["changes"]
a, b = os.path.join(SERIES, ch["from"]), os.path.join(SERIES, ch["to"])
d = json.loads(run("diff", a, b, "-f", "json"))
check("diff: items added", [{"section": i["section"], "title": i["title"]}
                            for i in d["items_added"]] == ch["items_added"], d["items_added"])
check("diff: items dropped", [{"section": i["section"], "title": i["title"]}
                              for i in d["items_dropped"]] == ch["items_dropped"])
want_metrics = sorted((key(m), m["before"], m["after"]) for m in ch["metrics"])
got_metrics = sorted((m["key"], m["before"], m["after"]) for m in d["metrics"])
check("diff: metrics changed, added and gone", got_metrics == want_metrics,
      set(got_metrics) ^ set(want_metrics))
check("diff: provinces added", [p["name"] for p in d["provinces_added"]] == ch["provinces_added"])
check("diff: provinces dropped",
      [p["name"] for p in d["provinces_dropped"]] == ch["provinces_dropped"])
text = run("diff", a, b).decode("utf-8").splitlines()
changes = len(ch["items_added"]) + len(ch["items_dropped"]) + len(ch["metrics"]) + len(
    ch["provinces_added"]) + len(ch["provinces_dropped"])
check("diff text: two header lines and one line per change", len(text) == 2 + changes, len(text))
check("diff of the batch records equals diff of the texts", run(
    "diff", os.path.join(out, ch["from"].replace(".txt", ".json")),
    os.path.join(out, ch["to"].replace(".txt", ".json")), "-f", "json") == run(
        "diff", a, b, "-f", "json"))

# Metric records carry their bulletin's context.
m = [json.loads(line) for line in run("extract", b).splitlines()]
to = next(g for g in gold["issues"] if g["file"] == ch["to"])
check("extract: masthead date and issue numbers on every record", m and all(
    r["masthead_date"] == to["date"] and r["masthead_issue"] == to["issue"] and
    r["masthead_total_issue"] == to["total_issue"] for r in m))
check("extract: source_path, and file kept as its deprecated alias",
      all(r["source_path"] == r["file"] == b for r in m))
check("extract: item region and code",
      {(r["item_region"], r["item_region_code"]) for r in m if r["section"] == "地方经验"} ==
      {("山东省", "370000"), ("浙江省", "330000"), ("江苏省", "320000"), ("广东省", "440000")})
xl = run("extract", "-f", "csv-excel", "--fields", "kind,value,masthead_issue", b)
xl_rows = list(csv.DictReader(io.StringIO(xl[3:].decode("utf-8"))))
check("extract -f csv-excel: a BOM, the fields asked for, integers as integers",
      xl.startswith(b"\xef\xbb\xbf") and list(xl_rows[0]) == ["kind", "value", "masthead_issue"]
      and all(r["value"].isdigit() and r["masthead_issue"] == str(to["issue"]) for r in xl_rows
              if r["kind"] == "count"), xl_rows[:3])
one = json.loads(run("extract", "-f", "json", b))
check("extract -f json: an array for one file too", isinstance(one, list) and len(one) == len(m))

# Items keep their text in reading order: paragraphs and points interleaved by their lines.
doc = json.loads(run("parse", "-f", "json", os.path.join(SRC, "samples", "03_unwrapped_word.txt")))
items = [i for sec in doc["sections"] for i in sec["items"]]
mixed = [i for i in items if i["paragraphs"] and i["points"]]
check("body: some sample items mix paragraphs and points", len(mixed) >= 3, len(mixed))
for i in items:
    body = i["body"]
    starts = [b["lines"][0] for b in body]
    if starts != sorted(starts) or [b["text"] for b in body if b["type"] == "paragraph"] != i[
            "paragraphs"] or [b["text"] for b in body if b["type"] == "point"] != [
                p["text"] for p in i["points"]]:
        check(f"body of {i['id']} in reading order, every paragraph and point once", False, body)
        break
else:
    check("body: every item's paragraphs and points once, in line order", True)
first = mixed[0]["body"]
check("body: a point between paragraphs stays between them",
      [b["type"] for b in first][:2] == ["paragraph", "point"] and first[-1]["type"] in (
          "paragraph", "point"))

# Every row and the diff against their schemas.
def schema(name):
    with open(os.path.join(SRC, "schemas", name), encoding="utf-8") as f:
        return json.load(f)


row_schema = schema("trend_row.schema.json")
bad_rows = [e.message for r in rows for e in jsonschema.Draft7Validator(row_schema).iter_errors(r)]
check("every tidy row fits schemas/trend_row.schema.json", not bad_rows, bad_rows[:3])
bad_diff = [e.message for e in jsonschema.Draft7Validator(schema("diff.schema.json")).iter_errors(d)]
check("the diff fits schemas/diff.schema.json", not bad_diff, bad_diff[:3])

# Bad input: a usage error (exit 2) that names the file, and nothing on stdout.
bad = os.path.join(WORK, "bad.jsonl")
with open(bad, "w", encoding="utf-8") as f:
    f.write(tidy.decode("utf-8").splitlines()[0] + "\n")  # a tidy row: not a bulletin record
for args, says in [(["trend", bad], bad + ":1:"), (["trend", out, "--by", "unit"], "--by"),
                   (["trend", out, "--fields", "key,colour"], "colour"),
                   (["diff", a], "two bulletins"), (["diff", a, out], "expected one bulletin")]:
    r = subprocess.run([JB, *args], capture_output=True)
    check(f"jianbao {' '.join(args[:1] + args[2:])}: exit 2, says {says!r}",
          r.returncode == 2 and says in r.stderr.decode() and not r.stdout,
          (r.returncode, r.stderr.decode()))

print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
