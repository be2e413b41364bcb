// NoShellInBase: a shell-form RUN, CMD or ENTRYPOINT, or a HEALTHCHECK CMD in shell form, in a
// stage whose image has no /bin/sh: scratch, gcr.io/distroless/* (except the :debug tags) and
// Chainguard's runtime images, also when the stage starts FROM another stage built on one. The
// shell form runs `/bin/sh -c "..."`, so the build step fails ("exec: /bin/sh: no such file"),
// or the container does not start. A SHELL instruction naming another shell lifts the check.
// The fix writes CMD, ENTRYPOINT and HEALTHCHECK in exec form when the command is one plain
// command (no operators, redirections or variables), which needs no shell.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_no_shell_in_base(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Stage& stage : m.stages) {
    quality::BaseImage base = quality::stage_base(m, stage.index);
    if (quality::image_has_shell(base)) continue;
    // A SHELL instruction in the chain before an instruction replaces /bin/sh.
    bool custom_shell = false;
    std::vector<int> chain = quality::stage_chain(m, stage.index);
    for (size_t k = 1; k < chain.size(); ++k)
      for (int i : m.stages[chain[k]].instructions)
        if (m.instructions[i].kind == model::Kind::Shell) custom_shell = true;
    std::string image = quality::image_label(base);
    for (int i : stage.instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.inside_onbuild) continue;
      if (ins.kind == model::Kind::Shell) custom_shell = true;
      if (custom_shell) continue;
      std::string_view args = ins.args_text(text);
      ByteRange command = ins.args_span;
      std::string what;
      if (ins.kind == model::Kind::Run && !ins.json_form) {
        what = "RUN";
      } else if ((ins.kind == model::Kind::Cmd || ins.kind == model::Kind::Entrypoint) && !ins.json_form) {
        what = "shell-form " + std::string(model::kind_keyword(ins.kind));
      } else if (ins.kind == model::Kind::Healthcheck && !ins.json_form && args.size() > 3 &&
                 rules::iequals(args.substr(0, 3), "cmd") && (args[3] == ' ' || args[3] == '\t')) {
        what = "HEALTHCHECK CMD in shell form";
        size_t skip = 3;
        while (skip < args.size() && (args[skip] == ' ' || args[skip] == '\t')) ++skip;
        command.start += skip;
      } else {
        continue;
      }
      if (args.empty()) continue;
      Diag& d = ctx.report(ins.keyword_span,
                           what + " needs /bin/sh, and " + image + " has no shell");
      if (ins.kind == model::Kind::Run) continue;
      std::string_view shell_text = text.substr(command.start, command.size());
      if (auto exec = rules::shell_to_exec_form(shell_text, m.escape))
        d.fixes.push_back(Fix{.title = "Use the exec form " + *exec, .edits = {{command, *exec}}, .safe = true,
                              .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleNoShellInBase = {
    .id = "NoShellInBase",
    .default_severity = Severity::Error,
    .summary = "A shell form in a stage whose image has no shell",
    .check = check_no_shell_in_base,
};

}  // namespace dfls
