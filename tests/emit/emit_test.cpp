// Stage 5: records as JSON, YAML and CSV, parsed back by real parsers.
#include "jianbao/emit.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

namespace jianbao::emit {
namespace {

Document sample_document() {
  Document doc;
  doc.source = {"a.txt", "00", 3, "utf-8", false};
  doc.year = {2024, "text"};
  Section s{"工作动态", "heading", 1, {}, {1}};
  Item item;
  item.id = "s1.i1";
  item.kind = "local_experience";
  item.title = "山东省：\"引号\"\t和控制字符\x01";
  item.region = Region{"山东省", "370000", "province"};
  Metric m;
  m.kind = MetricKind::kPercentage;
  m.text = "80%以上";
  m.value = 80.0;
  m.comparator = ">=";
  item.metrics.push_back(m);
  Metric d;
  d.kind = MetricKind::kDate;
  d.text = "3月22日";
  d.value = std::string("2024-03-22");
  item.metrics.push_back(d);
  s.items.push_back(item);
  doc.sections.push_back(s);
  return doc;
}

TEST_CASE("emit: JSON parses back with every field") {
  const auto tree = document_json(sample_document(), {});
  const std::string json = emit_documents({tree}, Format::kJson);
  const auto parsed = nlohmann::json::parse(json);
  CHECK(parsed["schema"] == "jianbao.bulletin/1");
  const auto& item = parsed["sections"][0]["items"][0];
  CHECK(item["title"] == "山东省：\"引号\"\t和控制字符\x01");
  CHECK(item["region"]["code"] == "370000");
  CHECK(item["metrics"][0]["value"] == 80);
  CHECK(item["metrics"][0]["value"].is_number_integer());
}

TEST_CASE("emit: YAML keeps codes and dates as strings and escapes control characters") {
  const std::string yaml = to_yaml(document_json(sample_document(), {}));
  const YAML::Node root = YAML::Load(yaml);
  const YAML::Node item = root["sections"][0]["items"][0];
  CHECK(item["region"]["code"].Tag() == "!");  // quoted: a string, not the number 370000
  CHECK(item["region"]["code"].as<std::string>() == "370000");
  CHECK(item["metrics"][1]["value"].Tag() == "!");
  CHECK(item["title"].as<std::string>() == "山东省：\"引号\"\t和控制字符\x01");
  CHECK(item["metrics"][0]["value"].as<int>() == 80);
}

TEST_CASE("emit: YAML quotes every scalar that starts like a date, whatever follows it") {
  // YAML 1.1 readers differ on how much of a timestamp they take; a date prefix is quoted.
  for (const std::string s :
       {"2024-05-1", "2024-05-1 j", "2024-5-10T08", "2024-05-01t", "2024-05-01 10:30:00"}) {
    nlohmann::ordered_json tree = {{"value", s}};
    const YAML::Node node = YAML::Load(to_yaml(tree))["value"];
    CAPTURE(s);
    CHECK(node.Tag() == "!");
    CHECK(node.as<std::string>() == s);
  }
  // Not a date: stays plain.
  for (const std::string s : {"2024-05-1日", "2024年-05-01", "20245-05-01 j", "2024-05-号"}) {
    nlohmann::ordered_json tree = {{"value", s}};
    CAPTURE(s);
    CHECK(YAML::Load(to_yaml(tree))["value"].Tag() == "?");
  }
}

TEST_CASE("emit: JSON Lines is one record per line; several documents make an array") {
  const auto tree = document_json(sample_document(), {});
  const std::string lines = emit_documents({tree, tree}, Format::kJsonl);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
  CHECK(nlohmann::json::parse(emit_documents({tree, tree}, Format::kJson)).is_array());
  CHECK(nlohmann::json::parse(emit_documents({tree}, Format::kJson)).is_object());
}

TEST_CASE("emit: a JSON array written record by record is the array nlohmann writes") {
  const auto tree = document_json(sample_document(), {});
  nlohmann::ordered_json other = tree;
  other["sections"] = nlohmann::ordered_json::array();
  other["colophon"] = {"编辑：甲\n乙"};  // an escaped newline inside a string
  for (const size_t n : {size_t{0}, size_t{2}, size_t{3}}) {
    CAPTURE(n);
    std::vector<nlohmann::ordered_json> records;
    for (size_t i = 0; i < n; ++i) records.push_back(i % 2 ? other : tree);
    CHECK(emit_documents(records, Format::kJson) == nlohmann::ordered_json(records).dump(2) + "\n");
  }
  CHECK(emit_documents({tree}, Format::kJson) == tree.dump(2) + "\n");
}

TEST_CASE("emit: CSV quotes commas, quotes and line breaks") {
  nlohmann::ordered_json r;
  r["a"] = "x,y";
  r["b"] = "say \"hi\"";
  r["c"] = 3;
  const std::string csv = emit_csv({r}, {"a", "b", "c", "d"});
  CHECK(csv == "a,b,c,d\r\n\"x,y\",\"say \"\"hi\"\"\",3,\r\n");
}

TEST_CASE("emit: CSV written row by row is the CSV of all rows") {
  nlohmann::ordered_json a;
  a["a"] = "x,y";
  a["c"] = 3;
  nlohmann::ordered_json b;
  b["b"] = "line\nbreak";
  const std::vector<std::string> columns = {"a", "b", "c"};
  CHECK(csv_header(columns) + csv_row(a, columns) + csv_row(b, columns) ==
        emit_csv({a, b}, columns));
  CHECK(csv_row(b, columns) == ",\"line\nbreak\",\r\n");
}

TEST_CASE("emit: format names") {
  Format f;
  CHECK(parse_format("jsonl", &f));
  CHECK(f == Format::kJsonl);
  CHECK_FALSE(parse_format("xml", &f));
}

}  // namespace
}  // namespace jianbao::emit
