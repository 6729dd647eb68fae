// Records written by parse/batch: record-schema (shape), record-stale (the source changed) and
// record-mismatch (parsing the source now gives something else, e.g. after a rule change).
#include <fmt/format.h>

#include "check/catalog.h"
#include "check/families.h"
#include "check/located_json.h"
#include "check/record_shape.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "jianbao/emit.h"
#include "jianbao/pipeline.h"

namespace jianbao::check {
namespace {

using Json = nlohmann::ordered_json;

struct Difference {
  std::string pointer;
  std::string message;
};

class Differ {
 public:
  explicit Differ(size_t max_quote) : max_quote_(max_quote) {}

  // Walks both trees; objects compare by key (order is not meaning), arrays by position. When
  // two arrays differ in length only the first differing element is named: one inserted metric
  // should not be reported as a change to every metric after it.
  void diff(const Json& had, const Json& now, const std::string& path) {
    if (had.is_object() && now.is_object()) {
      for (auto it = had.begin(); it != had.end(); ++it) {
        const std::string at = path + pointer_step(it.key());
        if (!now.contains(it.key())) {
          out.push_back({at, fmt::format("the record has '{}', parsing now gives none", it.key())});
        } else {
          diff(*it, now[it.key()], at);
        }
      }
      for (auto it = now.begin(); it != now.end(); ++it) {
        if (!had.contains(it.key())) {
          out.push_back({path, fmt::format("parsing now adds '{}': {}", it.key(), quote(*it))});
        }
      }
      return;
    }
    if (had.is_array() && now.is_array()) {
      if (had.size() == now.size()) {
        for (size_t i = 0; i < had.size(); ++i)
          diff(had[i], now[i], path + "/" + std::to_string(i));
        return;
      }
      size_t i = 0;
      while (i < had.size() && i < now.size() && same(had[i], now[i])) ++i;
      const std::string at = path + "/" + std::to_string(i);
      out.push_back(
          {i < had.size() ? at : path,
           fmt::format("the record has {} elements, parsing now gives {}; first difference "
                       "at [{}]: record {}, now {}",
                       had.size(), now.size(), i, i < had.size() ? quote(had[i]) : "none",
                       i < now.size() ? quote(now[i]) : "none")});
      return;
    }
    if (!same(had, now)) {
      out.push_back(
          {path, fmt::format("the record has {}, parsing now gives {}", quote(had), quote(now))});
    }
  }

  std::vector<Difference> out;

 private:
  static bool same(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
      if (a.size() != b.size()) return false;
      for (auto it = a.begin(); it != a.end(); ++it) {
        if (!b.contains(it.key()) || !same(*it, b[it.key()])) return false;
      }
      return true;
    }
    if (a.is_array()) {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!same(a[i], b[i])) return false;
      }
      return true;
    }
    return a == b;
  }

  std::string quote(const Json& v) const {
    const std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (core::count_code_points(s) <= max_quote_) return s;
    std::string cut;
    size_t pos = 0;
    for (size_t n = 0; n < max_quote_ && pos < s.size(); ++n)
      core::append_utf8(&cut, core::next_code_point(s, &pos));
    return cut + "...";
  }

  size_t max_quote_;
};

bool has_rule_ids(const Json& v) {
  if (v.is_object()) {
    if (v.contains("rule") && v.contains("kind") && v.contains("text")) return true;
    for (const auto& [k, child] : v.items()) {
      if (has_rule_ids(child)) return true;
    }
  } else if (v.is_array()) {
    for (const auto& child : v) {
      if (has_rule_ids(child)) return true;
    }
  }
  return false;
}

void compare_with_source(const std::string& file, const LocatedRecord& r,
                         const SourceReader& read_source, const Context& ctx) {
  const Json& rec = r.value;
  const std::string path = rec["source"]["path"].get<std::string>();
  const std::optional<std::string> bytes = read_source(path);
  if (!bytes) return;
  const std::string sha = core::sha256_hex(*bytes);
  if (sha != rec["source"]["sha256"].get<std::string>()) {
    const Location at = locate(r, "/source/sha256");
    ctx.add(ids::kRecordStale, file, at.line, at.column,
            fmt::format("{} changed since this record was written (sha256 now {}); parse it again",
                        path, sha));
    return;
  }
  if (!ctx.enabled(ids::kRecordMismatch)) return;
  ParseOptions options;
  if (rec["year"]["from"] == "option" && rec["year"]["value"].is_number_integer()) {
    options.metrics.fallback_year = rec["year"]["value"].get<int>();  // it was given with --date
  }
  auto doc = parse_bulletin(*bytes, path, ctx.rules, options);
  if (!doc.ok()) {
    const Location at = locate(r, "/source");
    ctx.add(ids::kRecordMismatch, file, at.line, at.column,
            fmt::format("{} can no longer be parsed: {}", path, doc.status().to_string()));
    return;
  }
  const Json now = emit::document_json(doc.value(), {.explain = has_rule_ids(rec)});
  Differ differ(static_cast<size_t>(ctx.config.param(ids::kRecordMismatch, "max_quote_chars")));
  differ.diff(rec, now, "");
  const size_t max = static_cast<size_t>(ctx.config.param(ids::kRecordMismatch, "max_differences"));
  for (size_t i = 0; i < differ.out.size() && i < max; ++i) {
    const Difference& d = differ.out[i];
    const Location at = locate(r, d.pointer);
    ctx.add(
        ids::kRecordMismatch, file, at.line, at.column,
        fmt::format("{}: {} (source {})", d.pointer.empty() ? "/" : d.pointer, d.message, path));
  }
  if (differ.out.size() > max) {
    const Location at = locate(r, "");
    ctx.add(ids::kRecordMismatch, file, at.line, at.column,
            fmt::format("{} more differences from parsing {} now", differ.out.size() - max, path));
  }
}

}  // namespace

std::vector<Finding> Checker::check_records(const std::string& file, const std::string& text,
                                            const SourceReader& read_source) const {
  std::vector<Finding> out;
  const Context ctx{rules_, config_, expect_, &out};
  auto records = read_records(file, text);
  if (!records.ok()) {
    const SourceLocation& w = records.status().where();
    ctx.add(ids::kRecordSchema, file, w.line, w.column, records.status().message());
    return out;
  }
  for (const LocatedRecord& r : records.value()) {
    if (r.error) {
      ctx.add(ids::kRecordSchema, file, r.error->where().line, r.error->where().column,
              r.error->message());
      continue;
    }
    const std::vector<ShapeProblem> problems = shape_problems(r.value);
    for (const ShapeProblem& p : problems) {
      const Location at = locate(r, p.pointer);
      ctx.add(ids::kRecordSchema, file, at.line, at.column,
              fmt::format("{}: {}", p.pointer.empty() ? "/" : p.pointer, p.message));
    }
    if (problems.empty() && r.value["schema"] == kBulletinSchema) {
      compare_with_source(file, r, read_source, ctx);
    }
  }
  sort_findings(&out);
  return out;
}

}  // namespace jianbao::check
