// File I/O for the commands: reading inputs ("-" is stdin), writing outputs atomically ("-" is
// stdout), loading rules, and reporting a Status as one stderr line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "jianbao/ruleset.h"
#include "jianbao/status.h"

namespace jianbao::cli {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // an input or a check failed
constexpr int kExitUsage = 2;   // usage, rules or undecodable input

Result<std::string> read_input(const std::string& path);

// Writes `content` to `path` through a temporary file in the same directory and a rename, so a
// reader never sees half a file. "-" writes to stdout.
Status write_output(const std::string& path, const std::string& content);

// Prints "jianbao: <status>" to stderr.
void report(const Status& status);

// Loads the rules (built-in, merged with `dir` when given); reports and returns null on failure.
std::shared_ptr<const RuleSet> load_rules_or_report(const std::string& dir);

// Adds the --rules option shared by the commands.
struct CommonArgs {
  std::string rules_dir;
};

}  // namespace jianbao::cli
