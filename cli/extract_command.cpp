// jianbao extract: one flat record per metric, for pipelines.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <sstream>
#include <utility>

#include "cli_io.h"
#include "commands.h"
#include "core/byte_names.h"
#include "jianbao/emit.h"
#include "output_options.h"
#include "parse_options.h"
#include "stream_input.h"
#include "stream_lines.h"

namespace jianbao::cli {
namespace {

struct ExtractArgs {
  InputArgs in;
  std::string format = "jsonl";
  std::string kinds;
  OutputOptions out;
  bool stream = false;
  std::string paths_under;  // --stream: "path" records must name a file under this directory
};

// Every field a metric record can have, in record order (the CSV header).
const std::vector<std::string> kColumns = {"schema",
                                           "source_path",
                                           "file",
                                           "masthead_date",
                                           "masthead_issue",
                                           "masthead_total_issue",
                                           "genre",
                                           "document_title",
                                           "section",
                                           "item",
                                           "item_title",
                                           "item_region",
                                           "item_region_code",
                                           "kind",
                                           "text",
                                           "value",
                                           "start",
                                           "end",
                                           "unit",
                                           "comparator",
                                           "change",
                                           "code",
                                           "group",
                                           "year_inferred",
                                           "month",
                                           "day",
                                           "end_month",
                                           "end_day",
                                           "line",
                                           "column",
                                           "sentence",
                                           "rule"};

// The CSV columns: every field but "schema" (one value for a whole file).
std::vector<std::string> csv_columns() { return {kColumns.begin() + 1, kColumns.end()}; }

// Writes the metric records of one bulletin.
template <class Sink>
void write_metrics(const Document& doc, const emit::EmitOptions& emit_options, bool fast,
                   RecordWriter* writer, Sink&& sink) {
  for (const Section& s : doc.sections) {
    for (const Item& i : s.items) {
      for (const Metric& m : i.metrics) {
        // JSON Lines of every field need no tree: the text is written straight.
        sink(fast ? emit::metric_record_text(doc, s, i, m, emit_options) + "\n"
                  : writer->row(emit::metric_record(doc, s, i, m, emit_options)));
      }
    }
  }
}

// JSON Lines manifest in ({"id", "text"|"path"}, as parse --stream reads, with its bounds: line
// length, nesting, --max-bytes, --paths-under), metric records out, flushed per bulletin. A bad
// line is reported on stderr and skipped; the exit code is then 1.
int run_stream(const ExtractArgs& args, const RuleSet& rules, const ParseOptions& options,
               RecordWriter* writer, bool fast) {
  bool failed = false;
  int line_no = 0;
  const emit::EmitOptions emit_options{.explain = args.in.explain};
  const StreamInputLimits limits{to_read_limits(args.in), args.paths_under};
  auto put = [](const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); };
  put(writer->begin());
  LineReader lines(STDIN_FILENO, args.in.max_bytes);
  std::string line;
  bool too_long = false;
  Status read_error;
  while (lines.next(&line, &too_long, &read_error)) {
    ++line_no;
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string raw_id;
    std::string path;
    auto record = too_long ? Result<StreamRecord>(Status::bad_input(
                                 fmt::format("line longer than --max-bytes {}", args.in.max_bytes)))
                           : parse_stream_line(line, &raw_id);
    auto bytes = record.ok() ? stream_input(record.value().value, limits, &path)
                             : Result<std::string>(record.status());
    Result<Document> doc = bytes.ok()
                               ? parse_bulletin(std::move(bytes.value()), path, rules, options)
                               : Result<Document>(bytes.status());
    if (!doc.ok()) {
      failed = true;
      std::cerr << fmt::format("jianbao: <stdin>:{}: {}\n", line_no,
                               core::escape_invalid_utf8(doc.status().to_string()));
      continue;
    }
    write_metrics(doc.value(), emit_options, fast, writer, put);
    if (std::fflush(stdout) != 0) {
      report(Status::io_error("cannot write to stdout"));
      return kExitFailed;
    }
  }
  if (!read_error.ok()) {
    report(read_error);
    return kExitFailed;
  }
  put(writer->end());
  if (std::fflush(stdout) != 0) {
    report(Status::io_error("cannot write to stdout"));
    return kExitFailed;
  }
  return failed ? kExitFailed : kExitOk;
}

int run_extract(ExtractArgs args) {
  if (!args.stream) default_to_stdin(&args.in.inputs);
  if (args.stream != args.in.inputs.empty()) {
    report(Status::invalid_argument(
        args.stream ? "extract --stream reads stdin: it takes no inputs"
                    : "extract: no input (give files, - for stdin, or --stream)"));
    return kExitUsage;
  }
  if (!args.stream && !args.paths_under.empty()) {
    report(Status::invalid_argument("--paths-under is for --stream"));
    return kExitUsage;
  }
  const bool csv = args.format == "csv" || args.format == "csv-excel";
  auto fields = chosen_fields(args.out, csv ? csv_columns() : kColumns);
  if (!fields.ok()) {
    report(fields.status());
    return kExitUsage;
  }
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
  RecordWriter writer(args.format, args.out, fields.value());
  const bool fast = args.format == "jsonl" && args.out.fields.empty();
  if (args.stream) return run_stream(args, *rules, options, &writer, fast);
  // Records are written to the sink as each bulletin is done (memory stays flat over an archive;
  // YAML, one sequence, is written at the end). All or nothing either way.
  const InterruptGuard guard(OnInterrupt::kExit);  // Ctrl-C stops at once, nothing half-written
  const batch::ReadLimits limits = to_read_limits(args.in);
  OutputSink sink(args.in.output);
  sink.append(writer.begin());
  const emit::EmitOptions emit_options{.explain = args.in.explain};
  for (const std::string& path : args.in.inputs) {
    auto bytes = read_input(path, limits);
    if (!bytes.ok()) {
      report(bytes.status());
      return kExitUsage;
    }
    auto doc = parse_bulletin(std::move(bytes.value()), path, *rules, options);
    if (!doc.ok()) {
      report(doc.status());
      return kExitUsage;
    }
    write_metrics(doc.value(), emit_options, fast, &writer,
                  [&sink](const std::string& s) { sink.append(s); });
  }
  sink.append(writer.end());
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
      "-f json is always one array (of every metric of every input); jsonl one record a line.\n"
      "With --stream, reads the JSON Lines manifest parse --stream reads and writes the metric\n"
      "records of each line in turn.\n"
      "Examples:\n  jianbao extract samples/*.txt | jq -r 'select(.kind==\"deadline\") | .value'\n"
      "  jianbao extract -f csv-excel --fields masthead_date,item_region,kind,value a.txt b.txt");
  bind_input_args(cmd, &args->in);
  cmd->get_option("inputs")->required(false);
  cmd->add_option("-f,--format", args->format,
                  "jsonl (default), json (an array), csv, csv-excel (CSV with a BOM) or yaml")
      ->check(CLI::IsMember({"jsonl", "json", "csv", "csv-excel", "yaml"}));
  cmd->add_option("--kinds", args->kinds,
                  "Comma-separated kinds to keep (number adds bare numbers)");
  cmd->add_flag("--stream", args->stream,
                "Read JSON Lines {\"id\", \"text\"|\"path\"} on stdin, as parse --stream does");
  cmd->add_option("--paths-under", args->paths_under,
                  "--stream: refuse \"path\" records outside this directory (after resolving "
                  "symlinks)")
      ->check(CLI::ExistingDirectory);
  bind_output_options(cmd, &args->out);
  cmd->callback([args, &exit_code] { exit_code = run_extract(*args); });
}

}  // namespace jianbao::cli
