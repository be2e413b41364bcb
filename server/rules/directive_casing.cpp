// DirectiveCasing: a parser directive name not written in lowercase (`# ESCAPE=`). BuildKit reads
// directive names in any case, but the convention is lowercase.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_directive_casing(RuleContext& ctx) {
  std::string_view text = ctx.text();
  for (const model::Directive& d : ctx.doc.model().directives) {
    if (d.name_span.empty()) continue;
    std::string_view written = rules::trim(text.substr(d.name_span.start, d.name_span.size()));
    if (rules::is_all_lower(written)) continue;
    size_t start = d.name_span.start + static_cast<size_t>(text.substr(d.name_span.start).find(written));
    ByteRange range{start, start + written.size()};
    Diag& diag = ctx.report(range, "directive names are written in lowercase: '" + rules::to_lower(written) + "'");
    diag.fixes.push_back(Fix{.title = "Write '" + rules::to_lower(written) + "'",
                             .edits = {{range, rules::to_lower(written)}}, .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleDirectiveCasing = {
    .id = "DirectiveCasing",
    .default_severity = Severity::Info,
    .summary = "Parser directive names should be lowercase",
    .rcjsuen_code = "1",
    .check = check_directive_casing,
};

}  // namespace dfls
