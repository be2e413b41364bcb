// UnknownNpmFlag: a yarn (or pnpm) flag given to npm, most often `npm ci --frozen-lockfile`.
// npm does not know it and silently ignores it, so the command does not do what its author
// thinks (npm ci is always "frozen"; npm install is not made so by the flag). The fix removes the
// flag; use `npm ci` where the lockfile must be respected.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

bool foreign_flag(std::string_view w) {
  for (std::string_view f : {"--frozen-lockfile", "--pure-lockfile", "--immutable", "--immutable-cache",
                             "--non-interactive", "--check-files", "--prefer-frozen-lockfile"})
    if (w == f || (w.starts_with(f) && w.size() > f.size() && w[f.size()] == '=')) return true;
  return false;
}

void check_unknown_npm_flag(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Run || ins.inside_onbuild) continue;
    const quality::RunScript& script = quality::run_script(ctx.doc, ins);
    for (const shell::Command& c : script.commands) {
      size_t p = quality::program_index(c);
      if (quality::word_name(c, p) != "npm") continue;
      for (size_t k = p + 1; k < c.args.size(); ++k) {
        if (c.args[k].value == "--") break;
        if (!foreign_flag(c.args[k].value)) continue;
        std::string flag = c.args[k].value.substr(0, c.args[k].value.find('='));
        Diag& d = ctx.report({c.args[k].start, c.args[k].end},
                             "`" + flag + "` is not an npm flag (it is yarn's): npm ignores it");
        d.fixes.push_back(Fix{.title = "Remove " + flag,
                              .edits = {{quality::word_removal(c, k, text), ""}},
                              .safe = true,
                              .preferred = true});
      }
    }
  }
}

}  // namespace

extern const Rule kRuleUnknownNpmFlag = {
    .id = "UnknownNpmFlag",
    .default_severity = Severity::Warning,
    .summary = "A yarn flag given to npm",
    .check = check_unknown_npm_flag,
};

}  // namespace dfls
