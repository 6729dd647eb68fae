#include "emit/json_writer.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace jianbao::emit {

void JsonWriter::spill() {
  spill_(out_->text());
  out_->clear();
}

void JsonWriter::newline() {
  const size_t spaces = static_cast<size_t>(indent_ * depth_);
  char* p = out_->room(spaces + 1);
  *p = '\n';
  std::memset(p + 1, ' ', spaces);
  out_->advance(spaces + 1);
}

// A string with something to escape or malformed UTF-8 (from `stop` on): its runs copied whole,
// its escapes between them; malformed UTF-8 is handed to nlohmann, which throws as dump() does.
void JsonWriter::escaped_string(std::string_view s, const char* stop) {
  const size_t start = out_->size();
  const char* p = s.data();
  const char* end = p + s.size();
  out_->put('"');
  for (;;) {
    out_->put(std::string_view(p, static_cast<size_t>(stop - p)));
    if (stop == end) break;
    const auto c = static_cast<unsigned char>(*stop);
    if (c >= 0x80) {
      out_->truncate(start);
      out_->put(json_string::invalid_utf8(s));
      return;
    }
    out_->put(json_string::escape(c));
    p = stop + 1;
    stop = json_string::copied_run_end(p, end);
  }
  out_->put('"');
}

// nlohmann's own float printing (shortest round trip, "1e-07", "12.0", null for inf/NaN):
// doubles are rare in a record, and this way they cannot differ.
void JsonWriter::real(double v) {
  separate();
  gap_ = Gap::kNext;
  out_->put(nlohmann::ordered_json(v).dump());
}

}  // namespace jianbao::emit
