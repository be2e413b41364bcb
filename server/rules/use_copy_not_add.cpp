// UseCopyNotAdd (hadolint DL3020): ADD copies local files or directories, which COPY does too.
// ADD also downloads URLs and unpacks local tar archives; using it for plain files hides that
// magic where a reader does not expect it (a file renamed to .tar.gz is suddenly unpacked). ADDs
// with a URL, a Git repository or an archive among their sources, with ADD-only flags
// (--checksum, --keep-git-dir, --unpack), or with sources whose value is not known (a build
// argument without a default, an undefined variable) are not
// reported. The fix replaces ADD with COPY.
#include "core/expand.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

void check_use_copy_not_add(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Add) continue;
    if (ins.flag("checksum") || ins.flag("keep-git-dir") || ins.flag("unpack")) continue;
    shell_rules::CopyPaths paths = shell_rules::copy_paths(ins);
    if (paths.sources.empty()) continue;
    bool plain = true;
    for (const model::Word* w : paths.sources) {
      std::string src = ins.json_form ? w->text : unquote(w->text);
      if (src.find('$') != std::string::npos) {
        ExpandResult r = expand(src, rules::lookup_at(m, ins), m.escape);
        if (r.error || r.unknown || !r.undefined.empty()) {
          plain = false;
          break;
        }
        src = r.value;
      }
      if (shell_rules::is_remote_source(src) || shell_rules::is_archive_name(src)) plain = false;
    }
    if (!plain) continue;
    Diag& d = ctx.report(ins.keyword_span, "ADD of local files: use COPY, which does only that");
    d.fixes.push_back(Fix{.title = "Replace ADD with COPY",
                          .edits = {{ins.keyword_span, shell_rules::keyword_like(ins, "COPY")}},
                          .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleUseCopyNotAdd = {
    .id = "UseCopyNotAdd",
    .default_severity = Severity::Error,
    .summary = "ADD for local files instead of COPY",
    .hadolint_code = "DL3020",
    .check = check_use_copy_not_add,
};

}  // namespace dfls
