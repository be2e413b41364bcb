// StageSelfReference: a stage refers to itself (`COPY --from=build` inside the stage named build,
// or `FROM build AS build`). BuildKit reports a circular dependency for COPY and mounts, and
// reads `FROM x AS x` as an image named x.
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_stage_self_reference(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::StageRef& ref : m.stage_refs) {
    if (ref.target < 0 || ref.target != ref.stage) continue;
    const model::Instruction& ins = m.instructions[ref.instruction];
    if (ins.inside_onbuild) continue;  // Triggers run in a later build, from another stage.
    std::string what = ref.text;
    ctx.report(ref.span, ref.kind == model::StageRefKind::FromBase
                             ? "FROM " + what + " names the stage being defined, so it is pulled as an image instead"
                             : "'" + what + "' is the current stage: a stage cannot copy or mount from itself");
  }
}

}  // namespace

extern const Rule kRuleStageSelfReference = {
    .id = "StageSelfReference",
    .default_severity = Severity::Error,
    .summary = "A stage refers to itself",
    .hadolint_code = "DL3023",
    .check = check_stage_self_reference,
};

}  // namespace dfls
