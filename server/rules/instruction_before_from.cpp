// InstructionBeforeFrom: an instruction other than ARG before the first FROM. There is no stage
// to run it in yet, and BuildKit stops with "no build stage in current context". (A file with no
// FROM at all is NoFromInstruction's.)
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_instruction_before_from(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  if (m.stages.empty()) return;
  for (const model::Instruction& ins : m.instructions) {
    if (ins.stage >= 0 || ins.inside_onbuild || ins.kind == model::Kind::Arg || ins.kind == model::Kind::Unknown) continue;
    if (ins.kind == model::Kind::From) continue;
    ctx.report(ins.keyword_span, rules::to_upper(ins.keyword) + " comes before the first FROM, where only ARG is allowed");
  }
}

}  // namespace

extern const Rule kRuleInstructionBeforeFrom = {
    .id = "InstructionBeforeFrom",
    .default_severity = Severity::Error,
    .summary = "An instruction other than ARG before the first FROM",
    .hadolint_code = "DL3061",
    .rcjsuen_code = "20",
    .check = check_instruction_before_from,
};

}  // namespace dfls
