// InvalidOnbuild: `ONBUILD ONBUILD`, `ONBUILD FROM` or `ONBUILD MAINTAINER`. BuildKit does not allow
// these instructions as ONBUILD triggers and stops the build.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_onbuild(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Onbuild) continue;
    ByteRange range;
    std::string trigger;
    if (ins.onbuild_inner >= 0) {
      const model::Instruction& inner = m.instructions[ins.onbuild_inner];
      range = inner.keyword_span;
      trigger = rules::to_upper(inner.keyword);
    } else {
      rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
      auto words = line.whitespace_words();
      if (words.empty()) continue;
      range = line.range(words.front());
      trigger = rules::to_upper(words.front().text);
    }
    if (trigger == "ONBUILD")
      ctx.report(range, "ONBUILD ONBUILD is not allowed: triggers cannot be chained");
    else if (trigger == "FROM" || trigger == "MAINTAINER")
      ctx.report(range, trigger + " is not allowed as an ONBUILD trigger");
  }
}

}  // namespace

extern const Rule kRuleInvalidOnbuild = {
    .id = "InvalidOnbuild",
    .default_severity = Severity::Error,
    .summary = "ONBUILD with ONBUILD, FROM or MAINTAINER",
    .hadolint_code = "DL3043",
    .rcjsuen_code = "30",
    .check = check_invalid_onbuild,
};

}  // namespace dfls
