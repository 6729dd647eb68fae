// Across the bulletins of one publication: issue-skipped, issue-repeated, date-backwards.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>

#include "check/catalog.h"
#include "check/dates.h"
#include "check/families.h"
#include "core/numeral.h"

namespace jianbao::check {
namespace {

struct Entry {
  const Document* doc;
  int year;     // the issue's year; 0 when issues are numbered across years (总第N期)
  long long n;  // the issue number
};

std::optional<long long> issue_number(const std::string& text, const RuleSet& rules) {
  if (text.empty()) return std::nullopt;
  const auto v = core::parse_number(text, rules.numerals);
  if (!v || *v < 1 || *v != std::floor(*v)) return std::nullopt;
  return static_cast<long long>(*v);
}

int year_of(const Document& doc) {
  const auto d = parse_iso_date(doc.masthead->date);
  return d && d->year != 0 ? d->year : doc.year.value;
}

std::string file_name(const Document& doc) {
  return std::filesystem::path(doc.source.path).filename().string();
}

// Issue numbers restart each year (2024年第6期) unless every bulletin carries a running total.
std::vector<Entry> number_issues(const std::vector<const Document*>& docs, const RuleSet& rules) {
  bool all_total = true;
  for (const Document* d : docs)
    all_total = all_total && issue_number(d->masthead->total_issue, rules);
  std::vector<Entry> out;
  for (const Document* d : docs) {
    if (all_total) {
      out.push_back({d, 0, *issue_number(d->masthead->total_issue, rules)});
    } else if (const auto n = issue_number(d->masthead->issue, rules)) {
      out.push_back({d, year_of(*d), *n});
    }
  }
  // Ties (a repeated number) by path, so the same file is named whatever the input order.
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.year, a.n, a.doc->source.path) < std::tie(b.year, b.n, b.doc->source.path);
  });
  return out;
}

std::string issue_name(const Entry& e) {
  return e.year == 0 ? fmt::format("total issue {}", e.n) : fmt::format("{} issue {}", e.year, e.n);
}

void check_group(const std::vector<const Document*>& docs, const Context& ctx) {
  const std::vector<Entry> entries = number_issues(docs, ctx.rules);
  const std::string& title = docs.front()->masthead->title;
  for (size_t i = 1; i < entries.size(); ++i) {
    const Entry& prev = entries[i - 1];
    const Entry& cur = entries[i];
    const Masthead& m = *cur.doc->masthead;
    const std::string& file = cur.doc->source.path;
    if (prev.year == cur.year && cur.n == prev.n) {
      ctx.add(ids::kIssueRepeated, file, m.first_line, 1,
              fmt::format("'{}' {} repeats the number of {}", title, issue_name(cur),
                          file_name(*prev.doc)));
      continue;
    }
    if (prev.year == cur.year && cur.n > prev.n + 1) {
      const std::string missing =
          cur.n == prev.n + 2 ? fmt::format("issue {} is missing", prev.n + 1)
                              : fmt::format("issues {} to {} are missing", prev.n + 1, cur.n - 1);
      ctx.add(ids::kIssueSkipped, file, m.first_line, 1,
              fmt::format("'{}' {} follows {} ({}): {}", title, issue_name(cur), issue_name(prev),
                          file_name(*prev.doc), missing));
    }
    const std::string& before = prev.doc->masthead->date;
    if (is_full_date(m.date) && is_full_date(before) && m.date < before) {
      ctx.add(ids::kDateBackwards, file, m.first_line, 1,
              fmt::format("'{}' {} is dated {}, before {} ({}, dated {})", title, issue_name(cur),
                          m.date, issue_name(prev), file_name(*prev.doc), before));
    }
  }
}

}  // namespace

void check_issue_series(const std::vector<const Document*>& docs, const Context& ctx) {
  // One series per directory and masthead title, in the order first seen.
  std::vector<std::pair<std::string, std::vector<const Document*>>> groups;
  for (const Document* d : docs) {
    if (!d->masthead) continue;
    const std::string key = std::filesystem::path(d->source.path).parent_path().string() + '\n' +
                            compact(d->masthead->title);
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      groups.push_back({key, {d}});
    } else {
      it->second.push_back(d);
    }
  }
  for (const auto& [key, members] : groups) {
    if (members.size() > 1) check_group(members, ctx);
  }
}

}  // namespace jianbao::check
