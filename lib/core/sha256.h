// SHA-256 of a byte string, as lowercase hex: identifies inputs and rule sets in records and in
// the batch manifest.
#pragma once

#include <string>
#include <string_view>

namespace jianbao::core {

std::string sha256_hex(std::string_view data);

}  // namespace jianbao::core
