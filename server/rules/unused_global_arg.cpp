// UnusedGlobalArg: an ARG before the first FROM that no FROM line (nor another global ARG) uses
// and no stage redeclares. Global ARGs are visible only to FROM lines; a stage sees one only
// after `ARG NAME` inside it, so an unused global ARG is usually a forgotten redeclaration.
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_unused_global_arg(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<bool> used(m.decls.size(), false);
  for (const model::VarRef& ref : m.refs)
    if (ref.decl >= 0) used[ref.decl] = true;
  for (size_t i = 0; i < m.decls.size(); ++i) {
    const model::VarDecl& d = m.decls[i];
    if (d.kind != model::VarKind::GlobalArg || used[i] || model::is_predefined_arg(d.name) || d.name_span.empty()) continue;
    bool redeclared = false;
    for (const model::VarDecl& other : m.decls)
      if (other.kind == model::VarKind::Arg && other.name == d.name) redeclared = true;
    if (redeclared) continue;
    Diag& diag = ctx.report(d.name_span, "global ARG " + d.name +
                                             " is not used by any FROM and no stage redeclares it with ARG " + d.name);
    diag.tags.push_back(DiagTag::Unnecessary);
  }
}

}  // namespace

extern const Rule kRuleUnusedGlobalArg = {
    .id = "UnusedGlobalArg",
    .default_severity = Severity::Hint,
    .summary = "A global ARG that nothing uses",
    .check = check_unused_global_arg,
};

}  // namespace dfls
