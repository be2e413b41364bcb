// Internal to hover: the markdown for document facts (variables, stages, image references).
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "core/model/model.h"

namespace dfls::hover_detail {

// A variable reference: the declaration in effect (or nullptr when none is) and its value.
std::string variable_markdown(const Document& doc, std::string_view name, const model::VarDecl* decl,
                              bool declaration);
// A stage: base, index, platform, and the instructions of other stages that use it.
std::string stage_markdown(const Document& doc, const model::Stage& stage);
// An image reference as written (variables expanded when `resolved` differs): catalog facts when
// the catalog knows the image, else the reference's parts.
std::string image_reference_markdown(std::string_view written, std::string_view resolved);

}  // namespace dfls::hover_detail
