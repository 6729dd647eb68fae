#include "check/record_shape.h"

#include <fmt/format.h>

#include "check/located_json.h"
#include "jianbao/document.h"

namespace jianbao::check {
namespace {

using Json = nlohmann::ordered_json;

// Versions of the two record schemas; a version this build does not know is an error.
constexpr const char* kBulletinPrefix = "jianbao.bulletin/";
constexpr const char* kMetricPrefix = "jianbao.metric/";

// JSON types a field may take, as a bit set.
enum Type : unsigned {
  kNull = 1u << 0,
  kBool = 1u << 1,
  kInt = 1u << 2,
  kNumber = 1u << 3,  // any number, integer or not
  kString = 1u << 4,
  kArray = 1u << 5,
  kObject = 1u << 6,
};

struct Shape;

struct Field {
  const char* key;
  unsigned types;
  bool required = true;
  const Shape* object = nullptr;    // the shape of the value when it is an object
  const Shape* elements = nullptr;  // the shape of each element when it is an array of objects
  unsigned element_types = 0;       // the types of each element when it is an array of scalars
};

struct Shape {
  std::vector<Field> fields;
};

const char* type_name(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "a list";
  return "an object";
}

bool has_type(const Json& v, unsigned types) {
  return ((types & kNull) && v.is_null()) || ((types & kBool) && v.is_boolean()) ||
         ((types & kInt) && v.is_number_integer()) || ((types & kNumber) && v.is_number()) ||
         ((types & kString) && v.is_string()) || ((types & kArray) && v.is_array()) ||
         ((types & kObject) && v.is_object());
}

std::string expected(unsigned types) {
  std::string out;
  const std::pair<Type, const char*> names[] = {
      {kObject, "an object"}, {kArray, "a list"},   {kString, "a string"}, {kNumber, "a number"},
      {kInt, "an integer"},   {kBool, "a boolean"}, {kNull, "null"}};
  for (const auto& [t, name] : names) {
    if (!(types & t)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

void check_shape(const Json& v, const Shape& shape, const std::string& path,
                 std::vector<ShapeProblem>* out);

void check_field(const Json& obj, const Field& f, const std::string& path,
                 std::vector<ShapeProblem>* out) {
  if (!obj.contains(f.key)) {
    if (f.required) out->push_back({path, fmt::format("missing field '{}'", f.key)});
    return;
  }
  const Json& v = obj[f.key];
  const std::string at = path + pointer_step(f.key);
  if (!has_type(v, f.types)) {
    out->push_back(
        {at, fmt::format("'{}' must be {}, not {}", f.key, expected(f.types), type_name(v))});
    return;
  }
  if (v.is_object() && f.object) check_shape(v, *f.object, at, out);
  if (!v.is_array()) return;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string el = at + "/" + std::to_string(i);
    if (f.elements) {
      if (!v[i].is_object()) {
        out->push_back(
            {el, fmt::format("each of '{}' must be an object, not {}", f.key, type_name(v[i]))});
      } else {
        check_shape(v[i], *f.elements, el, out);
      }
    } else if (f.element_types && !has_type(v[i], f.element_types)) {
      out->push_back({el, fmt::format("each of '{}' must be {}, not {}", f.key,
                                      expected(f.element_types), type_name(v[i]))});
    }
  }
}

void check_shape(const Json& v, const Shape& shape, const std::string& path,
                 std::vector<ShapeProblem>* out) {
  for (const Field& f : shape.fields) check_field(v, f, path, out);
}

// The values of a metric that normalisation may give.
constexpr unsigned kValue = kNull | kNumber | kString;

const Shape& point_shape() {
  static Shape s;
  if (s.fields.empty()) {
    s.fields = {{"n", kInt},
                {"marker", kString},
                {"heading", kString},
                {"text", kString},
                {"lines", kArray, true, nullptr, nullptr, kInt},
                {"points", kArray, false, nullptr, &s}};
  }
  return s;
}

// Fields every metric has, in a bulletin record and in a metric record.
std::vector<Field> metric_fields() {
  return {{"kind", kString},
          {"text", kString},
          {"value", kValue, false},
          {"start", kValue, false},
          {"end", kValue, false},
          {"unit", kString, false},
          {"comparator", kString, false},
          {"change", kString, false},
          {"code", kString, false},
          {"group", kString, false},
          {"year_inferred", kBool, false},
          {"month", kInt, false},
          {"day", kInt, false},
          {"end_month", kInt, false},
          {"end_day", kInt, false},
          {"line", kInt},
          {"column", kInt},
          {"sentence", kString},
          {"part", kString, false},
          {"rule", kString, false}};
}

const Shape& bulletin_shape() {
  static const Shape region{{{"name", kString}, {"code", kString}, {"level", kString, false}}};
  static const Shape metric = [] {
    Shape s{metric_fields()};
    s.fields.push_back({"item", kString});
    return s;
  }();
  static const Shape province{{{"name", kString}, {"code", kString}, {"count", kInt}}};
  static const Shape body_part{{{"type", kString},
                                {"text", kString},
                                {"lines", kArray, true, nullptr, nullptr, kInt},
                                {"points", kArray, false, nullptr, &point_shape()}}};
  static const Shape item{{{"id", kString},
                           {"kind", kString},
                           {"title", kString},
                           {"region", kNull | kObject, true, &region},
                           {"lines", kArray, true, nullptr, nullptr, kInt},
                           {"paragraphs", kArray, true, nullptr, nullptr, kString},
                           {"points", kArray, true, nullptr, &point_shape()},
                           {"body", kArray, false, nullptr, &body_part},
                           {"metrics", kArray, true, nullptr, &metric},
                           {"provinces", kArray, true, nullptr, &province}}};
  static const Shape section{
      {{"title", kString}, {"title_from", kString}, {"items", kArray, true, nullptr, &item}}};
  static const Shape source{{{"path", kString},
                             {"path_bytes", kString, false},
                             {"sha256", kString},
                             {"bytes", kInt},
                             {"encoding", kString},
                             {"bom", kBool}}};
  static const Shape year{{{"value", kInt | kNull}, {"from", kString}}};
  static const Shape masthead{{{"title", kString | kNull},
                               {"issue", kInt | kNull},
                               {"total_issue", kInt | kNull},
                               {"publisher", kString | kNull},
                               {"date", kString | kNull},
                               {"notes", kArray, true, nullptr, nullptr, kString},
                               {"lines", kArray, true, nullptr, nullptr, kInt}}};
  static const Shape distribution{{{"report_to", kArray, true, nullptr, nullptr, kString},
                                   {"copy_to", kArray, true, nullptr, nullptr, kString},
                                   {"cc", kArray, true, nullptr, nullptr, kString},
                                   {"send_to", kArray, false, nullptr, nullptr, kString}}};
  static const Shape signature{{{"issuers", kArray, true, nullptr, nullptr, kString},
                                {"date", kString | kNull},
                                {"lines", kArray, true, nullptr, nullptr, kInt}}};
  static const Shape removed{{{"kind", kString}, {"line", kInt}, {"text", kString}}};
  static const Shape unclaimed{{{"line", kInt}, {"text", kString}}};
  static const Shape diagnostic{{{"severity", kString},
                                 {"stage", kString},
                                 {"rule", kString, false},
                                 {"line", kInt},
                                 {"column", kInt, false},
                                 {"message", kString}}};
  static const Shape doc{{{"schema", kString},
                          {"source", kObject, true, &source},
                          {"year", kObject, true, &year},
                          {"genre", kString, false},
                          {"document", kNull | kObject, false},
                          {"masthead", kNull | kObject, true, &masthead},
                          {"sections", kArray, true, nullptr, &section},
                          {"distribution", kObject, true, &distribution},
                          {"signature", kNull | kObject, false, &signature},
                          {"colophon", kArray, true, nullptr, nullptr, kString},
                          {"removed", kArray, true, nullptr, &removed},
                          {"unclaimed", kArray, true, nullptr, &unclaimed},
                          {"diagnostics", kArray, true, nullptr, &diagnostic}}};
  return doc;
}

const Shape& metric_record_shape() {
  static const Shape s = [] {
    // The context fields came after jianbao.metric/1's first release: optional, typed.
    Shape m{{{"schema", kString},
             {"source_path", kString, false},
             {"file", kString},
             {"masthead_date", kString | kNull, false},
             {"masthead_issue", kInt | kString | kNull, false},
             {"masthead_total_issue", kInt | kString | kNull, false},
             {"genre", kString | kNull, false},
             {"document_title", kString | kNull, false},
             {"file_bytes", kString, false},
             {"section", kString},
             {"item", kString},
             {"item_title", kString},
             {"item_region", kString | kNull, false},
             {"item_region_code", kString | kNull, false}}};
    for (const Field& f : metric_fields()) m.fields.push_back(f);
    return m;
  }();
  return s;
}

// Values the types alone do not pin down: metric kinds.
void check_kinds(const Json& v, const std::string& path, std::vector<ShapeProblem>* out) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string at = path + pointer_step(it.key());
      MetricKind kind;
      if (it.key() == "kind" && it->is_string() && v.contains("text") &&
          !parse_metric_kind(it->get<std::string>(), &kind)) {
        out->push_back({at, fmt::format("unknown metric kind '{}'", it->get<std::string>())});
      }
      check_kinds(*it, at, out);
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) check_kinds(v[i], path + "/" + std::to_string(i), out);
  }
}

}  // namespace

std::vector<ShapeProblem> shape_problems(const Json& record) {
  std::vector<ShapeProblem> out;
  if (!record.is_object())
    return {{"", fmt::format("a record must be an object, not {}", type_name(record))}};
  if (!record.contains("schema") || !record["schema"].is_string())
    return {{"", "missing field 'schema'"}};
  const std::string schema = record["schema"].get<std::string>();
  if (schema == kBulletinSchema) {
    check_shape(record, bulletin_shape(), "", &out);
    if (record.contains("sections") && record["sections"].is_array()) {
      check_kinds(record["sections"], "/sections", &out);
    }
  } else if (schema == kMetricSchema) {
    check_shape(record, metric_record_shape(), "", &out);
    MetricKind kind;
    if (record.contains("kind") && record["kind"].is_string() &&
        !parse_metric_kind(record["kind"].get<std::string>(), &kind)) {
      out.push_back(
          {"/kind", fmt::format("unknown metric kind '{}'", record["kind"].get<std::string>())});
    }
  } else if (schema.rfind("jianbao.", 0) == 0 && schema.rfind(kBulletinPrefix, 0) != 0 &&
             schema.rfind(kMetricPrefix, 0) != 0) {
    // Another jianbao file kept beside records (a batch summary or manifest): not a record.
  } else {
    out.push_back({"/schema", fmt::format("unknown schema '{}' (expected {} or {})", schema,
                                          kBulletinSchema, kMetricSchema)});
  }
  return out;
}

}  // namespace jianbao::check
