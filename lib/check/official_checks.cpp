// The parts GB/T 9704 requires of an official document: document-no-number, document-no-date,
// document-dated-after-imprint. Bulletins (Document::document null) are not looked at.
#include <fmt/format.h>

#include "check/catalog.h"
#include "check/dates.h"
#include "check/families.h"

namespace jianbao::check {

void check_official(const Document& doc, const Context& ctx) {
  if (!doc.document) return;
  const OfficialDocument& d = *doc.document;
  const std::string& what = d.doc_type.empty() ? doc.genre : d.doc_type;
  if (d.doc_number.empty()) {
    ctx.add(ids::kDocumentNoNumber, doc.source.path, 1, 1,
            fmt::format("the {} '{}' has no document number", what, d.title));
  }
  if (d.signature.date.empty()) {
    const int line = d.signature.first_line > 0 ? d.signature.first_line : 1;
    ctx.add(ids::kDocumentNoDate, doc.source.path, line, 1,
            fmt::format("the {} '{}' has no date of signature", what, d.title));
  }
  if (is_full_date(d.signature.date) && is_full_date(d.imprint.date) &&
      d.signature.date > d.imprint.date) {
    ctx.add(ids::kDocumentDatedAfterImprint, doc.source.path, d.signature.last_line, 1,
            fmt::format("signed {} but issued {}: the date of signature is after the imprint date",
                        d.signature.date, d.imprint.date));
  }
}

}  // namespace jianbao::check
