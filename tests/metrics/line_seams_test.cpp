// A figure cut by a line break that the layout stage took for a block's end is found on the
// joined text and traced to the line where it starts (metrics/line_seams.h).
#include "metrics/line_seams.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/pipeline.h"
#include "support/builtin_rules.h"

namespace jianbao::metrics {
namespace {

// Lines 1/2 cross a seam; 3/4 are cells; 5 and 7 have a blank line between them.
const std::string kSeamText =
    "本月，全省共发生各类生产安全事故 95 起、死亡 1592\n人，事故起数同比下降。\n"
    "4003\n77.9%\n"
    "本月，全省共发生各类生产安全事故 95 起、死亡 1592\n\n人，事故起数同比下降。\n";

std::vector<Metric> metrics_of(const std::string& text) {
  ParseOptions options;
  options.metrics.fallback_year = 2024;
  auto doc = parse_bulletin(text, "t.txt", testing::builtin_rules(), options);
  REQUIRE(doc.ok());
  std::vector<Metric> out;
  for (const Section& s : doc.value().sections) {
    for (const Item& i : s.items) out.insert(out.end(), i.metrics.begin(), i.metrics.end());
  }
  return out;
}

const Metric* find_text(const std::vector<Metric>& ms, const std::string& text) {
  for (const Metric& m : ms) {
    if (m.text == text) return &m;
  }
  return nullptr;
}

// Lines of one length and no blank line between them: text that is not wrapped at a known width,
// where every line is a block of its own.
std::string bulletin(const std::string& body) {
  return "安全生产工作动态\n全省安全生产形势\n" + body +
         "各地排查整治情况如下：\n4003\n77.9%\n推动各地各部门安全防范措施落地见效，形势稳定。\n";
}

TEST_CASE("line seams: a figure cut at a block's last line is found whole, at its first line") {
  struct Row {
    const char* name;
    const char* upper;  // the line the figure starts on (line 3 of the text)
    const char* lower;
    const char* text;  // the metric's text, as joined
    MetricKind kind;
    double value;
    const char* unit;
    const char* change;
  };
  const Row rows[] = {
      {"a unit on the next line", "本月，全省共发生各类生产安全事故 95 起、死亡 1592",
       "人，事故起数同比下降 6.2%，形势总体稳定向好。", "1592人", MetricKind::kCount, 1592, "人",
       ""},
      {"a decimal cut after its point", "全省累计投入专项安全整治资金合计，按计划下达 3.",
       "2亿元，推动各地各部门安全防范措施落地见效。", "3.2亿元", MetricKind::kAmount, 3.2e8, "元",
       ""},
      {"digits cut in the middle", "推动各地各部门安全防范措施落地见效，整治隐患 1",
       "200余处，推动安全防范措施落地见效。", "1200余处", MetricKind::kCount, 1200, "处", ""},
      {"a direction word before the break", "全年全省生产安全事故起数与上年相比同比下降",
       "12.5%，全省安全生产形势总体稳定向好。", "同比下降12.5%", MetricKind::kPercentage, 12.5, "",
       "decrease"},
      {"a counted noun cut in two", "为推进工贸企业安全治理，省交通运输厅组织六个工作",
       "组分赴各地开展明查暗访，重点检查企业主体责任。", "六个工作组", MetricKind::kCount, 6,
       "工作组", ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string body = std::string(r.upper) + "\n" + r.lower + "\n";
    const std::vector<Metric> ms = metrics_of(bulletin(body));
    const Metric* m = find_text(ms, r.text);
    REQUIRE(m != nullptr);
    CHECK(m->kind == r.kind);
    CHECK(std::get<double>(m->value) == doctest::Approx(r.value));
    CHECK(m->unit == r.unit);
    CHECK(m->change == r.change);
    CHECK(m->line == 3);
    // The pieces on either side of the break are no figures of their own.
    for (const Metric& other : ms) {
      const bool piece = (other.line == 3 || other.line == 4) && other.kind == r.kind &&
                         &other != m && std::string(r.text).find(other.text) != std::string::npos;
      CHECK_FALSE(piece);
    }
  }
}

TEST_CASE("line seams: a date cut between month and day, and table cells left apart") {
  const std::vector<Metric> ms = metrics_of(bulletin(
      "省应急厅组织开展执法检查，水利部自 8 月 16\n日起在全省集中开展为期两个月的执法检查行动。\n"
      "省安委办部署开展安全生产大检查，检查定于 3 月\n25 日起在全省各地全面展开，为期一个月。\n"));
  const Metric* cut_day = find_text(ms, "8月16日");
  REQUIRE(cut_day != nullptr);
  CHECK(std::get<InternedText>(cut_day->value) == "2024-08-16");
  CHECK(cut_day->line == 3);
  const Metric* cut_month = find_text(ms, "3月25日");
  REQUIRE(cut_month != nullptr);
  CHECK(std::get<InternedText>(cut_month->value) == "2024-03-25");
  CHECK(cut_month->line == 5);
  // "4003" and "77.9%" stand on short lines of their own: two cells, not one figure.
  const Metric* cell = find_text(ms, "77.9%");
  REQUIRE(cell != nullptr);
  CHECK(std::get<double>(cell->value) == doctest::Approx(77.9));
  for (const Metric& m : ms) CHECK(m.text.find("4003") == std::string::npos);
}

TEST_CASE("line seams: only consecutive lines whose upper one is long make a seam") {
  const std::string text = kSeamText;
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  const layout::CleanText clean = layout::clean_layout(decoded.value(), testing::builtin_rules());
  std::vector<SeamTouch> none(clean.blocks.size());
  const std::vector<LineSeam> seams = find_line_seams(clean.blocks, none, testing::builtin_rules());
  REQUIRE(seams.size() == 1);
  CHECK(clean.blocks[seams[0].upper].first_line() == 1);
  CHECK(seams[0].window.text.find("1592人") != std::string::npos);
}

TEST_CASE("line seams: seam_below finds, one seam at a time, what find_line_seams does") {
  const std::string text = kSeamText;
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  const RuleSet& rules = testing::builtin_rules();
  const layout::CleanText clean = layout::clean_layout(decoded.value(), rules);
  for (const bool touch : {false, true}) {
    CAPTURE(touch);
    const std::vector<SeamTouch> touching(clean.blocks.size(), SeamTouch{touch, touch});
    const std::vector<LineSeam> all = find_line_seams(clean.blocks, touching, rules);
    REQUIRE_FALSE(all.empty());
    const int width = long_line_width(clean.blocks, rules.tables.line_seam.long_line_rank);
    std::vector<LineSeam> one_by_one;
    for (size_t b = 0; b < clean.blocks.size(); ++b) {
      auto s = seam_below(clean.blocks, b, touching[b], SeamTouch{touch, touch}, width, rules);
      if (s) one_by_one.push_back(std::move(*s));
    }
    REQUIRE(one_by_one.size() == all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      CHECK(one_by_one[i].upper == all[i].upper);
      CHECK(one_by_one[i].window.text == all[i].window.text);
      CHECK(one_by_one[i].at == all[i].at);
    }
  }
}

TEST_CASE("line seams: long_line_width measures each line as core::display_width does") {
  // Han, a Yijing hexagram (U+4DC0, narrow among wide neighbours), CJK and fullwidth punctuation,
  // halfwidth katakana, ASCII, two- and four-byte characters, and malformed bytes.
  const std::vector<std::string> chars = {"中",   "\u4DC0",   "\u4DBF",      "，", "。",
                                          "ｱ",    "a",        " ",           "é",  "😀",
                                          "\x80", "\xE4\xB8", "\xED\xA0\x80"};
  std::mt19937 rng(12);
  std::uniform_int_distribution<size_t> pick(0, chars.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int round = 0; round < 200; ++round) {
    std::vector<layout::Block> blocks(3);
    std::vector<int> want;
    for (layout::Block& b : blocks) {
      for (int line = 0; line < 3; ++line) {
        std::string text;
        for (int n = length(rng); n > 0; --n) text += chars[pick(rng)];
        b.add_line(line + 1, text);
        want.push_back(core::display_width(text));
      }
    }
    std::sort(want.begin(), want.end());
    for (const double rank : {0.0, 0.5, 1.0}) {
      const auto k = static_cast<size_t>(rank * static_cast<double>(want.size() - 1));
      CHECK(long_line_width(blocks, rank) == want[k]);
    }
  }
}

}  // namespace
}  // namespace jianbao::metrics
