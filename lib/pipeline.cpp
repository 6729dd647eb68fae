#include "jianbao/pipeline.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "jianbao/layout.h"
#include "jianbao/read.h"
#include "jianbao/structure.h"
#include "ruleset/rule_set.h"
#include "structure/official/official.h"

namespace jianbao {
namespace {

// Source lines by number, 1-based: whether some part of the document holds each. A flag per line
// rather than a set of numbers (40 bytes a line on a 100,000-line input).
class ClaimedLines {
 public:
  explicit ClaimedLines(int last_line) : claimed_(static_cast<size_t>(last_line) + 1, 0) {}
  void insert(int line) {
    if (line > 0 && static_cast<size_t>(line) < claimed_.size())
      claimed_[static_cast<size_t>(line)] = 1;
  }
  template <typename It>
  void insert(It first, It last) {
    for (; first != last; ++first) insert(*first);
  }
  void mark_range(int first, int last) {
    for (int l = first; l <= last && first > 0 && static_cast<size_t>(l) < claimed_.size(); ++l) {
      claimed_[static_cast<size_t>(l)] = 1;
    }
  }
  bool count(int line) const {
    return line > 0 && static_cast<size_t>(line) < claimed_.size() &&
           claimed_[static_cast<size_t>(line)] != 0;
  }

 private:
  std::vector<char> claimed_;
};

// What account_for_lines reads of the source lines: their number and trimmed text, the blank
// ones left out, as 12 bytes a line and a share of the decoded text's buffer. The SourceLines
// (24 bytes each) are given up for this once layout is done, so they are not held through the
// structure stage.
class LineTexts {
 public:
  explicit LineTexts(const decode::DecodedText& text) : buffer_(text.buffer) {
    const auto in_buffer = [&](std::string_view t) {
      return t.empty() || (t.data() >= buffer_->data() &&
                           t.data() + t.size() <= buffer_->data() + buffer_->size());
    };
    if (!buffer_ || !std::all_of(text.lines.begin(), text.lines.end(),
                                 [&](const decode::SourceLine& l) { return in_buffer(l.text); })) {
      // Lines made by hand, viewing texts of their own: a buffer of copies.
      auto own = std::make_shared<std::string>();
      for (const decode::SourceLine& l : text.lines) *own += l.text;
      buffer_ = std::move(own);
      size_t at = 0;
      for (const decode::SourceLine& l : text.lines) {
        add(l, at);
        at += l.text.size();
      }
      return;
    }
    for (const decode::SourceLine& l : text.lines)
      add(l, static_cast<size_t>(l.text.data() - buffer_->data()));
  }
  // Frees the lines once they are read.
  explicit LineTexts(decode::DecodedText&& text) : LineTexts(std::as_const(text)) {
    std::vector<decode::SourceLine>().swap(text.lines);
  }
  int last_line() const { return last_line_; }
  template <typename F>
  void for_each(F&& f) const {
    for (const Entry& e : entries_) f(e.number, std::string_view(*buffer_).substr(e.begin, e.size));
  }

 private:
  struct Entry {
    int number;
    uint32_t begin;  // of its text in *buffer_
    uint32_t size;
  };
  // `at`: where the line's text starts in *buffer_.
  void add(const decode::SourceLine& l, size_t at) {
    last_line_ = std::max(last_line_, l.number);
    const std::string_view t = core::trim(l.text);
    if (t.empty()) return;
    entries_.push_back({l.number, static_cast<uint32_t>(at + (t.data() - l.text.data())),
                        static_cast<uint32_t>(t.size())});
  }
  std::shared_ptr<const std::string> buffer_;
  std::vector<Entry> entries_;
  int last_line_ = 0;
};

void account_for_lines(const LineTexts& text, Document* doc) {
  ClaimedLines claimed(text.last_line());
  if (doc->masthead) claimed.mark_range(doc->masthead->first_line, doc->masthead->last_line);
  for (const Section& s : doc->sections) {
    for (const Item& i : s.items) claimed.mark_range(i.first_line, i.last_line);
  }
  claimed.mark_range(doc->distribution.first_line, doc->distribution.last_line);
  if (doc->signature) claimed.mark_range(doc->signature->first_line, doc->signature->last_line);
  for (const Removed& r : doc->removed) claimed.insert(r.line);
  claimed.insert(doc->colophon_lines.begin(), doc->colophon_lines.end());
  if (doc->document) claimed.insert(doc->document->lines.begin(), doc->document->lines.end());
  for (const Section& s : doc->sections) {
    claimed.insert(s.heading_lines.begin(), s.heading_lines.end());
  }
  // By line number only: a line is claimed where a stage put it, never because similar text
  // appears elsewhere in the document.
  text.for_each([&](int number, std::string_view t) {
    if (!claimed.count(number)) doc->unclaimed.push_back({number, std::string(t)});
  });
}

// What parse_bulletin does once the bytes are read; `decoded` is given up stage by stage.
Result<Document> parse_decoded(decode::DecodedText decoded, const std::string& path,
                               const RuleSet& rules, const ParseOptions& options) {
  Document doc;
  std::vector<decode::LineFacts> facts;  // kept for place_in_file
  {
    // The blocks are needed by structure and metrics only.
    layout::CleanText clean = layout::clean_layout(decoded, rules);
    // Facts that do not match the lines one for one are not used.
    if (decoded.facts.size() == decoded.lines.size()) facts = std::move(decoded.facts);
    // Layout was the last stage to read the source lines whole.
    {
      const LineTexts lines(std::move(decoded));
      doc = structure::build_outline(clean, rules, options.genre);
      // The outline claims every line it will (metrics claim none), so the unclaimed ones are
      // known, and the line texts need not be held through the metrics stage.
      account_for_lines(lines, &doc);
    }
    doc.source = {path,        decoded.sha256, decoded.bytes, decoded.encoding,
                  decoded.bom, decoded.reader};
    decoded = {};
    metrics::extract_metrics(std::move(clean), rules, options.metrics, &doc);
  }
  structure::official::label_metric_parts(&doc);
  place_in_file(facts, &doc);
  return doc;
}

}  // namespace

void place_in_file(const std::vector<decode::LineFacts>& line_facts, Document* doc) {
  // Readers number lines 1, 2, ... so line n has facts[n - 1].
  auto facts = [&](int line) -> const decode::LineFacts* {
    if (line < 1 || line > static_cast<int>(line_facts.size())) return nullptr;
    return &line_facts[static_cast<size_t>(line - 1)];
  };
  for (const decode::LineFacts& f : line_facts)
    doc->source.pages = std::max(doc->source.pages, f.page);
  for (Section& s : doc->sections) {
    for (Item& item : s.items) {
      if (const auto* f = facts(item.first_line)) {
        item.first_page = f->page;
        item.first_paragraph = f->paragraph;
      }
      if (const auto* f = facts(item.last_line)) {
        item.last_page = f->page;
        item.last_paragraph = f->paragraph;
      }
      for (Metric& m : item.metrics) {
        if (const auto* f = facts(m.line)) {
          m.page = f->page;
          m.x = f->x;
          m.y = f->y;
          m.paragraph = f->paragraph;
        }
      }
    }
  }
}

void account_for_lines(const decode::DecodedText& text, Document* doc) {
  account_for_lines(LineTexts(text), doc);
}

Result<Document> parse_bulletin(std::string_view bytes, const std::string& path,
                                const RuleSet& rules, const ParseOptions& options) {
  auto decoded = read::read_document(bytes, path, rules, options.decode);
  if (!decoded.ok()) return decoded.status();
  return parse_decoded(std::move(decoded.value()), path, rules, options);
}

Result<Document> parse_bulletin(std::string&& bytes, const std::string& path, const RuleSet& rules,
                                const ParseOptions& options) {
  auto decoded = read::read_document(bytes, path, rules, options.decode);
  std::string().swap(bytes);  // the lines hold the text now
  if (!decoded.ok()) return decoded.status();
  return parse_decoded(std::move(decoded.value()), path, rules, options);
}

}  // namespace jianbao
