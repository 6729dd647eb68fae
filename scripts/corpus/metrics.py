"""Metric slots: each function returns (text, [gold metric dicts]).

The gold follows the conventions in the header of ../shared/seeds/*.gold.yaml and
samples/09_metrics_all.gold.yaml (values normalised, comparators by the statutory reading).
Every numeral a slot writes is a metric in its gold; sentences around slots carry no other
numerals, so the gold of a composed sentence is complete.
"""

import calendar

CN_DIGITS = "〇一二三四五六七八九"
CN_SMALL = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九",
            10: "十"}
CN_QUARTER = {1: "一", 2: "二", 3: "三", 4: "四"}

def cn_year(y):
    return "".join(CN_DIGITS[int(c)] for c in str(y))

def cn_number(n):
    """1..99 in Chinese numerals (十二, 二十, 三十五)."""
    if n < 10:
        return "一二三四五六七八九"[n - 1]
    tens, ones = divmod(n, 10)
    s = ("" if tens == 1 else "一二三四五六七八九"[tens - 1]) + "十"
    return s + ("" if ones == 0 else "一二三四五六七八九"[ones - 1])

def cn_date(y, m, d):
    return f"{cn_year(y)}年{cn_number(m)}月{cn_number(d)}日"

def iso(y, m, d=None):
    return f"{y:04d}-{m:02d}" if d is None else f"{y:04d}-{m:02d}-{d:02d}"

def last_day(y, m):
    return calendar.monthrange(y, m)[1]

def gu(unit):
    """The gold unit: the noun after the numeral, a leading 个 dropped (5个工作组 -> 工作组)."""
    return unit[1:] if unit.startswith("个") and len(unit) > 1 else unit


def fmt_num(v):
    return str(int(v)) if float(v) == int(v) else f"{v:g}"

class Slots:
    """Random metric texts for one document (its year is the bulletin year)."""

    def __init__(self, rng, year, month):
        self.r = rng
        self.year = year
        self.month = month  # the issue month: dates in the text fall before it

    # -- percentages -------------------------------------------------------------------------
    def pct_value(self, lo=1, hi=99, decimals=True):
        if decimals and self.r.random() < 0.6:
            return round(self.r.uniform(lo, hi), 1)
        return self.r.randint(lo, hi)

    def pct_change(self, change=None):
        change = change or self.r.choice(["increase", "decrease"])
        v = self.pct_value(1, 40)
        word = self.r.choice(["增长", "上升"] if change == "increase" else ["下降", "减少"])
        return f"同比{word}{fmt_num(v)}%", [{"kind": "percentage", "value": v, "change": change}]

    def pct_share(self):
        v = self.pct_value(20, 99)
        return f"{fmt_num(v)}%", [{"kind": "percentage", "value": v}]

    def pct_target(self):
        v = self.r.choice([80, 85, 90, 95, 98, 60, 70, 75])
        form = self.r.choice(["above", "not_below", "over", "about", "cn"])
        if form == "above":
            return f"{v}%以上", [{"kind": "percentage", "value": v, "comparator": ">="}]
        if form == "not_below":
            return f"不低于{v}%", [{"kind": "percentage", "value": v, "comparator": ">="}]
        if form == "over":
            return f"超过{v}%", [{"kind": "percentage", "value": v, "comparator": ">"}]
        if form == "about":
            return f"{v}%左右", [{"kind": "percentage", "value": v, "comparator": "~"}]
        return f"百分之{cn_number(v)}", [{"kind": "percentage", "value": v}]

    def pct_goal(self):
        """A target with its verb: 达到90%以上, 不低于90%, 超过90%, 达到90%左右, 达到百分之九十."""
        text, gold = self.pct_target()
        return (text if text.startswith(("不低于", "超过")) else "达到" + text), gold

    def pct_below(self):
        v = self.r.choice([3, 5, 8, 10])
        return f"不足{v}%", [{"kind": "percentage", "value": v, "comparator": "<"}]

    def pp(self, change=None):
        change = change or self.r.choice(["increase", "decrease"])
        v = round(self.r.uniform(0.5, 12), 1)
        word = self.r.choice(["提高", "上升"] if change == "increase" else ["下降", "降低"])
        return f"{word}{fmt_num(v)}个百分点", [{"kind": "percentage_point", "value": v,
                                             "change": change}]

    # -- counts ------------------------------------------------------------------------------
    def count(self, unit, lo=2, hi=2000, form=None):
        v = self.r.randint(lo, hi)
        form = form or self.r.choices(["plain", "plain", "plain", "yu", "cn"], k=1)[0]
        if form == "yu" and v >= 20:
            v = v // 10 * 10
            return f"{v}余{unit}", [{"kind": "count", "value": v, "unit": gu(unit), "comparator": ">"}]
        if form == "cn" and v <= 99:
            return f"{cn_number(v)}{unit}", [{"kind": "count", "value": v, "unit": gu(unit)}]
        return f"{v}{unit}", [{"kind": "count", "value": v, "unit": gu(unit)}]

    def count_ge(self, unit, lo=1, hi=5):
        v = self.r.randint(lo, hi)
        return f"{v}{unit}及以上", [{"kind": "count", "value": v, "unit": gu(unit), "comparator": ">="}]

    def count_ge_cn(self, unit, lo=2, hi=4):
        v = self.r.randint(lo, hi)
        return f"{CN_SMALL[v]}{unit}以上", [{"kind": "count", "value": v, "unit": gu(unit),
                                            "comparator": ">="}]


    def count_small(self, unit, lo=2, hi=9, ge=False):
        v = self.r.randint(lo, hi)
        text = CN_SMALL[v] if self.r.random() < 0.7 else str(v)
        return f"{text}{unit}", [{"kind": "count", "value": v, "unit": gu(unit)}]


    def count_ge_wan(self, unit):
        whole = self.r.randint(1, 9)
        frac = self.r.randint(1, 9)
        v = whole * 10000 + frac * 1000
        if self.r.random() < 0.5:
            return f"约{whole}.{frac}万{unit}", [{"kind": "count", "value": v, "unit": gu(unit),
                                                "comparator": "~"}]
        return f"超过{whole}.{frac}万{unit}", [{"kind": "count", "value": v, "unit": gu(unit),
                                              "comparator": ">"}]


    # -- money -------------------------------------------------------------------------------
    def amount(self):
        form = self.r.choice(["yi", "wan", "wan", "about", "max"])
        if form == "yi":
            v = round(self.r.uniform(1.1, 9.9), 1)
            return f"{fmt_num(v)}亿元", [{"kind": "amount", "value": int(round(v * 1e8)),
                                          "unit": "元"}]
        w = self.r.randint(12, 9800)
        if form == "about":
            return f"约{w}万元", [{"kind": "amount", "value": w * 10000, "unit": "元",
                                  "comparator": "~"}]
        if form == "max":
            return f"不超过{w}万元", [{"kind": "amount", "value": w * 10000, "unit": "元",
                                    "comparator": "<="}]
        return f"{w}万元", [{"kind": "amount", "value": w * 10000, "unit": "元"}]

    # -- dates -------------------------------------------------------------------------------
    def past_month(self):
        return self.r.randint(1, max(1, self.month - 1)) if self.month > 1 else 1

    def date(self, with_year=None):
        m = self.past_month()
        d = self.r.randint(1, last_day(self.year, m))
        with_year = self.r.random() < 0.2 if with_year is None else with_year
        gold = [{"kind": "date", "value": iso(self.year, m, d)}]
        if with_year:
            return f"{self.year}年{m}月{d}日", gold
        return f"{m}月{d}日", gold

    def date_range(self):
        form = self.r.choice(["days", "months_dash", "months_zhi", "half", "quarter"])
        if form == "days":
            m = self.past_month()
            d1 = self.r.randint(1, 20)
            d2 = d1 + self.r.randint(2, 8)
            return f"{m}月{d1}日至{d2}日", [{"kind": "date_range", "start": iso(self.year, m, d1),
                                           "end": iso(self.year, m, d2)}]
        if form == "months_dash":
            m2 = max(2, self.month - 1)
            return f"1—{m2}月", [{"kind": "date_range", "start": iso(self.year, 1),
                                 "end": iso(self.year, m2)}]
        if form == "months_zhi":
            m1 = self.r.randint(1, 5)
            m2 = self.r.randint(m1 + 1, 12)
            return f"{m1}月至{m2}月", [{"kind": "date_range", "start": iso(self.year, m1),
                                       "end": iso(self.year, m2)}]
        if form == "half":
            return "上半年", [{"kind": "date_range", "start": iso(self.year, 1, 1),
                               "end": iso(self.year, 6, 30)}]
        q = self.r.randint(1, 3)
        end_m = q * 3
        return f"{CN_QUARTER[q]}季度", [{"kind": "date_range", "start": iso(self.year, end_m - 2, 1),
                                         "end": iso(self.year, end_m, last_day(self.year, end_m))}]

    def deadline(self):
        form = self.r.choice(["month_end", "day", "year_end", "year_end_y"])
        if form == "month_end":
            m = self.r.randint(min(12, self.month + 1), 12)
            return f"{m}月底前", [{"kind": "deadline", "value": iso(self.year, m, last_day(self.year, m))}]
        if form == "day":
            m = self.r.randint(min(12, self.month + 1), 12)
            d = self.r.choice([10, 15, 20, 30]) if m != 2 else 15
            return f"{m}月{d}日前", [{"kind": "deadline", "value": iso(self.year, m, d)}]
        if form == "year_end_y":
            return f"{self.year}年底前", [{"kind": "deadline", "value": iso(self.year, 12, 31)}]
        return "年底前", [{"kind": "deadline", "value": iso(self.year, 12, 31)}]

    def duration(self):
        form = self.r.choice(["months", "years_run", "weeks", "days", "span"])
        if form == "months":
            v = self.r.randint(2, 6)
            return f"{v}个月内", [{"kind": "duration", "value": v, "unit": "month"}]
        if form == "years_run":
            v = self.r.randint(3, 16)
            return f"连续{v}年", [{"kind": "duration", "value": v, "unit": "year"}]
        if form == "weeks":
            return "两周内", [{"kind": "duration", "value": 2, "unit": "week"}]
        if form == "days":
            v = self.r.choice([7, 10, 15, 30])
            return f"{v}日内", [{"kind": "duration", "value": v, "unit": "day"}]
        v = self.r.randint(2, 3)
        return f"为期{CN_SMALL[v]}个月", [{"kind": "duration", "value": v, "unit": "month"}]

    def year_prev(self):
        y = self.year - 1
        return f"{y}年", [{"kind": "year", "value": y}]
