// The shape of the records jianbao writes (jianbao.bulletin/1 from parse and batch,
// jianbao.metric/1 from extract): required fields and their JSON types. A structural check kept
// in C++ until schemas/*.schema.json can be validated; fields not listed are allowed, so a record
// from a newer writer with extra fields still passes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jianbao::check {

struct ShapeProblem {
  std::string pointer;  // where, as a JSON pointer into the record
  std::string message;
};

inline constexpr const char* kBulletinSchema = "jianbao.bulletin/1";
inline constexpr const char* kMetricSchema = "jianbao.metric/1";

// Every field of `record` that is missing or of the wrong type, in document order; empty when
// the record has its schema's shape.
std::vector<ShapeProblem> shape_problems(const nlohmann::ordered_json& record);

}  // namespace jianbao::check
