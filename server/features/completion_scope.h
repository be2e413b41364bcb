// Model look-ups shared by completion, hover and signature help, each a binary search or a walk
// over one stage chain, never over the whole file: the instruction and stage at an offset, and
// the ARG/ENV declarations in scope there.
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

// The ARG and ENV declarations in effect for a reference on the line of instruction `at` (an
// index as instructions_before gives), as Model::visible_at scopes them but without scanning the
// whole file: global ARGs (and the platform ARGs) on FROM lines or before the first FROM; else
// the predefined ARGs, then the declarations of the stage chain, nearest last.
std::vector<const model::VarDecl*> variables_in_scope(const model::Model& m, int at, int stage,
                                                      bool in_from_line);

}  // namespace dfls
