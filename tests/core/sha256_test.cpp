#include "core/sha256.h"

#include <doctest/doctest.h>

#include <string>

namespace jianbao::core {
namespace {

TEST_CASE("sha256: FIPS 180-2 test vectors") {
  struct Row {
    std::string name;
    std::string in;
    const char* want;
  };
  const Row rows[] = {
      {.name = "empty",
       .in = "",
       .want = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {.name = "abc (one block)",
       .in = "abc",
       .want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {.name = "448 bits (padding spills into a second block)",
       .in = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       .want = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {.name = "896 bits",
       .in =
           "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnop"
           "qrlmnopqrsmnopqrstnopqrstu",
       .want = "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {.name = "one million 'a'",
       .in = std::string(1000000, 'a'),
       .want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(sha256_hex(r.in) == r.want);
  }
}

// Lengths around the 64-byte block and the 56-byte padding limit, checked against coreutils'
// sha256sum (`head -c N /dev/zero | tr '\0' a | sha256sum`).
TEST_CASE("sha256: lengths around the block and padding boundaries") {
  struct Row {
    size_t length;
    const char* want;
  };
  const Row rows[] = {
      {.length = 55, .want = "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {.length = 56, .want = "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {.length = 63, .want = "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {.length = 64, .want = "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {.length = 65, .want = "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {.length = 119, .want = "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {.length = 120, .want = "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
      {.length = 128, .want = "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.length);
    CHECK(sha256_hex(std::string(r.length, 'a')) == r.want);
  }
}

TEST_CASE("sha256: binary input, embedded NUL and bytes above 0x7F") {
  struct Row {
    std::string name;
    std::string in;
    const char* want;
  };
  const Row rows[] = {
      {.name = "one NUL byte",
       .in = std::string(1, '\0'),
       .want = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"},
      {.name = "1000 NUL bytes",
       .in = std::string(1000, '\0'),
       .want = "541b3e9daa09b20bf85fa273e5cbd3e80185aa4ec298e765db87742b70138a53"},
      {.name = "high byte (signed char pitfall)",
       .in = "\xbd",
       .want = "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b"},
      {.name = "UTF-8 text",
       .in = "中文",
       .want = "72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(sha256_hex(r.in) == r.want);
  }
}

TEST_CASE("sha256: output is 64 lowercase hex digits") {
  const std::string h = sha256_hex("jianbao");
  CHECK(h.size() == 64);
  CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
}

}  // namespace
}  // namespace jianbao::core
