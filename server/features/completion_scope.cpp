#include "features/completion_scope.h"

#include <algorithm>

namespace dfls {

using model::Model;

int instructions_before(const Model& m, size_t offset) {
  auto it = std::lower_bound(m.instructions.begin(), m.instructions.end(), offset,
                             [](const model::Instruction& i, size_t o) { return i.span.start < o; });
  return static_cast<int>(it - m.instructions.begin());
}

}  // namespace dfls
