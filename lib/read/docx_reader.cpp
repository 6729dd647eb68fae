#include "read/docx_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <pugixml.hpp>

#include "read/docx_sections.h"
#include "read/docx_styles.h"
#include "read/docx_xml.h"
#include "read/read_types.h"
#include "read/zip_package.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

bool is_red(const std::string& rgb, const ReadRules& r) {
  if (rgb.size() != 6) return false;
  auto channel = [&](size_t at) {
    return static_cast<int>(std::strtol(rgb.substr(at, 2).c_str(), nullptr, 16));
  };
  return channel(0) >= r.red_min && channel(2) <= r.red_max_other && channel(4) <= r.red_max_other;
}

// The runs of one paragraph, read into one or more lines (a <w:br/> starts a new line).
struct ParagraphText {
  std::vector<std::string> lines{""};
  bool all_bold = true, all_red = true, any_text = false, page_field = false;
  bool page_break = false;  // a page break before its text
  int size = 0;
  std::vector<pugi::xml_node> text_boxes;  // <w:txbxContent> met on the way, read after it
};

class PartReader {
 public:
  PartReader(const DocxStyles& styles, DocxNumbering* numbering, const ReadRules& rules,
             std::string part, std::vector<ReadLine>* out)
      : styles_(styles), numbering_(numbering), rules_(rules), part_(std::move(part)), out_(out) {}

  // Walks block content: paragraphs, tables (row by row, cell by cell), content controls.
  void blocks(const pugi::xml_node& parent, int row = 0, int column = 0) {
    for (const pugi::xml_node& n : parent.children()) {
      const std::string name = n.name();
      if (name == "w:p") {
        paragraph(n, row, column);
      } else if (name == "w:tbl") {
        int r = 0;
        for (const pugi::xml_node& tr : n.children("w:tr")) {
          ++r;
          int c = 0;
          for (const pugi::xml_node& tc : tr.children("w:tc")) blocks(tc, r, ++c);
        }
      } else if (name == "w:sdt") {
        blocks(n.child("w:sdtContent"), row, column);
      } else if (name == "w:customXml" || name == "w:sdtContent") {
        blocks(n, row, column);
      }
    }
  }

 private:
  void runs(const pugi::xml_node& parent, const DocxStyle& style, ParagraphText* p) {
    for (const pugi::xml_node& n : parent.children()) {
      const std::string name = n.name();
      if (name == "w:r") {
        run(n, style, p);
      } else if (name == "w:fldSimple") {
        if (std::string(n.attribute("w:instr").as_string()).find("PAGE") != std::string::npos) {
          p->page_field = true;
        }
        runs(n, style, p);
      } else if (name == "w:hyperlink" || name == "w:smartTag" || name == "w:ins" ||
                 name == "w:customXml" || name == "w:sdt" || name == "w:sdtContent") {
        runs(n, style, p);
      } else if (name == "mc:AlternateContent") {
        runs(n.child("mc:Choice"), style, p);  // the Fallback repeats the Choice
      }
      // w:del (deleted text), w:proofErr, bookmarks: nothing to read.
    }
  }

  void run(const pugi::xml_node& r, const DocxStyle& style, ParagraphText* p) {
    const pugi::xml_node rpr = r.child("w:rPr");
    int bold = style.bold;
    if (rpr.child("w:b"))
      bold = w_val(rpr.child("w:b")) == "0" || w_val(rpr.child("w:b")) == "false" ? 0 : 1;
    std::string color = rpr.child("w:color") ? w_val(rpr.child("w:color")) : style.color;
    const int size = rpr.child("w:sz") ? std::atoi(w_val(rpr.child("w:sz")).c_str()) : style.size;
    bool text = false;
    for (const pugi::xml_node& n : r.children()) {
      const std::string name = n.name();
      if (name == "w:t") {
        p->lines.back() += n.text().get();
        text = text || *n.text().get();
      } else if (name == "w:tab") {
        p->lines.back() += '\t';
      } else if (name == "w:br" || name == "w:cr") {
        if (std::string(n.attribute("w:type").as_string()) == "page") {
          // A page break inside a paragraph is taken as one before its next line.
          p->page_break = true;
        }
        p->lines.emplace_back();
      } else if (name == "w:instrText") {
        if (std::string(n.text().get()).find("PAGE") != std::string::npos) p->page_field = true;
      } else if (name == "w:drawing" || name == "mc:AlternateContent" || name == "w:pict") {
        collect_text_boxes(name == "mc:AlternateContent" ? n.child("mc:Choice") : n, p);
      }
    }
    if (!text) return;
    p->any_text = true;
    p->all_bold = p->all_bold && bold == 1;
    p->all_red = p->all_red && is_red(color, rules_);
    p->size = std::max(p->size, size);
  }

  void collect_text_boxes(const pugi::xml_node& n, ParagraphText* p) {
    for (const pugi::xpath_node& x : n.select_nodes(".//w:txbxContent")) {
      p->text_boxes.push_back(x.node());
    }
  }

  void paragraph(const pugi::xml_node& n, int row, int column) {
    ++index_;
    const pugi::xml_node ppr = n.child("w:pPr");
    const DocxStyle style = styles_.resolved(w_val(ppr.child("w:pStyle")));
    ParagraphText p;
    runs(n, style, &p);
    p.page_break = p.page_break || static_cast<bool>(ppr.child("w:pageBreakBefore"));
    std::string num_id = style.num_id;
    int level = style.num_level;
    if (const pugi::xml_node num = ppr.child("w:numPr")) {
      if (num.child("w:numId")) num_id = w_val(num.child("w:numId"));
      if (num.child("w:ilvl")) level = std::atoi(w_val(num.child("w:ilvl")).c_str());
    }
    const bool has_text = std::any_of(p.lines.begin(), p.lines.end(), [](const std::string& l) {
      return l.find_first_not_of(" \t") != std::string::npos;
    });
    // numId 0 switches numbering off; an empty paragraph takes no number.
    const std::string number =
        has_text && !num_id.empty() && num_id != "0" ? numbering_->next(num_id, level, rules_) : "";
    const std::string jc = ppr.child("w:jc") ? w_val(ppr.child("w:jc")) : "";
    const bool centred = jc.empty() ? style.centred : jc == "center";
    bool first = true;
    for (const std::string& text : p.lines) {
      if (text.find_first_not_of(" \t") == std::string::npos) continue;
      ReadLine l;
      l.text = first ? number + text : text;
      l.font_size = p.size;
      // Page breaks are not passed on as page starts: layout guesses running headers at page
      // starts, and a DOCX has its headers in their own parts (read below), so a guess could
      // only take a body line ("320项", a table's last cell) for one.
      decode::LineFacts& f = l.facts;
      f.paragraph = index_;
      f.part = part_;
      f.style = style.name;
      f.number = first ? number : "";
      f.centred = centred;
      f.bold = p.any_text && p.all_bold;
      f.red = p.any_text && p.all_red;
      f.table_row = row;
      f.table_column = column;
      f.title = part_ == "document" && row == 0 && styles_.is_heading(style, rules_);
      if (part_ == "header") f.furniture = p.page_field ? "page_number" : "running_header";
      if (part_ == "footer") f.furniture = p.page_field ? "page_number" : "footer";
      out_->push_back(std::move(l));
      first = false;
    }
    for (const pugi::xml_node& box : p.text_boxes) blocks(box, row, column);
  }

  const DocxStyles& styles_;
  DocxNumbering* numbering_;
  const ReadRules& rules_;
  std::string part_;
  std::vector<ReadLine>* out_;
  int index_ = 0;
};

// Parses the part `name` into *doc; a part not in the package is an empty document.
Status parse_optional(ZipPackage* zip, const std::string& name, const ReadRules& rules,
                      const std::string& path, pugi::xml_document* doc) {
  if (!zip->has(name)) return Status();
  auto xml = zip->read(name);
  if (!xml.ok()) return xml.status();
  return parse_part_xml(xml.value(), name, path, rules, doc);
}

Status read_part(ZipPackage* zip, const std::string& name, const std::string& part,
                 const char* root, const DocxStyles& styles, DocxNumbering* numbering,
                 const ReadRules& rules, const std::string& path, std::vector<ReadLine>* out) {
  auto xml = zip->read(name);
  if (!xml.ok()) return xml.status();
  pugi::xml_document doc;
  JB_TRY(parse_part_xml(xml.value(), name, path, rules, &doc));
  PartReader reader(styles, numbering, rules, part, out);
  reader.blocks(doc.child(root));
  return Status();
}

// The header and footer parts the pages show (docx_sections.h); when the sections or their
// relationships are missing, every part named word/header*.xml or word/footer*.xml.
Result<std::vector<ShownPart>> header_parts(ZipPackage* zip, const pugi::xml_document& document,
                                            const DocxStyles& styles, const ReadRules& rules,
                                            const std::string& path) {
  pugi::xml_document rels, settings;
  JB_TRY(parse_optional(zip, "word/_rels/document.xml.rels", rules, path, &rels));
  JB_TRY(parse_optional(zip, "word/settings.xml", rules, path, &settings));
  ShownParts shown = shown_header_parts(document, rels, settings, styles, rules);
  if (shown.known) return shown.parts;
  std::vector<ShownPart> out;
  for (const std::string& name : zip->names()) {
    const bool header = name.rfind("word/header", 0) == 0;
    const bool named = header || name.rfind("word/footer", 0) == 0;
    if (named && name.size() >= 4 && name.substr(name.size() - 4) == ".xml") {
      out.push_back({.name = name, .header = header});
    }
  }
  return out;
}

}  // namespace

Result<decode::DecodedText> read_docx(std::string_view bytes, const std::string& path,
                                      const RuleSet& rules) {
  auto opened = ZipPackage::open(bytes, path, rules.read);
  if (!opened.ok()) return opened.status();
  ZipPackage& zip = *opened.value();
  DocxStyles styles;
  DocxNumbering numbering;
  for (const auto& [name, target] : {std::pair{"word/styles.xml", 0}, {"word/numbering.xml", 1}}) {
    if (!zip.has(name)) continue;
    auto xml = zip.read(name);
    if (!xml.ok()) return xml.status();
    pugi::xml_document doc;
    JB_TRY(parse_part_xml(xml.value(), name, path, rules.read, &doc));
    if (target == 0) {
      styles.load(doc);
    } else {
      numbering.load(doc);
    }
  }
  pugi::xml_document document;
  {
    auto xml = zip.read("word/document.xml");
    if (!xml.ok()) return xml.status();
    JB_TRY(parse_part_xml(xml.value(), "word/document.xml", path, rules.read, &document));
  }
  std::vector<ReadLine> lines;
  PartReader(styles, &numbering, rules.read, "document", &lines)
      .blocks(document.child("w:document").child("w:body"));
  // Headers and footers come after the body: their lines are furniture, listed in `removed`.
  auto parts = header_parts(&zip, document, styles, rules.read, path);
  if (!parts.ok()) return parts.status();
  for (const ShownPart& part : parts.value()) {
    if (!zip.has(part.name)) continue;  // a relationship to a part the package lacks
    if (Status s = read_part(&zip, part.name, part.header ? "header" : "footer",
                             part.header ? "w:hdr" : "w:ftr", styles, &numbering, rules.read, path,
                             &lines);
        !s.ok()) {
      return s;
    }
  }
  if (lines.empty()) return Status::bad_input("DOCX has no text", {.file = path});
  decode::DecodedText text = to_decoded_text(std::move(lines), bytes, path, "docx");
  // Centred and set larger than the body: a title, as in a PDF.
  for (decode::LineFacts& f : text.facts) {
    if (f.part == "document" && f.table_row == 0 && f.centred &&
        f.size >= rules.read.title_size_ratio) {
      f.title = true;
    }
  }
  return text;
}

}  // namespace jianbao::read
