// YAML scalars, as to_yaml and YamlWriter write them.
#pragma once

#include <string>

namespace jianbao::emit {

// `raw` plain when a YAML 1.1 reader (PyYAML) reads it back as the same string, else
// double-quoted with escapes; invalid UTF-8 is escaped first (core/byte_names.h).
void append_yaml_scalar(std::string* out, const std::string& raw);

// A double as the JSON outputs print it, with ".0" before an exponent that has no '.'.
void append_yaml_real(std::string* out, double v);

}  // namespace jianbao::emit
