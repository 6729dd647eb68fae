// The shape of the document: region-missing, item-no-body, section-empty, unclaimed-text,
// duplicate-item.
#include <fmt/format.h>

#include <map>

#include "check/catalog.h"
#include "check/families.h"
#include "core/utf8.h"

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
  for (const Unclaimed& u : doc.unclaimed) {
    ctx.add(ids::kUnclaimedText, doc.source.path, u.line, 1,
            fmt::format("text not placed in the document: '{}'", u.text));
  }
}

}  // namespace jianbao::check
