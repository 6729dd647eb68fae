// jianbao: Chinese government briefing bulletins to structured data.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"jianbao: turns Chinese government briefing bulletins into structured data"};
  app.set_version_flag("--version", JB_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 an input or check failed, 2 usage, rules or input error.");
  int exit_code = 0;
  jianbao::cli::add_parse_command(app, exit_code);
  jianbao::cli::add_extract_command(app, exit_code);
  jianbao::cli::add_batch_command(app, exit_code);
  jianbao::cli::add_check_command(app, exit_code);
  jianbao::cli::add_rules_command(app, exit_code);
  jianbao::cli::add_explain_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}
