// VariableInCopyFrom: `COPY --from=$NAME` or `RUN --mount=from=$NAME`. BuildKit does not expand
// variables there and stops the build; define a stage (`FROM ${IMAGE} AS src`) and name it instead.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_variable_in_copy_from(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Copy && ins.kind != model::Kind::Run) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      if (!f.value) continue;
      if (ins.kind == model::Kind::Copy && f.name == "from" && f.value->find('$') != std::string::npos) {
        ctx.report(f.value_span, "COPY --from does not expand variables: name a stage built FROM the image instead");
      } else if (ins.kind == model::Kind::Run && f.name == "mount") {
        // A "$" followed by anything in the from= value of the CSV.
        size_t pos = 0;
        const std::string& v = *f.value;
        while (pos <= v.size()) {
          size_t comma = v.find(',', pos);
          size_t end = comma == std::string::npos ? v.size() : comma;
          std::string_view field = std::string_view(v).substr(pos, end - pos);
          if (rules::to_lower(field.substr(0, 5)) == "from=") {
            size_t dollar = field.find('$', 5);
            if (dollar != std::string_view::npos && dollar + 1 < field.size()) {
              ByteRange r = f.value_is_raw ? line.line.range(f.value_start + pos + 5, f.value_start + end) : f.value_span;
              ctx.report(r, "RUN --mount from= does not expand variables: name a stage built FROM the image instead");
            }
          }
          if (comma == std::string::npos) break;
          pos = comma + 1;
        }
      }
    }
  }
}

}  // namespace

extern const Rule kRuleVariableInCopyFrom = {
    .id = "VariableInCopyFrom",
    .default_severity = Severity::Error,
    .summary = "A variable in COPY --from or a mount's from=",
    .rcjsuen_code = "47",
    .check = check_variable_in_copy_from,
};

}  // namespace dfls
