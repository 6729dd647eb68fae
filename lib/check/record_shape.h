// The shape of the records jianbao writes (jianbao.bulletin/1 from parse and batch,
// jianbao.metric/1 from extract and batch): the required fields of schemas/bulletin.schema.json
// and schemas/metric.schema.json with their JSON types. A structural check in C++, because the
// schemas are not compiled into the binary; it does not check patterns, enums or extra fields.
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
// the record has its schema's shape, and for other jianbao files that carry a schema of their own
// ("jianbao.batch_summary/1"), which are not records. A record without a schema, or with an
// unknown one (including another version of the two above), is a problem.
std::vector<ShapeProblem> shape_problems(const nlohmann::ordered_json& record);

}  // namespace jianbao::check
