"""Real place names from rules/gazetteer/ (GB/T 2260): provinces, cities and counties whose
name is unique in the gazetteer, so the gold region is not ambiguous."""

import collections
import functools
import os

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


@functools.lru_cache(None)
def _load():
    with open(os.path.join(ROOT, "rules/gazetteer/provinces.yaml"), encoding="utf-8") as f:
        provs = yaml.safe_load(f)["provinces"]
    with open(os.path.join(ROOT, "rules/gazetteer/divisions.yaml"), encoding="utf-8") as f:
        divs = yaml.safe_load(f)["divisions"]
    names = collections.Counter([d["name"] for d in divs] + [p["name"] for p in provs])
    for p in provs:
        names.update(p.get("aliases", []))
    provs = [dict(p, alias=(p.get("aliases") or [p["name"]])[0], level="province") for p in provs
             if p["code"].endswith("0000") and p["code"] not in ("710000", "810000", "820000",
                                                                   "660000")]
    unique = [d for d in divs if names[d["name"]] == 1 and len(d["name"]) >= 3]
    return provs, unique


def provinces():
    return _load()[0]


def region(r, province, national=False):
    """For a national bulletin mostly a province; for a provincial one a city or county of
    `province` (falling back to any province's), sometimes a province."""
    provs, divs = _load()
    level = (r.choice(["province"] * 4 + ["city", "county"]) if national
             else r.choice(["province", "city", "city", "county", "county"]))
    if level == "province":
        return r.choice(provs)
    pool = [d for d in divs if d["level"] == level and d["province"] == province["code"]]
    if level == "county":
        pool = [d for d in pool if d["name"][-1] in "县市区旗"]
    if not pool:
        pool = [d for d in divs if d["level"] == level]
    d = r.choice(pool)
    out = {"name": d["name"], "code": d["code"], "level": d["level"]}
    if d["level"] == "city" and r.random() < 0.25:
        # "安徽省合肥市：…": the title names the province too; the region is still the city.
        out["display"] = next(p["name"] for p in provs if p["code"] == d["province"]) + d["name"]
    return out
