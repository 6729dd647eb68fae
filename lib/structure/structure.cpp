#include "jianbao/structure.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <set>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "core/utf8_fast.h"
#include "layout/title_spaces.h"
#include "ruleset/rule_set.h"
#include "structure/masthead.h"
#include "structure/official/official.h"
#include "structure/points.h"
#include "structure/tail.h"

namespace jianbao::structure {
namespace {

// Whether `text` holds one of the code points of `set`.
bool holds_any(std::string_view text, const std::u32string& set) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (set.find(core::next_code_point(text, &pos)) != std::u32string::npos) return true;
  }
  return false;
}

// The first code point of a line as the section patterns see it (width-normalised), for their
// first-character tests (core::Regex::may_open_with); past U+10FFFF for an empty line, which no
// pattern that restricts its first character opens with.
char32_t first_section_char(std::string_view line) {
  if (line.empty()) return 0x110000;
  size_t pos = 0;
  return core::normalize_width(core::next_code_point(line, &pos));
}

class OutlineBuilder {
 public:
  OutlineBuilder(const layout::CleanText& text, const RuleSet& rules)
      : text_(text), rules_(rules), limit_(rules.layout.regex_time_limit), points_(rules) {
    for (const PatternRule& p : rules.structure.sections) {
      sections_.push_back(p.regex.new_matcher(limit_));
    }
    local_title_.assign(text.blocks.size(), -1);
  }

  Document build() {
    Document doc;
    const auto& blocks = text_.blocks;
    MastheadEnd head;
    doc.masthead = read_masthead(blocks, rules_, &head);
    size_t begin = head.block;
    const size_t tail = find_tail(blocks, begin + (head.line > 0 ? 1 : 0), rules_);
    if (head.line > 0) {
      // The masthead ended inside a title group: the rest of the group is a title of its own.
      ++begin;
      add_block(tail_of(blocks[head.block], head.line), &doc,
                begin < tail ? &blocks[begin] : nullptr);
    }
    find_numbered_heading_run(begin, tail);
    for (size_t i = begin; i < tail; ++i) {
      add_block(blocks[i], &doc, i + 1 < tail ? &blocks[i + 1] : nullptr);
    }
    read_tail(blocks, tail, rules_, &doc);
    doc.removed = text_.removed;
    doc.diagnostics = text_.diagnostics;
    // Sections that stayed empty (a heading with nothing under it) are kept: check reports them.
    // Items are held to the output: trimmed from their vector's last doubling (issue 17).
    for (Section& s : doc.sections) s.items.shrink_to_fit();
    return doc;
  }

 private:
  static layout::Block tail_of(const layout::Block& b, size_t first_line) {
    layout::Block out;
    out.shape = b.shape;
    for (size_t k = first_line; k < b.lines.size(); ++k) {
      out.add_line(b.lines[k].number, b.line_text(k));
    }
    return out;
  }

  // The section title a line announces, or "". Title lines are asked about more than once (by
  // the run of numbered headings, by the block, by the block before it): answered once a text.
  const std::string& section_title(std::string_view line) {
    auto it = section_titles_.find(line);
    if (it == section_titles_.end()) {
      it = section_titles_.emplace(std::string(line), section_title_uncached(line)).first;
    }
    return it->second;
  }

  std::string section_title_uncached(std::string_view line) {
    // The patterns match whole lines: a line no pattern opens with, or lacking a character one
    // needs, is not copied for ICU (most titles and headings).
    const char32_t first = first_section_char(line);
    bool converted = false;
    for (size_t i = 0; i < sections_.size(); ++i) {
      const core::Regex& re = rules_.structure.sections[i].regex;
      if (!re.may_open_with(first) || !re.may_match(line)) continue;
      if (!converted) core::to_normalized_u16(line, &u16_);
      converted = true;
      icu::RegexMatcher& m = *sections_[i];
      m.reset(u16_);  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      if (m.matches(status) && U_SUCCESS(status)) {
        const int title = rules_.structure.sections[i].regex.group("title");
        return std::string(core::trim(core::group_text(m, title)));
      }
    }
    const std::string norm = core::normalize_width(line);
    for (const std::string& name : rules_.structure.section_names) {
      if (norm == name) return name;
    }
    return "";
  }

  void start_section(Document* doc, const std::string& title, const std::string& from, int line) {
    if (!doc->sections.empty() && doc->sections.back().items.empty() &&
        doc->sections.back().title.empty()) {
      doc->sections.back().title = title;
      doc->sections.back().title_from = from;
      if (from == "heading") doc->sections.back().heading_lines.push_back(line);
      return;
    }
    doc->sections.push_back({title, from, line, {}, {}});
    if (from == "heading") doc->sections.back().heading_lines.push_back(line);
  }

  // A running header names the section its page ends in. The section starts at the first item
  // on that page whose kind differs from the item before (news -> local experience), else at the
  // page's first item; at the latest at the first item after the page.
  void apply_page_sections(Document* doc, int line, const std::string& kind) {
    while (next_page_section_ < text_.page_sections.size()) {
      const layout::PageSection& ps = text_.page_sections[next_page_section_];
      if (line < ps.page_first_line) return;
      const bool same = !doc->sections.empty() && doc->sections.back().title == ps.title;
      const Item* prev = last_item(*doc);
      const bool on_page = line <= ps.line;
      const bool kind_changes = !prev || prev->kind != kind;
      const bool first_on_page = !prev || prev->first_line < ps.page_first_line;
      if (same || !on_page || kind_changes || (first_on_page && !kind_change_ahead(ps))) {
        if (!same) start_section(doc, ps.title, "running_header", line);
        ++next_page_section_;
        continue;
      }
      return;
    }
  }

  // Whether an item on the page of `ps` changes kind from the one before it: then the section
  // starts there rather than at the page's first item.
  bool kind_change_ahead(const layout::PageSection& ps) const {
    std::string prev_kind;
    bool first = true;
    for (size_t i = 0; i < text_.blocks.size(); ++i) {
      const layout::Block& b = text_.blocks[i];
      if (b.shape != layout::Block::Shape::kTitle) continue;
      const std::string kind = is_local_title(i) ? "local_experience" : "news";
      if (b.first_line() >= ps.page_first_line && b.first_line() <= ps.line && !first &&
          kind != prev_kind) {
        return true;
      }
      prev_kind = kind;
      first = false;
    }
    return false;
  }

  // Whether title block i names a region; asked for every page section, so worked out once.
  bool is_local_title(size_t i) const {
    if (local_title_[i] < 0) local_title_[i] = region_of(text_.blocks[i].text) ? 1 : 0;
    return local_title_[i] == 1;
  }

  static const Item* last_item(const Document& doc) {
    for (auto s = doc.sections.rbegin(); s != doc.sections.rend(); ++s) {
      if (!s->items.empty()) return &s->items.back();
    }
    return nullptr;
  }

  Item& current_item(Document* doc, int line, int column = 0) {
    if (doc->sections.empty()) doc->sections.push_back({"", "none", line, {}, {}});
    Section& s = doc->sections.back();
    if (s.items.empty()) new_item(doc, "", line, column);
    return doc->sections.back().items.back();
  }

  void new_item(Document* doc, const std::string& title, int line, int column = 0) {
    std::optional<Region> region = region_of(title);
    apply_page_sections(doc, line, region ? "local_experience" : "news");
    if (doc->sections.empty()) doc->sections.push_back({"", "none", line, {}, {}});
    Section& s = doc->sections.back();
    Item item;
    // fmt rather than operator+ chains: GCC 12 -O3 warns falsely (-Wrestrict) on those.
    item.id = fmt::format("s{}.i{}", doc->sections.size(), s.items.size() + 1);
    item.title = title;
    item.kind = region ? "local_experience" : "news";
    item.first_line = line;
    item.last_line = line;
    item.first_column = column;
    item.last_column = column;
    item.region = std::move(region);
    s.items.push_back(std::move(item));
  }

  // "山东省：……" -> 山东省 370000: a place at the very start, then a colon. A place may be
  // named with the places it lies in ("四川省资阳市：" -> 资阳市 512000): the last of a chain of
  // places, each inside the one before, is the region.
  std::optional<Region> region_of(const std::string& title) const {
    const std::string norm = core::normalize_width(title);
    // The place must be followed by a mark: a title holding none names no region, and most hold
    // none, so the gazetteer need not be searched.
    if (!holds_any(norm, rules_.structure.region_title_marks)) return std::nullopt;
    const Gazetteer& gz = rules_.gazetteer;
    const auto hits = gz.matcher.find_all(norm);
    if (hits.empty() || hits.front().begin != 0) return std::nullopt;
    size_t h = 0;
    int payload = hits.front().payloads.front();
    for (; h + 1 < hits.size() && hits[h + 1].begin == hits[h].end; ++h) {
      // A name shared by places in several provinces: the one inside the place before it.
      const auto& next_payloads = hits[h + 1].payloads;
      const auto inner = std::find_if(next_payloads.begin(), next_payloads.end(),
                                      [&](int candidate) { return lies_in(candidate, payload); });
      if (inner == next_payloads.end()) break;
      payload = *inner;
    }
    size_t pos = hits[h].end;
    if (pos >= norm.size()) return std::nullopt;
    const char32_t next = core::next_code_point(norm, &pos);
    if (rules_.structure.region_title_marks.find(next) == std::u32string::npos) return std::nullopt;
    if (payload < 0) return std::nullopt;  // a group name is no single region
    const Place& p = gz.places[static_cast<size_t>(payload)];
    return Region{p.name, p.code, p.level};
  }

  // Whether place `inner` lies in the province `outer` (both gazetteer payloads; groups are < 0).
  bool lies_in(int inner, int outer) const {
    if (inner < 0 || outer < 0) return false;
    const Place& in = rules_.gazetteer.places[static_cast<size_t>(inner)];
    const Place& out = rules_.gazetteer.places[static_cast<size_t>(outer)];
    return out.level == "province" && in.level != "province" && in.province_code == out.code;
  }

  // Where block b starts and ends in the source (line, column); column 0 where it is unknown.
  static std::pair<int, int> start_of(const layout::Block& b) {
    if (b.pieces.empty()) return {b.first_line(), 0};
    int line = 0;
    int column = 0;
    layout::locate(b, 0, &line, &column);
    return {line, column};
  }
  static std::pair<int, int> end_of(const layout::Block& b) {
    const int n = static_cast<int>(core::count_code_points(b.text));
    if (b.pieces.empty() || n == 0) return {b.last_line(), 0};
    int line = 0;
    int column = 0;
    layout::locate(b, n - 1, &line, &column);
    return {line, column};
  }

  void extend(Item* item, const layout::Block& b) {
    // Column 0 is unknown: the whole line.
    auto key = [](int line, int column) {
      return std::pair<int, int>{line, column == 0 ? INT_MAX : column};
    };
    const auto [line, column] = end_of(b);
    if (key(line, column) > key(item->last_line, item->last_column)) {
      item->last_line = line;
      item->last_column = column;
    }
  }

  // Whether an item title follows line k of title block b (next: the block after b).
  bool title_after(const layout::Block& b, size_t k, const layout::Block* next) {
    if (k + 1 < b.lines.size()) return true;
    return next != nullptr && next->shape == layout::Block::Shape::kTitle &&
           !points_.match(next->line_text(0)) && section_title(next->line_text(0)).empty();
  }

  // Heading lines that read as points too ("（一）工作动态") are all headings when they number
  // 1, 2, 3 … once through blocks [begin, tail) and enough of them stand over a title (points
  // start again in each item). Records their line numbers in run_headings_.
  void find_numbered_heading_run(size_t begin, size_t tail) {
    const double share = rules_.structure.numbered_heading_run_share;
    if (share <= 0) return;
    const auto& blocks = text_.blocks;
    std::vector<int> lines;
    size_t over_title = 0;
    for (size_t i = begin; i < tail; ++i) {
      const layout::Block& b = blocks[i];
      if (b.shape != layout::Block::Shape::kTitle) continue;
      const layout::Block* next = i + 1 < tail ? &blocks[i + 1] : nullptr;
      for (size_t k = 0; k < b.lines.size(); ++k) {
        const std::string_view line = b.line_text(k);
        if (section_title(line).empty()) break;
        const auto p = points_.match(line);
        if (!p) continue;
        if (p->number != static_cast<int>(lines.size()) + 1) return;  // numbered again: points
        lines.push_back(b.lines[k].number);
        over_title += title_after(b, k, next) ? 1 : 0;
      }
    }
    if (lines.size() < 2 ||
        static_cast<double>(over_title) < share * static_cast<double>(lines.size())) {
      return;
    }
    run_headings_.insert(lines.begin(), lines.end());
  }

  // "治本攻坚" over an item title: a short name of characters alone, no marks, no digits.
  bool is_unnamed_heading(std::string_view line) const {
    const std::string norm = core::normalize_width(line);
    const int max = rules_.structure.unnamed_heading_max_chars;
    int n = 0;
    size_t pos = 0;
    while (pos < norm.size()) {
      if (!core::is_cjk(core::next_code_point(norm, &pos)) || ++n > max) return false;
    }
    return n >= 2;
  }

  void add_block(const layout::Block& b, Document* doc, const layout::Block* next) {
    if (b.shape == layout::Block::Shape::kTitle) {
      // A heading line, possibly followed by a title line in the same group.
      size_t k = 0;
      while (k < b.lines.size()) {
        const std::string title = section_title(b.line_text(k));
        if (title.empty()) break;
        // "（一）加强组织领导" reads as a heading and as a point: a heading only over a title,
        // or in a run of such headings through the document.
        if (points_.match(b.line_text(k)) && !title_after(b, k, next) &&
            !run_headings_.contains(b.lines[k].number)) {
          break;
        }
        apply_page_sections(doc, b.lines[k].number, "");
        if (doc->sections.empty() || doc->sections.back().title != title ||
            !doc->sections.back().items.empty()) {
          start_section(doc, title, "heading", b.lines[k].number);
        } else {
          doc->sections.back().heading_lines.push_back(b.lines[k].number);  // repeated heading
        }
        ++k;
      }
      const bool title_follows = b.lines.size() > k + 1 ||
                                 (next != nullptr && next->shape == layout::Block::Shape::kTitle);
      if (k == 0 && title_follows && is_unnamed_heading(b.line_text(0))) {
        apply_page_sections(doc, b.lines[0].number, "");
        start_section(doc, core::normalize_width(b.line_text(0)), "heading", b.lines[0].number);
        k = 1;
      }
      if (k == b.lines.size()) return;
      if (auto p = points_.match(b.line_text(k)); p && k == 0) {
        Item& item = current_item(doc, b.first_line(), start_of(b).second);
        add_point(b, *p, rules_, &points_, &item.points);
        extend(&item, b);
        return;
      }
      std::string joined;
      for (size_t j = k; j < b.lines.size(); ++j) joined += b.line_text(j);
      const std::string title = layout::close_title_spaces(
          joined, rules_.structure.unnamed_heading_max_chars, rules_.structure.region_title_marks,
          rules_.structure.title_quote_marks);
      const size_t lines = b.lines.size() - k;
      // A title split from its first line (by a masthead or heading) continues here.
      if (!doc->sections.empty() && !doc->sections.back().items.empty() && k == 0) {
        Item& last = doc->sections.back().items.back();
        if (last.paragraphs.empty() && last.points.empty() && !last.title.empty() &&
            title_lines_ + lines <= static_cast<size_t>(rules_.layout.max_title_lines)) {
          last.title = layout::close_title_spaces(
              last.title + title, rules_.structure.unnamed_heading_max_chars,
              rules_.structure.region_title_marks, rules_.structure.title_quote_marks);
          title_lines_ += lines;
          last.region = region_of(last.title);
          last.kind = last.region ? "local_experience" : "news";
          extend(&last, b);
          return;
        }
      }
      new_item(doc, title, b.lines[k].number, k == 0 ? start_of(b).second : 0);
      title_lines_ = lines;
      extend(&doc->sections.back().items.back(), b);
      return;
    }
    Item& item = current_item(doc, b.first_line(), start_of(b).second);
    const auto lead = points_.match(b.text);
    // The run goes on from the number of the point that opens the paragraph: "（二）……；（三）……"
    // (a line break fell before （二）) holds （三）, not another （二）.
    std::vector<int> cuts =
        points_.inline_starts(b.text, lead ? (lead->number > 0 ? lead->number + 1 : 2) : 1);
    if (cuts.empty() && !lead && next != nullptr && next->shape != layout::Block::Shape::kTitle) {
      // "……，一是……" with "二是……" opening the next paragraph (a line break fell before it):
      // the one run-on marker starts the first point of that run.
      const auto follow = points_.match(next->text);
      if (follow && follow->number == 2) cuts = points_.inline_starts(b.text, 1, 1);
    }
    if (cuts.empty()) {
      if (lead) {
        add_point(b, *lead, rules_, &points_, &item.points);
      } else {
        item.paragraphs.push_back({b.text, b.first_line(), b.last_line()});
      }
    } else {
      // Points run on inside the paragraph: the text before the first is the paragraph (or the
      // point that opens it), each marker after starts a point.
      const layout::Block head = slice(b, 0, cuts.front());
      if (lead) {
        add_point(head, *lead, rules_, &points_, &item.points);
      } else if (!core::trim(head.text).empty()) {
        item.paragraphs.push_back({head.text, head.first_line(), head.last_line()});
      }
      for (size_t k = 0; k < cuts.size(); ++k) {
        const int end = k + 1 < cuts.size() ? cuts[k + 1] : -1;
        const layout::Block part = slice(b, cuts[k], end);
        if (auto p = points_.match(part.text)) add_point(part, *p, rules_, &points_, &item.points);
      }
    }
    extend(&item, b);
  }

  // The code points [from, to) of a block's text (to -1: to the end), with its source lines.
  static layout::Block slice(const layout::Block& b, int from, int to) {
    layout::Block out;
    out.shape = b.shape;
    size_t begin = 0;
    for (int k = 0; k < from && begin < b.text.size(); ++k) core::next_code_point(b.text, &begin);
    size_t end = begin;
    if (to < 0) {
      end = b.text.size();
    } else {
      for (int k = from; k < to && end < b.text.size(); ++k) core::next_code_point(b.text, &end);
    }
    out.text = b.text.substr(begin, end - begin);
    int first = 0;
    int last = 0;
    int column = 0;
    layout::locate(b, from, &first, &column);
    const int last_offset = to < 0 ? static_cast<int>(core::count_code_points(b.text)) - 1 : to - 1;
    layout::locate(b, std::max(from, last_offset), &last, &column);
    out.lines.push_back({first, 0, 0});
    if (last != first) out.lines.push_back({last, 0, 0});
    return out;
  }

  const layout::CleanText& text_;
  const RuleSet& rules_;
  int limit_;
  size_t next_page_section_ = 0;
  size_t title_lines_ = 0;      // lines in the current item's title
  std::set<int> run_headings_;  // lines of a run of （N） headings (find_numbered_heading_run)
  std::map<std::string, std::string, std::less<>> section_titles_;  // section_title's answers
  PointMatcher points_;
  icu::UnicodeString u16_;  // the section matchers refer to it, so it outlives them
  std::vector<std::unique_ptr<icu::RegexMatcher>> sections_;  // one per section pattern
  mutable std::vector<signed char> local_title_;              // per block: -1 not yet known, 0 or 1
};

}  // namespace

Document build_outline(const layout::CleanText& text, const RuleSet& rules, GenreChoice genre) {
  const bool official =
      rules.official.loaded && (genre == GenreChoice::kOfficialDocument ||
                                (genre == GenreChoice::kDetect && official::detect(text, rules)));
  if (official) return official::build_document(text, rules);
  return OutlineBuilder(text, rules).build();
}

}  // namespace jianbao::structure
