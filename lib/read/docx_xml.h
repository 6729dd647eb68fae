// Parsing one XML part of a DOCX package, with the limits a hostile file meets (issue 14).
#pragma once

#include <pugixml.hpp>
#include <string>

#include "jianbao/status.h"

namespace jianbao {
struct ReadRules;
}

namespace jianbao::read {

// Parses `xml`, the part `name` of the DOCX `path`, into *doc. Refused with kBadInput naming the
// file, the part and the byte offset: bad XML; a DOCTYPE (Office Open XML allows none, and a DTD
// is where entity expansion bombs and external entities live; pugixml would skip it and expand
// nothing, but a file that carries one is not a Word file); elements nested deeper than
// rules.max_xml_depth (the reader's walk over tables, content controls and text boxes recurses).
Status parse_part_xml(const std::string& xml, const std::string& name, const std::string& path,
                      const ReadRules& rules, pugi::xml_document* doc);

// The w:val attribute of a WordprocessingML element ("" when absent).
inline std::string w_val(const pugi::xml_node& n) { return n.attribute("w:val").as_string(); }

}  // namespace jianbao::read
