// Reading `parse --stream` input: JSON Lines on a file descriptor, each line bounded in length,
// each record bounded in nesting, and the raw JSON text of its "id" kept so that it round-trips
// exactly (1e400 and 12345678901234567890123 come back as written, not as null or a double).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "jianbao/status.h"

namespace jianbao::cli {

// Deeper JSON is refused before it is parsed: nlohmann's parser is iterative, but copying and
// writing a value recurse, and an id nested 100,000 deep overflowed the stack.
inline constexpr int kMaxStreamDepth = 512;

// Splits a file descriptor into lines without holding more than `max_line` bytes of one.
class LineReader {
 public:
  LineReader(int fd, unsigned long long max_line) : fd_(fd), max_line_(max_line) {}
  // The next line (without its '\n'); false at the end of input. *too_long: the line was longer
  // than max_line, and `line` holds only its start (the rest was read and dropped).
  bool next(std::string* line, bool* too_long, Status* error);

 private:
  bool fill(Status* error);
  int fd_;
  unsigned long long max_line_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

struct StreamRecord {
  nlohmann::ordered_json value;  // the parsed object
  std::string raw_id = "null";   // the "id" member's JSON text as written, or null
};

// Parses one line. A bad line still gives its raw id where one can be read, so its error record
// keeps the lines in step.
Result<StreamRecord> parse_stream_line(const std::string& line, std::string* raw_id);

// The output line for a parsed record: the record's JSON text `document_json` (one line, starting
// with {"schema":"<schema>") with "id":<raw_id> spliced in after "schema", and a '\n'.
// Spliced in place: the record is not copied (it may be hundreds of megabytes).
std::string with_stream_id(std::string document_json, const std::string& schema,
                           const std::string& raw_id);

// The error record {"schema", "id", "input_line", "error"} that keeps the lines in step, and a
// '\n'.
std::string stream_error_record(const std::string& raw_id, int line_no, const std::string& message);

}  // namespace jianbao::cli
