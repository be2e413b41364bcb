// InvalidNetworkMode: `RUN --network=` with a value other than default, none or host. BuildKit
// stops with "invalid network mode".
#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_network_mode(RuleContext& ctx) {
  static const std::vector<std::string> kModes = {"default", "none", "host"};
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Run) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      if (f.name != "network" || !f.value || f.value->find('$') != std::string::npos) continue;
      if (std::find(kModes.begin(), kModes.end(), *f.value) != kModes.end()) continue;
      auto s = closest_match(*f.value, kModes, true);
      Diag& d = ctx.report(f.value.value().empty() ? f.span : f.value_span,
                           "invalid network mode '" + *f.value + "': use default, none or host" + rules::did_you_mean(s));
      if (s) d.fixes.push_back(Fix{.title = "Change to " + *s, .edits = {{f.value_span, *s}}, .safe = false, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleInvalidNetworkMode = {
    .id = "InvalidNetworkMode",
    .default_severity = Severity::Error,
    .summary = "RUN --network with an unknown mode",
    .check = check_invalid_network_mode,
};

}  // namespace dfls
