// jianbao parse: bulletins in, structured records out.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <utility>

#include "cli_io.h"
#include "commands.h"
#include "core/byte_names.h"
#include "jianbao/batch.h"
#include "jianbao/emit.h"
#include "parse_options.h"
#include "stream_input.h"
#include "stream_lines.h"

namespace jianbao::cli {
namespace {

struct ParseArgs {
  InputArgs in;
  std::string format = "yaml";
  bool strict = false;
  bool stream = false;
  bool format_given = false;  // --stream always writes JSON Lines; it accepts -f jsonl only
  std::string paths_under;    // --stream: "path" records must name a file under this directory
};

using Json = nlohmann::ordered_json;

// The error record {"schema", "id", "input_line", "error"} that keeps the lines in step.
std::string stream_error(const std::string& raw_id, int line_no, const Status& error) {
  const std::string message = core::escape_invalid_utf8(error.to_string());
  std::cerr << fmt::format("jianbao: <stdin>:{}: {}\n", line_no, message);
  return stream_error_record(raw_id, line_no, message);
}

// One output line for one input line: the bulletin record with the input's "id" (its JSON text
// as written) after "schema", or an error record.
std::string stream_record(std::string& line, int line_no, const RuleSet& rules,
                          const ParseArgs& args, const ParseOptions& options, bool* failed) {
  std::string raw_id;
  auto record = parse_stream_line(line, &raw_id);
  // The line is parsed: its bytes are not needed again.
  line.clear();
  line.shrink_to_fit();
  std::string path;
  Status error;
  if (!record.ok()) {
    error = record.status();
  } else if (auto bytes = stream_input(record.value().value,
                                       {to_read_limits(args.in), args.paths_under}, &path);
             !bytes.ok()) {
    error = bytes.status();
  } else if (auto doc = parse_bulletin(std::move(bytes.value()), path, rules, options); !doc.ok()) {
    error = doc.status();
  } else {
    // The record's text with "id" spliced in after its first field, "schema".
    return with_stream_id(emit::document_json_text(doc.value(), {.explain = args.in.explain}, -1),
                          doc.value().schema, raw_id);
  }
  *failed = true;
  return stream_error(raw_id, line_no, error);
}

// JSON Lines in, JSON Lines out, one record per non-blank line, in order, flushed per record: a
// Hadoop Streaming mapper or a Spark rdd.pipe() stage. Rules are loaded once for the stream. A
// line longer than --max-bytes is read and dropped, with an error record.
int run_stream(const ParseArgs& args, const RuleSet& rules) {
  const ParseOptions options = to_parse_options(args.in);
  bool failed = false;
  int line_no = 0;
  LineReader lines(STDIN_FILENO, args.in.max_bytes);
  std::string line;
  bool too_long = false;
  Status read_error;
  while (lines.next(&line, &too_long, &read_error)) {
    ++line_no;
    std::string out;
    if (too_long) {
      failed = true;
      out = stream_error(
          "null", line_no,
          Status::bad_input(fmt::format("line longer than --max-bytes {}", args.in.max_bytes)));
    } else if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    } else {
      out = stream_record(line, line_no, rules, args, options, &failed);
    }
    if (const int e = write_stdout(out); e != 0) {
      report(Status::io_error(fmt::format("cannot write to stdout: {}", std::strerror(e))));
      return kExitFailed;
    }
  }
  if (!read_error.ok()) {
    report(read_error);
    return kExitFailed;
  }
  return failed ? kExitFailed : kExitOk;
}

int run_parse(ParseArgs args) {
  if (!args.stream) default_to_stdin(&args.in.inputs);
  if (args.stream && (!args.in.inputs.empty() || (args.format_given && args.format != "jsonl") ||
                      args.in.output != "-")) {
    report(Status::invalid_argument(
        "--stream reads stdin and writes JSON Lines to stdout: it takes no inputs, -o or --format "
        "other than jsonl"));
    return kExitUsage;
  }
  if (!args.stream && !args.paths_under.empty()) {
    report(Status::invalid_argument("--paths-under is for --stream"));
    return kExitUsage;
  }
  if (!args.stream && args.in.inputs.empty()) {
    report(Status::invalid_argument("parse: no input (give files, - for stdin, or --stream)"));
    return kExitUsage;
  }
  // Ctrl-C or SIGTERM stops at once, even mid-read or mid-parse, and removes the temporary -o file.
  const InterruptGuard guard(OnInterrupt::kExit);
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  if (args.stream) return run_stream(args, *rules);
  emit::Format format;
  emit::parse_format(args.format, &format);
  const ParseOptions options = to_parse_options(args.in);
  const batch::ReadLimits limits = to_read_limits(args.in);
  bool incomplete = false;
  // All or nothing for -o: a bad input means no file at all. Each record is written to the sink
  // as soon as it is made, so memory holds one bulletin at a time.
  OutputSink sink(args.in.output);
  emit::DocumentStream stream(format, args.in.inputs.size());
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
    for (const Unclaimed& u : doc.value().unclaimed) {
      incomplete = true;
      if (args.strict)
        std::cerr << fmt::format("jianbao: {}:{}: unclaimed text: {}\n", path, u.line, u.text);
    }
    for (const Diagnostic& d : doc.value().diagnostics) {
      if (d.severity != "error") continue;
      incomplete = true;
      std::cerr << fmt::format("jianbao: {}:{}: error: {} [{}]\n", path, d.line, d.message,
                               d.rule_id);
    }
    // Handed over in pieces as it is written: the record is never held whole (issue 17).
    stream.write(doc.value(), {.explain = args.in.explain},
                 [&sink](std::string_view s) { sink.append(s); });
  }
  sink.append(stream.finish());
  if (Status s = sink.commit(); !s.ok()) {
    report(s);
    return kExitFailed;
  }
  return args.strict && incomplete ? kExitFailed : kExitOk;
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
  cmd->add_flag("--strict", args->strict,
                "Exit 1 when any line is left unclaimed or a rule ran out of time (an error "
                "diagnostic)");
  cmd->add_option("--paths-under", args->paths_under,
                  "--stream: refuse \"path\" records outside this directory (after resolving "
                  "symlinks)")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--stream", args->stream,
                "Read JSON Lines records on stdin, write one JSON record per line (for Hadoop "
                "Streaming and Spark rdd.pipe)");
  cmd->callback([args, cmd, &exit_code] {
    args->format_given = cmd->count("--format") > 0;
    exit_code = run_parse(*args);
  });
}

}  // namespace jianbao::cli
