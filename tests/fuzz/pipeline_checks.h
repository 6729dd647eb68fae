// The invariants the parse fuzzer checks on every input, shared with the regression test that
// replays tests/fuzz/regressions/ (tests/regression/fuzz_regressions_test.cpp).
//
//   - decoding with a forced encoding yields valid UTF-8 lines without line ends or form feeds,
//     numbered 1, 2, 3, ...;
//   - parse_bulletin returns (a crash, sanitizer report or hang is caught by the harness);
//   - the JSON output parses back to the same tree;
//   - the YAML output parses back to the same tree, and no string is left as a plain scalar that
//     a YAML 1.2 (core schema) or YAML 1.1 reader would type as a number, bool, null or date;
//   - the output grows linearly: the JSON is at most kMaxOutputPerInputByte bytes per input byte
//     (plus kOutputSlack), so no input can blow up into gigabytes.
//
//   std::string broken = jianbao::fuzz::check_pipeline(bytes, rules);  // "" when all hold
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "jianbao/decode.h"
#include "jianbao/emit.h"
#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"

namespace jianbao::fuzz {
namespace detail {

using Json = nlohmann::ordered_json;

// The first broken invariant, as "what: detail".
struct Broken {
  std::string what;
};

inline std::string excerpt(const std::string& s) {
  constexpr size_t kMax = 2000;
  return s.size() <= kMax ? s : s.substr(0, kMax) + "...";
}

inline void check_decoded(const decode::DecodedText& text, const char* encoding) {
  int expected = 1;
  for (const decode::SourceLine& l : text.lines) {
    const std::string where = std::string(encoding) + " line " + std::to_string(l.number);
    if (l.number != expected++) throw Broken{"line numbers not consecutive: " + where};
    if (core::find_invalid_utf8(l.text) != std::string_view::npos) {
      throw Broken{"decoded line is not valid UTF-8: " + where};
    }
    if (l.text.find_first_of("\r\n\f") != std::string::npos) {
      throw Broken{"decoded line holds a line end or form feed: " + where};
    }
  }
}

// Plain scalars that YAML 1.2's core schema, or YAML 1.1 (still the default of PyYAML and many
// other readers), resolves to something other than a string.
inline bool plain_scalar_is_typed(const std::string& s) {
  // Typed scalars are short; std::regex recurses per character, so long text is left out.
  constexpr size_t kLongest = 64;
  if (s.empty()) return true;
  if (s.size() > kLongest) return false;
  static const std::regex typed(
      "~|null|Null|NULL|true|True|TRUE|false|False|FALSE|"
      "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|"
      "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+|"
      "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|"
      "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|"
      "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
  return std::regex_match(s, typed);
}

inline void compare(const Json& j, const YAML::Node& y, const std::string& path) {
  switch (j.type()) {
    case Json::value_t::object:
      if (!y.IsMap() || y.size() != j.size())
        throw Broken{"YAML mapping differs from JSON: " + path};
      for (const auto& [key, value] : j.items()) {
        const YAML::Node child = y[key];
        if (!child.IsDefined()) throw Broken{"YAML lacks a key: " + path + "." + key};
        compare(value, child, path + "." + key);
      }
      break;
    case Json::value_t::array:
      if (!y.IsSequence() || y.size() != j.size()) {
        throw Broken{"YAML sequence differs from JSON: " + path};
      }
      for (size_t i = 0; i < j.size(); ++i) {
        compare(j[i], y[i], path + "[" + std::to_string(i) + "]");
      }
      break;
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      if (!y.IsScalar()) throw Broken{"YAML string is not a scalar: " + path};
      if (y.Scalar() != s) {
        throw Broken{"YAML string differs: " + path + ": '" + excerpt(s) + "' became '" +
                     excerpt(y.Scalar()) + "'"};
      }
      if (y.Tag() == "?" && plain_scalar_is_typed(s)) {
        throw Broken{"YAML string left plain reads as a typed value: " + path + ": '" + s + "'"};
      }
      break;
    }
    case Json::value_t::null:
      if (!y.IsNull() && !(y.IsScalar() && (y.Scalar() == "~" || y.Scalar() == "null"))) {
        throw Broken{"YAML null differs: " + path};
      }
      break;
    default:  // numbers and booleans: a plain scalar that reads as the same value
      if (!y.IsScalar() || y.Tag() != "?" || !plain_scalar_is_typed(y.Scalar())) {
        throw Broken{"YAML number or bool is not a typed plain scalar: " + path + ": " + j.dump()};
      }
      if (j.is_number() && std::strtod(y.Scalar().c_str(), nullptr) != j.get<double>()) {
        throw Broken{"YAML number differs: " + path + ": " + j.dump() + " became " + y.Scalar()};
      }
  }
}

// A metric-dense bulletin gives a few hundred bytes of JSON per input byte; more means some
// field grows with the square of the input (a sentence copied into every metric, say).
constexpr size_t kMaxOutputPerInputByte = 1000;
constexpr size_t kOutputSlack = 1 << 20;

inline void emit_and_reparse(const Document& doc, size_t input_bytes, bool explain) {
  const Json tree = emit::document_json(doc, {.explain = explain});
  const std::string json = emit::emit_documents({tree}, emit::Format::kJson);
  if (json.size() > kMaxOutputPerInputByte * input_bytes + kOutputSlack) {
    throw Broken{"JSON output of " + std::to_string(json.size()) + " bytes for " +
                 std::to_string(input_bytes) + " input bytes"};
  }
  const std::string yaml = emit::emit_documents({tree}, emit::Format::kYaml);
  const Json reparsed = Json::parse(json, nullptr, false);
  if (reparsed.is_discarded()) throw Broken{"JSON output does not parse:\n" + excerpt(json)};
  if (reparsed != tree) throw Broken{"JSON output parses to another tree:\n" + excerpt(json)};
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(yaml);
  } catch (const YAML::Exception& e) {
    throw Broken{"YAML output does not parse: " + std::string(e.what()) + "\n" + excerpt(yaml)};
  }
  if (docs.size() != 1) throw Broken{"YAML output is not one document:\n" + excerpt(yaml)};
  compare(tree, docs[0], "");
}

}  // namespace detail

// Runs every stage over `bytes` and checks the invariants above. Returns "" when they hold,
// else a description of the first that does not.
inline std::string check_pipeline(std::string_view bytes, const RuleSet& rules) {
  try {
    // The detected encoding runs inside parse_bulletin; the forced ones are cheap and cover the
    // ICU conversion code with every input.
    for (const char* encoding : {"utf-8", "gb18030", "utf-16le", "utf-16be"}) {
      auto d = decode::decode_bytes(bytes, "fuzz.txt", {.encoding = encoding});
      if (d.ok()) detail::check_decoded(d.value(), encoding);
    }
    auto doc = parse_bulletin(bytes, "fuzz.txt", rules, {});
    if (!doc.ok()) return "";
    detail::emit_and_reparse(doc.value(), bytes.size(), false);
    detail::emit_and_reparse(doc.value(), bytes.size(), true);
  } catch (const detail::Broken& b) {
    return b.what;
  }
  return "";
}

}  // namespace jianbao::fuzz
