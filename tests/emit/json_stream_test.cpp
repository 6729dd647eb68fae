// The streamed JSON (no tree) must be the bytes the tree's dump() writes: over every sample, in
// both explain modes, and for the strings and numbers where a hand-written writer could slip.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "emit/json_writer.h"
#include "jianbao/batch.h"
#include "jianbao/emit.h"
#include "jianbao/pipeline.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

std::vector<Document> sample_documents() {
  const std::vector<std::string> paths = testing::bulletin_paths(/*with_seed=*/false);
  std::vector<Document> docs;
  for (const std::string& path : paths) {
    auto bytes = batch::read_file(path);
    REQUIRE(bytes.ok());
    auto doc = parse_bulletin(bytes.value(), path, testing::builtin_rules(), {});
    REQUIRE(doc.ok());
    docs.push_back(std::move(doc.value()));
  }
  REQUIRE(docs.size() >= 8);
  return docs;
}

// A document whose strings and numbers go through every escape and number form.
Document tricky_document() {
  Document doc;
  doc.source = {"dir/\"a\\b\".txt", "ff", -1, "utf-8", true};
  doc.masthead = Masthead{"标题\x7f", "1", "", "发布者", "2024-01-02", {"注\x1f", ""}, 1, 2};
  doc.colophon = {"编辑：甲\n乙", "\b\f\r\t\x01\x0b", "😀 U+1F600 and 𠀀 U+20000"};
  Section s{"", "none", 1, {}, {}};
  Item item;
  item.id = "s1.i1";
  item.title = "引号\"反斜杠\\/斜杠";
  const std::vector<double> values = {0.1,  12.5,  1e-7,    123456789012.5, -3.25, -7.0,   0.0,
                                      -0.0, 1e300, -1e-300, 0.1 + 0.2,      2e15,  9.5e15, 1.0 / 3};
  for (const double v : values) {
    Metric m;
    m.text = "x";
    m.value = v;
    m.start = -v;
    m.end = std::string("2024-03-22");
    m.year_inferred = true;
    item.metrics.push_back(m);
  }
  item.points.push_back(Point{1, "一是", "h", "t", 3, 4, {Point{1, "（一）", "", "", 5, 5, {}}}});
  item.provinces.push_back({"山东省", "370000", 2});
  s.items.push_back(item);
  doc.sections.push_back(s);
  doc.unclaimed.push_back({9, "\x02"});
  doc.removed.push_back({"footer", 8, "— 1 —"});
  doc.diagnostics.push_back({"warning", "layout", "r.x", 3, "msg \"q\""});
  return doc;
}

void check_all_formats(const std::vector<Document>& docs, const EmitOptions& options) {
  std::vector<Json> trees;
  for (const Document& d : docs) {
    trees.push_back(document_json(d, options));
    CAPTURE(d.source.path);
    CHECK(document_json_text(d, options, -1) == trees.back().dump());
    CHECK(document_json_text(d, options, 2) == trees.back().dump(2));
    CHECK(emit_document(d, options, Format::kJson) ==
          emit_documents({trees.back()}, Format::kJson));
  }
  for (const Format format : {Format::kJson, Format::kJsonl, Format::kYaml}) {
    CAPTURE(static_cast<int>(format));
    DocumentStream stream(format, docs.size());
    std::string streamed;
    for (const Document& d : docs) streamed += stream.next(d, options);
    streamed += stream.finish();
    CHECK(streamed == emit_documents(trees, format));
  }
}

TEST_CASE("emit: streamed JSON is the tree's dump for every sample, with and without --explain") {
  const std::vector<Document> docs = sample_documents();
  check_all_formats(docs, {});
  check_all_formats(docs, {.explain = true});
}

TEST_CASE("emit: streamed JSON escapes strings and prints numbers as the tree's dump does") {
  const std::vector<Document> docs = {tricky_document(), Document{}, tricky_document()};
  check_all_formats(docs, {});
  check_all_formats(docs, {.explain = true});
  const std::string text = document_json_text(docs[0], {}, -1);
  CHECK(text.find(R"("\b\f\r\t\u0001\u000b")") != std::string::npos);
  CHECK(text.find("\"value\":1e-07,") != std::string::npos);
  CHECK(text.find("\"value\":123456789012.5,") != std::string::npos);
  CHECK(text.find("\"value\":-7,") != std::string::npos);
}

TEST_CASE("emit: every byte below 0x80 and each UTF-8 length escape as nlohmann does") {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all.push_back(static_cast<char>(c));
  for (const std::string& s : {all, std::string("é中😀\x7f"), std::string()}) {
    std::string out;
    append_json_string(&out, s);
    CHECK(out == Json(s).dump());
  }
}

TEST_CASE("emit: invalid UTF-8 throws as nlohmann's dump does") {
  for (const std::string bad : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
    CAPTURE(bad);
    std::string out;
    CHECK_THROWS_AS(append_json_string(&out, bad), Json::type_error);
    CHECK_THROWS_AS(Json(bad).dump(), Json::type_error);
  }
}

TEST_CASE("emit: a sentence shared by figures is escaped each time it needs it") {
  // The JSON writer checks a shared sentence once for figures that follow one another: one that
  // needs escapes must get them every time, and a new sentence must be checked again.
  const SharedText plain(std::string("全年完成投资12亿元，增长5%。"));
  const SharedText quoted(std::string("他说：\"完成\"\n增长\\5%"));
  const SharedText bad(std::string("坏\xff"));
  Document doc;
  Section s{"", "none", 1, {}, {}};
  Item item;
  item.id = "s1.i1";
  for (const SharedText* sentence : {&plain, &plain, &quoted, &quoted, &plain, &quoted}) {
    Metric m;
    m.text = "x";
    m.sentence = *sentence;
    item.metrics.push_back(m);
  }
  s.items.push_back(item);
  doc.sections.push_back(s);
  const Json tree = document_json(doc, {});
  CHECK(document_json_text(doc, {}, -1) == tree.dump());
  CHECK(document_json_text(doc, {}, 2) == tree.dump(2));
  CHECK(tree.dump().find(R"(\"完成\"\n)") != std::string::npos);
  // Malformed UTF-8 throws even after the same text's neighbours were fine.
  doc.sections[0].items[0].metrics[1].sentence = bad;
  doc.sections[0].items[0].metrics[2].sentence = bad;
  CHECK_THROWS_AS(document_json_text(doc, {}, -1), Json::type_error);
}

TEST_CASE("emit: extract's streamed metric records are the tree's dump") {
  const Document doc = tricky_document();
  const Section& s = doc.sections[0];
  const Item& item = s.items[0];
  for (const bool explain : {false, true}) {
    for (const Metric& m : item.metrics) {
      const Json record = metric_record(doc, s, item, m, {.explain = explain});
      CHECK(metric_record_text(doc, s, item, m, {.explain = explain}) == record.dump());
      CHECK(record.contains("rule") == explain);
    }
  }
  for (const Document& d : sample_documents()) {
    for (const Section& sec : d.sections) {
      for (const Item& i : sec.items) {
        for (const Metric& m : i.metrics) {
          CHECK(metric_record_text(d, sec, i, m, {.explain = true}) ==
                metric_record(d, sec, i, m, {.explain = true}).dump());
        }
      }
    }
  }
}

}  // namespace
}  // namespace jianbao::emit
