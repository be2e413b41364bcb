// PinGemVersions (hadolint DL3028): `gem install <gem>` without a version (`rails:7.1.3` or
// `-v 7.1.3`). The gem is then the newest release on the day of the build. Local `.gem` files and
// words holding variables are not reported.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_pin_gem_versions(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "gem", {"install", "i"})) {
      if (shell_rules::has_option(tc.cmd(), tc.verb + 1, {"-v", "--version"})) continue;
      for (const shell::Word* w : shell_rules::operands(
               tc.cmd(), tc.verb + 1,
               {"-i", "--install-dir", "-n", "--bindir", "-s", "--source", "--platform", "-P", "--trust-policy",
                "-g", "--file", "--build-root"})) {
        const std::string& gem = w->value;
        if (w->has_expansion || gem.empty() || gem.find(':') != std::string::npos) continue;
        if (gem.ends_with(".gem") || gem.starts_with("/") || gem.starts_with(".")) continue;
        ctx.report({w->start, w->end},
                   "gem '" + gem + "' has no version: pin it (" + gem + ":<version> or -v <version>)");
      }
    }
}

}  // namespace

extern const Rule kRulePinGemVersions = {
    .id = "PinGemVersions",
    .default_severity = Severity::Info,
    .summary = "gem install without versions",
    .hadolint_code = "DL3028",
    .check = check_pin_gem_versions,
};

}  // namespace dfls
