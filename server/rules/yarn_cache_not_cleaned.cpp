// YarnCacheNotCleaned (hadolint DL3060): `yarn install` (or plain `yarn`) without a
// `yarn cache clean` in the same RUN keeps every downloaded package in yarn's cache, which then
// stays in the layer. Silent when a cache or tmpfs mount covers yarn's cache directory (a target
// naming yarn, ~/.cache, or /usr/local/share/.cache, yarn's default for root in the node images,
// or the `--cache-folder` given). Only stages whose files reach the image are checked (the final
// stage and the stages it is built FROM). The fix appends `yarn cache clean` to the RUN.
#include <algorithm>

#include "core/config.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool mount_covers_yarn_cache(const std::vector<std::string>& targets, const shell::Command& cmd) {
  if (auto folder = shell_rules::option_value(cmd, 1, "--cache-folder"))
    if (shell_rules::covers(targets, *folder)) return true;
  return std::any_of(targets.begin(), targets.end(), [](const std::string& t) {
    return t.find("yarn") != std::string::npos || t.ends_with("/.cache");
  });
}

void check_yarn_cache_not_cleaned(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<int> chain = shell_rules::final_chain(m, ctx.config.target.value_or(""));
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc)) {
    if (std::find(chain.begin(), chain.end(), run.ins->stage) == chain.end()) continue;
    bool cleans = false;
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "yarn", {"cache"}))
      cleans = cleans || (tc.verb + 1 < tc.cmd().args.size() && tc.cmd().args[tc.verb + 1].value == "clean");
    if (cleans) continue;
    std::vector<std::string> mounts = shell_rules::cache_mount_targets(*run.ins);
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "yarn", {"install", ""})) {
      if (mount_covers_yarn_cache(mounts, tc.cmd())) continue;
      if (tc.verb == tc.program && shell_rules::has_option(tc.cmd(), tc.program + 1, {"--version", "-v", "--help", "-h"}))
        continue;  // `yarn --version` installs nothing.
      Diag& d = ctx.report(tc.range(), "yarn install without yarn cache clean leaves the package cache in the layer");
      if (auto edit = shell_rules::append_command(ctx.doc, run, "yarn cache clean"))
        d.fixes.push_back(Fix{.title = "Clean the yarn cache at the end of the RUN", .edits = {*edit}});
    }
  }
}

}  // namespace

extern const Rule kRuleYarnCacheNotCleaned = {
    .id = "YarnCacheNotCleaned",
    .default_severity = Severity::Info,
    .summary = "yarn install without yarn cache clean",
    .hadolint_code = "DL3060",
    .check = check_yarn_cache_not_cleaned,
};

}  // namespace dfls
