#include "ruleset/fragments.h"

#include <fmt/format.h>

#include <functional>

namespace jianbao::ruleset {
namespace {

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'); }

// Calls on_ref(name) for every {name} reference, copying everything else to out. Returns false
// when on_ref does.
bool substitute(const std::string& in, std::string* out,
                const std::function<bool(const std::string&, std::string*)>& on_ref) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    // An escaped brace (\{) is literal.
    if (in[i] == '\\' && i + 1 < in.size()) {
      out->push_back(in[i]);
      out->push_back(in[++i]);
      continue;
    }
    if (in[i] == '{' && i + 1 < in.size() && in[i + 1] >= 'a' && in[i + 1] <= 'z') {
      size_t j = i + 1;
      while (j < in.size() && is_name_char(in[j])) ++j;
      if (j < in.size() && in[j] == '}') {
        std::string value;
        if (!on_ref(in.substr(i + 1, j - i - 1), &value)) return false;
        out->append("(?:").append(value).append(")");
        i = j;
        continue;
      }
    }
    out->push_back(in[i]);
  }
  return true;
}

}  // namespace

Status Fragments::define(std::map<std::string, std::string> raw) {
  std::set<std::string> in_progress;
  std::string error;
  std::function<bool(const std::string&, std::string*)> resolve = [&](const std::string& name,
                                                                      std::string* value) -> bool {
    if (auto it = expanded_.find(name); it != expanded_.end()) {
      *value = it->second;
      used_.insert(name);
      return true;
    }
    auto raw_it = raw.find(name);
    if (raw_it == raw.end()) {
      error = fmt::format("unknown fragment '{{{}}}'", name);
      return false;
    }
    if (!in_progress.insert(name).second) {
      error = fmt::format("fragment '{}' refers to itself", name);
      return false;
    }
    std::string out;
    if (!substitute(raw_it->second, &out, resolve)) return false;
    in_progress.erase(name);
    expanded_[name] = out;
    used_.insert(name);
    *value = out;
    return true;
  };
  for (const auto& [name, pattern] : raw) {
    std::string ignored;
    if (!resolve(name, &ignored)) return Status::bad_rules(error);
  }
  used_.clear();
  // References between fragments count as uses.
  for (const auto& [name, pattern] : raw) {
    std::string ignored;
    substitute(pattern, &ignored, [&](const std::string& ref, std::string* v) {
      used_.insert(ref);
      *v = expanded_[ref];
      return true;
    });
  }
  return Status();
}

bool Fragments::expand(const std::string& pattern, std::string* out, std::string* unknown) {
  return substitute(pattern, out, [&](const std::string& name, std::string* value) {
    auto it = expanded_.find(name);
    if (it == expanded_.end()) {
      *unknown = name;
      return false;
    }
    used_.insert(name);
    *value = it->second;
    return true;
  });
}

std::set<std::string> Fragments::unused() const {
  std::set<std::string> out;
  for (const auto& [name, value] : expanded_) {
    if (!used_.count(name)) out.insert(name);
  }
  return out;
}

}  // namespace jianbao::ruleset
