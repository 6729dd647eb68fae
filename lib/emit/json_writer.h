// A writer (see record_fields.h) that appends JSON text straight to a string, with no tree: the
// same bytes as nlohmann::ordered_json::dump(indent) of the tree the same calls would build.
#pragma once

#include <string>
#include <string_view>

#include "emit/spill.h"

namespace jianbao::emit {

class JsonWriter {
 public:
  // indent < 0: one line, no spaces (dump()); otherwise pretty, `indent` spaces a level
  // (dump(indent)). depth > 0 writes the value as if nested that deep (an element of an array).
  JsonWriter(std::string* out, int indent, int depth = 0)
      : out_(out), indent_(indent), depth_(depth), base_(depth) {}

  // From now on *out is handed to `spill` (and cleared) whenever it holds `spill_at` bytes.
  void spill_to(Spill spill, size_t spill_at = kSpillBytes) {
    spill_ = std::move(spill);
    spill_at_ = spill_at;
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k);
  void str(std::string_view s);
  void integer(long long v);
  void boolean(bool b);
  void null();
  void real(double v);

 private:
  void separate();
  void open(char bracket);
  void close(char bracket);
  void newline();

  std::string* out_;
  int indent_;
  int depth_;
  int base_;
  bool first_ = true;  // nothing written yet in the innermost open container
  bool after_key_ = false;
  Spill spill_;
  size_t spill_at_ = kSpillBytes;
};

// `s` as a JSON string literal, appended to `out`, escaped as nlohmann's dump() does: \" \\ \b \f
// \n \r \t, other control characters as \u00xx, everything else (DEL, non-ASCII) raw. Invalid
// UTF-8 throws nlohmann's type_error 316, as dump() does.
void append_json_string(std::string* out, std::string_view s);

}  // namespace jianbao::emit
