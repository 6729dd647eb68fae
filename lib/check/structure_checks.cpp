// The shape of the document: region-missing, item-no-body, section-empty, unclaimed-text,
// duplicate-item, and the signs of a mis-cut one: untitled-bulk, distribution-in-text,
// heading-in-item.
#include <fmt/format.h>

#include <map>

#include "check/catalog.h"
#include "check/families.h"
#include "core/icu_regex.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::check {
namespace {

void append_points(const std::vector<Point>& points, std::string* out) {
  for (const Point& p : points) {
    *out += p.marker + p.heading + p.text;
    append_points(p.points, out);
  }
}

// "江苏剩：..." -> "江苏剩": the short name before a region title mark that did not resolve to a
// region. Empty when the title has no such prefix.
std::string unresolved_region_prefix(const Item& item, const Context& ctx) {
  if (item.region) return "";
  const std::u32string& marks = ctx.rules.structure.region_title_marks;
  const double max_chars = ctx.config.param(ids::kRegionMissing, "max_prefix_chars");
  std::string prefix;
  size_t pos = 0;
  int chars = 0;
  while (pos < item.title.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(item.title, &pos);
    if (marks.find(c) != std::u32string::npos) {
      return chars > 0 ? item.title.substr(0, at) : "";
    }
    if (++chars > max_chars) return "";
  }
  return "";
}

void check_items(const Document& doc, const Section& section, const Context& ctx) {
  for (const Item& item : section.items) {
    if (const std::string name = unresolved_region_prefix(item, ctx); !name.empty()) {
      ctx.add(ids::kRegionMissing, doc.source.path, item.first_line, 1,
              fmt::format("item '{}' is titled like local experience but '{}' is not a known "
                          "region",
                          item.title, name));
    }
    if (item.paragraphs.empty() && item.points.empty()) {
      ctx.add(ids::kItemNoBody, doc.source.path, item.first_line, 1,
              fmt::format("item '{}' has a title but no text", item.title));
    }
  }
}

void check_duplicates(const Document& doc, const Context& ctx) {
  std::map<std::string, const Item*> titles;
  std::map<std::string, const Item*> bodies;
  for (const Section& s : doc.sections) {
    for (const Item& item : s.items) {
      const std::string title = compact(item.title);
      const std::string body = compact(item_body(item));
      const Item* same_title = title.empty() ? nullptr : titles.emplace(title, &item).first->second;
      const Item* same_body = body.empty() ? nullptr : bodies.emplace(body, &item).first->second;
      if (same_title && same_title != &item) {
        ctx.add(ids::kDuplicateItem, doc.source.path, item.first_line, 1,
                fmt::format("item '{}' repeats the title of the item at line {}", item.title,
                            same_title->first_line));
      } else if (same_body && same_body != &item) {
        ctx.add(ids::kDuplicateItem, doc.source.path, item.first_line, 1,
                fmt::format("item '{}' repeats the text of item '{}' at line {}", item.title,
                            same_body->title, same_body->first_line));
      }
    }
  }
}

// One untitled item holding most of the text: headings were read as text, or never seen.
void check_untitled_bulk(const Document& doc, const Context& ctx) {
  size_t total = 0;
  for (const Section& s : doc.sections) {
    for (const Item& item : s.items) total += core::count_code_points(item_body(item));
  }
  if (total == 0) return;
  const double max_share = ctx.config.param(ids::kUntitledBulk, "max_share");
  for (const Section& s : doc.sections) {
    for (const Item& item : s.items) {
      if (!item.title.empty()) continue;
      const size_t n = core::count_code_points(item_body(item));
      if (static_cast<double>(n) > max_share * static_cast<double>(total)) {
        ctx.add(ids::kUntitledBulk, doc.source.path, item.first_line, 1,
                fmt::format("an untitled item (lines {}-{}) holds {:.0f}% of the text: headings "
                            "or titles may have been read as text",
                            item.first_line, item.last_line, 100.0 * n / total));
      }
    }
  }
}

// The sentences of a text: split after each sentence-final mark.
std::vector<std::string> sentences(const std::string& text, const RuleSet& rules) {
  std::vector<std::string> out(1);
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    out.back().append(text, at, pos - at);
    if (rules.layout.sentence_final.find(c) != std::u32string::npos) out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Whether `text` is, or opens with, a section heading: a section pattern or name.
bool is_heading(const std::string& text, const RuleSet& rules) {
  const std::string norm = core::normalize_width(text);
  for (const std::string& name : rules.structure.section_names) {
    if (norm == name) return true;
  }
  // The whole text, or its start up to the first closing mark ("【工作动态】3月1日，……").
  std::vector<std::string> candidates = {norm};
  size_t pos = 0;
  while (pos < norm.size()) {
    const char32_t c = core::next_code_point(norm, &pos);
    if (rules.layout.closing_marks.find(c) != std::u32string::npos) {
      if (pos < norm.size()) candidates.push_back(norm.substr(0, pos));
      break;
    }
  }
  for (const std::string& text_or_start : candidates) {
    for (const PatternRule& p : rules.structure.sections) {
      core::Match m(p.regex, text_or_start, rules.layout.regex_time_limit);
      if (m.matches()) return true;
    }
  }
  return false;
}

void check_item_text(const Document& doc, const Item& item, const Context& ctx) {
  const RuleSet& rules = ctx.rules;
  const int limit = rules.layout.regex_time_limit;
  for (const Paragraph& p : item.paragraphs) {
    if (ctx.enabled(ids::kDistributionInText)) {
      for (const std::string& s : sentences(p.text, rules)) {
        const std::string norm = core::normalize_width(core::trim(s));
        core::Match m(rules.structure.distribution.pattern, norm, limit);
        if (m.looking_at()) {
          ctx.add(ids::kDistributionInText, doc.source.path, p.first_line, 1,
                  fmt::format("item '{}' holds a distribution line: '{}'", item.title,
                              std::string(core::trim(s))));
          break;
        }
      }
    }
    if (ctx.enabled(ids::kHeadingInItem) && is_heading(p.text, rules)) {
      ctx.add(ids::kHeadingInItem, doc.source.path, p.first_line, 1,
              fmt::format("item '{}' holds a section heading as a paragraph: '{}'", item.title,
                          p.text));
    }
  }
}

}  // namespace

std::string item_body(const Item& item) {
  std::string out;
  for (const Paragraph& p : item.paragraphs) out += p.text;
  append_points(item.points, &out);
  return out;
}

std::string compact(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::normalize_width(core::next_code_point(text, &pos));
    if (c == U' ' || c == U'\t') continue;
    core::append_utf8(&out, c);
  }
  return out;
}

void check_structure(const Document& doc, const Context& ctx) {
  if (doc.sections.empty()) {
    ctx.add(ids::kSectionEmpty, doc.source.path, 1, 1, "the document has no sections or items");
  }
  for (const Section& s : doc.sections) {
    if (s.items.empty()) {
      ctx.add(ids::kSectionEmpty, doc.source.path, s.first_line, 1,
              s.title.empty() ? std::string("the document has no items")
                              : fmt::format("section '{}' has no items", s.title));
    }
    check_items(doc, s, ctx);
  }
  check_duplicates(doc, ctx);
  if (ctx.enabled(ids::kUntitledBulk)) check_untitled_bulk(doc, ctx);
  for (const Section& s : doc.sections) {
    for (const Item& item : s.items) check_item_text(doc, item, ctx);
  }
  for (const Unclaimed& u : doc.unclaimed) {
    ctx.add(ids::kUnclaimedText, doc.source.path, u.line, 1,
            fmt::format("text not placed in the document: '{}'", u.text));
  }
}

}  // namespace jianbao::check
