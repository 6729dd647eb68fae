// jianbao rules list: the rules in force and where each came from.
#include <fmt/format.h>

#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/rule_examples.h"

namespace jianbao::cli {

void add_rules_command(CLI::App& app, int& exit_code) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("rules", "Inspect the rules in force");
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", "List every rule: id, kind, file:line, origin");
  list->footer("Example:\n  jianbao rules list --rules my-rules/");
  list->add_option("--rules", *dir, "Rules directory merged over the built-in rules")
      ->check(CLI::ExistingDirectory);
  list->callback([dir, &exit_code] {
    const auto rules = load_rules_or_report(*dir);
    if (!rules) {
      exit_code = kExitUsage;
      return;
    }
    for (const RuleInfo& r : list_rules(*rules)) {
      std::cout << fmt::format("{:<32} {:<18} {}:{}  ({})\n", r.id, r.kind, r.file, r.line,
                               r.origin);
    }
    exit_code = kExitOk;
  });
  auto test_dir = std::make_shared<std::string>();
  CLI::App* test =
      cmd->add_subcommand("test", "Run every example and counter-example in the rules");
  test->footer("Example:\n  jianbao rules test --rules my-rules/");
  test->add_option("--rules", *test_dir, "Rules directory merged over the built-in rules")
      ->check(CLI::ExistingDirectory);
  test->callback([test_dir, &exit_code] {
    const auto rules = load_rules_or_report(*test_dir);
    if (!rules) {
      exit_code = kExitUsage;
      return;
    }
    const ExampleReport report = run_rule_examples(*rules);
    for (const ExampleFailure& f : report.failures) {
      std::cerr << fmt::format("jianbao: {}:{}: {}: '{}': {}\n", f.file, f.line, f.rule_id, f.text,
                               f.problem);
    }
    std::cout << fmt::format("{} passed, {} failed\n",
                             report.examples - static_cast<int>(report.failures.size()),
                             report.failures.size());
    exit_code = report.failures.empty() ? kExitOk : kExitFailed;
  });
}

}  // namespace jianbao::cli
