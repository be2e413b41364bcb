// YumMissingYes (hadolint DL3030): `yum install` (also groupinstall, localinstall, reinstall, update,
// upgrade, remove, erase, downgrade, group, autoremove, distro-sync) without `-y`. A build has
// no terminal to answer yum's "Is this ok [y/N]" prompt, so yum gives up and the step
// fails. `-y` and `--assumeyes` (also `--setopt=assumeyes=1`) answer it. The fix adds `-y`
// after the verb.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_yum_missing_yes(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(
             run, "yum",
             {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase",
              "downgrade", "group", "groups", "autoremove", "distro-sync"})) {
      const shell::Command& cmd = tc.cmd();
      if (shell_rules::has_option(cmd, tc.program + 1, {"-y", "--assumeyes"})) continue;
      bool setopt = false;
      for (size_t i = tc.program + 1; i < cmd.args.size(); ++i)
        setopt = setopt || cmd.args[i].value.find("assumeyes=") != std::string::npos;
      if (setopt) continue;
      std::string what = cmd.args[tc.program].value + " " + tc.verb_word().value;
      Diag& d = ctx.report(tc.range(), what + " without -y: the build cannot answer its prompt");
      size_t at = tc.verb_word().end;
      d.fixes.push_back(Fix{.title = "Add -y", .edits = {{{at, at}, " -y"}}, .preferred = true});
    }
}

}  // namespace

extern const Rule kRuleYumMissingYes = {
    .id = "YumMissingYes",
    .default_severity = Severity::Warning,
    .summary = "yum install without -y",
    .hadolint_code = "DL3030",
    .check = check_yum_missing_yes,
};

}  // namespace dfls
