// UseraddMissingNoLogInit (hadolint DL3046): `useradd -u <uid>` with a high UID (six digits or
// more) and without `-l`/`--no-log-init`. useradd then reserves room for that UID in the
// lastlog and faillog databases: a sparse file outside the image, but one that the layer stores
// in full, hundreds of megabytes or gigabytes of zeros. `-l` skips those databases. The fix adds
// `-l` after `useradd`.
#include <algorithm>
#include <cctype>

#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_useradd_missing_no_log_init(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand* rc : run.named("useradd")) {
      const shell::Command& cmd = *rc->cmd;
      if (shell_rules::has_option(cmd, rc->program + 1, {"-l", "--no-log-init"})) continue;
      std::optional<std::string> uid = shell_rules::option_value(cmd, rc->program + 1, "-u");
      if (!uid) uid = shell_rules::option_value(cmd, rc->program + 1, "--uid");
      if (!uid || uid->size() <= 5 ||
          !std::all_of(uid->begin(), uid->end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        continue;
      const shell::Word& w = cmd.args[rc->program];
      Diag& d = ctx.report({w.start, w.end}, "useradd with the high UID " + *uid +
                                                 " and without -l makes a huge lastlog file in the layer");
      d.fixes.push_back(Fix{.title = "Add -l (--no-log-init)", .edits = {{{w.end, w.end}, " -l"}}, .preferred = true});
    }
}

}  // namespace

extern const Rule kRuleUseraddMissingNoLogInit = {
    .id = "UseraddMissingNoLogInit",
    .default_severity = Severity::Warning,
    .summary = "useradd with a high UID without -l",
    .hadolint_code = "DL3046",
    .check = check_useradd_missing_no_log_init,
};

}  // namespace dfls
