// Official documents (公文): genre detection and the parts of composed 通知, 通报, 意见 and a
// company's 通知, each in the text one extraction tool makes (tests/data/official/).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jianbao/pipeline.h"
#include "jianbao/read.h"
#include "jianbao/structure.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

namespace jianbao {
namespace {

const RuleSet& rules() { return testing::builtin_rules(); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Document parse_text(const std::string& text, GenreChoice genre = GenreChoice::kDetect) {
  ParseOptions options;
  options.genre = genre;
  auto doc = parse_bulletin(text, "t.txt", rules(), options);
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

Document parse_data(const std::string& name) {
  return parse_text(read_file(testing::source_path("tests/data/official/" + name)));
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : " | ") + s;
  return out;
}

struct Expected {
  const char* file;
  const char* issuer_mark;
  const char* issuers;  // " | " between issuers
  const char* doc_number;
  const char* urgency;
  const char* signer;
  const char* title;
  const char* doc_type;
  const char* forwards;
  const char* addressee;
  const char* signed_by;
  const char* date;
  const char* attachments;  // titles
  const char* note;
  const char* imprint_office;
  const char* imprint_date;
  const char* cc;
  const char* sections;  // titles of the body's sections, "-" for an untitled one
};

TEST_CASE("official: composed documents parse with every part") {
  const Expected rows[] = {
      {.file = "tongzhi_pdftotext.txt",
       .issuer_mark = "山东省应急管理厅文件",
       .issuers = "山东省应急管理厅",
       .doc_number = "鲁应急发〔2024〕15号",
       .urgency = "紧急",
       .signer = "",
       .title = "关于做好2024年汛期安全防范工作的通知",
       .doc_type = "通知",
       .forwards = "",
       .addressee = "各市应急管理局 | 省应急管理厅各处室 | 各直属单位",
       .signed_by = "山东省应急管理厅",
       .date = "2024-05-20",
       .attachments = "2024年汛期重点工作任务分工表 | 防汛应急值守联系人名单",
       .note = "（此件公开发布）",
       .imprint_office = "山东省应急管理厅办公室",
       .imprint_date = "2024-05-21",
       .cc = "应急管理部 | 省委办公厅 | 省政府办公厅",
       .sections = "- | 提高思想认识 | 压实工作责任 | 强化应急准备"},
      {.file = "tongbao_docx2txt.txt",
       .issuer_mark = "山东省安全生产委员会办公室文件\n山东省应急管理厅文件",
       .issuers = "山东省安全生产委员会办公室 | 山东省应急管理厅",
       .doc_number = "鲁安办发〔2024〕3号",
       .urgency = "",
       .signer = "",
       .title = "关于2024年1月全省生产安全事故情况的通报",
       .doc_type = "通报",
       .forwards = "",
       .addressee = "各市安全生产委员会 | 省安委会各成员单位",
       .signed_by = "山东省安全生产委员会办公室 | 山东省应急管理厅",
       .date = "2024-02-05",
       .attachments = "2024年1月全省生产安全事故统计表",
       .note = "",
       .imprint_office = "山东省安全生产委员会办公室",
       .imprint_date = "2024-02-06",
       .cc = "应急管理部 | 国务院安委会办公室 | 省委办公厅 | 省政府办公厅",
       .sections = "- | 事故总体情况 | 主要问题 | 下步工作要求"},
      {.file = "yijian_pandoc.txt",
       .issuer_mark = "山东省应急管理厅",
       .issuers = "山东省应急管理厅",
       .doc_number = "鲁应急报〔2024〕8号",
       .urgency = "",
       .signer = "王某某",
       .title = "山东省应急管理厅关于进一步加强危险化学品安全管理的意见",
       .doc_type = "意见",
       .forwards = "",
       .addressee = "山东省人民政府",
       .signed_by = "山东省应急管理厅",
       .date = "2024-03-12",
       .attachments = "",
       .note = "（联系人：李某，联系电话：0531-12345678）",
       .imprint_office = "山东省应急管理厅办公室",
       .imprint_date = "2024-03-12",
       .cc = "应急管理部",
       .sections = "- | 总体要求 | 重点任务 | 保障措施"},
      {.file = "company_pdftotext.txt",
       .issuer_mark = "济南某某能源集团有限公司安全生产管理委员会办公室文件",
       .issuers = "济南某某能源集团有限公司安全生产管理委员会办公室",
       .doc_number = "济能安办字〔2024〕6号",
       .urgency = "",
       .signer = "",
       .title = "关于开展2024年春季安全生产大检查的通知",
       .doc_type = "通知",
       .forwards = "",
       .addressee = "各子公司 | 各部门",
       .signed_by = "济南某某能源集团有限公司安全生产管理委员会办公室",
       .date = "2024-03-28",
       .attachments = "春季安全生产大检查清单",
       .note = "",
       .imprint_office = "济南某某能源集团有限公司安全生产管理委员会办公室",
       .imprint_date = "",
       .cc = "集团领导 | 各子公司主要负责人",
       .sections = "-"},
  };
  for (const Expected& r : rows) {
    CAPTURE(r.file);
    const Document doc = parse_data(r.file);
    CHECK(doc.genre == "official_document");
    REQUIRE(doc.document.has_value());
    const OfficialDocument& d = *doc.document;
    CHECK(d.issuer_mark == r.issuer_mark);
    CHECK(joined(d.issuers) == r.issuers);
    CHECK(d.doc_number == r.doc_number);
    CHECK(d.urgency == r.urgency);
    CHECK(d.signer == r.signer);
    CHECK(d.title == r.title);
    CHECK(d.doc_type == r.doc_type);
    CHECK(joined(d.forwards) == r.forwards);
    CHECK(joined(d.addressee) == r.addressee);
    CHECK(joined(d.signature.issuers) == r.signed_by);
    CHECK(d.signature.date == r.date);
    std::vector<std::string> titles;
    for (const Attachment& a : d.attachments) titles.push_back(a.title);
    CHECK(joined(titles) == r.attachments);
    CHECK(d.note == r.note);
    CHECK(d.imprint.office == r.imprint_office);
    CHECK(d.imprint.date == r.imprint_date);
    CHECK(joined(doc.distribution.cc) == r.cc);
    std::vector<std::string> body;
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (d.section_parts[i] != "body") continue;
      body.push_back(doc.sections[i].title.empty() ? "-" : doc.sections[i].title);
    }
    CHECK(joined(body) == r.sections);
    CHECK(doc.masthead == std::nullopt);
    for (const Unclaimed& u : doc.unclaimed) {
      CAPTURE(u.text);
      CHECK_MESSAGE(false, "unclaimed line ", u.line);
    }
  }
}

TEST_CASE("official: a run-in heading is split; points nest under their section") {
  const Document doc = parse_data("tongzhi_pdftotext.txt");
  REQUIRE(doc.sections.size() >= 4);
  const Item& run_in = doc.sections[1].items.at(0);
  REQUIRE(run_in.paragraphs.size() == 1);
  CHECK(run_in.paragraphs[0].text.rfind("汛期是各类事故易发多发的时段", 0) == 0);
  const Item& duty = doc.sections[2].items.at(0);
  REQUIRE(duty.points.size() == 2);
  CHECK(duty.points[0].marker == "（一）");
  CHECK(duty.points[0].heading == "落实属地责任");
  REQUIRE(duty.points[1].points.size() == 2);
  CHECK(duty.points[1].points[1].heading == "加强值班值守");
}

// pdftotext's text of a 通知, 25 characters a line: the heading 三、 holds a comma and falls four
// characters short of a full line, so layout runs it into the paragraph below; it still heads
// its own section.
TEST_CASE("official: a heading four characters short of a full line ends at its line") {
  const std::string text =
      "江西省应急管理厅\n"
      "关于做好汛期安全生产工作的通知\n"
      "各设区市应急管理局：\n"
      "为做好今年汛期安全生产工作，有效防范遏制各类事故发\n"
      "生，现就有关事项通知如下。\n"
      "一、总体要求\n"
      "各地要坚持人民至上、生命至上，统筹发展和安全，压紧压\n"
      "实安全生产责任，全力防范化解重大安全风险。\n"
      "二、提高政治站位，切实增强做好工作的责任感\n"
      "各地要在 6 月 15 日前完成本轮隐患排查整治，并将工作总\n"
      "结报送省应急管理厅，确保各项措施落地见效。\n"
      "江西省应急管理厅\n"
      "2025 年 5 月 20 日\n";
  const Document doc = parse_text(text);
  REQUIRE(doc.document.has_value());
  std::vector<std::string> titles;
  for (const Section& s : doc.sections) titles.push_back(s.title);
  REQUIRE(titles.size() == 3);
  CHECK(titles[1] == "总体要求");
  CHECK(titles[2] == "提高政治站位，切实增强做好工作的责任感");
  REQUIRE(!doc.sections[2].items.empty());
  REQUIRE(doc.sections[2].items[0].paragraphs.size() == 1);
  CHECK(doc.sections[2].items[0].paragraphs[0].text.rfind("各地要在6月15日前", 0) == 0);
}

// A title whose 文种 the extraction cut over two lines (……的紧急通 / 知): the title, its 文种 and
// the urgency it names are read from the lines joined.
TEST_CASE("official: a title whose 文种 is cut over the line break") {
  const std::string text =
      "湖北省人民政府\n文件\n鄂政发〔2024〕93 号\n"
      "关于切实加强岁末年初安全生产工作的紧急通\n知\n"
      "省有关部门、单位，各县（市、区）应急管理局：\n"
      "为深入贯彻落实安全生产决策部署，现就有关事项通知如下。\n"
      "湖北省人民政府\n2024 年 3 月 3 日\n";
  const Document doc = parse_text(text);
  REQUIRE(doc.document.has_value());
  CHECK(doc.document->title == "关于切实加强岁末年初安全生产工作的紧急通知");
  CHECK(doc.document->doc_type == "通知");
  CHECK(doc.document->urgency == "紧急");
  CHECK(joined(doc.document->addressee) == "省有关部门、单位 | 各县（市、区）应急管理局");
}

TEST_CASE("official: attachments are parts with their own sections and metrics") {
  const Document doc = parse_data("tongzhi_pdftotext.txt");
  const OfficialDocument& d = *doc.document;
  REQUIRE(d.attachments.size() == 2);
  CHECK(d.attachments[0].n == 1);
  CHECK(d.attachments[0].first_line > d.signature.last_line);
  CHECK(d.attachments[1].first_line > d.attachments[0].last_line);
  std::vector<std::string> first;
  bool pct_in_attachment = false;
  bool pct_in_body = false;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    for (const Item& item : doc.sections[i].items) {
      for (const Metric& m : item.metrics) {
        CHECK(m.part == d.section_parts[i]);
        if (m.kind != MetricKind::kPercentage) continue;
        if (m.text == "100%") pct_in_attachment = m.part == "attachment_1";
        if (m.text.find("95%") != std::string::npos) pct_in_body = m.part == "body";
      }
    }
    if (d.section_parts[i] == "attachment_1") first.push_back(doc.sections[i].title);
  }
  CHECK(joined(first) == "监测预警 | 隐患排查");
  CHECK(pct_in_attachment);
  CHECK(pct_in_body);
}

TEST_CASE("official: a 通报's figures are metrics of its sections") {
  const Document doc = parse_data("tongbao_docx2txt.txt");
  int percentages = 0;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    for (const Item& item : doc.sections[i].items) {
      for (const Metric& m : item.metrics) {
        if (m.kind == MetricKind::kPercentage && m.part == "body") ++percentages;
      }
    }
  }
  CHECK(percentages == 5);  // 11.5%, 13.6%, 52.2%, 43.5%, and the target of 100% in 三、
}

TEST_CASE("official: a bulletin that forwards a 公文 stays a bulletin; --genre forces") {
  const std::string bulletin =
      "安全生产简报\n第5期\n山东省应急管理厅办公室　2024年5月10日\n"
      "省厅部署汛期安全防范工作\n"
      "5月20日，省应急管理厅印发《关于做好2024年汛期安全防范工作的通知》（鲁应急发〔2024〕15"
      "号），要求各市在6月15日前完成抢险物资储备。\n";
  const Document b = parse_text(bulletin);
  CHECK(b.genre == "bulletin");
  CHECK(!b.document.has_value());
  REQUIRE(b.masthead.has_value());

  const std::string official =
      read_file(testing::source_path("tests/data/official/yijian_pandoc.txt"));
  CHECK(parse_text(official, GenreChoice::kBulletin).genre == "bulletin");
  CHECK(parse_text(bulletin, GenreChoice::kOfficialDocument).genre == "official_document");
}

TEST_CASE("official: recipients split at separators and at 、 between whole names") {
  struct Row {
    const char* addressee;
    const char* expect;
  };
  const Row rows[] = {
      {"各市人民政府，省政府有关部门、单位：", "各市人民政府 | 省政府有关部门、单位"},
      {"各区县应急局、各开发区管委会：", "各区县应急局 | 各开发区管委会"},
      {"省委各部委，省直各单位；各人民团体：", "省委各部委 | 省直各单位 | 各人民团体"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.addressee);
    const std::string text = std::string("某某市应急管理局文件\n某应急发〔2024〕2号\n") +
                             "关于加强节日期间安全生产工作的通知\n" + r.addressee +
                             "\n请认真做好节日期间各项安全防范工作。\n某某市应急管理局\n2024年9月"
                             "30日\n";
    const Document doc = parse_text(text);
    REQUIRE(doc.document.has_value());
    CHECK(joined(doc.document->addressee) == r.expect);
  }
}

TEST_CASE("official: a document flattened onto one line (a web page's) is cut into paragraphs") {
  const std::string sep = "\u3000\u3000";
  const std::string text =
      sep + "某某市应急管理局" + sep + "某某市住房和城乡建设局" + sep + "文件" + sep +
      "某应急发〔2025〕7号" + sep + "关于开展燃气安全隐患排查的通知" + sep +
      "各县区应急管理局，各有关单位：" + sep + "为防范燃气事故，现就有关事项通知如下。" + sep +
      "一、全面排查。各地要在3月底前完成排查，覆盖率达到100%。" + sep + "某某市应急管理局" + sep +
      "某某市住房和城乡建设局" + sep + "2025年2月10日" + sep + "（此件公开发布）" + sep +
      "抄送：市政府办公室。" + sep + "某某市应急管理局办公室" + sep + "2025年2月11日印发\n";
  const Document doc = parse_text(text);
  REQUIRE(doc.document.has_value());
  const OfficialDocument& d = *doc.document;
  CHECK(joined(d.issuers) == "某某市应急管理局 | 某某市住房和城乡建设局");
  CHECK(d.doc_number == "某应急发〔2025〕7号");
  CHECK(d.title == "关于开展燃气安全隐患排查的通知");
  CHECK(joined(d.addressee) == "各县区应急管理局 | 各有关单位");
  CHECK(joined(d.signature.issuers) == "某某市应急管理局 | 某某市住房和城乡建设局");
  CHECK(d.signature.date == "2025-02-10");
  CHECK(d.note == "（此件公开发布）");
  CHECK(joined(doc.distribution.cc) == "市政府办公室");
  CHECK(d.imprint.office == "某某市应急管理局办公室");
  CHECK(d.imprint.date == "2025-02-11");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[1].title == "全面排查");
}

// On one line, the columns tell the sections apart: each figure stays in the section that holds
// it, not the last one on the line (an attachment).
TEST_CASE("official: on a flattened line each section keeps its own figures") {
  const std::string sep = "\u3000\u3000";
  const std::string text = sep + "某某市应急管理局文件" + sep + "某应急发〔2025〕8号" + sep +
                           "关于开展燃气安全排查的通知" + sep + "各县区应急管理局：" + sep +
                           "现就有关事项通知如下。" + sep + "一、全面排查。排查覆盖率达到95%。" +
                           sep + "二、集中整治。整改率达到80%以上。" + sep + "附件：1．排查清单" +
                           sep + "某某市应急管理局" + sep + "2025年2月10日" + sep + "附件1" + sep +
                           "排查清单" + sep + "一、检查要点" + sep + "抽查比例不低于30%。" + sep +
                           "某某市应急管理局办公室" + sep + "2025年2月11日印发\n";
  const Document doc = parse_text(text);
  REQUIRE(doc.document.has_value());
  std::vector<std::string> seen;  // "section title: percentage values"
  for (const Section& s : doc.sections) {
    std::string values;
    for (const Item& item : s.items) {
      for (const Metric& m : item.metrics) {
        if (m.kind == MetricKind::kPercentage) values += " " + m.text;
      }
    }
    if (!s.title.empty()) seen.push_back(s.title + ":" + values);
  }
  CHECK(joined(seen) == "全面排查: 95% | 集中整治: 80%以上 | 检查要点: 不低于30%");
}

TEST_CASE("official: marks and signatures wrapped or glued by the extraction") {
  const std::string text =
      "河南省住房和城乡建设厅文\n件\n豫建字〔2025〕3号\n关于做好汛期安全工作的通知\n"
      "各省辖市住房和城乡建设局：\n请做好汛期各项安全防范工作。\n"
      "河南省住房和城乡建设厅2025年6月3日\n";
  const Document doc = parse_text(text);
  REQUIRE(doc.document.has_value());
  CHECK(joined(doc.document->issuers) == "河南省住房和城乡建设厅");
  CHECK(doc.document->issuer_mark == "河南省住房和城乡建设厅文件");
  CHECK(joined(doc.document->signature.issuers) == "河南省住房和城乡建设厅");
  CHECK(doc.document->signature.date == "2025-06-03");
}

// The two real documents, as pdftotext's text and as the PDF itself (read by poppler): the same
// fields from both.
TEST_CASE("official: the two real documents, text and PDF (skips without ../shared)") {
  struct Row {
    const char* file;  // without .pdftotext.txt / .pdf
    const char* title;
    const char* doc_number;
    const char* issuers;
    const char* addressee;
    const char* date;
    const char* cc;
  };
  const Row rows[] = {
      {.file = "real/01_shandong_anwei_xiaofang_jinji_tongzhi",
       .title = "关于切实做好消防安全防控工作的紧急通知",
       .doc_number = "鲁安发〔2024〕1号",
       .issuers = "山东省人民政府安全生产委员会 | 山东省人民政府消防安全委员会",
       .addressee = "各市人民政府 | 省政府安委会各成员单位 | 省政府消安委各成员单位 | "
                    "省有关部门、单位",
       .date = "2024-01-21",
       .cc = ""},
      {.file = "real/02_taian_aiqinhai_zhuanfa_tongzhi",
       .title = "关于转发《关于全省2024年安全生产开工“第一课”活动情况通报》的通知",
       .doc_number = "泰旅爱物字〔2024〕9号",
       .issuers = "泰安市文化旅游发展集团商业运营管理有限公司爱琴海公司",
       .addressee = "各部门 | 各店铺",
       .date = "2024-03-25",
       .cc = "总经办 | 各部门"},
  };
  std::vector<std::string> suffixes = {".pdftotext.txt"};
  if (read::has_pdf_reader()) suffixes.push_back(".pdf");  // a build without that reader: text only
  for (const Row& r : rows) {
    for (const std::string& suffix : suffixes) {
      const std::string path = testing::shared_path(r.file + suffix);
      if (!std::ifstream(path).good()) {
        MESSAGE("skipped: ../shared/real is absent");
        return;
      }
      CAPTURE(path);
      auto got = parse_bulletin(read_file(path), path, testing::builtin_rules(), {});
      REQUIRE(got.ok());
      const Document& doc = got.value();
      CHECK(doc.source.reader == (suffix == ".pdf" ? "pdf" : "text"));
      CHECK(doc.genre == "official_document");
      REQUIRE(doc.document.has_value());
      const OfficialDocument& d = *doc.document;
      CHECK(d.title == r.title);
      CHECK(d.doc_number == r.doc_number);
      CHECK(joined(d.issuers) == r.issuers);
      CHECK(joined(d.addressee) == r.addressee);
      CHECK(d.signature.date == r.date);
      CHECK(joined(doc.distribution.cc) == r.cc);
      CHECK(d.doc_type == "通知");
    }
  }
}

}  // namespace
}  // namespace jianbao
