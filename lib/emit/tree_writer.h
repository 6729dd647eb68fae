// A writer (see record_fields.h) that builds an nlohmann::ordered_json tree, for the outputs that
// need one: YAML, CSV, `check` and `explain`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "emit/field_name.h"

namespace jianbao::emit {

class TreeWriter {
 public:
  using Json = nlohmann::ordered_json;

  Json take() { return std::move(root_); }

  void begin_object() { open(Json::object()); }
  void end_object() { stack_.pop_back(); }
  void begin_array() { open(Json::array()); }
  void end_array() { stack_.pop_back(); }
  // Held (a copy: a FieldName holds its text) for the next value.
  void key(FieldName k) { key_ = k; }
  void str(std::string_view s) { put(std::string(s)); }
  void integer(long long v) { put(v); }
  void boolean(bool b) { put(b); }
  void null() { put(nullptr); }
  void real(double v) { put(v); }

 private:
  // Only the open containers are held by pointer; none of them gains an element while a child is
  // open, so the pointers stay valid.
  Json* put(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    Json& slot = top[std::string(key_.text())];
    slot = std::move(v);
    return &slot;
  }
  void open(Json v) { stack_.push_back(put(std::move(v))); }

  Json root_;
  std::vector<Json*> stack_;
  FieldName key_;
};

}  // namespace jianbao::emit
