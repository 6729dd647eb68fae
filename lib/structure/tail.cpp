#include "structure/tail.h"

#include <memory>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/masthead.h"

namespace jianbao::structure {
namespace {

// What a line of the tail is: a distribution list's first line, a line it wraps onto, or a
// line of the colophon or the signature.
enum class TailLine { kOther, kDistribution, kListLine, kColophon, kOffice, kDate };

// Which trailing blocks are distribution, colophon or signature: one matcher per pattern for all
// the blocks looked at, each text converted once.
// The first code point of a text as the tail's patterns see it (width-normalised), for their
// first-character tests (core::Regex::may_open_with); past U+10FFFF for an empty text, which no
// pattern that restricts its first character opens with.
char32_t first_tail_char(std::string_view text) {
  if (text.empty()) return 0x110000;
  size_t pos = 0;
  return core::normalize_width(core::next_code_point(text, &pos));
}

class TailMatcher {
 public:
  explicit TailMatcher(const RuleSet& rules) : rules_(rules) {
    const int limit = rules.layout.regex_time_limit;
    distribution_ = rules.structure.distribution.pattern.new_matcher(limit);
    for (const PatternRule& p : rules.structure.colophon) {
      colophon_.push_back(p.regex.new_matcher(limit));
    }
    office_ = rules.structure.masthead.publisher.new_matcher(limit);
    strip_final_ = rules.structure.distribution.strip_final;
    date_ = rules.structure.masthead.date.new_matcher(limit);
  }

  // The text opens a distribution list ("抄送：……"). Most lines open with a character no list
  // opens with: they are not copied for ICU.
  bool is_distribution(std::string_view text) {
    if (!rules_.structure.distribution.pattern.may_open_with(first_tail_char(text))) return false;
    core::to_normalized_u16(text, &text_);
    distribution_->reset(text_);
    UErrorCode status = U_ZERO_ERROR;
    return distribution_->lookingAt(status) && U_SUCCESS(status);
  }

  // What each line of the block is: a distribution list's line (its first, or one it wraps
  // onto: "抄送：……各市安委会办" / "公室。") or a tail line (colophon, office or date).
  // `open` says whether the list before the block runs on (it ends in no final stop); it is
  // updated for the next block. Returns false at the first line that is neither.
  bool is_tail_block(const layout::Block& b, bool* open, bool* has_date, bool* has_colophon) {
    bool all = true;
    for (const layout::BlockLine& l : b.lines) {
      const TailLine kind = line_kind(b.line_text(l), open);
      all = all && kind != TailLine::kOther;
      *has_date = *has_date || kind == TailLine::kDate;
      *has_colophon = *has_colophon || kind == TailLine::kColophon;
    }
    return all;
  }

  // Whether a distribution list runs on past the block, given whether one ran on into it: what
  // is_tail_block leaves in `open`, without classifying the lines where no list is open (a line
  // that opens no list leaves `open` false whatever it is), so a pass over the whole body costs
  // one distribution test a line.
  void advance_open(const layout::Block& b, bool* open) {
    for (const layout::BlockLine& l : b.lines) {
      const std::string_view text = b.line_text(l);
      if (is_distribution(text)) {
        *open = !ends_final(text);
      } else if (*open) {
        *open = classify(text) == TailLine::kOther && !ends_final(text);
      }
    }
  }

  // What a line of the tail is, given whether a distribution list runs on into it; `open` is
  // updated for the next line. A line that is a tail line of its own never continues a list.
  TailLine line_kind(std::string_view text, bool* open, size_t* pattern = nullptr) {
    if (is_distribution(text)) {
      *open = !ends_final(text);
      return TailLine::kDistribution;
    }
    const TailLine kind = classify(text, pattern);
    if (kind == TailLine::kOther && *open) {
      *open = !ends_final(text);
      return TailLine::kListLine;
    }
    *open = false;
    return kind;
  }

  // The line ends in one of the distribution's final stops ("。").
  bool ends_final(std::string_view text) const {
    const std::string_view t = core::trim(text);
    if (t.empty()) return false;
    size_t last = t.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(t[last]) & 0xC0) == 0x80) --last;
    size_t p = last;
    return strip_final_.find(core::next_code_point(t, &p)) != std::u32string::npos;
  }

  // `pattern` (if given) is set to the colophon pattern a colophon line matched.
  TailLine classify(std::string_view line, size_t* pattern = nullptr) {
    bool converted = false;  // copied for ICU only when a colophon pattern may match
    for (size_t k = 0; k < colophon_.size(); ++k) {
      if (!rules_.structure.colophon[k].regex.may_match(line)) continue;
      if (!converted) core::to_normalized_u16(line, &text_);
      converted = true;
      icu::RegexMatcher& m = *colophon_[k];
      m.reset(text_);
      int32_t from = 0;
      if (core::find_next(m, &from)) {
        if (pattern) *pattern = k;
        return TailLine::kColophon;
      }
    }
    // The date and the office patterns match whole texts, so a first character neither opens
    // with settles it without ICU.
    const std::string squeezed = without_spaces(core::normalize_width(line));
    const core::Regex& date = rules_.structure.masthead.date;
    if (date.may_open_with(first_tail_char(squeezed)) && date.may_match(squeezed)) {
      core::to_normalized_u16(squeezed, &text_);
      if (whole(*date_)) return TailLine::kDate;
    }
    // Offices side by side on one line ("某省应急管理厅　某省公安厅") are each an office.
    for (const std::string& part : split_spaces(core::normalize_width(line))) {
      if (!rules_.structure.masthead.publisher.may_open_with(first_tail_char(part))) {
        return TailLine::kOther;
      }
      core::to_normalized_u16(part, &text_);
      if (!whole(*office_)) return TailLine::kOther;
    }
    return TailLine::kOffice;
  }

  static std::vector<std::string> split_spaces(std::string_view text) {
    std::vector<std::string> out(1);
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t at = pos;
      const char32_t c = core::next_code_point(text, &pos);
      if (c == ' ' || c == 0x3000 || c == '\t') {
        if (!out.back().empty()) out.emplace_back();
      } else {
        out.back().append(text, at, pos - at);
      }
    }
    if (out.back().empty()) out.pop_back();
    return out;
  }

  static std::string without_spaces(std::string_view text) {
    std::string out;
    for (const std::string& p : split_spaces(text)) out += p;
    return out;
  }

 private:
  const RuleSet& rules_;
  // The pattern matches the whole of text_.
  bool whole(icu::RegexMatcher& m) {
    m.reset(text_);
    UErrorCode status = U_ZERO_ERROR;
    return m.matches(status) && U_SUCCESS(status);
  }

  icu::UnicodeString text_;  // the matchers refer to it, so it is declared (and outlives) first
  std::unique_ptr<icu::RegexMatcher> distribution_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> colophon_;
  std::unique_ptr<icu::RegexMatcher> office_;
  std::unique_ptr<icu::RegexMatcher> date_;
  std::u32string strip_final_;
};

}  // namespace

std::vector<std::string> split_recipients(const std::string& text, const RuleSet& rules) {
  const DistributionRules& d = rules.structure.distribution;
  std::vector<std::string> out(1);
  std::u32string closers;  // expected closing brackets, innermost last
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    if (auto it = d.brackets.find(c); it != d.brackets.end()) {
      closers.push_back(it->second);
    } else if (!closers.empty() && c == closers.back()) {
      closers.pop_back();
    } else if (closers.empty() && d.separators.find(c) != std::u32string::npos) {
      out.emplace_back();
      continue;
    }
    out.back().append(text, at, pos - at);
  }
  std::vector<std::string> cleaned;
  for (std::string& part : out) {
    std::string_view v = core::trim(part);
    // Drop the final full stop: "国家矿山安监局领导。" -> "国家矿山安监局领导".
    while (!v.empty()) {
      size_t last = v.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(v[last]) & 0xC0) == 0x80) --last;
      size_t p = last;
      const char32_t c = core::next_code_point(v, &p);
      if (d.strip_final.find(c) == std::u32string::npos) break;
      v = core::trim(v.substr(0, last));
    }
    if (!v.empty()) cleaned.emplace_back(v);
  }
  return cleaned;
}

size_t find_tail(const std::vector<layout::Block>& blocks, size_t body_begin,
                 const RuleSet& rules) {
  TailMatcher tail(rules);
  // Whether a distribution list runs on into each block: worked out in reading order.
  std::vector<char> open_before(blocks.size() + 1, 0);
  bool open = false;
  for (size_t i = body_begin; i < blocks.size(); ++i) {
    open_before[i] = open;
    tail.advance_open(blocks[i], &open);
  }
  size_t begin = blocks.size();
  // Office lines alone are tail only where a date or a colophon line (印发) follows them: the
  // signature, or the issuing office of the colophon.
  bool after_date_or_colophon = false;
  // The first block of the body is never tail: a text of one dated line is its own body.
  for (size_t i = blocks.size(); i-- > body_begin + 1;) {
    const layout::Block& b = blocks[i];
    bool block_open = open_before[i];
    bool has_date = false;
    bool has_colophon = false;
    const bool list = tail.is_distribution(b.line_text(0));
    if (list || block_open) {
      // A list (whatever its block holds after it), or the line a list wraps onto.
      if (!tail.is_tail_block(b, &block_open, &has_date, &has_colophon) && !list) break;
      begin = i;
      after_date_or_colophon = false;
      continue;
    }
    if (!tail.is_tail_block(b, &block_open, &has_date, &has_colophon)) break;
    if (!has_date && !has_colophon && !after_date_or_colophon) break;
    begin = i;
    after_date_or_colophon = has_date || has_colophon;
  }
  return begin;
}

void read_tail(const std::vector<layout::Block>& blocks, size_t begin, const RuleSet& rules,
               Document* doc) {
  std::string kJoin;  // the wide space (U+3000) the pieces were printed apart by
  core::append_utf8(&kJoin, 0x3000);
  const DistributionRules& d = rules.structure.distribution;
  TailMatcher tail(rules);
  struct TextLine {
    int number = 0;
    std::string_view text;  // of one of `blocks`
  };
  std::vector<TextLine> offices;  // office lines waiting for a date or a colophon line
  size_t last_pattern = static_cast<size_t>(-1);  // of the last colophon entry, if it is a line
  auto to_colophon = [&](const TextLine& l) {
    doc->colophon.emplace_back(l.text);
    doc->colophon_lines.push_back(l.number);
    last_pattern = static_cast<size_t>(-1);
  };
  auto flush_offices = [&] {
    for (const TextLine& o : offices) to_colophon(o);
    offices.clear();
  };
  // The distribution list being read: its text so far, its lines.
  std::string list_text;
  int list_first = 0;
  int list_last = 0;
  auto flush_list = [&] {
    if (list_text.empty()) return;
    const std::string norm = core::normalize_width(list_text);
    core::Match m(d.pattern, norm, rules.layout.regex_time_limit);
    if (m.looking_at()) {
      const std::string marker = m.group("marker");
      const auto field = d.fields.find(marker);
      // The recipients are the original text after the marker and its colon.
      size_t pos = 0;
      for (int k = 0; k < m.end() && pos < list_text.size(); ++k) {
        core::next_code_point(list_text, &pos);
      }
      const std::vector<std::string> names = split_recipients(list_text.substr(pos), rules);
      std::vector<std::string>* list = &doc->distribution.copy_to;
      if (field != d.fields.end() && field->second == "report_to")
        list = &doc->distribution.report_to;
      if (field != d.fields.end() && field->second == "cc") list = &doc->distribution.cc;
      if (field != d.fields.end() && field->second == "send_to") list = &doc->distribution.send_to;
      list->insert(list->end(), names.begin(), names.end());
      if (doc->distribution.first_line == 0) doc->distribution.first_line = list_first;
      doc->distribution.last_line = list_last;
    }
    list_text.clear();
  };
  bool open = false;
  for (size_t i = begin; i < blocks.size(); ++i) {
    for (const layout::BlockLine& bl : blocks[i].lines) {
      const TextLine l{bl.number, blocks[i].line_text(bl)};
      size_t pattern = 0;
      const TailLine kind = tail.line_kind(l.text, &open, &pattern);
      if (kind == TailLine::kListLine) {
        list_text += l.text;
        list_last = l.number;
        continue;
      }
      flush_list();
      if (kind == TailLine::kDistribution) {
        flush_offices();
        last_pattern = static_cast<size_t>(-1);
        list_text = l.text;
        list_first = list_last = l.number;
      } else if (kind == TailLine::kOffice) {
        offices.push_back(l);
      } else if (kind == TailLine::kDate && !doc->signature) {
        Signature sig;
        for (const TextLine& o : offices) {
          for (const std::string& name : TailMatcher::split_spaces(o.text)) {
            sig.issuers.push_back(name);
          }
        }
        sig.date = normalize_masthead_date(TailMatcher::without_spaces(l.text), rules);
        sig.first_line = offices.empty() ? l.number : offices.front().number;
        sig.last_line = l.number;
        offices.clear();
        doc->signature = std::move(sig);
      } else if (kind == TailLine::kColophon) {
        // One printed line cut at its wide space ("某某办公室" / "2024年3月5日印发", "编辑：张某" /
        // "审核：李某") is one entry again: the office with the 印发 line after it, and two
        // lines of one colophon pattern in a row.
        if (!offices.empty()) {
          const TextLine office = offices.back();
          offices.pop_back();
          flush_offices();
          doc->colophon.push_back(std::string(office.text).append(kJoin).append(l.text));
          doc->colophon_lines.push_back(office.number);
          doc->colophon_lines.push_back(l.number);
          last_pattern = static_cast<size_t>(-1);
        } else if (pattern == last_pattern && !doc->colophon.empty()) {
          doc->colophon.back().append(kJoin).append(l.text);
          doc->colophon_lines.push_back(l.number);
        } else {
          to_colophon(l);
          last_pattern = pattern;
        }
      } else {
        flush_offices();
        to_colophon(l);
      }
    }
  }
  flush_list();
  flush_offices();
}

}  // namespace jianbao::structure
