// PinGoInstallVersions (hadolint DL3062): `go install <package>` without `@<version>`, or with the
// moving `@latest`. Outside a module the command fails without a version; with `@latest` it
// installs whatever was released last, so two builds of the same Dockerfile can differ. Packages
// of the module being built (`./cmd/app`, `.`), paths whose first element has no dot (the
// standard library, `tool` for the tools listed in go.mod), patterns and words holding variables
// are not reported.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_pin_go_install_versions(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, "go", {"install"}))
      for (const shell::Word* w : shell_rules::operands(
               tc.cmd(), tc.verb + 1,
               {"-o", "-p", "-C", "-asmflags", "-buildmode", "-compiler", "-gccgoflags", "-gcflags", "-installsuffix",
                "-ldflags", "-mod", "-modfile", "-overlay", "-pgo", "-pkgdir", "-tags", "-toolexec"})) {
        const std::string& pkg = w->value;
        if (w->has_expansion || pkg.empty() || pkg.starts_with(".") || pkg.starts_with("/")) continue;
        if (pkg.find("...") != std::string::npos && pkg.find('@') == std::string::npos) continue;
        // Without a dot in its first element the path is not a module to download: the standard
        // library, `tool` (the tools of go.mod), `all`, or the module being built.
        std::string_view first = std::string_view(pkg).substr(0, pkg.find_first_of("/@"));
        if (first.find('.') == std::string_view::npos) continue;
        size_t at = pkg.rfind('@');
        std::string name = pkg.substr(0, at);
        if (at != std::string::npos && pkg.substr(at + 1) != "latest" && at + 1 < pkg.size()) continue;
        ctx.report({w->start, w->end},
                   "go install of '" + name + "' has no version: pin it (" + name + "@<version>)");
      }
}

}  // namespace

extern const Rule kRulePinGoInstallVersions = {
    .id = "PinGoInstallVersions",
    .default_severity = Severity::Info,
    .summary = "go install without a version",
    .hadolint_code = "DL3062",
    .check = check_pin_go_install_versions,
};

}  // namespace dfls
