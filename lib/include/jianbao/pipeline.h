// The whole pipeline for one bulletin: decode -> layout -> structure -> metrics.
//
//   auto rules = jianbao::load_rules({});
//   auto doc = jianbao::parse_bulletin(bytes, "a.txt", *rules.value(), {});
//   if (doc.ok()) std::cout << jianbao::emit::to_yaml(jianbao::emit::document_json(doc.value(),
//   {}));
#pragma once

#include <string>
#include <string_view>

#include "jianbao/decode.h"
#include "jianbao/document.h"
#include "jianbao/metrics.h"
#include "jianbao/status.h"

namespace jianbao {

class RuleSet;

struct ParseOptions {
  decode::DecodeOptions decode;
  metrics::MetricsOptions metrics;
  GenreChoice genre = GenreChoice::kDetect;  // --genre
};

// Parses one bulletin: text, or a PDF or DOCX by its content (read::read_document). Fails only
// when the bytes cannot be read or decoded; oddities of layout become
// diagnostics in the Document. `path` is used in messages and in Document::source.
Result<Document> parse_bulletin(std::string_view bytes, const std::string& path,
                                const RuleSet& rules, const ParseOptions& options);
// The same, taking the bytes: they are freed once read, so a large input is not held beside its
// lines and its Document (issue 17).
Result<Document> parse_bulletin(std::string&& bytes, const std::string& path, const RuleSet& rules,
                                const ParseOptions& options);
// A C string: the text itself (without this, a literal would fit both overloads above).
inline Result<Document> parse_bulletin(const char* bytes, const std::string& path,
                                       const RuleSet& rules, const ParseOptions& options) {
  return parse_bulletin(std::string_view(bytes), path, rules, options);
}

// Lines no part of the document accounts for (Document::unclaimed), found by comparing every
// non-blank source line with what the document placed. Used by parse_bulletin.
void account_for_lines(const decode::DecodedText& text, Document* doc);

// Copies where each item and metric stands in the file (page and position for PDF, paragraph
// index for DOCX) from the reader's line facts (DecodedText::facts, one per line: line n has
// facts[n - 1]), and the page count to Document::source. Text input has no facts; nothing
// changes. Used by parse_bulletin.
void place_in_file(const std::vector<decode::LineFacts>& facts, Document* doc);

}  // namespace jianbao
