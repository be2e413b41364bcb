// NoFromInstruction: the file has instructions but no FROM, so there is no stage to build. With
// only ARGs BuildKit finds no stage to build; with other instructions it stops at the first one
// ("no build stage in current context").
#include <algorithm>

#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_no_from_instruction(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  if (m.instructions.empty() || !m.stages.empty()) return;
  bool only_args = std::all_of(m.instructions.begin(), m.instructions.end(),
                               [](const model::Instruction& i) { return i.kind == model::Kind::Arg; });
  const model::Instruction& first = m.instructions.front();
  ctx.report(first.keyword_span, only_args ? "the file has only ARG instructions: add a FROM to build something"
                                           : "the file has no FROM instruction, so there is no stage to build");
}

}  // namespace

extern const Rule kRuleNoFromInstruction = {
    .id = "NoFromInstruction",
    .default_severity = Severity::Error,
    .summary = "The file has no FROM instruction",
    .rcjsuen_code = "20",
    .check = check_no_from_instruction,
};

}  // namespace dfls
