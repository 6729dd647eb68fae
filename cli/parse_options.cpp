#include "parse_options.h"

#include <algorithm>
#include <cctype>

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
  cmd->add_option_function<std::string>(
         "--max-bytes", [in](const std::string& v) { parse_byte_count(v, &in->max_bytes); },
         "Refuse an input larger than this (bytes, or with K, M, G); 0: no cap (default 128M)")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            unsigned long long n = 0;
            return parse_byte_count(s, &n) ? "" : "expected a byte count such as 65536, 64K, 128M";
          },
          "BYTES"));
  cmd->add_flag("--allow-special", in->allow_special,
                "Also read FIFOs, devices and sockets named as inputs (default: regular files)");
}

bool parse_byte_count(const std::string& text, unsigned long long* bytes) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  int shift = 0;
  if (used + 1 == text.size()) {
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[used])));
    shift = unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : -1;
    if (shift < 0) return false;
  } else if (used != text.size()) {
    return false;
  }
  if (shift > 0 && n > (~0ull >> shift)) return false;
  *bytes = n << shift;
  return true;
}

batch::ReadLimits to_read_limits(const InputArgs& args) {
  return {.max_bytes = args.max_bytes, .allow_special = args.allow_special};
}

void bind_input_args(CLI::App* cmd, InputArgs* args) {
  cmd->add_option("inputs", args->inputs,
                  "Bulletin text files; - reads stdin (the default when stdin is not a terminal)");
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
