// PDF reading order: text boxes to lines. Boxes whose baselines agree form a row; rows are read
// top to bottom; on a page with two columns (a band of white space that splits enough rows),
// the rows that the band splits are read left column first, then right. Rows that cross the band
// (a title over both columns) keep their place.
#pragma once

#include <vector>

#include "read/read_types.h"

namespace jianbao {
struct ReadRules;
}

namespace jianbao::read {

// The lines of one page in reading order, with page, position and absolute font size set.
// `page_number` is 1-based.
std::vector<ReadLine> page_lines(const PdfPage& page, int page_number, const ReadRules& rules);

}  // namespace jianbao::read
