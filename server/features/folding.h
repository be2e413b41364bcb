// Folding ranges: stages, instructions spanning several lines, heredoc bodies and blocks of
// consecutive comment lines.
#pragma once

#include <vector>

#include "core/document.h"

namespace dfls {

enum class FoldKind { Region, Comment };

struct FoldingRange {
  size_t start_line = 0;
  size_t end_line = 0;
  FoldKind kind = FoldKind::Region;
  friend bool operator==(const FoldingRange&, const FoldingRange&) = default;
};

std::vector<FoldingRange> folding_ranges(const Document& doc);

}  // namespace dfls
