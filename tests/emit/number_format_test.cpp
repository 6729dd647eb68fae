// Whole numbers are integers in every output format (230000000, never 230000000.0 or 2.3e+08),
// ranges of figures keep both ends, and a date whose year is unknown has a null value with its
// month and day in fields of their own.
#include <doctest/doctest.h>

#include <string>

#include "jianbao/emit.h"

namespace jianbao::emit {
namespace {

Document document_with(const Metric& m) {
  Document doc;
  doc.source = {"a.txt", "00", 3, "utf-8", false};
  doc.year = {2024, "text"};
  Section s{"工作动态", "heading", 1, {}, {1}};
  Item item;
  item.id = "s1.i1";
  item.kind = "news";
  item.title = "标题";
  item.metrics.push_back(m);
  s.items.push_back(item);
  doc.sections.push_back(s);
  return doc;
}

// The metric as each format writes it.
std::vector<std::pair<std::string, std::string>> all_formats(const Document& doc) {
  const Section& s = doc.sections[0];
  const Item& i = s.items[0];
  const std::vector<std::string> columns = {"kind", "value", "start", "end", "month", "day"};
  return {{"json", emit_document(doc, {}, Format::kJson)},
          {"jsonl", emit_document(doc, {}, Format::kJsonl)},
          {"yaml", emit_document(doc, {}, Format::kYaml)},
          {"json tree", document_json(doc, {}).dump()},
          {"metric record", metric_record_text(doc, s, i, i.metrics[0], {})},
          {"csv", emit_csv({metric_record(doc, s, i, i.metrics[0], {})}, columns)}};
}

TEST_CASE("emit: whole amounts are integers in every format") {
  struct Row {
    const char* name;
    Value value, start, end;
    const char* want;      // must appear in every format
    const char* unwanted;  // must appear in none
  };
  const Value none;
  const Row rows[] = {
      {"230 million yuan", 230000000.0, none, none, "230000000", ".0"},
      {"a large sum", 1.2e13, none, none, "12000000000000", "e+"},
      // 8.3亿元: 8.3 * 1e8 is 830000000.0000001 in binary, whole only once rounded
      {"a product of a decimal", 8.3 * 100000000.0, none, none, "830000000", ".0"},
      {"a decimal stays", 1.5, none, none, "1.5", "1.50"},
      {"a range's ends", none, 20000.0, 50000.0, "50000", "50000.0"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    Metric m;
    m.kind = MetricKind::kAmount;
    m.text = "x";
    m.value = r.value;
    m.start = r.start;
    m.end = r.end;
    m.unit = "元";
    for (const auto& entry : all_formats(document_with(m))) {
      // Named copies: clang 14 cannot capture structured bindings (CAPTURE takes a lambda).
      const auto& format = entry.first;
      const auto& out = entry.second;
      CAPTURE(format);
      CHECK(out.find(r.want) != std::string::npos);
      CHECK(out.find(r.unwanted) == std::string::npos);
    }
  }
}

TEST_CASE("emit: a date whose year is unknown has a null value and its month and day") {
  Metric d;
  d.kind = MetricKind::kDate;
  d.text = "1月3日";
  d.month = 1;
  d.day = 3;
  const auto tree = document_json(document_with(d), {});
  const auto& m = tree["sections"][0]["items"][0]["metrics"][0];
  CHECK(m.contains("value"));
  CHECK(m["value"].is_null());
  CHECK(m["month"] == 1);
  CHECK(m["day"] == 3);
  CHECK(!m.contains("year_inferred"));
  Metric r;
  r.kind = MetricKind::kDateRange;
  r.text = "3月至5月";
  r.month = 3;
  r.end_month = 5;
  const auto range = document_json(document_with(r), {})["sections"][0]["items"][0]["metrics"][0];
  CHECK(range["start"].is_null());
  CHECK(range["end"].is_null());
  CHECK(range["month"] == 3);
  CHECK(range["end_month"] == 5);
  CHECK(!range.contains("day"));
  // The streamed JSON is the tree's.
  CHECK(nlohmann::ordered_json::parse(emit_document(document_with(r), {}, Format::kJson)) ==
        document_json(document_with(r), {}));
}

}  // namespace
}  // namespace jianbao::emit
