// PinPipPackageVersions (hadolint DL3013): `pip install` (pip3, python -m pip) names a package
// without a version specifier (`flask` rather than `flask==3.0.3`). The package is then the newest
// release on the day of the build. Requirement and constraint files, local paths, archives,
// URLs and VCS references, and words holding variables are not reported.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool is_local_or_remote(std::string_view pkg) {
  if (pkg.starts_with(".") || pkg.starts_with("/") || pkg.starts_with("~")) return true;
  if (pkg.find("://") != std::string_view::npos || pkg.find('/') != std::string_view::npos) return true;
  for (std::string_view ext : {".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tar.xz"})
    if (pkg.ends_with(ext)) return true;
  return false;
}

void check_pin_pip_package_versions(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "pip", {"install"}))
      for (const shell::Word* w : shell_rules::operands(
               tc.cmd(), tc.verb + 1,
               {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
                "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--platform",
                "--python-version", "--implementation", "--abi", "--src", "--upgrade-strategy", "--progress-bar",
                "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--trusted-host", "--cert",
                "--client-cert", "--cache-dir", "--global-option", "--install-option", "--config-settings", "-C",
                "--only-binary", "--no-binary", "--report", "--python"})) {
        const std::string& pkg = w->value;
        if (w->has_expansion || pkg.empty() || pkg.find_first_of("=<>!~@") != std::string::npos) continue;
        if (is_local_or_remote(pkg)) continue;
        ctx.report({w->start, w->end}, "pip package '" + pkg + "' has no version: pin it (" + pkg + "==<version>)");
      }
}

}  // namespace

extern const Rule kRulePinPipPackageVersions = {
    .id = "PinPipPackageVersions",
    .default_severity = Severity::Info,
    .summary = "pip install without package versions",
    .hadolint_code = "DL3013",
    .check = check_pin_pip_package_versions,
};

}  // namespace dfls
