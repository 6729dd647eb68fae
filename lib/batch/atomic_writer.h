// A file written piece by piece into a temporary file beside its target and renamed into place
// by commit(), so that a reader never sees half of it. Destroyed uncommitted, it removes the
// temporary file.
//
// The temporary file is made with mkstemp(3) semantics (O_CREAT | O_EXCL, a random suffix) in the
// target's directory: another user who can write there cannot make jianbao follow a symlink or
// write into a file planted under a guessed name. Its name stays within NAME_MAX however long the
// target's is (".NAME.tmp-PID-XXXXXX", NAME cut short), and holds the process id so that a later
// run can remove what a killed one left (remove_stale_temp_files). A file being replaced keeps its
// permission bits; a new one gets 0666 less the umask, as any created file.
#pragma once

#include <string>
#include <string_view>

#include "jianbao/status.h"

namespace jianbao::batch {

class AtomicWriter {
 public:
  explicit AtomicWriter(std::string path);
  ~AtomicWriter();
  AtomicWriter(const AtomicWriter&) = delete;
  AtomicWriter& operator=(const AtomicWriter&) = delete;

  void append(std::string_view data);
  // Closes the temporary file and renames it to the target. kIoError naming the target and the
  // reason (strerror) when the temporary file could not be made or written, or the rename failed.
  Status commit();
  // Removes the temporary file; nothing is written.
  void abort();
  // The temporary file's path ("" when it could not be made).
  const std::string& temp_path() const { return tmp_; }

 private:
  void flush();

  std::string path_;
  std::string tmp_;
  int fd_ = -1;
  std::string buffer_;
  Status error_;  // the first failure
  bool finished_ = false;
};

// The marker every temporary file name holds: ".NAME" + kTempMarker + "PID-XXXXXX".
inline constexpr const char* kTempMarker = ".tmp-";

// Removes, under `dir` (recursively, never following symlinks), the temporary files of
// AtomicWriters whose process is gone (killed before it could clean up). Returns how many.
int remove_stale_temp_files(const std::string& dir);

}  // namespace jianbao::batch
