#include "jianbao/status.h"

#include <fmt/format.h>

namespace jianbao {

std::string Status::to_string() const {
  const SourceLocation& w = where_;
  if (w.file.empty()) return message_;
  if (w.byte_offset >= 0) return fmt::format("{}: byte {}: {}", w.file, w.byte_offset, message_);
  if (w.line > 0 && w.column > 0)
    return fmt::format("{}:{}:{}: {}", w.file, w.line, w.column, message_);
  if (w.line > 0) return fmt::format("{}:{}: {}", w.file, w.line, message_);
  return fmt::format("{}: {}", w.file, message_);
}

}  // namespace jianbao
