// A model look-up shared by completion, hover and signature help: where an offset falls among the
// instructions, by binary search (the stage there: Model::stage_at; the declarations in scope:
// Model::visible_in).
#pragma once

#include <cstddef>

#include "core/model/model.h"

namespace dfls {

// Binary search over the model's instructions (sorted by start): the index of the first
// instruction starting at or after offset.
int instructions_before(const model::Model& m, size_t offset);

}  // namespace dfls
