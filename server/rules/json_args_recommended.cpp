// JSONArgsRecommended (BuildKit): CMD or ENTRYPOINT in shell form. The command then runs under
// `/bin/sh -c`, which becomes PID 1 and does not pass signals such as SIGTERM on, so the container
// cannot stop cleanly. Not reported when the stage (or a stage it is built FROM) sets a SHELL:
// then the shell form is a deliberate choice. A shell set by the base image is not known here.
// A command that starts with `exec` (`CMD exec node app.js`) replaces the shell, so signals do
// reach the program; BuildKit still reports it, and so does this rule, without that claim. Its
// fix drops the `exec`.
#include <optional>

#include "core/model/model.h"
#include "core/shell/shell.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// Whether a SHELL instruction applies at instruction `index` of `stage`: earlier in the stage, or
// anywhere in the stages it is built FROM.
bool shell_set(const model::Model& m, int stage, int index) {
  bool own = true;
  for (int s = stage, guard = 0; s >= 0 && guard <= static_cast<int>(m.stages.size()); ++guard) {
    for (int i : m.stages[s].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind == model::Kind::Shell && !ins.inside_onbuild && (!own || i < index)) return true;
    }
    own = false;
    int parent = m.stages[s].parent;
    if (parent == s) break;
    s = parent;
  }
  return false;
}

// The command after a leading `exec` (`exec node app.js` gives `node app.js`), or nothing when the
// command does not start with `exec <program>`.
std::optional<std::string_view> after_exec(std::string_view command, char escape) {
  shell::Script script = shell::split(command, 0, escape);
  if (script.commands.empty()) return std::nullopt;
  const shell::Command& first = script.commands.front();
  if (first.depth > 0 || !first.assignments.empty() || first.args.size() < 2 || first.args[0].value != "exec" ||
      first.args[1].value.starts_with("-"))
    return std::nullopt;
  return command.substr(first.args[1].start);
}

void check_json_args_recommended(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const model::Instruction& ins = m.instructions[i];
    if ((ins.kind != model::Kind::Cmd && ins.kind != model::Kind::Entrypoint) || ins.json_form ||
        ins.inside_onbuild || ins.stage < 0)
      continue;
    if (shell_set(m, ins.stage, static_cast<int>(i))) continue;
    std::string kw = rules::to_upper(ins.keyword);
    ByteRange range = ins.args_span.empty() ? ins.keyword_span : ins.args_span;
    std::string_view command = ins.args_text(text);
    std::optional<std::string_view> execed = after_exec(command, m.escape);
    Diag& d = ctx.report(range, execed ? kw + " in shell form: exec passes signals on, but BuildKit recommends the JSON form"
                                       : kw + " in shell form runs under /bin/sh -c, which does not forward signals: "
                                              "use the JSON form");
    if (ins.json_like_shell) continue;  // InvalidJsonArguments has the fix.
    if (auto exec = rules::shell_to_exec_form(execed.value_or(command), m.escape))
      d.fixes.push_back(Fix{.title = "Use the JSON form " + *exec, .edits = {{ins.args_span, *exec}}, .safe = false});
  }
}

}  // namespace

extern const Rule kRuleJSONArgsRecommended = {
    .id = "JSONArgsRecommended",
    .default_severity = Severity::Warning,
    .summary = "CMD and ENTRYPOINT should use the JSON (exec) form",
    .hadolint_code = "DL3025",
    .check = check_json_args_recommended,
    .buildkit_name = "JSONArgsRecommended",
};

}  // namespace dfls
