// InternedText (document.h): the short strings of a Metric, held once for the process.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "jianbao/document.h"

namespace jianbao {
namespace {

TEST_CASE("interned text: equal texts are one string, the empty text none") {
  const std::string made = std::string("人") + "次";
  const InternedText a(made);
  const InternedText b("人次");
  CHECK(&a.str() == &b.str());
  CHECK(a == b);
  CHECK(a == "人次");
  CHECK(a == std::string_view("人次"));
  CHECK(std::string_view(a) == made);
  CHECK(a.size() == made.size());
  CHECK_FALSE(a == InternedText("人"));
  const InternedText none;
  CHECK(none.empty());
  CHECK(none.str().empty());
  CHECK(InternedText("") == none);
  CHECK(InternedText(std::string()).empty());
}

TEST_CASE("interned text: a Value holds a date or a name as one") {
  Value v = std::string("2023-05-01");
  REQUIRE(std::holds_alternative<InternedText>(v));
  CHECK(std::get<InternedText>(v) == "2023-05-01");
  v = 12.5;
  CHECK(std::get<double>(v) == 12.5);
  CHECK(sizeof(Value) <= 16);
}

TEST_CASE("interned text: threads interning the same texts share them") {
  // batch parses on several threads; each must see one string per text.
  std::vector<const std::string*> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 2000; ++i) InternedText(std::to_string(i) + "项");
      seen[t] = &InternedText("1999项").str();
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string* s : seen) CHECK(s == seen.front());
}

// A 10 MiB bulletin holds 85,000 of these until it is written: 480 bytes each with std::string
// fields and values, 216 with interned ones.
TEST_CASE("a Metric stays compact") { CHECK(sizeof(Metric) <= 216); }

}  // namespace
}  // namespace jianbao
