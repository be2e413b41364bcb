// InvalidDevice: `RUN --device=` (CDI devices) outside the labs frontend. The mainline Dockerfile
// frontend parses the flag but refuses to run it ("device feature is only supported in
// 1.14.0-labs or later"); `# syntax=docker/dockerfile:1-labs` enables it. A warning, since the
// file may be built with a labs frontend chosen outside it (BUILDKIT_SYNTAX). Also reported: a
// --device without a device name.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_device(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  const model::Directive* syntax = m.directive("syntax");
  bool labs = syntax && syntax->value.find("labs") != std::string::npos;
  bool offered = false;
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Run) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      if (f.name != "device" || !f.value) continue;
      std::string_view name = std::string_view(*f.value).substr(0, f.value->find(','));
      if (name.starts_with("name=")) name.remove_prefix(5);
      if (name.empty()) {
        ctx.report(f.span, "--device needs a device name, such as --device=vendor.com/class=name");
        continue;
      }
      if (labs) continue;
      Diag& d = ctx.report(f.name_span, "RUN --device needs the labs frontend: add # syntax=docker/dockerfile:1-labs");
      if (!syntax && !offered) {
        size_t at = m.has_bom ? 3 : 0;
        d.fixes.push_back(Fix{.title = "Use the labs frontend", .edits = {{{at, at}, "# syntax=docker/dockerfile:1-labs\n"}},
                              .safe = false});
        offered = true;
      }
    }
  }
}

}  // namespace

extern const Rule kRuleInvalidDevice = {
    .id = "InvalidDevice",
    .default_severity = Severity::Warning,
    .summary = "RUN --device needs the labs frontend",
    .check = check_invalid_device,
};

}  // namespace dfls
