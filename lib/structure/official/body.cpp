// The body of an official document (and of each attachment): 一、 sections, their paragraphs and
// points, built from the blocks layout made, cut to the part's lines.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <utility>

#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/official/parts.h"
#include "structure/points.h"

namespace jianbao::structure::official {
namespace {

// The lines [begin, end) of `lines` that lie in one block, as a block of their own.
layout::Block cut_block(const layout::CleanText& text, const std::vector<DocLine>& lines,
                        size_t begin, size_t end) {
  layout::Block out;
  out.shape = text.blocks[lines[begin].block].shape;
  out.page_start = lines[begin].page_start;
  for (size_t k = begin; k < end; ++k) {
    out.add_line(lines[k].number, lines[k].text);
  }
  return out;
}

// Where a block of layout's holds more than one part of the body. Layout joins a heading, a
// signature or a short title onto a paragraph when none of them ends a sentence; in a 公文 a
// line that is shorter than a full line ends what it is part of, and a heading or point marker
// after a sentence's end starts something new.
class BlockSplitter {
 public:
  BlockSplitter(const std::vector<DocLine>& lines, const RuleSet& rules, PointMatcher* points)
      : rules_(rules), points_(points) {
    // The document's own full line: its widest line. Layout's measure is of the whole text and
    // goes wrong where a mark, a title and a signature are most of the lines.
    int widest = 0;
    for (const DocLine& l : lines) widest = std::max(widest, width(l.text));
    short_width_ = static_cast<int>(widest * rules.official.short_line_share);
  }

  // Whether lines[k] starts a block of its own (lines[k - 1] is in the same layout block).
  bool starts_block(const std::vector<DocLine>& lines, size_t k) {
    if (lines[k].piece) return true;
    const std::string& prev = lines[k - 1].norm;
    const bool marked =
        run(rules_.official.section, lines[k].norm, rules_) || points_->match(lines[k].text);
    if (width(lines[k - 1].text) < short_width_) {
      if (marked) return true;
      Hit h = run(rules_.official.section, prev, rules_, {"text"});
      return h && h.group("text").empty();
    }
    return marked && ends_sentence(prev);
  }

 private:
  static int width(const std::string& text) {
    std::string compact;
    for (const char c : text) {
      if (c != ' ' && c != '\t') compact += c;
    }
    return core::display_width(compact);
  }

  bool ends_sentence(const std::string& norm) const {
    std::u32string cps;
    size_t pos = 0;
    while (pos < norm.size()) cps.push_back(core::next_code_point(norm, &pos));
    while (!cps.empty() && rules_.layout.closing_marks.find(cps.back()) != std::u32string::npos) {
      cps.pop_back();
    }
    return !cps.empty() && rules_.layout.sentence_final.find(cps.back()) != std::u32string::npos;
  }

  const RuleSet& rules_;
  PointMatcher* points_;
  int short_width_ = 0;
};

class PartBuilder {
 public:
  PartBuilder(const std::string& part, const RuleSet& rules, PointMatcher* points, Document* doc)
      : part_(part), rules_(rules), points_(points), doc_(doc) {}

  // `column` and `end_column`: the source columns of b's first and last character (0: unknown).
  void add(const layout::Block& b, int column, int end_column) {
    const std::string norm = core::normalize_width(b.text);
    if (Hit h = run(rules_.official.section, norm, rules_, {"marker", "title", "text"})) {
      Item& item = new_section(h.group_in(b.text, "title"), "heading", b.first_line(), column);
      const std::string rest(core::trim(h.group_in(b.text, "text")));
      if (!rest.empty()) item.paragraphs.push_back({rest, b.first_line(), b.last_line()});
      extend(&item, b, end_column);
      return;
    }
    Item& item = current_item(b.first_line(), column);
    if (auto p = points_->match(b.text)) {
      add_point(b, *p, rules_, points_, &item.points);
    } else {
      item.paragraphs.push_back({b.text, b.first_line(), b.last_line()});
    }
    extend(&item, b, end_column);
  }

 private:
  Item& new_section(const std::string& title, const std::string& from, int line, int column) {
    Section s;
    s.title = title;
    s.title_from = from;
    s.first_line = line;
    if (from == "heading") s.heading_lines.push_back(line);
    Item item;
    // fmt rather than operator+ chains: GCC 12 -O3 warns falsely (-Wrestrict) on those.
    item.id = fmt::format("s{}.i1", doc_->sections.size() + 1);
    item.kind = "news";
    item.first_line = line;
    item.last_line = line;
    item.first_column = column;
    item.last_column = column;
    s.items.push_back(std::move(item));
    doc_->sections.push_back(std::move(s));
    doc_->document->section_parts.push_back(part_);
    started_ = true;
    return doc_->sections.back().items.back();
  }

  Item& current_item(int line, int column) {
    if (!started_) return new_section("", "none", line, column);
    return doc_->sections.back().items.back();
  }

  // Column 0 is unknown: the whole line.
  static void extend(Item* item, const layout::Block& b, int end_column) {
    auto key = [](int line, int column) {
      return std::pair<int, int>{line, column == 0 ? INT_MAX : column};
    };
    if (key(b.last_line(), end_column) > key(item->last_line, item->last_column)) {
      item->last_line = b.last_line();
      item->last_column = end_column;
    }
  }

  std::string part_;
  const RuleSet& rules_;
  PointMatcher* points_;
  Document* doc_;
  bool started_ = false;  // a section of this part exists
};

}  // namespace

void add_part(const layout::CleanText& text, const std::vector<DocLine>& lines, size_t begin,
              size_t end, const std::string& part, const RuleSet& rules, PointMatcher* points,
              Document* doc) {
  PartBuilder builder(part, rules, points, doc);
  BlockSplitter splitter(lines, rules, points);
  // Lines without a CJK character are page numbers and rules layout left in the flow ("—",
  // "3", "—"): no part of the text.
  std::vector<DocLine> kept;
  for (size_t k = begin; k < end; ++k) {
    if (holds_cjk(lines[k].text)) kept.push_back(lines[k]);
  }
  size_t k = 0;
  while (k < kept.size()) {
    size_t j = k + 1;
    while (j < kept.size() && kept[j].block == kept[k].block && !splitter.starts_block(kept, j)) {
      ++j;
    }
    builder.add(cut_block(text, kept, k, j), kept[k].column, kept[j - 1].end_column);
    k = j;
  }
}

}  // namespace jianbao::structure::official
