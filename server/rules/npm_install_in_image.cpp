// NpmInstallInImage: `npm install` (or `npm i`) without package names installs the project's
// dependencies in an image. It resolves versions again (within the ranges of package.json), may
// rewrite package-lock.json, and so builds a different image from the same sources on another
// day. `npm ci` installs exactly what the lockfile pins, fails when it is out of date and starts
// from an empty node_modules. Global installs (`npm install -g`) and adding packages by name are
// not reported; nor is a context whose package.json has no lockfile (npm ci needs one).
//
// The fix replaces `install` with `ci`; it is applied automatically when the lockfile is in the
// build context and copied into the image before the install.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

// Whether a COPY or ADD before instruction `before` in the stage chain brings the lockfile.
bool lockfile_copied(const model::Model& m, int stage, int before) {
  for (int s : quality::stage_chain(m, stage))
    for (int i : m.stages[s].instructions) {
      if (s == stage && i >= before) break;
      const model::Instruction& ins = m.instructions[i];
      if ((ins.kind != model::Kind::Copy && ins.kind != model::Kind::Add) || ins.flag("from")) continue;
      for (size_t k = 0; k + 1 < ins.args.size(); ++k) {
        const std::string& src = ins.args[k].text;
        if (src == "." || src == "./" || src == "*" || src == "./." || src.find("package-lock") != std::string::npos ||
            src.find("shrinkwrap") != std::string::npos || src.find("package*") != std::string::npos ||
            src.find("*.json") != std::string::npos)
          return true;
      }
    }
  return false;
}

void check_npm_install_in_image(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  quality::BuildContext context = quality::BuildContext::of(ctx);
  bool lock = context.exists("package-lock.json") || context.exists("npm-shrinkwrap.json");
  if (context.on_disk() && context.exists("package.json") && !lock) return;
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.kind != model::Kind::Run || ins.inside_onbuild || ins.stage < 0) continue;
    const quality::RunScript& script = quality::run_script(ctx.doc, ins);
    for (const shell::Command& c : script.commands) {
      std::optional<quality::ToolUse> use = quality::classify(c);
      if (!use || use->tool != quality::Tool::Npm || !use->deps || c.args[use->verb].value == "ci") continue;
      Diag& d = ctx.report(quality::use_range(c, *use),
                           "`" + quality::use_text(c, *use) +
                               "` may resolve other versions and rewrite the lockfile: use `npm ci` in images");
      bool lockless = false;
      for (const shell::Word& w : c.args)
        if (w.value == "--no-package-lock" || w.value == "--package-lock=false") lockless = true;
      if (lockless) continue;
      bool safe = lock && lockfile_copied(m, ins.stage, static_cast<int>(i));
      d.fixes.push_back(Fix{.title = "Use npm ci",
                            .edits = {{{c.args[use->verb].start, c.args[use->verb].end}, "ci"}},
                            .safe = safe,
                            .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleNpmInstallInImage = {
    .id = "NpmInstallInImage",
    .default_severity = Severity::Warning,
    .summary = "npm install where npm ci belongs",
    .check = check_npm_install_in_image,
};

}  // namespace dfls
