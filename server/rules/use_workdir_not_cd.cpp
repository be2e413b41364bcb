// UseWorkdirNotCd (hadolint DL3003): a RUN changes directory with `cd` and then works there. The
// WORKDIR instruction says the same thing where a reader looks for it, creates the directory when
// needed, and applies to the following instructions. `cd` inside a subshell (`(cd src && make)`)
// or inside a loop or condition is not reported: it is the way to work in a directory for a moment.
//
// The fix, for `RUN cd /abs/dir && rest` (the cd first, an absolute path, no heredoc), writes
// `WORKDIR /abs/dir` above and keeps `RUN rest`. It is not applied automatically: the new WORKDIR
// also applies to the instructions after the RUN.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

// A path that can be written after WORKDIR as it is.
bool plain_absolute(const shell::Word& w, std::string_view raw) {
  if (w.quoted || w.has_expansion || raw != w.value || !w.value.starts_with("/")) return false;
  for (char c : w.value)
    if (c == ' ' || c == '\t' || c == '\\' || c == '$' || c == '"' || c == '\'') return false;
  return true;
}

std::optional<Fix> workdir_fix(const Document& doc, const shell_rules::RunScripts& run,
                               const shell_rules::RunCommand& rc) {
  const model::Instruction& ins = *run.ins;
  const auto& cmds = run.line.commands;
  if (rc.heredoc || ins.inside_onbuild || !ins.heredocs.empty() || cmds.size() < 2 || &cmds[0] != rc.cmd) return {};
  const shell::Command& cd = cmds[0];
  const shell::Command& next = cmds[1];
  if (rc.program != 0 || cd.args.size() != 2 || cd.separator_after != "&&" || !cd.redirects.empty() ||
      !cd.assignments.empty() || next.depth != 0 || next.nested || next.block_depth != 0)
    return {};
  std::string_view text = doc.text();
  const shell::Word& dir = cd.args[1];
  if (!plain_absolute(dir, text.substr(dir.start, dir.end - dir.start))) return {};
  size_t line_start = ins.span.start;
  while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
  std::string indent(text.substr(line_start, ins.span.start - line_start));
  if (indent.find_first_not_of(" \t") != std::string::npos) return {};
  std::string nl = line_start >= 2 && text[line_start - 2] == '\r' ? "\r\n" : "\n";
  std::string workdir = shell_rules::keyword_like(ins, "WORKDIR") + " " + dir.value + nl + indent;
  return Fix{.title = "Use WORKDIR " + dir.value,
             .edits = {{{ins.span.start, ins.span.start}, workdir}, {{cd.start, next.start}, ""}},
             .safe = false};
}

void check_use_workdir_not_cd(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand* rc : run.named("cd")) {
      const shell::Command& cmd = *rc->cmd;
      if (cmd.depth > 0 || cmd.nested || cmd.block_depth > 0 || cmd.in_pipeline) continue;
      Diag& d = ctx.report({cmd.start, cmd.end}, "cd in a RUN: use WORKDIR to change the working directory");
      if (auto fix = workdir_fix(ctx.doc, run, *rc)) d.fixes.push_back(std::move(*fix));
    }
}

}  // namespace

extern const Rule kRuleUseWorkdirNotCd = {
    .id = "UseWorkdirNotCd",
    .default_severity = Severity::Warning,
    .summary = "cd in RUN instead of WORKDIR",
    .hadolint_code = "DL3003",
    .check = check_use_workdir_not_cd,
};

}  // namespace dfls
