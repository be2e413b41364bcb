// CopyWholeFilesystem (hadolint DL3067): `COPY --from=<stage> / /` copies the entire file system
// of another stage or image over the image's own: its package manager, caches, shells and
// everything else the build needed. That undoes the point of a multi-stage build; copy the files
// the image needs. Not reported:
// - a stage built FROM scratch, which holds only what was copied into it, also through a FROM
//   whose value is not known (`FROM binaries-$TARGETOS`) when every stage it may be is one;
// - images made to be copied whole: tonistiigi/xx (cross-compilation helpers) and
//   gloursdocker/docker (the Docker CLI and its plugins), both scratch images of files;
// - the squash idiom: the first COPY of a FROM scratch stage (no COPY, ADD or RUN before it),
//   which flattens the source into one layer and adds nothing to it;
// - copying a root into a subdirectory (`COPY --from=x / /out/`).
#include <algorithm>
#include <string>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

std::string_view unquoted(const model::Instruction& ins, const model::Word& w) {
  std::string_view s = w.text;
  if (!ins.json_form && s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = s.substr(1, s.size() - 2);
  return s;
}

bool is_root(std::string_view p) { return p == "/" || p == "/." || p == "/*"; }

// Whether an image is made to be copied whole: a scratch image of files.
bool copyable_image(const ImageRef& image) {
  return image.repository == "tonistiigi/xx" || image.repository == "gloursdocker/docker";
}

// Whether a stage holds only files copied into it: built FROM scratch or a copyable image,
// following FROM <stage>; a FROM whose value is not known counts when every stage it may be does.
bool scratch_based(const model::Model& m, int stage) {
  std::vector<int> chain = shell_rules::stage_chain(m, stage);
  if (chain.empty()) return false;
  const ImageRef& base = m.stages[chain.back()].base;
  if (base.is_scratch() || copyable_image(base)) return true;
  std::vector<int> candidates = rules::variable_base_stages(m, chain.back());
  return !candidates.empty() &&
         std::all_of(candidates.begin(), candidates.end(), [&](int s) { return scratch_based(m, s); });
}

// The stage a --from value names (by name or index), or -1.
int source_stage(const model::Model& m, std::string_view name) {
  if (const model::Stage* st = m.stage_named(name)) return st->index;
  bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || name.size() > 9) return -1;
  int i = std::stoi(std::string(name));
  return i < static_cast<int>(m.stages.size()) ? i : -1;
}

// Whether --from names a stage of this file that holds only copied files, or a copyable image.
bool scratch_source(const model::Model& m, std::string_view name) {
  if (copyable_image(parse_image_ref(name))) return true;
  int stage = source_stage(m, name);
  return stage >= 0 && scratch_based(m, stage);
}

// Whether a COPY squashes its source into a FROM scratch stage: no COPY, ADD or RUN before it.
bool squashes(const model::Model& m, const model::Instruction& copy) {
  const model::Stage& st = m.stages[copy.stage];
  if (!st.base.is_scratch()) return false;
  for (int i : st.instructions) {
    const model::Instruction& ins = m.instructions[i];
    if (&ins == &copy) return true;
    if (ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add || ins.kind == model::Kind::Run) return false;
  }
  return false;
}

void check_copy_whole_filesystem(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Copy) continue;
    const model::Flag* from = ins.flag("from");
    if (!from || !from->value) continue;
    shell_rules::CopyPaths paths = shell_rules::copy_paths(ins);
    if (!paths.dest || !is_root(unquoted(ins, *paths.dest)) || scratch_source(m, *from->value)) continue;
    if (ins.stage >= 0 && squashes(m, ins)) continue;
    for (const model::Word* w : paths.sources) {
      if (!is_root(unquoted(ins, *w))) continue;
      ctx.report(w->span, "COPY --from=" + *from->value + " / copies the whole file system: copy only what the image needs");
    }
  }
}

}  // namespace

extern const Rule kRuleCopyWholeFilesystem = {
    .id = "CopyWholeFilesystem",
    .default_severity = Severity::Warning,
    .summary = "COPY --from of a whole file system",
    .hadolint_code = "DL3067",
    .check = check_copy_whole_filesystem,
};

}  // namespace dfls
