// UndefinedStage: `COPY --from=name` or `RUN --mount=from=name` where name is no stage of this
// file and does not look like an image either (no "/", ":", "@" or "." and not a well-known image
// such as nginx or alpine). BuildKit would try to pull an image of that name, which is rarely
// what a short lowercase word means: usually a misspelt stage. (A named build context given with
// `--build-context name=...` is also possible; suppress the finding then.)
#include "core/model/model.h"
#include "core/text_distance.h"
#include "images/catalog.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_undefined_stage(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<std::string> names;
  for (const model::Stage& st : m.stages)
    if (!st.name.empty()) names.push_back(st.name);
  for (const model::StageRef& ref : m.stage_refs) {
    if (ref.kind == model::StageRefKind::FromBase || ref.target >= 0 || ref.numeric || ref.text.empty()) continue;
    if (ref.text.find_first_of("/:@.$") != std::string::npos) continue;
    std::string lower = rules::to_lower(ref.text);
    if (lower == "scratch" || lower == "context") continue;
    auto suggestion = closest_match(ref.text, names, true);
    if (!suggestion && images::Catalog::embedded().find(lower)) continue;
    Diag& d = ctx.report(ref.span, "no stage is named '" + ref.text + "'; it would be pulled as the image docker.io/library/" +
                                       lower + rules::did_you_mean(suggestion));
    if (suggestion)
      d.fixes.push_back(Fix{.title = "Change to " + *suggestion, .edits = {{ref.span, *suggestion}}, .safe = false,
                            .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleUndefinedStage = {
    .id = "UndefinedStage",
    .default_severity = Severity::Error,
    .summary = "COPY --from or a mount's from= names no stage",
    .hadolint_code = "DL3022",
    .check = check_undefined_stage,
};

}  // namespace dfls
