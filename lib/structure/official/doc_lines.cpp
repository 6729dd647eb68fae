#include "structure/official/doc_lines.h"

#include <algorithm>

#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/cjk_spaces.h"
#include "structure/masthead.h"
#include "structure/tail.h"

namespace jianbao::structure::official {
namespace {

bool holds_any(std::string_view text, const std::u32string& set) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (set.find(core::next_code_point(text, &pos)) != std::u32string::npos) return true;
  }
  return false;
}

// The code point offset in block.text where line k of the block starts (its first piece).
int line_offset(const layout::Block& block, size_t k) {
  const int number = block.lines[k].number;
  for (const layout::Piece& p : block.pieces) {
    if (p.line == number) return p.offset;
  }
  return -1;
}

}  // namespace

std::vector<DocLine> flatten(const layout::CleanText& text, const RuleSet& rules,
                             size_t max_lines) {
  const std::string& separator = rules.official.paragraph_separator;
  std::vector<DocLine> out;
  for (size_t b = 0; b < text.blocks.size() && out.size() < max_lines; ++b) {
    const layout::Block& block = text.blocks[b];
    for (size_t k = 0; k < block.lines.size() && out.size() < max_lines; ++k) {
      const std::string_view source = block.line_text(k);
      const int line_start = line_offset(block, k);
      size_t from = 0;
      bool first = true;
      while (from <= source.size() && out.size() < max_lines) {
        size_t cut = separator.empty() ? std::string::npos : source.find(separator, from);
        if (cut == std::string::npos) cut = source.size();
        DocLine l;
        l.number = block.lines[k].number;
        const std::string_view kept = core::trim(std::string_view(source).substr(from, cut - from));
        if (line_start >= 0 && !kept.empty()) {
          const auto begin = static_cast<size_t>(kept.data() - source.data());
          const int first =
              line_start +
              static_cast<int>(core::count_code_points(std::string_view(source).substr(0, begin)));
          const int last = first + static_cast<int>(core::count_code_points(kept)) - 1;
          int line = 0;
          layout::locate(block, first, &line, &l.column);
          layout::locate(block, last, &line, &l.end_column);
        }
        // Letter-spaced marks and titles ("关 于 …") lose their spaces between CJK characters.
        l.text = drop_spaces_between_cjk(kept, U" \u3000");
        l.norm = core::normalize_width(l.text);
        l.block = b;
        l.index = k;
        l.page_start = block.page_start && k == 0 && first;
        l.title_block = block.shape == layout::Block::Shape::kTitle;
        l.piece = !first;
        if (!l.text.empty()) {
          out.push_back(std::move(l));
          first = false;
        }
        from = cut + separator.size();
      }
    }
  }
  return out;
}

std::string Hit::group(const std::string& name) const {
  auto it = groups.find(name);
  return it == groups.end() ? std::string() : it->second;
}

std::string Hit::group_in(const std::string& original, const std::string& name) const {
  auto it = starts.find(name);
  if (it == starts.end() || it->second < 0) return "";
  const int length = static_cast<int>(core::count_code_points(group(name)));
  return slice(original, it->second, it->second + length);
}

Hit run(const core::Regex& re, const std::string& text, const RuleSet& rules,
        std::initializer_list<const char*> names, bool whole) {
  Hit h;
  if (!re.may_match(text)) return h;
  const core::MatchText mt(text);
  auto m = re.new_matcher(rules.layout.regex_time_limit);
  m->reset(mt.u16());
  UErrorCode status = U_ZERO_ERROR;
  if (whole) {
    h.found = m->matches(status) && U_SUCCESS(status);
  } else {
    int32_t from = 0;
    h.found = core::find_next(*m, &from);
  }
  if (!h.found) return h;
  status = U_ZERO_ERROR;
  h.start = mt.code_point_at(m->start(status));
  h.end = mt.code_point_at(m->end(status));
  for (const char* n : names) {
    const int g = re.group(n);
    h.groups[n] = core::group_text(*m, g);
    status = U_ZERO_ERROR;
    const int32_t at = g < 0 ? -1 : m->start(g, status);
    h.starts[n] = U_SUCCESS(status) && at >= 0 ? mt.code_point_at(at) : -1;
  }
  return h;
}

std::string slice(const std::string& text, int begin, int end) {
  size_t pos = 0;
  int cp = 0;
  size_t from = text.size();
  size_t to = text.size();
  while (true) {
    if (cp == begin) from = pos;
    if (cp == end) {
      to = pos;
      break;
    }
    if (pos >= text.size()) break;
    core::next_code_point(text, &pos);
    ++cp;
  }
  return from <= to ? text.substr(from, to - from) : std::string();
}

bool ends_with(const std::string& text, const std::string& tail) {
  return !tail.empty() && text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

bool ends_with_organ(const std::string& norm, const RuleSet& rules) {
  for (const std::string& s : rules.official.organ_suffixes) {
    if (ends_with(norm, s)) return true;
  }
  return false;
}

size_t organ_suffix_length(const std::string& norm, const RuleSet& rules) {
  size_t best = 0;
  for (const std::string& s : rules.official.organ_suffixes) {
    if (ends_with(norm, s)) best = std::max(best, core::count_code_points(s));
  }
  return best;
}

bool holds_cjk(const std::string& text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (core::is_cjk(core::next_code_point(text, &pos))) return true;
  }
  return false;
}

bool is_name(const std::string& norm, const RuleSet& rules) {
  if (norm.empty() || norm.find_first_of(" \t") != std::string::npos) return false;
  if (static_cast<int>(core::count_code_points(norm)) > rules.official.max_name_chars) return false;
  if (holds_any(norm, rules.layout.sentence_final) || holds_any(norm, rules.layout.clause_marks)) {
    return false;
  }
  return ends_with_organ(norm, rules);
}

std::string iso_date(const std::string& text, const RuleSet& rules) {
  return normalize_masthead_date(text, rules);
}

std::vector<std::string> split_names(const std::string& text, const RuleSet& rules) {
  const OfficialRules& o = rules.official;
  std::vector<std::string> out;
  for (const std::string& part : split_recipients(text, rules)) {
    // Split at 、 only when no piece after the first is a bare noun sharing the first's head.
    // 各县（市、区）应急管理局: a mark inside brackets separates nothing.
    const auto& brackets = rules.structure.distribution.brackets;
    std::vector<std::string> pieces(1);
    std::u32string closers;
    size_t pos = 0;
    while (pos < part.size()) {
      const size_t at = pos;
      const char32_t c = core::next_code_point(part, &pos);
      if (auto it = brackets.find(c); it != brackets.end()) {
        closers.push_back(it->second);
      } else if (!closers.empty() && c == closers.back()) {
        closers.pop_back();
      } else if (closers.empty() && o.recipient_list_mark.find(c) != std::u32string::npos) {
        pieces.emplace_back();
        continue;
      }
      pieces.back().append(part, at, pos - at);
    }
    bool shared = false;
    for (size_t i = 1; i < pieces.size(); ++i) {
      const std::string p(core::trim(pieces[i]));
      for (const std::string& noun : o.shared_head_nouns) shared = shared || p == noun;
      shared = shared || p.empty();
    }
    if (shared || pieces.size() == 1) {
      out.push_back(part);
      continue;
    }
    for (const std::string& p : pieces) out.emplace_back(core::trim(p));
  }
  // Drop a final full stop left on the last name ("各部门。").
  for (std::string& name : out) {
    while (!name.empty()) {
      size_t last = name.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(name[last]) & 0xC0) == 0x80) --last;
      size_t p = last;
      const char32_t c = core::next_code_point(name, &p);
      if (o.recipient_strip_final.find(c) == std::u32string::npos) break;
      name = std::string(core::trim(std::string_view(name).substr(0, last)));
    }
  }
  std::vector<std::string> cleaned;
  for (std::string& n : out) {
    if (!n.empty()) cleaned.push_back(std::move(n));
  }
  return cleaned;
}

}  // namespace jianbao::structure::official
