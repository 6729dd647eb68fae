#include <string_view>

#include "jianbao/document.h"

namespace jianbao {
namespace {

struct KindName {
  MetricKind kind;
  const char* name;
};

// The output spelling of each kind, as in the gold files.
constexpr KindName kKindNames[] = {
    {MetricKind::kPercentage, "percentage"},
    {MetricKind::kPercentagePoint, "percentage_point"},
    {MetricKind::kCount, "count"},
    {MetricKind::kAmount, "amount"},
    {MetricKind::kDate, "date"},
    {MetricKind::kDateRange, "date_range"},
    {MetricKind::kDeadline, "deadline"},
    {MetricKind::kDuration, "duration"},
    {MetricKind::kYear, "year"},
    {MetricKind::kYearRange, "year_range"},
    {MetricKind::kProvince, "province"},
    {MetricKind::kNumber, "number"},
};

}  // namespace

const char* to_string(MetricKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "unknown";
}

bool parse_metric_kind(std::string_view name, MetricKind* kind) {
  for (const KindName& k : kKindNames) {
    if (name == k.name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

}  // namespace jianbao
