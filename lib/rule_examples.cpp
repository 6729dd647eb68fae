#include "jianbao/rule_examples.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/icu_regex.h"
#include "core/numeral.h"
#include "core/utf8.h"
#include "jianbao/pipeline.h"
#include "metrics/cjk_spaces.h"
#include "metrics/token_matcher.h"
#include "ruleset/rule_set.h"

namespace jianbao {
namespace {

std::vector<Metric> metrics_of(const std::string& text, const RuleSet& rules, int year,
                               std::vector<MetricKind> kinds) {
  ParseOptions options;
  options.metrics.fallback_year = year;
  options.metrics.kinds = std::move(kinds);
  auto doc = parse_bulletin(text, "example", rules, options);
  std::vector<Metric> out;
  if (!doc.ok()) return out;
  for (const Section& s : doc.value().sections) {
    for (const Item& i : s.items) out.insert(out.end(), i.metrics.begin(), i.metrics.end());
  }
  return out;
}

std::string value_text(const Value& v) {
  if (std::holds_alternative<double>(v)) return core::format_number(std::get<double>(v));
  if (std::holds_alternative<InternedText>(v)) return std::get<InternedText>(v);
  return "";
}

// The first field of `expect` that `m` does not have, or "".
std::string mismatch(const std::map<std::string, std::string>& expect, const Metric& m) {
  for (const auto& [key, want] : expect) {
    std::string got;
    if (key == "value")
      got = value_text(m.value);
    else if (key == "start")
      got = value_text(m.start);
    else if (key == "end")
      got = value_text(m.end);
    else if (key == "unit")
      got = m.unit;
    else if (key == "comparator")
      got = m.comparator;
    else if (key == "change")
      got = m.change;
    else if (key == "code")
      got = m.code;
    else
      return fmt::format("unknown expect key '{}'", key);
    if (got == want) continue;
    // Numbers compare by value: 0.3333333333 is a third.
    char* a_end = nullptr;
    char* b_end = nullptr;
    const double a = std::strtod(got.c_str(), &a_end);
    const double b = std::strtod(want.c_str(), &b_end);
    if (!got.empty() && *a_end == '\0' && *b_end == '\0' && std::fabs(a - b) < 1e-6) continue;
    return fmt::format("{} is '{}', expected '{}'", key, got, want);
  }
  return "";
}

// `text` as the metric rules see it (metrics::text_for_rules).
std::string rules_text(const RuleSet& rules, const std::string& text) {
  return metrics::text_for_rules(core::normalize_width(text), rules.tables.point_marker_after);
}

bool holds_any(const std::string& text, const std::vector<std::string>& literals) {
  return std::any_of(literals.begin(), literals.end(),
                     [&](const std::string& l) { return text.find(l) != std::string::npos; });
}

// The matches of `regex` in `text` (as the rules see it) that hold none of `required`.
std::vector<std::string> ungated_matches(const RuleSet& rules, const core::Regex& regex,
                                         const std::vector<std::string>& required,
                                         const std::string& text, int limit) {
  std::vector<std::string> out;
  if (required.empty()) return out;
  core::Match m(regex, rules_text(rules, text), limit);
  while (m.find()) {
    const std::string hit = m.text();
    if (!hit.empty() && !holds_any(hit, required)) out.push_back(hit);
  }
  return out;
}

// The prefilter's answers for `text` (rules.prefilter() order: metric rules, then exclusions).
std::vector<char> prefilter_answers(const RuleSet& rules, const std::string& text) {
  std::vector<char> maybe;
  metrics::BlockPrefilter::Scratch scratch(rules.prefilter());
  rules.prefilter().scan(rules_text(rules, text), &scratch, &maybe);
  return maybe;
}

// Whether `regex` matches in `text` (as the rules see it) although the prefilter said it cannot:
// a block the metrics stage would wrongly skip.
bool prefilter_misses(const RuleSet& rules, const std::vector<char>& maybe, size_t index,
                      const core::Regex& regex, const std::string& text, int limit) {
  if (maybe[index]) return false;
  core::Match m(regex, rules_text(rules, text), limit);
  while (m.find()) {
    if (m.end() > m.start()) return true;
  }
  return false;
}

std::string describe(const std::vector<Metric>& ms) {
  std::string s;
  for (const Metric& m : ms)
    s += fmt::format(" [{} {} '{}']", m.rule_id, to_string(m.kind), m.text);
  return s.empty() ? " nothing" : s;
}

std::u32string code_points_of(const std::string& s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(core::next_code_point(s, &pos));
  return out;
}

// A token rule's matches in `text` (as the rules see it) against its oracle_pattern's: each
// match's place and every field, as "begin-end field=text ..." lines; "" when they agree.
std::string oracle_difference(const RuleSet& rules, const MetricRule& r, const std::string& text) {
  const std::string seen = rules_text(rules, text);
  auto describe_one = [](int b, int e, const std::string& whole,
                         const std::function<std::string(size_t)>& field) {
    std::string s = fmt::format("{}-{} '{}'", b, e, whole);
    for (size_t f = 0; f < metrics::token_fields().size(); ++f) {
      const std::string v = field(f);
      if (!v.empty()) s += fmt::format(" {}={}", metrics::token_fields()[f], v);
    }
    return s;
  };
  std::vector<std::string> oracle;
  core::Match m(r.regex, seen, rules.layout.regex_time_limit);
  while (m.find()) {
    if (m.end() <= m.start()) continue;
    oracle.push_back(describe_one(m.start(), m.end(), m.text(), [&](size_t f) {
      return m.group(metrics::token_fields()[f].c_str());
    }));
  }
  metrics::TokenMatcher tokens(rules.token_classes, {&r});
  tokens.find(seen);
  std::vector<std::string> got;
  const std::vector<metrics::Candidate>& found = tokens.matches(0);
  for (size_t k = 0; k < found.size(); ++k) {
    const metrics::Candidate& c = found[k];
    got.push_back(describe_one(c.begin, c.end, c.groups.whole, [&](size_t f) {
      if (f != metrics::kNounField) return metrics::captured_field(c.groups, f);
      // The noun as the sequence took it, before the finder cuts it: up to the match's end.
      const int at = tokens.noun_at(0, k);
      if (at < 0) return std::string();
      const std::u32string whole = code_points_of(c.groups.whole);
      std::string noun;
      for (size_t i = static_cast<size_t>(at - c.begin); i < whole.size(); ++i) {
        core::append_utf8(&noun, whole[i]);
      }
      return noun;
    }));
  }
  if (got == oracle) return "";
  return fmt::format("tokens read [{}], oracle_pattern [{}]", fmt::join(got, "; "),
                     fmt::join(oracle, "; "));
}

}  // namespace

std::vector<ExampleFailure> check_rule_gates(const RuleSet& rules, const std::string& text,
                                             const std::string& source) {
  std::vector<ExampleFailure> out;
  const int limit = rules.layout.regex_time_limit;
  const std::vector<char> maybe = prefilter_answers(rules, text);
  size_t index = 0;  // in the prefilter
  auto check = [&](const std::string& id, const std::string& file, int line,
                   const core::Regex& regex, const std::vector<std::string>& required) {
    for (const std::string& hit : ungated_matches(rules, regex, required, text, limit)) {
      out.push_back({id, file, line, hit,
                     fmt::format("match in {} holds none of the rule's requires [{}]", source,
                                 fmt::join(required, ", "))});
    }
    if (prefilter_misses(rules, maybe, index++, regex, text, limit)) {
      out.push_back(
          {id, file, line, text,
           fmt::format("the prefilter ruled out a text of {} where the rule matches", source)});
    }
  };
  for (const MetricRule& r : rules.metric_rules) check(r.id, r.file, r.line, r.regex, r.required);
  for (const PatternRule& p : rules.exclusions) check(p.id, p.file, p.line, p.regex, p.required);
  return out;
}

ExampleReport run_rule_examples(const RuleSet& rules) {
  ExampleReport report;
  auto fail = [&](const std::string& id, const std::string& file, int line, const std::string& text,
                  const std::string& problem) {
    report.failures.push_back({id, file, line, text, problem});
  };
  // A gated rule must see its literals in its own examples, and the gate must hold for every
  // match in any example text (a wrong gate fails here, not silently on a bulletin).
  auto check_gate = [&](const std::string& id, const std::string& file, int line,
                        const core::Regex& regex, const std::vector<std::string>& required,
                        const std::string& text, bool own_example, size_t filter_index) {
    if (prefilter_misses(rules, prefilter_answers(rules, text), filter_index, regex, text,
                         rules.layout.regex_time_limit)) {
      fail(id, file, line, text, "the prefilter rules this text out, but the rule matches it");
    }
    if (required.empty()) return;
    if (own_example && !holds_any(rules_text(rules, text), required)) {
      fail(id, file, line, text,
           fmt::format("the example holds none of the rule's requires [{}]",
                       fmt::join(required, ", ")));
    }
    const int limit = rules.layout.regex_time_limit;
    for (const std::string& hit : ungated_matches(rules, regex, required, text, limit)) {
      fail(id, file, line, text,
           fmt::format("match '{}' holds none of the rule's requires [{}]", hit,
                       fmt::join(required, ", ")));
    }
  };
  for (size_t i = 0; i < rules.metric_rules.size(); ++i) {
    const MetricRule& r = rules.metric_rules[i];
    for (const RuleExample& e : r.examples) {
      ++report.examples;
      check_gate(r.id, r.file, e.line, r.regex, r.required, e.text, true, i);
      const auto found = metrics_of(e.text, rules, r.context_year, {r.kind});
      std::string problem = "the rule made no metric; found" + describe(found);
      for (const Metric& m : found) {
        if (m.rule_id != r.id) continue;
        problem = mismatch(e.expect, m);
        if (problem.empty()) break;
      }
      if (!problem.empty()) fail(r.id, r.file, e.line, e.text, problem);
    }
    for (const std::string& text : r.counter_examples) {
      ++report.examples;
      check_gate(r.id, r.file, r.line, r.regex, r.required, text, false, i);
      std::vector<MetricKind> kinds;  // every kind but number, and the rule's own
      for (int k = 0; k <= static_cast<int>(MetricKind::kNumber); ++k) {
        const auto kind = static_cast<MetricKind>(k);
        if (kind != MetricKind::kProvince && (kind != MetricKind::kNumber || r.kind == kind)) {
          kinds.push_back(kind);
        }
      }
      const auto found = metrics_of(text, rules, r.context_year, kinds);
      if (!found.empty())
        fail(r.id, r.file, r.line, text, "counter-example gave" + describe(found));
    }
  }
  // A token rule reads what the regex it replaced read (its oracle_pattern), on every example
  // and counter-example of rules/.
  std::vector<std::string> all_texts;
  for (const MetricRule& r : rules.metric_rules) {
    for (const RuleExample& e : r.examples) all_texts.push_back(e.text);
    all_texts.insert(all_texts.end(), r.counter_examples.begin(), r.counter_examples.end());
  }
  for (const PatternRule& p : rules.exclusions) {
    all_texts.insert(all_texts.end(), p.examples.begin(), p.examples.end());
  }
  for (const MetricRule& r : rules.metric_rules) {
    if (!r.tokens || !r.has_oracle) continue;
    for (const std::string& text : all_texts) {
      ++report.examples;
      const std::string diff = oracle_difference(rules, r, text);
      if (!diff.empty()) fail(r.id, r.file, r.line, text, diff);
    }
  }
  // And so does a token exclusion (compared as a rule of its own).
  for (const PatternRule& p : rules.exclusions) {
    if (!p.tokens || !p.has_oracle) continue;
    MetricRule r;
    r.id = p.id;
    r.tokens = p.tokens;
    r.regex = p.regex;
    r.has_oracle = true;
    for (const std::string& text : all_texts) {
      ++report.examples;
      const std::string diff = oracle_difference(rules, r, text);
      if (!diff.empty()) fail(p.id, p.file, p.line, text, diff);
    }
  }
  for (size_t i = 0; i < rules.exclusions.size(); ++i) {
    const PatternRule& p = rules.exclusions[i];
    for (const std::string& text : p.examples) {
      ++report.examples;
      check_gate(p.id, p.file, p.line, p.regex, p.required, text, true,
                 rules.metric_rules.size() + i);
      const auto found = metrics_of(text, rules, 0, {});
      std::vector<Metric> figures;
      for (const Metric& m : found) {
        if (m.kind != MetricKind::kProvince) figures.push_back(m);
      }
      if (!figures.empty())
        fail(p.id, p.file, p.line, text, "excluded text gave" + describe(figures));
    }
  }
  for (const PatternRule& p : rules.place_exclusions) {
    for (const std::string& text : p.examples) {
      ++report.examples;
      const auto found = metrics_of(text, rules, 0, {MetricKind::kProvince});
      if (!found.empty()) fail(p.id, p.file, p.line, text, "excluded text gave" + describe(found));
    }
  }
  const int limit = rules.layout.regex_time_limit;
  for (const auto* list : {&rules.structure.sections, &rules.structure.points}) {
    for (const PatternRule& p : *list) {
      for (const std::string& text : p.examples) {
        ++report.examples;
        core::Match m(p.regex, rules_text(rules, text), limit);
        if (!m.looking_at()) fail(p.id, p.file, p.line, text, "pattern does not match its example");
      }
    }
  }
  // A forwarded title may stand anywhere in its example.
  for (const PatternRule& p : rules.official.forwards) {
    for (const std::string& text : p.examples) {
      ++report.examples;
      core::Match m(p.regex, rules_text(rules, text), limit);
      if (!m.find()) fail(p.id, p.file, p.line, text, "pattern does not match its example");
    }
  }
  return report;
}

}  // namespace jianbao
