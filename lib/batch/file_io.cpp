// Whole-file reads and atomic writes, shared by the batch runner and the commands.
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <random>

#include "batch/atomic_writer.h"
#include "jianbao/batch.h"

namespace jianbao::batch {

namespace fs = std::filesystem;

namespace {

std::string errno_text(int e) { return std::strerror(e); }

// The file-creation mask, read once (umask(2) can only be read by setting it).
mode_t creation_mask() {
  static const mode_t mask = [] {
    const mode_t m = umask(0);
    umask(m);
    return m;
  }();
  return mask;
}

// `name` cut to at most `max` bytes, never inside a UTF-8 sequence.
std::string cut_name(const std::string& name, size_t max) {
  if (name.size() <= max) return name;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
  return name.substr(0, n);
}

// mkstemp(3) in `dir` with a name derived from `base`, without mkstemp's template rules (the
// name may hold any byte): O_CREAT | O_EXCL | O_NOFOLLOW, so an existing file or symlink under
// that name is never opened; retried with a new random suffix on EEXIST.
int make_temp(const fs::path& dir, const std::string& base, std::string* path) {
  static std::mutex mu;
  static std::mt19937_64 rng(std::random_device{}() ^ static_cast<uint64_t>(getpid()));
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const std::string pid = std::to_string(getpid());
  // "." + name + marker + pid + "-" + 6 characters <= NAME_MAX.
  const size_t fixed = 1 + std::strlen(kTempMarker) + pid.size() + 1 + 6;
  const std::string stem = cut_name(base, NAME_MAX > fixed ? NAME_MAX - fixed : 0);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix(6, 'x');
    {
      std::lock_guard<std::mutex> lock(mu);
      for (char& c : suffix) c = kChars[rng() % (sizeof kChars - 1)];
    }
    *path = (dir / ("." + stem + kTempMarker + pid + "-" + suffix)).string();
    const int fd =
        ::open(path->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

AtomicWriter::AtomicWriter(std::string path) : path_(std::move(path)) {
  const fs::path target(path_);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp;
  fd_ = make_temp(dir, target.filename().string(), &tmp);
  if (fd_ < 0) {
    error_ = Status::io_error(
        fmt::format("cannot create a temporary file in {}: {}", dir.string(), errno_text(errno)),
        {.file = path_});
    return;
  }
  tmp_ = tmp;
  // A file being replaced keeps its permission bits; a new one gets what open(2) would give it.
  struct stat st {};
  const mode_t mode = ::lstat(path_.c_str(), &st) == 0 && S_ISREG(st.st_mode)
                          ? (st.st_mode & 07777)
                          : (0666 & ~creation_mask());
  if (::fchmod(fd_, mode) != 0) {
    error_ = Status::io_error(fmt::format("cannot set the mode: {}", errno_text(errno)),
                              {.file = path_});
  }
}

AtomicWriter::~AtomicWriter() {
  if (!finished_) abort();
}

void AtomicWriter::append(std::string_view data) {
  if (!error_.ok()) return;
  buffer_.append(data);
  if (buffer_.size() >= (1 << 16)) flush();
}

void AtomicWriter::flush() {
  size_t done = 0;
  while (error_.ok() && done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error_ =
          Status::io_error(fmt::format("cannot write: {}", errno_text(errno)), {.file = path_});
    } else {
      done += static_cast<size_t>(n);
    }
  }
  buffer_.clear();
}

void AtomicWriter::abort() {
  finished_ = true;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

Status AtomicWriter::commit() {
  if (error_.ok()) flush();
  if (error_.ok() && ::close(fd_) != 0) {
    error_ = Status::io_error(fmt::format("cannot write: {}", errno_text(errno)), {.file = path_});
  }
  fd_ = -1;
  if (!error_.ok()) {
    abort();
    return error_;
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    abort();
    return Status::io_error(fmt::format("cannot rename into place: {}", errno_text(e)),
                            {.file = path_});
  }
  finished_ = true;
  return Status();
}

int remove_stale_temp_files(const std::string& dir) {
  int removed = 0;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec)) continue;
    const std::string name = it->path().filename().string();
    const size_t at = name.rfind(kTempMarker);
    if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
    const std::string rest = name.substr(at + std::strlen(kTempMarker));
    const size_t dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || rest.size() != dash + 7) continue;
    pid_t pid = 0;
    try {
      pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
    } catch (const std::exception&) {
      continue;
    }
    // Only files of processes that are gone: a run still writing there keeps its own.
    if (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)) {
      std::error_code rm_ec;
      if (fs::remove(it->path(), rm_ec)) ++removed;
    }
  }
  return removed;
}

Result<std::string> read_file(const std::string& path) { return read_file(path, ReadLimits{}); }

Result<std::string> read_file(const std::string& path, const ReadLimits& limits) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer before we know what it is.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return Status::io_error(fmt::format("cannot open file: {}", errno_text(errno)), {.file = path});
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return Status::io_error(fmt::format("cannot read file: {}", errno_text(e)), {.file = path});
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::io_error("is a directory, expected a bulletin file", {.file = path});
  }
  if (!S_ISREG(st.st_mode) && !limits.allow_special) {
    ::close(fd);
    const char* what = S_ISFIFO(st.st_mode)   ? "a FIFO"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    return Status::io_error(
        fmt::format("is {}, not a regular file (--allow-special reads it)", what), {.file = path});
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  Result<std::string> data = read_fd(fd, path, limits);
  ::close(fd);
  return data;
}

Result<std::string> read_fd(int fd, const std::string& path, const ReadLimits& limits) {
  std::string data;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = static_cast<unsigned long long>(st.st_size);
    if (limits.max_bytes > 0 && size > limits.max_bytes) {
      return Status::io_error(
          fmt::format("is {} bytes, more than --max-bytes {}", size, limits.max_bytes),
          {.file = path});
    }
    data.reserve(static_cast<size_t>(size));
  }
  char buf[1 << 16];
  for (;;) {
    if (limits.cancel != nullptr && limits.cancel->load()) {
      return Status::io_error("interrupted", {.file = path});
    }
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::io_error(fmt::format("cannot read file: {}", errno_text(errno)),
                              {.file = path});
    }
    data.append(buf, static_cast<size_t>(n));
    // A file that grows while read, or a device that never ends, stops here.
    if (limits.max_bytes > 0 && data.size() > limits.max_bytes) {
      return Status::io_error(
          fmt::format("more than --max-bytes {} bytes (it grew, or never ends)", limits.max_bytes),
          {.file = path});
    }
  }
  return data;
}

Status write_file_atomic(const std::string& path, const std::string& content) {
  AtomicWriter out(path);
  out.append(content);
  return out.commit();
}

}  // namespace jianbao::batch
