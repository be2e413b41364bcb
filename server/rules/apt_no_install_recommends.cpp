// AptNoInstallRecommends (hadolint DL3015): `apt-get install` (or `apt install`) without
// `--no-install-recommends` also installs every package the named ones recommend, which is
// rarely needed in a container and often doubles the size of the layer. Silent when
// `-o APT::Install-Recommends=false` is given, or when an earlier RUN of the stage (or of a stage
// it is built from) configures APT::Install-Recommends. The fix adds the option after `install`;
// it is not applied automatically, since a recommended package (ca-certificates for curl, say)
// may be needed.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool mentions_install_recommends(const shell::Command& cmd) {
  for (const shell::Word& w : cmd.args)
    if (w.value.find("Install-Recommends") != std::string::npos) return true;
  return false;
}

void check_apt_no_install_recommends(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  auto runs = shell_rules::all_runs(ctx.doc);
  // Stages where a RUN configured apt's default, with the offset of that RUN.
  std::vector<size_t> configured(m.stages.size(), std::string::npos);
  for (const shell_rules::RunScripts& run : runs) {
    int stage = run.ins->stage;
    if (stage < 0) continue;
    for (const shell_rules::RunCommand& rc : run.commands)
      if (rc.name() != "apt-get" && rc.name() != "apt" && mentions_install_recommends(*rc.cmd) &&
          configured[stage] == std::string::npos)
        configured[stage] = run.ins->span.start;
  }
  for (const shell_rules::RunScripts& run : runs) {
    bool preset = false;
    for (int s : shell_rules::stage_chain(m, run.ins->stage))
      preset = preset || (configured[s] != std::string::npos && configured[s] < run.ins->span.start);
    if (preset) continue;
    for (const char* tool : {"apt-get", "apt"})
      for (const shell_rules::ToolCommand& tc : shell_rules::tool_commands(run, tool, {"install"})) {
        if (shell_rules::has_option(tc.cmd(), tc.program + 1, {"--no-install-recommends"}) ||
            mentions_install_recommends(tc.cmd()))
          continue;
        std::string what = tc.cmd().args[tc.program].value + " install";
        Diag& d = ctx.report(tc.range(), what + " without --no-install-recommends also installs recommended packages");
        size_t at = tc.verb_word().end;
        d.fixes.push_back(Fix{.title = "Add --no-install-recommends",
                              .edits = {{{at, at}, " --no-install-recommends"}},
                              .safe = false});
      }
  }
}

}  // namespace

extern const Rule kRuleAptNoInstallRecommends = {
    .id = "AptNoInstallRecommends",
    .default_severity = Severity::Info,
    .summary = "apt-get install without --no-install-recommends",
    .hadolint_code = "DL3015",
    .check = check_apt_no_install_recommends,
};

}  // namespace dfls
