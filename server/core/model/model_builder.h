// Internal to the model: the builder that fills a Model from a syntax tree in passes
// (instructions, stages, variables, stage references). Not for use outside core/model.
#pragma once

#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace dfls::model {

class ModelBuilder {
 public:
  explicit ModelBuilder(std::string_view text) : text_(text) {}
  Model build(syntax::Node root);

  // Passes, each in its own file.
  void read_instruction(syntax::Node node, bool inside_onbuild);  // instructions.cpp
  void assign_stages();                                            // stages.cpp
  void resolve_stage_refs();                                       // stages.cpp
  void resolve_variables();                                        // variables.cpp

 private:
  void read_directives(syntax::Node root);
  void pending_comments_into(int instruction);

  std::string_view text_;
  Model model_;
  std::vector<size_t> pending_comments_;
};

}  // namespace dfls::model
