// Status and Result: the one error vocabulary of jianbao.
//
// A function that can fail returns Status (no value) or Result<T> (a value or a Status). No
// exception crosses the library boundary. An oddity the pipeline can work around is not a Status:
// it becomes a Diagnostic in the Document.
//
//   Result<DecodedText> r = decode::decode_bytes(bytes, "a.txt", {});
//   if (!r.ok()) { std::cerr << r.status().to_string(); return 2; }
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace jianbao {

// Where in a file something went wrong. line and column are 1-based; 0 means unknown.
// byte_offset is set for decoding errors, where a line is meaningless.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  long long byte_offset = -1;
};

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,
    kIoError,
    kBadEncoding,
    kBadRules,
    kBadInput,
    kInternal
  };

  Status() = default;
  static Status invalid_argument(std::string msg, SourceLocation where = {}) {
    return Status(Code::kInvalidArgument, std::move(msg), std::move(where));
  }
  static Status io_error(std::string msg, SourceLocation where = {}) {
    return Status(Code::kIoError, std::move(msg), std::move(where));
  }
  static Status bad_encoding(std::string msg, SourceLocation where = {}) {
    return Status(Code::kBadEncoding, std::move(msg), std::move(where));
  }
  static Status bad_rules(std::string msg, SourceLocation where = {}) {
    return Status(Code::kBadRules, std::move(msg), std::move(where));
  }
  static Status bad_input(std::string msg, SourceLocation where = {}) {
    return Status(Code::kBadInput, std::move(msg), std::move(where));
  }
  static Status internal(std::string msg) { return Status(Code::kInternal, std::move(msg), {}); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }

  // "FILE:LINE:COL: message", "FILE: byte N: message" or "message", as much as is known.
  std::string to_string() const;

 private:
  Status(Code code, std::string msg, SourceLocation where)
      : code_(code), message_(std::move(msg)), where_(std::move(where)) {}
  Code code_ = Code::kOk;
  std::string message_;
  SourceLocation where_;
};

// A value or the Status that explains why there is none. Shaped like std::expected.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok()
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace jianbao

// Returns early from the enclosing function with the Status of a failed Status or Result.
#define JB_TRY(expr)                                          \
  do {                                                        \
    if (auto&& jb_try_value_ = (expr); !jb_try_value_.ok()) { \
      return ::jianbao::detail::status_of(jb_try_value_);     \
    }                                                         \
  } while (0)

namespace jianbao::detail {
inline Status status_of(const Status& s) { return s; }
template <typename T>
Status status_of(const Result<T>& r) {
  return r.status();
}
}  // namespace jianbao::detail
