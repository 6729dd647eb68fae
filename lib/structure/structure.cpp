#include "jianbao/structure.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "core/utf8_fast.h"
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
    if (head.line > 0) {
      // The masthead ended inside a title group: the rest of the group is a title of its own.
      add_block(tail_of(blocks[head.block], head.line), &doc);
      ++begin;
    }
    const size_t tail = find_tail(blocks, begin, rules_);
    for (size_t i = begin; i < tail; ++i) add_block(blocks[i], &doc);
    read_tail(blocks, tail, rules_, &doc);
    doc.removed = text_.removed;
    doc.diagnostics = text_.diagnostics;
    // Sections that stayed empty (a heading with nothing under it) are kept: check reports them.
    return doc;
  }

 private:
  static layout::Block tail_of(const layout::Block& b, size_t first_line) {
    layout::Block out;
    out.shape = b.shape;
    out.lines.assign(b.lines.begin() + static_cast<long>(first_line), b.lines.end());
    for (const layout::BlockLine& l : out.lines) out.text += l.text;
    return out;
  }

  // The section title a line announces, or "".
  std::string section_title(const std::string& line) {
    core::to_normalized_u16(line, &u16_);
    for (size_t i = 0; i < sections_.size(); ++i) {
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

  Item& current_item(Document* doc, int line) {
    if (doc->sections.empty()) doc->sections.push_back({"", "none", line, {}, {}});
    Section& s = doc->sections.back();
    if (s.items.empty()) new_item(doc, "", line);
    return doc->sections.back().items.back();
  }

  void new_item(Document* doc, const std::string& title, int line) {
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
    item.region = std::move(region);
    s.items.push_back(std::move(item));
  }

  // "山东省：……" -> 山东省 370000: a place at the very start, then a colon.
  std::optional<Region> region_of(const std::string& title) const {
    const std::string norm = core::normalize_width(title);
    // The place must be followed by a mark: a title holding none names no region, and most hold
    // none, so the gazetteer need not be searched.
    if (!holds_any(norm, rules_.structure.region_title_marks)) return std::nullopt;
    const Gazetteer& gz = rules_.gazetteer;
    const auto hits = gz.matcher.find_all(norm);
    if (hits.empty() || hits.front().begin != 0) return std::nullopt;
    size_t pos = hits.front().end;
    if (pos >= norm.size()) return std::nullopt;
    const char32_t next = core::next_code_point(norm, &pos);
    if (rules_.structure.region_title_marks.find(next) == std::u32string::npos) return std::nullopt;
    const int payload = hits.front().payloads.front();
    if (payload < 0) return std::nullopt;  // a group name is no single region
    const Place& p = gz.places[static_cast<size_t>(payload)];
    return Region{p.name, p.code, p.level};
  }

  void extend(Item* item, const layout::Block& b) {
    item->last_line = std::max(item->last_line, b.last_line());
  }

  void add_block(const layout::Block& b, Document* doc) {
    if (b.shape == layout::Block::Shape::kTitle) {
      // A heading line, possibly followed by a title line in the same group.
      size_t k = 0;
      while (k < b.lines.size()) {
        const std::string title = section_title(b.lines[k].text);
        if (title.empty()) break;
        apply_page_sections(doc, b.lines[k].number, "");
        if (doc->sections.empty() || doc->sections.back().title != title ||
            !doc->sections.back().items.empty()) {
          start_section(doc, title, "heading", b.lines[k].number);
        } else {
          doc->sections.back().heading_lines.push_back(b.lines[k].number);  // repeated heading
        }
        ++k;
      }
      if (k == b.lines.size()) return;
      if (auto p = points_.match(b.lines[k].text); p && k == 0) {
        Item& item = current_item(doc, b.first_line());
        add_point(b, *p, rules_, &points_, &item.points);
        extend(&item, b);
        return;
      }
      std::string title;
      for (size_t j = k; j < b.lines.size(); ++j) title += b.lines[j].text;
      const size_t lines = b.lines.size() - k;
      // A title split from its first line (by a masthead or heading) continues here.
      if (!doc->sections.empty() && !doc->sections.back().items.empty() && k == 0) {
        Item& last = doc->sections.back().items.back();
        if (last.paragraphs.empty() && last.points.empty() && !last.title.empty() &&
            title_lines_ + lines <= static_cast<size_t>(rules_.layout.max_title_lines)) {
          last.title += title;
          title_lines_ += lines;
          last.region = region_of(last.title);
          last.kind = last.region ? "local_experience" : "news";
          extend(&last, b);
          return;
        }
      }
      new_item(doc, title, b.lines[k].number);
      title_lines_ = lines;
      extend(&doc->sections.back().items.back(), b);
      return;
    }
    Item& item = current_item(doc, b.first_line());
    if (auto p = points_.match(b.text)) {
      add_point(b, *p, rules_, &points_, &item.points);
    } else {
      item.paragraphs.push_back({b.text, b.first_line(), b.last_line()});
    }
    extend(&item, b);
  }

  const layout::CleanText& text_;
  const RuleSet& rules_;
  int limit_;
  size_t next_page_section_ = 0;
  size_t title_lines_ = 0;  // lines in the current item's title
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
