// MaintainerDeprecated (BuildKit): the MAINTAINER instruction is deprecated. The standard label
// `org.opencontainers.image.authors` says the same thing and is what tools read.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// A double-quoted value for an instruction argument, escaping what BuildKit's quote processing
// would otherwise interpret.
std::string quoted_value(std::string_view v, char escape) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '$' || c == escape) out.push_back(escape);
    out.push_back(c);
  }
  return out + "\"";
}

void check_maintainer_deprecated(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Maintainer || ins.inside_onbuild) continue;
    Diag& d = ctx.report(ins.keyword_span, "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors");
    d.tags.push_back(DiagTag::Deprecated);
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    std::string_view who = rules::trim(line.rest());
    if (who.empty() || !ins.heredocs.empty()) continue;
    std::string label = (rules::is_all_lower(ins.keyword) ? "label" : "LABEL");
    label += " org.opencontainers.image.authors=" + quoted_value(who, m.escape);
    d.fixes.push_back(Fix{.title = "Replace with LABEL org.opencontainers.image.authors",
                          .edits = {{{ins.span.start, line.line.offsets.back()}, label}},
                          .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleMaintainerDeprecated = {
    .id = "MaintainerDeprecated",
    .default_severity = Severity::Warning,
    .summary = "MAINTAINER is deprecated",
    .hadolint_code = "DL4000",
    .rcjsuen_code = "45",
    .check = check_maintainer_deprecated,
    .buildkit_name = "MaintainerDeprecated",
};

}  // namespace dfls
