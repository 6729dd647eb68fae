#include "read/docx_xml.h"

#include <fmt/format.h>

#include <cctype>

#include "ruleset/rule_set.h"

namespace jianbao::read {
namespace {

// Where a DOCTYPE declaration starts in the prolog (before the root element), or npos.
size_t doctype_offset(const std::string& xml) {
  for (size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
    if (xml.compare(at, 9, "<!DOCTYPE") == 0) return at;
    const unsigned char next = at + 1 < xml.size() ? static_cast<unsigned char>(xml[at + 1]) : 0;
    if (std::isalpha(next) || next == '_' || next >= 0x80) return std::string::npos;  // the root
  }
  return std::string::npos;
}

// The deepest element nesting under `doc`, counted without recursion; stops past `limit`.
int element_depth(const pugi::xml_node& doc, int limit) {
  pugi::xml_node n = doc.first_child();
  int depth = 1;
  int deepest = n ? 1 : 0;
  while (n && n != doc) {
    if (n.type() == pugi::node_element && n.first_child()) {
      n = n.first_child();
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
      continue;
    }
    while (n && n != doc && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (n && n != doc) n = n.next_sibling();
  }
  return deepest;
}

}  // namespace

Status parse_part_xml(const std::string& xml, const std::string& name, const std::string& path,
                      const ReadRules& rules, pugi::xml_document* doc) {
  if (const size_t at = doctype_offset(xml); at != std::string::npos) {
    return Status::bad_input(
        fmt::format("DOCX part {} has a DOCTYPE, which Office Open XML does not allow (entity "
                    "definitions are not expanded): refused",
                    name),
        {.file = path, .byte_offset = static_cast<long long>(at)});
  }
  // Default options: entities other than the five predefined ones and character references stay
  // as written, and no file or URL is ever opened.
  const pugi::xml_parse_result parsed = doc->load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return Status::bad_input(fmt::format("DOCX part {}: bad XML: {}", name, parsed.description()),
                             {.file = path, .byte_offset = static_cast<long long>(parsed.offset)});
  }
  const int limit = static_cast<int>(rules.max_xml_depth);
  if (const int depth = element_depth(*doc, limit); depth > limit) {
    return Status::bad_input(
        fmt::format("DOCX part {} nests elements deeper than max_xml_depth {} (rules/read/"
                    "read.yaml)",
                    name, limit),
        {.file = path});
  }
  return Status();
}

}  // namespace jianbao::read
