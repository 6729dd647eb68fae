#include "layout/reader_hints.h"

namespace jianbao::layout {

void apply_reader_facts(const decode::DecodedText& in, std::vector<Line>* lines, CleanText* out) {
  if (in.facts.size() != in.lines.size()) return;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& l = (*lines)[i];
    // Readers number their lines 1, 2, ... in order, so line n has facts[n - 1].
    const size_t at = static_cast<size_t>(l.number - 1);
    if (l.number < 1 || at >= in.facts.size() || in.lines[at].number != l.number) continue;
    const decode::LineFacts& f = in.facts[at];
    if (!f.furniture.empty() && !l.removed) {
      l.removed = true;
      out->removed.push_back({f.furniture, l.number, std::string(l.raw)});
    }
    l.reader_title = f.title;
    l.reader_size = f.size;
    l.reader_flow = f.flow;
  }
}

}  // namespace jianbao::layout
