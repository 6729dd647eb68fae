// Poppler's error() formats every message it is given unless no callback is set and errQuiet is
// on; a damaged PDF can raise millions of them, so the reader must leave poppler quiet.
#include <doctest/doctest.h>

#include <string>

#include "jianbao/read.h"
#include "support/builtin_rules.h"

#if JB_HAVE_PDF
#include <GlobalParams.h>

namespace jianbao::read {
namespace {

using jianbao::testing::builtin_rules;

TEST_CASE("read: poppler is set to skip its error messages, not format them for nobody") {
  // A content stream of tokens poppler cannot use: each one is an error() call.
  const std::string stream = "BT ] ] ] >> >> >> ET";
  const std::string pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
      "4 0 obj<</Length " +
      std::to_string(stream.size()) + ">>stream\n" + stream +
      "\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  auto got = read_document(pdf, "damaged.pdf", builtin_rules(), {});
  CHECK_FALSE(got.ok());  // no text on its page
  REQUIRE(globalParams != nullptr);
  CHECK(globalParams->getErrQuiet());
}

}  // namespace
}  // namespace jianbao::read
#endif
