#!/usr/bin/python3
"""Composes twelve monthly issues of one bulletin, with figures that vary month by month and
items and provinces that come and go, and writes their texts and the gold for them.

Run by hand (never by CI); it writes tests/data/series/*.txt and tests/data/series/series.gold.yaml.
The gold says what the composition put there, independently of jianbao: for every figure its
kind, unit, section, item region and its order among the figures of that kind, unit, section and
region in the issue (trend's key, see README "jianbao trend"), and its value in each issue (null
where the issue does not have it); and the changes between two consecutive issues.

The file names are a fixed shuffle, so that an order taken from the names would be wrong: the
issues must be ordered by their masthead dates.
"""
import argparse
import os
import sys

import yaml

MONTHS = list(range(1, 13))
YEAR = 2024
# Which issue names which file: a fixed permutation of the months.
SHUFFLE = [7, 2, 11, 5, 9, 1, 12, 4, 8, 3, 10, 6]
DIFF_FROM = 5  # the gold lists the changes from this issue to the next

# Provinces the inspection teams visit, by month (short names, as bulletins write them).
TEAMS = {
    1: ["河北", "山西"], 2: ["河北", "辽宁"], 3: ["吉林", "辽宁", "江西"],
    4: ["山西", "河南"], 5: ["河北", "山西", "辽宁"], 6: ["河北", "吉林", "湖南"],
    7: ["湖南", "四川"], 8: ["四川", "贵州"], 9: ["云南", "贵州"], 10: ["陕西", "甘肃"],
    11: ["甘肃", "青海"], 12: ["河北", "陕西"],
}
FULL = {"河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "江西": "江西省",
        "河南": "河南省", "湖南": "湖南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省",
        "陕西": "陕西省", "甘肃": "甘肃省", "青海": "青海省"}

S1, S2, S3 = "工作动态", "专项整治", "地方经验"


def figure(kind, unit, section, region, n, value):
    return {"kind": kind, "unit": unit, "section": section, "region": region, "n": n,
            "value": value}


def issue(m):
    """The text of issue m and the figures, items and provinces it holds."""
    lines = ["安全生产工作简报", f"第{m}期", f"（总第{300 + m}期）",
             f"国务院安全生产委员会办公室　　　　　　{YEAR}年{m}月15日"]
    figures, items, provinces = [], [], []

    def item(section, title, region, paragraphs):
        items.append({"section": section, "title": title})
        lines.append(title)
        lines.extend(paragraphs)
        if region:
            provinces.append(region)

    accidents, deaths = 1800 - 37 * m, 1500 - 29 * m
    fall_a, fall_d = round(10.5 + 0.4 * m, 1), round(8.2 + 0.3 * m, 1)
    lines.append("一、工作动态")
    item(S1, "全国安全生产形势总体稳定", None, [
        f"{m}月上旬，全国共发生各类生产安全事故{accidents}起、死亡{deaths}人，"
        f"同比分别下降{fall_a}%和{fall_d}%，安全生产形势总体稳定。"])
    figures += [figure("count", "起", S1, "", 1, accidents),
                figure("count", "人", S1, "", 1, deaths),
                figure("percentage", "", S1, "", 1, fall_a),
                figure("percentage", "", S1, "", 2, fall_d)]
    teams = TEAMS[m]
    teams_n = len(teams) + 3
    item(S1, "国务院安委办派出督导组开展明查暗访", None, [
        f"本月，国务院安委办派出{teams_n}批督导组赴{'、'.join(teams)}等地开展明查暗访，"
        "督促地方压实安全生产责任。"])
    figures.append(figure("count", "批", S1, "", 1, teams_n))
    provinces += [FULL[t] for t in teams]
    if m in (4, 5):
        events = 120 + 45 * m
        item(S1, "部署开展全国“安全生产月”活动", None, [
            f"各地围绕“人人讲安全、个个会应急”主题，组织开展宣传咨询活动{events}场次，"
            "营造浓厚氛围。"])
        figures.append(figure("count", "场次", S1, "", 1, events))

    lines.append("二、专项整治")
    firms, hazards, rate = 5200 + 410 * m, 880 + 23 * m, round(71.0 + 2.1 * m, 1)
    item(S2, "重大事故隐患专项排查整治稳步推进", None, [
        f"截至{m}月10日，各地累计排查企业{firms}家，发现重大事故隐患{hazards}处，"
        f"整改率达到{rate}%。"])
    figures += [figure("count", "家", S2, "", 1, firms),
                figure("count", "处", S2, "", 1, hazards),
                figure("percentage", "", S2, "", 1, rate)]

    lines.append("【地方经验】")
    trained = 3100 + 260 * m
    item(S3, "山东省：推进安全生产治本攻坚", "山东省", [
        f"山东省聚焦重点行业领域，今年以来累计培训企业主要负责人{trained}人次，"
        "推动企业落实全员安全生产责任制。"])
    figures.append(figure("count", "人次", S3, "山东省", 1, trained))
    if m <= 8:
        plants = 40 + 6 * m
        item(S3, "江苏省：深化化工园区安全整治", "江苏省", [
            f"江苏省对化工园区开展安全风险评估，已完成{plants}家化工企业的整治提升。"])
        figures.append(figure("count", "家", S3, "江苏省", 1, plants))
    if m >= 4:
        fixed = 600 + 55 * m
        item(S3, "浙江省：推行企业安全生产标准化", "浙江省", [
            f"浙江省组织专家深入企业帮扶指导，累计整改各类隐患{fixed}处。"])
        figures.append(figure("count", "处", S3, "浙江省", 1, fixed))
    if 6 <= m <= 9:
        gas, issues = 300 + 20 * m, 50 + 7 * m
        item(S3, "广东省：开展城镇燃气安全排查", "广东省", [
            f"广东省检查燃气经营企业{gas}家，督促整改问题{issues}项。"])
        figures += [figure("count", "家", S3, "广东省", 1, gas),
                    figure("count", "项", S3, "广东省", 1, issues)]
    lines.append("报：国务院安委会成员单位。")
    lines.append("送：各省、自治区、直辖市安委会办公室。")
    return "\n".join(lines) + "\n", figures, items, list(dict.fromkeys(provinces))


def key_of(f):
    return (f["kind"], f["unit"], f["section"], f["region"], f["n"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests",
                                                      "data", "series"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    issues, series = [], {}
    composed = {}
    for m in MONTHS:
        text, figures, items, provinces = issue(m)
        name = f"bulletin_{SHUFFLE[m - 1]:02d}.txt"
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(text)
        issues.append({"file": name, "date": f"{YEAR}-{m:02d}-15", "issue": m,
                       "total_issue": 300 + m, "provinces": provinces})
        composed[m] = (figures, items, provinces)
        for f in figures:
            series.setdefault(key_of(f), [None] * len(MONTHS))[m - 1] = f["value"]
    gold_series = [{"kind": k[0], "unit": k[1], "section": k[2], "region": k[3], "n": k[4],
                    "values": v} for k, v in series.items()]
    (fa, ia, pa), (fb, ib, pb) = composed[DIFF_FROM], composed[DIFF_FROM + 1]
    va = {key_of(f): f["value"] for f in fa}
    vb = {key_of(f): f["value"] for f in fb}
    changes = {
        "from": issues[DIFF_FROM - 1]["file"], "to": issues[DIFF_FROM]["file"],
        "items_added": [i for i in ib if i not in ia],
        "items_dropped": [i for i in ia if i not in ib],
        "metrics": [{"kind": k[0], "unit": k[1], "section": k[2], "region": k[3], "n": k[4],
                     "before": va.get(k), "after": vb.get(k)}
                    for k in list(vb) + [k for k in va if k not in vb] if va.get(k) != vb.get(k)],
        "provinces_added": [p for p in pb if p not in pa],
        "provinces_dropped": [p for p in pa if p not in pb],
    }
    gold = {"composed_by": "scripts/compose_series.py", "issues": issues, "series": gold_series,
            "changes": changes}
    with open(os.path.join(args.out, "series.gold.yaml"), "w", encoding="utf-8") as f:
        f.write("# Written by scripts/compose_series.py from the composition, not from jianbao.\n")
        yaml.safe_dump(gold, f, allow_unicode=True, sort_keys=False, width=100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
