// A writer (see record_fields.h) that appends JSON text straight to a buffer, with no tree: the
// same bytes as nlohmann::ordered_json::dump(indent) of the tree the same calls would build.
// The calls are inline: a record is hundreds of thousands of them.
#pragma once

#include <algorithm>
#include <charconv>
#include <concepts>
#include <cstring>
#include <string>
#include <string_view>

#include "emit/field_name.h"
#include "emit/json_string.h"
#include "emit/spill.h"
#include "emit/text_buffer.h"
#include "jianbao/document.h"

namespace jianbao::emit {

class JsonWriter {
 public:
  // indent < 0: one line, no spaces (dump()); otherwise pretty, `indent` spaces a level
  // (dump(indent)). depth > 0 writes the value as if nested that deep (an element of an array).
  // The text goes after what *out already holds.
  JsonWriter(TextBuffer* out, int indent, int depth = 0)
      : out_(out), indent_(indent), depth_(depth) {}

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

  void key(FieldName k) {
    separate();
    std::memcpy(out_->room(FieldName::kKeyRoom), k.key_room(), FieldName::kKeyRoom);
    out_->advance(k.key_size(indent_ >= 0));
    gap_ = Gap::kNone;
  }

  void str(std::string_view s) {
    separate();
    gap_ = Gap::kNext;
    string(s);
  }

  // A sentence the figures in it share: checked once when they come one after another. Its text
  // is const and its document outlives the writer (one is made per record), so the same address
  // is the same text.
  // (A template, so a std::string never converts to a SharedText to get here.)
  template <class T>
  requires std::same_as<T, SharedText>
  void str(const T& shared) {
    const std::string& s = shared.str();
    separate();
    gap_ = Gap::kNext;
    if (&s == plain_shared_) {
      plain(s);
    } else if (string(s)) {
      plain_shared_ = &s;
    }
  }

  void integer(long long v) {
    separate();
    constexpr size_t kDigits = 20;  // and a sign
    gap_ = Gap::kNext;
    char* p = out_->room(kDigits);
    out_->advance(static_cast<size_t>(std::to_chars(p, p + kDigits, v).ptr - p));
  }

  void boolean(bool b) {
    if (b) {
      literal("true");
    } else {
      literal("false");
    }
  }
  void null() { literal("null"); }
  void real(double v);

 private:
  static constexpr size_t kSpillSlack = 4096;  // what one value usually adds past the spill size

  // Before a value or a key: the comma and line break that nlohmann writes between elements.
  void separate() {
    if (out_->size() >= spill_at_) spill();
    if (gap_ == Gap::kNone) return;
    if (gap_ == Gap::kNext) out_->put(',');
    if (indent_ >= 0) newline();
  }

  void open(char bracket) {
    separate();
    out_->put(bracket);
    ++depth_;
    gap_ = Gap::kFirst;
  }

  // An empty container stays "{}" / "[]" on one line, as nlohmann writes it.
  void close(char bracket) {
    --depth_;
    if (gap_ != Gap::kFirst && indent_ >= 0) newline();
    out_->put(bracket);
    gap_ = Gap::kNext;
  }

  template <size_t N>
  void literal(const char (&text)[N]) {
    separate();
    gap_ = Gap::kNext;
    std::memcpy(out_->room(N - 1), text, N - 1);
    out_->advance(N - 1);
  }

  // `s` as a JSON string; true when it needed no escape.
  bool string(std::string_view s) {
    const char* end = s.data() + s.size();
    const char* stop = json_string::copied_run_end(s.data(), end);
    if (stop != end) {
      escaped_string(s, stop);
      return false;
    }
    plain(s);
    return true;
  }

  // A string with nothing to escape: one run between its quotes.
  void plain(std::string_view s) {
    char* p = out_->room(s.size() + 2);
    p[0] = '"';
    std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    out_->advance(s.size() + 2);
  }

  void spill();
  void newline();
  void escaped_string(std::string_view s, const char* stop);

  TextBuffer* out_;
  int indent_;
  int depth_;
  // What separate() writes before the next key or value: nothing (the record itself, or a value
  // after its key), the line break of a container's first element, or a comma and line break.
  enum class Gap : unsigned char { kNone, kFirst, kNext };
  Gap gap_ = Gap::kNone;
  const std::string* plain_shared_ = nullptr;  // the last shared text that needed no escape
  Spill spill_;
  size_t spill_at_ = static_cast<size_t>(-1);  // no spilling
};

}  // namespace jianbao::emit
