// StageIndexOutOfRange: `COPY --from=<number>` with an index past the last stage. Stages count
// from 0 in file order; BuildKit stops with "invalid stage index".
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_stage_index_out_of_range(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::StageRef& ref : m.stage_refs) {
    if (!ref.numeric || ref.target >= 0) continue;
    size_t n = m.stages.size();
    ctx.report(ref.span, "stage index " + ref.text + " is out of range: the file has " + std::to_string(n) +
                             (n == 1 ? " stage (index 0)" : " stages (0 to " + std::to_string(n == 0 ? 0 : n - 1) + ")"));
  }
}

}  // namespace

extern const Rule kRuleStageIndexOutOfRange = {
    .id = "StageIndexOutOfRange",
    .default_severity = Severity::Error,
    .summary = "COPY --from=<index> past the last stage",
    .check = check_stage_index_out_of_range,
};

}  // namespace dfls
