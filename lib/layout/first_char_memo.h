// Remembers a yes/no answer about a line's first character (whether a set of patterns may open
// with it): asking each pattern costs a set lookup, and a document's lines open with few
// distinct characters, asked about again and again.
#pragma once

#include <array>
#include <cstddef>

namespace jianbao::layout {

class FirstCharMemo {
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
  static constexpr size_t kSlots = 256;
  struct Slot {
    char32_t c = 0xFFFFFFFF;  // no code point
    bool yes = false;
  };
  std::array<Slot, kSlots> slots_{};
};

}  // namespace jianbao::layout
