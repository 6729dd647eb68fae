#include "trend/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "trend/html_escape.h"

namespace jianbao::trend {
namespace {

// The chart's size in CSS pixels, and the margins that leave room for the axis labels.
constexpr double kWidth = 360;
constexpr double kHeight = 140;
constexpr double kLeft = 48;
constexpr double kRight = 12;
constexpr double kTop = 12;
constexpr double kBottom = 28;

std::optional<double> number(const Json& v) {
  if (v.is_number()) return v.get<double>();
  return std::nullopt;
}

std::string label(double v) { return fmt::format("{:g}", v); }

}  // namespace

std::string svg_chart(const Series& series, const std::vector<Issue>& issues) {
  double lo = 0;
  double hi = 0;
  bool any = false;
  for (const SeriesPoint& p : series.points) {
    if (auto v = number(p.metric.value)) {
      lo = any ? std::min(lo, *v) : *v;
      hi = any ? std::max(hi, *v) : *v;
      any = true;
    }
  }
  if (hi == lo) {  // a flat series gets a band around its value
    lo -= 1;
    hi += 1;
  }
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  const size_t slots = std::max<size_t>(issues.size(), 2) - 1;
  auto x = [&](size_t i) { return kLeft + plot_w * static_cast<double>(i) / slots; };
  auto y = [&](double v) { return kTop + plot_h * (hi - v) / (hi - lo); };

  std::string out = fmt::format(
      "<svg class=\"series-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" "
      "height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" data-key=\"{}\" data-points=\"{}\">"
      "<title>{}</title>",
      kWidth, kHeight, kWidth, kHeight, html_escape(series.key), series.points.size(),
      html_escape(series.key));
  out += fmt::format(
      "<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#999\"/>"
      "<line class=\"axis\" x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{1}\" stroke=\"#999\"/>",
      kLeft, kTop + plot_h, kLeft + plot_w, kTop);
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>"
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
      kLeft - 4, kTop + 4, label(hi), kLeft - 4, kTop + plot_h, label(lo));
  if (!issues.empty()) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>"
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
        kLeft, kHeight - 8, html_escape(issues.front().label()), kLeft + plot_w, kHeight - 8,
        html_escape(issues.back().label()));
  }
  // The line joins consecutive issues only: a missing month breaks it.
  std::string path;
  size_t last = static_cast<size_t>(-1);
  for (const SeriesPoint& p : series.points) {
    auto v = number(p.metric.value);
    if (!v) continue;
    path += fmt::format("{}{:.1f},{:.1f} ", last + 1 == p.issue && !path.empty() ? "L" : "M",
                        x(p.issue), y(*v));
    last = p.issue;
  }
  if (!path.empty()) {
    out += fmt::format(
        "<path class=\"series-line\" d=\"{}\" fill=\"none\" stroke=\"#1f77b4\" "
        "stroke-width=\"2\"/>",
        path);
  }
  for (const SeriesPoint& p : series.points) {
    auto v = number(p.metric.value);
    if (!v) continue;
    out += fmt::format(
        "<circle class=\"series-point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#1f77b4\">"
        "<title>{}: {}</title></circle>",
        x(p.issue), y(*v), html_escape(issues[p.issue].label()), label(*v));
  }
  return out + "</svg>";
}

}  // namespace jianbao::trend
