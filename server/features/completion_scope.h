// Model look-ups shared by completion, hover and signature help, each a binary search: the
// instruction and stage at an offset (the declarations in scope there: Model::visible_in).
#pragma once

#include <cstddef>
#include <vector>

#include "core/model/model.h"

namespace dfls {

// Binary search over the model's instructions (sorted by start): the index of the first
// instruction starting at or after offset.
int instructions_before(const model::Model& m, size_t offset);
// The stage containing offset (the last one starting at or before it), or -1.
int stage_index_at(const model::Model& m, size_t offset);

}  // namespace dfls
