#include "support/gold.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace jianbao::testing {
namespace {

// The kinds the gold files judge by value (provinces are judged as a set per item).
const std::set<std::string> kJudgedKinds = {
    "percentage", "percentage_point", "count",    "amount", "date",
    "date_range", "deadline",         "duration", "year",   "year_range"};

std::string value_string(const Value& v) {
  if (std::holds_alternative<double>(v)) {
    const double d = std::get<double>(v);
    return d == std::floor(d) ? fmt::format("{}", static_cast<long long>(d)) : fmt::format("{}", d);
  }
  if (std::holds_alternative<InternedText>(v)) return std::get<InternedText>(v);
  return "";
}

bool same_value(const YAML::Node& gold, const Value& ours) {
  if (!gold) return true;
  const std::string g = gold.as<std::string>();
  if (std::holds_alternative<double>(ours)) {
    char* end = nullptr;
    const double gv = std::strtod(g.c_str(), &end);
    return end && *end == '\0' &&
           std::fabs(gv - std::get<double>(ours)) < 1e-6 * std::max(1.0, std::fabs(gv));
  }
  return g == value_string(ours);
}

bool matches(const YAML::Node& g, const Metric& m) {
  if (g["kind"].as<std::string>() != to_string(m.kind)) return false;
  if (!same_value(g["value"], m.value) || !same_value(g["start"], m.start) ||
      !same_value(g["end"], m.end)) {
    return false;
  }
  if (g["unit"] && g["unit"].as<std::string>() != m.unit) return false;
  if (g["change"] && g["change"].as<std::string>() != m.change) return false;
  const std::string kind = to_string(m.kind);
  if (g["comparator"]) return g["comparator"].as<std::string>() == m.comparator;
  // Where the gold gives none, a percentage, count or amount must be exact.
  return !(kind == "percentage" || kind == "count" || kind == "amount") || m.comparator.empty();
}

std::string describe(const Metric& m) {
  std::string s = fmt::format("{} '{}' value={}", to_string(m.kind), m.text, value_string(m.value));
  if (!std::holds_alternative<std::monostate>(m.start)) {
    s += fmt::format(" {}..{}", value_string(m.start), value_string(m.end));
  }
  if (!m.unit.empty()) s += " unit=" + m.unit.str();
  if (!m.comparator.empty()) s += " cmp=" + m.comparator.str();
  return s + fmt::format(" (line {})", m.line);
}

std::string dump(const YAML::Node& n) {
  YAML::Emitter e;
  e << YAML::Flow << n;
  return e.c_str();
}

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  for (const auto& e : n) out.push_back(e.as<std::string>());
  return out;
}

void compare_item(const YAML::Node& g, const Item& item, GoldReport* r) {
  auto err = [&](const std::string& what) {
    r->structure_errors.push_back(fmt::format("item '{}': {}", item.title, what));
  };
  if (g["title"].as<std::string>() != item.title)
    err("title is '" + item.title + "', gold '" + g["title"].as<std::string>() + "'");
  if (g["kind"] && g["kind"].as<std::string>() != item.kind) err("kind " + item.kind);
  if (g["region"]) {
    if (!item.region) {
      err("no region");
    } else if (g["region"]["name"].as<std::string>() != item.region->name ||
               g["region"]["code"].as<std::string>() != item.region->code) {
      err("region " + item.region->name + " " + item.region->code);
    }
  } else if (item.region && g["kind"] && g["kind"].as<std::string>() == "news") {
    err("unexpected region " + item.region->name);
  }
  if (g["lines"]) {
    const int first = g["lines"][0].as<int>();
    const int last = g["lines"][1].as<int>();
    if (first != item.first_line || last != item.last_line) {
      err(fmt::format("lines [{}, {}], gold [{}, {}]", item.first_line, item.last_line, first,
                      last));
    }
  }
  if (g["points"] && g["points"].as<int>() != static_cast<int>(item.points.size())) {
    err(fmt::format("{} points, gold {}", item.points.size(), g["points"].as<int>()));
  }
  // Metrics: every gold metric found; every reported one (distinct) in the gold list.
  for (const auto& gm : g["metrics"]) {
    ++r->gold_metrics;
    KindScore& score = r->kinds[gm["kind"].as<std::string>()];
    ++score.gold;
    bool found = false;
    for (const Metric& m : item.metrics) found = found || matches(gm, m);
    if (found) {
      ++r->found_metrics;
      ++score.found;
    } else {
      r->misses.push_back(fmt::format("{}: {}", item.title, dump(gm)));
    }
  }
  std::set<std::string> seen;
  for (const Metric& m : item.metrics) {
    if (!kJudgedKinds.count(to_string(m.kind))) continue;
    if (!seen.insert(describe(m).substr(0, describe(m).find(" (line"))).second) continue;
    ++r->reported_metrics;
    KindScore& score = r->kinds[to_string(m.kind)];
    ++score.reported;
    bool listed = false;
    for (const auto& gm : g["metrics"]) listed = listed || matches(gm, m);
    if (listed) {
      ++r->reported_in_gold;
      ++score.in_gold;
    } else {
      r->extras.push_back(fmt::format("{}: {}", item.title, describe(m)));
    }
  }
  for (const std::string& trap : strings(g["traps"])) {
    for (const Metric& m : item.metrics) {
      if (m.kind == MetricKind::kProvince) continue;
      if (trap.find(m.text) != std::string::npos || m.text.find(trap) != std::string::npos) {
        r->trap_hits.push_back(fmt::format("{}: trap '{}' gave {}", item.title, trap, describe(m)));
      }
    }
  }
  if (g["provinces"]) {
    std::set<std::string> want;
    for (const std::string& p : strings(g["provinces"])) want.insert(p);
    std::set<std::string> got;
    for (const ProvinceCount& p : item.provinces) got.insert(p.name);
    if (want != got) {
      std::string s;
      for (const auto& p : got) s += p + " ";
      r->province_errors.push_back(
          fmt::format("{}: provinces {}; gold {}", item.title, s, dump(g["provinces"])));
    }
  }
}

}  // namespace

GoldReport compare_with_gold(const Document& doc, const std::string& gold_path) {
  GoldReport r;
  YAML::Node gold;
  try {
    gold = YAML::LoadFile(gold_path);
  } catch (const YAML::Exception& e) {
    r.structure_errors.push_back(gold_path + ": " + e.what());
    return r;
  }
  if (gold["encoding"] && gold["encoding"].as<std::string>() != doc.source.encoding) {
    r.structure_errors.push_back("encoding " + doc.source.encoding);
  }
  if (gold["year"] && gold["year"].as<int>() != doc.year.value) {
    r.structure_errors.push_back(fmt::format("year {}", doc.year.value));
  }
  const YAML::Node sections = gold["sections"];
  if (sections.size() != doc.sections.size()) {
    r.structure_errors.push_back(
        fmt::format("{} sections, gold {}", doc.sections.size(), sections.size()));
  }
  for (size_t s = 0; s < std::min<size_t>(sections.size(), doc.sections.size()); ++s) {
    const Section& sec = doc.sections[s];
    const YAML::Node gs = sections[s];
    const std::string title =
        gs["title"] && !gs["title"].IsNull() ? gs["title"].as<std::string>() : "";
    if (title != sec.title)
      r.structure_errors.push_back("section title '" + sec.title + "', gold '" + title + "'");
    if (gs["items"].size() != sec.items.size()) {
      r.structure_errors.push_back(fmt::format("section '{}': {} items, gold {}", sec.title,
                                               sec.items.size(), gs["items"].size()));
    }
    for (size_t i = 0; i < std::min<size_t>(gs["items"].size(), sec.items.size()); ++i) {
      compare_item(gs["items"][i], sec.items[i], &r);
    }
  }
  if (const YAML::Node d = gold["distribution"]) {
    auto check_list = [&](const char* key, const std::vector<std::string>& ours) {
      const std::vector<std::string> want = d[key] ? strings(d[key]) : std::vector<std::string>{};
      if (want != ours) r.structure_errors.push_back(fmt::format("distribution.{} differs", key));
    };
    check_list("report_to", doc.distribution.report_to);
    check_list("copy_to", doc.distribution.copy_to);
    check_list("cc", doc.distribution.cc);
    check_list("send_to", doc.distribution.send_to);
  }
  if (const YAML::Node sig = gold["signature"]; sig && !sig.IsNull()) {
    if (!doc.signature) {
      r.structure_errors.push_back("no signature");
    } else {
      if (sig["issuers"] && strings(sig["issuers"]) != doc.signature->issuers)
        r.structure_errors.push_back("signature.issuers differ");
      if (sig["date"] && !sig["date"].IsNull() &&
          sig["date"].as<std::string>() != doc.signature->date)
        r.structure_errors.push_back(fmt::format(
            "signature.date '{}', gold '{}'", doc.signature->date, sig["date"].as<std::string>()));
    }
  }
  if (const YAML::Node removed = gold["removed"]) {
    std::vector<std::string> want, got;
    for (const auto& e : removed)
      want.push_back(fmt::format("{}:{}:{}", e["kind"].as<std::string>(), e["line"].as<int>(),
                                 e["text"].as<std::string>()));
    for (const Removed& e : doc.removed)
      got.push_back(fmt::format("{}:{}:{}", e.kind, e.line, e.text));
    if (want != got) {
      std::string s;
      for (const auto& g : got) s += g + "; ";
      r.structure_errors.push_back("removed differs: " + s);
    }
  }
  if (const YAML::Node m = gold["masthead"]) {
    if (!doc.masthead) {
      r.structure_errors.push_back("no masthead");
    } else {
      auto field = [&](const char* key, const std::string& ours) {
        if (m[key] && !m[key].IsNull() && m[key].as<std::string>() != ours) {
          r.structure_errors.push_back(
              fmt::format("masthead.{} '{}', gold '{}'", key, ours, m[key].as<std::string>()));
        }
      };
      field("title", doc.masthead->title);
      field("issue", doc.masthead->issue);
      field("total_issue", doc.masthead->total_issue);
      field("publisher", doc.masthead->publisher);
      field("date", doc.masthead->date);
    }
  }
  if (const YAML::Node c = gold["colophon"]) {
    if (strings(c) != doc.colophon) r.structure_errors.push_back("colophon differs");
  }
  return r;
}

std::string source_path(const std::string& relative) {
  return std::string(JB_SOURCE_DIR) + "/" + relative;
}

std::string shared_path(const std::string& relative) {
  const std::string p = std::string(JB_SHARED_DIR) + "/" + relative;
  return std::filesystem::exists(p) ? p : "";
}

std::vector<std::string> bulletin_paths(bool with_seed) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_path("samples"))) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  if (!with_seed) return out;
  const std::string seed = shared_path("seeds/000_06335a08d50280b6.txt");
  if (seed.empty()) {
    MESSAGE("../shared/seeds is absent: the seed is left out");
  } else {
    out.push_back(seed);
  }
  return out;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace jianbao::testing
