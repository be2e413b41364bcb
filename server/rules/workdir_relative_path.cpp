// WorkdirRelativePath (BuildKit): the first WORKDIR of a stage (counting the stages it is built
// FROM in this file) is a relative path, so where it lands depends on the base image's working
// directory, which may change. Later relative WORKDIRs build on the first and are not reported.
#include <cctype>
#include <vector>

#include "core/expand.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

bool is_absolute(std::string_view p) {
  if (p.starts_with('/') || p.starts_with('\\')) return true;
  // A Windows drive letter (C:\app or C:/app), absolute for Windows images.
  return p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':';
}

void check_workdir_relative_path(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::vector<bool> set(m.stages.size(), false);
  for (const model::Stage& st : m.stages) {
    if (st.parent >= 0 && st.parent < st.index) set[st.index] = set[st.parent];
    for (int i : st.instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind != model::Kind::Workdir || ins.inside_onbuild) continue;
      if (set[st.index]) break;
      set[st.index] = true;
      rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
      std::string_view raw = rules::trim(line.rest());
      if (raw.empty()) break;
      ExpandResult r = expand(raw, rules::lookup_at(m, ins), m.escape);
      if (r.error || r.unknown || r.value.empty() || is_absolute(r.value)) break;
      size_t start = line.rest_start;
      ByteRange range = line.line.range(start, start + raw.size());
      Diag& d = ctx.report(range, "relative WORKDIR '" + r.value +
                                      "' depends on the working directory of the base image");
      if (raw == r.value && !r.value.empty())
        d.fixes.push_back(Fix{.title = "Make it absolute: /" + r.value, .edits = {{{range.start, range.start}, "/"}},
                              .safe = false});
      break;
    }
  }
}

}  // namespace

extern const Rule kRuleWorkdirRelativePath = {
    .id = "WorkdirRelativePath",
    .default_severity = Severity::Warning,
    .summary = "The first WORKDIR of a stage is a relative path",
    .hadolint_code = "DL3000",
    .rcjsuen_code = "50",
    .check = check_workdir_relative_path,
    .buildkit_name = "WorkdirRelativePath",
};

}  // namespace dfls
