// UnknownInstruction: a line starts with a word that is not a Dockerfile instruction. BuildKit
// stops with "unknown instruction". Often a typo (`RUNN`), or the second line of a command whose
// previous line lacks its `\`.
#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_unknown_instruction(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<std::string> keywords;
  for (int k = 0; k < static_cast<int>(model::Kind::Unknown); ++k)
    keywords.emplace_back(model::kind_keyword(static_cast<model::Kind>(k)));
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Unknown || ins.keyword.empty()) continue;
    auto suggestion = closest_match(ins.keyword, keywords, true);
    if (suggestion && rules::is_all_lower(ins.keyword)) suggestion = rules::to_lower(*suggestion);
    Diag& d = ctx.report(ins.keyword_span, "unknown instruction '" + ins.keyword + "'" + rules::did_you_mean(suggestion));
    if (suggestion)
      d.fixes.push_back(Fix{.title = "Change to " + *suggestion, .edits = {{ins.keyword_span, *suggestion}},
                            .safe = false, .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleUnknownInstruction = {
    .id = "UnknownInstruction",
    .default_severity = Severity::Error,
    .summary = "A line starts with a word that is not an instruction",
    .rcjsuen_code = "38",
    .check = check_unknown_instruction,
};

}  // namespace dfls
