// Remembered answers about a line's first character: whether a pattern, or a set of patterns,
// may open with it (core::Regex::may_open_with). Asking a pattern costs a set lookup behind a
// call_once, some 150 instructions, and layout asks for every line and pattern; lines open with
// few distinct characters, in a document and across documents.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/icu_regex.h"

namespace jianbao::layout {

// One yes/no answer per character, in slots a character's code selects.
template <size_t kSlots>
class CharAnswers {
 public:
  // ask(c), worked out once for each c while no other character takes its slot.
  template <class Ask>
  bool get(char32_t c, const Ask& ask) {
    Slot& s = slots_[c % kSlots];
    if (s.c != c) {
      s.c = c;
      s.yes = ask(c);
    }
    return s.yes;
  }

 private:
  struct Slot {
    char32_t c = 0xFFFFFFFF;  // no code point
    bool yes = false;
  };
  std::array<Slot, kSlots> slots_{};
};

// A set of patterns' answer, for one document.
using FirstCharMemo = CharAnswers<256>;

// One pattern's answers for every document this thread reads: they depend on the pattern's
// text alone (core/first_chars.h).
class PatternOpenings {
 public:
  // The answers of `regex`, found once per pattern and document by the pattern's address and
  // checked against its text (a pattern freed and another made at its address). Shared: the
  // tables are let go of once there are many (rule sets loaded and freed), never while in use.
  static std::shared_ptr<PatternOpenings> of(const core::Regex& regex) {
    thread_local std::unordered_map<const core::Regex*, std::shared_ptr<PatternOpenings>> tables;
    constexpr size_t kMaxTables = 4096;
    if (tables.size() > kMaxTables) tables.clear();
    auto& t = tables[&regex];
    if (t == nullptr || t->source_ != regex.source()) t = std::make_shared<PatternOpenings>(regex);
    return t;
  }

  explicit PatternOpenings(const core::Regex& regex) : regex_(&regex), source_(regex.source()) {}

  // regex.may_open_with(c) for the regex `of` was given.
  bool may_open_with(char32_t c) {
    return answers_.get(c, [this](char32_t d) { return regex_->may_open_with(d); });
  }

 private:
  const core::Regex* regex_;  // the pattern last asked for by this address
  std::string source_;
  CharAnswers<1024> answers_;
};

}  // namespace jianbao::layout
