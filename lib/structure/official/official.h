// The second genre: official documents (公文) laid out by GB/T 9704-2012. A text is read as one
// when its first lines carry a 发文字号, an issuer mark (……文件), a title ending in a 文种 and a
// 主送 line (rules/structure/official.yaml, detection), and no bulletin masthead with an issue.
#pragma once

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure::official {

// Whether the text is an official document rather than a bulletin.
bool detect(const layout::CleanText& text, const RuleSet& rules);

// The outline of an official document: Document::document holds its head and tail parts,
// Document::sections its body and attachments (one section per 一、 heading, its text one item
// with points), Document::distribution.cc its 抄送.
Document build_document(const layout::CleanText& text, const RuleSet& rules);

// Gives every metric the part (body, attachment_N) of the section it was found in.
void label_metric_parts(Document* doc);

}  // namespace jianbao::structure::official
