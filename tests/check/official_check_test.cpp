// jianbao check on official documents: the parts GB/T 9704 requires (document-no-number,
// document-no-date) and dates that cannot be (document-dated-after-imprint).
#include <doctest/doctest.h>

#include <algorithm>

#include "jianbao/check.h"
#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"

namespace jianbao::check {
namespace {

const RuleSet& rules() {
  static const auto r = load_rules({});
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  return *r.value();
}

const CheckConfig& config() {
  static const auto c = load_check_config({});
  REQUIRE_MESSAGE(c.ok(), c.status().to_string());
  return c.value();
}

TEST_CASE("check: official documents get the checks of their genre") {
  struct Row {
    const char* name;
    const char* number;     // the 发文字号 line, "" for none
    const char* signed_on;  // the 成文日期 line, "" for none
    const char* issued_on;  // the 印发日期
    const char* expect;     // the ids found, in order; "" for none
    Severity severity;
  };
  const Row rows[] = {
      {.name = "complete",
       .number = "某应急发〔2024〕5号\n",
       .signed_on = "2024年3月1日\n",
       .issued_on = "2024年3月2日",
       .expect = "",
       .severity = Severity::kWarning},
      {.name = "no number",
       .number = "",
       .signed_on = "2024年3月1日\n",
       .issued_on = "2024年3月2日",
       .expect = "document-no-number",
       .severity = Severity::kWarning},
      {.name = "no date",
       .number = "某应急发〔2024〕5号\n",
       .signed_on = "",
       .issued_on = "2024年3月2日",
       .expect = "document-no-date",
       .severity = Severity::kWarning},
      {.name = "signed after it was issued",
       .number = "某应急发〔2024〕5号\n",
       .signed_on = "二〇二四年三月九日\n",
       .issued_on = "2024年3月2日",
       .expect = "document-dated-after-imprint",
       .severity = Severity::kError},
  };
  const Checker checker(rules(), config(), nullptr);
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string text = std::string("某某市应急管理局文件\n") + r.number +
                             "关于加强春季安全生产工作的通知\n各县区应急管理局：\n"
                             "请认真做好春季安全生产各项工作。\n某某市应急管理局\n" +
                             r.signed_on + "抄送：市政府办公室。\n某某市应急管理局办公室 " +
                             r.issued_on + "印发\n";
    auto doc = parse_bulletin(text, "t.txt", rules(), {});
    REQUIRE(doc.ok());
    REQUIRE(doc.value().genre == "official_document");
    std::string ids;
    Severity severity = Severity::kWarning;
    for (const Finding& f : checker.check_document(doc.value())) {
      if (f.check_id.rfind("document-", 0) != 0) continue;
      ids += (ids.empty() ? "" : " ") + f.check_id;
      severity = f.severity;
    }
    CHECK(ids == r.expect);
    if (*r.expect) CHECK(severity == r.severity);
  }
}

TEST_CASE("check: a bulletin gets none of the official document checks") {
  const std::string text =
      "安全生产简报\n第3期\n某某市应急管理局办公室 2024年3月1日\n市局部署春季安全生产工作\n"
      "3月1日，市应急管理局召开会议，部署春季安全生产工作。\n";
  auto doc = parse_bulletin(text, "t.txt", rules(), {});
  REQUIRE(doc.ok());
  const Checker checker(rules(), config(), nullptr);
  for (const Finding& f : checker.check_document(doc.value())) {
    CHECK(f.check_id.rfind("document-", 0) != 0);
  }
}

}  // namespace
}  // namespace jianbao::check
