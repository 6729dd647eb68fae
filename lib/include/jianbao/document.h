// The Document: what jianbao makes of one bulletin, before it is emitted.
//
// Every part carries its 1-based source lines, so a figure can be traced to where it was printed,
// and every removed line is listed in Document::removed, so no text is lost silently.
#pragma once

#include <optional>
#include <string>
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

// A normalised value: nothing, a number (counts, years, yuan) or a string (dates, names).
using Value = std::variant<std::monostate, double, std::string>;

struct Metric {
  MetricKind kind = MetricKind::kNumber;
  std::string text;      // as written in the source (after layout joined its lines)
  int line = 0;          // 1-based source line of the first character
  int column = 0;        // 1-based column, in code points, of the first character
  std::string item_id;   // the item it belongs to; empty outside items
  std::string sentence;  // the sentence it was found in
  std::string rule_id;   // the rule that made it (shown with --explain)
  Value value;
  Value start;  // date_range, year_range
  Value end;
  std::string unit;        // count: the noun; duration: year|month|week|day; amount: yuan
  std::string comparator;  // ">=", "<=", ">", "<", "~" or empty for exact
  std::string change;      // increase | decrease | empty
  std::string code;        // province or division: GB/T 2260 code
  std::string group;       // province expanded from a group name (京津冀)
  bool year_inferred = false;
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

// The signature at the end: the issuing office(s) on their lines, the date on the next.
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
};

struct SourceInfo {
  std::string path;
  std::string sha256;
  long long bytes = 0;
  std::string encoding;
  bool bom = false;
};

struct YearInfo {
  int value = 0;     // 0 when no year could be found
  std::string from;  // masthead | option | text | none
};

struct Document {
  std::string schema = "jianbao.bulletin/1";
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
