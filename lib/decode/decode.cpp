#include "jianbao/decode.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/sha256.h"
#include "core/utf8.h"

namespace jianbao::decode {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts `bytes` from `encoding` to UTF-8, stopping at the first bad sequence. On failure
// sets *bad_offset to the byte offset of the sequence that could not be converted.
bool convert_to_utf8(std::string_view bytes, const char* encoding, std::string* out,
                     long long* bad_offset, bool* unknown_encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(encoding, &status));
  if (U_FAILURE(status)) {
    *unknown_encoding = true;
    return false;
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string u16(bytes.size() + 1, u'\0');
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  UChar* target = reinterpret_cast<UChar*>(u16.data());
  UChar* target_limit = target + u16.size();
  ucnv_toUnicode(conv.get(), &target, target_limit, &source, source_limit, nullptr, true,
                 &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t invalid_len = sizeof(invalid);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalid_len, &ignored);
    *bad_offset = (source - bytes.data()) - invalid_len;
    return false;
  }
  u16.resize(static_cast<size_t>(target - reinterpret_cast<UChar*>(u16.data())));
  const icu::UnicodeString u(false, reinterpret_cast<const UChar*>(u16.data()),
                             static_cast<int32_t>(u16.size()));
  out->clear();
  u.toUTF8String(*out);
  return true;
}

// Splits UTF-8 text into lines at LF, CRLF and CR; a form feed marks a page break.
std::vector<SourceLine> split_lines(std::string_view text) {
  std::vector<SourceLine> lines;
  SourceLine current{1, "", false};
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.push_back(std::move(current));
      current = SourceLine{static_cast<int>(lines.size()) + 1, "", false};
    } else if (c == '\f') {
      current.form_feed = true;
    } else {
      current.text.push_back(c);
    }
  }
  if (!current.text.empty() || current.form_feed) lines.push_back(std::move(current));
  return lines;
}

}  // namespace

Result<DecodedText> decode_bytes(std::string_view bytes, const std::string& path,
                                 const DecodeOptions& options) {
  DecodedText out;
  out.path = path;
  out.bytes = static_cast<long long>(bytes.size());
  out.sha256 = core::sha256_hex(bytes);
  if (bytes.empty()) {
    return Status::bad_encoding("empty file: expected bulletin text", {.file = path, .byte_offset = 0});
  }
  std::string_view body = bytes;
  std::string encoding = options.encoding;
  if (encoding.empty()) {
    if (body.substr(0, 3) == kUtf8Bom) {
      encoding = "utf-8";
    } else if (body.substr(0, 2) == kUtf16LeBom) {
      encoding = "utf-16le";
    } else if (body.substr(0, 2) == kUtf16BeBom) {
      encoding = "utf-16be";
    }
  }
  // Strip a BOM that matches the encoding, forced or detected.
  size_t bom_len = 0;
  if ((encoding == "utf-8" || encoding == "UTF-8") && body.substr(0, 3) == kUtf8Bom) bom_len = 3;
  if ((encoding == "utf-16le" || encoding == "UTF-16LE") && body.substr(0, 2) == kUtf16LeBom) bom_len = 2;
  if ((encoding == "utf-16be" || encoding == "UTF-16BE") && body.substr(0, 2) == kUtf16BeBom) bom_len = 2;
  out.bom = bom_len > 0;
  body.remove_prefix(bom_len);

  std::string utf8;
  const bool sixteen_bit = encoding.rfind("utf-16", 0) == 0 || encoding.rfind("UTF-16", 0) == 0;
  if (!sixteen_bit) {
    // NUL never occurs in 8-bit text: the file is binary (or UTF-16 without a BOM).
    const size_t nul = body.find('\0');
    if (nul != std::string_view::npos) {
      return Status::bad_encoding("NUL byte: not a text file (UTF-16 needs a byte order mark)",
                                  {.file = path, .byte_offset = static_cast<long long>(nul + bom_len)});
    }
  }
  if (encoding.empty()) {
    const size_t bad = core::find_invalid_utf8(body);
    if (bad == std::string_view::npos) {
      encoding = "utf-8";
    } else {
      // Not UTF-8: GB18030 (a superset of GBK and GB2312) is the other encoding of the archives.
      long long bad_offset = 0;
      bool unknown = false;
      if (!convert_to_utf8(body, "gb18030", &utf8, &bad_offset, &unknown)) {
        return Status::bad_encoding(
            fmt::format("invalid UTF-8 at byte {} and not GB18030 either (from byte {}); "
                        "expected UTF-8, GB18030 or UTF-16 with a BOM",
                        bad, bad_offset),
            {.file = path, .byte_offset = static_cast<long long>(bad)});
      }
      encoding = "gb18030";
    }
  }
  if (utf8.empty() && encoding != "gb18030") {
    if (encoding == "utf-8" || encoding == "UTF-8") {
      const size_t bad = core::find_invalid_utf8(body);
      if (bad != std::string_view::npos) {
        return Status::bad_encoding("invalid UTF-8 sequence",
                                    {.file = path, .byte_offset = static_cast<long long>(bad + bom_len)});
      }
      utf8.assign(body);
      encoding = "utf-8";
    } else {
      long long bad_offset = 0;
      bool unknown = false;
      if (!convert_to_utf8(body, encoding.c_str(), &utf8, &bad_offset, &unknown)) {
        if (unknown) return Status::invalid_argument(fmt::format("unknown encoding '{}'", encoding));
        return Status::bad_encoding(fmt::format("invalid {} sequence", encoding),
                                    {.file = path, .byte_offset = bad_offset + static_cast<long long>(bom_len)});
      }
    }
  }
  if (utf8.find('\0') != std::string::npos) {
    return Status::bad_encoding("NUL character: not a text file", {.file = path, .byte_offset = 0});
  }
  out.encoding = encoding;
  for (char& c : out.encoding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.lines = split_lines(utf8);
  bool any_text = false;
  for (const SourceLine& l : out.lines) any_text = any_text || !core::trim(l.text).empty();
  if (!any_text) {
    return Status::bad_encoding("no text: the file holds only blank lines", {.file = path, .byte_offset = 0});
  }
  return out;
}

}  // namespace jianbao::decode
