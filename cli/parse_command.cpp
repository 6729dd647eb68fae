// jianbao parse: bulletins in, structured records out.
#include <fmt/format.h>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/emit.h"
#include "parse_options.h"

namespace jianbao::cli {
namespace {

struct ParseArgs {
  InputArgs in;
  std::string format = "yaml";
  bool strict = false;
};

int run_parse(const ParseArgs& args) {
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  emit::Format format;
  emit::parse_format(args.format, &format);
  const ParseOptions options = to_parse_options(args.in);
  std::vector<nlohmann::ordered_json> records;
  bool unclaimed = false;
  // All or nothing: a bad input means no output at all.
  for (const std::string& path : args.in.inputs) {
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
      if (args.strict) std::cerr << fmt::format("jianbao: {}:{}: unclaimed text: {}\n", path, u.line, u.text);
    }
    records.push_back(emit::document_json(doc.value(), {.explain = args.in.explain}));
  }
  if (Status s = write_output(args.in.output, emit::emit_documents(records, format)); !s.ok()) {
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
      "Example:\n  jianbao parse --format json samples/01_wrapped_pdf.txt | jq '.sections[].title'");
  bind_input_args(cmd, &args->in);
  cmd->add_option("-f,--format", args->format, "yaml (default), json or jsonl")
      ->check(CLI::IsMember({"yaml", "json", "jsonl"}));
  cmd->add_flag("--strict", args->strict, "Exit 1 when any line is left unclaimed");
  cmd->callback([args, &exit_code] { exit_code = run_parse(*args); });
}

}  // namespace jianbao::cli
