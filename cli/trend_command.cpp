// jianbao trend: series of the same figure across issues, as tables or an HTML report.
#include <fmt/format.h>

#include <sstream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/emit.h"
#include "jianbao/trend.h"
#include "output_options.h"
#include "parse_options.h"
#include "record_inputs.h"

namespace jianbao::cli {
namespace {

struct TrendArgs {
  InputArgs in;
  std::string format = "csv";
  std::string by = "kind,unit,section,region";
  std::string kinds;
  OutputOptions out;
};

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string s; std::getline(in, s, ',');) out.push_back(s);
  return out;
}

std::string csv_line(const std::vector<std::string>& cells) {
  nlohmann::ordered_json record;
  std::vector<std::string> columns;
  for (size_t i = 0; i < cells.size(); ++i) {
    columns.push_back(std::to_string(i));
    record[columns.back()] = cells[i];
  }
  return emit::csv_row(record, columns);
}

// The wide table: keys down, issues across.
std::string wide_csv(const std::vector<trend::Issue>& issues,
                     const std::vector<trend::Series>& series, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (const auto& row : trend::wide_table(issues, series)) out += csv_line(row);
  return out;
}

int run_trend(const TrendArgs& args) {
  auto parts = trend::parse_key_parts(args.by);
  if (!parts.ok()) {
    report(parts.status());
    return kExitUsage;
  }
  const std::vector<std::string> kinds =
      args.kinds.empty() ? trend::default_kinds() : split(args.kinds);
  for (const std::string& k : kinds) {
    MetricKind kind;
    if (!parse_metric_kind(k, &kind)) {
      report(Status::invalid_argument(fmt::format("--kinds: unknown kind '{}'", k)));
      return kExitUsage;
    }
  }
  const bool tidy = args.format != "wide" && args.format != "html";
  auto fields = chosen_fields(args.out, trend::tidy_columns());
  if (!fields.ok()) {
    report(fields.status());
    return kExitUsage;
  }
  if (!tidy && !args.out.fields.empty()) {
    report(Status::invalid_argument("--fields applies to the tidy formats (csv, jsonl, json)"));
    return kExitUsage;
  }
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  auto issues = read_issues(args.in.inputs, *rules, to_parse_options(args.in));
  if (!issues.ok()) {
    report(issues.status());
    return kExitUsage;  // as parse and extract: an input that cannot be read is exit 2
  }
  trend::sort_issues(&issues.value());
  const auto series = trend::build_series(issues.value(), parts.value(), kinds);
  std::string out;
  if (args.format == "wide") {
    out = wide_csv(issues.value(), series, args.out.bom);
  } else if (args.format == "html") {
    out = trend::html_report(issues.value(), series, parts.value(), kinds);
  } else {
    RecordWriter writer(args.format, args.out, fields.value());
    out = writer.begin();
    for (const auto& row : trend::tidy_rows(issues.value(), series)) out += writer.row(row);
    out += writer.end();
  }
  if (Status s = write_output(args.in.output, out); !s.ok()) {
    report(s);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

void add_trend_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TrendArgs>();
  CLI::App* cmd = app.add_subcommand("trend", "Follow each figure across issues");
  cmd->footer(
      "Reads a batch output directory, records (.json, .jsonl, .yaml) or bulletin texts. Issues\n"
      "are ordered by masthead date, then issue number. A key is the metric's kind, unit,\n"
      "section and item region (--by chooses the parts), numbered #2, #3 when an issue has\n"
      "several; one series per key.\n"
      "Examples:\n  jianbao batch archive/ -o out/ && jianbao trend out/ -f html -o report.html\n"
      "  jianbao trend out/ --by kind,unit,region -f wide --bom -o series.csv");
  bind_input_args(cmd, &args->in);
  cmd->get_option("inputs")->description(
      "Batch output directories, record files (.json, .jsonl, .yaml) or bulletin texts");
  cmd->add_option("-f,--format", args->format,
                  "csv (default, one row per key and issue), csv-excel, jsonl, json, wide (keys x "
                  "issues CSV) or html (a self-contained report)")
      ->check(CLI::IsMember({"csv", "csv-excel", "jsonl", "json", "wide", "html"}));
  cmd->add_option("--by", args->by, "Key parts: kind,unit,section,region (default all)");
  cmd->add_option("--kinds", args->kinds,
                  "Metric kinds to follow (default percentage,percentage_point,count,amount,"
                  "duration)");
  bind_output_options(cmd, &args->out);
  cmd->callback([args, &exit_code] { exit_code = run_trend(*args); });
}

}  // namespace jianbao::cli
