#include "check/located_json.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <string_view>

namespace jianbao::check {
namespace {

using Json = nlohmann::ordered_json;
using Where = std::map<std::string, Location>;

// UTF-8: bytes 10xxxxxx continue a code point; every other byte starts one.
constexpr unsigned char kContinuationMask = 0xC0;
constexpr unsigned char kContinuationBits = 0x80;
bool starts_code_point(unsigned char c) { return (c & kContinuationMask) != kContinuationBits; }

// Walks well-formed JSON (nlohmann has parsed it already), noting where each value starts.
class Scanner {
 public:
  Scanner(std::string_view text, int line) : text_(text), line_(line) {}

  void value(const std::string& path, Where* out) {
    skip_space();
    (*out)[path] = {line_, column_};
    const char c = peek();
    if (c == '{') {
      advance();
      skip_space();
      if (peek() == '}') return advance();
      for (;;) {
        skip_space();
        const std::string key = string_token();
        skip_space();
        advance();  // ':'
        value(path + pointer_step(key), out);
        skip_space();
        if (peek() == ',') {
          advance();
          continue;
        }
        return advance();  // '}'
      }
    }
    if (c == '[') return elements(path, nullptr, out);
    if (c == '"') {
      string_token();
      return;
    }
    while (pos_ < text_.size() &&
           std::string_view(",]} \t\r\n").find(peek()) == std::string_view::npos) {
      advance();
    }
  }

  // An array: with `each` set, every element is scanned into its own map as a record.
  void elements(const std::string& path, std::vector<Where>* each, Where* out) {
    skip_space();
    advance();  // '['
    skip_space();
    if (peek() == ']') return advance();
    for (size_t i = 0;; ++i) {
      if (each) {
        each->emplace_back();
        value("", &each->back());
      } else {
        value(path + "/" + std::to_string(i), out);
      }
      skip_space();
      if (peek() == ',') {
        advance();
        continue;
      }
      return advance();  // ']'
    }
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           std::string_view(" \t\r\n").find(peek()) != std::string_view::npos) {
      advance();
    }
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

 private:
  void advance() {
    if (pos_ >= text_.size()) return;
    const unsigned char c = static_cast<unsigned char>(text_[pos_++]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (starts_code_point(c)) {
      ++column_;
    }
  }

  std::string string_token() {
    const size_t start = pos_;
    advance();  // opening quote
    while (pos_ < text_.size() && peek() != '"') {
      if (peek() == '\\') advance();
      advance();
    }
    advance();  // closing quote
    return Json::parse(text_.substr(start, pos_ - start)).get<std::string>();
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

Location location_of_offset(std::string_view text, size_t offset) {
  Location loc{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if (starts_code_point(c)) {
      ++loc.column;
    }
  }
  return loc;
}

Status syntax_error(const std::string& file, std::string_view text, const Json::parse_error& e,
                    int line_base) {
  // parse_error::byte is 1-based: the byte where parsing stopped.
  Location at = location_of_offset(text, e.byte == 0 ? 0 : e.byte - 1);
  at.line += line_base;
  std::string msg = e.what();
  if (const size_t colon = msg.rfind(": "); colon != std::string::npos) msg = msg.substr(colon + 2);
  return Status::bad_input("not valid JSON: " + msg,
                           {.file = file, .line = at.line, .column = at.column});
}

// Plain YAML scalars are typed as JSON would type them; quoted ones are strings.
Json scalar_json(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() == "!") return s;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True") return true;
  if (s == "false" || s == "False") return false;
  long long i = 0;
  const char* end = s.data() + s.size();
  if (auto r = std::from_chars(s.data(), end, i); r.ec == std::errc() && r.ptr == end) return i;
  double d = 0;
  if (auto r = std::from_chars(s.data(), end, d); r.ec == std::errc() && r.ptr == end) return d;
  return s;
}

Json yaml_json(const YAML::Node& n, std::string_view text, const std::string& path, Where* out) {
  const YAML::Mark m = n.Mark();
  if (!m.is_null()) (*out)[path] = {m.line + 1, code_point_column(text, m.line + 1, m.column + 1)};
  if (n.IsMap()) {
    Json j = Json::object();
    for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>();
      j[key] = yaml_json(kv.second, text, path + pointer_step(key), out);
    }
    return j;
  }
  if (n.IsSequence()) {
    Json j = Json::array();
    for (size_t i = 0; i < n.size(); ++i) {
      j.push_back(yaml_json(n[i], text, path + "/" + std::to_string(i), out));
    }
    return j;
  }
  if (n.IsScalar()) return scalar_json(n);
  return nullptr;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::vector<LocatedRecord>> read_yaml(const std::string& file, const std::string& text) {
  std::vector<LocatedRecord> out;
  try {
    for (const YAML::Node& doc : YAML::LoadAll(text)) {
      if (doc.IsNull()) continue;
      LocatedRecord r;
      r.value = yaml_json(doc, text, "", &r.where);
      out.push_back(std::move(r));
    }
  } catch (const YAML::Exception& e) {
    return with_code_point_column(
        Status::bad_input("not valid YAML: " + e.msg,
                          {.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1}),
        text);
  }
  return out;
}

Result<std::vector<LocatedRecord>> read_json_lines(const std::string& file,
                                                   const std::string& text) {
  std::vector<LocatedRecord> out;
  size_t start = 0;
  for (int line = 1; start <= text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view row(text.data() + start, end - start);
    start = end + 1;
    if (row.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    LocatedRecord r;
    try {
      r.value = Json::parse(row);
    } catch (const Json::parse_error& e) {
      r.error = syntax_error(file, row, e, line - 1);
      out.push_back(std::move(r));
      continue;
    }
    Scanner(row, line).value("", &r.where);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<LocatedRecord>> read_json(const std::string& file, const std::string& text) {
  Json all;
  try {
    all = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return syntax_error(file, text, e, 0);
  }
  std::vector<LocatedRecord> out;
  if (!all.is_array()) {
    LocatedRecord r;
    r.value = std::move(all);
    Scanner(text, 1).value("", &r.where);
    out.push_back(std::move(r));
    return out;
  }
  std::vector<Where> where;
  Scanner(text, 1).elements("", &where, nullptr);
  for (size_t i = 0; i < all.size(); ++i) {
    out.push_back(
        {std::move(all[i]), i < where.size() ? std::move(where[i]) : Where{}, std::nullopt});
  }
  return out;
}

}  // namespace

int code_point_column(std::string_view text, int line, int byte_column) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return byte_column;
    ++start;
  }
  const size_t end = start + static_cast<size_t>(byte_column - 1);
  if (byte_column < 1 || end > text.size()) return byte_column;
  int column = 1;
  for (size_t i = start; i < end; ++i)
    column += starts_code_point(static_cast<unsigned char>(text[i]));
  return column;
}

Status with_code_point_column(Status status, std::string_view text) {
  SourceLocation w = status.where();
  if (status.ok() || w.line < 1 || w.column < 1) return status;
  w.column = code_point_column(text, w.line, w.column);
  switch (status.code()) {
    case Status::Code::kBadRules:
      return Status::bad_rules(status.message(), w);
    case Status::Code::kBadInput:
      return Status::bad_input(status.message(), w);
    default:
      return status;
  }
}

std::string pointer_step(const std::string& key) {
  std::string out = "/";
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::vector<LocatedRecord>> read_records(const std::string& file, const std::string& text) {
  if (ends_with(file, ".yaml") || ends_with(file, ".yml")) return read_yaml(file, text);
  if (ends_with(file, ".jsonl")) return read_json_lines(file, text);
  return read_json(file, text);
}

Location locate(const LocatedRecord& record, const std::string& pointer) {
  std::string p = pointer;
  for (;;) {
    if (auto it = record.where.find(p); it != record.where.end()) return it->second;
    if (p.empty()) return {1, 1};
    p.erase(p.rfind('/'));
  }
}

}  // namespace jianbao::check
