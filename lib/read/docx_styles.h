// What a DOCX's styles.xml and numbering.xml say about a paragraph: its style's name, whether it
// is a heading, its alignment and run properties, and the list number Word renders before it.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace pugi {
class xml_node;
class xml_document;
}  // namespace pugi

namespace jianbao {
struct ReadRules;
}

namespace jianbao::read {

// Paragraph spacing (w:spacing), each field unset until a style or the paragraph sets it.
struct DocxSpacing {
  int line = -1;          // w:line: 240ths of a line (rule "auto"), else twips
  std::string line_rule;  // "auto" (or empty), "exact", "atLeast"
  int before = -1;        // twips
  int after = -1;         // twips
  // Fills the fields unset here from `other`.
  void inherit(const DocxSpacing& other);
};

// Reads <w:spacing> of a paragraph's or style's pPr.
DocxSpacing read_spacing(const pugi::xml_node& ppr);

struct DocxStyle {
  std::string name;
  std::string based_on;
  int outline_level = -1;  // 0-8 for headings
  bool centred = false;
  int bold = -1;       // -1 unset, 0 off, 1 on
  int size = 0;        // half-points; 0 unset
  std::string color;   // RRGGBB; empty unset
  std::string num_id;  // numbering the style applies; empty for none
  int num_level = 0;
  DocxSpacing spacing;
};

class DocxStyles {
 public:
  // Reads styles.xml, parsed (parse_part_xml). Never fails: unknown markup is ignored.
  void load(const pugi::xml_document& doc);
  // The style with this id with its inherited properties filled in; a default one when unknown.
  DocxStyle resolved(const std::string& id) const;
  bool is_heading(const DocxStyle& s, const ReadRules& rules) const;
  int default_size() const { return default_size_; }

 private:
  std::map<std::string, DocxStyle> styles_;
  std::string default_paragraph_;
  int default_size_ = 0;
  DocxSpacing default_spacing_;  // docDefaults' pPrDefault
};

// Word list numbering: counters per list, rendered by each level's lvlText and numFmt.
class DocxNumbering {
 public:
  // Reads numbering.xml, parsed (parse_part_xml); unknown markup is ignored.
  void load(const pugi::xml_document& doc);
  // Advances the counter of (num_id, level), resets deeper levels, and returns the rendered
  // number ("一、", "（二）", "3."), or "" for a list without a rendered number.
  std::string next(const std::string& num_id, int level, const ReadRules& rules);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;  // lvlText, "%1、"
  };
  std::map<std::string, std::string> abstract_of_;      // numId -> abstractNumId
  std::map<std::string, std::map<int, Level>> levels_;  // abstractNumId -> levels
  std::map<std::string, std::vector<int>> counters_;    // numId -> counter per level
};

// Formats n in a Word numFmt ("decimal", "chineseCounting", "upperLetter", ...).
std::string format_number(int n, const std::string& format, const ReadRules& rules);

}  // namespace jianbao::read
