// ApkUseNoCache (hadolint DL3019): `apk add` without `--no-cache` keeps the package index it
// downloads (and, with a configured cache, the packages) in /var/cache/apk, which then stays in the
// layer. `apk add --no-cache` fetches a fresh index and keeps nothing. Silent when a cache or
// tmpfs mount covers /var/cache/apk (or /etc/apk/cache), or when the same RUN removes
// /var/cache/apk. Only stages whose files reach the image are checked (the final stage and the
// stages it is built FROM). The fix adds `--no-cache` after `add`.
#include <algorithm>

#include "core/config.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool removes_cache(const shell_rules::RunScripts& run) {
  for (const shell_rules::RunCommand& rc : run.commands) {
    if (rc.name() != "rm") continue;
    for (size_t i = rc.program + 1; i < rc.cmd->args.size(); ++i)
      if (rc.cmd->args[i].value.starts_with("/var/cache/apk")) return true;
  }
  return false;
}

void check_apk_use_no_cache(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<int> chain = shell_rules::final_chain(m, ctx.config.target.value_or(""));
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc)) {
    if (std::find(chain.begin(), chain.end(), run.ins->stage) == chain.end()) continue;
    std::vector<std::string> mounts = shell_rules::cache_mount_targets(*run.ins);
    if (shell_rules::covers(mounts, "/var/cache/apk") || shell_rules::covers(mounts, "/etc/apk/cache")) continue;
    if (removes_cache(run)) continue;
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "apk", {"add"})) {
      // --no-network installs from what is already there and downloads nothing.
      if (shell_rules::has_option(tc.cmd(), tc.program + 1, {"--no-cache", "--no-network"})) continue;
      Diag& d = ctx.report(tc.range(), "apk add without --no-cache leaves the package index in the layer");
      size_t at = tc.verb_word().end;
      d.fixes.push_back(Fix{.title = "Add --no-cache", .edits = {{{at, at}, " --no-cache"}}, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleApkUseNoCache = {
    .id = "ApkUseNoCache",
    .default_severity = Severity::Info,
    .summary = "apk add without --no-cache",
    .hadolint_code = "DL3019",
    .check = check_apk_use_no_cache,
};

}  // namespace dfls
