// UnusedStage: a stage that the target stage (the last one, or the configured target) neither is
// built FROM nor copies or mounts from, directly or through other stages. A plain build skips it.
// It may be a target of its own (`docker build --target`); then the hint can be ignored or the
// target configured. A FROM image whose value is not known (`FROM binaries-$TARGETOS`, `FROM
// $BASE`) counts as using every earlier stage whose name its pattern matches.
#include <algorithm>

#include "core/config.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_unused_stage(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  if (m.stages.size() < 2) return;
  int target = static_cast<int>(m.stages.size()) - 1;
  if (ctx.config.target)
    if (const model::Stage* named = m.stage_named(*ctx.config.target)) target = named->index;
  // Which stages each stage needs.
  std::vector<std::vector<int>> needs(m.stages.size());
  for (const model::Stage& st : m.stages) {
    if (st.parent >= 0) needs[st.index].push_back(st.parent);
    // `FROM binaries-$TARGETOS` may be any earlier stage its pattern matches.
    for (int other : rules::variable_base_stages(m, st.index)) needs[st.index].push_back(other);
  }
  for (const model::StageRef& ref : m.stage_refs)
    if (ref.stage >= 0 && ref.target >= 0 && ref.target != ref.stage) needs[ref.stage].push_back(ref.target);
  std::vector<bool> used(m.stages.size(), false);
  std::vector<int> todo{target};
  while (!todo.empty()) {
    int s = todo.back();
    todo.pop_back();
    if (used[s]) continue;
    used[s] = true;
    for (int n : needs[s]) todo.push_back(n);
  }
  const model::Stage& t = m.stages[target];
  std::string target_name = t.name.empty() ? "the last stage" : "'" + t.original_name + "'";
  for (const model::Stage& st : m.stages) {
    if (used[st.index] || st.index == static_cast<int>(m.stages.size()) - 1) continue;
    const model::Instruction& from = m.instructions[st.from_instruction];
    ByteRange range = st.name_span.empty() ? ByteRange{from.keyword_span.start, std::max(from.keyword_span.end, st.base_span.end)}
                                           : st.name_span;
    std::string what = st.name.empty() ? "this stage" : "stage '" + st.original_name + "'";
    Diag& d = ctx.report(range, what + " is not used to build " + target_name);
    d.tags.push_back(DiagTag::Unnecessary);
  }
}

}  // namespace

extern const Rule kRuleUnusedStage = {
    .id = "UnusedStage",
    .default_severity = Severity::Hint,
    .summary = "A stage the target stage does not use",
    .check = check_unused_stage,
};

}  // namespace dfls
