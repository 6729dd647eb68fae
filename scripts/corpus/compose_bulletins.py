"""Compose bulletins (family `bulletins`): one composition dict per case, reproducible from
its seed. See README.md for the composition format."""

import random

import gazetteer
import pool
from fill import fill
from metrics import Slots, cn_date, iso

CN_NUM_SECTION = "一二三四五六七八九十"

NOTES = [None, None, "内部资料", "内部资料　注意保存", "秘密★", "特急", "内部资料　请勿外传"]
OFFICE_SUFFIX = ["应急管理厅办公室", "人民政府督查室", "安全生产委员会办公室", "人民政府办公厅",
                 "应急管理局", "防汛抗旱指挥部办公室", "消防安全委员会办公室"]
HEADING_STYLES = ["dun", "bracket", "paren", "bold_center", "word_numbering"]
POINT_STYLES = ["inline_shi", "para_shi", "paren", "arabic", "dun", "inline_paren"]
PAGE_NUMBER_STYLES = ["gbt9704", "gbt9704", "gbt9704_wide", "gbt9704_wide", "dash_center_wide",
                      "dash_center", "hyphen_center", "di_ye", "di_ye_gong", "plain_right",
                      "top_right", "none"]
TAIL_KEYS = [("report_to", "报"), ("copy_to", "送"), ("send_to", "发"), ("report_to", "抄报"),
             ("cc", "抄送")]


def person(r):
    return r.choice(pool.SURNAMES) + r.choice(pool.GIVEN)


class Composer:
    def __init__(self, case, seed):
        self.r = random.Random(seed)
        self.case = case
        self.seed = seed
        self.blocks = []

    def add(self, role, text="", **kw):
        b = {"role": role, "text": text}
        b.update({k: v for k, v in kw.items() if v is not None})
        self.blocks.append(b)
        return b

    # -- masthead ------------------------------------------------------------------------------
    def masthead(self, province, national):
        r = self.r
        self.year = r.choice([2022, 2023, 2024, 2024, 2025])
        self.month = r.randint(3, 12)
        day = r.randint(1, 28)
        self.date = iso(self.year, self.month, day)
        self.slots = Slots(r, self.year, self.month)
        title = r.choice(pool.BULLETIN_NAMES)
        self.title = title
        publisher = (r.choice(pool.NATIONAL_PUBLISHERS) if national
                     else province["name"] + r.choice(OFFICE_SUFFIX))
        self.orgs = pool.ORGS_NATIONAL if national else pool.ORGS
        issue = r.randint(1, 40)
        total = issue + r.randint(50, 400) if r.random() < 0.6 else None
        note = r.choice(NOTES)
        gold = {"title": title, "issue": issue, "total_issue": total, "publisher": publisher,
                "date": self.date}
        if note:
            self.add("masthead_note", note, align="left", size=14, font="sans")
            gold["notes"] = [note]
        spacing = r.choice(["none", "none", "spaces", "char_spacing"])
        shown = " ".join(title) if spacing == "spaces" else title
        self.add("masthead_title", shown, style="Title", align="center", size=r.choice([36, 42, 48]),
                 color="FF0000", bold=True, font="serif",
                 letter_spacing=(6 if spacing == "char_spacing" else None))
        form = r.choice(["issue", "issue_total", "issue_total_2", "year_issue", "year_issue_total"])
        if total is None and form in ("issue_total", "issue_total_2", "year_issue_total"):
            form = "issue"
        if form == "issue":
            self.add("masthead_issue", f"第{issue}期", align="center")
        elif form == "issue_total":
            self.add("masthead_issue", f"第{issue}期（总第{total}期）", align="center")
        elif form == "issue_total_2":
            self.add("masthead_issue", f"第{issue}期", align="center")
            self.add("masthead_issue", f"（总第{total}期）", align="center")
        elif form == "year_issue":
            self.add("masthead_issue", f"{self.year}年第{issue}期", align="center")
        else:
            self.add("masthead_issue", f"{self.year}年第{issue}期（总第{total}期）", align="center")
        # The gold holds only what the text prints: a drawn total that no form shows is null.
        if form not in ("issue_total", "issue_total_2", "year_issue_total"):
            gold["total_issue"] = None
        date_text = (cn_date(self.year, self.month, day) if r.random() < 0.4
                     else f"{self.year}年{self.month}月{day}日")
        if r.random() < 0.6:
            self.add("masthead_publisher_date", f"{publisher}　　　　{date_text}", align="center",
                     border_bottom="FF0000")
        else:
            self.add("masthead_publisher", publisher, align="center")
            self.add("masthead_date", date_text, align="center", border_bottom="FF0000")
        return gold

    # -- items -----------------------------------------------------------------------------------
    def title_blocks(self, text, sec, item):
        """A title as one paragraph (it wraps by itself), or cut over two or three paragraphs, or
        with a manual line break inside one paragraph."""
        r = self.r
        ref = {"section": sec, "item": item}
        form = r.choice(["one", "one", "two_paragraphs", "line_break"]) if len(text) > 16 else "one"
        if len(text) > 30 and r.random() < 0.3:
            form = "three_paragraphs"
        kw = dict(style="Heading 2", align="center", bold=True, size=r.choice([16, 18, 22]),
                  font="sans", ref=ref, part="title")
        if form == "one":
            self.add("item_title", text, **kw)
        elif form == "three_paragraphs":
            a, b = len(text) // 3, 2 * len(text) // 3
            for part in (text[:a], text[a:b], text[b:]):
                self.add("item_title", part, **kw)
        else:
            cut = self.title_cut(text)
            if form == "two_paragraphs":
                self.add("item_title", text[:cut], **kw)
                self.add("item_title", text[cut:], **kw)
            else:
                self.add("item_title", text[:cut] + "\n" + text[cut:], **kw)

    def title_cut(self, text):
        colon = text.find("：")
        if 0 < colon < len(text) - 4 and self.r.random() < 0.5:
            return colon + 1
        return max(6, len(text) // 2 + self.r.randint(-3, 3))

    def body(self, text, ref, **kw):
        self.add("paragraph", text, ref=ref, part="body", indent_first=2, align="justify", **kw)

    def points(self, ref, style, intro_words):
        r = self.r
        n = r.randint(2, 5)
        chosen = r.sample(pool.POINTS, n)
        metrics, traps = [], []
        filled = []
        for head, text in chosen:
            t, m, tr = fill(text, self.slots, intro_words)
            metrics += m
            traps += tr
            filled.append((head, t))
        if style == "inline_shi":
            parts = [f"{pool_cn(i + 1)}是{h}，{t}" for i, (h, t) in enumerate(filled)]
            self.body("工作中，" + "".join(parts), ref)
        elif style == "inline_paren":
            parts = [f"（{pool_cn(i + 1)}）{h}，{t[:-1]}" for i, (h, t) in enumerate(filled)]
            self.body("主要做法有：" + "；".join(parts) + "。", ref)
        else:
            for i, (h, t) in enumerate(filled):
                marker = {"para_shi": f"{pool_cn(i + 1)}是", "paren": f"（{pool_cn(i + 1)}）",
                          "arabic": f"{i + 1}.", "dun": f"{pool_cn(i + 1)}、"}[style]
                sep = "，" if style == "para_shi" and r.random() < 0.5 else "。"
                self.body(f"{marker}{h}{sep}{t}", ref, point=True)
        return n, metrics, traps

    def item(self, sec, idx, local, heading_style, short=False):
        r = self.r
        ref = {"section": sec, "item": idx}
        topic = r.choice(pool.TOPICS)
        words = {"org": r.choice(self.orgs), "topic": topic}
        metrics, traps, provinces = [], [], []
        gold = {"kind": "news", "region": None}
        if local:
            place = local
            words["place"] = place.get("display", place["name"])
            title, _, traps = fill(r.choice(pool.LOCAL_TITLES), self.slots, words)
            words["place"] = place["name"]
            gold.update(kind="local_experience",
                        region={"name": place["name"], "code": place["code"],
                                "level": place["level"]})
            if place["level"] == "province":
                provinces.append(place["name"])
            elif place.get("display", place["name"]) != place["name"]:
                # "四川省资阳市：…": the title names the city's province, and an item's provinces
                # are the provincial-level divisions it names (title included).
                provinces.append(place["display"][: -len(place["name"])])
            openings, closings = pool.LOCAL_OPENINGS, pool.LOCAL_CLOSINGS
        else:
            title, _, traps = fill(r.choice(pool.NEWS_TITLES), self.slots, words)
            openings, closings = pool.NEWS_OPENINGS, pool.BODY
        gold["title"] = title
        self.title_blocks(title, sec, idx)
        t, m, tr = fill(r.choice(openings), self.slots, words)
        self.body(t, ref)
        metrics += m
        traps += tr
        tables = []
        if not local and not short and r.random() < 0.15:
            m, provs = self.table(ref)
            metrics += m
            provinces += provs
            tables.append(self.blocks[-1]["rows"])
        npoints = 0
        if r.random() < (0.2 if short else 0.55):
            # Points never take the sections' own marker (（一） points under （一） sections
            # would be ambiguous to any reader).
            clash = {"dun": "dun", "word_numbering": "dun", "paren": "paren"}.get(heading_style)
            style = r.choice([s for s in POINT_STYLES if s != clash])
            npoints, m, tr = self.points(ref, style, words)
            metrics += m
            traps += tr
        for tmpl in r.sample(closings, 0 if short else r.randint(0 if npoints else 1, 2)):
            t, m, tr = fill(tmpl, self.slots, words)
            self.body(t, ref)
            metrics += m
            traps += tr
        if not local and not short and r.random() < 0.25:
            provs = [p for p in r.sample(gazetteer.provinces(), r.randint(2, 4))
                     if p["name"] not in provinces]
            if provs:
                names = "、".join(p["alias"] if r.random() < 0.5 else p["name"] for p in provs)
                t, _, _ = fill(r.choice(pool.PROVINCE_SENTENCES), self.slots,
                               dict(words, prov_list=names))
                self.body(t, ref)
                provinces += [p["name"] for p in provs]
        gold.update(points=npoints, metrics=dedup(metrics), provinces=provinces,
                    traps=sorted(set(traps)))
        if tables:
            gold["tables"] = tables
        return gold

    def table(self, ref):
        """A Word table of figures by province: a caption, then 地区 | 检查企业（家） | 整改率."""
        r = self.r
        provs = r.sample(gazetteer.provinces(), r.randint(3, 5))
        rows = [["地区", "检查企业（家）", "整改率"]]
        metrics = []
        for p in provs:
            rate = round(r.uniform(60, 99), 1)
            rows.append([p["alias"], str(r.randint(100, 5000)), f"{rate}%"])
            metrics.append({"kind": "percentage", "value": rate})
        self.add("paragraph", "各地排查整治情况见下表。", ref=ref, part="body", indent_first=2,
                 align="justify")
        # The table's text, for the locator: its cells in reading order.
        self.add("table", "".join(cell for row in rows for cell in row), rows=rows, ref=ref,
                 part="body")
        return metrics, [p["name"] for p in provs]

    def heading(self, sec, name, style, new_page=False):
        n = CN_NUM_SECTION[sec]
        ref = {"section": sec}
        if new_page and sec > 0:
            # A Word section per bulletin section: a new page whose header names the section.
            self.add("section_break", "", header=name)
        if style == "dun":
            self.add("section_heading", f"{n}、{name}", style="Heading 1", align="left", bold=True,
                     font="sans", size=16, ref=ref, indent_first=2)
        elif style == "bracket":
            self.add("section_heading", f"【{name}】", style="Heading 1", align="center", bold=True,
                     font="sans", size=16, ref=ref)
        elif style == "paren":
            self.add("section_heading", f"（{n}）{name}", style="Heading 1", align="left", bold=True,
                     font="sans", size=16, ref=ref, indent_first=2)
        elif style == "word_numbering":
            # 一、 from Word's list numbering: in the PDF and LibreOffice's text, not in the
            # paragraph's own text (docx2txt prints the name alone).
            self.add("section_heading", name, style="Heading 1", align="left", bold=True,
                     font="sans", size=16, ref=ref, numbered=True)
        else:
            self.add("section_heading", name, style="Heading 1", align="center", bold=True,
                     font="sans", size=18, ref=ref)

    # -- tail ------------------------------------------------------------------------------------
    def tail(self, gold_masthead):
        r = self.r
        colophon = []
        signature = None
        if r.random() < 0.3:
            office = gold_masthead["publisher"]
            date_text = f"{self.year}年{self.month}月{int(self.date[-2:])}日"
            self.add("signature_issuer", office, align="right")
            self.add("signature_date", date_text, align="right")
            signature = {"issuers": [office], "date": self.date}
        if r.random() < 0.2:
            self.add("colophon", "（此件依申请公开）", align="left", indent_first=2)
            colophon.append("（此件依申请公开）")
        if r.random() < 0.3:
            line = f"编辑：{person(r)}　审核：{person(r)}"
            self.add("colophon", line, align="left")
            colophon.append(line)
        dist = {"report_to": [], "copy_to": [], "send_to": [], "cc": []}
        keys = r.sample(TAIL_KEYS, r.randint(1, 4))
        keys.sort(key=lambda k: TAIL_KEYS.index(k))
        seen = set()
        first = True
        for key, marker in keys:
            if key in seen:
                continue
            seen.add(key)
            recipients = r.sample(RECIPIENTS[key], r.randint(1, 3))
            colon = "：" if r.random() < 0.8 else ":"
            self.add("distribution", f"{marker}{colon}" + "，".join(recipients) + "。",
                     align="left", size=14, border_top=("000000" if first else None), key=key)
            first = False
            dist[key] = recipients
        if r.random() < 0.5:
            office = gold_masthead["publisher"]
            line = f"{office}　{self.year}年{self.month}月{int(self.date[-2:])}日印发"
            self.add("colophon", line, align="left", border_top="000000", border_bottom="000000",
                     size=14)
            colophon.append(line)
        if r.random() < 0.4:
            line = f"共印{r.randint(20, 300)}份"
            self.add("colophon", line, align="right")
            colophon.append(line)
        return dist, colophon, signature


RECIPIENTS = {
    "report_to": ["省委、省政府领导", "应急管理部", "国务院安委会办公室", "省委办公厅", "省政府办公厅"],
    "copy_to": ["省安委会各成员单位", "各市人民政府", "省直有关部门", "各市应急管理局"],
    "send_to": ["各市、县（市、区）应急管理局", "省属重点企业", "各有关单位"],
    "cc": ["各市安委会办公室", "省应急管理厅各处室", "各县（市、区）人民政府"],
}


def pool_cn(n):
    return "一二三四五六七八九十"[n - 1]


def dedup(metrics):
    out = []
    for m in metrics:
        if m not in out:
            out.append(m)
    return out


def compose(case, seed):
    c = Composer(case, seed)
    r = c.r
    province = r.choice(gazetteer.provinces())
    national = r.random() < 0.3
    masthead = c.masthead(province, national)
    pages = r.randint(1, 4)
    # About 350 characters fit on a GB/T 9704 page at 16 pt with 28 pt lines (measured on the
    # rendered PDFs); the masthead takes a third of page 1.
    budget = 350 * pages - 120
    heading_style = r.choice(HEADING_STYLES + ["none"])
    # Some bulletins start each section on a new page whose running header names the section
    # (as the seed's PDF does); not with unmarked headings (bold centred, Word-numbered), whose
    # text is the header's.
    by_section = heading_style in ("dun", "bracket", "paren") and r.random() < 0.25
    nsections = 1 if heading_style == "none" else r.randint(2, min(6, pages + 2))
    short = pages == 1  # a one-page bulletin: two sections at most, short items
    if short:
        nsections = min(nsections, 2)
    names = r.sample(pool.SECTION_NAMES, nsections)
    local_sections = {nsections - 1} if r.random() < 0.8 else set()
    if local_sections and heading_style != "none":
        names[-1] = r.choice([n for n in pool.LOCAL_SECTION_NAMES if n not in names])
    per_section = max(1, round(budget / 300 / nsections))
    sections = []
    for s in range(nsections):
        title = "" if heading_style == "none" else names[s]
        if heading_style != "none":
            c.heading(s, names[s], heading_style, by_section)
        items = []
        for i in range(r.randint(1, per_section) if nsections > 1 else per_section):
            local = None
            if s in local_sections and r.random() < (0.85 if nsections > 1 else 0.4):
                local = gazetteer.region(r, province, national)
            items.append(c.item(s, i, local, heading_style, short))
        sections.append({"title": title, "items": items})
    dist, colophon, signature = c.tail(masthead)
    return {
        "format": "jianbao.composition/1",
        "family": "bulletins",
        "case": case,
        "seed": seed,
        "genre": "bulletin",
        "page": page_setup(r, c.title, names if heading_style != "none" else [], by_section),
        "blocks": c.blocks,
        "gold": {"genre": "bulletin", "year": c.year, "masthead": masthead, "sections": sections,
                 "distribution": dist, "colophon": colophon, "signature": signature},
    }


def page_setup(r, title, section_names, by_section):
    style = r.choice(PAGE_NUMBER_STYLES)
    header = None
    if by_section and style == "top_right":  # the section headers would hide the page number
        style = "gbt9704"
    if by_section:
        header = {"text": section_names[0], "pages": "after_first", "by_section": section_names}
    elif r.random() < 0.35:
        header = {"text": title, "pages": r.choice(["after_first", "even"])}
    footer = {"text": "内部资料　注意保存"} if r.random() < 0.15 else None
    return {"numbers": style, "first_page_number": r.random() < 0.7, "header": header,
            "footer": footer}
