// jianbao diff: what changed between two issues.
#include "cli_io.h"
#include "commands.h"
#include "jianbao/trend.h"
#include "parse_options.h"
#include "record_inputs.h"

namespace jianbao::cli {
namespace {

struct DiffArgs {
  InputArgs in;
  std::string format = "text";
  std::string by = "kind,unit,section,region";
};

Result<trend::Issue> one_issue(const std::string& input, const RuleSet& rules,
                               const ParseOptions& options) {
  auto issues = read_issues({input}, rules, options);
  if (!issues.ok()) return issues.status();
  if (issues.value().size() != 1) {
    return Status::invalid_argument(
        "expected one bulletin, found " + std::to_string(issues.value().size()), {.file = input});
  }
  return std::move(issues.value()[0]);
}

int run_diff(const DiffArgs& args) {
  if (args.in.inputs.size() != 2) {
    report(Status::invalid_argument("diff takes two bulletins (texts or records): A B"));
    return kExitUsage;
  }
  auto parts = trend::parse_key_parts(args.by);
  if (!parts.ok()) {
    report(parts.status());
    return kExitUsage;
  }
  const auto rules = load_rules_or_report(args.in.rules_dir);
  if (!rules) return kExitUsage;
  const ParseOptions options = to_parse_options(args.in);
  auto a = one_issue(args.in.inputs[0], *rules, options);
  auto b = a.ok() ? one_issue(args.in.inputs[1], *rules, options) : a;
  for (const auto* r : {&a, &b}) {
    if (!r->ok()) {
      report(r->status());
      return kExitUsage;  // as parse and extract: an input that cannot be read is exit 2
    }
  }
  const auto d = trend::diff_issues(a.value(), b.value(), parts.value(), trend::default_kinds());
  const std::string out = args.format == "json"
                              ? trend::diff_json(a.value(), b.value(), d).dump(2) + "\n"
                              : trend::diff_text(a.value(), b.value(), d);
  if (Status s = write_output(args.in.output, out); !s.ok()) {
    report(s);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd =
      app.add_subcommand("diff", "What changed between two issues: items, metrics, provinces");
  cmd->footer(
      "A and B are bulletin texts or their records (.json, .jsonl, .yaml). Items are matched by\n"
      "section and title, metrics by key (see trend --by), provinces by name.\n"
      "Example:\n  jianbao diff out/2024-04.json out/2024-05.json -f json | jq .items_added");
  bind_input_args(cmd, &args->in);
  cmd->get_option("inputs")->description("A and B: two bulletin texts or records");
  cmd->add_option("-f,--format", args->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--by", args->by, "Key parts: kind,unit,section,region (default all)");
  cmd->callback([args, &exit_code] { exit_code = run_diff(*args); });
}

}  // namespace jianbao::cli
