// SetPipefail (hadolint DL4006): a RUN pipes commands (`curl -fsSL URL | tar -xz`) while its shell
// lacks `-o pipefail`. The status of a pipeline is that of its last command, so when the download
// fails, `tar` may still succeed and the build goes on with a broken image. Silent when the
// stage's SHELL sets `-o pipefail`, when the script runs `set -o pipefail` (or `set -euo pipefail`)
// before the pipe, when the command left of the pipe is `echo` or `printf` (whose failure does not
// matter: `echo "$sum *file" | sha256sum -c`, also inside `$(...)`), and when the shell is not a
// POSIX shell. Heredoc scripts run
// by the stage's shell are checked like the command line; a script run by a shell named in the
// command (`RUN bash <<EOF`) or in its shebang needs its own `set -o pipefail`.
//
// The fix inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` above the RUN (`/bin/ash` on
// Alpine and BusyBox images, which have no bash). It is not applied automatically: the shell must
// exist in the image, and the SHELL also applies to the instructions after it.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

// Whether a command is `set ... -o pipefail` (also `-eo pipefail`, `-euxo pipefail`).
bool sets_pipefail(const shell::Command& c) {
  if (c.args.empty() || c.args[0].value != "set") return false;
  for (size_t i = 1; i + 1 < c.args.size(); ++i) {
    std::string_view a = c.args[i].value;
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a.back() == 'o' && c.args[i + 1].value == "pipefail")
      return true;
  }
  return false;
}

// Whether the command on the left of a pipe is one whose failure does not matter (echo, printf),
// also inside a command substitution (`x="$(echo "$y" | tr -d 3)"`): the left operand is the
// nearest command ending before the pipe at the pipe's depth.
bool harmless_left(const shell::Script& s, const shell::Separator& sep) {
  const shell::Command* left = nullptr;
  for (const shell::Command& c : s.commands)
    if (c.depth == sep.depth && c.end <= sep.start && (!left || c.end > left->end)) left = &c;
  if (!left) return false;
  std::string name = shell_rules::word_name(*left, shell_rules::program_index(*left));
  return name == "echo" || name == "printf" || name == "yes" || name == "true";
}

// The first pipe of a script not preceded by `set -o pipefail`, or nullptr.
const shell::Separator* unguarded_pipe(const shell::Script& s) {
  for (const shell::Separator& sep : s.separators) {
    if ((sep.op != "|" && sep.op != "|&") || harmless_left(s, sep)) continue;
    bool guarded = false;
    for (const shell::Command& c : s.commands)
      if (c.start < sep.start && c.depth == 0 && !c.nested && sets_pipefail(c)) guarded = true;
    return guarded ? nullptr : &sep;
  }
  return nullptr;
}

bool alpine_like(const model::Model& m, int stage) {
  std::vector<int> chain = shell_rules::stage_chain(m, stage);
  if (chain.empty()) return false;
  const ImageRef& base = m.stages[chain.back()].base;
  std::string repo = shell_rules::basename(base.repository);
  return repo == "alpine" || repo == "busybox" || base.tag.find("alpine") != std::string::npos;
}

void check_set_pipefail(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc)) {
    if (!run.analysed) continue;
    const bool shell_pipefail = run.shell.pipefail();
    const shell::Separator* pipe = shell_pipefail ? nullptr : unguarded_pipe(run.line);
    for (size_t i = 0; i < run.bodies.size() && !pipe; ++i)
      if (!(run.body_direct[i] && shell_pipefail)) pipe = unguarded_pipe(run.bodies[i]);
    if (!pipe) continue;
    Diag& d = ctx.report({pipe->start, pipe->end},
                         "a pipe without pipefail: the RUN ignores a failure before the last command of the pipeline");
    const model::Instruction& ins = *run.ins;
    if (ins.inside_onbuild) continue;
    size_t line_start = ins.span.start;
    while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
    std::string indent(text.substr(line_start, ins.span.start - line_start));
    if (indent.find_first_not_of(" \t") != std::string::npos) continue;
    std::string program = run.shell.instruction >= 0 && run.shell.name() != "sh" ? run.shell.argv.front()
                          : alpine_like(m, ins.stage)                             ? "/bin/ash"
                                                                                  : "/bin/bash";
    std::string nl = line_start >= 2 && text[line_start - 2] == '\r' ? "\r\n" : "\n";
    std::string shell_line = shell_rules::keyword_like(ins, "SHELL") + " [\"" + program + "\", \"-o\", \"pipefail\", \"-c\"]";
    d.fixes.push_back(Fix{.title = "Set pipefail: " + shell_line,
                          .edits = {{{ins.span.start, ins.span.start}, shell_line + nl + indent}},
                          .safe = false});
  }
}

}  // namespace

extern const Rule kRuleSetPipefail = {
    .id = "SetPipefail",
    .default_severity = Severity::Warning,
    .summary = "A pipe in RUN without pipefail",
    .hadolint_code = "DL4006",
    .check = check_set_pipefail,
};

}  // namespace dfls
