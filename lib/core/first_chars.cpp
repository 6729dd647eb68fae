#include "core/first_chars.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <string>

#include "core/utf8.h"

namespace jianbao::core {
namespace {

// What a piece of a pattern can open a match with: a set of code points, and whether the piece
// may match nothing at all (then what follows it may open the match too).
struct Opening {
  icu::UnicodeSet set;
  bool nullable = false;
};

icu::UnicodeSet every_code_point() { return icu::UnicodeSet(0, 0x10FFFF); }

// ICU's \s: documented as [\t\n\f\r\p{Z}], implemented over White_Space; both, so either way
// the set holds every code point \s matches.
icu::UnicodeSet regex_space_set() {
  static const icu::UnicodeSet space = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet s(icu::UnicodeString(u"[[:White_Space:][:Z:]]"), status);
    if (U_FAILURE(status)) return every_code_point();
    s.add(0x09, 0x0D);
    return s;
  }();
  return space;
}

// A set from a UnicodeSet pattern ("[:Nd:]", "\p{L}"), or every code point when ICU cannot read
// it: the caller's answer stays true where unsure. ICU builds a property's set by testing every
// range of its data (some 250 k instructions), and the rules name a few properties many times,
// so each set is built once per process.
icu::UnicodeSet property_set(const icu::UnicodeString& pattern) {
  static std::mutex mutex;
  static std::map<icu::UnicodeString, icu::UnicodeSet> made;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = made.find(pattern);
  if (it == made.end()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet s(pattern, status);
    if (U_FAILURE(status)) s = every_code_point();
    it = made.emplace(pattern, std::move(s)).first;
  }
  return it->second;
}

// A recursive reader of the pattern's grammar (alternations, sequences, quantified atoms), over
// the subset of ICU syntax the rules use. Anything else fails the reading, which then allows
// every code point.
class FirstCharReader {
 public:
  explicit FirstCharReader(std::string_view p) : p_(p) {}

  // The opening of the whole pattern; false when unread or when the pattern may match nothing.
  bool read(icu::UnicodeSet* out) {
    Opening o = alternation();
    if (failed_ || pos_ != p_.size() || o.nullable) return false;
    *out = std::move(o.set);
    return true;
  }

 private:
  bool at_end() const { return pos_ >= p_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0'; }
  Opening fail() {
    failed_ = true;
    return {};
  }

  // alternation := sequence ('|' sequence)*
  Opening alternation() {
    Opening out;
    for (;;) {
      Opening s = sequence();
      out.set.addAll(s.set);
      out.nullable = out.nullable || s.nullable;
      if (failed_ || peek() != '|') return out;
      ++pos_;
    }
  }

  // sequence := item*, up to '|', ')' or the end. It opens with its first item, and with the
  // next ones as long as all before them may match nothing.
  Opening sequence() {
    Opening out;
    out.nullable = true;
    while (!failed_ && !at_end() && peek() != '|' && peek() != ')') {
      Opening i = item();
      if (out.nullable) out.set.addAll(i.set);
      out.nullable = out.nullable && i.nullable;
    }
    return out;
  }

  // item := atom quantifier? ('?' | '+')?
  Opening item() {
    Opening a = atom();
    if (failed_) return a;
    const char q = peek();
    if (q == '*' || q == '?') {
      ++pos_;
      a.nullable = true;
    } else if (q == '+') {
      ++pos_;
    } else if (q == '{') {
      ++pos_;
      long min = 0;
      bool digits = false;
      while (peek() >= '0' && peek() <= '9') {
        min = std::min(min * 10 + (peek() - '0'), 1000000L);
        digits = true;
        ++pos_;
      }
      if (!digits) return fail();
      if (peek() == ',') {
        ++pos_;
        while (peek() >= '0' && peek() <= '9') ++pos_;
      }
      if (peek() != '}') return fail();
      ++pos_;
      if (min == 0) a.nullable = true;
    } else {
      return a;
    }
    if (peek() == '?' || peek() == '+') ++pos_;  // lazy or possessive: the same texts
    const char again = peek();
    if (again == '*' || again == '+' || again == '?' || again == '{') return fail();
    return a;
  }

  Opening atom() {
    const char c = peek();
    switch (c) {
      case '^':
      case '$':
        ++pos_;
        return {icu::UnicodeSet(), true};  // zero width
      case '.':
        ++pos_;
        return {every_code_point(), false};
      case '[':
        return {char_class(), false};
      case '(':
        return group();
      case '\\':
        return escape_atom();
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case ')':
      case '|':
        return fail();
      default: {
        const char32_t cp = next_code_point(p_, &pos_);
        return {icu::UnicodeSet(static_cast<UChar32>(cp), static_cast<UChar32>(cp)), false};
      }
    }
  }

  // "(…)", "(?:…)", "(?>…)", "(?<name>…)", and lookarounds, which consume nothing and so leave
  // the opening to what follows them (their constraint is dropped: the answer only widens).
  Opening group() {
    ++pos_;  // '('
    bool look = false;
    if (peek() == '?') {
      const char k = peek(1);
      if (k == ':' || k == '>') {
        pos_ += 2;
      } else if (k == '=' || k == '!') {
        pos_ += 2;
        look = true;
      } else if (k == '<' && (peek(2) == '=' || peek(2) == '!')) {
        pos_ += 3;
        look = true;
      } else if (k == '<') {
        pos_ += 2;
        const size_t name = pos_;
        while (std::isalnum(static_cast<unsigned char>(peek())) != 0) ++pos_;
        if (pos_ == name || peek() != '>') return fail();
        ++pos_;
      } else {
        return fail();  // flags, comments: not read
      }
    }
    Opening inner = alternation();
    if (failed_ || peek() != ')') return fail();
    ++pos_;
    if (look) return {icu::UnicodeSet(), true};
    return inner;
  }

  // An escape outside a class: a set, a literal, or a zero-width assertion.
  Opening escape_atom() {
    const char k = peek(1);
    if (k == 'b' || k == 'B' || k == 'A' || k == 'G' || k == 'Z' || k == 'z') {
      pos_ += 2;
      return {icu::UnicodeSet(), true};
    }
    icu::UnicodeSet s;
    if (!escape(&s)) return fail();
    return {s, false};
  }

  // Reads the escape at pos_ into *out (the code points it matches); false when not read.
  bool escape(icu::UnicodeSet* out) {
    ++pos_;  // '\\'
    if (at_end()) return false;
    const char k = peek();
    switch (k) {
      case 's':
      case 'S':
        ++pos_;
        *out = regex_space_set();
        if (k == 'S') out->complement();
        return true;
      case 'd':
      case 'D':
        ++pos_;
        *out = property_set(icu::UnicodeString(u"[:Nd:]"));
        if (k == 'D') out->complement();
        return true;
      case 'w':
      case 'W':
      case 'h':
      case 'H':
      case 'v':
      case 'V':
      case 'R':
      case 'X':
        ++pos_;
        *out = every_code_point();  // not worked out: anything
        return true;
      case 'p':
      case 'P': {
        ++pos_;
        std::string name;
        if (peek() == '{') {
          const size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          name = std::string(p_.substr(pos_ + 1, close - pos_ - 1));
          pos_ = close + 1;
        } else if (std::isalpha(static_cast<unsigned char>(peek())) != 0) {
          name = std::string(1, peek());
          ++pos_;
        } else {
          return false;
        }
        *out = property_set(icu::UnicodeString::fromUTF8("\\p{" + name + "}"));
        if (k == 'P') out->complement();
        return true;
      }
      case 't':
        return literal(out, '\t');
      case 'n':
        return literal(out, '\n');
      case 'r':
        return literal(out, '\r');
      case 'f':
        return literal(out, '\f');
      case 'a':
        return literal(out, 0x07);
      case 'e':
        return literal(out, 0x1B);
      default:
        break;
    }
    // An escaped punctuation mark (or any non-ASCII character) stands for itself; escaped
    // letters and digits not read above (\x, \u, \N, \k, \Q, back references) are not read.
    if (static_cast<unsigned char>(k) < 0x80 && std::isalnum(static_cast<unsigned char>(k)) != 0) {
      return false;
    }
    const char32_t cp = next_code_point(p_, &pos_);
    out->add(static_cast<UChar32>(cp));
    return true;
  }

  bool literal(icu::UnicodeSet* out, char32_t c) {
    ++pos_;
    out->add(static_cast<UChar32>(c));
    return true;
  }

  // One member of a class: a single code point (*single set) or a set escape.
  bool class_member(icu::UnicodeSet* out, char32_t* single, bool* is_single) {
    *is_single = false;
    const char c = peek();
    if (c == '[' || (c == '&' && peek(1) == '&')) return false;  // nested sets, intersections
    if (c == '\\') {
      const char k = peek(1);
      const bool set_escape = k == 's' || k == 'S' || k == 'd' || k == 'D' || k == 'p' ||
                              k == 'P' || k == 'w' || k == 'W' || k == 'h' || k == 'H' ||
                              k == 'v' || k == 'V' || k == 'R' || k == 'X';
      icu::UnicodeSet s;
      if (!escape(&s)) return false;
      if (!set_escape && s.size() == 1) {
        *is_single = true;
        *single = static_cast<char32_t>(s.charAt(0));
      }
      out->addAll(s);
      return true;
    }
    *single = next_code_point(p_, &pos_);
    *is_single = true;
    out->add(static_cast<UChar32>(*single));
    return true;
  }

  // "[…]" or "[^…]": its members and ranges. A class this reader cannot read fails the reading.
  icu::UnicodeSet char_class() {
    ++pos_;  // '['
    const bool negated = peek() == '^';
    if (negated) ++pos_;
    icu::UnicodeSet s;
    if (peek() == ']') {
      fail();
      return s;
    }
    bool first = true;
    while (!failed_) {
      if (at_end()) {
        fail();
        break;
      }
      if (peek() == ']') {
        ++pos_;
        break;
      }
      if (peek() == '-') {
        // A hyphen opening or closing the class stands for itself; elsewhere it is an operator
        // this reader does not read ("[a--b]").
        if (!first && peek(1) != ']') {
          fail();
          break;
        }
        ++pos_;
        s.add('-');
        first = false;
        continue;
      }
      char32_t lo = 0;
      bool single = false;
      if (!class_member(&s, &lo, &single)) {
        fail();
        break;
      }
      first = false;
      if (single && peek() == '-' && peek(1) != ']' && peek(1) != '\0') {
        ++pos_;  // '-'
        char32_t hi = 0;
        icu::UnicodeSet ignored;
        bool hi_single = false;
        if (!class_member(&ignored, &hi, &hi_single) || !hi_single || hi < lo) {
          fail();
          break;
        }
        s.add(static_cast<UChar32>(lo), static_cast<UChar32>(hi));
      }
    }
    if (negated) s.complement();
    return s;
  }

  std::string_view p_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace

FirstChars::FirstChars(std::string_view pattern) {
  auto set = std::make_shared<icu::UnicodeSet>();
  if (!FirstCharReader(pattern).read(set.get())) return;
  set->freeze();
  set_ = std::move(set);
}

namespace {

// Whether `p` has an alternation outside every group: then a look-behind at its start need not
// hold for a match. Unsure (an unclosed class or group) counts as having one.
bool top_level_alternation(std::string_view p) {
  int depth = 0;
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
      if (i < p.size()) next_code_point(p, &i);
      continue;
    }
    if (c == '[') {
      int classes = 0;
      while (i < p.size()) {
        if (p[i] == '\\') {
          ++i;
          if (i < p.size()) next_code_point(p, &i);
          continue;
        }
        if (p[i] == '[') ++classes;
        if (p[i] == ']' && --classes == 0) break;
        ++i;
      }
      if (i >= p.size()) return true;
      ++i;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return true;
    if (c == '|' && depth == 0) return true;
    ++i;
  }
  return depth != 0;
}

}  // namespace

bool char_before_list(std::string_view pattern, size_t max, std::u32string* out) {
  constexpr std::string_view kOpen = "(?<=";
  if (pattern.substr(0, kOpen.size()) != kOpen || top_level_alternation(pattern)) return false;
  // The look-behind's text: one class without nested sets, or one plain literal.
  size_t i = kOpen.size();
  if (i < pattern.size() && pattern[i] == '[') {
    ++i;
    while (i < pattern.size() && pattern[i] != ']') {
      if (pattern[i] == '[') return false;
      if (pattern[i] == '\\') ++i;
      if (i < pattern.size()) next_code_point(pattern, &i);
    }
    if (i >= pattern.size()) return false;
    ++i;  // ']'
  } else if (i < pattern.size() &&
             std::string_view("\\[]()|.*+?{}^$").find(pattern[i]) == std::string_view::npos) {
    next_code_point(pattern, &i);
  } else {
    return false;
  }
  if (i >= pattern.size() || pattern[i] != ')') return false;
  // A quantified look-behind ("(?<=a)?") need not hold.
  if (i + 1 < pattern.size() &&
      std::string_view("*+?{").find(pattern[i + 1]) != std::string_view::npos)
    return false;
  return FirstChars(pattern.substr(kOpen.size(), i - kOpen.size())).list(max, out);
}

bool FirstChars::list(size_t max, std::u32string* out) const {
  if (set_ == nullptr || static_cast<size_t>(set_->size()) > max) return false;
  out->clear();
  for (int32_t r = 0; r < set_->getRangeCount(); ++r) {
    for (UChar32 c = set_->getRangeStart(r); c <= set_->getRangeEnd(r); ++c) {
      out->push_back(static_cast<char32_t>(c));
    }
  }
  return true;
}

}  // namespace jianbao::core
