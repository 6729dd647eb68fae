#include "core/sha256.h"

// The one-call SHA256_* functions, deprecated in OpenSSL 3 for EVP: EVP fetches its digest from
// a provider, which set OpenSSL up for 5.3 M instructions, a twentieth of a one-bulletin run.
// These run the same block code (SHA extensions where the CPU has them) with no set-up, and are
// linked from libcrypto.a, so start-up loads no libcrypto.so either.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <array>

namespace jianbao::core {

// OpenSSL's SHA-256 uses the CPU's SHA extensions where present: 3.9x faster than the
// portable implementation it replaced (about 290 against 75 MB/s over 100 MiB on the CI machine),
// with the same digests (tests/core/sha256_test.cpp).
std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, data.data(), data.size());
  SHA256_Final(digest.data(), &ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * digest.size());
  for (const unsigned char byte : digest) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
  }
  return out;
}

}  // namespace jianbao::core
