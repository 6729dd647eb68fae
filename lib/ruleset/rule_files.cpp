#include "ruleset/rule_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ruleset/embedded_rules.h"

namespace jianbao::ruleset {

RuleTexts builtin_rule_texts() {
  RuleTexts texts;
  for (size_t i = 0; i < kEmbeddedRuleCount; ++i) {
    const EmbeddedRule& r = kEmbeddedRules[i];
    texts[r.path] = RuleText{std::string(r.data, r.size), "built-in"};
  }
  return texts;
}

Status merge_rule_dir(const std::string& dir, RuleTexts* texts) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::io_error("rules directory not found", {.file = dir});
  }
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".yaml") continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Status::io_error("cannot read rule file", {.file = it->path().string()});
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    (*texts)[rel] = RuleText{buf.str(), dir};
  }
  if (ec) return Status::io_error(ec.message(), {.file = dir});
  return Status();
}

}  // namespace jianbao::ruleset
