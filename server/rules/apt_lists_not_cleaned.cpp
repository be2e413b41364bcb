// AptListsNotCleaned (hadolint DL3009): a RUN runs `apt-get update` (or `apt update`) and does not
// remove the package lists it downloads (`rm -rf /var/lib/apt/lists/*`) before it ends. The lists
// (tens of megabytes; `apt-get dist-clean` removes them too) then stay in the layer for good: removing them in a later RUN does not make
// the image smaller. Only stages whose files reach the image are checked (the final stage and the
// stages it is built FROM), and a cache or tmpfs mount on /var/lib/apt/lists (or /var/lib/apt)
// keeps the lists out of the layer, so it silences the rule. The fix appends the `rm` to the RUN.
#include <algorithm>

#include "core/config.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool removes_lists(const shell_rules::RunScripts& run) {
  for (const shell_rules::RunCommand& rc : run.commands) {
    std::string name = rc.name();
    // `apt-get dist-clean` (apt 2.7 and later) removes the lists too.
    if ((name == "apt-get" || name == "apt") && rc.arg(1) && rc.arg(1)->value == "dist-clean") return true;
    if (name != "rm" && name != "find") continue;
    for (size_t i = rc.program + 1; i < rc.cmd->args.size(); ++i)
      if (rc.cmd->args[i].value.starts_with("/var/lib/apt/lists")) return true;
  }
  return false;
}

void check_apt_lists_not_cleaned(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<int> chain = shell_rules::final_chain(m, ctx.config.target.value_or(""));
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc)) {
    if (std::find(chain.begin(), chain.end(), run.ins->stage) == chain.end()) continue;
    if (shell_rules::covers(shell_rules::cache_mount_targets(*run.ins), "/var/lib/apt/lists")) continue;
    if (removes_lists(run)) continue;
    for (const char* tool : {"apt-get", "apt"})
      for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, tool, {"update"})) {
        Diag& d = ctx.report(tc.range(), "the package lists of " + tc.cmd().args[tc.program].value +
                                             " update stay in the layer: remove /var/lib/apt/lists/* in the same RUN");
        if (auto edit = shell_rules::append_command(ctx.doc, run, "rm -rf /var/lib/apt/lists/*"))
          d.fixes.push_back(Fix{.title = "Remove the package lists at the end of the RUN", .edits = {*edit}});
      }
  }
}

}  // namespace

extern const Rule kRuleAptListsNotCleaned = {
    .id = "AptListsNotCleaned",
    .default_severity = Severity::Info,
    .summary = "apt lists not removed after apt-get update",
    .hadolint_code = "DL3009",
    .check = check_apt_lists_not_cleaned,
};

}  // namespace dfls
