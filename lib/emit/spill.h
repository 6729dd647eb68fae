// Where a streaming writer hands its text when its buffer fills, so a record is never held whole.
#pragma once

#include <functional>
#include <string_view>

namespace jianbao::emit {

// Takes the text written so far; the writer then clears its buffer.
using Spill = std::function<void(std::string_view)>;

inline constexpr size_t kSpillBytes = 1 << 16;

}  // namespace jianbao::emit
