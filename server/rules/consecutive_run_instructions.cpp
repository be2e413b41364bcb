// ConsecutiveRunInstructions (hadolint DL3059): a RUN directly follows another RUN with the same
// flags (comments between them do not count), and neither holds more than two commands. Each RUN
// makes a layer; short steps in a row are usually better as one RUN joined with `&&`. RUNs that
// already chain several commands are left alone: their split is most likely deliberate (for the
// layer cache), and so are RUNs whose flags (mounts, network) differ.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

size_t command_count(const shell_rules::RunScripts& run) {
  size_t n = 0;
  for (const shell_rules::RunCommand& c : run.commands) n += c.cmd->nested ? 0 : 1;
  return n;
}

std::string flags_text(std::string_view text, const model::Instruction& ins) {
  std::string out;
  for (const model::Flag& f : ins.flags) out += std::string(text.substr(f.span.start, f.span.size())) + " ";
  return out;
}

void check_consecutive_run_instructions(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Stage& stage : m.stages) {
    const model::Instruction* prev = nullptr;
    size_t prev_count = 0;
    for (int i : stage.instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.inside_onbuild) continue;
      if (ins.kind != model::Kind::Run) {
        prev = nullptr;
        continue;
      }
      const shell_rules::RunScripts& run = shell_rules::run_scripts(ctx.doc, ins);
      size_t count = run.analysed ? command_count(run) : 1;
      if (prev && flags_text(text, *prev) == flags_text(text, ins) && count <= 2 && prev_count <= 2)
        ctx.report(ins.keyword_span, "RUN right after a RUN with the same flags: join them with && into one layer");
      prev = &ins;
      prev_count = count;
    }
  }
}

}  // namespace

extern const Rule kRuleConsecutiveRunInstructions = {
    .id = "ConsecutiveRunInstructions",
    .default_severity = Severity::Info,
    .summary = "Consecutive RUN instructions",
    .hadolint_code = "DL3059",
    .check = check_consecutive_run_instructions,
};

}  // namespace dfls
