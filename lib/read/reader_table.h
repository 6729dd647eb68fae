// The PDF and DOCX readers as a table of functions, so that the program need not load their
// libraries at every start: poppler, libzip and pugixml bring some thirty shared libraries,
// whose loading and relocation was a third of a one-bulletin parse's CPU time (issue 17). A
// binary that links the readers (the tests, the fuzzers) has them registered before main; the
// jianbao program finds them in the module jianbao-readers.so, which it loads at its first PDF
// or DOCX, beside itself or in ../lib/jianbao (where `cmake --install` puts it).
#pragma once

#include <string>
#include <string_view>

#include "jianbao/decode.h"
#include "jianbao/status.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::read {

// Changed with any change to the table or to the types it passes, so that a module from another
// build is refused rather than misread.
constexpr int kReaderAbi = 1;

struct ReaderTable {
  int abi = kReaderAbi;
  size_t rule_set_size = 0;      // sizeof(RuleSet) where the table was built: a second check
  size_t decoded_text_size = 0;  // sizeof(decode::DecodedText)
  // Null where the build has no such reader.
  Result<decode::DecodedText> (*read_pdf)(std::string_view bytes, const std::string& path,
                                          const RuleSet& rules) = nullptr;
  Result<decode::DecodedText> (*read_docx)(std::string_view bytes, const std::string& path,
                                           const RuleSet& rules) = nullptr;
  bool (*zip_names_docx)(std::string_view bytes) = nullptr;
};

// Called by lib/read/reader_entry.cpp before main, or when the module is loaded.
void register_readers(const ReaderTable* table);

// The readers: the registered table, or else the module's, loaded at the first call. Null when
// neither is there, with *why saying what was tried.
const ReaderTable* readers(std::string* why);

}  // namespace jianbao::read
