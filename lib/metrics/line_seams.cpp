#include "metrics/line_seams.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>

#include "core/utf8.h"
#include "core/utf8_fast.h"

namespace jianbao::metrics {
namespace {

// Byte offset of code point `cp` in `s` (s.size() past the end).
size_t byte_at(const std::string& s, int cp) {
  size_t pos = 0;
  for (int i = 0; i < cp && pos < s.size(); ++i) core::next_code_point(s, &pos);
  return pos;
}

char32_t last_code_point(const std::string& s) {
  size_t p = s.size();
  while (p > 0 && (static_cast<unsigned char>(s[p - 1]) & 0xC0) == 0x80) --p;
  if (p > 0) --p;
  return core::next_code_point(s, &p);
}

char32_t first_code_point(const std::string& s) {
  size_t p = 0;
  return core::next_code_point(s, &p);
}

// Display widths by the first two bytes of a three-byte sequence (lead byte E0..EF, then a
// continuation byte): the width all 64 characters they begin share, 0 where those differ or the
// lead starts no character of U+1000..U+FFFF but the surrogates (such a lead is decoded).
struct BlockWidths {
  std::array<uint8_t, 16 * 64> width{};
  explicit BlockWidths(const std::bitset<0x10000>& wide) {
    for (unsigned lead = 1; lead < 16; ++lead) {
      if (lead == 0xD) continue;  // ED: the surrogates and their neighbours
      for (unsigned b1 = 0; b1 < 64; ++b1) {
        const char32_t first = (char32_t{lead} << 12) | (char32_t{b1} << 6);
        const bool w = wide[first];
        bool same = true;
        for (char32_t c = first; c < first + 64; ++c) same = same && wide[c] == w;
        if (same) width[lead << 6 | b1] = w ? 2 : 1;
      }
    }
  }
};

// core::display_width of a line, with ASCII and the well-formed three-byte sequences (all of
// Han) read without next_code_point's general checks: every line of a bulletin is measured.
int seam_line_width(std::string_view s, const std::bitset<0x10000>& wide) {
  static const BlockWidths blocks(core::bmp_wide_table());
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const size_t size = s.size();
  int w = 0;
  size_t pos = 0;
  while (pos < size) {
    const unsigned char b0 = u[pos];
    if (b0 < 0x80) {
      ++w;
      ++pos;
      continue;
    }
    // A lead byte E0..EF, then two continuation bytes (each less 0x80 is below 0x40).
    if ((b0 & 0xF0) == 0xE0 && pos + 2 < size &&
        ((u[pos + 1] ^ 0x80) | (u[pos + 2] ^ 0x80)) < 0x40) {
      if (const uint8_t shared = blocks.width[(b0 & 0x0Fu) << 6 | (u[pos + 1] & 0x3Fu)]) {
        w += shared;
        pos += 3;
        continue;
      }
    }
    w += core::display_width(core::next_code_point(s, &pos), wide);
  }
  return w;
}

}  // namespace

int long_line_width(const std::vector<layout::Block>& blocks, double rank) {
  std::vector<int> widths;
  size_t lines = 0;
  for (const layout::Block& b : blocks) lines += b.lines.size();
  widths.reserve(lines);
  const std::bitset<0x10000>& wide = core::bmp_wide_table();
  for (const layout::Block& b : blocks) {
    for (const layout::BlockLine& l : b.lines)
      widths.push_back(seam_line_width(b.line_text(l), wide));
  }
  if (widths.empty()) return 0;
  const auto k = static_cast<size_t>(rank * static_cast<double>(widths.size() - 1));
  std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(k), widths.end());
  return widths[k];
}

std::optional<LineSeam> seam_below(const std::vector<layout::Block>& blocks, size_t b,
                                   const SeamTouch& touch_up, const SeamTouch& touch_down,
                                   int long_width, const RuleSet& rules) {
  const LineSeamRules& r = rules.tables.line_seam;
  if (b + 1 >= blocks.size() || r.reach_chars <= 0) return std::nullopt;
  auto figure_char = [&](char32_t c) {
    return r.figure_chars.find(core::normalize_width(c)) != std::u32string::npos;
  };
  const layout::Block& up = blocks[b];
  const layout::Block& down = blocks[b + 1];
  if (up.text.empty() || down.text.empty() || up.lines.empty() || down.lines.empty()) return {};
  if (down.first_line() != up.last_line() + 1) return {};
  // The cheap test first: the width is a walk over the line.
  if (!touch_up.at_end && !touch_down.at_start && !figure_char(last_code_point(up.text)) &&
      !figure_char(first_code_point(down.text))) {
    return {};
  }
  if (seam_line_width(up.line_text(up.lines.back()), core::bmp_wide_table()) <
      r.min_line_share * long_width) {
    return {};
  }
  LineSeam s;
  s.upper = b;
  const int up_len = static_cast<int>(core::count_code_points(up.text));
  s.tail_from = std::max(0, up_len - r.reach_chars);
  s.at = up_len - s.tail_from;
  const size_t head_bytes = byte_at(down.text, r.reach_chars);
  s.window.shape = up.shape;
  const std::string_view up_tail = std::string_view(up.text).substr(byte_at(up.text, s.tail_from));
  s.window.add_line(up.last_line(), up_tail);
  s.window.add_line(down.first_line(), std::string_view(down.text).substr(0, head_bytes));
  // The upper block's pieces from the window's start (the one it starts inside, cut there).
  auto first = std::upper_bound(up.pieces.begin(), up.pieces.end(), s.tail_from,
                                [](int off, const layout::Piece& p) { return off < p.offset; });
  if (first != up.pieces.begin()) {
    const layout::Piece& p = *std::prev(first);
    s.window.pieces.push_back({0, p.line, p.column + (s.tail_from - p.offset)});
  }
  for (auto it = first; it != up.pieces.end(); ++it) {
    s.window.pieces.push_back({it->offset - s.tail_from, it->line, it->column});
  }
  for (const layout::Piece& p : down.pieces) {
    if (p.offset >= r.reach_chars) break;
    s.window.pieces.push_back({p.offset + s.at, p.line, p.column});
  }
  return s;
}

std::vector<LineSeam> find_line_seams(const std::vector<layout::Block>& blocks,
                                      const std::vector<SeamTouch>& touching,
                                      const RuleSet& rules) {
  std::vector<LineSeam> out;
  const int long_width = long_line_width(blocks, rules.tables.line_seam.long_line_rank);
  for (size_t b = 0; b + 1 < blocks.size(); ++b) {
    auto s = seam_below(blocks, b, touching[b], touching[b + 1], long_width, rules);
    if (s) out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace jianbao::metrics
