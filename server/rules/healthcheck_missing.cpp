// HealthcheckMissing (hadolint DL3057; off by default): the image the build produces has no
// HEALTHCHECK, in its final stage or in the stages that stage is built FROM. Without one, Docker
// and orchestrators that use it (Compose, Swarm) only know whether the process runs, not whether
// it answers. `HEALTHCHECK NONE` counts as a decision and silences the rule. A base image from a
// registry may define a health check that this file does not show, hence off by default.
#include "core/config.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_healthcheck_missing(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<int> chain = shell_rules::final_chain(m, ctx.config.target.value_or(""));
  if (chain.empty()) return;
  for (int s : chain)
    for (int i : m.stages[s].instructions)
      if (m.instructions[i].kind == model::Kind::Healthcheck && !m.instructions[i].inside_onbuild) return;
  const model::Stage& final = m.stages[chain.front()];
  if (final.from_instruction < 0) return;
  ctx.report(m.instructions[final.from_instruction].keyword_span, "the image has no HEALTHCHECK");
}

}  // namespace

extern const Rule kRuleHealthcheckMissing = {
    .id = "HealthcheckMissing",
    .default_severity = Severity::Info,
    .summary = "No HEALTHCHECK in the image",
    .hadolint_code = "DL3057",
    .check = check_healthcheck_missing,
    .enabled_by_default = false,
};

}  // namespace dfls
