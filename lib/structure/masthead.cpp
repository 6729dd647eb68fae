#include "structure/masthead.h"

#include <fmt/format.h>

#include <memory>

#include "core/icu_regex.h"
#include "core/numeral.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/cjk_spaces.h"

namespace jianbao::structure {
namespace {

// The first code point of a normalised line, for the patterns' first-character tests
// (core::Regex::may_open_with); past U+10FFFF for an empty line, which no pattern that restricts
// its first character opens with.
char32_t first_masthead_char(std::string_view line) {
  if (line.empty()) return 0x110000;
  size_t pos = 0;
  return core::next_code_point(line, &pos);
}

// A masthead pattern and one matcher for it, reset for each line read (a new RegexMatcher per
// line and pattern cost more than the matches).
class Finder {
 public:
  // `group` names the group value() returns.
  Finder(const core::Regex& re, const char* group, int limit)
      : re_(re), m_(re.new_matcher(limit)), name_(group) {}

  // The first match in `text` (the UTF-16 copy of `utf8`), which must outlive the next call. A
  // line without a character every match holds is not searched.
  bool find(std::string_view utf8, const icu::UnicodeString& text) {
    if (!re_.may_match(utf8)) return false;
    m_->reset(text);
    int32_t from = 0;
    return core::find_next(*m_, &from);
  }
  std::string value() {
    // Looked up by name on first use only: most patterns match no line of a document.
    if (group_ == kUnknown) group_ = re_.group(name_);
    return core::group_text(*m_, group_);
  }
  std::string text() const { return core::group_text(*m_, 0); }

 private:
  static constexpr int kUnknown = -2;
  const core::Regex& re_;
  std::unique_ptr<icu::RegexMatcher> m_;
  const char* name_;
  int group_ = kUnknown;
};

// "12", "十二" -> "12": issue numbers are written as integers; "" when it is none.
std::string issue_number(const std::string& text, const RuleSet& rules) {
  const auto n = core::parse_number(core::trim(text), rules.numerals);
  if (!n || *n < 0 || *n != static_cast<double>(static_cast<long long>(*n))) return "";
  return fmt::format("{}", static_cast<long long>(*n));
}

// Notes on one line ("内部资料　注意保存") are separate notes.
void add_notes(const std::string& value, std::vector<std::string>* notes) {
  std::string cur;
  size_t pos = 0;
  auto flush = [&] {
    const std::string_view t = core::trim(cur);
    if (!t.empty()) notes->emplace_back(t);
    cur.clear();
  };
  while (pos < value.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(value, &pos);
    if (c == ' ' || c == 0x3000 || c == '\t') {
      flush();
    } else {
      cur.append(value, at, pos - at);
    }
  }
  flush();
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
  // The texts first: the finders refer to them, so they must outlive the finders.
  icu::UnicodeString line_u16;
  icu::UnicodeString rest_u16;
  Finder title(r.title, "title", limit);
  Finder total_issue(r.total_issue, "total", limit);
  Finder issue(r.issue, "issue", limit);
  Finder date(r.date, "date", limit);
  Finder note(r.note, "note", limit);
  Finder publisher(r.publisher, "publisher", limit);
  // The lines the masthead may take, in order, with where each stands.
  struct At {
    size_t block, line;
  };
  std::vector<At> at;
  for (size_t b = 0; b < blocks.size() && static_cast<int>(at.size()) <= r.max_lines; ++b) {
    for (size_t k = 0; k < blocks[b].lines.size(); ++k) at.push_back({b, k});
  }
  auto text_at = [&](size_t i) { return std::string(blocks[at[i].block].line_text(at[i].line)); };
  // What one masthead line says, added to *trial. Returns whether it said anything; *key when
  // it named the title or the issue.
  auto read_line = [&](const std::string& raw, Masthead* trial, bool* key) {
    // Letter-spaced mastheads ("安 全 生 产 简 报") lose their spaces between CJK characters.
    const std::string line = core::normalize_width(drop_spaces_between_cjk(raw, U" "));
    core::to_normalized_u16(line, &line_u16);  // line is normalised: a plain conversion
    *key = false;
    bool any = false;
    // A section heading ("一、工作动态") opens the body, whatever its name ends in.
    const char32_t first = first_masthead_char(line);
    for (const PatternRule& p : rules.structure.sections) {
      if (!p.regex.may_open_with(first) || !p.regex.may_match(line)) continue;  // a whole match
      core::Match m(p.regex, line, limit);
      if (m.matches()) return false;
    }
    std::string rest = line;  // what the date and issue leave for the publisher
    if (title.find(line, line_u16)) {
      // The date closes a masthead: a name below it ("综合信息", where pandoc dropped the title
      // above) is the body's first heading.
      if (trial->title.empty() && !trial->date.empty()) return false;
      if (trial->title.empty()) {
        trial->title = title.value();
        *key = any = true;
      } else if (title.value() == trial->title) {
        any = true;  // the name printed twice: a running header above the masthead's own
      }
    }
    if (total_issue.find(line, line_u16)) {
      trial->total_issue = issue_number(total_issue.value(), rules);
      *key = any = true;
    }
    if (issue.find(line, line_u16)) {
      trial->issue = issue_number(issue.value(), rules);
      *key = any = true;
    }
    if (date.find(line, line_u16)) {
      trial->date = normalize_masthead_date(date.value(), rules);
      rest = line.substr(0, line.find(date.text()));
      any = true;
    }
    if (note.find(line, line_u16)) {
      add_notes(note.value(), &trial->notes);
      any = true;
    }
    if (!*key && trial->publisher.empty()) {
      core::to_normalized_u16(rest, &rest_u16);
      if (publisher.find(rest, rest_u16)) {
        const std::string v = publisher.value();
        // A publisher line is the office's name and little else.
        if (core::count_code_points(core::trim(rest)) <= core::count_code_points(v) + 4) {
          trial->publisher = v;
          any = true;
        }
      }
    }
    return any;
  };
  Masthead mh;
  bool has_title_or_issue = false;
  *end = {};
  size_t i = 0;
  int lines_seen = 0;
  while (i < at.size() && lines_seen < r.max_lines) {
    Masthead trial = mh;
    bool key = false;
    size_t taken = 1;
    if (!read_line(text_at(i), &trial, &key)) {
      // A field wrapped over two lines ("安全生产专项整治" / "简报", "2022 年 3 月" / "22 日").
      trial = mh;
      if (i + 1 >= at.size() || !read_line(text_at(i) + text_at(i + 1), &trial, &key)) break;
      // Only a title or a date is cut so, and only one not read yet: an office name joined
      // from two lines is a title, and a date inside the first paragraph ("自2024年4月15日起")
      // joined to the title above it is no second masthead date.
      const bool new_title = mh.title.empty() && !trial.title.empty();
      const bool new_date = mh.date.empty() && !trial.date.empty();
      if (!new_title && !new_date) break;
      taken = 2;
    }
    mh = trial;
    has_title_or_issue = has_title_or_issue || key;
    const int first = blocks[at[i].block].lines[at[i].line].number;
    if (mh.first_line == 0) mh.first_line = first;
    i += taken;
    lines_seen += static_cast<int>(taken);
    const At& last = at[i - 1];
    mh.last_line = blocks[last.block].lines[last.line].number;
    *end = {last.block, last.line + 1};
    if (last.line + 1 == blocks[last.block].lines.size()) *end = {last.block + 1, 0};
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
