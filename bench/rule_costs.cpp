// Where the metrics stage spends its time, rule by rule (issue 7 profile). Runs decode and layout
// over the given files, then scans every block (width-normalised, as extract_metrics does) with
// each metric rule and each exclusion alone, and prints per rule: CPU time, MB/s of block text, and
// matches, without the rule's `requires` gate and, for a gated rule, behind it (one indexOf per
// literal per block, as CandidateFinder::find runs it; the match counts must agree). Uses the
// internal RuleSet (lib/ruleset/rule_set.h).
//
//   jianbao_rule_costs [--rules DIR] [--limit-mb X] [--list FILE] [FILE...]
//
// With JB_PREFILTER_STATS=1 it also prints, per rule, how many blocks the Hyperscan prefilter
// lets through against how many the rule matches in (equal: the prefilter is exact there).
#include <fmt/format.h>
#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/ruleset.h"
#include "ruleset/rule_set.h"

namespace {

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Cost {
  std::string id;
  const jianbao::core::Regex* regex;
  const std::vector<std::string>* required;  // the rule's `requires` gate; empty: none
  double seconds = 0;
  long matches = 0;
  double gated_seconds = -1;  // behind its gate, as CandidateFinder::find runs it
  long gated_matches = 0;
};

}  // namespace

int main(int argc, char** argv) {
  double limit_mb = 0;
  std::string rules_dir;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else if (a == "--limit-mb" && i + 1 < argc) {
      limit_mb = std::atof(argv[++i]);
    } else if (a == "--list" && i + 1 < argc) {
      std::ifstream f(argv[++i]);
      for (std::string line; std::getline(f, line);) {
        if (!line.empty()) files.push_back(line);
      }
    } else {
      files.push_back(a);
    }
  }
  auto rules = jianbao::load_rules({.override_dir = rules_dir});
  if (!rules.ok() || files.empty()) {
    std::cerr << "usage: jianbao_rule_costs [--rules DIR] [--limit-mb X] [--list FILE] [FILE...]\n";
    return 2;
  }
  const jianbao::RuleSet& rs = *rules.value();
  // The blocks' texts, prepared once (UTF-16 as the matchers see them).
  std::vector<std::string> blocks;
  long long input = 0;
  for (const std::string& path : files) {
    if (limit_mb > 0 && input >= limit_mb * 1048576.0) break;
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    const std::string bytes = std::move(ss).str();
    input += static_cast<long long>(bytes.size());
    auto decoded = jianbao::decode::decode_bytes(bytes, path, {});
    if (!decoded.ok()) continue;
    for (const auto& b : jianbao::layout::clean_layout(decoded.value(), rs).blocks) {
      blocks.push_back(jianbao::core::normalize_width(b.text));
    }
  }
  std::vector<jianbao::core::MatchText> texts;
  texts.reserve(blocks.size());
  long long text_bytes = 0;
  for (const std::string& b : blocks) {
    texts.emplace_back(b);
    text_bytes += static_cast<long long>(b.size());
  }
  std::vector<Cost> costs;
  for (const auto& r : rs.metric_rules) {
    if (r.tokens) continue;  // a token rule runs no regex on blocks (its oracle only in tests)
    costs.push_back({r.id, &r.regex, &r.required});
  }
  for (const auto& r : rs.exclusions) costs.push_back({"exclusion " + r.id, &r.regex, &r.required});
  double total = 0;
  for (Cost& c : costs) {
    auto m = c.regex->new_matcher(rs.layout.regex_time_limit);
    const double t0 = thread_seconds();
    for (const auto& t : texts) {
      m->reset(t.u16());
      UErrorCode status = U_ZERO_ERROR;
      while (m->find(status) && U_SUCCESS(status)) ++c.matches;
    }
    c.seconds = thread_seconds() - t0;
    total += c.seconds;
    if (!c.required->empty()) {
      std::vector<icu::UnicodeString> lits;
      for (const std::string& l : *c.required) lits.push_back(icu::UnicodeString::fromUTF8(l));
      const double g0 = thread_seconds();
      for (const auto& t : texts) {
        bool any = false;
        for (const auto& l : lits) any = any || t.u16().indexOf(l) >= 0;
        if (!any) continue;
        m->reset(t.u16());
        UErrorCode status = U_ZERO_ERROR;
        while (m->find(status) && U_SUCCESS(status)) ++c.gated_matches;
      }
      c.gated_seconds = thread_seconds() - g0;
    }
    if (std::getenv("JB_PREFILTER_STATS")) {
      // Blocks the prefilter lets through for this rule against blocks where it matches.
      const size_t index = static_cast<size_t>(&c - costs.data());
      std::vector<char> maybe;
      jianbao::metrics::BlockPrefilter::Scratch scratch(rs.prefilter());
      long through = 0, hits = 0;
      for (size_t k = 0; k < texts.size(); ++k) {
        rs.prefilter().scan(blocks[k], &scratch, &maybe);
        through += maybe[index];
        m->reset(texts[k].u16());
        UErrorCode status = U_ZERO_ERROR;
        hits += m->find(status) ? 1 : 0;
      }
      fmt::print("PREFILTER {:<36} through {:>6} match {:>6}\n", c.id, through, hits);
    }
  }
  double gated_total = 0;
  for (const Cost& c : costs) gated_total += c.gated_seconds < 0 ? c.seconds : c.gated_seconds;
  std::sort(costs.begin(), costs.end(),
            [](const Cost& a, const Cost& b) { return a.seconds > b.seconds; });
  const double mb = static_cast<double>(text_bytes) / 1048576.0;
  fmt::print(
      "{} files, {:.1f} MiB input, {} blocks, {:.1f} MiB block text; {} patterns, "
      "{:.3f} s in all without gates, {:.3f} s with them ({:.2f} and {:.2f} MB/s of block text "
      "for the whole set)\n",
      files.size(), static_cast<double>(input) / 1048576.0, blocks.size(), mb, costs.size(), total,
      gated_total, mb / total, mb / gated_total);
  fmt::print("{:<40} {:>9} {:>7} {:>10} {:>9} {:>9} {:>10}\n", "rule", "seconds", "share", "MB/s",
             "matches", "gated s", "gated MB/s");
  for (const Cost& c : costs) {
    fmt::print("{:<40} {:>9.3f} {:>6.1f}% {:>10.2f} {:>9}", c.id, c.seconds,
               100 * c.seconds / total, mb / c.seconds, c.matches);
    if (c.gated_seconds >= 0)
      fmt::print(" {:>9.3f} {:>10.2f}", c.gated_seconds, mb / c.gated_seconds);
    fmt::print("\n");
  }
  for (const Cost& c : costs) {
    if (c.gated_seconds >= 0 && c.gated_matches != c.matches) {
      fmt::print("GATE LOSES MATCHES: {}: {} matches behind the gate instead of {}\n", c.id,
                 c.gated_matches, c.matches);
    }
  }
  return 0;
}
