// The 版头 and the top of the 主体: what comes before the body of an official document.
#include <fmt/format.h>

#include "core/utf8.h"
#include "ruleset/rule_set.h"
#include "structure/official/parts.h"

namespace jianbao::structure::official {
namespace {

void replace_all(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

// 鲁安发 〔2024〕1 号 -> 鲁安发〔2024〕1号, in the form official.yaml gives.
std::string normalize_doc_number(const Hit& h, const RuleSet& rules) {
  std::string out = rules.official.doc_number_format;
  replace_all(&out, "{prefix}", h.group("prefix"));
  replace_all(&out, "{year}", h.group("year"));
  replace_all(&out, "{n}", h.group("n"));
  return out;
}

class HeadReader {
 public:
  HeadReader(const std::vector<DocLine>& lines, const RuleSet& rules, OfficialDocument* od)
      : lines_(lines), rules_(rules), o_(rules.official), od_(od) {}

  size_t read() {
    size_t i = read_marks(0);
    const size_t limit = std::min(lines_.size(), static_cast<size_t>(o_.head_lines));
    // The 发文字号 line ends the issuer mark; without one, the title's first line does.
    size_t number_at = lines_.size();
    for (size_t k = i; k < limit; ++k) {
      if (run(o_.doc_number, lines_[k].norm, rules_, {}, false)) {
        number_at = k;
        break;
      }
    }
    size_t mark_end = number_at;
    if (number_at == lines_.size()) {
      mark_end = i;
      while (mark_end < limit && is_mark_line(lines_[mark_end].norm) &&
             lines_[mark_end].norm.find(o_.title_start_word) == std::string::npos) {
        ++mark_end;
      }
    }
    read_mark(i, mark_end);
    i = mark_end;
    if (number_at < lines_.size()) {
      read_number_line(number_at);
      i = number_at + 1;
      while (i < lines_.size() && read_signer(lines_[i].norm)) claim(i++);
    }
    i = read_title(i);
    return read_addressee(i);
  }

 private:
  void claim(size_t i) { od_->lines.push_back(lines_[i].number); }

  // 份号, 密级 and 紧急程度 lines at the very top.
  size_t read_marks(size_t i) {
    for (; i < lines_.size(); ++i) {
      const std::string& t = lines_[i].norm;
      if (run(o_.copy_number, t, rules_)) {
        claim(i);
      } else if (run(o_.secrecy, t, rules_)) {
        od_->secrecy = lines_[i].text;
        claim(i);
      } else if (Hit u = run(o_.urgency, t, rules_, {"urgency"})) {
        od_->urgency = u.group("urgency");
        claim(i);
      } else {
        break;
      }
    }
    return i;
  }

  bool is_mark_line(const std::string& norm) const {
    return run(o_.mark_word, norm, rules_) || is_name(norm, rules_);
  }

  // The issuer mark on lines [begin, end): names one per line (a name that does not end with an
  // organ suffix wraps onto the next line), 文件 after the last or on a line of its own.
  void read_mark(size_t begin, size_t end) {
    std::vector<std::string> names;
    std::string word;
    bool wraps = false;
    for (size_t k = begin; k < end; ++k) {
      std::string t = lines_[k].text;
      if (Hit s = run(o_.signer, lines_[k].norm, rules_, {"signer"}, false)) {
        od_->signer = std::string(core::trim(s.group("signer")));
        t = std::string(core::trim(slice(t, 0, s.start)));
      }
      if (Hit m = run(o_.mark_word, core::normalize_width(t), rules_, {"name", "word"})) {
        word = m.group("word");
        t = std::string(
            core::trim(slice(t, 0, static_cast<int>(core::count_code_points(m.group("name"))))));
      }
      claim(k);
      if (t.empty()) continue;
      // 云南省人民政府安全生产委 / 员会: the suffix the two lines end with reaches back into
      // the first, so they are one name.
      if (!wraps && !names.empty()) {
        const size_t suffix = organ_suffix_length(core::normalize_width(names.back() + t), rules_);
        wraps = suffix > core::count_code_points(t);
      }
      if (wraps && !names.empty()) {
        names.back() += t;
      } else {
        names.push_back(t);
      }
      wraps = !ends_with_organ(core::normalize_width(names.back()), rules_);
    }
    // 文 / 件 wrapped apart: the word is found on the joined name.
    for (std::string& n : names) {
      Hit m = run(o_.mark_word, core::normalize_width(n), rules_, {"name", "word"});
      if (!m || m.group("name").empty()) continue;
      word = m.group("word");
      n = std::string(core::trim(m.group_in(n, "name")));
    }
    od_->issuers = names;
    // A joint mark is one name and 文件 per issuer, one per line (emitted as a list).
    for (const std::string& n : names) {
      if (!od_->issuer_mark.empty()) od_->issuer_mark += '\n';
      od_->issuer_mark += n + word;
    }
  }

  bool read_signer(const std::string& norm) {
    Hit s = run(o_.signer, norm, rules_, {"signer"}, false);
    if (!s) return false;
    if (!od_->signer.empty()) od_->signer += ' ';
    od_->signer += std::string(core::trim(s.group("signer")));
    return true;
  }

  void read_number_line(size_t k) {
    Hit h = run(o_.doc_number, lines_[k].norm, rules_, {"prefix", "year", "n"}, false);
    od_->doc_number = normalize_doc_number(h, rules_);
    read_signer(lines_[k].norm);
    claim(k);
  }

  // The 文种 a title ends with (before a tail such as （试行）), or "".
  std::string doc_type_of(const std::string& norm) const {
    std::string t = norm;
    if (Hit tail = run(o_.title_tail, t, rules_, {}, false)) t = slice(t, 0, tail.start);
    for (const std::string& type : o_.doc_types) {
      if (ends_with(t, type)) return type;
    }
    return "";
  }

  // Up to max_title_lines lines from `i`, to the first where the lines so far end with a 文种
  // (the 文种 itself may be cut over the break: ……的紧急通 / 知). Returns the index after the
  // title.
  size_t read_title(size_t i) {
    size_t end = i;
    std::string so_far;
    for (size_t k = i; k < lines_.size() && k < i + static_cast<size_t>(o_.max_title_lines); ++k) {
      so_far += lines_[k].norm;
      if (!doc_type_of(so_far).empty()) {
        end = k + 1;
        break;
      }
      if (run(o_.addressee_end, lines_[k].norm, rules_, {}, false)) break;
    }
    if (end == i) return i;
    // 山东省……委员会 / 关于……的通知: issuers' names on lines of their own above the line that
    // holds 关于 are the signature of the title, no part of it.
    size_t first = i;
    while (first + 1 < end && is_name(lines_[first].norm, rules_) &&
           lines_[first].norm.find(o_.title_start_word) == std::string::npos) {
      ++first;
    }
    bool starts = false;
    for (size_t k = first; k < end; ++k) {
      starts = starts || lines_[k].norm.find(o_.title_start_word) != std::string::npos;
    }
    if (!starts) first = i;
    std::string title;
    for (size_t k = i; k < end; ++k) {
      if (k >= first) title += lines_[k].text;
      claim(k);
    }
    od_->title = title;
    const std::string norm = core::normalize_width(title);
    od_->doc_type = doc_type_of(norm);
    if (od_->urgency.empty()) {
      if (Hit u = run(o_.title_urgency, norm, rules_, {"urgency"}, false)) {
        od_->urgency = u.group("urgency");
      }
    }
    for (const PatternRule& f : o_.forwards) {
      core::Match m(f.regex, norm, rules_.layout.regex_time_limit);
      while (m.find()) od_->forwards.push_back(m.group("title"));
    }
    return end;
  }

  // 主送: lines from `i` to one that ends with a colon, none of them a heading or point.
  size_t read_addressee(size_t i) {
    for (size_t k = i; k < lines_.size() && k < i + static_cast<size_t>(o_.max_addressee_lines);
         ++k) {
      const std::string& t = lines_[k].norm;
      if (Hit h = run(o_.addressee_end, t, rules_, {}, false)) {
        std::string text;
        for (size_t j = i; j <= k; ++j) text += lines_[j].text;
        text = slice(text, 0, static_cast<int>(core::count_code_points(text)) - 1);
        od_->addressee = split_names(text, rules_);
        for (size_t j = i; j <= k; ++j) claim(j);
        return k + 1;
      }
      if (run(o_.section, t, rules_) || holds_sentence_end(t)) break;
    }
    return i;
  }

  bool holds_sentence_end(const std::string& norm) const {
    size_t pos = 0;
    while (pos < norm.size()) {
      const char32_t c = core::next_code_point(norm, &pos);
      if (rules_.layout.sentence_final.find(c) != std::u32string::npos) return true;
    }
    return false;
  }

  const std::vector<DocLine>& lines_;
  const RuleSet& rules_;
  const OfficialRules& o_;
  OfficialDocument* od_;
};

}  // namespace

size_t read_head(const std::vector<DocLine>& lines, const RuleSet& rules, OfficialDocument* od) {
  return HeadReader(lines, rules, od).read();
}

}  // namespace jianbao::structure::official
