// UseShellToChangeShell (hadolint DL4005): a RUN replaces /bin/sh with a link (`ln -sf
// /bin/bash /bin/sh`) to change the shell that later RUN, CMD and ENTRYPOINT instructions use.
// That changes /bin/sh for every program in the image, including scripts written for the
// original shell. The SHELL instruction changes the shell of the Dockerfile's own commands only:
// `SHELL ["/bin/bash", "-c"]`.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_use_shell_to_change_shell(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand* rc : run.named("ln")) {
      auto ops = shell_rules::operands(*rc->cmd, rc->program + 1, {"-t", "--target-directory", "-S", "--suffix"});
      if (ops.size() < 2 || ops.back()->value != "/bin/sh") continue;
      ctx.report({rc->cmd->start, rc->cmd->end}, "linking /bin/sh changes the shell of the whole image: use SHELL");
    }
}

}  // namespace

extern const Rule kRuleUseShellToChangeShell = {
    .id = "UseShellToChangeShell",
    .default_severity = Severity::Warning,
    .summary = "ln to /bin/sh instead of SHELL",
    .hadolint_code = "DL4005",
    .check = check_use_shell_to_change_shell,
};

}  // namespace dfls
