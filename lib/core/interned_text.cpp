// The process-wide pool behind InternedText (document.h).
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

#include "jianbao/document.h"

namespace jianbao {
namespace {

// Found by string_view without making a string first.
struct InternedHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct InternedPool {
  std::mutex mutex;  // batch parses on several threads
  // Nodes never move, so a pointer to an element stays valid for the process.
  std::unordered_set<std::string, InternedHash, std::equal_to<>> texts;
};

InternedPool& interned_pool() {
  static auto* pool = new InternedPool;  // never destroyed: texts may be read at exit
  return *pool;
}

}  // namespace

InternedText::InternedText(std::string_view text) {
  if (text.empty()) return;
  InternedPool& pool = interned_pool();
  const std::lock_guard<std::mutex> lock(pool.mutex);
  auto it = pool.texts.find(text);
  if (it == pool.texts.end()) it = pool.texts.emplace(text).first;
  text_ = &*it;
}

}  // namespace jianbao
