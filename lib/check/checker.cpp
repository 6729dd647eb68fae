// The Checker: runs each family of checks over a document, a series or a records file.
#include <fmt/format.h>

#include "check/catalog.h"
#include "check/families.h"

namespace jianbao::check {

void Context::add(std::string_view id, const std::string& file, int line, int column,
                  std::string message) const {
  const Severity severity = config.severity(id);
  if (severity == Severity::kOff) return;
  out->push_back({file, line, column, severity, std::string(id), std::move(message)});
}

Checker::Checker(const RuleSet& rules, CheckConfig config, const Expectations* expect)
    : rules_(rules), config_(std::move(config)), expect_(expect) {
  if (!expect_) return;
  for (const auto& [id, severity] : expect_->severities) {
    if (CheckSpec* spec = config_.find(id)) spec->severity = severity;
  }
}

std::vector<Finding> Checker::check_document(const Document& doc) const {
  std::vector<Finding> out;
  const Context ctx{rules_, config_, expect_, &out};
  check_figures(doc, ctx);
  check_structure(doc, ctx);
  check_official(doc, ctx);
  if (expect_) check_expectations(doc, ctx);
  sort_findings(&out);
  return out;
}

std::vector<Finding> Checker::check_series(const std::vector<const Document*>& docs) const {
  std::vector<Finding> out;
  const Context ctx{rules_, config_, expect_, &out};
  check_issue_series(docs, ctx);
  sort_findings(&out);
  return out;
}

std::optional<Finding> Checker::unreadable(const Status& status, const std::string& file) const {
  std::vector<Finding> out;
  const Context ctx{rules_, config_, expect_, &out};
  const SourceLocation& w = status.where();
  std::string message = status.message();
  if (w.byte_offset >= 0) message += fmt::format(" (at byte {})", w.byte_offset);
  ctx.add(ids::kInputUnreadable, file, w.line, w.column, std::move(message));
  if (out.empty()) return std::nullopt;
  return out.front();
}

}  // namespace jianbao::check
