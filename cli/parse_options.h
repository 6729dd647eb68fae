// Options shared by parse and extract, and turning them into ParseOptions.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "jianbao/batch.h"
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
  unsigned long long max_bytes = batch::kDefaultMaxBytes;  // 0: no cap
  bool allow_special = false;
};

// Binds --rules, --encoding, --date, --genre, --explain, --max-bytes and --allow-special: the
// parse settings, which batch shares.
void bind_parse_settings(CLI::App* cmd, InputArgs* in);

// Binds inputs, the parse settings and -o to `cmd`.
void bind_input_args(CLI::App* cmd, InputArgs* args);

ParseOptions to_parse_options(const InputArgs& args);

batch::ReadLimits to_read_limits(const InputArgs& args);

// "64M" -> 67108864: a byte count with an optional K, M or G (binary) suffix; false when malformed.
bool parse_byte_count(const std::string& text, unsigned long long* bytes);

}  // namespace jianbao::cli
