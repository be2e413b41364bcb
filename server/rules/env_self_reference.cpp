// EnvSelfReference (hadolint DL3044): an ENV uses a variable that the same ENV sets earlier
// (`ENV A=1 B=$A`). BuildKit expands the whole instruction before it sets anything, so `$A` is
// the value A had before this ENV (often empty), not the one just written. Split the ENV in two.
// A variable referring to its own old value (`ENV PATH=/opt/bin:$PATH`) is fine and not reported.
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_env_self_reference(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::VarRef& ref : m.refs) {
    if (ref.instruction < 0) continue;
    const model::Instruction& ins = m.instructions[ref.instruction];
    if (ins.kind != model::Kind::Env) continue;
    // The pair holding the reference, and the pairs before it.
    size_t holder = ins.pairs.size();
    for (size_t k = 0; k < ins.pairs.size(); ++k)
      if (ins.pairs[k].span.start <= ref.span.start && ref.span.end <= ins.pairs[k].span.end) holder = k;
    if (holder == ins.pairs.size() || ins.pairs[holder].key == ref.name) continue;
    for (size_t k = 0; k < holder; ++k)
      if (ins.pairs[k].key == ref.name) {
        ctx.report(ref.span, "'" + ref.name + "' is set by this same ENV, but $" + ref.name +
                                 " still has its value from before it: split the ENV");
        break;
      }
  }
}

}  // namespace

extern const Rule kRuleEnvSelfReference = {
    .id = "EnvSelfReference",
    .default_severity = Severity::Error,
    .summary = "ENV uses a variable set in the same ENV",
    .hadolint_code = "DL3044",
    .check = check_env_self_reference,
};

}  // namespace dfls
