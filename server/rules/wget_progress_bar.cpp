// WgetProgressBar (hadolint DL3047): `wget` without an option controlling its progress output.
// Without a terminal, wget prints a line of dots for every few kilobytes, which floods the build
// log with thousands of lines for a large download. `--progress=dot:giga` keeps the log short;
// `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`, `-a`) silence it. The fix adds
// `--progress=dot:giga`; it is not applied automatically because BusyBox's wget (Alpine) does
// not know that option (use `-q` there).
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

// Whether a short-option word ("-qO-", "-nv") quiets wget or sends its log to a file.
bool quiet_short_options(std::string_view w) {
  if (w == "-nv") return true;
  if (w.size() < 2 || w[0] != '-' || w[1] == '-') return false;
  for (char c : w.substr(1)) {
    if (c == 'q' || c == 'o' || c == 'a') return true;
    // Options taking a value end the cluster: the rest is their value.
    if (std::string_view("OPtTwUeiBlQDY").find(c) != std::string_view::npos) return false;
  }
  return false;
}

void check_wget_progress_bar(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand* rc : run.named("wget")) {
      const shell::Command& cmd = *rc->cmd;
      bool quiet = shell_rules::has_option(
          cmd, rc->program + 1, {"--progress", "--quiet", "--no-verbose", "--output-file", "--append-output"});
      for (size_t i = rc->program + 1; i < cmd.args.size() && !quiet; ++i) {
        if (cmd.args[i].value == "--") break;
        quiet = quiet_short_options(cmd.args[i].value);
      }
      if (quiet) continue;
      const shell::Word& w = cmd.args[rc->program];
      Diag& d = ctx.report({w.start, w.end}, "wget without --progress or -q fills the build log with progress dots");
      d.fixes.push_back(Fix{.title = "Add --progress=dot:giga",
                            .edits = {{{w.end, w.end}, " --progress=dot:giga"}},
                            .safe = false});
    }
}

}  // namespace

extern const Rule kRuleWgetProgressBar = {
    .id = "WgetProgressBar",
    .default_severity = Severity::Info,
    .summary = "wget without progress control",
    .hadolint_code = "DL3047",
    .check = check_wget_progress_bar,
};

}  // namespace dfls
