#include "read/pdf_lines.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

struct Row {
  std::vector<const TextBox*> boxes;  // left to right
  double baseline = 0;
  double size = 0;  // the largest font size in the row
};

// Boxes whose bottoms lie within the tolerance of a row's baseline join it. Sorted by bottom,
// the boxes of one row are neighbours.
std::vector<Row> group_rows(const PdfPage& page, const ReadRules& rules) {
  std::vector<const TextBox*> boxes;
  for (const TextBox& b : page.boxes) {
    if (!b.text.empty()) boxes.push_back(&b);
  }
  std::stable_sort(boxes.begin(), boxes.end(),
                   [](const TextBox* a, const TextBox* b) { return a->y1 < b->y1; });
  std::vector<Row> rows;
  for (const TextBox* b : boxes) {
    if (!rows.empty()) {
      Row& r = rows.back();
      const double size = std::max(r.size, b->font_size);
      if (std::abs(b->y1 - r.baseline) <= rules.baseline_tolerance * size) {
        r.boxes.push_back(b);
        r.size = size;
        continue;
      }
    }
    rows.push_back({{b}, b->y1, b->font_size});
  }
  for (Row& r : rows) {
    std::stable_sort(r.boxes.begin(), r.boxes.end(),
                     [](const TextBox* a, const TextBox* b) { return a->x0 < b->x0; });
  }
  return rows;
}

// Whether the row runs across x: a box spans it, or the boxes either side of it are closer
// than a column gap (a full-width line whose word gap happens to fall there).
bool crosses(const Row& r, double x, const ReadRules& rules) {
  for (size_t i = 0; i < r.boxes.size(); ++i) {
    const TextBox& b = *r.boxes[i];
    if (b.x0 < x && b.x1 > x) return true;
    if (i > 0 && r.boxes[i - 1]->x1 <= x && b.x0 >= x &&
        b.x0 - r.boxes[i - 1]->x1 < rules.column_gap * r.size) {
      return true;
    }
  }
  return false;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Whether the rows split at x hold column text: the parts either side fill their column (the
// median part at least column_min_fill of the width from the page's text edge to x). A table's
// short cells ("安徽", "1203", "71.9%") leave the band white too, but are read by rows.
bool columns_filled(const std::vector<Row>& rows, double x, const ReadRules& rules) {
  double left_edge = x, right_edge = x;
  for (const Row& r : rows) {
    left_edge = std::min(left_edge, r.boxes.front()->x0);
    right_edge = std::max(right_edge, r.boxes.back()->x1);
  }
  std::vector<double> left_fill, right_fill;
  for (const Row& r : rows) {
    if (crosses(r, x, rules)) continue;
    const TextBox *l0 = nullptr, *l1 = nullptr, *r0 = nullptr, *r1 = nullptr;
    for (const TextBox* b : r.boxes) {
      if (b->x1 <= x) {
        if (!l0) l0 = b;
        l1 = b;
      } else {
        if (!r0) r0 = b;
        r1 = b;
      }
    }
    if (!l0 || !r0) continue;  // a row on one side only says nothing of the other's width
    left_fill.push_back((l1->x1 - l0->x0) / std::max(1.0, x - left_edge));
    right_fill.push_back((r1->x1 - r0->x0) / std::max(1.0, right_edge - x));
  }
  return !left_fill.empty() && median(left_fill) >= rules.column_min_fill &&
         median(right_fill) >= rules.column_min_fill;
}

// The x of a white band splitting at least column_min_lines rows into columns of text, or a
// negative value. A row is split at x when the gap around x between two of its boxes is at
// least column_gap sizes wide.
double find_column_split(const std::vector<Row>& rows, const PdfPage& page,
                         const ReadRules& rules) {
  const double band_from = page.width * (1 - rules.column_band) / 2;
  const double band_to = page.width - band_from;
  // Rounded to whole points: at most one candidate per point of the band, however many boxes.
  std::set<long> candidates;
  for (const Row& r : rows) {
    for (size_t i = 1; i < r.boxes.size(); ++i) {
      const double left = r.boxes[i - 1]->x1, right = r.boxes[i]->x0;
      const double mid = (left + right) / 2;
      if (right - left >= rules.column_gap * r.size && mid >= band_from && mid <= band_to) {
        candidates.insert(std::lround(mid));
      }
    }
  }
  double best = -1;
  int best_count = 0;
  for (long at : candidates) {
    const double x = static_cast<double>(at);
    int count = 0;
    for (const Row& r : rows) {
      for (size_t i = 1; i < r.boxes.size(); ++i) {
        const double left = r.boxes[i - 1]->x1, right = r.boxes[i]->x0;
        if (left < x && right > x && right - left >= rules.column_gap * r.size) ++count;
      }
    }
    if (count > best_count) {
      best_count = count;
      best = x;
    }
  }
  if (best_count < rules.column_min_lines || !columns_filled(rows, best, rules)) return -1;
  return best;
}

ReadLine make_line(const std::vector<const TextBox*>& boxes, double size, int page_number,
                   const ReadRules& rules) {
  ReadLine line;
  line.font_size = size;
  line.facts.page = page_number;
  line.facts.x = boxes.front()->x0;
  line.facts.y = boxes.front()->y1;
  line.facts.width = boxes.back()->x1 - boxes.front()->x0;
  bool bold = true;
  for (size_t i = 0; i < boxes.size(); ++i) {
    const TextBox& b = *boxes[i];
    if (i > 0) {
      const TextBox& prev = *boxes[i - 1];
      if (prev.space_after || b.x0 - prev.x1 >= rules.space_gap * size) line.text += ' ';
    }
    line.text += b.text;
    bold = bold && b.bold;
  }
  line.facts.bold = bold;
  return line;
}

// A row's boxes as lines: a gap of block_gap sizes or more parts two lines, as pdftotext parts
// two blocks ("signature one      signature two", "issuing office      date 印发").
// A row in the top or bottom zone of the page stays one line: "—   1   —" spaced out is one
// page number.
void add_row(const std::vector<const TextBox*>& boxes, double size, int page_number,
             const PdfPage& page, const ReadRules& rules, std::vector<ReadLine>* out) {
  const double mid = boxes.front()->y1 - size / 2;
  const bool furniture_zone = mid <= rules.furniture_top_zone * page.height ||
                              mid >= (1 - rules.furniture_bottom_zone) * page.height;
  size_t from = 0;
  for (size_t i = 1; i <= boxes.size(); ++i) {
    if (i < boxes.size() &&
        (furniture_zone || boxes[i]->x0 - boxes[i - 1]->x1 < rules.block_gap * size)) {
      continue;
    }
    out->push_back(
        make_line({boxes.begin() + static_cast<long>(from), boxes.begin() + static_cast<long>(i)},
                  size, page_number, rules));
    from = i;
  }
}

}  // namespace

std::vector<ReadLine> page_lines(const PdfPage& page, int page_number, const ReadRules& rules) {
  const std::vector<Row> rows = group_rows(page, rules);
  const double split = find_column_split(rows, page, rules);
  std::vector<ReadLine> out;
  if (split < 0) {
    for (const Row& r : rows) add_row(r.boxes, r.size, page_number, page, rules, &out);
    return out;
  }
  // Runs of rows that do not cross the band: their left parts, then their right parts.
  size_t i = 0;
  while (i < rows.size()) {
    if (crosses(rows[i], split, rules)) {
      add_row(rows[i].boxes, rows[i].size, page_number, page, rules, &out);
      ++i;
      continue;
    }
    size_t end = i;
    while (end < rows.size() && !crosses(rows[end], split, rules)) ++end;
    std::vector<ReadLine> right;
    for (size_t k = i; k < end; ++k) {
      std::vector<const TextBox*> l, rt;
      for (const TextBox* b : rows[k].boxes) (b->x1 <= split ? l : rt).push_back(b);
      if (!l.empty()) add_row(l, rows[k].size, page_number, page, rules, &out);
      if (!rt.empty()) add_row(rt, rows[k].size, page_number, page, rules, &right);
    }
    for (ReadLine& l : right) out.push_back(std::move(l));
    i = end;
  }
  return out;
}

}  // namespace jianbao::read
