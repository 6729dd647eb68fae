// Records read back with the position of every value, so a finding about a record can point at
// the line that holds the field. nlohmann::json does the parsing; a small scanner walks the same
// (already validated) text to note where each value starts. YAML records get their positions
// from yaml-cpp's marks.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::check {

struct Location {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points
};

struct LocatedRecord {
  nlohmann::ordered_json value;
  // JSON pointer relative to the record ("" for the record itself, "/sections/0/title") -> where
  // its value starts in the file.
  std::map<std::string, Location> where;
  // A line of JSON Lines that is not JSON: the other lines are still records. Unset otherwise.
  std::optional<Status> error;
};

// The records in `text`. By the extension of `file`: .jsonl holds one record per non-blank line;
// .yaml and .yml one per YAML document; anything else is JSON, an object (one record) or an array
// (each element a record). A syntax error gives kBadInput with FILE:LINE:COL; in JSON Lines it is
// kept in the record of its line instead (LocatedRecord::error).
Result<std::vector<LocatedRecord>> read_records(const std::string& file, const std::string& text);

// Where `pointer` starts, or its nearest ancestor that is in the record.
Location locate(const LocatedRecord& record, const std::string& pointer);

// yaml-cpp's marks count columns in bytes; findings count code points. Converts a 1-based byte
// column on 1-based `line` of `text` into a code point column (unchanged when out of range).
int code_point_column(std::string_view text, int line, int byte_column);
// The same applied to the location of a Status about `text`.
Status with_code_point_column(Status status, std::string_view text);

// "/" + key with '~' and '/' escaped as JSON pointers require.
std::string pointer_step(const std::string& key);

}  // namespace jianbao::check
