// Text appended through a raw pointer, for the streaming writers: std::string's append is an
// out-of-line call into libstdc++, and a record is hundreds of thousands of small pieces.
#pragma once

#include <cstring>
#include <string>
#include <string_view>

namespace jianbao::emit {

// The text lives in *storage, whose size is the room (grown by doubling, zero-filled once when it
// grows) and whose first size() bytes are the text. Kept across records, the room is grown once.
class TextBuffer {
 public:
  // The text starts as what *storage holds.
  explicit TextBuffer(std::string* storage) : storage_(storage), size_(storage->size()) {}

  // Room for `n` more bytes after the text: where to write them (then advance(n) or less).
  char* room(size_t n) {
    if (storage_->size() - size_ < n) grow(n);
    return storage_->data() + size_;
  }
  void advance(size_t n) { size_ += n; }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    size_ += s.size();
  }
  void put(char c) {
    *room(1) = c;
    ++size_;
  }
  // Back to an earlier size (to undo a piece).
  void truncate(size_t size) { size_ = size; }
  void clear() { size_ = 0; }

  size_t size() const { return size_; }
  std::string_view text() const { return {storage_->data(), size_}; }
  // *storage becomes the text alone.
  void trim() { storage_->resize(size_); }

 private:
  void grow(size_t n);  // out of line, so room() stays a compare and an add where it is inlined

  std::string* storage_;
  size_t size_;
};

}  // namespace jianbao::emit
