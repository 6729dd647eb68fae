// The readers of an official document's parts, in the order they are printed. Each takes the
// document's lines (doc_lines.h) and records the source lines it used in OfficialDocument::lines.
#pragma once

#include <string>
#include <vector>

#include "jianbao/document.h"
#include "jianbao/layout.h"
#include "structure/official/doc_lines.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure {
class PointMatcher;
}

namespace jianbao::structure::official {

// 份号, 密级, 紧急程度, the issuer mark, 发文字号, 签发人, the title and 主送. Returns the index of
// the first line of the body.
size_t read_head(const std::vector<DocLine>& lines, const RuleSet& rules, OfficialDocument* od);

// An attachment's own text: lines [begin, end), its title on lines [begin + 1, body).
struct AttachmentText {
  int n = 0;
  std::string title;
  size_t begin = 0;
  size_t body = 0;
  size_t end = 0;
};

// Where the body ends and what follows it.
struct DocumentEnd {
  size_t body_end = 0;  // the main body is lines [body_begin, body_end)
  std::vector<AttachmentText> attachments;
};

// 附件说明, signature and 成文日期, 附注, the attachments' extent, 抄送 and the imprint, read from
// the end back to `body_begin`.
DocumentEnd read_end(const std::vector<DocLine>& lines, size_t body_begin, const RuleSet& rules,
                     OfficialDocument* od, Distribution* distribution);

// Lines [begin, end) as sections of `part`: one per 一、 heading (its title; a run-in heading's
// text opens the section's paragraphs), text before the first heading in an untitled section,
// （一） 1. （1） as points.
void add_part(const layout::CleanText& text, const std::vector<DocLine>& lines, size_t begin,
              size_t end, const std::string& part, const RuleSet& rules, PointMatcher* points,
              Document* doc);

}  // namespace jianbao::structure::official
