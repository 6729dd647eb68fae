// The manifest lines that `parse --stream` and `extract --stream` read: {"id", "text"|"path"}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "jianbao/status.h"

namespace jianbao::cli {

// The bytes a stream record stands for: its "text" (path "-"), or the file its "path" names.
Result<std::string> stream_input(const nlohmann::ordered_json& record, std::string* path);

}  // namespace jianbao::cli
