// Hover: markdown about what is under the cursor. Instruction keywords (ONBUILD triggers too),
// flags and RUN --mount keys (value type, default, link to Docker's reference), mount types,
// variable references and ARG/ENV declarations (resolved value and the line that set it), stages
// (base image, index, the stages and instructions that use them), images (facts from the embedded
// catalog: description, size, shell, user, slimmer variants), parser directives and the rules
// named in `# check=`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

struct HoverResult {
  std::string markdown;
  ByteRange range;  // What the hover is about (the word, flag, name...).
};

std::optional<HoverResult> find_hover(const Document& doc, size_t offset);

}  // namespace dfls
