// The readers' table, registered before main wherever these files are linked in: a binary that
// links them, or the module jianbao-readers.so when it is loaded (lib/read/reader_table.h).
#include "read/reader_table.h"
#include "ruleset/rule_set.h"
#if JB_HAVE_PDF
#include "read/pdf_reader.h"
#endif
#if JB_HAVE_DOCX
#include "read/docx_reader.h"
#include "read/zip_package.h"
#endif

namespace jianbao::read {
namespace {

ReaderTable make_reader_table() {
  ReaderTable t;
  t.rule_set_size = sizeof(RuleSet);
  t.decoded_text_size = sizeof(decode::DecodedText);
#if JB_HAVE_PDF
  t.read_pdf = &read_pdf;
#endif
#if JB_HAVE_DOCX
  t.read_docx = &read_docx;
  t.zip_names_docx = &zip_names_docx;
#endif
  return t;
}

const ReaderTable kReaderTable = make_reader_table();

// Registers the table when the binary starts or the module is loaded.
const bool kRegistered = [] {
  register_readers(&kReaderTable);
  return true;
}();

}  // namespace
}  // namespace jianbao::read
