// UndefinedArgInFrom (BuildKit): a FROM line (image or --platform) uses a variable that is not a
// global ARG declared before it, nor one of the platform arguments BuildKit predefines
// (BUILDPLATFORM, TARGETARCH, ...). ARGs inside stages are not visible to FROM lines. As in
// BuildKit, `${NAME:-default}` counts as a use of NAME too.
#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_undefined_arg_in_from(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::VarRef& ref : m.refs) {
    if (!ref.in_from || ref.decl >= 0 || ref.instruction < 0 || ref.op == "?" || ref.op == ":?") continue;
    const model::Instruction& ins = m.instructions[ref.instruction];
    if (ins.inside_onbuild || errors.on_lines(ref.span)) continue;
    std::vector<std::string> candidates;
    const model::VarDecl* later = nullptr;
    const model::VarDecl* in_stage = nullptr;
    for (const model::VarDecl& d : m.decls) {
      if (d.kind == model::VarKind::GlobalArg && d.instruction < ref.instruction) candidates.push_back(d.name);
      if (d.kind == model::VarKind::Predefined && model::is_platform_arg(d.name)) candidates.push_back(d.name);
      if (d.name == ref.name && d.kind == model::VarKind::GlobalArg && d.instruction > ref.instruction && !later)
        later = &d;
      if (d.name == ref.name && d.kind == model::VarKind::Arg && !in_stage) in_stage = &d;
    }
    std::string msg = "'" + ref.name + "' is not declared as a global ARG before this FROM";
    std::optional<std::string> suggestion;
    if (ref.name.size() > 2) suggestion = closest_match(ref.name, candidates);
    if (later)
      msg += " (its ARG comes later, on line " + std::to_string(rules::line_number(ctx.doc, later->name_span.start)) + ")";
    else if (in_stage)
      msg += " (an ARG inside a stage is not visible to FROM lines)";
    else
      msg += rules::did_you_mean(suggestion);
    Diag& d = ctx.report(ref.name_span, msg);
    if (suggestion && !later)
      d.fixes.push_back(Fix{.title = "Change to " + *suggestion, .edits = {{ref.name_span, *suggestion}},
                            .safe = false, .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleUndefinedArgInFrom = {
    .id = "UndefinedArgInFrom",
    .default_severity = Severity::Warning,
    .summary = "A FROM line uses a variable that is not a global ARG",
    .rcjsuen_code = "51",
    .check = check_undefined_arg_in_from,
    .buildkit_name = "UndefinedArgInFrom",
};

}  // namespace dfls
