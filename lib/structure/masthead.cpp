#include "structure/masthead.h"

#include <fmt/format.h>

#include "core/icu_regex.h"
#include "core/numeral.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::structure {
namespace {

// Letter-spaced mastheads ("安 全 生 产 简 报") lose their spaces between CJK characters.
std::string squeeze_cjk_spaces(const std::string& text) {
  std::u32string cps;
  size_t pos = 0;
  while (pos < text.size()) cps.push_back(core::next_code_point(text, &pos));
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == ' ' && i > 0 && i + 1 < cps.size() && core::is_cjk(cps[i - 1]) &&
        core::is_cjk(cps[i + 1])) {
      continue;
    }
    core::append_utf8(&out, cps[i]);
  }
  return out;
}

bool search(const core::Regex& re, const std::string& text, int limit, const char* group,
            std::string* value) {
  core::Match m(re, text, limit);
  if (!m.find()) return false;
  *value = m.group(group);
  return true;
}

}  // namespace

std::string normalize_masthead_date(const std::string& text, const RuleSet& rules) {
  // Split at the year, month and day marks by position: the three numbers in order.
  std::vector<std::string> parts(1);
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    const bool numeral = (c >= '0' && c <= '9') || rules.numerals.digits.count(c) ||
                         rules.numerals.small_units.count(c);
    if (numeral) {
      parts.back().append(text, at, pos - at);
    } else if (!parts.back().empty()) {
      parts.emplace_back();
    }
  }
  if (parts.back().empty()) parts.pop_back();
  if (parts.size() != 3) return "";
  const auto y = core::parse_number(parts[0], rules.numerals);
  const auto m = core::parse_number(parts[1], rules.numerals);
  const auto d = core::parse_number(parts[2], rules.numerals);
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(*y), static_cast<int>(*m),
                     static_cast<int>(*d));
}

std::optional<Masthead> read_masthead(const std::vector<layout::Block>& blocks,
                                      const RuleSet& rules, MastheadEnd* end) {
  const MastheadRules& r = rules.structure.masthead;
  const int limit = rules.layout.regex_time_limit;
  Masthead mh;
  bool has_title_or_issue = false;
  int lines_seen = 0;
  *end = {};
  bool stop = false;
  for (size_t b = 0; b < blocks.size() && !stop; ++b) {
    for (size_t k = 0; k < blocks[b].lines.size(); ++k) {
      if (lines_seen >= r.max_lines) {
        stop = true;
        break;
      }
      const layout::BlockLine& bl = blocks[b].lines[k];
      const std::string line = core::normalize_width(squeeze_cjk_spaces(bl.text));
      Masthead trial = mh;
      bool key = false;
      bool any = false;
      std::string v;
      std::string rest = line;  // what the date and issue leave for the publisher
      if (trial.title.empty() && search(r.title, line, limit, "title", &v)) {
        trial.title = v;
        key = any = true;
      }
      if (search(r.total_issue, line, limit, "total", &v)) {
        trial.total_issue = v;
        key = any = true;
      }
      if (search(r.issue, line, limit, "issue", &v)) {
        trial.issue = v;
        key = any = true;
      }
      {
        core::Match m(r.date, line, limit);
        if (m.find()) {
          trial.date = normalize_masthead_date(m.group("date"), rules);
          rest = line.substr(0, line.find(m.text()));
          any = true;
        }
      }
      if (search(r.note, line, limit, "note", &v)) {
        trial.notes.push_back(v);
        any = true;
      }
      if (!key && trial.publisher.empty() && search(r.publisher, rest, limit, "publisher", &v)) {
        // A publisher line is the office's name and little else.
        if (core::count_code_points(core::trim(rest)) <= core::count_code_points(v) + 4) {
          trial.publisher = v;
          any = true;
        }
      }
      if (!any) {
        stop = true;
        break;
      }
      mh = trial;
      has_title_or_issue = has_title_or_issue || key;
      if (mh.first_line == 0) mh.first_line = bl.number;
      mh.last_line = bl.number;
      ++lines_seen;
      *end = {b, k + 1};
      if (k + 1 == blocks[b].lines.size()) *end = {b + 1, 0};
    }
  }
  // One masthead-like line alone (a title ending in 通报) is no masthead.
  const int facts = !mh.title.empty() + !mh.issue.empty() + !mh.total_issue.empty() +
                    !mh.date.empty() + !mh.publisher.empty();
  if (!has_title_or_issue || facts < 2) {
    *end = {};
    return std::nullopt;
  }
  return mh;
}

}  // namespace jianbao::structure
