// The bulletins trend and diff read: a batch output directory (its record files), record files
// (.json: one record or an array; .jsonl: one record a line; .yaml/.yml: one a document) or
// bulletin texts, parsed here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jianbao/pipeline.h"
#include "jianbao/trend.h"

namespace jianbao::cli {

// The Issues of `inputs`, in no particular order. Errors name the file (and line for JSON Lines).
Result<std::vector<trend::Issue>> read_issues(const std::vector<std::string>& inputs,
                                              const RuleSet& rules, const ParseOptions& options);

}  // namespace jianbao::cli
