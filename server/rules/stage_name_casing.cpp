// StageNameCasing (BuildKit): a stage name written with uppercase letters. BuildKit stores stage
// names in lowercase, so `FROM golang AS Builder` defines `builder`; writing it in lowercase keeps
// the definition and its uses (`COPY --from=builder`, `--target builder`) looking the same.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_stage_name_casing(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Stage& st : m.stages) {
    if (st.name_span.empty() || rules::is_all_lower(st.original_name)) continue;
    Diag& d = ctx.report(st.name_span, "stage name '" + st.original_name + "' should be lowercase");
    Fix fix{.title = "Rename the stage to '" + st.name + "'"};
    fix.edits.push_back({st.name_span, st.name});
    // Uses written with other casing follow, when they are literal text.
    for (const model::StageRef& ref : m.stage_refs) {
      if (ref.target != st.index || ref.span.empty()) continue;
      std::string_view written = text.substr(ref.span.start, ref.span.size());
      if (written == ref.text && written != st.name) fix.edits.push_back({ref.span, st.name});
    }
    fix.preferred = true;
    d.fixes.push_back(std::move(fix));
  }
}

}  // namespace

extern const Rule kRuleStageNameCasing = {
    .id = "StageNameCasing",
    .default_severity = Severity::Warning,
    .summary = "Stage names should be lowercase",
    .check = check_stage_name_casing,
    .buildkit_name = "StageNameCasing",
};

}  // namespace dfls
