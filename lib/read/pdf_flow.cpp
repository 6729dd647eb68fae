#include "read/pdf_flow.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

using Flow = decode::LineFacts::Flow;

// The text area and line pitch of one page, from its body lines.
struct PageMeasure {
  bool known = false;
  double left = 0, right = 0;
  double pitch = 0;  // the commonest distance between consecutive baselines; 0 when unknown
};

std::vector<PageMeasure> measure_pages(const std::vector<PdfPage>& pages,
                                       const std::vector<decode::LineFacts>& facts) {
  std::vector<PageMeasure> out(pages.size() + 1);
  std::vector<std::map<long, int>> pitches(pages.size() + 1);  // half points -> count
  const decode::LineFacts* prev = nullptr;
  for (const decode::LineFacts& f : facts) {
    if (f.page < 1 || f.page > static_cast<int>(pages.size()) || !f.furniture.empty()) continue;
    PageMeasure& m = out[static_cast<size_t>(f.page)];
    // Centred lines say nothing about the left edge of the text.
    if (!f.centred) {
      m.left = m.known ? std::min(m.left, f.x) : f.x;
      m.right = m.known ? std::max(m.right, f.x + f.width) : f.x + f.width;
      m.known = true;
    }
    if (prev && prev->page == f.page && prev->size == f.size && f.y > prev->y) {
      ++pitches[static_cast<size_t>(f.page)][std::lround((f.y - prev->y) * 2)];
    }
    prev = &f;
  }
  for (size_t p = 1; p < out.size(); ++p) {
    int most = 0;
    for (const auto& [half_points, n] : pitches[p]) {
      if (n > most) {
        most = n;
        out[p].pitch = static_cast<double>(half_points) / 2;
      }
    }
  }
  return out;
}

bool continues(const decode::LineFacts& prev, const decode::LineFacts& f,
               const std::vector<PageMeasure>& pages, const ReadRules& r, double body_points) {
  if (prev.title || f.title || f.centred) return false;
  if (std::abs(prev.size - f.size) > r.flow_size_tolerance) return false;
  const PageMeasure& pm = pages[static_cast<size_t>(prev.page)];
  const PageMeasure& fm = pages[static_cast<size_t>(f.page)];
  if (!pm.known || !fm.known) return false;
  const double prev_points = (prev.size > 0 ? prev.size : 1) * body_points;
  const double points = (f.size > 0 ? f.size : 1) * body_points;
  if (pm.right - (prev.x + prev.width) > r.flow_full_slack * prev_points) return false;
  if (f.x - fm.left >= r.flow_indent * points) return false;
  if (f.page == prev.page) {
    const double pitch = f.y - prev.y;
    return pitch > 0 && (fm.pitch <= 0 || pitch <= r.flow_line_gap * fm.pitch);
  }
  // The last body line of a page runs on to the first of the next.
  return f.page == prev.page + 1;
}

}  // namespace

void mark_pdf_flow(const std::vector<PdfPage>& pages, const ReadRules& rules, double body_points,
                   decode::DecodedText* text) {
  if (body_points <= 0) return;
  std::vector<decode::LineFacts>& facts = text->facts;
  const std::vector<PageMeasure> measures = measure_pages(pages, facts);
  const decode::LineFacts* prev = nullptr;
  for (decode::LineFacts& f : facts) {
    if (f.page < 1 || f.page > static_cast<int>(pages.size()) || !f.furniture.empty()) continue;
    f.flow = prev && continues(*prev, f, measures, rules, body_points) ? Flow::kContinues
                                                                       : Flow::kStarts;
    prev = &f;
  }
}

}  // namespace jianbao::read
