// The families of checks, one file each, and the context they share. Internal to lib/check/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jianbao/check.h"
#include "jianbao/document.h"
#include "ruleset/rule_set.h"

namespace jianbao::check {

struct Context {
  const RuleSet& rules;
  const CheckConfig& config;
  const Expectations* expect;  // may be null
  std::vector<Finding>* out;

  bool enabled(std::string_view id) const { return config.enabled(id); }
  // Appends a finding for check `id` at its configured severity; nothing when the check is off.
  void add(std::string_view id, const std::string& file, int line, int column,
           std::string message) const;
};

// document_checks.cpp: percent-range, date-invalid, deadline-before-date, year-far.
void check_figures(const Document& doc, const Context& ctx);
// structure_checks.cpp: region-missing, item-no-body, section-empty, unclaimed-text,
// duplicate-item.
void check_structure(const Document& doc, const Context& ctx);
// official_checks.cpp: document-no-number, document-no-date, document-dated-after-imprint.
void check_official(const Document& doc, const Context& ctx);
// expect_checks.cpp: expect-section, expect-items, expect-province, expect-metric.
// REQUIRES: ctx.expect is not null.
void check_expectations(const Document& doc, const Context& ctx);
// series_checks.cpp: issue-skipped, issue-repeated, date-backwards.
void check_issue_series(const std::vector<const Document*>& docs, const Context& ctx);

// The text of an item: its paragraphs, then its points (marker, heading and text), nested.
std::string item_body(const Item& item);
// Spaces (ASCII and U+3000) removed and full-width ASCII folded: how titles are compared.
std::string compact(std::string_view text);

}  // namespace jianbao::check
