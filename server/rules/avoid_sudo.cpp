// AvoidSudo (hadolint DL3004): a RUN uses `sudo`. RUN already runs as the current USER (root
// unless a USER says otherwise); sudo is usually not installed in base images, asks for a
// password or a tty, and behaves unpredictably. Switch users with USER instead, or, to run one
// program as another user in an entrypoint, use gosu or su-exec.
//
// Unlike hadolint, `sudo -u <user>` (or `--user`) naming a user other than root is not reported
// while the stage runs as root: root drops its privileges for one command (`sudo -u builder
// makepkg`, which refuses to run as root), needing no password or tty, as gosu would.
#include <optional>
#include <string>

#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

// The user that the sudo word at args[at] is told to run as (-u, --user), or nothing.
std::optional<std::string> sudo_target_user(const shell_rules::RunCommand& rc, size_t at) {
  std::optional<std::string> user;
  const auto& args = rc.cmd->args;
  for (size_t i = at + 1; i < rc.program && i < args.size(); ++i) {
    std::string_view w = args[i].value;
    if ((w == "-u" || w == "--user") && i + 1 < rc.program) user = args[++i].value;
    else if (w.starts_with("--user=")) user = std::string(w.substr(7));
    else if (w.size() > 2 && w.starts_with("-u")) user = std::string(w.substr(2));
  }
  return user;
}

bool is_root_name(std::string_view user) { return user == "root" || user == "0" || user == "#0"; }

// Whether the RUN runs as root: the user in effect is root, by a USER instruction or by the image.
bool runs_as_root(const Document& doc, const model::Instruction& ins) {
  const model::Model& m = doc.model();
  if (ins.stage < 0) return false;
  int index = static_cast<int>(&ins - m.instructions.data());
  quality::StageUser user = quality::user_at(m, ins.stage, index, doc.text());
  return user.root() && (user.known || !user.explicit_user);
}

// Whether a sudo drops root's privileges for one command: `sudo -u <user>` run as root.
bool drops_privileges(const Document& doc, const shell_rules::RunScripts& run, const shell_rules::RunCommand& rc,
                      size_t at) {
  std::optional<std::string> user = sudo_target_user(rc, at);
  return user && !user->empty() && !is_root_name(*user) && runs_as_root(doc, *run.ins);
}

void check_avoid_sudo(RuleContext& ctx) {
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand& rc : run.commands) {
      // program_index() skips sudo, so look at the words before the program.
      for (size_t i = 0; i < rc.program; ++i)
        if (shell_rules::word_name(*rc.cmd, i) == "sudo") {
          if (drops_privileges(ctx.doc, run, rc, i)) break;
          const shell::Word& w = rc.cmd->args[i];
          ctx.report({w.start, w.end}, "sudo in a RUN: use USER to change the user instead");
          break;
        }
    }
}

}  // namespace

extern const Rule kRuleAvoidSudo = {
    .id = "AvoidSudo",
    .default_severity = Severity::Error,
    .summary = "sudo in RUN",
    .hadolint_code = "DL3004",
    .check = check_avoid_sudo,
};

}  // namespace dfls
