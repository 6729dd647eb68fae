#include "read/pdf_facts.h"

#include <unicode/regex.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "core/u16_text.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

enum class Zone { kNone, kTop, kBottom };

Zone zone_of(const ReadLine& l, const std::vector<PdfPage>& pages, const ReadRules& r) {
  const int p = l.facts.page;
  if (p < 1 || p > static_cast<int>(pages.size()) || pages[p - 1].height <= 0) return Zone::kNone;
  const double h = pages[p - 1].height;
  // The line's middle: the baseline less half its size.
  const double mid = l.facts.y - l.font_size / 2;
  if (mid <= r.furniture_top_zone * h) return Zone::kTop;
  if (mid >= (1 - r.furniture_bottom_zone) * h) return Zone::kBottom;
  return Zone::kNone;
}

// The text with its digits and spaces left out: "— 3 —" and "— 4 —", or a header carrying the
// page number, compare equal across pages.
std::string shape_key(std::string_view text) {
  std::string key;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    if ((c >= '0' && c <= '9') || c == ' ' || c == 0x3000 || c == '\t') continue;
    key.append(text.substr(at, pos - at));
  }
  return key;
}

bool digits_only(std::string_view text) {
  bool any = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      any = true;
    } else if (c != ' ') {
      return false;
    }
  }
  return any;
}

class PageNumberMatcher {
 public:
  explicit PageNumberMatcher(const LayoutRules& r) {
    for (const PatternRule& p : r.page_numbers) {
      matchers_.push_back(p.regex.new_matcher(r.regex_time_limit));
    }
  }
  bool matches(std::string_view text) {
    if (digits_only(text)) return true;
    core::to_normalized_u16(core::trim(text), &line_);
    for (auto& m : matchers_) {
      m->reset(line_);
      UErrorCode status = U_ZERO_ERROR;
      if (m->matches(status) && U_SUCCESS(status)) return true;
    }
    return false;
  }

 private:
  icu::UnicodeString line_;  // outlives every matcher's use of it
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
};

}  // namespace

void mark_pdf_furniture(const std::vector<PdfPage>& pages, const RuleSet& rules, double body_size,
                        std::vector<ReadLine>* lines) {
  const ReadRules& r = rules.read;
  PageNumberMatcher page_numbers(rules.layout);
  std::vector<Zone> zones(lines->size());
  std::map<std::pair<Zone, std::string>, std::set<int>> pages_of;  // zone, shape -> pages
  for (size_t i = 0; i < lines->size(); ++i) {
    zones[i] = zone_of((*lines)[i], pages, r);
    if (zones[i] == Zone::kNone) continue;
    pages_of[{zones[i], shape_key((*lines)[i].text)}].insert((*lines)[i].facts.page);
  }
  for (size_t i = 0; i < lines->size(); ++i) {
    if (zones[i] == Zone::kNone) continue;
    ReadLine& l = (*lines)[i];
    if (page_numbers.matches(l.text)) {
      l.facts.furniture = "page_number";
    } else if (static_cast<int>(pages_of[{zones[i], shape_key(l.text)}].size()) >=
               r.furniture_min_pages) {
      l.facts.furniture = zones[i] == Zone::kTop ? "running_header" : "footer";
    } else if (body_size > 0 && l.font_size > 0 &&
               l.font_size <= r.furniture_max_size * body_size) {
      l.facts.furniture = zones[i] == Zone::kTop ? "running_header" : "footer";
    }
  }
}

void mark_centred_titles(const std::vector<PdfPage>& pages, const RuleSet& rules,
                         double body_points, decode::DecodedText* text) {
  const ReadRules& r = rules.read;
  // Lines parted from one row (page_lines parts a row at a block gap) stand beside each other:
  // the cells of a table row, an office and its date.
  const std::vector<decode::LineFacts>& all = text->facts;
  std::vector<bool> beside(all.size(), false);
  for (size_t i = 1; i < all.size(); ++i) {
    const double size = std::max(all[i].size, all[i - 1].size) * body_points;
    if (all[i].page == all[i - 1].page && all[i].furniture.empty() &&
        all[i - 1].furniture.empty() &&
        std::abs(all[i].y - all[i - 1].y) <= r.baseline_tolerance * size) {
      beside[i] = beside[i - 1] = true;
    }
  }
  // The text area of each page: from the leftmost line start to the rightmost line end of its
  // body lines (furniture aside).
  std::vector<double> left(pages.size() + 1, 0), right(pages.size() + 1, 0);
  std::vector<bool> seen(pages.size() + 1, false);
  for (const decode::LineFacts& f : text->facts) {
    if (f.page < 1 || f.page > static_cast<int>(pages.size()) || !f.furniture.empty()) continue;
    const size_t p = static_cast<size_t>(f.page);
    left[p] = seen[p] ? std::min(left[p], f.x) : f.x;
    right[p] = seen[p] ? std::max(right[p], f.x + f.width) : f.x + f.width;
    seen[p] = true;
  }
  for (size_t i = 0; i < text->facts.size(); ++i) {
    decode::LineFacts& f = text->facts[i];
    if (f.page < 1 || f.page > static_cast<int>(pages.size())) continue;
    const size_t p = static_cast<size_t>(f.page);
    const double area = right[p] - left[p];
    if (area <= 0) continue;
    const double middle = (left[p] + right[p]) / 2;
    const double line_middle = f.x + f.width / 2;
    f.centred = f.width <= r.centred_max_share * area &&
                std::abs(line_middle - middle) <= r.centred_tolerance * area;
    // Set larger and centred, or bold throughout: titles. (Layout still takes no line that
    // ends a sentence for a title.)
    f.title = f.furniture.empty() && !beside[i] &&
              ((f.centred && f.size >= r.title_size_ratio) || f.bold);
  }
  // A title wrapped over lines: only one of its lines may be narrow enough to look centred;
  // the lines next to it, set in the same larger size on the same page, belong to it.
  auto& fs = text->facts;
  auto same_run = [&](size_t i, size_t j) {
    return fs[i].page == fs[j].page && fs[i].size == fs[j].size && fs[j].furniture.empty() &&
           fs[i].size >= r.title_size_ratio;
  };
  size_t i = 0;
  while (i < fs.size()) {
    size_t end = i + 1;
    while (end < fs.size() && same_run(i, end)) ++end;
    bool any = false;
    for (size_t k = i; k < end; ++k) any = any || fs[k].title;
    for (size_t k = i; k < end && any; ++k) fs[k].title = fs[k].furniture.empty() && !beside[k];
    i = end;
  }
}

}  // namespace jianbao::read
