// The streamed YAML (YamlWriter, no tree) must be the bytes to_yaml() writes for the same tree, for
// every container shape whose style is only known at its first element or its end, and a record
// must leave the writer in pieces, never whole.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "emit/yaml_writer.h"
#include "jianbao/emit.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

// Makes the calls that would have built `j`.
void replay(const Json& j, YamlWriter& w) {
  switch (j.type()) {
    case Json::value_t::object:
      w.begin_object();
      for (const auto& [k, v] : j.items()) {
        w.key(k);
        replay(v, w);
      }
      w.end_object();
      break;
    case Json::value_t::array:
      w.begin_array();
      for (const Json& v : j) replay(v, w);
      w.end_array();
      break;
    case Json::value_t::string:
      w.str(j.get_ref<const std::string&>());
      break;
    case Json::value_t::boolean:
      w.boolean(j.get<bool>());
      break;
    case Json::value_t::number_float:
      w.real(j.get<double>());
      break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      w.integer(j.get<long long>());
      break;
    default:
      w.null();
  }
}

// The writer's text with the record's closing newline, as to_yaml ends it; `spill_at` 0 spills
// after every call.
std::string streamed(const Json& j, size_t spill_at, size_t* pieces = nullptr) {
  std::string all;
  std::string buffer;
  size_t n = 0;
  {
    YamlWriter w(
        &buffer,
        [&](std::string_view s) {
          all.append(s);
          ++n;
        },
        spill_at);
    replay(j, w);
  }
  if (pieces) *pieces = n;
  return all + buffer + "\n";
}

TEST_CASE("yaml stream: every container shape is written as to_yaml writes its tree") {
  const std::vector<Json> trees = {
      Json::parse(R"({"a": {}, "b": [], "c": [1], "d": [1, 2.5], "e": [1, 2, 3]})"),
      Json::parse(R"({"mixed": [1, "x"], "str": ["x"], "lead": ["x", 1, 2], "tail": [1, null]})"),
      Json::parse(R"([[1, 2], [], [{}], [{"a": 1, "b": [3]}], [[[]]], [1, [2]], [true, false]])"),
      Json::parse(R"({"n": {"m": {"k": [{"x": [], "y": {}}, {"z": [1e21, -0.0, 7]}]}}})"),
      Json::parse(R"({"370000": "370000", "=": "<<", "a: b": " #c", "": null, "t": "a\u2028b"})"),
      Json::parse(R"([1, 2])"),
      Json::parse(R"([1, 2, 3])"),
      Json::parse(R"({})"),
      Json::parse(R"([])"),
      Json::parse(R"("plain")"),
      Json::parse(R"(12)"),
      Json::parse(R"([{"a": [{"b": [{"c": [1, 2]}]}]}, "x"])")};
  for (const Json& tree : trees) {
    CAPTURE(tree.dump());
    for (const size_t spill_at : {size_t{0}, size_t{7}, kSpillBytes}) {
      CAPTURE(spill_at);
      CHECK(streamed(tree, spill_at) == to_yaml(tree));
    }
  }
}

TEST_CASE("yaml stream: a large record leaves the writer in pieces of about the spill size") {
  Json items = Json::array();
  for (int i = 0; i < 4000; ++i) {
    items.push_back({{"id", "s1.i" + std::to_string(i)},
                     {"title", "第" + std::to_string(i) + "项：推进“十四五”规划"},
                     {"lines", {i, i + 1}},
                     {"metrics", Json::array({{{"value", i * 0.5}, {"unit", "亿元"}}})}});
  }
  const Json tree = {{"schema", "jianbao.bulletin/1"}, {"items", items}};
  size_t pieces = 0;
  const std::string text = streamed(tree, 4096, &pieces);
  CHECK(text == to_yaml(tree));
  CHECK(text.size() > 100 * 4096);
  CHECK(pieces >= text.size() / 8192);  // never the whole record at once
}

TEST_CASE("yaml stream: DocumentStream::write hands the record over in pieces, as next() writes") {
  Document doc;
  doc.source = {"a.txt", "ff", 1, "utf-8", false};
  Section s{"一、总体", "heading", 1, {}, {}};
  for (int i = 0; i < 3000; ++i) {
    Item item;
    item.id = "s1.i" + std::to_string(i + 1);
    item.title = "各地区积极推进重点项目建设，完成投资" + std::to_string(i) + "亿元";
    s.items.push_back(item);
  }
  doc.sections.push_back(s);
  for (const Format format : {Format::kYaml, Format::kJson, Format::kJsonl}) {
    CAPTURE(static_cast<int>(format));
    std::vector<size_t> sizes;
    std::string all;
    DocumentStream stream(format, 1);
    stream.write(doc, {}, [&](std::string_view piece) {
      sizes.push_back(piece.size());
      all.append(piece);
    });
    CHECK(all == emit_documents({document_json(doc, {})}, format));
    CHECK(sizes.size() > 4);
    CHECK(*std::max_element(sizes.begin(), sizes.end()) < 2 * kSpillBytes);
  }
}

}  // namespace
}  // namespace jianbao::emit
