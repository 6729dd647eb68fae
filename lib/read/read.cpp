#include "jianbao/read.h"

#include <fmt/format.h>

#include <cstring>

#include "read/reader_table.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
// Readers accept a PDF header anywhere in the first 1024 bytes (PDF 1.7, annex H.3).
constexpr size_t kPdfHeaderWindow = 1024;

// The ZIP's name for word/document.xml appears in its central directory; without libzip the
// bytes are searched for it.
bool names_document_xml(std::string_view bytes) {
  std::string why;
  if (JB_HAVE_DOCX) {
    if (const ReaderTable* t = readers(&why); t && t->zip_names_docx)
      return t->zip_names_docx(bytes);
  }
  return bytes.find("word/document.xml") != std::string_view::npos;
}

// A PDF or DOCX read by the readers' table, or the error that the reader cannot be had (the
// module is missing or from another build).
[[maybe_unused]] Result<decode::DecodedText> read_with(bool pdf, std::string_view bytes,
                                                       const std::string& path,
                                                       const RuleSet& rules,
                                                       const SourceLocation& where) {
  std::string why;
  const ReaderTable* t = readers(&why);
  const char* kind = pdf ? "PDF" : "DOCX";
  const auto reader = t == nullptr ? nullptr : pdf ? t->read_pdf : t->read_docx;
  if (reader == nullptr) {
    if (t != nullptr) why = "the reader module has none";
    return Status::bad_input(fmt::format("cannot read a {}: {}", kind, why), where);
  }
  return reader(bytes, path, rules);
}

}  // namespace

Format detect_format(std::string_view bytes) {
  if (bytes.substr(0, kPdfHeaderWindow).find(kPdfMagic) != std::string_view::npos) {
    return Format::kPdf;
  }
  if (bytes.substr(0, kZipMagic.size()) == kZipMagic) {
    return names_document_xml(bytes) ? Format::kDocx : Format::kZip;
  }
  if (bytes.substr(0, kOleMagic.size()) == kOleMagic) return Format::kOle;
  return Format::kText;
}

bool has_pdf_reader() { return JB_HAVE_PDF; }
bool has_docx_reader() { return JB_HAVE_DOCX; }

Result<decode::DecodedText> read_document(std::string_view bytes, const std::string& path,
                                          [[maybe_unused]] const RuleSet& rules,
                                          const decode::DecodeOptions& options) {
  const SourceLocation where{.file = path};
  switch (detect_format(bytes)) {
    case Format::kText:
      return decode::decode_bytes(bytes, path, options);
    case Format::kPdf:
#if JB_HAVE_PDF
      return read_with(true, bytes, path, rules, where);
#else
      return Status::bad_input(
          "a PDF, and this jianbao was built without PDF support (install libpoppler-private-dev "
          "and rebuild with -DJB_PDF=ON), or extract its text first: pdftotext FILE.pdf",
          where);
#endif
    case Format::kDocx:
#if JB_HAVE_DOCX
      return read_with(false, bytes, path, rules, where);
#else
      return Status::bad_input(
          "a DOCX, and this jianbao was built without DOCX support (install libzip-dev and "
          "libpugixml-dev and rebuild with -DJB_DOCX=ON)",
          where);
#endif
    case Format::kZip:
      return Status::bad_input("a ZIP file that is no DOCX (no word/document.xml)", where);
    case Format::kOle:
      return Status::bad_input(
          fmt::format("a legacy Word or WPS file (.doc/.wps), which jianbao does not read; "
                      "convert it first: soffice --headless --convert-to docx {}",
                      path),
          where);
  }
  return Status::internal("unknown format");
}

}  // namespace jianbao::read
