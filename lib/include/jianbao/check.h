// Checks: the gate that keeps a bad bulletin, or a stale record made from one, out of a
// repository. Each check has a stable id ("percent-range"), a default severity and parameters,
// all read from rules/check/checks.yaml; an expectations file (YAML) adds what one publication
// promises and may turn checks off or make them errors. A check never fails: it yields Findings
// located at FILE:LINE:COL, like a compiler's diagnostics.
//
//   auto rules = jianbao::load_rules({});
//   auto config = jianbao::check::load_check_config({});
//   jianbao::check::Checker checker(*rules.value(), config.value(), nullptr);
//   auto doc = jianbao::parse_bulletin(bytes, "a.txt", *rules.value(), {});
//   for (const auto& f : checker.check_document(doc.value())) std::cout << format_text(f) << "\n";
//
// The families of checks live in lib/check/: document_checks.cpp (figures and dates),
// structure_checks.cpp (items, sections, unclaimed text), series_checks.cpp (issue numbers and
// dates across a directory), expect_checks.cpp (expectations) and record_checks.cpp (records
// written by parse/batch).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/document.h"
#include "jianbao/ruleset.h"
#include "jianbao/status.h"

namespace jianbao::check {

enum class Severity { kOff, kWarning, kError };

// "off" | "warning" | "error".
const char* to_string(Severity severity);
// Parses the spelling of to_string(). Returns false for anything else.
bool parse_severity(std::string_view name, Severity* severity);

// One diagnostic. line and column are 1-based (columns in code points); 0 when the finding is
// about the whole file.
struct Finding {
  std::string file;
  int line = 0;
  int column = 0;
  Severity severity = Severity::kError;
  std::string check_id;
  std::string message;
};

// One check as configured: its id, what it finds, its severity and its numeric parameters
// (thresholds such as year-far's max_years), with where the configuration was read.
struct CheckSpec {
  std::string id;
  std::string summary;
  Severity severity = Severity::kError;
  std::map<std::string, double> params;
  std::string file;  // relative rules path, "check/checks.yaml"
  int line = 0;
};

// The catalogue of checks in force. Every check jianbao knows is configured exactly once.
class CheckConfig {
 public:
  std::vector<CheckSpec> checks;  // in catalogue order

  // REQUIRES: `id` is a known check id (asserted).
  const CheckSpec& spec(std::string_view id) const;
  Severity severity(std::string_view id) const { return spec(id).severity; }
  bool enabled(std::string_view id) const { return severity(id) != Severity::kOff; }
  // REQUIRES: the check declares `name` (the loader guarantees it is present).
  double param(std::string_view id, const std::string& name) const;
  CheckSpec* find(std::string_view id);
};

// Reads check/checks.yaml from the built-in rules, or from options.override_dir when it holds
// one. Fails with kBadRules and FILE:LINE:COL on an unknown or missing check, an unknown or
// missing parameter, or a bad severity.
Result<CheckConfig> load_check_config(const RulesOptions& options);
// The same from text; `file` names it in errors.
Result<CheckConfig> parse_check_config(const std::string& file, const std::string& text);

// What one publication promises, from an expectations file.
struct Expectations {
  struct Section {
    std::string title;  // compared with Section::title, spaces ignored
    int min_items = 0;
    int line = 0;  // where it is required, in the expectations file
  };
  struct MetricNeed {
    MetricKind kind = MetricKind::kNumber;
    std::string unit;  // empty: any unit
    int min_count = 1;
    int line = 0;
  };
  struct Province {
    std::string name;  // canonical
    std::string code;  // GB/T 2260, "340000"
    int line = 0;
  };
  std::string file;
  std::vector<Section> sections;
  int min_items = 0;
  int min_items_line = 0;
  std::vector<Province> allowed_provinces;  // empty: any
  std::vector<Province> required_provinces;
  std::vector<MetricNeed> metrics;
  std::vector<std::pair<std::string, Severity>> severities;  // check id -> severity
};

// Parses an expectations file. Fails with kBadRules and FILE:LINE:COL on a YAML error, an
// unknown key, an unknown check id, metric kind or province, or a value of the wrong type.
// `config` supplies the check ids; `rules` the gazetteer for province names.
Result<Expectations> parse_expectations(const std::string& file, const std::string& text,
                                        const CheckConfig& config, const RuleSet& rules);

// Reads the bulletin a record names: the bytes, or nullopt when the file is not at hand.
using SourceReader = std::function<std::optional<std::string>(const std::string& path)>;

// Runs the checks. Holds references: `rules` and `expect` must outlive the Checker.
class Checker {
 public:
  // `expect` may be null. Its severities override `config`.
  Checker(const RuleSet& rules, CheckConfig config, const Expectations* expect);

  // Findings for one parsed bulletin, in line order; the file is doc.source.path.
  std::vector<Finding> check_document(const Document& doc) const;

  // Findings across bulletins of one series: documents are grouped by the directory of
  // source.path and the masthead title; within a group issue numbers must run without gaps or
  // repeats and masthead dates must not go backwards. Documents without a masthead issue are
  // left out.
  std::vector<Finding> check_series(const std::vector<const Document*>& docs) const;

  // Findings for the records in one file written by parse or batch: JSON (one object or an array),
  // JSON Lines or YAML (one document each). Each record must have the shape of its schema; a
  // bulletin record whose source `read_source` can supply must also equal what parsing that
  // source gives now. Findings point into `file`.
  std::vector<Finding> check_records(const std::string& file, const std::string& text,
                                     const SourceReader& read_source) const;

  // A finding for an input that could not be read or decoded (check id input-unreadable), or
  // nullopt when that check is off.
  std::optional<Finding> unreadable(const Status& status, const std::string& file) const;

  const CheckConfig& config() const { return config_; }

 private:
  const RuleSet& rules_;
  CheckConfig config_;
  const Expectations* expect_;
};

// Orders findings by file, line, column and check id.
void sort_findings(std::vector<Finding>* findings);

// "FILE:LINE:COL: error: message [check-id]" (LINE and COL left out when 0).
std::string format_text(const Finding& f);
// A GitHub Actions workflow command: "::error file=F,line=L,col=C,title=check-id::message".
std::string format_github(const Finding& f);
// One JSON object on one line: {"file","line","column","severity","check_id","message"}.
std::string format_json(const Finding& f);

}  // namespace jianbao::check
