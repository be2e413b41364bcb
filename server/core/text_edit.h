// Applying byte-range edits to a text: one implementation shared by `check --fix`, the test
// helpers and anything else that needs to turn a Fix into new text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace dfls {

// Whether two edits touch the same bytes. Two insertions at one offset do not overlap; an
// insertion strictly inside a replaced range does.
bool edits_overlap(const TextEdit& a, const TextEdit& b);

// Whether any two edits of a list overlap, or one reaches past text_size.
bool edits_conflict(const std::vector<TextEdit>& edits, size_t text_size);

// Applies edits given in any order and relative to the original text. Insertions at the same
// offset keep their order in the list. Throws std::invalid_argument when edits_conflict says so.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

// Where an offset of the original text lands after the edits: unchanged before them, shifted
// after them (text inserted at the offset itself pushes it right), and at the start of the
// replacement when it falls inside a replaced range.
size_t map_offset(size_t offset, const std::vector<TextEdit>& edits);

// The line break a file uses: the first one found, "\n" when it has none.
std::string_view line_ending_of(std::string_view text);

}  // namespace dfls
