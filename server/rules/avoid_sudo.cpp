// AvoidSudo (hadolint DL3004): a RUN uses `sudo`. RUN already runs as the current USER (root
// unless a USER says otherwise); sudo is usually not installed in base images, asks for a
// password or a tty, and behaves unpredictably. Switch users with USER instead, or, to run one
// program as another user in an entrypoint, use gosu or su-exec.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_avoid_sudo(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand& rc : run.commands) {
      // program_index() skips sudo, so look at the words before the program.
      for (size_t i = 0; i < rc.program; ++i)
        if (shell_rules::word_name(*rc.cmd, i) == "sudo") {
          const shell::Word& w = rc.cmd->args[i];
          ctx.report({w.start, w.end}, "sudo in a RUN: use USER to change the user instead");
          break;
        }
    }
}

}  // namespace

extern const Rule kRuleAvoidSudo = {
    .id = "AvoidSudo",
    .default_severity = Severity::Error,
    .summary = "sudo in RUN",
    .hadolint_code = "DL3004",
    .check = check_avoid_sudo,
};

}  // namespace dfls
