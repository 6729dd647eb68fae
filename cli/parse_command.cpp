// jianbao parse: bulletins in, structured records out.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/batch.h"
#include "jianbao/emit.h"
#include "parse_options.h"
#include "stream_input.h"

namespace jianbao::cli {
namespace {

struct ParseArgs {
  InputArgs in;
  std::string format = "yaml";
  bool strict = false;
  bool stream = false;
  bool format_given = false;  // --stream always writes JSON Lines; it accepts -f jsonl only
};

using Json = nlohmann::ordered_json;

// One output line for one input line: the bulletin record with the input's "id" after "schema",
// or an error record {"schema", "id", "input_line", "error"} that keeps the lines in step.
std::string stream_record(const std::string& line, int line_no, const RuleSet& rules,
                          const ParseOptions& options, bool explain, bool* failed) {
  const Json record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  const Json id = record.is_object() && record.contains("id") ? record["id"] : Json(nullptr);
  std::string path;
  Status error;
  if (record.is_discarded()) {
    error = Status::bad_input("not a JSON object on one line");
  } else if (auto bytes = stream_input(record, &path); !bytes.ok()) {
    error = bytes.status();
  } else if (auto doc = parse_bulletin(bytes.value(), path, rules, options); !doc.ok()) {
    error = doc.status();
  } else {
    // The record's text with "id" spliced in after its first field, "schema".
    const std::string text = emit::document_json_text(doc.value(), {.explain = explain}, -1);
    const size_t schema_end = Json::object({{"schema", doc.value().schema}}).dump().size() - 1;
    return text.substr(0, schema_end) + ",\"id\":" + id.dump() + text.substr(schema_end) + "\n";
  }
  *failed = true;
  std::cerr << fmt::format("jianbao: <stdin>:{}: {}\n", line_no, error.to_string());
  Json out;
  out["schema"] = "jianbao.stream_error/1";
  out["id"] = id;
  out["input_line"] = line_no;
  out["error"] = error.to_string();
  return out.dump() + "\n";
}

// JSON Lines in, JSON Lines out, one record per non-blank line, in order, flushed per record: a
// Hadoop Streaming mapper or a Spark rdd.pipe() stage. Rules are loaded once for the stream.
int run_stream(const ParseArgs& args, const RuleSet& rules) {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  const ParseOptions options = to_parse_options(args.in);
  bool failed = false;
  int line_no = 0;
  for (std::string line; std::getline(std::cin, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string out = stream_record(line, line_no, rules, options, args.in.explain, &failed);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (std::fflush(stdout) != 0) {
      report(Status::io_error("cannot write to stdout"));
      return kExitFailed;
    }
  }
  return failed ? kExitFailed : kExitOk;
}

int run_parse(const ParseArgs& args) {
  if (args.stream && (!args.in.inputs.empty() || (args.format_given && args.format != "jsonl") ||
                      args.in.output != "-")) {
    report(Status::invalid_argument(
        "--stream reads stdin and writes JSON Lines to stdout: it takes no inputs, -o or --format "
        "other than jsonl"));
    return kExitUsage;
  }
  if (!args.stream && args.in.inputs.empty()) {
    report(Status::invalid_argument("parse: no input (give files, - for stdin, or --stream)"));
    return kExitUsage;
  }
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  if (args.stream) return run_stream(args, *rules);
  emit::Format format;
  emit::parse_format(args.format, &format);
  const ParseOptions options = to_parse_options(args.in);
  bool unclaimed = false;
  // All or nothing: a bad input means no output at all. Each record is written to the sink as
  // soon as it is made, so memory holds one bulletin at a time.
  const InterruptGuard guard;  // Ctrl-C stops between bulletins, and the sink is removed
  OutputSink sink(args.in.output);
  emit::DocumentStream stream(format, args.in.inputs.size());
  for (const std::string& path : args.in.inputs) {
    if (guard.flag()) return kExitInterrupted;
    auto bytes = read_input(path);
    if (!bytes.ok()) {
      report(bytes.status());
      return kExitUsage;
    }
    auto doc = parse_bulletin(bytes.value(), path, *rules, options);
    if (!doc.ok()) {
      report(doc.status());
      return kExitUsage;
    }
    for (const Unclaimed& u : doc.value().unclaimed) {
      unclaimed = true;
      if (args.strict)
        std::cerr << fmt::format("jianbao: {}:{}: unclaimed text: {}\n", path, u.line, u.text);
    }
    sink.append(stream.next(doc.value(), {.explain = args.in.explain}));
  }
  sink.append(stream.finish());
  if (guard.flag()) return kExitInterrupted;
  if (Status s = sink.commit(); !s.ok()) {
    report(s);
    return kExitFailed;
  }
  return args.strict && unclaimed ? kExitFailed : kExitOk;
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand("parse", "Parse bulletins into structured records");
  cmd->footer(
      "With --stream, reads JSON Lines {\"id\": ..., \"text\": ...} or {\"id\": ..., \"path\": "
      "...}\n"
      "on stdin and writes one JSON record per line, in order, each with the input's id; a bad\n"
      "line gives a jianbao.stream_error/1 record, a message on stderr and exit code 1.\n"
      "Examples:\n  jianbao parse --format json samples/01_wrapped_pdf.txt | jq "
      "'.sections[].title'\n"
      "  jq -cn --arg p samples/01_wrapped_pdf.txt '{id: 1, path: $p}' | jianbao parse --stream");
  bind_input_args(cmd, &args->in);
  // --stream takes its inputs from stdin; run_parse checks that the others have some.
  cmd->get_option("inputs")->required(false);
  cmd->add_option("-f,--format", args->format, "yaml (default), json or jsonl")
      ->check(CLI::IsMember({"yaml", "json", "jsonl"}));
  cmd->add_flag("--strict", args->strict, "Exit 1 when any line is left unclaimed");
  cmd->add_flag("--stream", args->stream,
                "Read JSON Lines records on stdin, write one JSON record per line (for Hadoop "
                "Streaming and Spark rdd.pipe)");
  cmd->callback([args, cmd, &exit_code] {
    args->format_given = cmd->count("--format") > 0;
    exit_code = run_parse(*args);
  });
}

}  // namespace jianbao::cli
