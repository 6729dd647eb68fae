#include "structure/tail.h"

#include <memory>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::structure {
namespace {

// Which trailing blocks are distribution or colophon: one matcher per pattern for all the
// blocks looked at, each text converted once.
class TailMatcher {
 public:
  explicit TailMatcher(const RuleSet& rules) {
    const int limit = rules.layout.regex_time_limit;
    distribution_ = rules.structure.distribution.pattern.new_matcher(limit);
    for (const PatternRule& p : rules.structure.colophon) {
      colophon_.push_back(p.regex.new_matcher(limit));
    }
  }

  bool is_distribution(const layout::Block& b) {
    core::to_normalized_u16(b.text, &text_);
    distribution_->reset(text_);
    UErrorCode status = U_ZERO_ERROR;
    return distribution_->lookingAt(status) && U_SUCCESS(status);
  }

  bool is_colophon(const layout::Block& b) {
    for (const layout::BlockLine& l : b.lines) {
      if (!is_colophon_line(l.text)) return false;
    }
    return true;
  }

 private:
  bool is_colophon_line(const std::string& line) {
    core::to_normalized_u16(line, &text_);
    for (auto& m : colophon_) {
      m->reset(text_);
      int32_t from = 0;
      if (core::find_next(*m, &from)) return true;
    }
    return false;
  }

  icu::UnicodeString text_;  // the matchers refer to it, so it is declared (and outlives) first
  std::unique_ptr<icu::RegexMatcher> distribution_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> colophon_;
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
  size_t begin = blocks.size();
  for (size_t i = blocks.size(); i-- > body_begin;) {
    const layout::Block& b = blocks[i];
    if (tail.is_distribution(b) || tail.is_colophon(b)) {
      begin = i;
    } else {
      break;
    }
  }
  return begin;
}

void read_tail(const std::vector<layout::Block>& blocks, size_t begin, const RuleSet& rules,
               Document* doc) {
  const DistributionRules& d = rules.structure.distribution;
  for (size_t i = begin; i < blocks.size(); ++i) {
    const layout::Block& b = blocks[i];
    const std::string norm = core::normalize_width(b.text);
    core::Match m(d.pattern, norm, rules.layout.regex_time_limit);
    if (m.looking_at()) {
      const std::string marker = m.group("marker");
      const auto field = d.fields.find(marker);
      // The recipients are the original text after the marker and its colon.
      size_t pos = 0;
      for (int k = 0; k < m.end() && pos < b.text.size(); ++k) core::next_code_point(b.text, &pos);
      const std::vector<std::string> names = split_recipients(b.text.substr(pos), rules);
      std::vector<std::string>* list = &doc->distribution.copy_to;
      if (field != d.fields.end() && field->second == "report_to")
        list = &doc->distribution.report_to;
      if (field != d.fields.end() && field->second == "cc") list = &doc->distribution.cc;
      list->insert(list->end(), names.begin(), names.end());
      if (doc->distribution.first_line == 0) doc->distribution.first_line = b.first_line();
      doc->distribution.last_line = b.last_line();
    } else {
      for (const layout::BlockLine& l : b.lines) {
        doc->colophon.push_back(l.text);
        doc->colophon_lines.push_back(l.number);
      }
    }
  }
}

}  // namespace jianbao::structure
