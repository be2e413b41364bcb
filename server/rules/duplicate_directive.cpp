// DuplicateDirective: a parser directive (syntax, escape, check) given twice at the top of the
// file. BuildKit stops with "only one ... parser directive can be used".
#include <map>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_duplicate_directive(RuleContext& ctx) {
  std::map<std::string, const model::Directive*, std::less<>> first;
  for (const model::Directive& d : ctx.doc.model().directives) {
    if (d.name.empty()) continue;
    auto [it, inserted] = first.emplace(d.name, &d);
    if (inserted) continue;
    bool same = it->second->value == d.value;
    Diag& diag = ctx.report(d.span, "only one " + d.name + " directive is allowed");
    diag.related.push_back({it->second->span, "first " + d.name + " directive"});
    if (same) diag.tags.push_back(DiagTag::Unnecessary);
    diag.fixes.push_back(Fix{.title = "Remove this directive",
                             .edits = {{rules::whole_lines(ctx.text(), d.span.start, d.span.end), ""}},
                             .safe = same});
  }
}

}  // namespace

extern const Rule kRuleDuplicateDirective = {
    .id = "DuplicateDirective",
    .default_severity = Severity::Error,
    .summary = "A parser directive appears twice",
    .rcjsuen_code = "52",
    .check = check_duplicate_directive,
};

}  // namespace dfls
