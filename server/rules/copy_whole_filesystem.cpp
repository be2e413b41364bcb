// CopyWholeFilesystem (hadolint DL3067): `COPY --from=<stage> / /` copies the entire file system
// of another stage or image over the image's own: its package manager, caches, shells and
// everything else the build needed. That undoes the point of a multi-stage build; copy the files
// the image needs. A stage built FROM scratch holds only what was copied into it, so copying it
// whole is fine and not reported, and so is tonistiigi/xx, a scratch image of cross-compilation
// helpers made to be copied whole; nor is copying a root into a subdirectory (`COPY --from=x / /out/`).
#include <string>

#include "core/model/model.h"
#include "rules/rule.h"
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

// Whether --from names a stage of this file built FROM scratch, or tonistiigi/xx (the
// cross-compilation helpers, a scratch image made to be copied whole).
bool from_scratch_stage(const model::Model& m, std::string_view name) {
  if (parse_image_ref(name).repository == "tonistiigi/xx") return true;
  const model::Stage* st = m.stage_named(name);
  if (!st) {
    bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) return false;
    size_t i = std::stoul(std::string(name));
    if (i >= m.stages.size()) return false;
    st = &m.stages[i];
  }
  std::vector<int> chain = shell_rules::stage_chain(m, st->index);
  if (chain.empty()) return false;
  const ImageRef& base = m.stages[chain.back()].base;
  return base.is_scratch() || base.repository == "tonistiigi/xx";
}

void check_copy_whole_filesystem(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Copy) continue;
    const model::Flag* from = ins.flag("from");
    if (!from || !from->value) continue;
    shell_rules::CopyPaths paths = shell_rules::copy_paths(ins);
    if (!paths.dest || !is_root(unquoted(ins, *paths.dest)) || from_scratch_stage(m, *from->value)) continue;
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
