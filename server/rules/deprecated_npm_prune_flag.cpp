// DeprecatedNpmPruneFlag: `--production` (and `--only=prod[uction]`) on npm prune, ci or install.
// npm 7 replaced them with `--omit=dev`; current npm versions still read them but print a
// warning, and their meaning drifted between versions (npm 8 ignored --only for some commands).
// The fix writes `--omit=dev` (`--include=dev` for `--production=false`).
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

bool npm_verb(std::string_view v) {
  for (std::string_view s : {"prune", "ci", "install", "i", "add", "update"})
    if (v == s) return true;
  return false;
}

void check_deprecated_npm_prune_flag(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Run || ins.inside_onbuild) continue;
    const quality::RunScript& script = quality::run_script(ctx.doc, ins);
    for (const shell::Command& c : script.commands) {
      size_t p = quality::program_index(c);
      if (quality::word_name(c, p) != "npm") continue;
      bool verb = false;
      for (size_t k = p + 1; k < c.args.size(); ++k)
        if (!c.args[k].value.starts_with("-")) {
          verb = npm_verb(c.args[k].value);
          break;
        }
      if (!verb) continue;
      for (size_t k = p + 1; k < c.args.size(); ++k) {
        const std::string& w = c.args[k].value;
        ByteRange range{c.args[k].start, c.args[k].end};
        std::string replacement = "--omit=dev";
        if (w == "--production" || w == "--production=true") {
        } else if (w == "--production=false") {
          replacement = "--include=dev";
        } else if (w == "--only=prod" || w == "--only=production") {
        } else if (w == "--only" && k + 1 < c.args.size() &&
                   (c.args[k + 1].value == "prod" || c.args[k + 1].value == "production")) {
          range.end = c.args[k + 1].end;
        } else {
          continue;
        }
        std::string flag = w.substr(0, w.find('='));
        Diag& d = ctx.report(range, "`" + flag + "` is deprecated in npm: use `" + replacement + "`");
        d.tags.push_back(DiagTag::Deprecated);
        d.fixes.push_back(Fix{.title = "Use " + replacement, .edits = {{range, replacement}}, .safe = true,
                              .preferred = true});
      }
    }
  }
}

}  // namespace

extern const Rule kRuleDeprecatedNpmPruneFlag = {
    .id = "DeprecatedNpmPruneFlag",
    .default_severity = Severity::Warning,
    .summary = "npm --production instead of --omit=dev",
    .check = check_deprecated_npm_prune_flag,
};

}  // namespace dfls
