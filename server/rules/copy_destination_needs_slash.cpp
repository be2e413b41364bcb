// CopyDestinationNeedsSlash (hadolint DL3021): a COPY or ADD with several sources has a
// destination that does not end with `/`. With more than one source the destination must be a
// directory, and Docker requires it to be written with a trailing slash; the build fails
// otherwise ("When using COPY with more than one source file, the destination must be a directory
// and end with a /"). `.` counts as a directory. The fix adds the slash.
#include "core/expand.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_copy_destination_needs_slash(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Copy && ins.kind != model::Kind::Add) continue;
    shell_rules::CopyPaths paths = shell_rules::copy_paths(ins);
    if (paths.sources.size() < 2 || !paths.dest) continue;
    std::string dest = paths.dest->text;
    if (!ins.json_form && dest.size() >= 2 && (dest.front() == '"' || dest.front() == '\'') &&
        dest.back() == dest.front())
      dest = dest.substr(1, dest.size() - 2);
    if (dest.find('$') != std::string::npos) {
      ExpandResult r = expand(dest, rules::lookup_at(m, ins), m.escape);
      if (r.error || r.unknown || !r.undefined.empty()) continue;
      dest = r.value;
    }
    if (dest.empty() || dest.ends_with("/") || dest.ends_with("\\") || dest == "." || dest.ends_with("/.")) continue;
    Diag& d = ctx.report(paths.dest->span, ins.keyword + " with several sources needs a directory destination ending with '/'");
    size_t at = paths.dest->span.end;
    std::string_view raw = ctx.text().substr(paths.dest->span.start, paths.dest->span.size());
    if (!raw.empty() && (raw.back() == '"' || raw.back() == '\'')) --at;  // Inside the quotes.
    d.fixes.push_back(Fix{.title = "Add a trailing '/'", .edits = {{{at, at}, "/"}}, .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleCopyDestinationNeedsSlash = {
    .id = "CopyDestinationNeedsSlash",
    .default_severity = Severity::Error,
    .summary = "COPY with several sources to a destination without a trailing /",
    .hadolint_code = "DL3021",
    .check = check_copy_destination_needs_slash,
};

}  // namespace dfls
