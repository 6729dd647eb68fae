#include "emit/text_buffer.h"

#include <algorithm>

namespace jianbao::emit {

// Doubling, so growing costs O(text) in all; the new room is zero-filled once, by resize.
void TextBuffer::grow(size_t n) {
  constexpr size_t kLeastRoom = 256;
  storage_->resize(std::max({size_ + n, 2 * storage_->size(), kLeastRoom}));
}

}  // namespace jianbao::emit
