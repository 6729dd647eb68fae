// Section headings numbered like points, "（一）工作动态", counting through the whole bulletin.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/document.h"
#include "support/outline.h"

namespace jianbao::structure {
namespace {

using testing::outline;

std::vector<std::string> section_titles(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) out.push_back(s.title);
  return out;
}

const char kHead[] = "安全生产简报\n第6期\n某省安委会办公室　　　　2024年6月3日\n";
const char kTail[] = "报：省委、省政府领导。\n";

TEST_CASE("structure: a run of （N） headings is sections, also where a title is lost") {
  // The first item's title ran into its paragraph (a reader joined them): the first heading has
  // no title under it, the others do. Each variant loses the title under a different heading.
  const std::vector<std::string> items = {
      "3月1日，全省召开安全生产工作会议，总结去年工作，部署今年重点任务。\n",
      "开展燃气安全专项整治\n全省组织开展城镇燃气安全专项整治，排查隐患1200余处。\n",
      "省安委会派出督查组\n省安委会派出6个督查组，对各市开展明查暗访。\n",
      "某某市：推行网格化监管\n某某市建立网格化监管机制，实现企业全覆盖。\n",
  };
  const char* headings[] = {"（一）工作部署\n", "（二）专项整治\n", "（三）督查检查\n",
                            "（四）地方经验\n"};
  for (size_t lost = 0; lost < 2; ++lost) {
    CAPTURE(lost);
    std::string t = kHead;
    for (size_t k = 0; k < items.size(); ++k) {
      t += headings[k];
      // items[0] has no title; swap it with the item under the heading that loses its title.
      t += items[k == lost ? 0 : (k == 0 ? lost : k)];
    }
    t += kTail;
    const Document doc = outline(t);
    CHECK(section_titles(doc) ==
          std::vector<std::string>{"工作部署", "专项整治", "督查检查", "地方经验"});
    for (const Section& s : doc.sections) {
      CHECK(s.items.size() == 1);
      if (!s.items.empty()) CHECK(s.items.front().points.empty());
    }
  }
}

TEST_CASE("structure: （N） points inside items are no section run") {
  SUBCASE("numbered again in each item") {
    const std::string t = std::string(kHead) +
                          "一、工作部署\n全省召开安全生产工作会议\n"
                          "会议要求做好以下工作。\n（一）压实责任\n各地要逐级签订责任书。\n"
                          "（二）强化检查\n各地要开展明查暗访。\n"
                          "二、专项整治\n开展燃气安全专项整治\n"
                          "整治分两步推进。\n（一）排查隐患\n全面排查城镇燃气隐患。\n"
                          "（二）整改落实\n对排查出的隐患逐项整改。\n" +
                          kTail;
    const Document doc = outline(t);
    CHECK(section_titles(doc) == std::vector<std::string>{"工作部署", "专项整治"});
    for (const Section& s : doc.sections) {
      REQUIRE(s.items.size() == 1);
      CHECK(s.items.front().points.size() == 2);
    }
  }
  SUBCASE("one item's points, the last over the next item's title") {
    const std::string t = std::string(kHead) +
                          "全省召开安全生产工作会议\n会议要求做好以下工作。\n"
                          "（一）压实责任\n各地要逐级签订责任书。\n"
                          "（二）强化检查\n各地要开展明查暗访。\n"
                          "（三）完善机制\n开展燃气安全专项整治\n全省排查隐患1200余处。\n" +
                          kTail;
    const Document doc = outline(t);
    // (三) over a title reads as a heading, as before; (一) and (二) stay points.
    REQUIRE(!doc.sections.empty());
    REQUIRE(!doc.sections.front().items.empty());
    CHECK(doc.sections.front().items.front().points.size() == 2);
  }
}

}  // namespace
}  // namespace jianbao::structure
