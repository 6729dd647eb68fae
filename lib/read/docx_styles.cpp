#include "read/docx_styles.h"

#include <cctype>
#include <cstdlib>
#include <pugixml.hpp>

#include "core/utf8.h"
#include "read/docx_xml.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

int to_int(const std::string& s, int fallback) {
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  return end != s.c_str() ? static_cast<int>(v) : fallback;
}

// <w:b/> is on; <w:b w:val="0"/> or "false" is off.
int toggle(const pugi::xml_node& n) {
  if (!n) return -1;
  const std::string v = w_val(n);
  return v == "0" || v == "false" || v == "none" ? 0 : 1;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string chinese_number(int n, const ReadRules& r) {
  // Word's chineseCounting: 1-9 digits, 10 "ten", 11-19 "ten"+digit, 20-99 digit+"ten"+digit.
  std::string out;
  if (n < 0 || n >= 100 || r.chinese_digits.size() != 10 || r.chinese_ten.empty()) {
    return std::to_string(n);
  }
  if (n < 10) {
    core::append_utf8(&out, r.chinese_digits[static_cast<size_t>(n)]);
    return out;
  }
  if (n >= 20) core::append_utf8(&out, r.chinese_digits[static_cast<size_t>(n / 10)]);
  core::append_utf8(&out, r.chinese_ten[0]);
  if (n % 10) core::append_utf8(&out, r.chinese_digits[static_cast<size_t>(n % 10)]);
  return out;
}

std::string letters(int n, char base) {
  // Word repeats the letter: a..z, aa..zz.
  if (n < 1) return std::to_string(n);
  const int times = (n - 1) / 26 + 1;
  return std::string(static_cast<size_t>(times), static_cast<char>(base + (n - 1) % 26));
}

std::string roman(int n, bool upper) {
  if (n < 1 || n > 3999) return std::to_string(n);
  static const struct {
    int v;
    const char* s;
  } kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [v, s] : kTable) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

void DocxSpacing::inherit(const DocxSpacing& other) {
  if (line < 0) {
    line = other.line;
    line_rule = other.line_rule;
  }
  if (before < 0) before = other.before;
  if (after < 0) after = other.after;
}

DocxSpacing read_spacing(const pugi::xml_node& ppr) {
  DocxSpacing out;
  const pugi::xml_node s = ppr.child("w:spacing");
  if (!s) return out;
  out.line = to_int(s.attribute("w:line").as_string(), -1);
  out.line_rule = s.attribute("w:lineRule").as_string();
  out.before = to_int(s.attribute("w:before").as_string(), -1);
  out.after = to_int(s.attribute("w:after").as_string(), -1);
  return out;
}

std::string format_number(int n, const std::string& format, const ReadRules& rules) {
  if (format == "chineseCounting" || format == "chineseCountingThousand" ||
      format == "chineseLegalSimplified" || format == "ideographDigital" ||
      format == "taiwaneseCounting" || format == "taiwaneseCountingThousand") {
    return chinese_number(n, rules);
  }
  if (format == "ideographTraditional" && n >= 1 &&
      n <= static_cast<int>(rules.ideograph_stems.size())) {
    std::string out;
    core::append_utf8(&out, rules.ideograph_stems[static_cast<size_t>(n - 1)]);
    return out;
  }
  if (format == "lowerLetter") return letters(n, 'a');
  if (format == "upperLetter") return letters(n, 'A');
  if (format == "lowerRoman") return roman(n, false);
  if (format == "upperRoman") return roman(n, true);
  if (format == "none" || format == "bullet") return "";
  return std::to_string(n);  // decimal, decimalZero and the rest
}

void DocxStyles::load(const pugi::xml_document& doc) {
  const pugi::xml_node root = doc.child("w:styles");
  const pugi::xml_node defaults = root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr");
  default_size_ = to_int(defaults.child("w:sz").attribute("w:val").as_string(), 0);
  default_spacing_ = read_spacing(root.child("w:docDefaults").child("w:pPrDefault").child("w:pPr"));
  for (const pugi::xml_node& s : root.children("w:style")) {
    DocxStyle st;
    const std::string id = s.attribute("w:styleId").as_string();
    st.name = w_val(s.child("w:name"));
    st.based_on = w_val(s.child("w:basedOn"));
    const pugi::xml_node ppr = s.child("w:pPr");
    if (ppr.child("w:outlineLvl")) st.outline_level = to_int(w_val(ppr.child("w:outlineLvl")), -1);
    st.centred = w_val(ppr.child("w:jc")) == "center";
    st.spacing = read_spacing(ppr);
    if (const pugi::xml_node num = ppr.child("w:numPr")) {
      st.num_id = w_val(num.child("w:numId"));
      st.num_level = to_int(w_val(num.child("w:ilvl")), 0);
    }
    const pugi::xml_node rpr = s.child("w:rPr");
    st.bold = toggle(rpr.child("w:b"));
    st.size = to_int(w_val(rpr.child("w:sz")), 0);
    st.color = w_val(rpr.child("w:color"));
    if (std::string(s.attribute("w:type").as_string()) == "paragraph" &&
        s.attribute("w:default").as_bool()) {
      default_paragraph_ = id;
    }
    styles_[id] = st;
  }
}

DocxStyle DocxStyles::resolved(const std::string& id) const {
  DocxStyle out;
  std::string at = id.empty() ? default_paragraph_ : id;
  bool first = true;
  // basedOn chains are short; the bound stops a cycle in a hostile file.
  for (size_t depth = 0; depth <= styles_.size() && !at.empty(); ++depth) {
    auto it = styles_.find(at);
    if (it == styles_.end()) break;
    const DocxStyle& s = it->second;
    if (first) {
      out.name = s.name;
      first = false;
    }
    if (out.outline_level < 0) out.outline_level = s.outline_level;
    out.centred = out.centred || s.centred;
    if (out.bold < 0) out.bold = s.bold;
    if (out.size == 0) out.size = s.size;
    if (out.color.empty()) out.color = s.color;
    out.spacing.inherit(s.spacing);
    if (out.num_id.empty() && !s.num_id.empty()) {
      out.num_id = s.num_id;
      out.num_level = s.num_level;
    }
    at = s.based_on;
  }
  if (out.size == 0) out.size = default_size_;
  out.spacing.inherit(default_spacing_);
  return out;
}

bool DocxStyles::is_heading(const DocxStyle& s, const ReadRules& rules) const {
  if (s.outline_level >= 0 && s.outline_level <= 8) return true;
  const std::string name = lower(s.name);
  for (const std::string& prefix : rules.heading_styles) {
    if (!prefix.empty() && name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

void DocxNumbering::load(const pugi::xml_document& doc) {
  const pugi::xml_node root = doc.child("w:numbering");
  for (const pugi::xml_node& a : root.children("w:abstractNum")) {
    auto& levels = levels_[a.attribute("w:abstractNumId").as_string()];
    for (const pugi::xml_node& l : a.children("w:lvl")) {
      Level lv;
      lv.start = to_int(w_val(l.child("w:start")), 1);
      if (l.child("w:numFmt")) lv.format = w_val(l.child("w:numFmt"));
      lv.text = w_val(l.child("w:lvlText"));
      levels[to_int(l.attribute("w:ilvl").as_string(), 0)] = lv;
    }
  }
  for (const pugi::xml_node& n : root.children("w:num")) {
    abstract_of_[n.attribute("w:numId").as_string()] = w_val(n.child("w:abstractNumId"));
  }
}

std::string DocxNumbering::next(const std::string& num_id, int level, const ReadRules& rules) {
  constexpr int kLevels = 9;  // Word's list levels, ilvl 0-8
  if (level < 0 || level >= kLevels) return "";
  auto a = abstract_of_.find(num_id);
  if (a == abstract_of_.end()) return "";
  auto ls = levels_.find(a->second);
  if (ls == levels_.end()) return "";
  const auto& levels = ls->second;
  auto lv = levels.find(level);
  if (lv == levels.end()) return "";
  std::vector<int>& c = counters_[num_id];
  if (c.empty()) c.assign(kLevels, 0);
  c[static_cast<size_t>(level)] =
      c[static_cast<size_t>(level)] == 0 ? lv->second.start : c[static_cast<size_t>(level)] + 1;
  for (int deeper = level + 1; deeper < kLevels; ++deeper) c[static_cast<size_t>(deeper)] = 0;
  // lvlText: "%1、" names level 1's counter; "%1.%2" two levels.
  std::string out;
  const std::string& text = lv->second.text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int ref = text[i + 1] - '1';
      auto rl = levels.find(ref);
      const int n = c[static_cast<size_t>(ref)] ? c[static_cast<size_t>(ref)]
                                                : (rl != levels.end() ? rl->second.start : 1);
      out += format_number(n, rl != levels.end() ? rl->second.format : "decimal", rules);
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace jianbao::read
