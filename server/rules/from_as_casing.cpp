// FromAsCasing (BuildKit): in `FROM image AS name`, the AS keyword is not written in the same case
// as FROM (`FROM alpine as build`). Checked only when FROM itself is all uppercase or all
// lowercase; a mixed-case FROM is ConsistentInstructionCasing's business.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_from_as_casing(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::From || ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    auto words = line.whitespace_words();
    if (words.size() < 3) continue;
    const std::string& kw = line.keyword;
    const std::string& as = words[1].text;
    bool lower_kw = kw == rules::to_lower(kw), upper_kw = kw == rules::to_upper(kw);
    if (lower_kw == upper_kw) continue;  // Mixed case, or no letters.
    std::string wanted = lower_kw ? rules::to_lower(as) : rules::to_upper(as);
    if (as == wanted) continue;
    Diag& d = ctx.report(line.range(words[1]),
                         "'" + as + "' does not match the casing of '" + kw + "': write '" + wanted + "'");
    d.fixes.push_back(Fix{.title = "Write '" + wanted + "'", .edits = {{line.range(words[1]), wanted}},
                          .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleFromAsCasing = {
    .id = "FromAsCasing",
    .default_severity = Severity::Warning,
    .summary = "The AS keyword should match the casing of FROM",
    .check = check_from_as_casing,
    .buildkit_name = "FromAsCasing",
};

}  // namespace dfls
