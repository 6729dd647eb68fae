// The end of an official document: 附件说明, signature, 附注, the attachments and the 版记.
#include <algorithm>

#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/official/parts.h"

namespace jianbao::structure::official {
namespace {

// Strips the characters of `set` from both ends: 《……》。 -> ……
std::string strip_ends(const std::string& text, const std::u32string& set) {
  std::u32string cps;
  size_t pos = 0;
  while (pos < text.size()) cps.push_back(core::next_code_point(text, &pos));
  size_t b = 0;
  size_t e = cps.size();
  while (b < e && set.find(cps[b]) != std::u32string::npos) ++b;
  while (e > b && set.find(cps[e - 1]) != std::u32string::npos) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) core::append_utf8(&out, cps[i]);
  return std::string(core::trim(out));
}

int to_int(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

class EndReader {
 public:
  EndReader(const std::vector<DocLine>& lines, size_t body_begin, const RuleSet& rules,
            OfficialDocument* od, Distribution* dist)
      : lines_(lines),
        begin_(body_begin),
        rules_(rules),
        o_(rules.official),
        od_(od),
        dist_(dist) {}

  DocumentEnd read() {
    DocumentEnd out;
    const size_t tail = read_record();
    const size_t first_attachment = find_attachments(tail, &out);
    size_t body_end = read_signature(first_attachment);
    body_end = read_attachment_note(body_end);
    out.body_end = body_end;
    for (const AttachmentText& a : out.attachments) {
      auto it = std::find_if(od_->attachments.begin(), od_->attachments.end(),
                             [&](const Attachment& x) { return x.n == a.n; });
      if (it == od_->attachments.end()) {
        od_->attachments.push_back({a.n, a.title, 0, 0});
        it = od_->attachments.end() - 1;
      }
      if (it->title.empty()) it->title = a.title;
      it->first_line = lines_[a.begin].number;
      it->last_line = lines_[a.end - 1].number;
    }
    return out;
  }

 private:
  void claim(size_t i) { od_->lines.push_back(lines_[i].number); }

  // The 版记 at the end: 抄送 (also split into 抄 and 送：…), 主送, the imprint. Returns the index
  // of its first line (lines_.size() when there is none).
  size_t read_record() {
    size_t start = lines_.size();
    // The imprint: the last line, or the last two (office, then date and 印发).
    // Page numbers and rules that layout left (—, 3, — on lines of their own) come after it.
    size_t end = lines_.size();
    while (end > begin_ && !holds_cjk(lines_[end - 1].text)) --end;
    start = end;
    if (end > begin_) {
      const size_t last = end - 1;
      Hit h = run(o_.imprint, lines_[last].norm, rules_, {"office", "date", "partial", "issued"});
      const bool issued = h && !h.group("issued").empty();
      // Without 印发, only a date the printer cut short makes the line an imprint: a whole one
      // after a name is the signature's.
      const bool office_dated =
          h && !h.group("partial").empty() && ends_with_organ(h.group("office"), rules_);
      if (issued || office_dated) {
        od_->imprint.office = h.group_in(lines_[last].text, "office");
        od_->imprint.date = iso_date(h.group("date"), rules_);
        od_->imprint.line = lines_[last].number;
        claim(last);
        start = last;
        // The office on a line of its own above, maybe with a page number between.
        size_t above = last;
        while (above > begin_ && !holds_cjk(lines_[above - 1].text)) --above;
        if (od_->imprint.office.empty() && above > begin_ &&
            is_name(lines_[above - 1].norm, rules_) &&
            !run(o_.date_line, lines_[above - 1].norm, rules_)) {
          od_->imprint.office = lines_[above - 1].text;
          claim(above - 1);
          start = above - 1;
        }
      }
    }
    // 抄送 and 主送 above it; a list may wrap over lines up to the imprint.
    for (size_t k = start; k-- > begin_ && k + static_cast<size_t>(o_.max_record_lines) > start;) {
      std::string text = lines_[k].norm;
      size_t first = k;
      if (run(o_.cc_tail, text, rules_, {}, false) && k > begin_ &&
          run(o_.cc_head, lines_[k - 1].norm, rules_)) {
        first = k - 1;
        text = lines_[k - 1].norm + text;
      }
      Hit cc = run(o_.cc, text, rules_, {"list"});
      Hit to = cc ? Hit{} : run(o_.addressee_tail, text, rules_, {"list"});
      if (!cc && !to) continue;
      const std::string original = first < k ? lines_[first].text + lines_[k].text : lines_[k].text;
      std::string list = cc ? cc.group_in(original, "list") : to.group_in(original, "list");
      // The list wraps onto the lines below, up to a name alone (the office) or furniture.
      size_t list_end = k + 1;
      while (list_end < start && holds_cjk(lines_[list_end].text) &&
             !is_name(lines_[list_end].norm, rules_)) {
        list += lines_[list_end++].text;
      }
      const std::vector<std::string> names = split_names(list, rules_);
      std::vector<std::string>* into = cc ? &dist_->cc : &od_->addressee;
      into->insert(into->begin(), names.begin(), names.end());
      for (size_t j = first; j < list_end; ++j) claim(j);
      dist_->first_line = lines_[first].number;
      if (dist_->last_line == 0) dist_->last_line = lines_[list_end - 1].number;
      start = first;
      k = first;
    }
    return start;
  }

  // Attachments printed after the signature: 附件N alone on a line, on a new page or after a
  // 成文日期. Returns the index of the first (`tail` when there is none).
  size_t find_attachments(size_t tail, DocumentEnd* out) {
    bool dated = false;
    std::vector<size_t> heads;
    for (size_t k = begin_; k < tail; ++k) {
      if (run(o_.date_line, lines_[k].norm, rules_)) dated = true;
      if ((dated || lines_[k].page_start) && run(o_.attachment_heading, lines_[k].norm, rules_)) {
        heads.push_back(k);
      }
    }
    for (size_t j = 0; j < heads.size(); ++j) {
      AttachmentText a;
      a.begin = heads[j];
      a.end = j + 1 < heads.size() ? heads[j + 1] : tail;
      Hit h = run(o_.attachment_heading, lines_[a.begin].norm, rules_, {"n"});
      a.n = to_int(h.group("n"), static_cast<int>(j) + 1);
      claim(a.begin);
      // The title: the rest of the heading's block if it is a title, else the next block if it is.
      size_t k = a.begin + 1;
      const size_t block = k < a.end ? lines_[k].block : 0;
      const bool same_block = k < a.end && block == lines_[a.begin].block;
      if (k < a.end && (same_block || lines_[k].title_block)) {
        // A title block may have taken the first heading (一、……) of the attachment's body too.
        while (k < a.end && lines_[k].block == block && !run(o_.section, lines_[k].norm, rules_)) {
          a.title += lines_[k].text;
          claim(k);
          ++k;
        }
      }
      a.body = k;
      out->attachments.push_back(a);
    }
    return heads.empty() ? tail : heads.front();
  }

  // The last 成文日期 before `end`, the issuers' names above it and the 附注 below. Returns where
  // the body (or the 附件说明) ends.
  size_t read_signature(size_t end) {
    size_t date_at = end;
    for (size_t k = end; k-- > begin_;) {
      Hit h = run(o_.date_line, lines_[k].norm, rules_, {"name"});
      if (h && (h.group("name").empty() || is_name(h.group("name"), rules_))) {
        date_at = k;
        break;
      }
    }
    if (date_at == end) return end;
    Signature& s = od_->signature;
    Hit h = run(o_.date_line, lines_[date_at].norm, rules_, {"name", "date"});
    const std::string name = h.group("name");
    s.date = iso_date(h.group("date"), rules_);
    claim(date_at);
    size_t first = date_at;
    std::vector<std::string> names;
    if (!name.empty()) names.push_back(h.group_in(lines_[date_at].text, "name"));
    while (first > begin_ && date_at - first < static_cast<size_t>(o_.max_signature_lines)) {
      const DocLine& l = lines_[first - 1];
      std::vector<std::string> on_line = names_on(l);
      if (on_line.empty()) break;
      names.insert(names.begin(), on_line.begin(), on_line.end());
      --first;
      claim(first);
    }
    s.issuers = names;
    s.first_line = lines_[first].number;
    s.last_line = lines_[date_at].number;
    // 附注 below the date, in brackets.
    for (size_t k = date_at + 1; k < end; ++k) {
      if (!run(o_.note, lines_[k].norm, rules_)) break;
      if (!od_->note.empty()) od_->note += ' ';
      od_->note += lines_[k].text;
      claim(k);
    }
    return first;
  }

  // The issuers a signature line names: the line, or each of its space-separated parts.
  std::vector<std::string> names_on(const DocLine& l) const {
    if (is_name(l.norm, rules_)) return {l.text};
    std::vector<std::string> parts;
    std::string cur;
    for (const char c : l.text + ' ') {
      if (c == ' ' || c == '\t') {
        if (!cur.empty()) parts.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (parts.size() < 2) return {};
    for (const std::string& p : parts) {
      if (!is_name(core::normalize_width(p), rules_)) return {};
    }
    return parts;
  }

  // 附件说明 above the signature: 附件：1.…… and the numbered lines after it. Returns where the
  // body ends.
  size_t read_attachment_note(size_t end) {
    for (size_t k = end;
         k-- > begin_ && k + static_cast<size_t>(o_.max_attachment_note_lines) > end;) {
      Hit h = run(o_.attachment_note, lines_[k].norm, rules_, {"rest"});
      if (!h) continue;
      std::vector<Attachment> found;
      auto add_text = [&](const std::string& text) {
        const std::string norm = core::normalize_width(text);
        if (Hit item = run(o_.attachment_item, norm, rules_, {"n", "title"})) {
          found.push_back({to_int(item.group("n"), static_cast<int>(found.size()) + 1),
                           item.group_in(text, "title"), 0, 0});
        } else if (!found.empty()) {
          found.back().title += text;
        } else if (!text.empty()) {
          found.push_back({1, text, 0, 0});
        }
      };
      add_text(std::string(core::trim(h.group_in(lines_[k].text, "rest"))));
      for (size_t j = k + 1; j < end; ++j) add_text(lines_[j].text);
      for (Attachment& a : found) a.title = strip_ends(a.title, o_.attachment_title_strip);
      od_->attachments = found;
      for (size_t j = k; j < end; ++j) claim(j);
      return k;
    }
    return end;
  }

  const std::vector<DocLine>& lines_;
  size_t begin_;
  const RuleSet& rules_;
  const OfficialRules& o_;
  OfficialDocument* od_;
  Distribution* dist_;
};

}  // namespace

DocumentEnd read_end(const std::vector<DocLine>& lines, size_t body_begin, const RuleSet& rules,
                     OfficialDocument* od, Distribution* distribution) {
  EndReader r(lines, body_begin, rules, od, distribution);
  return r.read();
}

}  // namespace jianbao::structure::official
