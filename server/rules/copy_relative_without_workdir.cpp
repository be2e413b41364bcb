// CopyRelativeWithoutWorkdir (hadolint DL3045): a COPY has a relative destination (`COPY app.py
// app/`) while no WORKDIR was set in the stage or in the stages it is built FROM. The files then
// land relative to the base image's working directory, which this Dockerfile does not show and
// which may change with the image. Set a WORKDIR first, or write an absolute destination.
// Destinations starting with a variable, and stages built on scratch (whose working directory
// is always /), are not reported.
#include <cctype>

#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool absolute(std::string_view p) {
  if (p.starts_with("/") || p.starts_with("\\") || p.starts_with("$")) return true;
  return p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':';
}

void check_copy_relative_without_workdir(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Stage& st : m.stages) {
    std::vector<int> chain = shell_rules::stage_chain(m, st.index);
    // scratch has no working directory but "/": nothing to depend on.
    bool workdir = !chain.empty() && m.stages[chain.back()].base.is_scratch();
    for (size_t k = 1; k < chain.size() && !workdir; ++k)
      for (int i : m.stages[chain[k]].instructions)
        workdir = workdir || (m.instructions[i].kind == model::Kind::Workdir && !m.instructions[i].inside_onbuild);
    for (int i : st.instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.inside_onbuild) continue;
      if (ins.kind == model::Kind::Workdir) workdir = true;
      if (ins.kind != model::Kind::Copy || workdir) continue;
      shell_rules::CopyPaths paths = shell_rules::copy_paths(ins);
      if (!paths.dest) continue;
      std::string dest = paths.dest->text;
      if (!ins.json_form && !dest.empty() && (dest.front() == '"' || dest.front() == '\'')) dest = dest.substr(1);
      if (dest.empty() || absolute(dest)) continue;
      ctx.report(paths.dest->span, "COPY to the relative path '" + dest +
                                       "' before any WORKDIR: it depends on the base image's working directory");
    }
  }
}

}  // namespace

extern const Rule kRuleCopyRelativeWithoutWorkdir = {
    .id = "CopyRelativeWithoutWorkdir",
    .default_severity = Severity::Warning,
    .summary = "COPY to a relative path without WORKDIR",
    .hadolint_code = "DL3045",
    .check = check_copy_relative_without_workdir,
};

}  // namespace dfls
