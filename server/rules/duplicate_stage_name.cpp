// DuplicateStageName (BuildKit): two stages with the same name (names compare in lowercase). The
// later definition is reported; references then resolve to the first one, or the build fails.
#include <map>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_duplicate_stage_name(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::map<std::string, const model::Stage*, std::less<>> first;
  for (const model::Stage& st : m.stages) {
    if (st.name.empty()) continue;
    auto [it, inserted] = first.emplace(st.name, &st);
    if (inserted) continue;
    Diag& d = ctx.report(st.name_span, "stage name '" + st.name + "' is already used by the stage on line " +
                                           std::to_string(rules::line_number(ctx.doc, it->second->name_span.start)));
    d.related.push_back({it->second->name_span, "first stage named '" + st.name + "'"});
  }
}

}  // namespace

extern const Rule kRuleDuplicateStageName = {
    .id = "DuplicateStageName",
    .default_severity = Severity::Warning,
    .summary = "Two stages have the same name",
    .hadolint_code = "DL3024",
    .rcjsuen_code = "10",
    .check = check_duplicate_stage_name,
    .buildkit_name = "DuplicateStageName",
};

}  // namespace dfls
