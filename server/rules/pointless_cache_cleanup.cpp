// PointlessCacheCleanup: a cleanup that a cache mount on the same directory makes useless, or
// worse: `rm -rf /var/lib/apt/lists/*` or `apt-get clean` under a cache mount of /var/lib/apt or
// /var/cache/apt, `npm cache clean` under one of the npm cache, `pip --no-cache-dir` or
// `apk --no-cache` under one of their caches. The files are not in the layer anyway (the mount
// is not part of it), so the cleanup only throws the cache away for the next build, or bypasses
// it. The fix removes the cleanup (for apk, `--no-cache` becomes `--update-cache`, which still
// fetches a fresh index, now into the cache).
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_pointless_cache_cleanup(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.kind != model::Kind::Run || ins.inside_onbuild || ins.stage < 0) continue;
    std::string workdir = quality::workdir_at(m, ins.stage, static_cast<int>(i)).value_or("/");
    std::vector<std::string> targets = quality::cache_mount_targets(ins, workdir);
    if (targets.empty()) continue;
    const quality::RunScript& script = quality::run_script(ctx.doc, ins);
    quality::StageUser user = quality::user_at(m, ins.stage, static_cast<int>(i), text);
    quality::BaseImage base = quality::stage_base(m, ins.stage);
    for (const quality::Cleanup& c : quality::find_cleanups(script, text, user, base)) {
      const std::string* target = nullptr;
      for (const std::string& t : targets)
        if (quality::path_within(c.dir, t)) target = &t;
      if (!target) continue;
      bool flag = c.what.starts_with("-");
      Diag& d = ctx.report(c.report, "`" + c.what + "` " + (flag ? "bypasses" : "empties") +
                                         " the cache mount on " + *target + ": the files are not in the layer anyway");
      d.tags.push_back(DiagTag::Unnecessary);
      std::vector<TextEdit> edits;
      if (c.command < 0) {
        edits.push_back({c.word, c.replacement});
      } else if (auto ranges = quality::commands_removal(script, {static_cast<size_t>(c.command)}, text)) {
        for (const ByteRange& r : *ranges) edits.push_back({r, ""});
      }
      if (edits.empty()) continue;
      std::string title = c.replacement.empty() ? "Remove `" + c.what + "`" : "Use " + c.replacement;
      d.fixes.push_back(Fix{.title = title, .edits = edits, .safe = true, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRulePointlessCacheCleanup = {
    .id = "PointlessCacheCleanup",
    .default_severity = Severity::Hint,
    .summary = "A cleanup that a cache mount makes useless",
    .check = check_pointless_cache_cleanup,
};

}  // namespace dfls
