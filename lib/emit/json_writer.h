// A writer (see record_fields.h) that appends JSON text straight to a buffer, with no tree: the
// same bytes as nlohmann::ordered_json::dump(indent) of the tree the same calls would build.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "emit/field_name.h"
#include "emit/json_string.h"
#include "emit/spill.h"
#include "emit/text_buffer.h"

namespace jianbao::emit {

class JsonWriter {
 public:
  // indent < 0: one line, no spaces (dump()); otherwise pretty, `indent` spaces a level
  // (dump(indent)). depth > 0 writes the value as if nested that deep (an element of an array).
  // The text goes after what *out already holds.
  JsonWriter(TextBuffer* out, int indent, int depth = 0)
      : out_(out), indent_(indent), depth_(depth), base_(depth) {}

  // From now on the text is handed to `spill` (and dropped) whenever it holds `spill_at` bytes.
  void spill_to(Spill spill, size_t spill_at = kSpillBytes) {
    spill_ = std::move(spill);
    spill_at_ = spill_at;
    out_->room(std::min(spill_at, kSpillBytes) + kSpillSlack);  // grown once, not doubling up
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(FieldName k);
  void str(std::string_view s);
  void integer(long long v);
  void boolean(bool b) { scalar(b ? std::string_view("true") : std::string_view("false")); }
  void null() { scalar("null"); }
  void real(double v);

 private:
  static constexpr size_t kSpillSlack = 4096;  // what one value usually adds past the spill size

  void separate();
  void open(char bracket);
  void close(char bracket);
  void newline();
  void escaped_string(std::string_view s, const char* stop);
  void scalar(std::string_view text) {
    separate();
    out_->put(text);
  }

  TextBuffer* out_;
  int indent_;
  int depth_;
  int base_;
  bool first_ = true;  // nothing written yet in the innermost open container
  bool after_key_ = false;
  Spill spill_;
  size_t spill_at_ = static_cast<size_t>(-1);  // no spilling
};

}  // namespace jianbao::emit
