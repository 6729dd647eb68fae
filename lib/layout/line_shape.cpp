#include "layout/line_shape.h"

#include <algorithm>
#include <cstdint>

#include "core/utf8_fast.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_space(char32_t c) { return c == ' ' || c == 0x3000 || c == '\t'; }

// What measure_lines needs of a line, read in one pass over its code points.
struct Scan {
  int width = 0;
  int chars = 0;  // code points
  bool ends_sentence = false;
  bool spaced = false;     // holds a space fix_cjk_spacing may drop
  bool malformed = false;  // holds a byte that decodes as U+FFFD (re-encoded on output)
  bool digit = false;      // holds a digit, ASCII or full-width
};

// Whether one of 8 bytes is an ASCII digit: of the bytes below 0x80, adding 0x50 sets the high
// bit of those from '0' up, adding 0x46 of those from ':' up (no carry leaves a byte).
bool any_ascii_digit(uint64_t w) {
  const uint64_t low = w & ~core::kHighBits;
  return ((low + 0x50 * core::kEachByte) & ~(low + 0x46 * core::kEachByte) & ~w &
          core::kHighBits) != 0;
}

// Whether `text` holds the three bytes lead, second and one of [third_low, third_high]. An
// ASCII byte or a lead byte is never inside another sequence, so in any text (malformed too) the
// bytes are exactly the code points next_code_point reads there.
bool holds_sequence(std::string_view text, char lead, char second, unsigned char third_low,
                    unsigned char third_high) {
  for (size_t i = text.find(lead); i != std::string_view::npos; i = text.find(lead, i + 1)) {
    if (i + 2 < text.size() && text[i + 1] == second &&
        static_cast<unsigned char>(text[i + 2]) >= third_low &&
        static_cast<unsigned char>(text[i + 2]) <= third_high) {
      return true;
    }
  }
  return false;
}

// A space fix_cjk_spacing may drop: ' ', '\t' or U+3000 (E3 80 80).
bool holds_space(std::string_view text) {
  return text.find(' ') != std::string_view::npos || text.find('\t') != std::string_view::npos ||
         holds_sequence(text, '\xE3', '\x80', 0x80, 0x80);
}

// A digit: ASCII, or full-width U+FF10..U+FF19 (EF BC 90..99).
bool holds_digit(std::string_view text) {
  const char* const p = text.data();
  const size_t n = text.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    if (any_ascii_digit(core::load8(p + i))) return true;
  }
  for (; i < n; ++i) {
    if (p[i] >= '0' && p[i] <= '9') return true;
  }
  return holds_sequence(text, '\xEF', '\xBC', 0x90, 0x99);
}

// A sentence ends at the last character that is no closing mark: "……要求。”" ends one.
bool ends_sentence(std::string_view text, bool malformed, const LayoutRules& rules) {
  auto closing = [&](char32_t c) { return rules.closing_marks.find(c) != std::u32string::npos; };
  auto final = [&](char32_t c) { return rules.sentence_final.find(c) != std::u32string::npos; };
  if (!malformed) {
    // Valid UTF-8: walk back from the end over whole characters; only the last few are read.
    size_t end = text.size();
    while (end > 0) {
      size_t start = end - 1;
      while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      size_t pos = start;
      const char32_t c = core::next_code_point(text, &pos);
      if (!closing(c)) return final(c);
      end = start;
    }
    return false;
  }
  // Malformed bytes decode forward only: take the last character that is no closing mark.
  char32_t last = 0;
  bool any = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::next_code_point(text, &pos);
    if (!closing(c)) {
      last = c;
      any = true;
    }
  }
  return any && final(last);
}

Scan scan(std::string_view text, const LayoutRules& rules) {
  const auto& wide = core::bmp_wide_table();
  const char* const p = text.data();
  const size_t n = text.size();
  // This runs for every character of the input: ASCII and three-byte characters are read here,
  // 8 ASCII bytes a step, and only the rest by next_code_point.
  int width = 0;
  int chars = 0;
  bool malformed = false;
  size_t pos = 0;
  while (pos < n) {
    const auto b0 = static_cast<unsigned char>(p[pos]);
    if (b0 < 0x80) {
      size_t end = pos + 1;
      while (end + 8 <= n && core::all_ascii8(p + end)) end += 8;
      while (end < n && static_cast<unsigned char>(p[end]) < 0x80) ++end;
      width += static_cast<int>(end - pos);
      chars += static_cast<int>(end - pos);
      pos = end;
      continue;
    }
    // A run of three-byte characters, each read in one load.
    const size_t run_start = pos;
    char32_t cjk = 0;
    while (pos + 4 <= n && core::common_three_byte(p + pos, &cjk)) {
      width += 1 + static_cast<int>(wide[cjk]);
      ++chars;
      pos += 3;
    }
    if (pos != run_start) continue;
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    width += core::display_width(c, wide);
    ++chars;
    malformed = malformed || (c == kReplacement && pos - at != 3);
  }
  Scan s;
  s.width = width;
  s.chars = chars;
  s.spaced = holds_space(text);
  s.malformed = malformed;
  s.digit = holds_digit(text);
  s.ends_sentence = ends_sentence(text, malformed, rules);
  return s;
}

}  // namespace

std::string fix_cjk_spacing(std::string_view text, int line, int first_column, int offset_base,
                            std::vector<Piece>* pieces) {
  int chars = 0;
  int width = 0;
  return fix_cjk_spacing(text, line, first_column, offset_base, pieces, &chars, &width);
}

std::string fix_cjk_spacing(std::string_view text, int line, int first_column, int offset_base,
                            std::vector<Piece>* pieces, int* chars, int* width) {
  const auto& wide = core::bmp_wide_table();
  int w = 0;
  // Unchanged bytes are copied in runs; only dropped spaces and malformed bytes (which decode,
  // and so are written, as U+FFFD) break a run.
  std::string out;
  out.reserve(text.size());
  int out_cps = 0;
  int in_cps = 0;     // code points of text before `pos`
  char32_t prev = 0;  // the code point before `pos`, 0 at the start
  size_t copied = 0;  // text[copied, at) is still to be copied
  pieces->push_back({offset_base, line, first_column});
  size_t pos = 0;
  char32_t cjk = 0;
  while (pos < text.size()) {
    // A run of three-byte characters but U+3000: nothing to drop or re-encode.
    if (pos + 4 <= text.size() && core::common_three_byte(text.data() + pos, &cjk) &&
        cjk != 0x3000) {
      prev = cjk;
      ++in_cps;
      ++out_cps;
      w += 1 + static_cast<int>(wide[cjk]);
      pos += 3;
      continue;
    }
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    if (is_space(c) && prev != 0) {
      // Find the run of spaces and the character after it.
      size_t end = pos;
      int run = 1;
      char32_t after = 0;
      while (end < text.size()) {
        size_t p = end;
        const char32_t d = core::next_code_point(text, &p);
        if (!is_space(d)) {
          after = d;
          break;
        }
        end = p;
        ++run;
      }
      const bool drop = after != 0 && ((core::is_cjk(prev) && core::is_ascii_alnum(after)) ||
                                       (core::is_ascii_alnum(prev) && core::is_cjk(after)));
      if (drop) {
        out.append(text, copied, at - copied);
        in_cps += run;
        pieces->push_back({offset_base + out_cps, line, first_column + in_cps});
        copied = end;
        pos = end;
        prev = ' ';  // a space: what follows is no space, so it is never read
        continue;
      }
    }
    if (c == kReplacement && pos - at != 3) {
      out.append(text, copied, at - copied);
      core::append_utf8(&out, c);
      copied = pos;
    }
    prev = c;
    ++in_cps;
    ++out_cps;
    w += core::display_width(c, wide);
  }
  out.append(text, copied, text.size() - copied);
  *chars = out_cps;
  *width = w;
  return out;
}

namespace {

// Whether `text` holds a run of spaces at least `columns` wide (ASCII 1, U+3000 2 columns).
bool has_gap(std::string_view text, int columns) {
  if (columns <= 0) return false;
  int run = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::next_code_point(text, &pos);
    if (c == ' ' || c == '\t') {
      run += 1;
    } else if (c == 0x3000) {
      run += 2;
    } else {
      run = 0;
    }
    if (run >= columns) return true;
  }
  return false;
}

// The pieces of a flattened web line: [begin, end) byte ranges between runs of `sep`; one piece
// (the whole text) unless there are at least `min_pieces`.
std::vector<std::pair<size_t, size_t>> flat_pieces(std::string_view text, const std::string& sep,
                                                   int min_pieces) {
  std::vector<std::pair<size_t, size_t>> out;
  if (sep.empty() || min_pieces < 2) return {{0, text.size()}};
  size_t begin = 0;
  size_t pos = text.find(sep);
  while (pos != std::string_view::npos) {
    if (pos > begin) out.emplace_back(begin, pos);
    begin = pos + sep.size();
    // The run of separators (and any spaces) ends where text starts again.
    while (begin < text.size()) {
      size_t p = begin;
      if (!is_space(core::next_code_point(text, &p))) break;
      begin = p;
    }
    pos = text.find(sep, begin);
  }
  if (begin < text.size()) out.emplace_back(begin, text.size());
  if (static_cast<int>(out.size()) < min_pieces) return {{0, text.size()}};
  return out;
}

}  // namespace

std::vector<Line> measure_lines(const std::vector<decode::SourceLine>& lines, const RuleSet& rules,
                                std::deque<std::string>* fixed, std::vector<Piece>* pieces) {
  std::vector<Line> out;
  // Blank lines make no Line (a flattened web line may make several: the vector grows then).
  out.reserve(static_cast<size_t>(
      std::count_if(lines.begin(), lines.end(),
                    [](const decode::SourceLine& l) { return !core::trim(l.text).empty(); })));
  bool pending_page = false;
  // pdftotext's text is never indented but for that one space. Where lines are indented by more
  // (docx2txt and -layout centre lines with spaces), one space is centring too: " 工作部署".
  const bool indented = std::any_of(lines.begin(), lines.end(), [](const decode::SourceLine& l) {
    return l.text.size() >= 2 && l.text[0] == ' ' && l.text[1] == ' ';
  });
  for (const decode::SourceLine& src : lines) {
    pending_page = pending_page || src.form_feed;
    const std::string_view whole = core::trim(src.text);
    if (whole.empty()) continue;
    // pdftotext starts each page's first line with one space (a page break without \f).
    const bool one_space =
        !indented && src.text.size() >= 2 && src.text[0] == ' ' && src.text[1] != ' ';
    for (const auto& [from, to] :
         flat_pieces(whole, rules.layout.flat_separator, rules.layout.min_flat_paragraphs)) {
      const std::string_view trimmed = core::trim(whole.substr(from, to - from));
      if (trimmed.empty()) continue;
      Line l;
      l.number = src.number;
      l.raw = trimmed;
      l.raw_column = 1 + static_cast<int>(core::count_code_points(std::string_view(src.text).substr(
                             0, trimmed.data() - src.text.data())));
      l.page_start = pending_page || (one_space && from == 0);
      pending_page = false;
      const Scan s = scan(l.raw, rules.layout);
      l.width = s.width;
      l.ends_sentence = s.ends_sentence;
      l.spaced = s.spaced;
      l.digit = s.digit;
      l.spread = s.spaced && has_gap(l.raw, rules.layout.spread_gap_columns);
      if (s.spaced || s.malformed) {
        // The pieces are kept for the block the line joins (BlockBuilder::emit).
        l.first_piece = static_cast<unsigned>(pieces->size());
        l.text = fixed->emplace_back(
            fix_cjk_spacing(l.raw, l.number, l.raw_column, 0, pieces, &l.chars, &l.fixed_width));
        l.piece_count = static_cast<unsigned>(pieces->size()) - l.first_piece;
      } else {
        l.text = l.raw;  // nothing to drop or re-encode
        l.fixed_width = l.width;
        l.chars = s.chars;
      }
      out.push_back(std::move(l));
    }
  }
  return out;
}

}  // namespace jianbao::layout
