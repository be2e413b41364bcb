// UseAddForArchive (hadolint DL3010): a COPY brings a local tar archive into the image and a
// later RUN of the same stage unpacks it (`tar -xf`). The archive then stays in the COPY's layer
// although only its contents are wanted. `ADD app.tar.gz /opt/` unpacks a local tar archive
// (compressed or not) in one step, and the archive itself never lands in a layer. Zip files are
// not concerned: ADD does not unpack them.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

bool extracts(const shell::Command& c, size_t program) {
  for (size_t i = program + 1; i < c.args.size(); ++i) {
    std::string_view a = c.args[i].value;
    if (a == "--extract" || a == "--get") return true;
    if (a.starts_with("-") && !a.starts_with("--") && a.find('x') != std::string_view::npos) return true;
    // Old-style first argument without a dash: "xzf".
    if (i == program + 1 && !a.starts_with("-") && a.find('x') != std::string_view::npos &&
        a.find_first_not_of("xzjJvfpoa") == std::string_view::npos)
      return true;
  }
  return false;
}

void check_use_add_for_archive(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  auto runs = shell_rules::all_runs(ctx.doc, false);
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Copy || ins.inside_onbuild || ins.flag("from")) continue;
    for (const model::Word* w : shell_rules::copy_paths(ins).sources) {
      std::string name = shell_rules::basename(ins.json_form ? w->text : unquote(w->text));
      if (!shell_rules::is_archive_name(name) || name.find('$') != std::string::npos) continue;
      bool unpacked = false;
      for (const shell_rules::RunScripts& run : runs) {
        if (run.ins->stage != ins.stage || run.ins->span.start < ins.span.end || unpacked) continue;
        for (const shell_rules::RunCommand* rc : run.named("tar")) {
          if (!extracts(*rc->cmd, rc->program)) continue;
          for (size_t i = rc->program + 1; i < rc->cmd->args.size(); ++i)
            if (shell_rules::basename(rc->cmd->args[i].value) == name) unpacked = true;
        }
      }
      if (unpacked)
        ctx.report(w->span, "archive '" + name + "' is copied, then unpacked: ADD unpacks local archives itself");
    }
  }
}

}  // namespace

extern const Rule kRuleUseAddForArchive = {
    .id = "UseAddForArchive",
    .default_severity = Severity::Info,
    .summary = "COPY of an archive that a RUN then unpacks",
    .hadolint_code = "DL3010",
    .check = check_use_add_for_archive,
};

}  // namespace dfls
