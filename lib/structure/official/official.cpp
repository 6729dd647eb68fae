#include "structure/official/official.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/masthead.h"
#include "structure/official/parts.h"
#include "structure/points.h"

namespace jianbao::structure::official {
namespace {

int weight(const OfficialRules& o, const char* signal) {
  auto it = o.weights.find(signal);
  return it == o.weights.end() ? 0 : it->second;
}

// A 附注 printed last on its page (below the date, above an attachment's page) looks like a
// running header to layout, which removes it: taken back when it is the line after the date.
void reclaim_note(const std::vector<DocLine>& lines, const RuleSet& rules, OfficialDocument* od,
                  std::vector<Removed>* removed) {
  const int date_line = od->signature.last_line;
  if (!od->note.empty() || date_line == 0) return;
  int next = INT_MAX;  // the first content line after the date
  for (const DocLine& l : lines) {
    if (l.number > date_line) {
      next = l.number;
      break;
    }
  }
  for (auto it = removed->begin(); it != removed->end(); ++it) {
    if (it->line <= date_line || it->line >= next) continue;
    if (!run(rules.official.note, core::normalize_width(std::string(core::trim(it->text))),
             rules)) {
      continue;
    }
    od->note = std::string(core::trim(it->text));
    od->lines.push_back(it->line);
    removed->erase(it);
    return;
  }
}

// Layout takes a line above one it reads as a page's first (a line indented by one space, as
// pdftotext -layout centres a joint mark) for a running header. Above the 主送 line of a 公文
// there is no running header: such lines are put back among the document's lines.
void reclaim_head(const RuleSet& rules, std::vector<DocLine>* lines,
                  std::vector<Removed>* removed) {
  int addressee = 0;
  for (const DocLine& l : *lines) {
    if (run(rules.official.addressee_end, l.norm, rules, {}, false)) {
      addressee = l.number;
      break;
    }
  }
  if (addressee == 0) return;
  for (auto it = removed->begin(); it != removed->end();) {
    if (it->line >= addressee || it->kind != "running_header" || !holds_cjk(it->text)) {
      ++it;
      continue;
    }
    auto at = std::find_if(lines->begin(), lines->end(),
                           [&](const DocLine& l) { return l.number > it->line; });
    DocLine l;
    l.number = it->line;
    l.text = std::string(core::trim(it->text));
    l.norm = core::normalize_width(l.text);
    l.block = at != lines->end() ? at->block : 0;
    lines->insert(at, std::move(l));
    it = removed->erase(it);
  }
}

}  // namespace

bool detect(const layout::CleanText& text, const RuleSet& rules) {
  const OfficialRules& o = rules.official;
  if (!o.loaded) return false;
  const std::vector<DocLine> lines = flatten(text, rules, static_cast<size_t>(o.head_lines));
  bool number = false, mark = false, title = false, addressee = false;
  size_t title_at = lines.size();
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string& t = lines[k].norm;
    number = number || run(o.doc_number, t, rules, {}, false);
    mark = mark || run(o.mark_word, t, rules);
    if (title_at < k && k <= title_at + static_cast<size_t>(o.max_addressee_lines) &&
        run(o.addressee_end, t, rules, {}, false)) {
      addressee = true;
    }
    const bool typed =
        std::any_of(o.doc_types.begin(), o.doc_types.end(), [&](const std::string& type) {
          return t.size() >= type.size() && !type.empty() && std::string_view(t).ends_with(type);
        });
    if (!typed || title) continue;
    // A title ends with its 文种 and holds 关于 on this line or one of the lines before.
    for (size_t j = k + 1; j-- > 0 && j + static_cast<size_t>(o.max_title_lines) > k;) {
      if (lines[j].norm.find(o.title_start_word) != std::string::npos) {
        title = true;
        title_at = k;
        break;
      }
    }
  }
  const int score = (number ? weight(o, "doc_number") : 0) + (mark ? weight(o, "issuer_mark") : 0) +
                    (title ? weight(o, "title") : 0) + (addressee ? weight(o, "addressee") : 0);
  if (score < o.threshold) return false;
  // A bulletin's masthead with an issue number wins; one without needs a 发文字号 against it.
  MastheadEnd end;
  const std::optional<Masthead> mh = read_masthead(text.blocks, rules, &end);
  if (!mh) return true;
  if (!mh->issue.empty() || !mh->total_issue.empty()) return false;
  return number;
}

Document build_document(const layout::CleanText& text, const RuleSet& rules) {
  Document doc;
  doc.genre = "official_document";
  doc.document.emplace();
  OfficialDocument& od = *doc.document;
  doc.removed = text.removed;
  std::vector<DocLine> lines = flatten(text, rules);
  reclaim_head(rules, &lines, &doc.removed);
  const size_t body_begin = read_head(lines, rules, &od);
  const DocumentEnd end = read_end(lines, body_begin, rules, &od, &doc.distribution);
  // No issuer mark printed (or the text lost it: pandoc drops a document's opening Title
  // paragraph): the issuers are those who signed.
  if (od.issuers.empty()) od.issuers = od.signature.issuers;
  PointMatcher points(rules);
  add_part(text, lines, body_begin, end.body_end, "body", rules, &points, &doc);
  for (const AttachmentText& a : end.attachments) {
    add_part(text, lines, a.body, a.end, fmt::format("attachment_{}", a.n), rules, &points, &doc);
  }
  // Documents the body forwards (现将《……》转发给你们) as well as the title.
  for (const Section& s : doc.sections) {
    for (const Item& i : s.items) {
      for (const Paragraph& p : i.paragraphs) {
        const std::string norm = core::normalize_width(p.text);
        for (const PatternRule& f : rules.official.forwards) {
          core::Match m(f.regex, norm, rules.layout.regex_time_limit);
          while (m.find()) {
            const std::string t = m.group("title");
            if (std::find(od.forwards.begin(), od.forwards.end(), t) == od.forwards.end()) {
              od.forwards.push_back(t);
            }
          }
        }
      }
    }
  }
  reclaim_note(lines, rules, &od, &doc.removed);
  doc.diagnostics = text.diagnostics;
  return doc;
}

void label_metric_parts(Document* doc) {
  if (!doc->document) return;
  const std::vector<std::string>& parts = doc->document->section_parts;
  for (size_t s = 0; s < doc->sections.size() && s < parts.size(); ++s) {
    for (Item& i : doc->sections[s].items) {
      for (Metric& m : i.metrics) m.part = parts[s];
    }
  }
}

}  // namespace jianbao::structure::official
