#include "stream_lines.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "emit/json_writer.h"

namespace jianbao::cli {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The index of the quote that closes the string whose opening quote is text[open], or
// text.size() when it is not closed.
size_t string_close(const std::string& text, size_t open) {
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i;
    }
  }
  return text.size();
}

// The deepest nesting of arrays and objects in `text`, outside strings.
int max_depth(const std::string& text) {
  int depth = 0;
  int deepest = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      i = string_close(text, i);
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

// The end of the JSON value starting at text[i] (valid JSON, checked by the caller): a string, a
// container, or a bare literal.
size_t value_end(const std::string& text, size_t i) {
  if (i >= text.size()) return i;
  if (text[i] == '"') return std::min(string_close(text, i) + 1, text.size());
  if (text[i] == '{' || text[i] == '[') {
    int depth = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"') {
        i = string_close(text, i);
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return text.size();
  }
  while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' &&
         !is_space(text[i])) {
    ++i;
  }
  return i;
}

size_t skip_space(const std::string& text, size_t i) {
  while (i < text.size() && is_space(text[i])) ++i;
  return i;
}

// The raw text of the top-level member `name` of the JSON object `text` (the last one when
// repeated, as the parser keeps), or ""; *offset (when given) is where it starts, or npos.
std::string raw_member(const std::string& text, const std::string& name, size_t* offset = nullptr) {
  std::string found;
  if (offset) *offset = std::string::npos;
  size_t i = skip_space(text, 0);
  if (i >= text.size() || text[i] != '{') return found;
  i = skip_space(text, i + 1);
  while (i < text.size() && text[i] == '"') {
    const size_t key_end = value_end(text, i);
    const auto key = nlohmann::json::parse(text.substr(i, key_end - i), nullptr, false);
    i = skip_space(text, key_end);
    if (i >= text.size() || text[i] != ':') return found;
    i = skip_space(text, i + 1);
    const size_t end = value_end(text, i);
    if (key.is_string() && key.get<std::string>() == name) {
      found = text.substr(i, end - i);
      if (offset) *offset = i;
    }
    i = skip_space(text, end);
    if (i >= text.size() || text[i] != ',') break;
    i = skip_space(text, i + 1);
  }
  return found;
}

size_t raw_member_offset(const std::string& text, const std::string& name) {
  size_t at = std::string::npos;
  raw_member(text, name, &at);
  return at;
}

}  // namespace

bool LineReader::fill(Status* error) {
  if (eof_) return false;
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n < 0)
        *error = Status::io_error(fmt::format("cannot read stdin: {}", std::strerror(errno)));
      eof_ = true;
      return false;
    }
    buf_.append(chunk, static_cast<size_t>(n));
    return true;
  }
}

bool LineReader::next(std::string* line, bool* too_long, Status* error) {
  line->clear();
  *too_long = false;
  bool any = false;
  for (;;) {
    const size_t nl = buf_.find('\n', pos_);
    const size_t end = nl == std::string::npos ? buf_.size() : nl;
    size_t take = end - pos_;
    any = any || take > 0;
    if (max_line_ > 0 && line->size() + take > max_line_) {
      // Keep what fits; the rest is read and dropped, so memory stays bounded.
      take = static_cast<size_t>(max_line_) - line->size();
      *too_long = true;
    }
    line->append(buf_, pos_, take);
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      return true;
    }
    buf_.clear();
    pos_ = 0;
    if (!fill(error)) return any;
  }
}

Result<StreamRecord> parse_stream_line(const std::string& line, std::string* raw_id) {
  *raw_id = "null";
  if (max_depth(line) > kMaxStreamDepth) {
    return Status::bad_input(fmt::format("nested deeper than {} levels", kMaxStreamDepth));
  }
  StreamRecord r;
  r.value = nlohmann::ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (r.value.is_discarded()) {
    // nlohmann refuses numbers beyond a double (1e400) even where we never read them: the id is
    // kept as text, so parse the rest with a null in its place.
    const size_t at = raw_member_offset(line, "id");
    if (at != std::string::npos) {
      const std::string id = raw_member(line, "id");
      std::string without = line;
      without.replace(at, id.size(), "null");
      r.value = nlohmann::ordered_json::parse(without, nullptr, /*allow_exceptions=*/false);
      if (!r.value.is_discarded() && nlohmann::json::accept(id) == false &&
          id.find_first_not_of("-+.0123456789eE") == std::string::npos) {
        r.raw_id = id;  // a number too large for a double, still valid JSON text
      } else if (!r.value.is_discarded()) {
        r.value = nlohmann::ordered_json::value_t::discarded;
      }
    }
    if (r.value.is_discarded()) return Status::bad_input("not a JSON object on one line");
  }
  if (!r.value.is_object()) return Status::bad_input("expected a JSON object");
  if (r.raw_id == "null" && r.value.contains("id")) r.raw_id = raw_member(line, "id");
  if (r.raw_id.empty()) r.raw_id = "null";
  *raw_id = r.raw_id;
  return r;
}

std::string with_stream_id(std::string document_json, const std::string& schema,
                           const std::string& raw_id) {
  const size_t schema_end = nlohmann::json::object({{"schema", schema}}).dump().size() - 1;
  document_json.insert(schema_end, ",\"id\":" + raw_id);
  document_json += '\n';
  return document_json;
}

std::string stream_error_record(const std::string& raw_id, int line_no,
                                const std::string& message) {
  std::string out = "{\"schema\":\"jianbao.stream_error/1\",\"id\":" + raw_id +
                    ",\"input_line\":" + std::to_string(line_no) + ",\"error\":";
  emit::append_json_string(&out, message);
  return out + "}\n";
}

}  // namespace jianbao::cli
