// MultipleInstructionsDisallowed (BuildKit): a stage has more than one CMD, ENTRYPOINT or
// HEALTHCHECK. Only the last one takes effect, so the earlier ones (reported) do nothing.
#include <map>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_multiple_instructions_disallowed(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Stage& st : m.stages) {
    std::map<model::Kind, int> last;
    for (int i : st.instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.inside_onbuild) continue;
      if (ins.kind == model::Kind::Cmd || ins.kind == model::Kind::Entrypoint || ins.kind == model::Kind::Healthcheck)
        last[ins.kind] = i;
    }
    for (int i : st.instructions) {
      const model::Instruction& ins = m.instructions[i];
      auto it = last.find(ins.kind);
      if (ins.inside_onbuild || it == last.end() || it->second == i) continue;
      const model::Instruction& winner = m.instructions[it->second];
      std::string kw(model::kind_keyword(ins.kind));
      ByteRange first_line{ins.span.start, std::min(ins.span.end, rules::line_at(text, ins.span.start).end)};
      Diag& d = ctx.report(first_line, "this " + kw + " is overridden by the " + kw + " on line " +
                                           std::to_string(rules::line_number(ctx.doc, winner.span.start)) +
                                           ": only the last one in a stage takes effect");
      d.tags.push_back(DiagTag::Unnecessary);
      d.related.push_back({winner.keyword_span, "the " + kw + " that takes effect"});
      d.fixes.push_back(Fix{.title = "Remove this " + kw,
                            .edits = {{rules::whole_lines(text, ins.span.start, ins.span.end), ""}},
                            .safe = false});
    }
  }
}

}  // namespace

extern const Rule kRuleMultipleInstructionsDisallowed = {
    .id = "MultipleInstructionsDisallowed",
    .default_severity = Severity::Warning,
    .summary = "Several CMD, ENTRYPOINT or HEALTHCHECK instructions in one stage",
    .hadolint_code = "DL3012,DL4003,DL4004",
    .rcjsuen_code = "37",
    .check = check_multiple_instructions_disallowed,
    .buildkit_name = "MultipleInstructionsDisallowed",
};

}  // namespace dfls
