// Builds a RuleSet from the rule files in force. Each file kind has one reader below; every
// pattern is expanded ({fragment}) and compiled here, once.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "core/sha256.h"
#include "core/utf8.h"
#include "ruleset/division_lines.h"
#include "ruleset/fragments.h"
#include "ruleset/rule_files.h"
#include "ruleset/rule_set.h"
#include "ruleset/rule_snapshots.h"
#include "ruleset/yaml_access.h"

namespace jianbao {
namespace {

using ruleset::check_keys;
using ruleset::fail_at;
using ruleset::get_number;
using ruleset::get_string;
using ruleset::line_of;
using ruleset::RuleNode;
using ruleset::to_u32;

// The most ICU steps (about a millisecond each) rules may give one match attempt.
constexpr int kMaxRegexSteps = 1000;

class Loader {
 public:
  Loader(const ruleset::RuleTexts& texts, RuleSet* out) : texts_(texts), out_(out) {}

  void load() {
    load_fragments();
    load_tokens();
    for (const auto& [path, text] : texts_) {
      out_->files.push_back({path, text.origin});
      if (path == "common/fragments.yaml" || path == "common/tokens.yaml") continue;
      if (path == "gazetteer/divisions.yaml") {
        if (auto places = ruleset::read_division_lines(text.content)) {
          add_divisions(std::move(*places));
          continue;
        }
      }
      const RuleNode root = read_tree(path, text);
      if (path == "common/numerals.yaml") {
        load_numerals(path, root);
      } else if (path == "common/tables.yaml") {
        load_tables(path, root);
      } else if (path == "layout/layout.yaml") {
        load_layout(path, root);
      } else if (path == "structure/structure.yaml") {
        load_structure(path, root);
      } else if (path == "structure/official.yaml") {
        load_official(path, root);
      } else if (path == "read/read.yaml") {
        load_read(path, root);
      } else if (path == "metrics/exclusions.yaml") {
        load_exclusions(path, root);
      } else if (path.rfind("metrics/", 0) == 0) {
        load_metric_file(path, root);
      } else if (path == "gazetteer/provinces.yaml") {
        load_provinces(path, root);
      } else if (path == "gazetteer/divisions.yaml") {
        load_divisions(path, root);
      } else if (path == "gazetteer/groups.yaml") {
        load_groups(path, root);
      } else if (path.rfind("check/", 0) == 0) {
        // Read by lib/check/, which owns their schema.
      } else {
        fail_at(path, root, "unknown rule file (see rules/README.md for the files jianbao reads)");
      }
    }
    for (const char* required :
         {"common/numerals.yaml", "common/tables.yaml", "layout/layout.yaml", "read/read.yaml",
          "structure/structure.yaml", "gazetteer/provinces.yaml"}) {
      if (!texts_.count(required)) {
        throw ruleset::RuleError{
            Status::bad_rules("required rule file missing", {.file = required})};
      }
    }
    const auto unused = fragments_.unused();
    if (!unused.empty()) {
      throw ruleset::RuleError{Status::bad_rules(
          fmt::format("fragment '{}' is never used", *unused.begin()),
          {.file = "common/fragments.yaml", .line = fragment_lines_[*unused.begin()]})};
    }
    build_place_matcher();
  }

 private:
  // A built-in file's tree from the build-time snapshot; any other file parsed here. The trees
  // stay with the loader: group nodes are read after the last file.
  RuleNode read_tree(const std::string& path, const ruleset::RuleText& text) {
    std::unique_ptr<ruleset::RuleTree> tree;
    if (text.origin == "built-in") tree = ruleset::builtin_tree(path);
    if (!tree) tree = ruleset::parse_yaml(path, text.content);
    trees_.push_back(std::move(tree));
    return trees_.back()->root();
  }

  void load_fragments() {
    auto it = texts_.find("common/fragments.yaml");
    if (it == texts_.end()) return;
    const std::string& file = it->first;
    const RuleNode root = read_tree(file, it->second);
    check_keys(file, root, {"fragments"});
    std::map<std::string, std::string> raw;
    for (const auto& kv : root["fragments"]) {
      const std::string name = kv.first.as<std::string>();
      for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
          fail_at(file, kv.first, "fragment names are [a-z0-9_]+");
        }
      }
      raw[name] = kv.second.as<std::string>();
      fragment_lines_[name] = line_of(kv.first);
      fragment_raw_[name] = raw[name];
    }
    if (Status s = fragments_.define(raw); !s.ok()) {
      throw ruleset::RuleError{Status::bad_rules(s.message(), {.file = file, .line = 1})};
    }
  }

  // rules/common/tokens.yaml: the figures and word classes of the token rules. Read before the
  // metric files, whose `tokens` name its classes.
  void load_tokens() {
    auto it = texts_.find("common/tokens.yaml");
    if (it == texts_.end()) return;
    const std::string& file = it->first;
    const RuleNode root = read_tree(file, it->second);
    check_keys(file, root, {"number", "figure", "classes", "sequences"});
    metrics::TokenClasses& t = out_->token_classes;
    const RuleNode n = root["number"];
    if (!n) fail_at(file, root, "missing key 'number'");
    check_keys(file, n,
               {"digits", "group_marks", "points", "multipliers", "cn_digits", "cn_units",
                "cn_points", "negative"});
    t.number.digits = to_u32(get_string(file, n, "digits", true));
    t.number.group_marks = to_u32(get_string(file, n, "group_marks", false));
    t.number.points = to_u32(get_string(file, n, "points", false));
    t.number.multipliers = to_u32(get_string(file, n, "multipliers", false));
    t.number.cn_digits = to_u32(get_string(file, n, "cn_digits", true));
    t.number.cn_units = to_u32(get_string(file, n, "cn_units", true));
    t.number.cn_points = to_u32(get_string(file, n, "cn_points", false));
    t.number.negative = to_u32(get_string(file, n, "negative", false));
    check_same_chars(file, n["cn_digits"], "cn_digit", t.number.cn_digits);
    check_same_chars(file, n["cn_units"], "cn_unit", t.number.cn_units);
    load_figure(file, root["figure"]);
    for (const auto& kv : root["classes"]) {
      const std::string name = kv.first.as<std::string>();
      if (name == "NUM") fail_at(file, kv.first, "'NUM' is the figure, not a class");
      std::vector<std::u32string> words;
      std::vector<std::string> written;
      if (kv.second.IsScalar()) {
        // A string: each of its characters is a word of the class.
        for (const char32_t c : to_u32(kv.second.as<std::string>())) {
          words.push_back(std::u32string(1, c));
          written.emplace_back();
          core::append_utf8(&written.back(), c);
        }
      } else if (kv.second.IsSequence()) {
        for (const auto& w : kv.second) {
          written.push_back(w.as<std::string>());
          if (written.back().empty()) fail_at(file, w, "empty word");
          words.push_back(to_u32(written.back()));
        }
      }
      if (words.empty()) {
        fail_at(
            file, kv.second,
            fmt::format("class '{}': expected a list of words or a string of characters", name));
      }
      // While regex rules use a fragment of the same name, both must read the same words.
      if (auto f = fragment_raw_.find(name); f != fragment_raw_.end()) {
        const std::string alternation = "(?:" + fmt::format("{}", fmt::join(written, "|")) + ")";
        if (f->second != alternation) {
          fail_at(file, kv.first,
                  fmt::format("class '{}' differs from fragment {{{}}} in fragments.yaml (the "
                              "same words in the same order)",
                              name, name));
        }
      }
      t.words[name] = std::move(words);
    }
    // Named sequences: a rule's `tokens` writes {name} for the items of one.
    for (const auto& kv : root["sequences"]) {
      const std::string name = kv.first.as<std::string>();
      if (!kv.second.IsScalar() || kv.second.as<std::string>().empty()) {
        fail_at(file, kv.second, fmt::format("sequence '{}': expected a string of items", name));
      }
      t.sequences[name] = kv.second.as<std::string>();
    }
  }

  // `figure`: the characters of NUMX, each set the character class of its place in the num_*
  // fragments.
  void load_figure(const std::string& file, const RuleNode& n) {
    if (!n) return;
    metrics::FigureChars& f = out_->token_classes.figure;
    const std::pair<const char*, std::u32string*> sets[] = {
        {"arabic", &f.arabic},       {"group_marks", &f.group_marks}, {"points", &f.points},
        {"digits", &f.digits},       {"decimals", &f.decimals},       {"zeros", &f.zeros},
        {"tens", &f.tens},           {"hundreds", &f.hundreds},       {"thousands", &f.thousands},
        {"large", &f.large},         {"approx", &f.approx},           {"halves", &f.halves},
        {"cn_points", &f.cn_points}, {"negative", &f.negative},       {"minus", &f.minus},
        {"kilo", &f.kilo},           {"letters", &f.letters}};
    check_keys(file, n,
               {"arabic", "group_marks", "points", "digits", "decimals", "zeros", "tens",
                "hundreds", "thousands", "large", "approx", "halves", "cn_points", "negative",
                "minus", "kilo", "letters"});
    for (const auto& [key, set] : sets) *set = to_u32(get_string(file, n, key, true));
    check_same_chars(file, n["digits"], "num_digit", f.digits);
    check_same_chars(file, n["decimals"], "num_decimal", f.decimals);
  }

  // A set of `chars` must be the character class of the fragment `fragment`, when there is one.
  void check_same_chars(const std::string& file, const RuleNode& node, const char* fragment,
                        const std::u32string& chars) {
    auto f = fragment_raw_.find(fragment);
    if (f == fragment_raw_.end()) return;
    if (to_u32(f->second) != U"[" + chars + U"]") {
      fail_at(file, node,
              fmt::format("differs from fragment {{{}}} in fragments.yaml (the same characters "
                          "in the same order)",
                          fragment));
    }
  }

  core::Regex compile(const std::string& file, const RuleNode& node, const std::string& id) {
    const std::string source = node.as<std::string>();
    std::string expanded;
    std::string unknown;
    if (!fragments_.expand(source, &expanded, &unknown)) {
      fail_at(file, node, fmt::format("rule '{}': unknown fragment '{{{}}}'", id, unknown));
    }
    // The built-in rules compile at first use (the tests compile every one); rules read from a
    // directory compile now, so their errors name FILE:LINE:COL.
    auto regex = builtin_only_ ? core::Regex::deferred(expanded) : core::Regex::compile(expanded);
    if (!regex.ok())
      fail_at(file, node, fmt::format("rule '{}': {}", id, regex.status().message()));
    return regex.value();
  }

  void claim_id(const std::string& file, const RuleNode& node, const std::string& id) {
    if (id.empty()) fail_at(file, node, "missing key 'id'");
    if (!ids_.insert(id).second) fail_at(file, node, fmt::format("duplicate rule id '{}'", id));
  }

  // A rule's `requires` list: literals one of which every match holds (rules/README.md). They are
  // width-normalised like the text the patterns run on, so ％ and % are one literal.
  static std::vector<std::string> load_required(const std::string& file, const RuleNode& n,
                                                const std::string& id) {
    std::vector<std::string> out;
    const RuleNode list = n["requires"];
    if (!list) return out;
    if (!list.IsSequence() || list.size() == 0) {
      fail_at(file, list, fmt::format("rule '{}': 'requires' must be a list of strings", id));
    }
    for (const auto& l : list) {
      const std::string literal = core::normalize_width(l.as<std::string>());
      if (literal.empty())
        fail_at(file, l, fmt::format("rule '{}': empty literal in 'requires'", id));
      if (std::find(out.begin(), out.end(), literal) == out.end()) out.push_back(literal);
    }
    return out;
  }

  // A rule written as a token sequence (`tokens`), with the regex it replaced as its oracle
  // (`oracle_pattern`, optional): read alike for exclusions and metric rules.
  template <class Rule>
  void load_token_rule(const std::string& file, const RuleNode& n, Rule* r) {
    if (n["pattern"]) fail_at(file, n, "a rule has 'pattern' or 'tokens', not both");
    if (n["requires"]) fail_at(file, n["requires"], "'requires' gates regex rules only");
    auto seq =
        metrics::compile_token_sequence(get_string(file, n, "tokens", true), out_->token_classes);
    if (!seq.ok())
      fail_at(file, n["tokens"], fmt::format("rule '{}': {}", r->id, seq.status().message()));
    r->tokens = std::make_shared<const metrics::TokenSequence>(std::move(seq.value()));
    if (n["oracle_pattern"]) {
      r->regex = compile(file, n["oracle_pattern"], r->id);
      r->has_oracle = true;
    }
  }

  // `gated`: the rule may declare `requires` (exclusions; metric rules are read elsewhere).
  PatternRule load_pattern_rule(const std::string& file, const RuleNode& n, int index,
                                const std::string& id_prefix, bool gated) {
    PatternRule r;
    if (n.IsScalar()) {
      r.id = fmt::format("{}_{}", id_prefix, index + 1);
      r.regex = compile(file, n, r.id);
    } else {
      if (gated) {
        check_keys(file, n,
                   {"id", "pattern", "tokens", "oracle_pattern", "level", "example", "examples",
                    "requires"});
      } else {
        check_keys(file, n, {"id", "pattern", "level", "example", "examples"});
      }
      r.id = get_string(file, n, "id", true);
      r.required = load_required(file, n, r.id);
      if (gated && n["tokens"]) {
        // As a metric rule's: a token sequence, with the regex it replaced as its oracle.
        load_token_rule(file, n, &r);
      } else {
        if (n["oracle_pattern"]) fail_at(file, n, "'oracle_pattern' belongs to a 'tokens' rule");
        r.regex = compile(file, n["pattern"] ? n["pattern"] : n, r.id);
        if (!n["pattern"]) fail_at(file, n, "missing key 'pattern'");
      }
      r.level = static_cast<int>(get_number(file, n, "level", false, 0));
      if (n["example"]) r.examples.push_back(n["example"].as<std::string>());
      for (const auto& e : n["examples"]) r.examples.push_back(e.as<std::string>());
    }
    claim_id(file, n, r.id);
    r.file = file;
    r.line = line_of(n);
    return r;
  }

  std::vector<PatternRule> load_pattern_list(const std::string& file, const RuleNode& list,
                                             const std::string& id_prefix, bool gated = false) {
    if (!list.IsSequence()) fail_at(file, list, "expected a list of patterns");
    std::vector<PatternRule> out;
    int i = 0;
    for (const auto& n : list) out.push_back(load_pattern_rule(file, n, i++, id_prefix, gated));
    return out;
  }

  void load_numerals(const std::string& file, const RuleNode& root) {
    check_keys(file, root,
               {"digits", "small_units", "large_units", "decimal_points", "negative_signs",
                "zero_fillers", "fraction_marker", "separators"});
    core::NumeralTable& t = out_->numerals;
    auto single_char = [&](const RuleNode& key) {
      const std::u32string k = to_u32(key.as<std::string>());
      if (k.size() != 1) fail_at(file, key, "expected a single character");
      return k[0];
    };
    for (const auto& kv : root["digits"]) t.digits[single_char(kv.first)] = kv.second.as<int>();
    for (const auto& kv : root["small_units"]) {
      t.small_units[single_char(kv.first)] = kv.second.as<double>();
    }
    for (const auto& kv : root["large_units"]) {
      t.large_units[single_char(kv.first)] = kv.second.as<double>();
    }
    t.decimal_points = to_u32(get_string(file, root, "decimal_points", true));
    t.negative_signs = to_u32(get_string(file, root, "negative_signs", false));
    t.zero_fillers = to_u32(get_string(file, root, "zero_fillers", false));
    t.fraction_marker = get_string(file, root, "fraction_marker", false);
    t.separators = to_u32(get_string(file, root, "separators", false));
  }

  void load_tables(const std::string& file, const RuleNode& root) {
    check_keys(file, root,
               {"comparators", "changes", "duration_units", "periods", "relative_years",
                "per_signs", "list_joiners", "noun_stops", "noun_max_chars", "noun_max_words",
                "sentence_max_chars", "prefilter_after_bytes", "line_seam", "point_marker_after"});
    MetricTables& t = out_->tables;
    for (const auto& kv : root["comparators"]) {
      const std::string symbol = kv.first.as<std::string>();
      if (symbol != ">=" && symbol != "<=" && symbol != ">" && symbol != "<" && symbol != "~") {
        fail_at(file, kv.first, "comparator must be one of >= <= > < ~");
      }
      for (const auto& w : kv.second) t.comparators.emplace_back(w.as<std::string>(), symbol);
    }
    for (const auto& kv : root["changes"]) {
      const std::string dir = kv.first.as<std::string>();
      if (dir != "increase" && dir != "decrease") {
        fail_at(file, kv.first, "change must be increase or decrease");
      }
      for (const auto& w : kv.second) t.changes.emplace_back(w.as<std::string>(), dir);
    }
    // Longest words first, so 及以上 is tried before 以上.
    auto by_length = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
    std::stable_sort(t.comparators.begin(), t.comparators.end(), by_length);
    std::stable_sort(t.changes.begin(), t.changes.end(), by_length);
    for (const auto& kv : root["duration_units"]) {
      const std::string unit = kv.second.as<std::string>();
      if (unit != "year" && unit != "month" && unit != "week" && unit != "day" && unit != "hour") {
        fail_at(file, kv.second, "duration unit must be year, month, week, day or hour");
      }
      t.duration_units[kv.first.as<std::string>()] = unit;
    }
    for (const auto& kv : root["relative_years"]) {
      t.relative_years[kv.first.as<std::string>()] = kv.second.as<int>();
    }
    for (const auto& kv : root["per_signs"]) {
      const double d = kv.second.as<double>();
      if (d <= 0) fail_at(file, kv.second, "a denominator must be positive");
      t.per_signs[core::normalize_width(kv.first.as<std::string>())] = d;
    }
    for (const auto& w : root["list_joiners"]) t.list_joiners.push_back(w.as<std::string>());
    for (const auto& w : root["noun_stops"]) t.noun_stops.push_back(w.as<std::string>());
    t.noun_max_chars = static_cast<int>(get_number(file, root, "noun_max_chars", true));
    t.noun_max_words = static_cast<int>(get_number(file, root, "noun_max_words", true));
    t.sentence_max_chars = static_cast<int>(get_number(file, root, "sentence_max_chars", true));
    if (t.sentence_max_chars < 1) fail_at(file, root["sentence_max_chars"], "must be at least 1");
    t.point_marker_after = to_u32(get_string(file, root, "point_marker_after", false));
    t.prefilter_after_bytes =
        static_cast<long long>(get_number(file, root, "prefilter_after_bytes", false, 0));
    if (t.prefilter_after_bytes < 0) fail_at(file, root["prefilter_after_bytes"], "must be >= 0");
    if (const RuleNode seam = root["line_seam"]) {
      check_keys(file, seam, {"min_line_share", "long_line_rank", "reach_chars", "figure_chars"});
      LineSeamRules& ls = t.line_seam;
      ls.min_line_share = get_number(file, seam, "min_line_share", true);
      ls.long_line_rank = get_number(file, seam, "long_line_rank", true);
      if (ls.long_line_rank < 0 || ls.long_line_rank > 1) {
        fail_at(file, seam["long_line_rank"], "must be between 0 and 1");
      }
      ls.reach_chars = static_cast<int>(get_number(file, seam, "reach_chars", true));
      if (ls.reach_chars < 0) fail_at(file, seam["reach_chars"], "must be >= 0");
      ls.figure_chars = to_u32(core::normalize_width(get_string(file, seam, "figure_chars", true)));
    }
    for (const auto& kv : root["periods"]) {
      check_keys(file, kv.second, {"start", "end"});
      t.periods[kv.first.as<std::string>()] = {get_string(file, kv.second, "start", true),
                                               get_string(file, kv.second, "end", true)};
    }
  }

  void load_layout(const std::string& file, const RuleNode& root) {
    check_keys(file, root,
               {"sentence_final",
                "closing_marks",
                "full_line_slack",
                "unindented_full_line_slack",
                "bare_heading_max_chars",
                "full_width_cluster_span",
                "full_width_chain_gap",
                "full_width_min_share",
                "min_full_lines",
                "min_widest_running_lines",
                "min_widest_running_share",
                "min_indent_lines",
                "max_indent_columns",
                "max_overwide_ratio",
                "clause_marks",
                "title_never_ends_with",
                "min_wrapped_share",
                "max_title_lines",
                "title_line_max_widening",
                "indent_tolerance",
                "running_header_max_share",
                "min_repeats",
                "page_number_patterns",
                "separator_patterns",
                "heading_opener_patterns",
                "max_title_width",
                "regex_time_limit",
                "min_full_width",
                "max_overwide_share",
                "page_number_max_split_lines",
                "page_number_piece_max_width",
                "page_end_number_patterns",
                "glued_page_number_patterns",
                "flat_separator",
                "min_flat_paragraphs",
                "spread_gap_columns",
                "long_line_share",
                "last_line_pair_min_share",
                "page_zone_max_lines",
                "page_zone_max_width",
                "page_number_table_max_lines",
                "title_prefix_max_chars",
                "table_min_cells",
                "table_cell_max_chars",
                "table_min_figure_share",
                "table_figure_marks",
                "table_min_rows",
                "table_rule_marks",
                "glued_row_min_rates",
                "glued_row_rate_marks",
                "regex_timeouts_per_block",
                "regex_window"});
    LayoutRules& l = out_->layout;
    l.sentence_final = to_u32(get_string(file, root, "sentence_final", true));
    l.closing_marks = to_u32(get_string(file, root, "closing_marks", false));
    l.full_line_slack = static_cast<int>(get_number(file, root, "full_line_slack", true));
    l.bare_heading_max_chars =
        static_cast<int>(get_number(file, root, "bare_heading_max_chars", false, 0));
    l.unindented_full_line_slack = static_cast<int>(
        get_number(file, root, "unindented_full_line_slack", false, l.full_line_slack));
    l.full_width_cluster_span =
        static_cast<int>(get_number(file, root, "full_width_cluster_span", true));
    l.full_width_chain_gap =
        static_cast<int>(get_number(file, root, "full_width_chain_gap", false, 1));
    l.full_width_min_share = get_number(file, root, "full_width_min_share", false, 1);
    if (l.full_width_chain_gap < 1)
      fail_at(file, root["full_width_chain_gap"], "must be at least 1");
    l.min_full_lines = static_cast<int>(get_number(file, root, "min_full_lines", true));
    l.min_widest_running_lines =
        static_cast<int>(get_number(file, root, "min_widest_running_lines", false, 0));
    l.min_widest_running_share = get_number(file, root, "min_widest_running_share", false, 0);
    l.min_indent_lines = static_cast<int>(get_number(file, root, "min_indent_lines", true));
    l.max_indent_columns = static_cast<int>(get_number(file, root, "max_indent_columns", false, 0));
    l.max_overwide_ratio = get_number(file, root, "max_overwide_ratio", false, 0);
    l.clause_marks = to_u32(get_string(file, root, "clause_marks", true));
    l.title_never_ends_with = to_u32(get_string(file, root, "title_never_ends_with", false));
    l.min_wrapped_share = get_number(file, root, "min_wrapped_share", true);
    l.max_title_lines = static_cast<int>(get_number(file, root, "max_title_lines", true));
    l.title_line_max_widening =
        static_cast<int>(get_number(file, root, "title_line_max_widening", false, 0));
    l.indent_tolerance = static_cast<int>(get_number(file, root, "indent_tolerance", true));
    l.running_header_max_share = get_number(file, root, "running_header_max_share", true);
    l.min_repeats = static_cast<int>(get_number(file, root, "min_repeats", true));
    l.max_title_width = static_cast<int>(get_number(file, root, "max_title_width", true));
    // 0 would switch ICU's limit off; a huge one is the same in practice.
    l.regex_time_limit = ruleset::get_int_in(file, root, "regex_time_limit", 1, kMaxRegexSteps);
    l.regex_timeouts_per_block =
        ruleset::get_int_in(file, root, "regex_timeouts_per_block", 1, kMaxRegexSteps);
    l.regex_window = ruleset::get_int_in(file, root, "regex_window", 64, 1 << 20);
    l.min_full_width = static_cast<int>(get_number(file, root, "min_full_width", false, 0));
    l.max_overwide_share = get_number(file, root, "max_overwide_share", false, 1);
    l.page_number_max_split_lines =
        static_cast<int>(get_number(file, root, "page_number_max_split_lines", false, 1));
    if (l.page_number_max_split_lines < 1)
      fail_at(file, root["page_number_max_split_lines"], "must be at least 1");
    l.page_number_piece_max_width =
        static_cast<int>(get_number(file, root, "page_number_piece_max_width", false, 0));
    if (root["page_number_patterns"]) {
      l.page_numbers = load_pattern_list(file, root["page_number_patterns"], "page_number");
    }
    l.flat_separator = get_string(file, root, "flat_separator", false);
    l.long_line_share = get_number(file, root, "long_line_share", false, 0);
    l.last_line_pair_min_share = get_number(file, root, "last_line_pair_min_share", false, 0);
    l.page_zone_max_lines =
        static_cast<int>(get_number(file, root, "page_zone_max_lines", false, 0));
    l.page_zone_max_width =
        static_cast<int>(get_number(file, root, "page_zone_max_width", false, 0));
    l.page_number_table_max_lines =
        static_cast<int>(get_number(file, root, "page_number_table_max_lines", false, 0));
    l.title_prefix_max_chars =
        static_cast<int>(get_number(file, root, "title_prefix_max_chars", false, 0));
    // 0: no table detection (an override file may leave the keys out).
    l.table_min_cells = static_cast<int>(get_number(file, root, "table_min_cells", false, 0));
    l.table_cell_max_chars =
        static_cast<int>(get_number(file, root, "table_cell_max_chars", false, 0));
    l.table_min_figure_share = get_number(file, root, "table_min_figure_share", false, 0);
    l.table_figure_marks = to_u32(get_string(file, root, "table_figure_marks", false));
    l.table_min_rows = static_cast<int>(get_number(file, root, "table_min_rows", false, 0));
    l.table_rule_marks = to_u32(get_string(file, root, "table_rule_marks", false));
    l.glued_row_min_rates =
        static_cast<int>(get_number(file, root, "glued_row_min_rates", false, 0));
    l.glued_row_rate_marks = to_u32(get_string(file, root, "glued_row_rate_marks", false));
    l.spread_gap_columns = static_cast<int>(get_number(file, root, "spread_gap_columns", false, 0));
    l.min_flat_paragraphs =
        static_cast<int>(get_number(file, root, "min_flat_paragraphs", false, 0));
    if (root["page_end_number_patterns"]) {
      l.page_end_numbers =
          load_pattern_list(file, root["page_end_number_patterns"], "page_end_number");
    }
    if (root["glued_page_number_patterns"]) {
      l.glued_page_numbers =
          load_pattern_list(file, root["glued_page_number_patterns"], "glued_page_number");
      for (const PatternRule& p : l.glued_page_numbers) {
        if (p.regex.group("rest") < 0) {
          fail_at(file, root["glued_page_number_patterns"],
                  fmt::format("rule '{}': needs a group named 'rest'", p.id));
        }
      }
    }
    if (root["separator_patterns"]) {
      l.separators = load_pattern_list(file, root["separator_patterns"], "separator");
    }
    if (root["heading_opener_patterns"]) {
      l.heading_openers =
          load_pattern_list(file, root["heading_opener_patterns"], "heading_opener");
    }
  }

  void load_read(const std::string& file, const RuleNode& root) {
    check_keys(file, root, {"furniture_top_zone",  "furniture_bottom_zone",
                            "furniture_min_pages", "furniture_max_size",
                            "baseline_tolerance",  "space_gap",
                            "block_gap",           "column_gap",
                            "column_min_lines",    "column_band",
                            "scan_max_chars",      "centred_tolerance",
                            "centred_max_share",   "title_size_ratio",
                            "heading_styles",      "red_min",
                            "red_max_other",       "chinese_digits",
                            "chinese_ten",         "ideograph_stems",
                            "max_zip_entries",     "max_part_bytes",
                            "max_total_bytes",     "flow_full_slack",
                            "flow_indent",         "flow_line_gap",
                            "flow_size_tolerance", "max_xml_depth",
                            "max_pdf_pages",       "docx_line_height",
                            "column_min_fill"});
    ReadRules& r = out_->read;
    auto number = [&](const char* key) { return get_number(file, root, key, true); };
    r.furniture_top_zone = number("furniture_top_zone");
    r.furniture_bottom_zone = number("furniture_bottom_zone");
    r.furniture_min_pages = static_cast<int>(number("furniture_min_pages"));
    r.furniture_max_size = number("furniture_max_size");
    r.baseline_tolerance = number("baseline_tolerance");
    r.space_gap = number("space_gap");
    r.block_gap = number("block_gap");
    r.column_gap = number("column_gap");
    r.column_min_lines = static_cast<int>(number("column_min_lines"));
    r.column_band = number("column_band");
    r.column_min_fill = number("column_min_fill");
    r.scan_max_chars = static_cast<int>(number("scan_max_chars"));
    r.centred_tolerance = number("centred_tolerance");
    r.centred_max_share = number("centred_max_share");
    r.title_size_ratio = number("title_size_ratio");
    r.flow_full_slack = number("flow_full_slack");
    r.flow_indent = number("flow_indent");
    r.flow_line_gap = number("flow_line_gap");
    r.flow_size_tolerance = number("flow_size_tolerance");
    for (const auto& n : root["heading_styles"]) {
      std::string name = n.as<std::string>();
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.heading_styles.push_back(name);
    }
    r.red_min = static_cast<int>(number("red_min"));
    r.red_max_other = static_cast<int>(number("red_max_other"));
    r.chinese_digits = to_u32(get_string(file, root, "chinese_digits", true));
    if (r.chinese_digits.size() != 10) fail_at(file, root["chinese_digits"], "needs ten digits");
    r.chinese_ten = to_u32(get_string(file, root, "chinese_ten", true));
    r.ideograph_stems = to_u32(get_string(file, root, "ideograph_stems", true));
    r.max_zip_entries = static_cast<long long>(number("max_zip_entries"));
    r.max_part_bytes = static_cast<long long>(number("max_part_bytes"));
    r.max_total_bytes = static_cast<long long>(number("max_total_bytes"));
    r.max_xml_depth = static_cast<long long>(number("max_xml_depth"));
    r.max_pdf_pages = static_cast<long long>(number("max_pdf_pages"));
    r.docx_line_height = number("docx_line_height");
  }

  void load_structure(const std::string& file, const RuleNode& root) {
    check_keys(
        file, root,
        {"section_patterns", "section_names", "region_title_marks", "title_quote_marks",
         "point_patterns", "distribution", "colophon_patterns", "masthead", "inline_point_patterns",
         "unnamed_heading_max_chars", "numbered_heading_run_share"});
    StructureRules& s = out_->structure;
    s.sections = load_pattern_list(file, root["section_patterns"], "section");
    for (const auto& n : root["section_names"]) s.section_names.push_back(n.as<std::string>());
    s.region_title_marks = to_u32(get_string(file, root, "region_title_marks", true));
    s.title_quote_marks = to_u32(get_string(file, root, "title_quote_marks", false));
    s.unnamed_heading_max_chars =
        static_cast<int>(get_number(file, root, "unnamed_heading_max_chars", false, 0));
    s.numbered_heading_run_share = get_number(file, root, "numbered_heading_run_share", false, 0);
    s.points = load_pattern_list(file, root["point_patterns"], "point");
    for (const PatternRule& p : s.points) {
      if (p.level < 1)
        fail_at(file, root["point_patterns"],
                fmt::format("rule '{}': level must be 1 or more", p.id));
      if (p.regex.group("marker") < 0) {
        fail_at(file, root["point_patterns"],
                fmt::format("rule '{}': needs a (?<marker>...) group", p.id));
      }
    }
    if (root["inline_point_patterns"]) {
      s.inline_points = load_pattern_list(file, root["inline_point_patterns"], "inline_point");
      for (const PatternRule& p : s.inline_points) {
        if (p.regex.group("marker") < 0) {
          fail_at(file, root["inline_point_patterns"],
                  fmt::format("rule '{}': needs a (?<marker>...) group", p.id));
        }
      }
    }
    const RuleNode d = root["distribution"];
    check_keys(file, d, {"pattern", "fields", "separators", "brackets", "strip_final"});
    DistributionRules& dist = s.distribution;
    dist.pattern = compile(file, d["pattern"], "distribution");
    for (const auto& kv : d["fields"]) {
      const std::string field = kv.second.as<std::string>();
      if (field != "report_to" && field != "copy_to" && field != "cc" && field != "send_to") {
        fail_at(file, kv.second, "field must be report_to, copy_to, cc or send_to");
      }
      dist.fields[kv.first.as<std::string>()] = field;
    }
    dist.separators = to_u32(get_string(file, d, "separators", true));
    for (const auto& kv : d["brackets"]) {
      const std::u32string open = to_u32(kv.first.as<std::string>());
      const std::u32string close = to_u32(kv.second.as<std::string>());
      if (open.size() != 1 || close.size() != 1)
        fail_at(file, kv.first, "brackets are single characters");
      dist.brackets[open[0]] = close[0];
    }
    dist.strip_final = to_u32(get_string(file, d, "strip_final", false));
    s.colophon = load_pattern_list(file, root["colophon_patterns"], "colophon");
    const RuleNode m = root["masthead"];
    check_keys(file, m,
               {"max_lines", "title_pattern", "issue_pattern", "total_issue_pattern",
                "date_pattern", "publisher_pattern", "note_pattern"});
    MastheadRules& mh = s.masthead;
    mh.max_lines = static_cast<int>(get_number(file, m, "max_lines", true));
    mh.title = compile(file, m["title_pattern"], "masthead_title");
    mh.issue = compile(file, m["issue_pattern"], "masthead_issue");
    mh.total_issue = compile(file, m["total_issue_pattern"], "masthead_total_issue");
    mh.date = compile(file, m["date_pattern"], "masthead_date");
    mh.publisher = compile(file, m["publisher_pattern"], "masthead_publisher");
    mh.note = compile(file, m["note_pattern"], "masthead_note");
  }

  void load_official(const std::string& file, const RuleNode& root) {
    check_keys(file, root,
               {"detection",
                "copy_number_pattern",
                "secrecy_pattern",
                "urgency_pattern",
                "title_urgency_pattern",
                "mark_word_pattern",
                "organ_suffixes",
                "max_name_chars",
                "doc_number_pattern",
                "doc_number_format",
                "signer_pattern",
                "max_title_lines",
                "doc_types",
                "title_tail_pattern",
                "title_start_word",
                "forwards_patterns",
                "max_addressee_lines",
                "addressee_end_pattern",
                "recipient_separators",
                "recipient_list_mark",
                "shared_head_nouns",
                "recipient_strip_final",
                "short_line_share",
                "paragraph_separator",
                "section_pattern",
                "attachment_note_pattern",
                "attachment_item_pattern",
                "attachment_title_strip",
                "max_attachment_note_lines",
                "max_record_lines",
                "attachment_heading_pattern",
                "date_line_pattern",
                "max_signature_lines",
                "note_pattern",
                "cc_pattern",
                "cc_head_pattern",
                "cc_tail_pattern",
                "addressee_tail_pattern",
                "imprint_pattern"});
    OfficialRules& o = out_->official;
    const RuleNode d = root["detection"];
    check_keys(file, d, {"head_lines", "threshold", "weights"});
    o.head_lines = static_cast<int>(get_number(file, d, "head_lines", true));
    o.threshold = static_cast<int>(get_number(file, d, "threshold", true));
    for (const auto& kv : d["weights"]) {
      const std::string signal = kv.first.as<std::string>();
      if (signal != "doc_number" && signal != "issuer_mark" && signal != "title" &&
          signal != "addressee") {
        fail_at(file, kv.first, "signal must be doc_number, issuer_mark, title or addressee");
      }
      o.weights[signal] = kv.second.as<int>();
    }
    auto re = [&](const char* key, const char* id, std::initializer_list<const char*> groups) {
      if (!root[key]) fail_at(file, root, fmt::format("missing key '{}'", key));
      core::Regex r = compile(file, root[key], id);
      for (const char* g : groups) {
        if (r.group(g) < 0) fail_at(file, root[key], fmt::format("needs a (?<{}>...) group", g));
      }
      return r;
    };
    auto strings = [&](const char* key) {
      std::vector<std::string> out;
      if (!root[key] || !root[key].IsSequence())
        fail_at(file, root, fmt::format("'{}' must be a list", key));
      for (const auto& n : root[key]) out.push_back(n.as<std::string>());
      return out;
    };
    o.copy_number = re("copy_number_pattern", "official_copy_number", {});
    o.secrecy = re("secrecy_pattern", "official_secrecy", {"secrecy"});
    o.urgency = re("urgency_pattern", "official_urgency", {"urgency"});
    o.title_urgency = re("title_urgency_pattern", "official_title_urgency", {"urgency"});
    o.mark_word = re("mark_word_pattern", "official_mark_word", {"name", "word"});
    o.organ_suffixes = strings("organ_suffixes");
    o.max_name_chars = static_cast<int>(get_number(file, root, "max_name_chars", true));
    o.doc_number = re("doc_number_pattern", "official_doc_number", {"prefix", "year", "n"});
    o.doc_number_format = get_string(file, root, "doc_number_format", true);
    o.signer = re("signer_pattern", "official_signer", {"signer"});
    o.max_title_lines = static_cast<int>(get_number(file, root, "max_title_lines", true));
    o.doc_types = strings("doc_types");
    std::stable_sort(
        o.doc_types.begin(), o.doc_types.end(),
        [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    o.title_tail = re("title_tail_pattern", "official_title_tail", {});
    o.title_start_word = get_string(file, root, "title_start_word", true);
    o.forwards = load_pattern_list(file, root["forwards_patterns"], "forwards");
    for (const PatternRule& p : o.forwards) {
      if (p.regex.group("title") < 0) {
        fail_at(file, root["forwards_patterns"],
                fmt::format("rule '{}': needs a (?<title>...) group", p.id));
      }
    }
    o.max_addressee_lines = static_cast<int>(get_number(file, root, "max_addressee_lines", true));
    o.addressee_end = re("addressee_end_pattern", "official_addressee_end", {});
    o.recipient_separators = to_u32(get_string(file, root, "recipient_separators", true));
    o.recipient_list_mark = to_u32(get_string(file, root, "recipient_list_mark", true));
    o.shared_head_nouns = strings("shared_head_nouns");
    o.recipient_strip_final = to_u32(get_string(file, root, "recipient_strip_final", false));
    o.short_line_share = get_number(file, root, "short_line_share", true);
    o.paragraph_separator = get_string(file, root, "paragraph_separator", true);
    o.section = re("section_pattern", "official_section", {"marker", "title", "text"});
    o.attachment_note = re("attachment_note_pattern", "official_attachment_note", {"rest"});
    o.attachment_item = re("attachment_item_pattern", "official_attachment_item", {"n", "title"});
    o.attachment_title_strip = to_u32(get_string(file, root, "attachment_title_strip", false));
    o.max_attachment_note_lines =
        static_cast<int>(get_number(file, root, "max_attachment_note_lines", true));
    o.max_record_lines = static_cast<int>(get_number(file, root, "max_record_lines", true));
    o.attachment_heading = re("attachment_heading_pattern", "official_attachment_heading", {"n"});
    o.date_line = re("date_line_pattern", "official_date_line", {"name", "date"});
    o.max_signature_lines = static_cast<int>(get_number(file, root, "max_signature_lines", true));
    o.note = re("note_pattern", "official_note", {"note"});
    o.cc = re("cc_pattern", "official_cc", {"list"});
    o.cc_head = re("cc_head_pattern", "official_cc_head", {});
    o.cc_tail = re("cc_tail_pattern", "official_cc_tail", {});
    o.addressee_tail = re("addressee_tail_pattern", "official_addressee_tail", {"list"});
    o.imprint = re("imprint_pattern", "official_imprint", {"office", "date", "partial", "issued"});
    o.loaded = true;
  }

  void load_exclusions(const std::string& file, const RuleNode& root) {
    check_keys(file, root, {"exclusions", "place_exclusions"});
    out_->exclusions = load_pattern_list(file, root["exclusions"], "exclusion", true);
    if (root["place_exclusions"]) {
      out_->place_exclusions =
          load_pattern_list(file, root["place_exclusions"], "place_exclusion", true);
      for (const PatternRule& p : out_->place_exclusions) {
        if (p.tokens) fail_at(file, root["place_exclusions"], "a place exclusion is a 'pattern'");
      }
    }
  }

  static std::map<std::string, std::string> string_map(const std::string& file, const RuleNode& n) {
    if (!n.IsMap()) fail_at(file, n, "expected a mapping");
    std::map<std::string, std::string> out;
    for (const auto& kv : n) out[kv.first.as<std::string>()] = kv.second.as<std::string>();
    return out;
  }

  void load_metric_file(const std::string& file, const RuleNode& root) {
    check_keys(file, root, {"kind", "context", "rules"});
    MetricKind kind;
    const std::string kind_name = get_string(file, root, "kind", true);
    if (!parse_metric_kind(kind_name, &kind)) {
      fail_at(file, root["kind"], fmt::format("unknown metric kind '{}'", kind_name));
    }
    int context_year = 0;
    if (root["context"]) {
      check_keys(file, root["context"], {"year"});
      context_year = static_cast<int>(get_number(file, root["context"], "year", false));
    }
    if (!root["rules"] || !root["rules"].IsSequence())
      fail_at(file, root, "expected a 'rules' list");
    // An override with no rules would silently switch the kind off.
    if (root["rules"].size() == 0) {
      fail_at(file, root["rules"], "'rules' is empty: a metric rule file needs at least one rule");
    }
    for (const auto& n : root["rules"]) {
      check_keys(file, n,
                 {"id", "pattern", "tokens", "oracle_pattern", "set", "examples",
                  "counter_examples", "requires"});
      MetricRule r;
      r.id = get_string(file, n, "id", true);
      claim_id(file, n, r.id);
      if (r.id.rfind(kind_name, 0) != 0) {
        fail_at(file, n["id"],
                fmt::format("rule id '{}' must start with its kind '{}'", r.id, kind_name));
      }
      r.kind = kind;
      r.file = file;
      r.line = line_of(n);
      r.context_year = context_year;
      if (n["tokens"]) {
        load_token_rule(file, n, &r);
      } else {
        if (!n["pattern"]) fail_at(file, n, "missing key 'pattern'");
        if (n["oracle_pattern"]) fail_at(file, n, "'oracle_pattern' belongs to a 'tokens' rule");
        r.regex = compile(file, n["pattern"], r.id);
      }
      if (n["set"]) r.set = string_map(file, n["set"]);
      r.required = load_required(file, n, r.id);
      for (const auto& e : n["examples"]) {
        check_keys(file, e, {"text", "expect"});
        r.examples.push_back(
            {get_string(file, e, "text", true), string_map(file, e["expect"]), line_of(e)});
      }
      for (const auto& c : n["counter_examples"]) r.counter_examples.push_back(c.as<std::string>());
      if (r.examples.empty()) fail_at(file, n, fmt::format("rule '{}' has no examples", r.id));
      if (r.tokens) {
        // The token matcher fills the captures itself; no group numbers.
        out_->metric_rules.push_back(std::move(r));
        continue;
      }
      MetricRule::Groups& g = r.g;
      g.value = r.regex.group("value");
      g.tenths = r.regex.group("tenths");
      g.unit = r.regex.group("unit");
      g.cmp = r.regex.group("cmp");
      g.cmpb = r.regex.group("cmpb");
      g.change = r.regex.group("change");
      g.y = r.regex.group("y");
      g.m = r.regex.group("m");
      g.d = r.regex.group("d");
      g.y2 = r.regex.group("y2");
      g.m2 = r.regex.group("m2");
      g.d2 = r.regex.group("d2");
      g.part = r.regex.group("part");
      g.part2 = r.regex.group("part2");
      g.noun = r.regex.group("noun");
      g.eom = r.regex.group("eom");
      g.thisyear = r.regex.group("thisyear");
      g.value2 = r.regex.group("value2");
      g.half = r.regex.group("half");
      g.half2 = r.regex.group("half2");
      g.per = r.regex.group("per");
      g.yrel = r.regex.group("yrel");
      out_->metric_rules.push_back(std::move(r));
    }
  }

  void load_provinces(const std::string& file, const RuleNode& root) {
    check_keys(file, root, {"provinces"});
    for (const auto& n : root["provinces"]) {
      check_keys(file, n, {"name", "code", "aliases", "abbr", "abbr_alt"});
      Place p{get_string(file, n, "name", true), get_string(file, n, "code", true), "province", ""};
      p.province_code = p.code;
      const int index = static_cast<int>(out_->gazetteer.places.size());
      out_->gazetteer.province_by_code[p.code] = index;
      keys_.emplace_back(p.name, index);
      for (const auto& a : n["aliases"]) keys_.emplace_back(a.as<std::string>(), index);
      out_->gazetteer.places.push_back(std::move(p));
    }
  }

  void load_divisions(const std::string& file, const RuleNode& root) {
    check_keys(file, root, {"divisions"});
    std::vector<Place> places;
    for (const auto& n : root["divisions"]) {
      check_keys(file, n, {"name", "code", "level", "province"});
      places.push_back({get_string(file, n, "name", true), get_string(file, n, "code", true),
                        get_string(file, n, "level", true), get_string(file, n, "province", true)});
    }
    add_divisions(std::move(places));
  }

  void add_divisions(std::vector<Place> places) {
    out_->gazetteer.places.reserve(out_->gazetteer.places.size() + places.size());
    keys_.reserve(keys_.size() + places.size());
    for (Place& p : places) {
      keys_.emplace_back(p.name, static_cast<int>(out_->gazetteer.places.size()));
      out_->gazetteer.places.push_back(std::move(p));
    }
  }

  void load_groups(const std::string& file, const RuleNode& root) {
    check_keys(file, root, {"groups"});
    group_nodes_.emplace_back(file, root["groups"]);
  }

  // Groups name provinces, so they are resolved once every province is known.
  void build_place_matcher() {
    Gazetteer& gz = out_->gazetteer;
    // A member names the first province of that name: looked up here, not by a scan of every
    // place for every member (that scan was 7 M instructions, a quarter of loading the rules).
    std::map<std::string_view, int> province_by_name;
    for (size_t i = 0; i < gz.places.size(); ++i) {
      if (gz.places[i].level == "province")
        province_by_name.emplace(gz.places[i].name, static_cast<int>(i));
    }
    for (const auto& [file, list] : group_nodes_) {
      for (const auto& n : list) {
        check_keys(file, n, {"name", "members"});
        PlaceGroup g{get_string(file, n, "name", true), {}};
        for (const auto& m : n["members"]) {
          const std::string member = m.as<std::string>();
          const auto it = province_by_name.find(member);
          const int found = it == province_by_name.end() ? -1 : it->second;
          if (found < 0)
            fail_at(file, m, fmt::format("group member '{}' is not a province", member));
          g.members.push_back(found);
        }
        keys_.emplace_back(g.name, -static_cast<int>(gz.groups.size()) - 1);
        gz.groups.push_back(std::move(g));
      }
    }
    for (const auto& [key, payload] : keys_) gz.matcher.add(key, payload);
  }

  const ruleset::RuleTexts& texts_;
  std::vector<std::unique_ptr<ruleset::RuleTree>> trees_;
  RuleSet* out_;
  const bool builtin_only_ = std::all_of(
      texts_.begin(), texts_.end(), [](const auto& t) { return t.second.origin == "built-in"; });
  ruleset::Fragments fragments_;
  std::map<std::string, int> fragment_lines_;
  std::map<std::string, std::string> fragment_raw_;  // as written, before expansion
  std::set<std::string> ids_;
  std::vector<std::pair<std::string, int>> keys_;
  std::vector<std::pair<std::string, RuleNode>> group_nodes_;
};

// The hash of a rule set's paths and texts, which batch manifests record.
std::string hash_texts(const ruleset::RuleTexts& texts) {
  std::string all;
  for (const auto& [path, text] : texts) all += path + '\0' + text.content + '\0';
  return core::sha256_hex(all);
}

// The built-in set's hash, made when first asked for: most runs record no manifest.
const std::string& builtin_hash() {
  static const std::string hash = hash_texts(ruleset::builtin_rule_texts());
  return hash;
}

}  // namespace

Result<std::shared_ptr<const RuleSet>> load_rules(const RulesOptions& options) {
  ruleset::RuleTexts texts = ruleset::builtin_rule_texts();
  if (!options.override_dir.empty()) JB_TRY(ruleset::merge_rule_dir(options.override_dir, &texts));
  auto rules = std::make_shared<RuleSet>();
  try {
    Loader(texts, rules.get()).load();
  } catch (const ruleset::RuleError& e) {
    Status s = e.status;
    return s;
  } catch (const YAML::Exception& e) {
    // A conversion error (as<int>() on a word) carries the node's position.
    std::string file = "rules";
    return Status::bad_rules(e.msg,
                             {.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1});
  }
  if (!options.override_dir.empty()) rules->hash = hash_texts(texts);
  return std::shared_ptr<const RuleSet>(std::move(rules));
}

std::vector<RuleInfo> list_rules(const RuleSet& rules) {
  std::map<std::string, std::string> origin;
  for (const RuleFile& f : rules.files) origin[f.path] = f.origin;
  std::vector<RuleInfo> out;
  auto add = [&](const std::string& id, const std::string& kind, const std::string& file,
                 int line) {
    out.push_back({id, kind, file, origin[file], line});
  };
  for (const PatternRule& p : rules.layout.page_numbers) add(p.id, "layout", p.file, p.line);
  for (const PatternRule& p : rules.layout.page_end_numbers) add(p.id, "layout", p.file, p.line);
  for (const PatternRule& p : rules.layout.glued_page_numbers) add(p.id, "layout", p.file, p.line);
  for (const PatternRule& p : rules.structure.sections) add(p.id, "structure", p.file, p.line);
  for (const PatternRule& p : rules.structure.points) add(p.id, "structure", p.file, p.line);
  for (const PatternRule& p : rules.structure.colophon) add(p.id, "structure", p.file, p.line);
  for (const PatternRule& p : rules.official.forwards) add(p.id, "structure", p.file, p.line);
  for (const MetricRule& r : rules.metric_rules) add(r.id, to_string(r.kind), r.file, r.line);
  for (const PatternRule& p : rules.exclusions) add(p.id, "exclusion", p.file, p.line);
  for (const PatternRule& p : rules.place_exclusions) add(p.id, "exclusion", p.file, p.line);
  for (const RuleFile& f : rules.files) {
    if (f.path.rfind("gazetteer/", 0) == 0 || f.path.rfind("common/", 0) == 0 ||
        f.path == "layout/layout.yaml" || f.path == "read/read.yaml" ||
        f.path == "structure/structure.yaml" || f.path == "structure/official.yaml") {
      add(f.path, "table", f.path, 0);
    }
  }
  return out;
}

const std::string& rules_hash(const RuleSet& rules) {
  return rules.hash.empty() ? builtin_hash() : rules.hash;
}

bool RuleSet::prefilter_pays(size_t bytes) const {
  const long long before = metric_bytes_.fetch_add(static_cast<long long>(bytes));
  return before + static_cast<long long>(bytes) >= tables.prefilter_after_bytes;
}

const metrics::BlockPrefilter& RuleSet::prefilter() const {
  std::call_once(prefilter_once_, [this] {
    std::vector<std::string> patterns;
    // A token rule is no regex to prefilter (its oracle is never run on blocks): "" stays out.
    for (const MetricRule& r : metric_rules) patterns.push_back(r.tokens ? "" : r.regex.source());
    for (const PatternRule& r : exclusions) patterns.push_back(r.tokens ? "" : r.regex.source());
    prefilter_ = std::make_unique<const metrics::BlockPrefilter>(patterns);
  });
  return *prefilter_;
}

RuleSet::FinderPtr RuleSet::take_finder(
    const std::function<bool(const metrics::CandidateFinder&)>& fits) const {
  const std::lock_guard<std::mutex> lock(finders_mutex_);
  for (auto it = finders_.begin(); it != finders_.end(); ++it) {
    if (!fits(**it)) continue;
    FinderPtr f = std::move(*it);
    finders_.erase(it);
    return f;
  }
  return nullptr;
}

void RuleSet::give_back_finder(FinderPtr finder) const {
  const std::lock_guard<std::mutex> lock(finders_mutex_);
  finders_.push_back(std::move(finder));
}

}  // namespace jianbao
