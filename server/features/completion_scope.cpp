#include "features/completion_scope.h"

#include <algorithm>
#include <string_view>

namespace dfls {

using model::Model;

int instructions_before(const Model& m, size_t offset) {
  auto it = std::lower_bound(m.instructions.begin(), m.instructions.end(), offset,
                             [](const model::Instruction& i, size_t o) { return i.span.start < o; });
  return static_cast<int>(it - m.instructions.begin());
}

int stage_index_at(const Model& m, size_t offset) {
  auto it = std::upper_bound(m.stages.begin(), m.stages.end(), offset,
                             [](size_t o, const model::Stage& s) { return o < s.span.start; });
  return static_cast<int>(it - m.stages.begin()) - 1;
}

}  // namespace dfls
