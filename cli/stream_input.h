// The manifest lines that `parse --stream` and `extract --stream` read: {"id", "text"|"path"}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "jianbao/batch.h"
#include "jianbao/status.h"

namespace jianbao::cli {

struct StreamInputLimits {
  batch::ReadLimits read;   // --max-bytes, --allow-special
  std::string paths_under;  // --paths-under: "path" records must name a file under it; empty: any
};

// The bytes a stream record stands for: its "text" (path "-"; moved out of the record, not copied:
// one record may hold a bulletin of many megabytes), or the file its "path" names, read under
// `limits`.
Result<std::string> stream_input(nlohmann::ordered_json& record, const StreamInputLimits& limits,
                                 std::string* path);

}  // namespace jianbao::cli
