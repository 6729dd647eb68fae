#!/usr/bin/env python3
"""Benchmark corpus generator for jianbao (issue 7).

Composes many varied bulletins from the phenomena of samples/*.txt (and shared/seeds/*.txt when
present), deterministically from a seed. Python 3 standard library only.

The pools are read with the help of each sample's gold file: item titles and line ranges,
section titles, masthead fields, distribution, colophon and the lines the gold marks as removed
(running headers, page numbers). Wrapped PDF lines are joined back into paragraphs. Every
generated bulletin then recombines items from all samples and varies them:

  numbers and dates     digits re-drawn (same digit count; dates stay valid; % stays <= 100)
  provinces             province names swapped for others (full and short forms)
  layout style          pdf (wrapped at 24..32 CJK columns, CJK-digit spaces, blank lines between
                        visual lines or not, two-line titles), word (one paragraph a line, with or
                        without blank lines, U+3000 indents, full-width digits)
  pages                 a leading space at a page start, running headers (section name) landing
                        mid-paragraph, or page numbers + form feed + repeated bulletin name
  headings              一、X / ■ X / 【X】 / none (running headers only)
  masthead              none, plain, letter-spaced title, 第N期/（总第M期）/YYYY年第N期, Chinese dates
  encodings             utf-8, utf-8 with BOM and CRLF, gb18030, utf-16le/be with BOM

Outputs (under --out):
  files/bNNNNNN.txt     the bulletins, one per file, in their own encodings
  all.txt               one big concatenation: every bulletin's text as UTF-8, a form feed between
                        (a single very long bulletin, for the memory and linearity checks)
  single_<size>.txt     one long UTF-8 bulletin of about that size, for each --single size
  MANIFEST.txt          seed, counts and sizes by style and encoding

Usage: gen_corpus.py [--seed 7] [--size-mb 100] [--out bench/corpus] [--single 10k,1m,10m]
"""

import argparse
import glob
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PROVINCES = [
    ("北京市", "北京"), ("天津市", "天津"), ("河北省", "河北"), ("山西省", "山西"),
    ("内蒙古自治区", "内蒙古"), ("辽宁省", "辽宁"), ("吉林省", "吉林"), ("黑龙江省", "黑龙江"),
    ("上海市", "上海"), ("江苏省", "江苏"), ("浙江省", "浙江"), ("安徽省", "安徽"),
    ("福建省", "福建"), ("江西省", "江西"), ("山东省", "山东"), ("河南省", "河南"),
    ("湖北省", "湖北"), ("湖南省", "湖南"), ("广东省", "广东"), ("广西壮族自治区", "广西"),
    ("海南省", "海南"), ("重庆市", "重庆"), ("四川省", "四川"), ("贵州省", "贵州"),
    ("云南省", "云南"), ("西藏自治区", "西藏"), ("陕西省", "陕西"), ("甘肃省", "甘肃"),
    ("青海省", "青海"), ("宁夏回族自治区", "宁夏"), ("新疆维吾尔自治区", "新疆"),
]
FULL_NAMES = {f for f, _ in PROVINCES}
SHORT_NAMES = {s for _, s in PROVINCES}
# Full names first (longest first), then short forms not followed by 市 (吉林市 is a city).
PROVINCE_RE = re.compile(
    "(" + "|".join(sorted(FULL_NAMES, key=len, reverse=True)) + ")|(" +
    "|".join(sorted(SHORT_NAMES, key=len, reverse=True)) + ")(?![市])")

CN_DIGITS = "〇一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")
TO_ASCII = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


def is_cjk(ch):
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or \
        0x3000 <= o <= 0x303F


def width(s):
    return sum(2 if is_cjk(c) or ord(c) > 0x2000 else 1 for c in s)


CJK_ASCII_SPACE = re.compile(r"(?<=[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]) +(?=[0-9A-Za-z])|"
                             r"(?<=[0-9A-Za-z%]) +(?=[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F])")


def normalise(text):
    """Pool text: no CJK-ASCII spaces, ASCII digits, no indents."""
    text = text.replace("\f", "").replace("\u3000", "").strip()
    text = text.translate(TO_ASCII)
    return CJK_ASCII_SPACE.sub("", text)


# --------------------------------------------------------------------------------------------
# Reading the samples and their gold files.

def decode_file(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def scalar(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    return v


def read_gold(path):
    """The few gold fields the generator needs, read line by line (stdlib only, no YAML)."""
    gold = {"masthead": {}, "sections": [], "distribution": {}, "colophon": [], "removed": set()}
    top = None
    sub = None
    item = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip())
            s = line.strip()
            if indent == 0:
                top = s.split(":", 1)[0]
                sub = None
                continue
            if top == "masthead" and ":" in s:
                k, v = s.split(":", 1)
                gold["masthead"][k.strip()] = scalar(v)
            elif top == "sections":
                if indent == 2 and s.startswith("- title:"):
                    gold["sections"].append({"title": scalar(s[len("- title:"):]), "items": []})
                elif s.startswith("- title:") and gold["sections"]:
                    item = {"title": scalar(s[len("- title:"):]), "kind": "news", "region": None,
                            "lines": None}
                    gold["sections"][-1]["items"].append(item)
                elif item is not None and s.startswith("kind:") and indent >= 8:
                    item["kind"] = scalar(s[5:])
                elif item is not None and s.startswith("region:"):
                    m = re.search(r"name:\s*([^,}]+)", s)
                    if m:
                        item["region"] = scalar(m.group(1))
                elif item is not None and s.startswith("lines:"):
                    m = re.search(r"\[(\d+),\s*(\d+)\]", s)
                    if m:
                        item["lines"] = (int(m.group(1)), int(m.group(2)))
            elif top == "distribution":
                if s.endswith(":") and not s.startswith("-"):
                    sub = s[:-1]
                    gold["distribution"][sub] = []
                elif s.startswith("- ") and sub:
                    gold["distribution"][sub].append(scalar(s[2:]))
            elif top == "colophon" and s.startswith("- "):
                gold["colophon"].append(scalar(s[2:]))
            elif top == "removed":
                m = re.search(r"line:\s*(\d+)", s)
                if m:
                    gold["removed"].add(int(m.group(1)))
    return gold


def compact(s):
    return re.sub(r"\s+", "", s.replace("\f", "").replace("\u3000", "")).translate(TO_ASCII)


def join_paragraphs(lines, wrapped):
    """Visual lines of one item body -> paragraphs. Word text has one paragraph a line; wrapped
    PDF text continues while a line fills (nearly) the full width."""
    if not wrapped:
        return [normalise(l) for l in lines if normalise(l)]
    full = max((width(l.strip()) for l in lines), default=0)
    paras, cur = [], ""
    for l in lines:
        t = normalise(l)
        if not t:
            continue
        cur += t
        if width(l.strip()) < 0.85 * full:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return paras


class Pools:
    def __init__(self):
        self.items = []          # dicts: title, kind, region, paras
        self.section_titles = []
        self.mastheads = []      # dicts: title, publisher
        self.report_to, self.copy_to, self.cc = [], [], []
        self.colophon = []
        self.sources = []

    def add_sample(self, txt_path, gold_path):
        with open(txt_path, "rb") as f:
            text = decode_file(f.read())
        gold = read_gold(gold_path)
        # Only LF ends a line; a CRLF pair counts as one line end.
        lines = text.replace("\r\n", "\n").split("\n")
        nonblank = [l.strip() for l in lines if l.strip()]
        widths = [width(l) for l in nonblank]
        full = max(widths, default=0)
        wrapped = full < 90 and sum(1 for w in widths if w >= 0.85 * full) >= 0.4 * len(widths)
        for sec in gold["sections"]:
            if sec["title"]:
                self.section_titles.append(sec["title"])
            for it in sec["items"]:
                if not it["lines"]:
                    continue
                a, b = it["lines"]
                body = [lines[n - 1] for n in range(a, min(b, len(lines)) + 1)
                        if n not in gold["removed"] and lines[n - 1].strip()]
                # Skip the title's own lines.
                want, got = compact(it["title"]), ""
                while body and want.startswith(got + compact(body[0])) and len(got) < len(want):
                    got += compact(body.pop(0))
                paras = join_paragraphs(body, wrapped)
                if paras:
                    self.items.append({"title": normalise(it["title"]), "kind": it["kind"],
                                       "region": it["region"], "paras": paras})
        m = gold["masthead"]
        if m.get("title"):
            self.mastheads.append({"title": m["title"], "publisher": m.get("publisher", "")})
        d = gold["distribution"]
        self.report_to += d.get("report_to", [])
        self.copy_to += d.get("copy_to", [])
        self.cc += d.get("cc", [])
        self.colophon += [c for c in gold["colophon"] if not c.startswith("共印")]
        self.sources.append(os.path.basename(txt_path))


def load_pools():
    pools = Pools()
    paths = sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "..", "shared", "seeds", "*.txt")))
    for p in paths:
        g = p[:-4] + ".gold.yaml"
        if os.path.exists(g):
            pools.add_sample(p, g)
    if not pools.items:
        sys.exit("gen_corpus: no samples with gold files found under samples/")
    # Dedupe, keeping the first occurrence (deterministic order).
    for name in ("section_titles", "report_to", "copy_to", "cc", "colophon"):
        setattr(pools, name, list(dict.fromkeys(getattr(pools, name))))
    if not pools.mastheads:
        pools.mastheads.append({"title": "工作简报", "publisher": "办公室"})
    return pools


# --------------------------------------------------------------------------------------------
# Variation.

DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
VARY_RE = re.compile(r"(20\d\d)(年)|(\d{1,2})月(\d{1,2})日|(\d{1,2})(月)|(\d+)(?:\.(\d+))?([%日]?)")


def vary_numbers(text, rng, year):
    def draw(ndigits):
        if ndigits == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (ndigits - 1), 10 ** ndigits - 1))

    def sub(m):
        if m.group(1):
            return str(rng.choice([year, year, year - 1, year + 1])) + m.group(2)
        if m.group(3):
            mo = rng.randint(1, 12)
            return f"{mo}月{rng.randint(1, DAYS[mo - 1] if mo != 2 else 28)}日"
        if m.group(5):
            return f"{rng.randint(1, 12)}月"
        whole, frac, suffix = m.group(7), m.group(8), m.group(9)
        if suffix == "日":
            return f"{rng.randint(1, 28)}日"
        if suffix == "%" and int(whole) <= 100:
            v = rng.randint(0, 99)
            return str(v) + (("." + draw(len(frac))[::-1]) if frac else "") + "%"
        return draw(len(whole)) + (("." + draw(len(frac))[::-1]) if frac else "") + suffix

    return VARY_RE.sub(sub, text)


def vary_provinces(text, rng):
    def sub(m):
        full, short = rng.choice(PROVINCES)
        return full if m.group(1) else short

    return PROVINCE_RE.sub(sub, text)


def cn_year(y):
    return "".join(CN_DIGITS[int(c)] for c in str(y))


def cn_small(n):
    tens, ones = divmod(n, 10)
    s = ("" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十"))
    return s + (CN_DIGITS[ones] if ones or not s else "")


# --------------------------------------------------------------------------------------------
# Composition: a bulletin as logical units, rendered in a style.

class Bulletin:
    def __init__(self):
        self.units = []  # (kind, text): masthead/heading/title/para/dist/colophon/copies
        self.year = 2024
        self.name = ""
        self.sections = []  # section title of each unit (for running headers)


SECTION_MARKS = ["numbered", "square", "bracket", "none", "running"]


def compose(pools, rng, target_bytes=None):
    b = Bulletin()
    b.year = rng.choice([2021, 2022, 2023, 2024, 2024, 2025])
    mh = rng.choice(pools.mastheads)
    b.name = mh["title"]
    style = rng.choice(SECTION_MARKS)
    if rng.random() < 0.7:
        mo = rng.randint(1, 12)
        day = rng.randint(1, 28)
        issue = rng.randint(1, 40)
        lines = []
        if rng.random() < 0.3:
            lines.append("内部资料")
        lines.append(" ".join(mh["title"]) if rng.random() < 0.3 else mh["title"])
        r = rng.random()
        lines.append(f"{b.year}年第{issue}期" if r < 0.3 else f"第{issue}期")
        if rng.random() < 0.3:
            lines.append(f"（总第{issue + rng.randint(50, 400)}期）")
        date = (f"{cn_year(b.year)}年{cn_small(mo)}月{cn_small(day)}日" if rng.random() < 0.3
                else f"{b.year}年{mo}月{day}日")
        lines.append(mh["publisher"] + rng.choice([" ", "　　　　", "　　　　　　"]) + date)
        for l in lines:
            b.units.append(("masthead", l))
            b.sections.append("")
    n_sections = rng.randint(1, 4)
    titles = rng.sample(pools.section_titles, min(n_sections, len(pools.section_titles)))
    written = 0
    s = 0
    while True:
        title = titles[s % len(titles)] if titles else ""
        if style in ("numbered", "square", "bracket") and title:
            mark = {"numbered": f"{cn_small(s + 1)}、{title}", "square": f"■ {title}",
                    "bracket": f"【{title}】"}[style]
            b.units.append(("heading", mark))
            b.sections.append(title)
        n_items = rng.randint(1, 5)
        while True:
            it = rng.choice(pools.items)
            t = vary_numbers(it["title"], rng, b.year)
            paras = [vary_numbers(p, rng, b.year) for p in it["paras"]]
            if it["region"] in FULL_NAMES:
                full, short = rng.choice(PROVINCES)
                old_short = dict(PROVINCES)[it["region"]]
                t = t.replace(it["region"], full).replace(old_short, short)
                paras = [p.replace(it["region"], full).replace(old_short, short) for p in paras]
            elif rng.random() < 0.5:
                paras = [vary_provinces(p, rng) for p in paras]
            b.units.append(("title", t))
            b.sections.append(title)
            for p in paras:
                b.units.append(("para", p))
                b.sections.append(title)
                written += len(p.encode("utf-8"))
            written += len(t.encode("utf-8"))
            n_items -= 1
            # A long bulletin (target_bytes) spreads its size over its sections.
            if (n_items <= 0 if target_bytes is None else
                    written >= target_bytes * (s + 1) / n_sections):
                break
        s += 1
        if s >= n_sections:
            break
    if rng.random() < 0.6 and pools.report_to:
        for key, pool in (("报", pools.report_to), ("送", pools.copy_to), ("抄送", pools.cc)):
            if pool and rng.random() < 0.8:
                picks = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
                b.units.append(("dist", f"{key}：" + "，".join(picks) + "。"))
                b.sections.append("")
        if pools.colophon and rng.random() < 0.6:
            b.units.append(("colophon", rng.choice(pools.colophon)))
            b.sections.append("")
            b.units.append(("colophon", f"共印{rng.randint(20, 300)}份"))
            b.sections.append("")
    return b


def cjk_digit_spaces(text):
    """PDF extraction puts a space between CJK characters and ASCII digits: "3 月 25 日"."""
    text = re.sub(r"(?<=[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF])(?=[0-9])", " ", text)
    return re.sub(r"(?<=[0-9%])(?=[\u2E80-\u9FFF])", " ", text)


def wrap(text, cols, first_cols):
    out, cur, w, limit = [], "", 0, first_cols
    for ch in text:
        cw = 2 if is_cjk(ch) or ord(ch) > 0x2000 else 1
        if w + cw > limit and cur:
            out.append(cur)
            cur, w, limit = "", 0, cols
        cur += ch
        w += cw
    if cur:
        out.append(cur)
    return out


def render(b, rng, force=None):
    """Returns (text, style name). `force` fixes the style: {"kind", "blank", "paging"}."""
    force = force or {}
    kind = force.get("kind") or rng.choices(["pdf", "word"], [0.6, 0.4])[0]
    lines = []  # list of (text, page_break_allowed_before)
    if kind == "word":
        blank = rng.random() < 0.4
        indent = rng.random() < 0.3
        fullwidth = rng.random() < 0.3
        for (k, t) in b.units:
            if k == "para" and fullwidth and rng.random() < 0.5:
                t = t.translate(FULLWIDTH)
            if k == "para" and indent:
                t = "\u3000\u3000" + t
            lines.append(t)
            if blank:
                lines.append("")
        return "\n".join(lines) + "\n", "word" + ("-blank" if blank else "") + \
            ("-indent" if indent else "")
    cols = 2 * rng.randint(24, 32)
    blank = force.get("blank", rng.random() < 0.8)
    paging = force.get("paging") or rng.choice(["space", "running", "formfeed"])
    page_lines = rng.randint(18, 26)
    visual = []  # (text, section)
    for (k, t), sec in zip(b.units, b.sections):
        t = cjk_digit_spaces(t)
        if k in ("title", "heading", "masthead") and width(t) > cols * 0.6 and k != "masthead":
            cut = len(t) // 2 + rng.randint(-2, 2)
            parts = [t[:cut], t[cut:]]
        elif k == "masthead":
            parts = [t]
        else:
            parts = wrap(t, cols, cols - 4)
        for p in parts:
            visual.append((p, sec))
    out = []
    page = 1
    n_on_page = 0
    for i, (t, sec) in enumerate(visual):
        if n_on_page >= page_lines and i + 1 < len(visual):
            page += 1
            n_on_page = 0
            if paging == "formfeed":
                out.append(rng.choice([f"— {page - 1} —", f"-{page - 1}-", f"第 {page - 1} 页"]))
                out.append("\f" + b.name)
                if blank:
                    out.append("")
            elif paging == "running" and sec:
                out.append(sec)
            t = " " + t
        out.append(t)
        n_on_page += 1
        if blank:
            out.append("")
    if paging == "formfeed":
        out.append(f"— {page} —")
    text = "\n".join(out) + "\n"
    if paging == "formfeed" and rng.random() < 0.5:
        text += "\f"
    return text, f"pdf-{'blank' if blank else 'dense'}-{paging}"


ENCODINGS = [("utf-8", 0.55), ("utf-8-bom-crlf", 0.1), ("gb18030", 0.2), ("utf-16le", 0.1),
             ("utf-16be", 0.05)]


def encode(text, enc):
    if enc == "utf-8":
        return text.encode("utf-8")
    if enc == "utf-8-bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    if enc == "gb18030":
        return text.encode("gb18030")
    if enc == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if enc == "utf-16be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    raise ValueError(enc)


def parse_size(s):
    s = s.strip().lower()
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}.get(s[-1], 1)
    return int(float(s.rstrip("kmg")) * mult)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--size-mb", type=float, default=100.0, help="total size of files/")
    ap.add_argument("--out", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--single", default="10k,1m,10m",
                    help="sizes of single long UTF-8 bulletins (comma list, empty for none)")
    ap.add_argument("--no-concat", action="store_true", help="do not write all.txt")
    args = ap.parse_args()

    pools = load_pools()
    rng = random.Random(args.seed)
    files_dir = os.path.join(args.out, "files")
    os.makedirs(files_dir, exist_ok=True)
    for old in glob.glob(os.path.join(files_dir, "*.txt")):
        os.remove(old)
    target = int(args.size_mb * (1 << 20))
    total = 0
    n = 0
    by_style, by_enc = {}, {}
    concat = None if args.no_concat else open(os.path.join(args.out, "all.txt.tmp"), "wb")
    while total < target:
        b = compose(pools, rng)
        text, style = render(b, rng)
        enc = rng.choices([e for e, _ in ENCODINGS], [w for _, w in ENCODINGS])[0]
        data = encode(text, enc)
        with open(os.path.join(files_dir, f"b{n:06d}.txt"), "wb") as f:
            f.write(data)
        if concat:
            concat.write(("\f" if n else "").encode() + text.encode("utf-8"))
        total += len(data)
        n += 1
        by_style[style] = by_style.get(style, 0) + 1
        by_enc[enc] = by_enc.get(enc, 0) + 1
    if concat:
        concat.close()
        os.replace(os.path.join(args.out, "all.txt.tmp"), os.path.join(args.out, "all.txt"))
    singles = []
    for s in filter(None, args.single.split(",")):
        size = parse_size(s)
        srng = random.Random(args.seed * 1000003 + size)
        b = compose(pools, srng, target_bytes=size)
        # One style for every size, so that per-byte costs compare like with like.
        text, style = render(b, srng, {"kind": "pdf", "blank": True, "paging": "running"})
        data = text.encode("utf-8")
        # Trim to the size at a line end; the bulletin keeps its masthead and body.
        if len(data) > size:
            cut = data.rfind(b"\n", 0, size)
            data = data[:cut + 1] if cut > 0 else data[:size]
        path = os.path.join(args.out, f"single_{s.strip().lower()}.txt")
        with open(path, "wb") as f:
            f.write(data)
        singles.append((os.path.basename(path), len(data), style))
    with open(os.path.join(args.out, "MANIFEST.txt"), "w", encoding="utf-8") as f:
        f.write(f"seed {args.seed}\nbulletins {n}\nbytes {total}\n")
        f.write(f"pool items {len(pools.items)} from {', '.join(pools.sources)}\n")
        for k in sorted(by_style):
            f.write(f"style {k} {by_style[k]}\n")
        for k in sorted(by_enc):
            f.write(f"encoding {k} {by_enc[k]}\n")
        for name, size, style in singles:
            f.write(f"single {name} {size} {style}\n")
    print(f"gen_corpus: {n} bulletins, {total / (1 << 20):.1f} MiB in {files_dir}; "
          f"pool of {len(pools.items)} items", file=sys.stderr)


if __name__ == "__main__":
    main()
