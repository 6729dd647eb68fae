// The Document: what jianbao makes of one bulletin, before it is emitted.
//
// Every part carries its 1-based source lines, so a figure can be traced to where it was printed,
// and every removed line is listed in Document::removed, so no text is lost silently.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace jianbao {

// The kinds of metric; spelled on output by to_string(MetricKind).
enum class MetricKind {
  kPercentage,
  kPercentagePoint,
  kCount,
  kAmount,
  kDate,
  kDateRange,
  kDeadline,
  kDuration,
  kYear,
  kYearRange,
  kProvince,
  kNumber,
};
const char* to_string(MetricKind kind);
// Parses "date_range" and the like. Returns false for an unknown name.
bool parse_metric_kind(std::string_view name, MetricKind* kind);

// A text held once however many copies are made of it: every figure of a sentence quotes the
// same sentence. Reads as a std::string; assigning a string makes a new one (never shared
// writes).
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT: implicit by design, it reads as a string
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  const std::string& str() const {
    static const std::string kEmpty;
    return text_ ? *text_ : kEmpty;
  }
  operator std::string_view() const { return str(); }  // NOLINT: implicit by design
  bool empty() const { return !text_; }
  size_t size() const { return str().size(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }

 private:
  std::shared_ptr<const std::string> text_;
};

// A short text from a small set (a unit, a code, a rule id, a date), held once for the whole
// process however many figures carry it: one pointer instead of a std::string's 32 bytes. Reads
// as a std::string; the empty text is a null pointer. Never freed: only for values whose set is
// bounded by the rules, the gazetteer or the calendar, never for free text.
class InternedText {
 public:
  InternedText() = default;
  InternedText(std::string_view text);  // NOLINT: implicit by design, it reads as a string
  InternedText(const std::string& text) : InternedText(std::string_view(text)) {}  // NOLINT
  InternedText(const char* text) : InternedText(std::string_view(text)) {}         // NOLINT
  const std::string& str() const {
    static const std::string kEmpty;
    return text_ ? *text_ : kEmpty;
  }
  operator std::string_view() const { return str(); }    // NOLINT: implicit by design
  operator const std::string&() const { return str(); }  // NOLINT: implicit by design
  bool empty() const { return !text_; }
  size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  // Equal texts are one pointer.
  friend bool operator==(const InternedText& a, const InternedText& b) {
    return a.text_ == b.text_;
  }
  friend bool operator==(const InternedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const InternedText& a, const char* b) { return a.str() == b; }
  friend bool operator==(const InternedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator<(const InternedText& a, const InternedText& b) { return a.str() < b.str(); }

 private:
  const std::string* text_ = nullptr;
};

// A normalised value: nothing, a number (counts, years, yuan) or an interned string (dates,
// province names).
using Value = std::variant<std::monostate, double, InternedText>;

// Its fields are ordered by size, so that no padding is left between them: a large bulletin
// holds a hundred thousand of these. The short strings are interned (8 bytes each).
struct Metric {
  MetricKind kind = MetricKind::kNumber;
  int line = 0;    // 1-based source line of the first character
  int column = 0;  // 1-based column, in code points, of the first character
  bool year_inferred = false;
  std::string text;      // as written in the source (after layout joined its lines)
  InternedText item_id;  // the item it belongs to; empty outside items
  SharedText sentence;   // the sentence it was found in (shared by the figures in it)
  InternedText rule_id;  // the rule that made it (shown with --explain)
  Value value;
  Value start;  // date_range, year_range, and a range of figures (200～800元)
  Value end;
  InternedText unit;        // count: the noun; duration: year|month|week|day; amount: yuan
  InternedText comparator;  // ">=", "<=", ">", "<", "~" or empty for exact
  InternedText change;      // increase | decrease | empty
  InternedText code;        // province or division: GB/T 2260 code
  InternedText group;       // province expanded from a group name (京津冀)
  InternedText part;  // official documents: the part it was found in (body, attachment_1); else ""
  // date, deadline, date_range whose year is unknown: value (or start and end) stays empty and
  // the month and day are given here; day 0 is a month grain. end_*: the end of a range.
  int month = 0;
  int day = 0;
  int end_month = 0;
  int end_day = 0;
  // Where the line was in the file (PDF: page and position in points from the top-left corner;
  // DOCX: paragraph index in document.xml); 0 when the input was text.
  int page = 0;
  int paragraph = 0;
  double x = 0;
  double y = 0;
};

struct Region {
  std::string name;
  std::string code;
  std::string level;  // province | city | county
};

struct ProvinceCount {
  std::string name;
  std::string code;
  int count = 0;
};

struct Point {
  int n = 0;            // 1-based position among its siblings
  std::string marker;   // as written: 一是, （一）, 1.
  std::string heading;  // the first sentence, without its final punctuation
  std::string text;     // the rest of the point
  int first_line = 0;
  int last_line = 0;
  std::vector<Point> points;  // nested points
};

struct Paragraph {
  std::string text;
  int first_line = 0;
  int last_line = 0;
};

struct Item {
  std::string id;    // stable within the document: "s1.i2"
  std::string kind;  // news | local_experience
  std::string title;
  std::optional<Region> region;
  int first_line = 0;
  int last_line = 0;
  // Columns (code points, 1-based) of its first and last character; not emitted. Text flattened
  // onto one line holds many items on one source line, told apart by column. 0: unknown.
  int first_column = 0;
  int last_column = 0;
  int first_page = 0;  // PDF: the pages of its first and last lines; 0 for text and DOCX
  int last_page = 0;
  int first_paragraph = 0;  // DOCX: the paragraph indexes of its first and last lines
  int last_paragraph = 0;
  std::vector<Paragraph> paragraphs;
  std::vector<Point> points;
  std::vector<Metric> metrics;
  std::vector<ProvinceCount> provinces;
};

struct Section {
  std::string title;       // empty when the bulletin names none
  std::string title_from;  // heading | running_header | none
  int first_line = 0;
  std::vector<Item> items;
  std::vector<int> heading_lines;  // the source lines of its heading(s); not emitted
};

struct Masthead {
  std::string title;
  std::string issue;        // 第N期: N
  std::string total_issue;  // 总第N期: N
  std::string publisher;
  std::string date;  // YYYY-MM-DD
  std::vector<std::string> notes;
  int first_line = 0;
  int last_line = 0;
};

struct Distribution {
  std::vector<std::string> report_to;
  std::vector<std::string> copy_to;
  std::vector<std::string> cc;
  std::vector<std::string> send_to;  // 发：
  int first_line = 0;
  int last_line = 0;
};

// The signature at the end (a bulletin's, or a 公文's 发文机关署名 and 成文日期): the issuing
// office(s) on their lines, the date on the next.
struct Signature {
  std::vector<std::string> issuers;
  std::string date;  // YYYY-MM-DD, or "" when it could not be read
  int first_line = 0;
  int last_line = 0;
};

// A line taken out of the text flow, with the reason.
struct Removed {
  std::string kind;  // running_header | page_number | footer | separator
  int line = 0;
  std::string text;
};

struct Unclaimed {
  int line = 0;
  std::string text;
};

// Something odd that the pipeline worked around; never a failure.
struct Diagnostic {
  std::string severity;  // error (output may be incomplete: --strict fails) | warning | note
  std::string stage;
  std::string rule_id;
  int line = 0;
  std::string message;
  int column = 0;  // 1-based, in code points, where the diagnostic points into its line; 0: none
};

struct SourceInfo {
  std::string path;
  std::string sha256;
  long long bytes = 0;
  std::string encoding;
  bool bom = false;
  std::string reader = "text";  // text | pdf | docx: which reader made the lines
  int pages = 0;                // PDF: pages read; 0 otherwise
};

struct YearInfo {
  int value = 0;     // 0 when no year could be found
  std::string from;  // masthead | option | text | none
};

// Which genre to read a text as: kDetect decides from its first lines.
enum class GenreChoice { kDetect, kBulletin, kOfficialDocument };

// One entry of the 附件说明, and where the attachment's own text is (0 when it is not there).
struct Attachment {
  int n = 0;
  std::string title;
  int first_line = 0;
  int last_line = 0;
};

// 印发机关和印发日期.
struct Imprint {
  std::string office;
  std::string date;  // YYYY-MM-DD, or "" when none (or only part of one) is printed
  int line = 0;
};

// The parts of an official document (公文, GB/T 9704-2012) outside its body. Strings are "" and
// lists empty when the document does not print the part.
struct OfficialDocument {
  // 发文机关标志; a joint one has a line per issuer ("…文件\n…文件"), emitted as a list.
  std::string issuer_mark;
  std::vector<std::string> issuers;  // one per issuer of a joint document
  std::string doc_number;            // 发文字号, normalised
  std::string urgency;               // 紧急程度, printed or read from the title
  std::string secrecy;               // 密级 (and 保密期限)
  std::string signer;                // 签发人
  std::string title;
  std::string doc_type;  // 文种: the last word of the title
  std::vector<std::string> forwards;
  std::vector<std::string> addressee;  // 主送机关
  Signature signature;
  std::vector<Attachment> attachments;
  std::string note;  // 附注
  Imprint imprint;
  // Per Document::sections entry, the part it belongs to: body, or attachment_N.
  std::vector<std::string> section_parts;
  std::vector<int> lines;  // every source line these parts were read from; not emitted
};

struct Document {
  std::string schema = "jianbao.bulletin/1";
  std::string genre = "bulletin";            // bulletin | official_document
  std::optional<OfficialDocument> document;  // official documents only
  SourceInfo source;
  YearInfo year;
  std::optional<Masthead> masthead;
  std::vector<Section> sections;
  Distribution distribution;
  std::optional<Signature> signature;
  std::vector<std::string> colophon;
  std::vector<int> colophon_lines;  // the source line of each colophon entry; not emitted
  std::vector<Removed> removed;
  std::vector<Unclaimed> unclaimed;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace jianbao
