// AptGetMissingYes (hadolint DL3014): `apt-get install` (also upgrade, dist-upgrade, remove,
// purge, autoremove, build-dep, and the same verbs of `apt`) without `-y`. A build has no terminal
// to answer apt's "Do you want to continue? [Y/n]", so apt aborts as soon as it wants to ask.
// `-y`, `--yes`, `--assume-yes`, `-qq` (which implies `-y`) and `-o APT::Get::Assume-Yes=true`
// all answer it; a simulation (`-s`, `--dry-run`) asks nothing. The fix adds `-y` after the verb.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool answers_yes(const shell::Command& cmd, size_t from) {
  if (shell_rules::has_option(cmd, from, {"-y", "--yes", "--assume-yes"})) return true;
  for (size_t i = from; i < cmd.args.size(); ++i) {
    std::string_view w = cmd.args[i].value;
    if (w == "-qq" || w == "-q=2" || w == "--quiet=2" || w.find("Assume-Yes=") != std::string_view::npos) return true;
  }
  return false;
}

void check_apt_get_missing_yes(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const char* tool : {"apt-get", "apt"})
      for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(
               run, tool, {"install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove",
                           "build-dep", "reinstall"})) {
        if (answers_yes(tc.cmd(), tc.program + 1)) continue;
        // A simulation (`apt-get install -s`) asks nothing.
        if (shell_rules::has_option(tc.cmd(), tc.program + 1,
                                    {"-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act"}))
          continue;
        std::string what = tc.cmd().args[tc.program].value + " " + tc.verb_word().value;
        Diag& d = ctx.report(tc.range(), what + " without -y: the build cannot answer its prompt");
        size_t at = tc.verb_word().end;
        d.fixes.push_back(Fix{.title = "Add -y", .edits = {{{at, at}, " -y"}}, .preferred = true});
      }
}

}  // namespace

extern const Rule kRuleAptGetMissingYes = {
    .id = "AptGetMissingYes",
    .default_severity = Severity::Warning,
    .summary = "apt-get install without -y",
    .hadolint_code = "DL3014",
    .check = check_apt_get_missing_yes,
};

}  // namespace dfls
