// StageUsedBeforeDefinition: a stage refers to a stage defined after it (`COPY --from=later`,
// `RUN --mount=from=later`, `FROM later`). BuildKit only sees earlier stages: COPY and mounts
// fail ("needs to be defined before current stage"), and FROM treats the name as an image to
// pull. Move the used stage above.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_stage_used_before_definition(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::StageRef& ref : m.stage_refs) {
    if (!ref.forward || ref.target < 0 || ref.target == ref.stage) continue;
    const model::Stage& target = m.stages[ref.target];
    std::string line = std::to_string(rules::line_number(ctx.doc, m.instructions[target.from_instruction].span.start));
    std::string what = target.name.empty() ? "stage " + std::to_string(target.index) : "stage '" + target.name + "'";
    std::string msg = ref.kind == model::StageRefKind::FromBase
                          ? what + " is defined later (line " + line + "), so FROM pulls an image of that name instead"
                          : what + " is defined later (line " + line + "): a stage can only use stages defined before it";
    Diag& d = ctx.report(ref.span, msg);
    d.related.push_back({target.name_span.empty() ? m.instructions[target.from_instruction].keyword_span : target.name_span,
                         "the stage is defined here"});
  }
}

}  // namespace

extern const Rule kRuleStageUsedBeforeDefinition = {
    .id = "StageUsedBeforeDefinition",
    .default_severity = Severity::Error,
    .summary = "A stage refers to a stage defined after it",
    .check = check_stage_used_before_definition,
};

}  // namespace dfls
