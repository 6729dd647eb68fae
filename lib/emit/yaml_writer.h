// A writer (see record_fields.h) that writes block YAML straight from the calls, with no tree: the
// same bytes as to_yaml() of the tree the same calls would build. A container's style (block, or
// inline "{}", "[]", "[1, 2]") is known only at its first element or its end, so that much is
// held back; everything else goes out as it comes, in chunks, so a record is never held whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "emit/spill.h"

namespace jianbao::emit {

class YamlWriter {
 public:
  // Text goes to *out; with `spill`, *out is handed to it whenever it holds `spill_at` bytes.
  explicit YamlWriter(std::string* out, Spill spill = {}, size_t spill_at = kSpillBytes)
      : out_(out), spill_(std::move(spill)), spill_at_(spill_at) {}

  void begin_object() { open(false); }
  void end_object() { close(); }
  void begin_array() { open(true); }
  void end_array() { close(); }
  void key(std::string_view k);
  void str(std::string_view s);
  void integer(long long v);
  void boolean(bool b);
  void null();
  void real(double v);

 private:
  struct Frame {
    bool array = false;
    int indent = 0;           // of its elements' lines
    bool after_dash = false;  // its first line goes on the line of the "- " that holds it
    bool first = true;        // no line of it written yet
    bool pending = true;      // style not known yet: empty, or (an array) up to two numbers
    std::vector<std::string> numbers;  // a pending array's numbers, as written
  };

  void open(bool array);
  void close();
  // Before a scalar (`number`: an integer or a real, which a short list keeps inline): places it
  // after its key or dash. Returns false when a pending array holds it back instead.
  bool begin_scalar(bool number, const std::string& text);
  // Before a container: commits the parent to block style and writes its dash.
  void begin_container();
  void commit_block(Frame& f);
  void start_line(Frame& f);
  void spill_if_full();

  std::string* out_;
  Spill spill_;
  size_t spill_at_;
  std::vector<Frame> stack_;
  bool line_started_ = false;  // the record's first line has no '\n' before it
};

}  // namespace jianbao::emit
