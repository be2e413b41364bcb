// PinApkPackageVersions (hadolint DL3018): `apk add` names a package without a version
// (`curl` rather than `curl=8.5.0-r0`, or a constraint such as `curl~8.5`). The package is then
// whatever the repository holds on the day of the build. The name given to `--virtual`/`-t`,
// local `.apk` files and words holding variables are not reported.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_pin_apk_package_versions(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "apk", {"add"}))
      for (const shell::Word* w : shell_rules::operands(
               tc.cmd(), tc.verb + 1,
               {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir",
                "--repositories-file", "--cache-max-age", "--timeout"})) {
        const std::string& pkg = w->value;
        if (w->has_expansion || pkg.empty() || pkg.find_first_of("=~<>") != std::string::npos) continue;
        if (pkg.ends_with(".apk") || pkg.starts_with("/") || pkg.starts_with(".")) continue;
        ctx.report({w->start, w->end}, "apk package '" + pkg + "' has no version: pin it (" + pkg + "=<version>)");
      }
}

}  // namespace

extern const Rule kRulePinApkPackageVersions = {
    .id = "PinApkPackageVersions",
    .default_severity = Severity::Info,
    .summary = "apk add without package versions",
    .hadolint_code = "DL3018",
    .check = check_pin_apk_package_versions,
};

}  // namespace dfls
