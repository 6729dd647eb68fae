// The checks jianbao implements: their stable ids and the parameters each one reads. Severities,
// summaries and parameter values come from rules/check/checks.yaml (see config.cpp), which must
// configure every id below and no other.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace jianbao::check {

namespace ids {
inline constexpr std::string_view kPercentRange = "percent-range";
inline constexpr std::string_view kDateInvalid = "date-invalid";
inline constexpr std::string_view kDeadlineBeforeDate = "deadline-before-date";
inline constexpr std::string_view kYearFar = "year-far";
inline constexpr std::string_view kRegionMissing = "region-missing";
inline constexpr std::string_view kItemNoBody = "item-no-body";
inline constexpr std::string_view kSectionEmpty = "section-empty";
inline constexpr std::string_view kUnclaimedText = "unclaimed-text";
inline constexpr std::string_view kDuplicateItem = "duplicate-item";
inline constexpr std::string_view kUntitledBulk = "untitled-bulk";
inline constexpr std::string_view kDistributionInText = "distribution-in-text";
inline constexpr std::string_view kHeadingInItem = "heading-in-item";
inline constexpr std::string_view kIssueSkipped = "issue-skipped";
inline constexpr std::string_view kIssueRepeated = "issue-repeated";
inline constexpr std::string_view kDateBackwards = "date-backwards";
inline constexpr std::string_view kRecordSchema = "record-schema";
inline constexpr std::string_view kRecordStale = "record-stale";
inline constexpr std::string_view kRecordMismatch = "record-mismatch";
inline constexpr std::string_view kExpectSection = "expect-section";
inline constexpr std::string_view kExpectItems = "expect-items";
inline constexpr std::string_view kExpectProvince = "expect-province";
inline constexpr std::string_view kExpectMetric = "expect-metric";
inline constexpr std::string_view kInputUnreadable = "input-unreadable";
}  // namespace ids

struct CatalogEntry {
  std::string_view id;
  std::vector<std::string_view> params;  // numeric parameters the check reads
};

// Every check, in the order `check --list-checks` shows them.
std::span<const CatalogEntry> catalog();

}  // namespace jianbao::check
