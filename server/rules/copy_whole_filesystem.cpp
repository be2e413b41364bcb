// CopyWholeFilesystem (hadolint DL3067): `COPY --from=<stage> / <dest>` copies the entire file
// system of another stage or image: its package manager, caches, shells and everything else the
// build needed. That undoes the point of a multi-stage build; copy the files the image needs.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_copy_whole_filesystem(RuleContext& ctx) {
  for (const model::Instruction& ins : ctx.doc.model().instructions) {
    if (ins.kind != model::Kind::Copy) continue;
    const model::Flag* from = ins.flag("from");
    if (!from || !from->value) continue;
    for (const model::Word* w : shell_rules::copy_paths(ins).sources) {
      std::string_view src = w->text;
      if (!ins.json_form && src.size() >= 2 && (src.front() == '"' || src.front() == '\'')) src = src.substr(1, src.size() - 2);
      if (src != "/" && src != "/." && src != "/*")
        continue;
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
