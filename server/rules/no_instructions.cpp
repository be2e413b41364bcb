// NoInstructions: the file is empty or holds only comments and directives. BuildKit stops with
// "file with no instructions".
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_no_instructions(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  if (!m.instructions.empty()) return;
  // A syntax error also leaves no instructions; SyntaxError says what is wrong then.
  if (ctx.doc.root() && ctx.doc.root().has_error()) return;
  ctx.report(rules::line_at(ctx.text(), 0), "the file has no instructions: a Dockerfile needs at least a FROM");
}

}  // namespace

extern const Rule kRuleNoInstructions = {
    .id = "NoInstructions",
    .default_severity = Severity::Error,
    .summary = "The file has no instructions",
    .rcjsuen_code = "20",
    .check = check_no_instructions,
};

}  // namespace dfls
