#include "emit/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace jianbao::emit {
namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Bytes in the well-formed UTF-8 sequence at p (Unicode Table 3-7: no overlongs, surrogates or
// code points past U+10FFFF, the same set nlohmann's decoder accepts); 0 if it is not one.
size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  const size_t left = static_cast<size_t>(end - p);
  if (in(c, 0xC2, 0xDF)) return left >= 2 && in(p[1], 0x80, 0xBF) ? 2 : 0;
  if (in(c, 0xE0, 0xEF)) {
    if (left < 3) return 0;
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    return in(p[1], lo, hi) && in(p[2], 0x80, 0xBF) ? 3 : 0;
  }
  if (in(c, 0xF0, 0xF4)) {
    if (left < 4) return 0;
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    return in(p[1], lo, hi) && in(p[2], 0x80, 0xBF) && in(p[3], 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

}  // namespace

void append_json_string(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t start = out->size();
  out->push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  const auto* run = p;  // bytes from here to p are copied as they are
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x80) {
      const size_t n = utf8_sequence(p, end);
      if (n == 0) {
        // Not UTF-8: let nlohmann decide (it throws), so the behaviour is exactly dump()'s.
        out->resize(start);
        out->append(nlohmann::ordered_json(std::string(s)).dump());
        return;
      }
      p += n;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++p;
      continue;
    }
    out->append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default: {
        const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(esc, sizeof esc);
      }
    }
    run = ++p;
  }
  out->append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
  out->push_back('"');
}

void JsonWriter::newline() {
  out_->push_back('\n');
  out_->append(static_cast<size_t>(indent_ * depth_), ' ');
}

// Before a value or a key: the comma and line break that nlohmann writes between elements.
void JsonWriter::separate() {
  if (spill_ && out_->size() >= spill_at_) {
    spill_(*out_);
    out_->clear();
  }
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == base_) return;  // the record itself
  if (!first_) out_->push_back(',');
  first_ = false;
  if (indent_ >= 0) newline();
}

void JsonWriter::open(char bracket) {
  separate();
  out_->push_back(bracket);
  ++depth_;
  first_ = true;
}

// An empty container stays "{}" / "[]" on one line, as nlohmann writes it.
void JsonWriter::close(char bracket) {
  --depth_;
  if (!first_ && indent_ >= 0) newline();
  out_->push_back(bracket);
  first_ = false;
}

void JsonWriter::key(std::string_view k) {
  separate();
  append_json_string(out_, k);
  out_->append(indent_ >= 0 ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::str(std::string_view s) {
  separate();
  append_json_string(out_, s);
}

void JsonWriter::integer(long long v) {
  separate();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::boolean(bool b) {
  separate();
  out_->append(b ? "true" : "false");
}

void JsonWriter::null() {
  separate();
  out_->append("null");
}

// nlohmann's own float printing (shortest round trip, "1e-07", "12.0", null for inf/NaN):
// doubles are rare in a record, and this way they cannot differ.
void JsonWriter::real(double v) {
  separate();
  out_->append(nlohmann::ordered_json(v).dump());
}

}  // namespace jianbao::emit
