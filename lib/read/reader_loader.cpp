// Where the readers come from: registered by lib/read/reader_entry.cpp where it is linked in,
// else the module jianbao-readers.so, loaded at the first PDF or DOCX (read/reader_table.h).
#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <mutex>
#include <string>
#include <vector>

#include "read/reader_table.h"
#include "ruleset/rule_set.h"

#ifndef JB_READERS_MODULE_DIR
#define JB_READERS_MODULE_DIR "../lib/jianbao"
#endif

namespace jianbao::read {
namespace {

constexpr const char* kReadersModule = "jianbao-readers.so";

std::atomic<const ReaderTable*> registered{nullptr};

// The directory of the running program, or "" when it cannot be told.
std::string program_dir() {
  std::vector<char> buf(PATH_MAX + 1);
  const ssize_t n = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return "";
  std::string path(buf.data(), static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// Loads the module; its reader_entry.cpp registers the table as it is loaded. The module is
// never unloaded: the table and the code it points into live until the program ends.
const ReaderTable* load_module(std::string* why) {
  const std::string dir = program_dir();
  std::string tried;
  for (const std::string& path :
       {dir + "/" + kReadersModule, dir + "/" JB_READERS_MODULE_DIR "/" + kReadersModule}) {
    if (access(path.c_str(), F_OK) != 0) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    if (dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL) == nullptr) {
      const char* error = dlerror();
      *why = "cannot load " + path + ": " + (error ? error : "unknown error");
      return nullptr;
    }
    const ReaderTable* t = registered.load();
    if (t == nullptr) {
      *why = path + " registered no readers";
    } else if (t->abi != kReaderAbi || t->rule_set_size != sizeof(RuleSet) ||
               t->decoded_text_size != sizeof(decode::DecodedText)) {
      *why = path + " is from another build of jianbao";
      return nullptr;
    }
    return t;
  }
  *why = "the reader module " + std::string(kReadersModule) + " is not installed (looked for " +
         tried + ")";
  return nullptr;
}

}  // namespace

void register_readers(const ReaderTable* table) { registered.store(table); }

const ReaderTable* readers(std::string* why) {
  if (const ReaderTable* t = registered.load()) return t;
  static std::once_flag once;
  static const ReaderTable* loaded = nullptr;
  static std::string load_error;
  std::call_once(once, [] { loaded = load_module(&load_error); });
  if (loaded == nullptr) *why = load_error;
  return loaded;
}

}  // namespace jianbao::read
