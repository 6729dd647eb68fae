// jianbao: Chinese government briefing bulletins to structured data.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

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
  jianbao::cli::add_trend_command(app, exit_code);
  jianbao::cli::add_diff_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // app.exit prints the help, the version or the usage error; CLI11's own codes for errors
    // (105, 106, 109, ...) all mean a usage error, which is 2 here.
    return app.exit(e) == 0 ? 0 : 2;
  }
  // Output that never reached its file (`> /dev/full`, a closed pipe) is a failure, whichever
  // command wrote it.
  std::cout.flush();
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
    std::cerr << "jianbao: cannot write to stdout: " << std::strerror(errno != 0 ? errno : EIO)
              << "\n";
    return exit_code == 0 ? 1 : exit_code;
  }
  return exit_code;
}
