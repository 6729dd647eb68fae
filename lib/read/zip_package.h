// A ZIP package (DOCX) opened from memory through libzip, with limits: at most max_zip_entries
// entries, no part above max_part_bytes unpacked, and no more than max_total_bytes unpacked in
// all, whatever the entries claim (a zip bomb stops with an error, not an out-of-memory).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/status.h"

namespace jianbao {
struct ReadRules;
}

namespace jianbao::read {

class ZipPackage {
 public:
  // Fails with kBadInput naming `path` for bytes libzip cannot open or too many entries.
  // `bytes` must outlive the package.
  static Result<std::unique_ptr<ZipPackage>> open(std::string_view bytes, const std::string& path,
                                                  const ReadRules& limits);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool has(const std::string& name) const;
  std::vector<std::string> names() const;  // in the archive's order
  // The unpacked part; fails with kBadInput when it is missing, damaged or over the limits.
  Result<std::string> read(const std::string& name);

 private:
  struct Impl;
  explicit ZipPackage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Whether the bytes are a ZIP holding word/document.xml. Never fails.
bool zip_names_docx(std::string_view bytes);

}  // namespace jianbao::read
