// One add_<name>_command per subcommand; each binds its options and sets exit_code when run.
#pragma once

#include <CLI/CLI.hpp>

namespace jianbao::cli {

void add_parse_command(CLI::App& app, int& exit_code);
void add_extract_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);
void add_batch_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_explain_command(CLI::App& app, int& exit_code);
void add_trend_command(CLI::App& app, int& exit_code);
void add_diff_command(CLI::App& app, int& exit_code);

}  // namespace jianbao::cli
