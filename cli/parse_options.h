// Options shared by parse and extract, and turning them into ParseOptions.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "jianbao/pipeline.h"

namespace jianbao::cli {

struct InputArgs {
  std::vector<std::string> inputs;
  std::string rules_dir;
  std::string encoding;
  std::string date;   // YYYY or YYYY-MM-DD: the year for dates that omit it
  std::string genre;  // bulletin | official_document; empty: detect
  std::string output = "-";
  bool explain = false;
};

// Binds --rules, --encoding, --date, --genre and --explain: the parse settings, which batch shares.
void bind_parse_settings(CLI::App* cmd, InputArgs* in);

// Binds inputs, the parse settings and -o to `cmd`.
void bind_input_args(CLI::App* cmd, InputArgs* args);

ParseOptions to_parse_options(const InputArgs& args);

}  // namespace jianbao::cli
