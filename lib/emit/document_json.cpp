// Document -> JSON tree. Numbers that are whole are written as integers.
#include <cmath>

#include "core/numeral.h"
#include "jianbao/emit.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

Json number_json(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
    return static_cast<long long>(v);
  // Round to the precision the text can carry, so 0.1 + 0.2 noise never shows.
  return std::stod(core::format_number(v));
}

Json value_json(const Value& v) {
  if (std::holds_alternative<double>(v)) return number_json(std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return nullptr;
}

Json lines_json(int first, int last) { return Json::array({first, last}); }

Json point_json(const Point& p) {
  Json j;
  j["n"] = p.n;
  j["marker"] = p.marker;
  j["heading"] = p.heading;
  j["text"] = p.text;
  j["lines"] = lines_json(p.first_line, p.last_line);
  if (!p.points.empty()) {
    j["points"] = Json::array();
    for (const Point& c : p.points) j["points"].push_back(point_json(c));
  }
  return j;
}

// The fields of a metric that carry its meaning, in contract order.
void metric_fields(const Metric& m, Json* j) {
  (*j)["kind"] = to_string(m.kind);
  (*j)["text"] = m.text;
  if (!std::holds_alternative<std::monostate>(m.value)) (*j)["value"] = value_json(m.value);
  if (!std::holds_alternative<std::monostate>(m.start)) (*j)["start"] = value_json(m.start);
  if (!std::holds_alternative<std::monostate>(m.end)) (*j)["end"] = value_json(m.end);
  if (!m.unit.empty()) (*j)["unit"] = m.unit;
  if (!m.comparator.empty()) (*j)["comparator"] = m.comparator;
  if (!m.change.empty()) (*j)["change"] = m.change;
  if (!m.code.empty()) (*j)["code"] = m.code;
  if (!m.group.empty()) (*j)["group"] = m.group;
  if (m.year_inferred) (*j)["year_inferred"] = true;
}

Json metric_json(const Metric& m, const EmitOptions& options) {
  Json j;
  metric_fields(m, &j);
  j["line"] = m.line;
  j["column"] = m.column;
  j["item"] = m.item_id;
  j["sentence"] = m.sentence;
  if (options.explain) j["rule"] = m.rule_id;
  return j;
}

Json item_json(const Item& item, const EmitOptions& options) {
  Json j;
  j["id"] = item.id;
  j["kind"] = item.kind;
  j["title"] = item.title;
  if (item.region) {
    j["region"] = {
        {"name", item.region->name}, {"code", item.region->code}, {"level", item.region->level}};
  } else {
    j["region"] = nullptr;
  }
  j["lines"] = lines_json(item.first_line, item.last_line);
  j["paragraphs"] = Json::array();
  for (const Paragraph& p : item.paragraphs) j["paragraphs"].push_back(p.text);
  j["points"] = Json::array();
  for (const Point& p : item.points) j["points"].push_back(point_json(p));
  j["metrics"] = Json::array();
  for (const Metric& m : item.metrics) j["metrics"].push_back(metric_json(m, options));
  j["provinces"] = Json::array();
  for (const ProvinceCount& p : item.provinces) {
    j["provinces"].push_back({{"name", p.name}, {"code", p.code}, {"count", p.count}});
  }
  return j;
}

}  // namespace

bool parse_format(const std::string& name, Format* format) {
  if (name == "yaml")
    *format = Format::kYaml;
  else if (name == "json")
    *format = Format::kJson;
  else if (name == "jsonl")
    *format = Format::kJsonl;
  else if (name == "csv")
    *format = Format::kCsv;
  else
    return false;
  return true;
}

Json document_json(const Document& doc, const EmitOptions& options) {
  Json j;
  j["schema"] = doc.schema;
  j["source"] = {{"path", doc.source.path},
                 {"sha256", doc.source.sha256},
                 {"bytes", doc.source.bytes},
                 {"encoding", doc.source.encoding},
                 {"bom", doc.source.bom}};
  j["year"] = {{"value", doc.year.value == 0 ? Json(nullptr) : Json(doc.year.value)},
               {"from", doc.year.from}};
  if (doc.masthead) {
    const Masthead& m = *doc.masthead;
    j["masthead"] = {{"title", m.title},
                     {"issue", m.issue},
                     {"total_issue", m.total_issue},
                     {"publisher", m.publisher},
                     {"date", m.date},
                     {"notes", m.notes},
                     {"lines", lines_json(m.first_line, m.last_line)}};
  } else {
    j["masthead"] = nullptr;
  }
  j["sections"] = Json::array();
  for (const Section& s : doc.sections) {
    Json sj;
    sj["title"] = s.title;
    sj["title_from"] = s.title_from;
    sj["items"] = Json::array();
    for (const Item& i : s.items) sj["items"].push_back(item_json(i, options));
    j["sections"].push_back(std::move(sj));
  }
  j["distribution"] = {{"report_to", doc.distribution.report_to},
                       {"copy_to", doc.distribution.copy_to},
                       {"cc", doc.distribution.cc}};
  j["colophon"] = doc.colophon;
  j["removed"] = Json::array();
  for (const Removed& r : doc.removed) {
    j["removed"].push_back({{"kind", r.kind}, {"line", r.line}, {"text", r.text}});
  }
  j["unclaimed"] = Json::array();
  for (const Unclaimed& u : doc.unclaimed)
    j["unclaimed"].push_back({{"line", u.line}, {"text", u.text}});
  j["diagnostics"] = Json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    j["diagnostics"].push_back({{"severity", d.severity},
                                {"stage", d.stage},
                                {"rule", d.rule_id},
                                {"line", d.line},
                                {"message", d.message}});
  }
  return j;
}

Json metric_record(const Document& doc, const Section& section, const Item& item,
                   const Metric& metric, const EmitOptions& options) {
  Json j;
  j["schema"] = "jianbao.metric/1";
  j["file"] = doc.source.path;
  j["section"] = section.title;
  j["item"] = item.id;
  j["item_title"] = item.title;
  metric_fields(metric, &j);
  j["line"] = metric.line;
  j["column"] = metric.column;
  j["sentence"] = metric.sentence;
  if (options.explain) j["rule"] = metric.rule_id;
  return j;
}

}  // namespace jianbao::emit
