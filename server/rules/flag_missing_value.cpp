// FlagMissingValue: a flag that takes a value is written without one. BuildKit needs
// `--name=value` (a value after a space is not read: `--platform linux/amd64` fails), and a
// boolean flag is `--link` or `--link=true|false`, never `--link=`.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_flag_missing_value(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (!rules::validates_flags(ctx.doc, ins)) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      const rules::FlagSpec* spec = rules::find_flag_spec(ins.kind, f.name);
      if (!spec) continue;
      if (spec->type == rules::FlagType::Bool) {
        if (!f.value || !f.value->empty()) continue;
        Diag& d = ctx.report(f.span, "--" + f.name + "= has no value: write --" + f.name + " or --" + f.name + "=false");
        d.fixes.push_back(Fix{.title = "Write --" + f.name, .edits = {{{f.name_span.end, f.span.end}, ""}},
                              .preferred = true});
      } else if (!f.value) {
        ctx.report(f.span, "--" + f.name + " needs a value: write --" + f.name + "=<value>");
      }
    }
  }
}

}  // namespace

extern const Rule kRuleFlagMissingValue = {
    .id = "FlagMissingValue",
    .default_severity = Severity::Error,
    .summary = "A flag is written without its value",
    .rcjsuen_code = "18",
    .check = check_flag_missing_value,
};

}  // namespace dfls
