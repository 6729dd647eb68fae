// jianbao extract: one flat record per metric, for pipelines.
#include <fmt/format.h>

#include <sstream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/emit.h"
#include "parse_options.h"

namespace jianbao::cli {
namespace {

struct ExtractArgs {
  InputArgs in;
  std::string format = "jsonl";
  std::string kinds;
};

const std::vector<std::string> kCsvColumns = {
    "file",          "section", "item",   "item_title", "kind",   "text", "value",
    "start",         "end",     "unit",   "comparator", "change", "code", "group",
    "year_inferred", "line",    "column", "sentence",   "rule"};

int run_extract(ExtractArgs args) {
  default_to_stdin(&args.in.inputs);
  if (args.in.inputs.empty()) {
    report(Status::invalid_argument("extract: no input (give files, or - for stdin)"));
    return kExitUsage;
  }
  const InterruptGuard guard(OnInterrupt::kExit);  // Ctrl-C stops at once, nothing half-written
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  ParseOptions options = to_parse_options(args.in);
  std::stringstream kinds(args.kinds);
  for (std::string k; std::getline(kinds, k, ',');) {
    MetricKind kind;
    if (!parse_metric_kind(k, &kind)) {
      report(Status::invalid_argument(fmt::format("--kinds: unknown kind '{}'", k)));
      return kExitUsage;
    }
    options.metrics.kinds.push_back(kind);
  }
  emit::Format format;
  emit::parse_format(args.format, &format);
  // JSON Lines and CSV rows are written as each bulletin is done (memory stays flat over an
  // archive); YAML, one sequence, is written at the end. All or nothing either way.
  const batch::ReadLimits limits = to_read_limits(args.in);
  OutputSink sink(args.in.output);
  std::vector<nlohmann::ordered_json> yaml_records;
  if (format == emit::Format::kCsv) sink.append(emit::csv_header(kCsvColumns));
  for (const std::string& path : args.in.inputs) {
    auto bytes = read_input(path, limits);
    if (!bytes.ok()) {
      report(bytes.status());
      return kExitUsage;
    }
    auto doc = parse_bulletin(bytes.value(), path, *rules, options);
    if (!doc.ok()) {
      report(doc.status());
      return kExitUsage;
    }
    for (const Section& s : doc.value().sections) {
      for (const Item& i : s.items) {
        for (const Metric& m : i.metrics) {
          const emit::EmitOptions emit_options{.explain = args.in.explain};
          if (format == emit::Format::kCsv) {
            sink.append(emit::csv_row(emit::metric_record(doc.value(), s, i, m, emit_options),
                                      kCsvColumns));
          } else if (format == emit::Format::kYaml) {
            yaml_records.push_back(emit::metric_record(doc.value(), s, i, m, emit_options));
          } else {
            sink.append(emit::metric_record_text(doc.value(), s, i, m, emit_options) + "\n");
          }
        }
      }
    }
  }
  if (format == emit::Format::kYaml)
    sink.append(emit::to_yaml(nlohmann::ordered_json(yaml_records)));
  if (Status s = sink.commit(); !s.ok()) {
    report(s);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Emit every metric as a flat record");
  cmd->footer(
      "Example:\n  jianbao extract samples/*.txt | jq -r 'select(.kind==\"deadline\") | .value'");
  bind_input_args(cmd, &args->in);
  cmd->add_option("-f,--format", args->format, "jsonl (default), csv or yaml")
      ->check(CLI::IsMember({"jsonl", "csv", "yaml"}));
  cmd->add_option("--kinds", args->kinds,
                  "Comma-separated kinds to keep (number adds bare numbers)");
  cmd->callback([args, &exit_code] { exit_code = run_extract(*args); });
}

}  // namespace jianbao::cli
