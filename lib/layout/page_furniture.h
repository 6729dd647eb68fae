// Page furniture: page numbers, running headers and footers. Marks the lines it removes and
// records each in `removed`; a header that interrupts a sentence names the section of its page.
#pragma once

#include <string>
#include <vector>

#include "jianbao/layout.h"
#include "layout/layout_types.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::layout {

struct PageGeometry {
  bool wrapped = false;
  int full_width = 0;
  int indent_width = 0;
  int full_slack = 0;  // a line at least full_width - full_slack wide is full
  // The evidence behind the model, for the diagnostic that names it.
  int lines = 0;          // kept lines measured
  int running_on = 0;     // lines that end no sentence
  int wrapped_lines = 0;  // of those, full or indented
  int overwide = 0;       // lines wider than a full line: they contradict wrapping
  std::string reason;     // why the model was chosen, in a few words
};

// A note naming the line-width model chosen and how sure it is.
Diagnostic geometry_diagnostic(const PageGeometry& geo);

// Measures the document: the width of a full line, whether text is wrapped at it, and the width
// of an indented first line. Lines already removed are ignored.
PageGeometry measure_geometry(const std::vector<Line>& lines, const RuleSet& rules);

// Marks page numbers removed (a line after one starts a page), and separator rules: lines drawn
// with dashes or box characters (the red line under a masthead, the rule above the
// distribution list). They carry no text. One pass, each line converted once for both.
void remove_page_numbers_and_separators(std::vector<Line>* lines, const RuleSet& rules,
                                        CleanText* out);

// Marks running headers and footers removed: short lines repeated at page boundaries, and short
// lines just before a page start that interrupt a sentence.
void remove_running_lines(std::vector<Line>* lines, const PageGeometry& geo, const RuleSet& rules,
                          CleanText* out);

}  // namespace jianbao::layout
