// RedundantTargetPlatform (BuildKit): `FROM --platform=$TARGETPLATFORM`. The target platform is
// what FROM pulls anyway, so the flag only adds noise.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_redundant_target_platform(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::From || ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      if (f.name != "platform" || !f.value) continue;
      if (*f.value != "$TARGETPLATFORM" && *f.value != "${TARGETPLATFORM}") continue;
      Diag& d = ctx.report(f.span, "--platform=" + *f.value + " is redundant: FROM uses the target platform by default");
      size_t end = f.span.end;
      while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
      d.fixes.push_back(Fix{.title = "Remove --platform", .edits = {{{f.span.start, end}, ""}}, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleRedundantTargetPlatform = {
    .id = "RedundantTargetPlatform",
    .default_severity = Severity::Warning,
    .summary = "FROM --platform=$TARGETPLATFORM is the default",
    .hadolint_code = "DL3065",
    .check = check_redundant_target_platform,
    .buildkit_name = "RedundantTargetPlatform",
};

}  // namespace dfls
