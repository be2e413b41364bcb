// InvalidStageName: a stage name BuildKit rejects. After lowercasing, a name starts with a letter
// and holds only letters, digits, "-", "_" and ".".
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

bool valid_stage_name(std::string_view n) {
  if (n.empty() || !(n[0] >= 'a' && n[0] <= 'z')) return false;
  for (char c : n)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

void check_invalid_stage_name(RuleContext& ctx) {
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Stage& st : ctx.doc.model().stages) {
    if (st.name_span.empty() || valid_stage_name(st.name) || errors.on_lines(st.name_span)) continue;
    ctx.report(st.name_span, "invalid stage name '" + st.original_name +
                                 "': it must start with a letter and hold only letters, digits, '-', '_' and '.'");
  }
}

}  // namespace

extern const Rule kRuleInvalidStageName = {
    .id = "InvalidStageName",
    .default_severity = Severity::Error,
    .summary = "A stage name BuildKit rejects",
    .rcjsuen_code = "12",
    .check = check_invalid_stage_name,
};

}  // namespace dfls
