// Tables of character classes by code point, as the figure readers keep them: one bit a class.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

namespace jianbao::metrics {

// Sets `bit` in (*table)[c] for each code point c of `chars` that the table holds.
template <class Bits>
void mark_chars(std::vector<Bits>* table, const std::u32string& chars,
                std::type_identity_t<Bits> bit) {
  for (const char32_t c : chars) {
    if (c < table->size()) (*table)[c] = static_cast<Bits>((*table)[c] | bit);
  }
}

}  // namespace jianbao::metrics
