// InvalidFlagValue: a boolean flag (`--link`, `--parents`, `--keep-git-dir`, `--unpack`) with a
// value other than true or false (any case). BuildKit stops with "expecting boolean value".
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_flag_value(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (!rules::validates_flags(ctx.doc, ins)) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      const rules::FlagSpec* spec = rules::find_flag_spec(ins.kind, f.name);
      if (!spec || spec->type != rules::FlagType::Bool || !f.value || f.value->empty()) continue;
      std::string v = rules::to_lower(*f.value);
      if (v == "true" || v == "false") continue;
      ctx.report(f.value_span, "--" + f.name + " takes true or false, not '" + *f.value + "'");
    }
  }
}

}  // namespace

extern const Rule kRuleInvalidFlagValue = {
    .id = "InvalidFlagValue",
    .default_severity = Severity::Error,
    .summary = "A boolean flag has a value other than true or false",
    .rcjsuen_code = "48",
    .check = check_invalid_flag_value,
};

}  // namespace dfls
