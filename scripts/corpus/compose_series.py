"""Compose a series (family `series`): twelve monthly issues of one national bulletin, the same
masthead, the same sections, recurring figures that vary month by month, and local-experience
items whose provinces change from issue to issue. Issue 16's trend and diff are judged on it.

compose(case, seed) returns the twelve compositions (cases <case>_01 … <case>_12); series_gold()
gives the series file: every key with its twelve values (null where an issue lacks it) and, for
each pair of consecutive issues, the exact changes.
"""

import random

import compose_bulletins as cb
import gazetteer
import pool
from fill import fill
from metrics import fmt_num, iso

TITLE = "全国安全生产月报"
PUBLISHER = "应急管理部办公厅"
SITUATION = "安全生产形势"
CAMPAIGN = "专项整治"
LOCAL = "地方经验"
CAMPAIGN_TOPIC = "城镇燃气"


def walk(r, start, lo, hi, step):
    """Twelve values: a bounded random walk (figures that move month by month)."""
    out, v = [], start
    for _ in range(12):
        out.append(v)
        v = min(hi, max(lo, v + r.randint(-step, step)))
    return out


def walk_pct(r, start, lo, hi, step):
    out, v = [], start
    for _ in range(12):
        out.append(round(v, 1))
        v = min(hi, max(lo, v + r.uniform(-step, step)))
    return out


def key(kind, unit, noun, section, region=None, label="", change=None):
    k = {"kind": kind, "unit": unit, "noun": noun, "section": section, "region": region,
         "label": label}
    if change:
        k["change"] = change
    return k


def compose(case, seed):
    r = random.Random(seed)
    year = r.choice([2023, 2024])
    accidents = walk(r, r.randint(1500, 2500), 900, 3000, 250)
    deaths = walk(r, r.randint(1200, 2000), 700, 2600, 200)
    change = walk_pct(r, r.uniform(5, 15), 0.5, 30, 2)
    inspected = walk(r, r.randint(20000, 40000), 10000, 60000, 4000)
    hazards = walk(r, r.randint(50000, 90000), 20000, 120000, 8000)
    fixed_rate = walk_pct(r, r.uniform(80, 95), 70, 99.9, 3)
    standard_rate = walk_pct(r, r.uniform(60, 80), 50, 95, 2)
    campaign_months = set(range(r.randint(2, 4), r.randint(9, 11)))
    campaign = walk(r, r.randint(2000, 5000), 500, 9000, 600)
    provinces = r.sample(gazetteer.provinces(), 8)
    total_base = r.randint(100, 300)
    comps = []
    for m in range(1, 13):
        c = cb.Composer(f"{case}_{m:02d}", seed * 13 + m)
        c.year, c.month = year, m
        c.date = iso(year, m, 28)
        c.slots = cb.Slots(c.r, year, m)
        c.title = TITLE
        c.orgs = pool.ORGS_NATIONAL
        c.add("masthead_title", TITLE, style="Title", align="center", size=42, color="FF0000",
              bold=True, font="serif")
        c.add("masthead_issue", f"{year}年第{m}期（总第{total_base + m}期）", align="center")
        c.add("masthead_publisher_date", f"{PUBLISHER}　　　　{year}年{m}月28日", align="center",
              border_bottom="FF0000")
        masthead = {"title": TITLE, "issue": m, "total_issue": total_base + m,
                    "publisher": PUBLISHER, "date": c.date}
        keys = []
        sections = []
        # Section 1: the month's figures, always there.
        c.heading(0, SITUATION, "dun")
        title = "全国安全生产形势总体稳定"
        c.title_blocks(title, 0, 0)
        ref = {"section": 0, "item": 0}
        word, direction = "下降", "decrease"
        p1 = (f"本月，全国共发生各类生产安全事故{accidents[m - 1]}起、死亡{deaths[m - 1]}人，"
              f"事故起数同比{word}{fmt_num(change[m - 1])}%。")
        p2 = (f"各地共检查企业{inspected[m - 1]}家，发现问题隐患{hazards[m - 1]}项，"
              f"隐患整改率{fmt_num(fixed_rate[m - 1])}%。")
        p3 = f"重点行业领域安全生产标准化达标率为{fmt_num(standard_rate[m - 1])}%，较上月有所提升。"
        for p in (p1, p2, p3):
            c.body(p, ref)
        metrics = [
            {"kind": "count", "value": accidents[m - 1], "unit": "起"},
            {"kind": "count", "value": deaths[m - 1], "unit": "人"},
            {"kind": "percentage", "value": change[m - 1], "change": direction},
            {"kind": "count", "value": inspected[m - 1], "unit": "家"},
            {"kind": "count", "value": hazards[m - 1], "unit": "项"},
            {"kind": "percentage", "value": fixed_rate[m - 1]},
            {"kind": "percentage", "value": standard_rate[m - 1]},
        ]
        keys += [
            (key("count", "起", "事故", SITUATION, label="事故起数"), accidents[m - 1]),
            (key("count", "人", "死亡", SITUATION, label="死亡人数"), deaths[m - 1]),
            (key("percentage", "%", "事故起数同比", SITUATION, label="事故起数同比下降",
                 change="decrease"), change[m - 1]),
            (key("count", "家", "企业", SITUATION, label="检查企业"), inspected[m - 1]),
            (key("count", "项", "隐患", SITUATION, label="发现隐患"), hazards[m - 1]),
            (key("percentage", "%", "整改率", SITUATION, label="隐患整改率"), fixed_rate[m - 1]),
            (key("percentage", "%", "达标率", SITUATION, label="标准化达标率"), standard_rate[m - 1]),
        ]
        items = [{"title": title, "kind": "news", "region": None, "points": 0, "metrics": metrics,
                  "provinces": [], "traps": []}]
        sections.append({"title": SITUATION, "items": items})
        # Section 2: a campaign reported only in some months.
        sec = 1
        if m in campaign_months:
            c.heading(sec, CAMPAIGN, "dun")
            t = f"{CAMPAIGN_TOPIC}安全专项整治持续推进"
            c.title_blocks(t, sec, 0)
            c.body(f"本月，各地累计排查{CAMPAIGN_TOPIC}用户和企业{campaign[m - 1]}家，"
                   f"对发现的问题实行清单化管理、闭环式整改。", {"section": sec, "item": 0})
            sections.append({"title": CAMPAIGN, "items": [{
                "title": t, "kind": "news", "region": None, "points": 0,
                "metrics": [{"kind": "count", "value": campaign[m - 1], "unit": "家"}],
                "provinces": [], "traps": []}]})
            keys.append((key("count", "家", "用户和企业", CAMPAIGN, label="燃气整治排查"),
                         campaign[m - 1]))
            sec += 1
        # Section 3: two or three provinces' experience, a different choice each month.
        c.heading(sec, LOCAL, "dun")
        chosen = r.sample(provinces, r.randint(2, 3))
        litems = []
        for i, p in enumerate(chosen):
            words = {"place": p["name"], "topic": r.choice(pool.TOPICS)}
            t, _, _ = fill(r.choice(pool.LOCAL_TITLES), c.slots, words)
            c.title_blocks(t, sec, i)
            n = r.randint(100, 3000)
            c.body(f"{p['name']}聚焦{words['topic']}领域突出问题，本月完成重点企业整治{n}家，"
                   f"推动安全防范措施落地见效。", {"section": sec, "item": i})
            litems.append({"title": t, "kind": "local_experience",
                           "region": {"name": p["name"], "code": p["code"], "level": "province"},
                           "points": 0, "metrics": [{"kind": "count", "value": n, "unit": "家"}],
                           "provinces": [p["name"]], "traps": []})
            keys.append((key("count", "家", "重点企业整治", LOCAL, region=p["name"],
                             label=f"{p['name']}整治企业"), n))
        sections.append({"title": LOCAL, "items": litems})
        dist = {"report_to": ["国务院领导同志"], "copy_to": ["各省、自治区、直辖市应急管理厅（局）"],
                "send_to": [], "cc": []}
        c.add("distribution", "报：国务院领导同志。", align="left", size=14, border_top="000000",
              key="report_to")
        c.add("distribution", "送：各省、自治区、直辖市应急管理厅（局）。", align="left", size=14,
              key="copy_to")
        comp = {
            "format": "jianbao.composition/1", "family": "series", "case": c.case,
            "seed": seed * 13 + m, "genre": "bulletin",
            "page": {"numbers": "gbt9704", "first_page_number": True, "header": None,
                     "footer": None},
            "blocks": c.blocks,
            "gold": {"genre": "bulletin", "year": year, "masthead": masthead, "sections": sections,
                     "distribution": dist, "colophon": [], "signature": None,
                     "series": {"name": TITLE, "issue": m,
                                "values": [dict(k, value=v) for k, v in keys]}},
        }
        comps.append(comp)
    return comps


def key_id(k):
    return (k["kind"], k["unit"], k["noun"], k["section"], k["region"] or "")


def series_gold(comps):
    """The series file: keys x twelve values, and the changes between consecutive issues."""
    order = []
    values = {}
    for comp in comps:
        m = comp["gold"]["series"]["issue"]
        for v in comp["gold"]["series"]["values"]:
            kid = key_id(v)
            if kid not in values:
                order.append(kid)
                values[kid] = {"key": {k: v[k] for k in ("kind", "unit", "noun", "section",
                                                         "region", "label", "change") if k in v},
                               "values": [None] * 12}
            values[kid]["values"][m - 1] = v["value"]
    changes = []
    for a, b in zip(comps, comps[1:]):
        ga, gb = a["gold"], b["gold"]
        ta = [i["title"] for s in ga["sections"] for i in s["items"]]
        tb = [i["title"] for s in gb["sections"] for i in s["items"]]
        va = {key_id(v): v["value"] for v in ga["series"]["values"]}
        vb = {key_id(v): v["value"] for v in gb["series"]["values"]}
        pa = {p for s in ga["sections"] for i in s["items"] for p in i["provinces"]}
        pb = {p for s in gb["sections"] for i in s["items"] for p in i["provinces"]}
        changes.append({
            "from": ga["series"]["issue"], "to": gb["series"]["issue"],
            "items_added": [t for t in tb if t not in ta],
            "items_dropped": [t for t in ta if t not in tb],
            "metrics_changed": [{"key": values[k]["key"]["label"], "from": va[k], "to": vb[k]}
                                for k in order if k in va and k in vb and va[k] != vb[k]],
            "keys_added": [values[k]["key"]["label"] for k in order if k in vb and k not in va],
            "keys_dropped": [values[k]["key"]["label"] for k in order if k in va and k not in vb],
            "provinces_added": sorted(pb - pa), "provinces_dropped": sorted(pa - pb),
        })
    return {"series": comps[0]["gold"]["series"]["name"],
            "issues": [{"case": c["case"], "issue": c["gold"]["series"]["issue"],
                        "date": c["gold"]["masthead"]["date"]} for c in comps],
            "keys": [values[k] for k in order], "changes": changes}
