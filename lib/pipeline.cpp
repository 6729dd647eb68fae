#include "jianbao/pipeline.h"

#include <set>

#include "core/utf8.h"
#include "jianbao/layout.h"
#include "jianbao/structure.h"
#include "ruleset/rule_set.h"

namespace jianbao {
namespace {

void mark_range(std::set<int>* lines, int first, int last) {
  for (int l = first; l <= last && first > 0; ++l) lines->insert(l);
}

}  // namespace

void account_for_lines(const decode::DecodedText& text, Document* doc) {
  std::set<int> claimed;
  if (doc->masthead) mark_range(&claimed, doc->masthead->first_line, doc->masthead->last_line);
  for (const Section& s : doc->sections) {
    for (const Item& i : s.items) mark_range(&claimed, i.first_line, i.last_line);
  }
  mark_range(&claimed, doc->distribution.first_line, doc->distribution.last_line);
  if (doc->signature) mark_range(&claimed, doc->signature->first_line, doc->signature->last_line);
  for (const Removed& r : doc->removed) claimed.insert(r.line);
  claimed.insert(doc->colophon_lines.begin(), doc->colophon_lines.end());
  for (const Section& s : doc->sections) {
    claimed.insert(s.heading_lines.begin(), s.heading_lines.end());
  }
  // By line number only: a line is claimed where a stage put it, never because similar text
  // appears elsewhere in the document.
  for (const decode::SourceLine& l : text.lines) {
    const std::string_view t = core::trim(l.text);
    if (t.empty() || claimed.count(l.number)) continue;
    doc->unclaimed.push_back({l.number, std::string(t)});
  }
}

Result<Document> parse_bulletin(std::string_view bytes, const std::string& path,
                                const RuleSet& rules, const ParseOptions& options) {
  auto decoded = decode::decode_bytes(bytes, path, options.decode);
  if (!decoded.ok()) return decoded.status();
  const layout::CleanText clean = layout::clean_layout(decoded.value(), rules);
  Document doc = structure::build_outline(clean, rules);
  doc.source = {path, decoded.value().sha256, decoded.value().bytes, decoded.value().encoding,
                decoded.value().bom};
  metrics::extract_metrics(clean, rules, options.metrics, &doc);
  account_for_lines(decoded.value(), &doc);
  return doc;
}

}  // namespace jianbao
