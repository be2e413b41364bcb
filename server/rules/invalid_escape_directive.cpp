// InvalidEscapeDirective: `# escape=` with a value other than a backslash or a backtick. BuildKit
// stops with "invalid escape token".
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_invalid_escape_directive(RuleContext& ctx) {
  for (const model::Directive& d : ctx.doc.model().directives) {
    if (d.name != "escape" || d.value.empty() || d.value == "\\" || d.value == "`") continue;
    Diag& diag = ctx.report(d.value_span, "invalid escape character '" + d.value + "': use \\ or `");
    diag.fixes.push_back(Fix{.title = "Use \\ (backslash)", .edits = {{d.value_span, "\\"}}, .safe = false});
    diag.fixes.push_back(Fix{.title = "Use ` (backtick)", .edits = {{d.value_span, "`"}}, .safe = false});
  }
}

}  // namespace

extern const Rule kRuleInvalidEscapeDirective = {
    .id = "InvalidEscapeDirective",
    .default_severity = Severity::Error,
    .summary = "The escape directive is not \\ or `",
    .rcjsuen_code = "21",
    .check = check_invalid_escape_directive,
};

}  // namespace dfls
