// ArgUsedBeforeDeclaration: a RUN command uses a variable that the same stage declares with ARG
// only further down. A stage's ARG takes effect from its own line on, so the variable is empty
// at this point. (Where the builder expands the variable, UndefinedVar reports it, with the same
// hint.)
#include <map>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_arg_used_before_declaration(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::map<std::string_view, std::vector<const model::VarDecl*>> stage_args;
  for (const model::VarDecl& d : m.decls)
    if (d.kind == model::VarKind::Arg) stage_args[d.name].push_back(&d);
  for (const model::VarRef& ref : m.refs) {
    if (ref.builder_expanded || ref.stage < 0 || ref.decl >= 0 || ref.instruction < 0) continue;
    const model::Instruction& ins = m.instructions[ref.instruction];
    if (ins.kind != model::Kind::Run || ins.inside_onbuild) continue;
    if (rules::base_image_defines(m, ref.stage, ref.name)) continue;
    const model::VarDecl* later = nullptr;
    if (auto it = stage_args.find(ref.name); it != stage_args.end())
      for (const model::VarDecl* d : it->second)
        if (d->stage == ref.stage && d->instruction > ref.instruction) {
          later = d;
          break;
        }
    if (!later) continue;
    Diag& d = ctx.report(ref.name_span, "'" + ref.name + "' is used before its ARG on line " +
                                            std::to_string(rules::line_number(ctx.doc, later->name_span.start)) +
                                            ", so it is empty here");
    d.related.push_back({later->name_span, "the ARG declaration"});
  }
}

}  // namespace

extern const Rule kRuleArgUsedBeforeDeclaration = {
    .id = "ArgUsedBeforeDeclaration",
    .default_severity = Severity::Warning,
    .summary = "A RUN uses a variable before the stage's ARG declares it",
    .check = check_arg_used_before_declaration,
};

}  // namespace dfls
