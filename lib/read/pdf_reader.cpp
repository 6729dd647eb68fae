#include "read/pdf_reader.h"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cctype>
#include <climits>
#include <memory>
#include <mutex>

#include "read/pdf_facts.h"
#include "read/pdf_flow.h"
#include "read/pdf_lines.h"
#include "read/read_types.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

// Poppler reports damage in a PDF on stderr through this hook; the reader reports what matters
// itself, as a Status or as missing text.
void quiet(const std::string&, void*) {}

bool bold_font(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("bold") != std::string::npos || lower.find("heavy") != std::string::npos ||
         lower.find("black") != std::string::npos;
}

PdfPage read_page(const poppler::page& page) {
  PdfPage out;
  const poppler::rectf box = page.page_rect();
  out.width = box.width();
  out.height = box.height();
  for (const poppler::text_box& b : page.text_list(poppler::page::text_list_include_font)) {
    const poppler::byte_array utf8 = b.text().to_utf8();
    TextBox t;
    t.text.assign(utf8.begin(), utf8.end());
    const poppler::rectf r = b.bbox();
    t.x0 = r.x();
    t.y0 = r.y();
    t.x1 = r.right();
    t.y1 = r.bottom();
    t.font_size = b.has_font_info() ? b.get_font_size() : r.height();
    t.bold = b.has_font_info() && bold_font(b.get_font_name());
    t.space_after = b.has_space_after();
    out.boxes.push_back(std::move(t));
  }
  return out;
}

int char_count(const PdfPage& page) {
  int n = 0;
  for (const TextBox& b : page.boxes) {
    for (char c : b.text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ';
  }
  return n;
}

std::string page_list(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
  return out;
}

}  // namespace

Result<decode::DecodedText> read_pdf(std::string_view bytes, const std::string& path,
                                     const RuleSet& rules) {
  static std::once_flag quiet_once;
  std::call_once(quiet_once, [] { poppler::set_debug_error_function(quiet, nullptr); });
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::bad_input("PDF too large", {.file = path});
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::bad_input("not a readable PDF (damaged or encrypted)", {.file = path});
  if (doc->is_locked()) return Status::bad_input("encrypted PDF: no password", {.file = path});
  const int page_count = doc->pages();
  if (page_count > rules.read.max_pdf_pages) {
    return Status::bad_input(fmt::format("PDF has {} pages, more than max_pdf_pages {} "
                                         "(rules/read/read.yaml)",
                                         page_count, rules.read.max_pdf_pages),
                             {.file = path});
  }
  std::vector<PdfPage> pages;
  std::vector<int> without_text;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    pages.push_back(page ? read_page(*page) : PdfPage{});
    if (char_count(pages.back()) < rules.read.scan_max_chars) without_text.push_back(i + 1);
  }
  // A blank page among pages of text is common (the back of a sheet); a PDF with no text at all
  // is a scan, and parsing it would give an empty bulletin.
  if (pages.empty()) {
    return Status::bad_input("PDF has no pages (a damaged page tree?)", {.file = path});
  }
  if (without_text.size() == pages.size()) {
    return Status::bad_input(
        fmt::format("no text layer on page{} {} (a scan?); OCR it first, e.g. `ocrmypdf -l "
                    "chi_sim {} out.pdf` or `tesseract page.png out -l chi_sim pdf`",
                    without_text.size() == 1 ? "" : "s", page_list(without_text), path),
        {.file = path});
  }
  std::vector<ReadLine> lines;
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<ReadLine> page = page_lines(pages[p], static_cast<int>(p) + 1, rules.read);
    if (!page.empty()) page.front().page_start = p > 0;
    for (ReadLine& l : page) lines.push_back(std::move(l));
  }
  mark_pdf_furniture(pages, rules, body_size(lines), &lines);
  const double body_points = body_size(lines);
  decode::DecodedText text = to_decoded_text(std::move(lines), bytes, path, "pdf");
  mark_centred_titles(pages, rules, body_points, &text);
  mark_pdf_flow(pages, rules.read, body_points, &text);
  return text;
}

}  // namespace jianbao::read
