// DuplicateFlag: a flag that may appear once is given twice (`COPY --from=a --from=b`). BuildKit
// stops with "duplicate flag specified". Repeatable flags (RUN --mount, --device, COPY/ADD
// --exclude) are fine.
#include <map>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_duplicate_flag(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Instruction& ins : m.instructions) {
    if (!rules::validates_flags(ctx.doc, ins)) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    std::map<std::string, const rules::FlagWord*, std::less<>> seen;
    for (const rules::FlagWord& f : line.flags) {
      const rules::FlagSpec* spec = rules::find_flag_spec(ins.kind, f.name);
      if (!spec || spec->type == rules::FlagType::Strings) continue;
      auto [it, inserted] = seen.emplace(f.name, &f);
      if (inserted) continue;
      Diag& d = ctx.report(f.span, "--" + f.name + " is given more than once");
      d.related.push_back({it->second->span, "first --" + f.name});
      if (it->second->value == f.value) {
        size_t start = f.span.start;
        while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
        d.fixes.push_back(Fix{.title = "Remove the repeated --" + f.name, .edits = {{{start, f.span.end}, ""}},
                              .preferred = true});
      }
    }
  }
}

}  // namespace

extern const Rule kRuleDuplicateFlag = {
    .id = "DuplicateFlag",
    .default_severity = Severity::Error,
    .summary = "A flag that may appear once is repeated",
    .rcjsuen_code = "14",
    .check = check_duplicate_flag,
};

}  // namespace dfls
