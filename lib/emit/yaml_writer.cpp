#include "emit/yaml_writer.h"

#include <charconv>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "emit/yaml_scalar.h"

namespace jianbao::emit {

void YamlWriter::start_line(Frame& f) {
  if (!(f.first && f.after_dash)) {
    if (line_started_) out_->push_back('\n');
    out_->append(static_cast<size_t>(f.indent), ' ');
  }
  line_started_ = true;
  f.first = false;
}

// The held numbers become "- n" lines: the array turned out too long or not all numbers.
void YamlWriter::commit_block(Frame& f) {
  if (!f.pending) return;
  f.pending = false;
  for (const std::string& n : f.numbers) {
    start_line(f);
    *out_ += "- ";
    *out_ += n;
  }
  f.numbers.clear();
}

bool YamlWriter::begin_scalar(bool number, const std::string& text) {
  if (stack_.empty()) return true;  // the record is a scalar
  Frame& parent = stack_.back();
  if (!parent.array) {
    out_->push_back(' ');  // after "key:"
    return true;
  }
  if (parent.pending && number && parent.numbers.size() < 2) {
    parent.numbers.push_back(text);
    return false;
  }
  commit_block(parent);
  start_line(parent);
  *out_ += "- ";
  return true;
}

void YamlWriter::begin_container() {
  if (stack_.empty()) return;
  Frame& parent = stack_.back();
  if (!parent.array) return;  // after "key:"; the space comes only if it stays inline
  commit_block(parent);
  start_line(parent);
  *out_ += "- ";
}

void YamlWriter::open(bool array) {
  begin_container();
  Frame f;
  f.array = array;
  if (!stack_.empty()) {
    f.indent = stack_.back().indent + 2;
    f.after_dash = stack_.back().array;
  }
  stack_.push_back(std::move(f));
}

void YamlWriter::close() {
  Frame f = std::move(stack_.back());
  stack_.pop_back();
  if (f.pending) {
    // Inline: after "key: ", after "- ", or the whole record.
    if (!stack_.empty() && !stack_.back().array) out_->push_back(' ');
    if (!f.array) {
      *out_ += "{}";
    } else {
      out_->push_back('[');
      for (size_t i = 0; i < f.numbers.size(); ++i) {
        if (i) *out_ += ", ";
        *out_ += f.numbers[i];
      }
      out_->push_back(']');
    }
  }
  spill_if_full();
}

namespace {

struct YamlKeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A key as append_yaml_scalar writes it. The record's keys are a few dozen field names, each
// written thousands of times, and the full check of a scalar (numbers, words, dates) is long:
// each thread keeps what it has written, up to a bound so that keys from elsewhere cannot grow it.
const std::string& yaml_key_text(std::string_view k) {
  constexpr size_t kMostKept = 512;
  thread_local std::unordered_map<std::string, std::string, YamlKeyHash, std::equal_to<>> kept;
  if (const auto it = kept.find(k); it != kept.end()) return it->second;
  thread_local std::string text;
  text.clear();
  append_yaml_scalar(&text, std::string(k));
  if (kept.size() >= kMostKept) return text;
  return kept.emplace(std::string(k), text).first->second;
}

}  // namespace

void YamlWriter::key(std::string_view k) {
  Frame& f = stack_.back();
  f.pending = false;
  start_line(f);
  *out_ += yaml_key_text(k);
  out_->push_back(':');
}

void YamlWriter::str(std::string_view s) {
  if (begin_scalar(false, "")) append_yaml_scalar(out_, std::string(s));
  spill_if_full();
}

void YamlWriter::integer(long long v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  const std::string text(buf, r.ptr);
  if (begin_scalar(true, text)) *out_ += text;
  spill_if_full();
}

void YamlWriter::boolean(bool b) {
  if (begin_scalar(false, "")) *out_ += b ? "true" : "false";
  spill_if_full();
}

void YamlWriter::null() {
  if (begin_scalar(false, "")) *out_ += "null";
  spill_if_full();
}

void YamlWriter::real(double v) {
  std::string text;
  append_yaml_real(&text, v);
  if (begin_scalar(true, text)) *out_ += text;
  spill_if_full();
}

void YamlWriter::spill_if_full() {
  if (!spill_ || out_->size() < spill_at_) return;
  spill_(*out_);
  out_->clear();
}

}  // namespace jianbao::emit
