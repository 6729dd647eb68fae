#!/usr/bin/env python3
"""Score `jianbao parse` on the shared test corpus (tests/corpus/README.md).

  tests/corpus/score.py --jianbao build/jianbao                   # print every figure
  tests/corpus/score.py --jianbao build/jianbao --floor titles=90 --floor item_lines=60
  tests/corpus/score.py --jianbao build/jianbao --family bulletins --variant pdftotext -n 20

Runs jianbao once over every <case>.<variant>.txt (JSON Lines), compares each record with its
<case>.<variant>.gold.yaml and prints, per check, the share right overall, per family and per
variant, then the first failures of each check (file:line: what). An input jianbao gives no
record for is scored as wrong. Exit 1 when a check is below its --floor, 2 on a usage error or
when no input gives a record.
"""

import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
VARIANTS = ["pdftotext", "layout", "raw", "docx2txt", "pandoc", "lotxt", "web", "pdf", "docx"]
# The rendered files themselves, read by jianbao's PDF and DOCX readers (issue 14), scored against
# the tool-independent <case>.gold.yaml. It has no line numbers, so `item_lines` is not judged
# and `removed` is judged by text (see score_removed_by_text).
FILE_VARIANTS = ["pdf", "docx"]
# The targets of issue 11 (structure) and 15 (documents); printed beside the floors.
TARGETS = collections.defaultdict(lambda: 97.0, titles=99.0)
CHECKS = ["titles", "item_kind", "item_lines", "sections", "points", "masthead", "distribution",
          "colophon", "signature", "removed", "removed_kind", "metrics_recall",
          "metrics_precision", "provinces", "genre", "document", "series"]
JUDGED_KINDS = {"percentage", "percentage_point", "count", "amount", "date", "date_range",
                "deadline", "duration", "year", "year_range"}
WS = re.compile(r"\s+")


def squeeze(s):
    return WS.sub("", s or "")


class Score:
    def __init__(self):
        self.right = collections.Counter()  # (check, family, variant) -> n
        self.total = collections.Counter()
        self.failures = collections.defaultdict(list)  # check -> [message]

    def add(self, check, ok, gold, line, what):
        key = (check, gold["family"], gold["variant"])
        self.total[key] += 1
        if ok:
            self.right[key] += 1
        else:
            self.failures[check].append(f"{gold['_path']}:{line or 0}: {what}")

    def pct(self, check, family=None, variant=None):
        keys = [k for k in self.total if k[0] == check and (family is None or k[1] == family)
                and (variant is None or k[2] == variant)]
        total = sum(self.total[k] for k in keys)
        if not total:
            return None
        return 100.0 * sum(self.right[k] for k in keys) / total


# -- comparing one record with its gold -------------------------------------------------------

def same_number(g, ours):
    try:
        return abs(float(g) - float(ours)) < 1e-6 * max(1.0, abs(float(g)))
    except (TypeError, ValueError):
        return str(g) == str(ours)


def metric_matches(g, m):
    if g["kind"] != m.get("kind"):
        return False
    for key in ("value", "start", "end"):
        if key in g and not same_number(g[key], m.get(key)):
            return False
    for key in ("unit", "change"):
        if key in g and g[key] != m.get(key, ""):
            return False
    if "comparator" in g:
        return g["comparator"] == m.get("comparator", "")
    # Where the gold gives none, a percentage, count or amount must be exact.
    return g["kind"] not in ("percentage", "count", "amount") or not m.get("comparator")


def describe(m):
    parts = [m.get("kind", "?"), repr(m.get("text", ""))]
    for key in ("value", "start", "end", "unit", "comparator", "change"):
        if key in m:
            parts.append(f"{key}={m[key]}")
    return " ".join(parts)


def flat_items(sections):
    return [(s, i, item) for s, sec in enumerate(sections) for i, item in enumerate(sec["items"])]


def match_items(gold_items, ours):
    """Pair each gold item with a parsed one: the same title first, else the same first line."""
    used = set()
    pairs = []
    for _, _, g in gold_items:
        hit = None
        for k, (_, _, o) in enumerate(ours):
            if k not in used and o.get("title") == g["title"]:
                hit = k
                break
        if hit is None and g.get("lines"):
            for k, (_, _, o) in enumerate(ours):
                if k not in used and o.get("lines", [0])[0] == g["lines"][0]:
                    hit = k
                    break
        if hit is not None:
            used.add(hit)
        pairs.append((g, ours[hit][2] if hit is not None else None))
    return pairs


def masthead_value(v):
    if v is None or v == "":
        return None
    if isinstance(v, str) and v.isdigit():
        return int(v)
    return v


def score_record(sc, gold, rec):
    sections = gold.get("sections") or []
    ours_sections = rec.get("sections") or []
    if gold.get("genre") == "official_document":
        # A 公文's gold sections are its body's 一、 headings: ours without the untitled
        # opening (the text before 一、) and the attachments' sections (their `part`).
        ours_sections = [s for s in ours_sections
                         if s.get("part", "body") == "body" and s.get("title")]
    gold_items = flat_items(sections)
    ours_items = flat_items(ours_sections)
    for g, o in match_items(gold_items, ours_items):
        line = (g.get("lines") or [0])[0]
        sc.add("titles", o is not None and o.get("title") == g["title"], gold, line,
               f"title {g['title']!r} not found" + (f" (at its line: {o.get('title')!r})" if o
                                                     else ""))
        if o is None:
            for check in ("item_kind", "points", "provinces") + (("item_lines",) if g.get("lines")
                                                                   else ()):
                sc.add(check, False, gold, line, f"no item for {g['title']!r}")
            for gm in g.get("metrics", []):
                sc.add("metrics_recall", False, gold, line, f"{g['title'][:20]}: {gm} (no item)")
            continue
        region_ok = True
        if g.get("region"):
            r = o.get("region") or {}
            region_ok = r.get("name") == g["region"]["name"] and r.get("code") == g["region"]["code"]
        elif o.get("region") and g["kind"] == "news":
            region_ok = False
        sc.add("item_kind", o.get("kind") == g["kind"] and region_ok, gold, line,
               f"{g['title'][:24]}: kind {o.get('kind')} region {o.get('region')}, gold {g['kind']} "
               f"{g.get('region')}")
        if g.get("lines"):
            sc.add("item_lines", list(o.get("lines", [])) == list(g["lines"]), gold, line,
                   f"{g['title'][:24]}: lines {o.get('lines')}, gold {g['lines']}")
        npoints = len(o.get("points") or [])
        sc.add("points", npoints == g.get("points", 0), gold, line,
               f"{g['title'][:24]}: {npoints} points, gold {g.get('points', 0)}")
        want = set(g.get("provinces") or [])
        got = {p["name"] for p in o.get("provinces") or []}
        sc.add("provinces", want == got, gold, line,
               f"{g['title'][:24]}: provinces {sorted(got)}, gold {sorted(want)}")
        metrics = o.get("metrics") or []
        for gm in g.get("metrics") or []:
            sc.add("metrics_recall", any(metric_matches(gm, m) for m in metrics), gold, line,
                   f"{g['title'][:20]}: missed {gm}")
        seen = set()
        for m in metrics:
            if m.get("kind") not in JUDGED_KINDS:
                continue
            d = describe(m)
            if d in seen:
                continue
            seen.add(d)
            sc.add("metrics_precision", any(metric_matches(gm, m) for gm in g.get("metrics") or []),
                   gold, m.get("line"), f"{g['title'][:20]}: extra {d}")
    # Sections: the same title with the same number of items, in order. A 公文's sections
    # (一、…) carry their points and metrics themselves: judged on whatever items we put there.
    official = gold.get("genre") == "official_document"
    for s, gs in enumerate(sections):
        o = ours_sections[s] if s < len(ours_sections) else None
        ok = (o is not None and o.get("title", "") == (gs.get("title") or "")
              and (official or len(o.get("items") or []) == len(gs["items"])))
        if official:
            score_document_section(sc, gold, gs, o)
        sc.add("sections", ok, gold, gs.get("line"),
               f"section {s + 1} {gs.get('title')!r} with {len(gs['items'])} items; ours " +
               (f"{o.get('title')!r} with {len(o.get('items') or [])}" if o else "none"))
    if len(ours_sections) > len(sections):
        sc.add("sections", False, gold, 0,
               f"{len(ours_sections)} sections, gold {len(sections)}")
    m = gold.get("masthead")
    if m:
        om = rec.get("masthead") or {}
        for key in ("title", "issue", "total_issue", "publisher", "date"):
            if key in m:
                ok = masthead_value(om.get(key)) == masthead_value(m[key])
                sc.add("masthead", ok, gold, 1, f"masthead.{key} {om.get(key)!r}, gold {m[key]!r}")
    d = gold.get("distribution")
    if d is not None:
        od = rec.get("distribution") or {}
        for key in ("report_to", "copy_to", "send_to", "cc"):
            want = [squeeze(x) for x in d.get(key) or []]
            got = [squeeze(x) for x in od.get(key) or []]
            if want or got:
                sc.add("distribution", want == got, gold, 0,
                       f"distribution.{key} {od.get(key)}, gold {d.get(key)}")
    if "colophon" in gold:
        # Compared as one text: pdftotext may print "编辑：…　审核：…" as two lines.
        want = "".join(squeeze(x) for x in gold["colophon"] or [])
        got = "".join(squeeze(x) for x in rec.get("colophon") or [])
        sc.add("colophon", want == got, gold, 0, f"colophon {rec.get('colophon')}, gold "
                                                 f"{gold['colophon']}")
    sig = gold.get("signature")
    if sig:
        osig = rec.get("signature") or (rec.get("document") or {}).get("signature") or {}
        ok = ([squeeze(x) for x in osig.get("issuers") or []] ==
              [squeeze(x) for x in sig["issuers"]] and osig.get("date") == sig["date"])
        sc.add("signature", ok, gold, 0, f"signature {osig or None}, gold {sig}")
    if gold["variant"] in FILE_VARIANTS:
        score_removed_by_text(sc, gold, rec)
    elif "removed" in gold:
        score_removed(sc, gold, rec)
    genre = rec.get("genre", "bulletin") if rec else None  # no field yet: all are bulletins
    sc.add("genre", genre == gold.get("genre", "bulletin"), gold, 1,
           f"genre {genre!r}, gold {gold.get('genre')!r}")
    if isinstance(gold.get("document"), dict):  # a 公文 (issue 15); for a bulletin: its file
        score_document(sc, gold, rec)
    if gold.get("series"):
        score_series(sc, gold, rec)


def score_series(sc, gold, rec):
    """Each series value of this issue (family series, issue 16) is a metric of its kind and
    value in an item of its section (and region): what `trend` needs from each record."""
    for v in gold["series"]["values"]:
        found = False
        for sec in rec.get("sections") or []:
            if sec.get("title") != v["section"]:
                continue
            for item in sec.get("items") or []:
                if v.get("region") and (item.get("region") or {}).get("name") != v["region"]:
                    continue
                found = found or any(m.get("kind") == v["kind"] and same_number(v["value"],
                                                                                 m.get("value"))
                                     for m in item.get("metrics") or [])
        sc.add("series", found, gold, 0, f"series {v['label']} = {v['value']} not found in "
                                         f"section {v['section']!r}")


def score_document_section(sc, gold, gs, o):
    line = gs.get("line")
    items = (o or {}).get("items") or []
    npoints = len((o or {}).get("points") or []) + sum(len(i.get("points") or []) for i in items)
    sc.add("points", npoints == gs.get("points", 0), gold, line,
           f"section {gs['title'][:20]!r}: {npoints} points, gold {gs.get('points', 0)}")
    metrics = ((o or {}).get("metrics") or []) + [m for i in items for m in i.get("metrics") or []]
    for gm in gs.get("metrics") or []:
        sc.add("metrics_recall", any(metric_matches(gm, m) for m in metrics), gold, line,
               f"section {gs['title'][:20]!r}: missed {gm}")


DIGITS = re.compile(r"[0-9]+")


def furniture_shape(text):
    """A furniture line's text without spaces and digits: "— 5 —" and "—5—" are one shape."""
    return DIGITS.sub("#", squeeze(text))


def score_removed_by_text(sc, gold, rec):
    """For a PDF or DOCX: the furniture shapes the pdftotext -layout text of the same PDF has
    (page numbers split over lines joined again) against the shapes of the lines we removed, as sets:
    a DOCX holds its header once, a PDF once a page."""
    want = {}
    pieces = []
    for e in sorted(gold.get("_furniture") or [], key=lambda e: e["line"]):
        if e["kind"] == "page_number" and pieces and e["line"] - pieces[-1]["line"] <= 2:
            pieces.append(e)
            continue
        if pieces:
            want.setdefault(furniture_shape("".join(p["text"] for p in pieces)), "page_number")
        pieces = []
        if e["kind"] == "page_number":
            pieces = [e]
        elif e["kind"] != "separator":  # a drawn rule is no text in a PDF or DOCX
            want.setdefault(furniture_shape(e["text"]), e["kind"])
    if pieces:
        want.setdefault(furniture_shape("".join(p["text"] for p in pieces)), "page_number")
    got = {}
    for e in rec.get("removed") or []:
        if e["kind"] != "separator":
            got.setdefault(furniture_shape(e["text"]), e)
    # pdftotext cuts one footer line at its ideographic space ("内部资料", "注意保存") where the
    # reader keeps the line whole: a shape counts as removed when a removed line holds it, and a
    # removed line is furniture when the gold's shapes make it up.
    def holder(shape):
        return next((g for g in got if shape in g), None)

    def made_of_furniture(text):
        for w in sorted(want, key=len, reverse=True):
            text = text.replace(w, "")
        return not text.strip()

    for shape, kind in want.items():
        g = holder(shape)
        sc.add("removed", g is not None, gold, 0, f"{kind} {shape!r} not removed")
        if g is not None and g == shape:
            sc.add("removed_kind", got[g]["kind"] == kind, gold, got[g]["line"],
                   f"{shape!r} removed as {got[g]['kind']}, gold {kind}")
    for shape, e in got.items():
        if not made_of_furniture(shape):
            sc.add("removed", False, gold, e["line"], f"removed {e['kind']} {e['text']!r}: not "
                                                       "furniture")


def score_removed(sc, gold, rec):
    """removed: the furniture lines, by line number (recall and precision in one figure);
    removed_kind: of the lines rightly removed, those named with the gold's kind."""
    want = {e["line"]: e for e in gold.get("removed") or []}
    got = {e["line"]: e for e in rec.get("removed") or []}
    for line, e in want.items():
        sc.add("removed", line in got, gold, line, f"{e['kind']} {e['text']!r} not removed")
        if line in got:
            sc.add("removed_kind", got[line]["kind"] == e["kind"], gold, line,
                   f"{e['text']!r} removed as {got[line]['kind']}, gold {e['kind']}")
    for line, e in got.items():
        if line not in want:
            sc.add("removed", False, gold, line, f"removed {e['kind']} {e['text']!r}: not "
                                                 "furniture")


DOCUMENT_FIELDS = ["issuer_mark", "issuers", "doc_number", "urgency", "secrecy", "signer",
                   "title", "doc_type", "forwards", "addressee", "signature", "attachments",
                   "note", "imprint"]


def norm_field(v):
    if isinstance(v, str):
        return squeeze(v) or None
    if isinstance(v, list):
        return [norm_field(x) for x in v] or None
    if isinstance(v, dict):
        return {k: norm_field(x) for k, x in v.items()} or None
    return v


def mark(v):
    text = "".join(v) if isinstance(v, list) else (v or "")
    return squeeze(text).replace("文件", "") or None


def score_document(sc, gold, rec):
    g = gold["document"]
    produced = isinstance(rec.get("document"), dict)  # not yet: every field counts as wrong
    o = rec.get("document") or {}
    for key in DOCUMENT_FIELDS:
        if key not in g:
            continue
        if not produced:
            ok = False
        elif key == "attachments":
            want = [norm_field(a.get("title")) for a in g[key] or []]
            got = [norm_field(a.get("title")) for a in o.get(key) or []]
            ok = want == got
        elif key == "issuer_mark":  # joint issuers: a list, or one string; 文件 once or each
            ok = mark(o.get(key)) == mark(g[key])
        else:
            ok = norm_field(o.get(key)) == norm_field(g[key])
        sc.add("document", ok, gold, 1, f"document.{key} {o.get(key)!r}, gold {g[key]!r}")


# -- the run ----------------------------------------------------------------------------------

def run_jianbao(jianbao, paths):
    records = {}
    chunk = 200
    for k in range(0, len(paths), chunk):
        part = paths[k:k + chunk]
        proc = subprocess.run([jianbao, "parse", "--format", "jsonl", *part], capture_output=True,
                              text=True)
        for line in proc.stdout.splitlines():
            if line.strip():
                rec = json.loads(line)
                records[os.path.realpath(rec["source"]["path"])] = rec
        missing = [p for p in part if os.path.realpath(p) not in records]
        for p in missing:  # one bad file must not hide the others
            one = subprocess.run([jianbao, "parse", "--format", "jsonl", p], capture_output=True,
                                 text=True)
            if one.stdout.strip():
                records[os.path.realpath(p)] = json.loads(one.stdout.splitlines()[0])
            else:
                print(f"score.py: {p}: no record ({one.stderr.strip()[:200]})", file=sys.stderr)
    return records


def collect_binaries(corpus, families, kinds):
    """The rendered files (<case>.pdf, <case>.docx) with the tool-independent <case>.gold.yaml:
    no line numbers and no furniture there, so item_lines and removed are not judged."""
    golds = []
    for path in sorted(glob.glob(os.path.join(corpus, "*", "*", "*.gold.yaml"))):
        if path.count(".") != 2:  # <case>.gold.yaml only, not <case>.<variant>.gold.yaml
            continue
        family = os.path.basename(os.path.dirname(os.path.dirname(path)))
        if families and family not in families:
            continue
        for kind in kinds:
            binary = path.replace(".gold.yaml", "." + kind)
            if not os.path.exists(binary):
                continue
            with open(path, encoding="utf-8") as f:
                gold = yaml.safe_load(f)
            gold.pop("removed", None)
            gold.update(_path=os.path.relpath(binary, corpus), _txt=binary, family=family,
                        variant=kind)
            golds.append(gold)
    return golds


def collect(corpus, families, variants):
    golds = []
    for path in sorted(glob.glob(os.path.join(corpus, "*", "*", "*.*.gold.yaml"))):
        family = os.path.basename(os.path.dirname(os.path.dirname(path)))
        variant = path.rsplit(".", 3)[-3]
        if (families and family not in families) or (variants and variant not in variants):
            continue
        with open(path, encoding="utf-8") as f:
            gold = yaml.safe_load(f)
        gold["_path"] = os.path.relpath(path.replace(".gold.yaml", ".txt"), corpus)
        gold["_txt"] = path.replace(".gold.yaml", ".txt")
        gold.setdefault("family", family)
        gold.setdefault("variant", variant)
        golds.append(gold)
    # The rendered files only when asked for by name (--variant pdf/docx, or --input pdf/docx):
    # the text corpus's figures and floors stay about the texts.
    if not variants or not any(v in FILE_VARIANTS for v in variants):
        return golds
    for path in sorted(glob.glob(os.path.join(corpus, "*", "*", "*.gold.yaml"))):
        case = os.path.basename(os.path.dirname(path))
        family = os.path.basename(os.path.dirname(os.path.dirname(path)))
        if os.path.basename(path) != case + ".gold.yaml" or (families and family not in families):
            continue
        with open(path, encoding="utf-8") as f:
            gold = yaml.safe_load(f)
        # The furniture the rendered pages show, from the text of the same PDF: `pdftotext
        # -layout` keeps a page's rows as they are; default pdftotext joins a line ending in "-"
        # with the next one ("-2-" above "内部资料" gives "-2内部资料"), so it is the fallback.
        furniture = []
        for variant in ("layout", "pdftotext"):
            text_gold = path.replace(".gold.yaml", f".{variant}.gold.yaml")
            if os.path.exists(text_gold):
                with open(text_gold, encoding="utf-8") as f:
                    furniture = yaml.safe_load(f).get("removed") or []
                break
        for variant in FILE_VARIANTS:
            file = path.replace(".gold.yaml", "." + variant)
            if (variants and variant not in variants) or not os.path.exists(file):
                continue
            g = dict(gold, family=family, variant=variant, _furniture=furniture, _txt=file,
                     _path=os.path.relpath(file, corpus))
            golds.append(g)
    return golds


def fmt(p):
    return "     -" if p is None else f"{p:5.1f}%"


def report(sc, golds, floors, nfail):
    families = sorted({g["family"] for g in golds})
    variants = [v for v in VARIANTS if any(g["variant"] == v for g in golds)]
    checks = [c for c in CHECKS if sc.pct(c) is not None]
    print(f"jianbao on the corpus: {len(golds)} texts, families {', '.join(families)}")
    for family in [None] + (families if len(families) > 1 else []):
        title = "all families" if family is None else family
        print(f"\n{title:18} {'all':>6} " + " ".join(f"{v[:9]:>9}" for v in variants) +
              "   floor target")
        for c in checks:
            if sc.pct(c, family) is None:
                continue
            floor = floors.get(c)
            print(f"  {c:16} {fmt(sc.pct(c, family))} " +
                  " ".join(f"{fmt(sc.pct(c, family, v)):>9}" for v in variants) +
                  f"  {'' if floor is None else f'{floor:5.1f}'.rjust(6)} {TARGETS[c]:5.1f}")
    if nfail:
        for c in checks:
            fails = sc.failures.get(c)
            if fails:
                print(f"\n{c}: {len(fails)} failures, the first {min(nfail, len(fails))}:")
                for f in fails[:nfail]:
                    print("  " + f)
    below = [c for c, floor in floors.items() if (sc.pct(c) or 0.0) < floor]
    for c in below:
        print(f"score.py: {c} is {fmt(sc.pct(c)).strip()}, below its floor {floors[c]}%",
              file=sys.stderr)
    return below


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="checks: " + " ".join(CHECKS))
    ap.add_argument("--jianbao", default="jianbao")
    ap.add_argument("--corpus", default=HERE)
    ap.add_argument("--family", action="append", help="only this family (repeatable)")
    ap.add_argument("--variant", action="append", help="only this variant (repeatable)")
    ap.add_argument("--case", action="append", help="only this case, e.g. b0007 (repeatable)")
    ap.add_argument("--input", action="append", choices=["text", "pdf", "docx"],
                    help="what to parse: the text variants (default), and/or the rendered "
                         ".pdf/.docx files against <case>.gold.yaml (issue 14; repeatable)")
    ap.add_argument("--floor", action="append", default=[], metavar="CHECK=PCT",
                    help="fail (exit 1) when CHECK scores below PCT overall")
    ap.add_argument("-n", "--failures", type=int, default=5, help="failures listed per check")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    floors = {}
    for f in args.floor:
        check, _, pct = f.partition("=")
        if check not in CHECKS:
            ap.error(f"--floor {f}: unknown check (checks: {' '.join(CHECKS)})")
        floors[check] = float(pct)
    inputs = args.input or ["text"]
    golds = collect(args.corpus, args.family, args.variant) if "text" in inputs else []
    golds += collect_binaries(args.corpus, args.family, [k for k in inputs if k != "text"])
    if args.case:
        golds = [g for g in golds if g["_path"].split(os.sep)[1] in args.case]
    if not golds:
        print(f"score.py: no gold files under {args.corpus}", file=sys.stderr)
        return 2
    records = run_jianbao(args.jianbao, [g["_txt"] for g in golds])
    sc = Score()
    missing = 0
    for gold in golds:
        rec = records.get(os.path.realpath(gold["_txt"]))
        if rec is None:
            missing += 1
            rec = {}
        score_record(sc, gold, rec)
    below = report(sc, golds, floors, args.failures)
    if args.json:
        figures = {c: {"all": sc.pct(c), **{v: sc.pct(c, None, v) for v in VARIANTS},
                       **{f"family:{f}": sc.pct(c, f) for f in {g["family"] for g in golds}}}
                   for c in CHECKS if sc.pct(c) is not None}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)
    if missing:  # scored as wrong; only a run with no record at all is a usage error
        print(f"score.py: {missing} of {len(golds)} inputs gave no record", file=sys.stderr)
        if missing == len(golds):
            return 2
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
