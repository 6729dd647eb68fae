#include "read/read_types.h"

#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/sha256.h"

namespace jianbao::read {
// The size most characters are set in: the body text, against which titles are "larger".
double body_size(const std::vector<ReadLine>& lines) {
  std::map<double, size_t> chars;  // size -> characters set in it
  for (const ReadLine& l : lines) {
    // To half a point: sizes a producer writes as 15.96 and 16.0 are one size.
    if (l.font_size > 0 && l.facts.furniture.empty()) {
      chars[std::round(l.font_size * 2) / 2] += l.text.size();
    }
  }
  double best = 0;
  size_t most = 0;
  for (const auto& [size, n] : chars) {
    if (n > most) {
      most = n;
      best = size;
    }
  }
  return best;
}

decode::DecodedText to_decoded_text(std::vector<ReadLine> lines, std::string_view bytes,
                                    const std::string& path, const std::string& reader) {
  decode::DecodedText out;
  out.path = path;
  out.reader = reader;
  out.encoding = "utf-8";  // what the reader wrote; `reader` says where it came from
  out.bytes = static_cast<long long>(bytes.size());
  out.sha256 = core::sha256_hex(bytes);
  const double body = body_size(lines);
  // The texts one after another in one buffer, which the lines then view.
  auto buffer = std::make_shared<std::string>();
  size_t bytes_of_text = 0;
  for (const ReadLine& l : lines) bytes_of_text += l.text.size();
  buffer->reserve(bytes_of_text);
  for (const ReadLine& l : lines) *buffer += l.text;
  size_t begin = 0;
  int number = 0;
  out.lines.reserve(lines.size());
  out.facts.reserve(lines.size());
  for (ReadLine& l : lines) {
    decode::SourceLine s;
    s.number = ++number;
    s.text = std::string_view(*buffer).substr(begin, l.text.size());
    begin += l.text.size();
    s.form_feed = l.page_start;
    if (body > 0 && l.font_size > 0) l.facts.size = std::round(l.font_size * 2) / 2 / body;
    out.lines.push_back(s);
    out.facts.push_back(std::move(l.facts));
  }
  out.buffer = std::move(buffer);
  return out;
}

}  // namespace jianbao::read
