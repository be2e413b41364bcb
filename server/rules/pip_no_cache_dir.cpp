// PipNoCacheDir (hadolint DL3042): `pip install` without `--no-cache-dir` keeps a copy of every
// downloaded wheel in pip's cache (~/.cache/pip), which then stays in the layer for nothing.
// Silent when PIP_NO_CACHE_DIR is set (ENV, ARG, or an assignment in the RUN), when a cache or
// tmpfs mount covers the cache directory (~/.cache/pip, ~/.cache, or PIP_CACHE_DIR), or when the
// install is given another `--cache-dir`. Only stages whose files reach the image are checked (the
// final stage and the stages it is built FROM). The fix adds `--no-cache-dir` after `install`.
#include <algorithm>

#include "core/config.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool mount_covers_pip_cache(const std::vector<std::string>& targets) {
  return std::any_of(targets.begin(), targets.end(), [](const std::string& t) {
    return t.ends_with("/.cache") || t.ends_with("/.cache/pip") || t.ends_with("/pip") || t == "/root";
  });
}

bool sets_no_cache_env(const shell_rules::RunScripts& run) {
  for (const shell_rules::RunCommand& rc : run.commands) {
    for (const shell::Word& a : rc.cmd->assignments)
      if (a.value.starts_with("PIP_NO_CACHE_DIR=")) return true;
    if (rc.name() == "export" || rc.name() == "env")
      for (const shell::Word& w : rc.cmd->args)
        if (w.value.starts_with("PIP_NO_CACHE_DIR=")) return true;
  }
  return false;
}

void check_pip_no_cache_dir(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<int> chain = shell_rules::final_chain(m, ctx.config.target.value_or(""));
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc)) {
    if (std::find(chain.begin(), chain.end(), run.ins->stage) == chain.end()) continue;
    if (mount_covers_pip_cache(shell_rules::cache_mount_targets(*run.ins)) || sets_no_cache_env(run)) continue;
    bool env = false;
    std::vector<std::string> mounts = shell_rules::cache_mount_targets(*run.ins);
    for (const model::VarDecl* d : m.visible_at(run.ins->span.start, false)) {
      env = env || d->name == "PIP_NO_CACHE_DIR";
      if (d->name == "PIP_CACHE_DIR" && d->value) env = env || shell_rules::covers(mounts, *d->value);
    }
    if (env) continue;
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "pip", {"install"})) {
      if (shell_rules::has_option(tc.cmd(), tc.program + 1, {"--no-cache-dir", "--cache-dir"})) continue;
      Diag& d = ctx.report(tc.range(), "pip install without --no-cache-dir leaves pip's download cache in the layer");
      size_t at = tc.verb_word().end;
      d.fixes.push_back(Fix{.title = "Add --no-cache-dir", .edits = {{{at, at}, " --no-cache-dir"}}, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRulePipNoCacheDir = {
    .id = "PipNoCacheDir",
    .default_severity = Severity::Warning,
    .summary = "pip install without --no-cache-dir",
    .hadolint_code = "DL3042",
    .check = check_pip_no_cache_dir,
};

}  // namespace dfls
