// PinNpmPackageVersions (hadolint DL3016): `npm install <package>` (i, add) names a package
// without a version (`typescript` rather than `typescript@5.4.5`), or with the moving `@latest`
// or `@next` tags. The package is then the newest release on the day of the build. Installing the
// project's own dependencies (`npm install` or `npm ci`, versions from the lockfile), local paths,
// tarballs, URLs, Git references and words holding variables are not reported.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool is_local_or_remote(std::string_view pkg) {
  if (pkg.starts_with(".") || pkg.starts_with("/") || pkg.starts_with("~")) return true;
  if (pkg.find("://") != std::string_view::npos || pkg.find(':') != std::string_view::npos) return true;
  if (pkg.ends_with(".tgz") || pkg.ends_with(".tar.gz") || pkg.ends_with(".tar")) return true;
  // "user/repo" is a GitHub shorthand; "@scope/name" a registry package.
  return !pkg.starts_with("@") && pkg.find('/') != std::string_view::npos;
}

void check_pin_npm_package_versions(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::ToolCommand& tc :
         shell_rules::tool_commands(run, "npm", {"install", "i", "add", "in", "isntall"}))
      for (const shell::Word* w : shell_rules::operands(
               tc.cmd(), tc.verb + 1,
               {"--prefix", "--registry", "--cache", "--tag", "-w", "--workspace", "--omit", "--include",
                "--install-strategy", "--userconfig", "-C"})) {
        const std::string& pkg = w->value;
        if (w->has_expansion || pkg.empty() || is_local_or_remote(pkg)) continue;
        size_t at = pkg.find('@', 1);
        std::string name = pkg.substr(0, at);
        if (at != std::string::npos) {
          std::string_view version = std::string_view(pkg).substr(at + 1);
          if (!version.empty() && version != "latest" && version != "next") continue;
        }
        ctx.report({w->start, w->end}, "npm package '" + name + "' has no version: pin it (" + name + "@<version>)");
      }
}

}  // namespace

extern const Rule kRulePinNpmPackageVersions = {
    .id = "PinNpmPackageVersions",
    .default_severity = Severity::Info,
    .summary = "npm install without package versions",
    .hadolint_code = "DL3016",
    .check = check_pin_npm_package_versions,
};

}  // namespace dfls
