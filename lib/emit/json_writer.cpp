#include "emit/json_writer.h"

#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

namespace jianbao::emit {

void JsonWriter::newline() {
  const size_t spaces = static_cast<size_t>(indent_ * depth_);
  char* p = out_->room(spaces + 1);
  *p = '\n';
  std::memset(p + 1, ' ', spaces);
  out_->advance(spaces + 1);
}

// Before a value or a key: the comma and line break that nlohmann writes between elements.
void JsonWriter::separate() {
  if (out_->size() >= spill_at_) {
    spill_(out_->text());
    out_->clear();
  }
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == base_) return;  // the record itself
  if (!first_) out_->put(',');
  first_ = false;
  if (indent_ >= 0) newline();
}

void JsonWriter::open(char bracket) {
  separate();
  out_->put(bracket);
  ++depth_;
  first_ = true;
}

// An empty container stays "{}" / "[]" on one line, as nlohmann writes it.
void JsonWriter::close(char bracket) {
  --depth_;
  if (!first_ && indent_ >= 0) newline();
  out_->put(bracket);
  first_ = false;
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

void JsonWriter::key(FieldName k) {
  separate();
  const std::string_view name = k.text();
  char* p = out_->room(name.size() + 4);
  p[0] = '"';
  std::memcpy(p + 1, name.data(), name.size());
  std::memcpy(p + 1 + name.size(), "\": ", 3);
  out_->advance(name.size() + (indent_ >= 0 ? 4 : 3));
  after_key_ = true;
}

void JsonWriter::str(std::string_view s) {
  separate();
  const char* end = s.data() + s.size();
  const char* stop = json_string::copied_run_end(s.data(), end);
  if (stop != end) return escaped_string(s, stop);
  char* p = out_->room(s.size() + 2);  // the usual string: one run, nothing to escape
  p[0] = '"';
  std::memcpy(p + 1, s.data(), s.size());
  p[s.size() + 1] = '"';
  out_->advance(s.size() + 2);
}

void JsonWriter::integer(long long v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  scalar(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

// nlohmann's own float printing (shortest round trip, "1e-07", "12.0", null for inf/NaN):
// doubles are rare in a record, and this way they cannot differ.
void JsonWriter::real(double v) { scalar(nlohmann::ordered_json(v).dump()); }

}  // namespace jianbao::emit
