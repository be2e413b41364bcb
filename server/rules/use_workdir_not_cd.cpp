// UseWorkdirNotCd (hadolint DL3003): a RUN changes directory with `cd` and then works there. The
// WORKDIR instruction says the same thing where a reader looks for it, creates the directory when
// needed, and applies to the following instructions. `cd` inside a subshell (`(cd src && make)`)
// or inside a loop or condition is not reported: it is the way to work in a directory for a moment.
// Only the first `cd` of a script is reported; the advice covers the rest, and a later `cd /` or
// `cd ..` only goes back. Nor is a `cd` into a directory that a later `rm -r` of the same script
// removes (or a directory above it), with the cds back out of it: a build directory that lives
// for one RUN, which WORKDIR cannot express (hadolint#422).
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

// Whether a command runs at the top level of its script: not in a subshell, a substitution, a
// loop, a condition or a pipeline.
bool top_level(const shell::Command& c) { return c.depth == 0 && !c.nested && c.block_depth == 0 && !c.in_pipeline; }

// A path without trailing slashes ("/" stays).
std::string_view without_trailing_slash(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  return p;
}

// Whether `dir` is `removed` or a directory inside it, comparing the words as written.
bool within(std::string_view dir, std::string_view removed) {
  dir = without_trailing_slash(dir);
  removed = without_trailing_slash(removed);
  if (removed.empty() || removed == "/") return false;
  return dir == removed || (dir.size() > removed.size() && dir.starts_with(removed) && dir[removed.size()] == '/');
}

// The directory a cd goes to, as written ("" for a bare `cd`, which goes home).
std::string cd_target(const shell_rules::RunCommand& cd) {
  std::vector<const shell::Word*> words = shell_rules::operands(*cd.cmd, cd.program + 1, {});
  return words.empty() ? std::string() : words.front()->value;
}

// Whether a cd only goes back: to the root, up (`..`, `../..`), to the previous directory or home.
bool goes_back(std::string_view dir) {
  if (dir.empty() || dir == "/" || dir == "-" || dir == "~") return true;
  for (size_t at = 0; at < dir.size(); at += 3)
    if (dir.substr(at, 2) != ".." || (at + 2 < dir.size() && dir[at + 2] != '/')) return false;
  return true;
}

// Whether a later top-level `rm -r` of the same script removes the directory a cd goes to.
bool removed_later(const shell_rules::RunScripts& run, const shell_rules::RunCommand& cd) {
  std::string dir = cd_target(cd);
  if (goes_back(dir)) return false;
  for (const shell_rules::RunCommand* rm : run.named("rm")) {
    const shell::Command& c = *rm->cmd;
    if (rm->script != cd.script || c.start < cd.cmd->end || !top_level(c)) continue;
    if (!shell_rules::has_option(c, rm->program + 1, {"-r", "-R", "--recursive"})) continue;
    for (const shell::Word* w : shell_rules::operands(c, rm->program + 1, {}))
      if (within(dir, w->value)) return true;
  }
  return false;
}

// The cd of a script to report: its first top-level cd, passing over cds into directories the
// script removes later and the cds that go back out of them.
const shell_rules::RunCommand* reported_cd(const shell_rules::RunScripts& run, int script) {
  bool left_removed_dir = false;
  for (const shell_rules::RunCommand* rc : run.named("cd")) {
    if (rc->script != script || !top_level(*rc->cmd)) continue;
    if (removed_later(run, *rc)) {
      left_removed_dir = true;
      continue;
    }
    if (left_removed_dir && goes_back(cd_target(*rc))) continue;
    return rc;
  }
  return nullptr;
}

void check_use_workdir_not_cd(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (int script = 0; script <= static_cast<int>(run.bodies.size()); ++script) {
      const shell_rules::RunCommand* rc = reported_cd(run, script);
      if (!rc) continue;
      Diag& d = ctx.report({rc->cmd->start, rc->cmd->end}, "cd in a RUN: use WORKDIR to change the working directory");
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
