#include "parse_options.h"

#include <algorithm>

namespace jianbao::cli {

void bind_parse_settings(CLI::App* cmd, InputArgs* in) {
  cmd->add_option("--rules", in->rules_dir, "Rules directory merged over the built-in rules")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--encoding", in->encoding,
                  "Force an encoding (utf-8, gb18030, utf-16le, utf-16be); default: detect");
  cmd->add_option("--date", in->date,
                  "Year (YYYY or YYYY-MM-DD) for dates that omit it when there is no masthead")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            const bool ok = (s.size() == 4 || s.size() == 10) &&
                            std::all_of(s.begin(), s.begin() + 4, ::isdigit);
            return ok ? "" : "expected YYYY or YYYY-MM-DD";
          },
          "YYYY[-MM-DD]"));
  cmd->add_option("--genre", in->genre,
                  "Read every input as a bulletin or an official_document; default: detect")
      ->check(CLI::IsMember({"bulletin", "official_document"}));
  cmd->add_flag("--explain", in->explain, "Add to each metric the id of the rule that made it");
}

void bind_input_args(CLI::App* cmd, InputArgs* args) {
  cmd->add_option("inputs", args->inputs, "Bulletin text files; - reads stdin")->required();
  bind_parse_settings(cmd, args);
  cmd->add_option("-o,--output", args->output, "Output file (written atomically); - for stdout");
}

ParseOptions to_parse_options(const InputArgs& args) {
  ParseOptions o;
  o.decode.encoding = args.encoding;
  if (args.genre == "bulletin") o.genre = GenreChoice::kBulletin;
  if (args.genre == "official_document") o.genre = GenreChoice::kOfficialDocument;
  if (!args.date.empty()) o.metrics.fallback_year = std::stoi(args.date.substr(0, 4));
  return o;
}

}  // namespace jianbao::cli
