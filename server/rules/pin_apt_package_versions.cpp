// PinAptPackageVersions (hadolint DL3008): `apt-get install` (or `apt install`) names a package
// without a version (`curl` rather than `curl=7.88.1-10+deb12u5`). The package is then whatever
// the archive holds on the day of the build, so two builds of the same Dockerfile can differ and a
// new release can break the image without any change to the file. Local `.deb` files, paths and
// words holding variables (their value is unknown here) are not reported, nor are the values of
// options (`-t bookworm-backports`, `--default-release X`, `-a arm64`, `-o Key=value`).
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_pin_apt_package_versions(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const char* tool : {"apt-get", "apt"})
      for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, tool, {"install"}))
        for (const shell::Word* w : shell_rules::operands(tc.cmd(), tc.verb + 1, shell_rules::value_options(tool))) {
          const std::string& pkg = w->value;
          if (w->has_expansion || pkg.empty() || pkg.find('=') != std::string::npos) continue;
          if (pkg.ends_with(".deb") || pkg.starts_with("/") || pkg.starts_with(".")) continue;
          ctx.report({w->start, w->end},
                     "apt package '" + pkg + "' has no version: pin it (" + pkg + "=<version>)");
        }
}

}  // namespace

extern const Rule kRulePinAptPackageVersions = {
    .id = "PinAptPackageVersions",
    .default_severity = Severity::Info,
    .summary = "apt-get install without package versions",
    .hadolint_code = "DL3008",
    .check = check_pin_apt_package_versions,
};

}  // namespace dfls
