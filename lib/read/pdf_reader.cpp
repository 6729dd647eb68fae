#include "read/pdf_reader.h"

#include <fmt/format.h>
// poppler's core (libpoppler-private-dev): the text layer with each word's font in one pass
// over the page. Its API is not stable; these are the calls of poppler 22.12 (Debian 12).
#include <Error.h>
#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include <cctype>
#include <climits>
#include <memory>

#include "core/utf8.h"
#include "read/pdf_facts.h"
#include "read/pdf_flow.h"
#include "read/pdf_lines.h"
#include "read/read_types.h"
#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

// Poppler keeps its settings (text encoding, fonts) in one global that every document of every
// thread uses. Made once and never destroyed: a batch thread may still read while the process
// exits. Poppler reports damage in a PDF through error(); the reader reports what matters itself,
// as a Status or as missing text. With no error callback and errQuiet set, error() returns
// before it formats its message: a damaged content stream can raise millions of them, and
// formatting them for a callback that drops them took two thirds of such a parse (1.5 s for a
// 7 KB PDF the read fuzzer found).
void init_poppler() {
  [[maybe_unused]] static const GlobalParamsIniter* const kIniter = [] {
    auto* initer = new GlobalParamsIniter(nullptr);
    globalParams->setErrQuiet(true);
    return initer;
  }();
}

bool bold_font(const GooString* name) {
  if (!name) return false;
  std::string lower = name->toStr();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("bold") != std::string::npos || lower.find("heavy") != std::string::npos ||
         lower.find("black") != std::string::npos;
}

// A word's characters as UTF-8. A NUL ends the word, and so does a surrogate (a broken ToUnicode
// map: the rest of the word is garbage too); a value past U+10FFFF is left out.
std::string word_text(const TextWord& w) {
  std::string out;
  for (int i = 0; i < w.getLength(); ++i) {
    const Unicode u = *w.getChar(i);
    if (u == 0 || (u >= 0xD800 && u <= 0xDFFF)) break;
    if (u <= 0x10FFFF) core::append_utf8(&out, static_cast<char32_t>(u));
  }
  return out;
}

// The page's words as TextOutputDev lays them out, with the settings of poppler's own text
// wrappers (72 dpi, so points from the top-left corner; unrotated; the page's own copy of the
// cross-reference table). A word's size and font are its first character's, taken from the same
// pass that lays the words out: poppler-cpp's text_list made every font of the page a second
// time (FontInfoScanner) to name them, a third of the instructions of a PDF's whole parse.
PdfPage read_page(PDFDoc& doc, Page& page, int number) {
  PdfPage out;
  const PDFRectangle* box = page.getMediaBox();
  out.width = box->x2 - box->x1;
  out.height = box->y2 - box->y1;
  TextOutputDev dev(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false,
                    /*append=*/false);
  doc.displayPageSlice(&dev, number, 72, 72, /*rotate=*/0, /*useMediaBox=*/false, /*crop=*/false,
                       /*printing=*/false, -1, -1, -1, -1, nullptr, nullptr, nullptr, nullptr,
                       /*copyXRef=*/true);
  const std::unique_ptr<TextWordList> words = dev.makeWordList();
  out.boxes.reserve(static_cast<size_t>(words->getLength()));
  for (int i = 0; i < words->getLength(); ++i) {
    const TextWord& w = *words->get(i);
    TextBox t;
    t.text = word_text(w);
    w.getBBox(&t.x0, &t.y0, &t.x1, &t.y1);
    t.font_size = w.getFontSize();
    t.bold = bold_font(w.getFontName(0));
    t.space_after = w.hasSpaceAfter();
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
  init_poppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::bad_input("PDF too large", {.file = path});
  }
  // The stream reads the caller's bytes in place; the document owns the stream.
  PDFDoc doc(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)),
             GooString(""), GooString(""));
  if (!doc.isOk()) {
    return Status::bad_input(doc.getErrorCode() == errEncrypted
                                 ? "encrypted PDF: no password"
                                 : "not a readable PDF (damaged or encrypted)",
                             {.file = path});
  }
  const int page_count = doc.getNumPages();
  if (page_count > rules.read.max_pdf_pages) {
    return Status::bad_input(fmt::format("PDF has {} pages, more than max_pdf_pages {} "
                                         "(rules/read/read.yaml)",
                                         page_count, rules.read.max_pdf_pages),
                             {.file = path});
  }
  std::vector<PdfPage> pages;
  std::vector<int> without_text;
  for (int i = 0; i < page_count; ++i) {
    Page* page = doc.getCatalog()->getPage(i + 1);  // the document owns its pages
    pages.push_back(page ? read_page(doc, *page, i + 1) : PdfPage{});
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
