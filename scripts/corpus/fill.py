"""Fill a pool template: {slot} and {slot:arg} through metrics.Slots, words from a dict.

fill(template, slots, words) -> (text, metrics, traps)
"""

import re

SLOT = re.compile(r"\{(\w+)(?::([^}]*))?\}")

# Numerals inside quoted slogans and set phrases of the pool: never metrics.
TRAPS = ["三管三必须", "四不两直", "四色", "第一责任人", "零容忍", "零发生",
         "开学第一课", "安全管家", "三字诀"]


def fill(template, slots, words):
    metrics = []

    def one(m):
        name, arg = m.group(1), m.group(2)
        if name in words:
            return words[name]
        if name == "count_wan":
            text, gold = slots.count_ge_wan(arg)
        elif name == "duration_months":
            v = slots.r.randint(2, 3)
            text, gold = f"{'两三'[v - 2]}个月", [{"kind": "duration", "value": v, "unit": "month"}]
        elif arg is not None:
            text, gold = getattr(slots, name)(arg)
        else:
            text, gold = getattr(slots, name)()
        metrics.extend(gold)
        return text

    text = SLOT.sub(one, template)
    traps = [t for t in TRAPS if t in text]
    return text, metrics, traps
