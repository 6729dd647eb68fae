// The in-memory form of rules/: what each stage reads. Built by load_rules(), immutable after.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/icu_regex.h"
#include "core/numeral.h"
#include "jianbao/document.h"
#include "jianbao/ruleset.h"
#include "metrics/block_prefilter.h"
#include "metrics/place_matcher.h"
#include "metrics/token_rule.h"

namespace jianbao {

namespace metrics {
class CandidateFinder;
struct CandidateFinderDeleter {
  void operator()(CandidateFinder* f) const;
};
}  // namespace metrics

// A compiled pattern with the identity it was declared with.
struct PatternRule {
  std::string id;
  core::Regex regex;
  int level = 0;  // point nesting level (1 = outermost); 0 elsewhere
  std::string file;
  int line = 0;
  std::vector<std::string> examples;
  // Exclusions only: see MetricRule::required.
  std::vector<std::string> required;
  // Exclusions only: a rule written as a token sequence (`tokens`), as MetricRule's; `regex`
  // is then its oracle_pattern, or nothing (has_oracle false).
  std::shared_ptr<const metrics::TokenSequence> tokens;
  bool has_oracle = false;
};

struct LayoutRules {
  std::u32string sentence_final;
  std::u32string closing_marks;
  int full_line_slack = 0;
  int bare_heading_max_chars = 0;      // a section name alone on its line, at most this long
  int unindented_full_line_slack = 0;  // the slack in text without indented first lines
  int full_width_cluster_span = 0;     // columns below the widest width a full-line cluster spans
  int full_width_chain_gap = 1;        // columns between two widths chained into one cluster
  double full_width_min_share = 1;     // of the commonest width's lines, for a wider one to win
  int min_full_lines = 0;
  int min_widest_running_lines = 0;     // a short text is wrapped when this many of its widest
  double min_widest_running_share = 0;  // lines run on, and this share of the lines that wide
  int min_indent_lines = 0;
  int max_indent_columns = 0;     // an indented first line is at most this much narrower; 0: any
  double max_overwide_ratio = 0;  // a short text's lines wider than its text width, at most this
                                  // many times as wide; 0: none wider
  std::u32string clause_marks;
  std::u32string title_never_ends_with;  // a full line ending in one runs on into a last line
  double min_wrapped_share = 0;
  int max_title_lines = 0;
  int title_line_max_widening = 0;  // columns a title's later line may be wider than its first
  int indent_tolerance = 0;
  double running_header_max_share = 0;
  int min_repeats = 0;
  int max_title_width = 0;
  int min_full_width = 0;
  double max_overwide_share = 0;
  int page_number_max_split_lines = 1;
  int page_number_piece_max_width = 0;
  int spread_gap_columns = 0;  // a gap this wide inside a line sets fields apart
  double long_line_share = 0;  // lines at least this share of the full width weigh in the model
  // A line this share of the full width wide, then a short one ending a sentence: one paragraph
  // (0: off).
  double last_line_pair_min_share = 0;
  int page_zone_max_lines = 0;          // furniture lines at a page's foot or head, at most
  int page_zone_max_width = 0;          // ... each at most this wide
  int page_number_table_max_lines = 0;  // table cells printed between a page number's pieces
  int title_prefix_max_chars = 0;       // "宜丰县：" cut from its title, at most this long
  // A table a cell a line: at least this many short lines, this share of them with a digit.
  int table_min_cells = 0;
  int table_cell_max_chars = 0;
  double table_min_figure_share = 0;
  std::u32string table_figure_marks;  // besides digits, what a figure-alone cell may hold
  // A table a row a line: at least this many rows holding figures; rule lines of these marks.
  int table_min_rows = 0;
  std::u32string table_rule_marks;
  // A table row glued into one line ("安徽120371.9%江西77160.4%…"): at least this many figures
  // ending in one of the rate marks; such a line is no title. 0: off.
  int glued_row_min_rates = 0;
  std::u32string glued_row_rate_marks;
  std::vector<PatternRule> page_numbers;
  std::vector<PatternRule> page_end_numbers;  // page numbers only where a page ends
  // A page number glued to the furniture line after it ("-2内部资料"), with a `rest` group.
  std::vector<PatternRule> glued_page_numbers;
  std::vector<PatternRule> separators;
  // A line one of these opens that stops short of the text width without ending a sentence is
  // a heading, whole on its line ("二、提高政治站位，……责任感" over its section's first line).
  std::vector<PatternRule> heading_openers;
  // Text flattened onto one line (web pages): paragraphs separated by this run of spaces.
  std::string flat_separator;
  int min_flat_paragraphs = 0;  // a line split only when it holds at least this many
  int regex_time_limit = 0;
  int regex_timeouts_per_block = 0;  // per rule, before the rest of a block is given up
  int regex_window = 0;              // UTF-16 units a metric search sees at a time
};

// rules/read/read.yaml: how the PDF and DOCX readers turn boxes and paragraphs into lines.
struct ReadRules {
  double furniture_top_zone = 0;
  double furniture_bottom_zone = 0;
  int furniture_min_pages = 0;
  double furniture_max_size = 0;
  double baseline_tolerance = 0;
  double space_gap = 0;
  double block_gap = 0;
  double column_gap = 0;
  int column_min_lines = 0;
  double column_band = 0;
  double column_min_fill = 0;
  int scan_max_chars = 0;
  double centred_tolerance = 0;
  double centred_max_share = 0;
  double title_size_ratio = 0;
  double flow_full_slack = 0;
  double flow_indent = 0;
  double flow_line_gap = 0;
  double flow_size_tolerance = 0;
  std::vector<std::string> heading_styles;  // lower-cased name prefixes
  int red_min = 0;
  int red_max_other = 0;
  std::u32string chinese_digits;  // ten digits, 0-9
  std::u32string chinese_ten;
  std::u32string ideograph_stems;
  long long max_zip_entries = 0;
  long long max_part_bytes = 0;
  long long max_total_bytes = 0;
  long long max_xml_depth = 0;  // element nesting in one DOCX part
  long long max_pdf_pages = 0;
  double docx_line_height = 0;  // a single-spaced line's pitch over its font size
};

struct MastheadRules {
  int max_lines = 0;
  core::Regex title, issue, total_issue, date, publisher, note;
};

struct DistributionRules {
  core::Regex pattern;
  std::map<std::string, std::string> fields;  // marker -> report_to | copy_to | cc
  std::u32string separators;
  std::map<char32_t, char32_t> brackets;  // open -> close
  std::u32string strip_final;
};

struct StructureRules {
  std::vector<PatternRule> sections;
  std::vector<std::string> section_names;
  std::u32string region_title_marks;
  std::u32string title_quote_marks;   // quotes a tool's line break in a title may stand beside
  int unnamed_heading_max_chars = 0;  // a short line over a title is a section heading
  // Share of a document-wide run of （N） headings standing over titles that makes all of them
  // headings (0: off).
  double numbered_heading_run_share = 0;
  std::vector<PatternRule> points;
  // Points run on inside a paragraph (一是…，二是…; （一）…；（二）…): where a new one starts.
  std::vector<PatternRule> inline_points;
  DistributionRules distribution;
  std::vector<PatternRule> colophon;
  MastheadRules masthead;
};

// rules/structure/official.yaml: the parts of an official document (公文), read by
// lib/structure/official/. Patterns run on one width-normalised line.
struct OfficialRules {
  int head_lines = 0;
  int threshold = 0;
  std::map<std::string, int> weights;  // doc_number | issuer_mark | title | addressee
  core::Regex copy_number, secrecy, urgency, title_urgency, mark_word, doc_number, signer;
  std::vector<std::string> organ_suffixes;
  int max_name_chars = 0;
  std::string doc_number_format;  // {prefix} {year} {n}
  int max_title_lines = 0;
  std::vector<std::string> doc_types;  // longest first
  core::Regex title_tail;
  std::string title_start_word;
  std::vector<PatternRule> forwards;  // group `title`
  int max_addressee_lines = 0;
  core::Regex addressee_end;
  std::u32string recipient_separators;
  std::u32string recipient_list_mark;
  std::vector<std::string> shared_head_nouns;
  std::u32string recipient_strip_final;
  double short_line_share = 0;
  std::string paragraph_separator;
  core::Regex section;  // groups marker, title, text
  core::Regex attachment_note, attachment_item, attachment_heading;
  std::u32string attachment_title_strip;
  int max_attachment_note_lines = 0;
  int max_record_lines = 0;
  core::Regex date_line;
  int max_signature_lines = 0;
  core::Regex note, cc, cc_head, cc_tail, addressee_tail, imprint;
  bool loaded = false;  // official.yaml was among the rule files
};

// One example from a rule file: a text and the fields the metric it yields must have.
struct RuleExample {
  std::string text;
  std::map<std::string, std::string> expect;
  int line = 0;
};

struct MetricRule {
  std::string id;
  MetricKind kind = MetricKind::kNumber;
  // The rule's regex (`pattern`), or for a rule written as a token sequence (`tokens`) its
  // `oracle_pattern`: the regex it replaced, which rules test compares it with. A token rule
  // without an oracle has no regex (has_oracle false: do not use `regex`).
  core::Regex regex;
  std::shared_ptr<const metrics::TokenSequence> tokens;  // null: a regex rule
  bool has_oracle = false;
  std::map<std::string, std::string> set;  // fields forced by the rule
  std::vector<RuleExample> examples;
  std::vector<std::string> counter_examples;
  // The rule's `requires` literals, width-normalised: every match of the pattern holds at least
  // one, so a block that holds none of them is not searched. Empty: searched everywhere.
  std::vector<std::string> required;
  std::string file;
  int line = 0;
  int context_year = 0;
  // Named groups, -1 when the pattern lacks them.
  struct Groups {
    int value = -1, tenths = -1, unit = -1, cmp = -1, cmpb = -1, change = -1;
    int y = -1, m = -1, d = -1, y2 = -1, m2 = -1, d2 = -1, part = -1, part2 = -1, eom = -1;
    int thisyear = -1, noun = -1;
    int value2 = -1, half = -1, half2 = -1, per = -1, yrel = -1;
  } g;
};

struct Period {
  std::string start;  // "MM-DD" for year parts, "DD" for month parts
  std::string end;    // the same, or "last"
};

// Where a figure may go on from one block to the next (metrics/line_seams.h).
struct LineSeamRules {
  double min_line_share = 0;    // the upper block's last line reaches this share of a long line
  double long_line_rank = 0;    // a long line: the width this share of the text's lines stay within
  int reach_chars = 0;          // code points on each side of the seam that are matched
  std::u32string figure_chars;  // one side of the seam holds one of these (width-normalised)
};

struct MetricTables {
  std::vector<std::pair<std::string, std::string>> comparators;  // word -> symbol
  std::vector<std::pair<std::string, std::string>> changes;      // word -> increase|decrease
  std::map<std::string, std::string> duration_units;
  std::map<std::string, Period> periods;
  std::map<std::string, int> relative_years;  // 去 -> -1: a year counted from the bulletin's
  std::map<std::string, double> per_signs;    // ‰ -> 1000: the denominator a sign writes
  std::vector<std::string> list_joiners;
  std::vector<std::string> noun_stops;
  int noun_max_chars = 0;
  int noun_max_words = 0;
  int sentence_max_chars = 0;  // how far a metric's quoted sentence reaches on each side
  // "N. " after one of these is a numbered point, not a figure with a space after its point
  std::u32string point_marker_after;
  long long prefilter_after_bytes = 0;  // block text a process reads before it prefilters
  LineSeamRules line_seam;
};

struct Place {
  std::string name;
  std::string code;
  std::string level;          // province | city | county
  std::string province_code;  // the province it lies in (itself for provinces)
};

struct PlaceGroup {
  std::string name;
  std::vector<int> members;  // indices into Gazetteer::places
};

struct Gazetteer {
  std::vector<Place> places;
  std::vector<PlaceGroup> groups;
  // Payload p >= 0 is places[p]; p < 0 is groups[-p - 1].
  metrics::PlaceMatcher matcher;
  std::unordered_map<std::string, int> province_by_code;
};

struct RuleFile {
  std::string path;    // relative, "metrics/date.yaml"
  std::string origin;  // "built-in" or the override directory
};

class RuleSet {
 public:
  LayoutRules layout;
  ReadRules read;
  StructureRules structure;
  OfficialRules official;
  core::NumeralTable numerals;
  MetricTables tables;
  metrics::TokenClasses token_classes;  // rules/common/tokens.yaml
  std::vector<MetricRule> metric_rules;
  std::vector<PatternRule> exclusions;
  // Text in which no province is taken: addresses and site footers (地址：…, ICP备…).
  std::vector<PatternRule> place_exclusions;
  // Every metric rule's pattern, then every exclusion's, in one prefilter. Compiled on first
  // use (thread-safe): Hyperscan takes some 0.4 s for the rules shipped, which commands that
  // never extract a metric (rules list, a failing load) should not pay.
  const metrics::BlockPrefilter& prefilter() const;
  // Counts `bytes` of block text read by the metrics stage; true once the process has read
  // tables.prefilter_after_bytes, from when prefiltering pays for its compile time.
  bool prefilter_pays(size_t bytes) const;
  // Candidate finders the metrics stage has finished with, kept for the next bulletin: building
  // one (a matcher per rule, the gate tables, a word break iterator) was 6% of the stage.
  using FinderPtr = std::unique_ptr<metrics::CandidateFinder, metrics::CandidateFinderDeleter>;
  // A kept finder for which `fits` holds, taken out of the pool; null when there is none.
  FinderPtr take_finder(const std::function<bool(const metrics::CandidateFinder&)>& fits) const;
  void give_back_finder(FinderPtr finder) const;
  Gazetteer gazetteer;
  std::vector<RuleFile> files;
  std::string hash;  // empty for the built-in set: rules_hash() makes its hash when asked

 private:
  mutable std::once_flag prefilter_once_;
  mutable std::atomic<long long> metric_bytes_{0};
  mutable std::unique_ptr<const metrics::BlockPrefilter> prefilter_;
  // Declared after prefilter_ so they go first (their scratch comes from its pool).
  mutable std::mutex finders_mutex_;
  mutable std::vector<FinderPtr> finders_;
};

}  // namespace jianbao
