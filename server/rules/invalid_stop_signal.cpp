// InvalidStopSignal: STOPSIGNAL with something that is not a signal: a name such as SIGTERM or
// TERM (any case, SIGRTMIN+n and SIGRTMAX-n included) or a non-zero number. BuildKit stops when
// it reaches the instruction. A value built from variables is checked when it is known.
#include "core/expand.h"
#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_stop_signal(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Stopsignal || ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    std::string_view rest = line.rest();
    std::string_view raw = rules::trim(rest);
    if (raw.empty()) continue;  // WrongArgumentCount.
    ExpandResult r = expand(raw, rules::lookup_at(m, ins), m.escape);
    if (r.error || r.unknown || r.value.empty() || rules::is_valid_signal(r.value)) continue;
    ByteRange range = line.line.range(line.rest_start, line.rest_start + raw.size());
    std::string up = rules::to_upper(r.value);
    auto s = closest_match(up.starts_with("SIG") ? up : "SIG" + up, rules::signal_names());
    Diag& d = ctx.report(range, "'" + r.value + "' is not a signal" + rules::did_you_mean(s));
    if (s && r.value == raw)
      d.fixes.push_back(Fix{.title = "Change to " + *s, .edits = {{range, *s}}, .safe = false, .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleInvalidStopSignal = {
    .id = "InvalidStopSignal",
    .default_severity = Severity::Error,
    .summary = "STOPSIGNAL is not a signal",
    .rcjsuen_code = "27",
    .check = check_invalid_stop_signal,
};

}  // namespace dfls
