// ConsistentInstructionCasing (BuildKit): instruction keywords should all be written the same way.
// BuildKit counts the keywords that are all lowercase and all uppercase (FROM lines and every
// instruction of a stage; ARGs before the first FROM and ONBUILD triggers are not counted), takes
// the majority (uppercase on a tie) and flags every keyword in the other case or in mixed case.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_consistent_instruction_casing(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  auto counted = [](const model::Instruction& ins) {
    return ins.stage >= 0 && !ins.inside_onbuild && ins.kind != model::Kind::Unknown && !ins.keyword.empty();
  };
  size_t lower = 0, upper = 0;
  for (const model::Instruction& ins : m.instructions) {
    if (!counted(ins)) continue;
    if (ins.keyword == rules::to_lower(ins.keyword)) ++lower;
    else if (ins.keyword == rules::to_upper(ins.keyword)) ++upper;
  }
  bool majority_lower = lower > upper;
  for (const model::Instruction& ins : m.instructions) {
    if (!counted(ins)) continue;
    std::string wanted = majority_lower ? rules::to_lower(ins.keyword) : rules::to_upper(ins.keyword);
    if (wanted == ins.keyword) continue;
    Diag& d = ctx.report(ins.keyword_span, "'" + ins.keyword + "' should be " +
                                               (majority_lower ? "lowercase" : "uppercase") +
                                               " like most instructions of this file");
    d.fixes.push_back(Fix{.title = "Write '" + wanted + "'", .edits = {{ins.keyword_span, wanted}},
                          .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleConsistentInstructionCasing = {
    .id = "ConsistentInstructionCasing",
    .default_severity = Severity::Warning,
    .summary = "Instruction keywords should use one casing throughout the file",
    .rcjsuen_code = "0",
    .check = check_consistent_instruction_casing,
    .buildkit_name = "ConsistentInstructionCasing",
};

}  // namespace dfls
