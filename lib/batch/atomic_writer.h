// A file written piece by piece into a temporary file beside its target and renamed into place
// by commit(), so that a reader never sees half of it. Destroyed uncommitted, it removes the
// temporary file.
#pragma once

#include <fstream>
#include <string>
#include <string_view>

#include "jianbao/status.h"

namespace jianbao::batch {

class AtomicWriter {
 public:
  // Opens ".NAME.tmpPID" in the directory of `path`.
  explicit AtomicWriter(std::string path);
  ~AtomicWriter();
  AtomicWriter(const AtomicWriter&) = delete;
  AtomicWriter& operator=(const AtomicWriter&) = delete;

  void append(std::string_view data) {
    out_.write(data.data(), static_cast<std::streamsize>(data.size()));
  }
  // Closes the temporary file and renames it to the target. kIoError when any write failed.
  Status commit();
  // Removes the temporary file; nothing is written.
  void abort();

 private:
  std::string path_;
  std::string tmp_;
  std::ofstream out_;
  bool finished_ = false;
};

}  // namespace jianbao::batch
