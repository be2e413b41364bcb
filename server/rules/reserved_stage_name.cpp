// ReservedStageName (BuildKit): a stage named `scratch` or `context`. Those names already mean
// something to BuildKit (the empty image, the build context), so the stage is confusing at best.
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_reserved_stage_name(RuleContext& ctx) {
  for (const model::Stage& st : ctx.doc.model().stages)
    if (st.name == "scratch" || st.name == "context")
      ctx.report(st.name_span, "'" + st.name + "' is a reserved name and should not name a stage");
}

}  // namespace

extern const Rule kRuleReservedStageName = {
    .id = "ReservedStageName",
    .default_severity = Severity::Warning,
    .summary = "A stage uses a reserved name (scratch, context)",
    .hadolint_code = "DL3063",
    .check = check_reserved_stage_name,
    .buildkit_name = "ReservedStageName",
};

}  // namespace dfls
