#include "read/docx_sections.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "core/utf8.h"
#include "read/docx_styles.h"
#include "read/docx_xml.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

// Units of WordprocessingML: page geometry and spacing in twentieths of a point, run sizes in
// half-points, auto line spacing in 240ths of a line.
constexpr double kTwipsPerPoint = 20;
constexpr double kHalfPointsPerPoint = 2;
constexpr double kAutoLineUnit = 240;
// What Word assumes when a section gives no page geometry or a run no size (A4, 1-inch margins,
// 10 pt): the ECMA-376 defaults.
constexpr double kDefaultPageWidth = 11906, kDefaultPageHeight = 16838, kDefaultMargin = 1440;
constexpr double kDefaultSizeHalfPoints = 20;
// Page counts stop here (a hostile paragraph spacing of 10^9 points is not 10^15 pages).
constexpr long long kMaxPages = 1LL << 30;
// A section's pages from the third on repeat the kinds of its second and third (odd, even).
constexpr long long kKindsRepeatAfter = 3;
// A tab advances to the next stop, Word's default every half inch: about two CJK characters.
constexpr double kTabEms = 2;

// A number of the file, or `fallback` when it is missing or not finite ("inf", "nan", 1e999).
double number_or(const char* text, double fallback) {
  const double v = std::atof(text);
  return text && *text && std::isfinite(v) ? v : fallback;
}

double twips(const pugi::xml_node& n, const char* attr, double fallback) {
  const pugi::xml_attribute a = n.attribute(attr);
  return a ? number_or(a.as_string(), fallback) : fallback;
}

enum Kind { kDefault, kFirst, kEven, kKinds };

Kind kind_of(const std::string& type) {
  if (type == "first") return kFirst;
  if (type == "even") return kEven;
  return kDefault;
}

struct Section {
  std::string header[kKinds], footer[kKinds];  // relationship ids; empty when not named
  bool title_page = false;
  bool new_page = true;                    // w:type other than "continuous"
  double text_width = 0, text_height = 0;  // points
  double height = 0;                       // the text set so far on its current page, points
  long long pages = 1;
};

Section read_sect_pr(const pugi::xml_node& s) {
  Section out;
  for (const pugi::xml_node& r : s.children("w:headerReference")) {
    out.header[kind_of(r.attribute("w:type").as_string())] = r.attribute("r:id").as_string();
  }
  for (const pugi::xml_node& r : s.children("w:footerReference")) {
    out.footer[kind_of(r.attribute("w:type").as_string())] = r.attribute("r:id").as_string();
  }
  out.title_page = static_cast<bool>(s.child("w:titlePg")) && w_val(s.child("w:titlePg")) != "0" &&
                   w_val(s.child("w:titlePg")) != "false";
  out.new_page = w_val(s.child("w:type")) != "continuous";
  const pugi::xml_node size = s.child("w:pgSz"), margin = s.child("w:pgMar");
  const double width = twips(size, "w:w", kDefaultPageWidth);
  const double height = twips(size, "w:h", kDefaultPageHeight);
  const double left = twips(margin, "w:left", kDefaultMargin);
  const double right = twips(margin, "w:right", kDefaultMargin);
  const double top = twips(margin, "w:top", kDefaultMargin);
  const double bottom = twips(margin, "w:bottom", kDefaultMargin);
  out.text_width = std::max(1.0, (width - left - right) / kTwipsPerPoint);
  out.text_height =
      std::max(1.0, (std::abs(height) - std::abs(top) - std::abs(bottom)) / kTwipsPerPoint);
  return out;
}

// The sections of the body in order, each with its w:sectPr read: a paragraph's pPr holds the
// sectPr of the section it ends, the body's last child that of the last section.
std::vector<Section> read_sections(const pugi::xml_node& body) {
  std::vector<Section> out;
  for (const pugi::xpath_node& x : body.select_nodes(".//w:pPr/w:sectPr")) {
    out.push_back(read_sect_pr(x.node()));
  }
  if (const pugi::xml_node last = body.child("w:sectPr")) out.push_back(read_sect_pr(last));
  return out;
}

// Walks the body in document order, counting the pages of each section.
class PageCounter {
 public:
  PageCounter(std::vector<Section>* sections, const DocxStyles& styles, const ReadRules& rules,
              bool rendered)
      : sections_(*sections), styles_(styles), rules_(rules), rendered_(rendered) {}

  void blocks(const pugi::xml_node& parent, double width_share) {
    for (const pugi::xml_node& n : parent.children()) {
      if (at_ >= sections_.size()) return;
      const std::string name = n.name();
      if (name == "w:p") {
        paragraph(n, width_share);
      } else if (name == "w:tbl") {
        table(n, width_share);
      } else if (name == "w:sdt") {
        blocks(n.child("w:sdtContent"), width_share);
      } else if (name == "w:customXml") {
        blocks(n, width_share);
      }
    }
  }

 private:
  void table(const pugi::xml_node& tbl, double width_share) {
    for (const pugi::xml_node& tr : tbl.children("w:tr")) {
      const auto cells = static_cast<double>(
          std::distance(tr.children("w:tc").begin(), tr.children("w:tc").end()));
      // A row is as tall as its tallest cell; each cell gets an equal share of the width.
      double tallest = 0;
      for (const pugi::xml_node& tc : tr.children("w:tc")) {
        double cell = 0;
        for (const pugi::xml_node& p : tc.children("w:p")) {
          cell += paragraph_height(p, width_share / std::max(1.0, cells));
        }
        tallest = std::max(tallest, cell);
      }
      add_height(tallest);
    }
  }

  void paragraph(const pugi::xml_node& p, double width_share) {
    const pugi::xml_node ppr = p.child("w:pPr");
    if (rendered_) {
      for (size_t i = 0; i < count(p, ".//w:lastRenderedPageBreak"); ++i) new_page();
    } else {
      if (ppr.child("w:pageBreakBefore") && w_val(ppr.child("w:pageBreakBefore")) != "0") {
        new_page();
      }
      // The text before a page break inside the paragraph is ignored: at most a line.
      for (size_t i = 0; i < count(p, ".//w:br[@w:type='page']"); ++i) new_page();
      add_height(paragraph_height(p, width_share));
    }
    if (ppr.child("w:sectPr")) {
      ++at_;
      // A continuous section goes on on the page the one before ended on.
      if (at_ < sections_.size() && !sections_[at_].new_page) {
        sections_[at_].pages = 0;
        sections_[at_].height = sections_[at_ - 1].height;
      }
    }
  }

  static size_t count(const pugi::xml_node& p, const char* xpath) {
    return p.select_nodes(xpath).size();
  }

  double paragraph_height(const pugi::xml_node& p, double width_share) const {
    const pugi::xml_node ppr = p.child("w:pPr");
    const DocxStyle style = styles_.resolved(w_val(ppr.child("w:pStyle")));
    DocxSpacing spacing = read_spacing(ppr);
    spacing.inherit(style.spacing);
    double size = 0, ems = 0;
    int breaks = 0;
    for (const pugi::xpath_node& x : p.select_nodes(".//w:r")) {
      const pugi::xml_node r = x.node();
      const pugi::xml_node sz = r.child("w:rPr").child("w:sz");
      double run_size = sz ? number_or(w_val(sz).c_str(), 0) : style.size;
      if (run_size <= 0) run_size = kDefaultSizeHalfPoints;
      for (const pugi::xml_node& n : r.children()) {
        const std::string name = n.name();
        if (name == "w:t") {
          ems += text_ems(n.text().get());
          size = std::max(size, run_size);
        } else if (name == "w:tab") {
          ems += kTabEms;
        } else if (name == "w:br" || name == "w:cr") {
          ++breaks;
        }
      }
    }
    if (size <= 0) size = style.size > 0 ? style.size : kDefaultSizeHalfPoints;
    const double points = size / kHalfPointsPerPoint;
    const double width = sections_[at_].text_width * width_share;
    const double lines = std::max(1.0, std::ceil(ems * points / width)) + breaks;
    double pitch = points * rules_.docx_line_height;
    if (spacing.line > 0) {
      if (spacing.line_rule == "exact") {
        pitch = spacing.line / kTwipsPerPoint;
      } else if (spacing.line_rule == "atLeast") {
        pitch = std::max(pitch, spacing.line / kTwipsPerPoint);
      } else {
        pitch *= spacing.line / kAutoLineUnit;
      }
    }
    return lines * pitch +
           (std::max(0, spacing.before) + std::max(0, spacing.after)) / kTwipsPerPoint;
  }

  // Full-width characters (CJK, full-width forms) are one em wide, the rest about half.
  static double text_ems(std::string_view text) {
    double ems = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      const char32_t c = core::next_code_point(text, &pos);
      const auto width = static_cast<UEastAsianWidth>(
          u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH));
      ems += width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 1.0 : 0.5;
    }
    return ems;
  }

  void add_height(double points) {
    Section& s = sections_[at_];
    if (!std::isfinite(points) || points <= 0) return;
    s.height += points;
    // A paragraph taller than the text area leaves its lines spread over the pages it needs.
    // Counted by division: a hostile spacing of 10^9 twips is many pages, not a long loop.
    if (s.height > s.text_height) {
      const double more = std::floor(s.height / s.text_height);
      s.pages = more < kMaxPages ? s.pages + static_cast<long long>(more) : kMaxPages;
      s.height -= more * s.text_height;
    }
  }

  void new_page() {
    Section& s = sections_[at_];
    s.pages = std::min(s.pages + 1, kMaxPages);
    s.height = 0;
  }

  std::vector<Section>& sections_;
  const DocxStyles& styles_;
  const ReadRules& rules_;
  const bool rendered_;
  size_t at_ = 0;
};

// Relationship id -> package name ("rId9" -> "word/header1.xml").
std::map<std::string, std::string> read_targets(const pugi::xml_document& rels) {
  std::map<std::string, std::string> out;
  for (const pugi::xml_node& r : rels.child("Relationships").children("Relationship")) {
    std::string target = r.attribute("Target").as_string();
    if (target.empty() || std::string(r.attribute("TargetMode").as_string()) == "External") {
      continue;
    }
    // Targets are relative to word/, or absolute from the package root.
    target = target[0] == '/' ? target.substr(1) : "word/" + target;
    out[r.attribute("Id").as_string()] = target;
  }
  return out;
}

}  // namespace

ShownParts shown_header_parts(const pugi::xml_document& document, const pugi::xml_document& rels,
                              const pugi::xml_document& settings, const DocxStyles& styles,
                              const ReadRules& rules) {
  ShownParts out;
  const pugi::xml_node body = document.child("w:document").child("w:body");
  std::vector<Section> sections = read_sections(body);
  const std::map<std::string, std::string> targets = read_targets(rels);
  if (sections.empty() || targets.empty()) return out;
  const bool rendered = static_cast<bool>(body.select_node(".//w:lastRenderedPageBreak"));
  PageCounter(&sections, styles, rules, rendered).blocks(body, 1.0);
  const pugi::xml_node even_odd = settings.child("w:settings").child("w:evenAndOddHeaders");
  const bool even_and_odd = even_odd && w_val(even_odd) != "0" && w_val(even_odd) != "false";
  out.known = true;
  std::set<std::string> seen;
  auto show = [&](const std::string& id, bool header) {
    auto it = targets.find(id);
    if (id.empty() || it == targets.end() || !seen.insert(it->second).second) return;
    out.parts.push_back({.name = it->second, .header = header});
  };
  std::string header[kKinds], footer[kKinds];  // in force, inherited section to section
  for (const Section& s : sections) {
    for (int k = 0; k < kKinds; ++k) {
      if (!s.header[k].empty()) header[k] = s.header[k];
      if (!s.footer[k].empty()) footer[k] = s.footer[k];
    }
    // Pages past a section's third show what its second or third showed: the same kinds.
    const long long shown = std::min(s.pages, kKindsRepeatAfter);
    for (long long page = 1; page <= shown; ++page) {
      ++out.pages;
      Kind k = kDefault;
      if (page == 1 && s.title_page) {
        k = kFirst;
      } else if (even_and_odd && out.pages % 2 == 0) {
        k = kEven;
      }
      show(header[k], true);
      show(footer[k], false);
    }
    out.pages += s.pages - shown;
  }
  return out;
}

}  // namespace jianbao::read
