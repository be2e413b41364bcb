// MissingCacheMount: a package-manager install (npm, yarn, pnpm, bun, pip, uv, poetry, pipenv,
// go, cargo, bundler, composer, maven, gradle, dotnet, apt, apk) in a RUN without a
// `--mount=type=cache` on the tool's download cache. Whenever the step runs again (a manifest
// changed, the cache was pruned) every package is downloaded again. A cache mount keeps the
// downloads between builds without putting them in the layer.
//
// The fix adds the mount on the cache directory for the user the step runs as (with uid/gid for
// a non-root user), removes cleanups that the mount makes pointless (`--no-cache-dir`,
// `rm -rf /var/lib/apt/lists/*`) and adds `# syntax=docker/dockerfile:1` when the file has no
// syntax line. For apt it also removes the docker-clean hook of Debian images (which empties the
// package cache after each install) in a RUN of its own, as Docker's documentation does; that
// fix is not applied automatically since it changes the image. For apk the mount goes on
// /etc/apk/cache: apk caches packages only in that directory, when it exists, and keeps just the
// indexes in /var/cache/apk otherwise (a mount there is accepted, as it may be linked).
// `apk add --no-network` downloads nothing and is left alone.
#include <algorithm>

#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

using quality::Tool;

// Options that point a tool at a cache of its own choosing.
bool custom_cache_option(const shell::Command& c) {
  for (const shell::Word& w : c.args)
    for (std::string_view o : {"--cache-dir", "--cache", "--cache-folder", "--store-dir", "--gradle-user-home",
                               "-Dmaven.repo.local", "--packages"})
      if (w.value == o || (w.value.starts_with(o) && w.value.size() > o.size() && w.value[o.size()] == '='))
        return true;
  return false;
}

// Environment variables that move a tool's cache, with the cache path below their value.
std::vector<std::pair<std::string_view, std::string_view>> cache_env(Tool tool) {
  switch (tool) {
    case Tool::Npm: return {{"npm_config_cache", ""}, {"NPM_CONFIG_CACHE", ""}};
    case Tool::Yarn: return {{"YARN_CACHE_FOLDER", ""}};
    case Tool::Pnpm: return {{"PNPM_HOME", "/store"}};
    case Tool::Pip: return {{"PIP_CACHE_DIR", ""}, {"XDG_CACHE_HOME", "/pip"}};
    case Tool::Uv: return {{"UV_CACHE_DIR", ""}, {"XDG_CACHE_HOME", "/uv"}};
    case Tool::Poetry: return {{"POETRY_CACHE_DIR", ""}};
    case Tool::Go: return {{"GOMODCACHE", ""}, {"GOPATH", "/pkg/mod"}, {"GOCACHE", ""}};
    case Tool::Cargo: return {{"CARGO_HOME", "/registry"}};
    case Tool::Composer: return {{"COMPOSER_CACHE_DIR", ""}, {"COMPOSER_HOME", "/cache"}};
    case Tool::Gradle: return {{"GRADLE_USER_HOME", ""}};
    case Tool::Dotnet: return {{"NUGET_PACKAGES", ""}};
    default: return {};
  }
}

bool has_word(const shell::Command& c, std::string_view w) {
  return std::any_of(c.args.begin(), c.args.end(), [&](const shell::Word& a) { return a.value == w; });
}

// Whether the script refreshes the package index of apt or apk itself.
bool refreshes_index(const quality::RunScript& script, Tool tool) {
  for (const shell::Command& c : script.commands) {
    size_t p = quality::program_index(c);
    std::string name = quality::word_name(c, p);
    bool apt = name == "apt-get" || name == "apt";
    if (((tool == Tool::Apt && apt) || (tool == Tool::Apk && name == "apk")) && p + 1 < c.args.size() &&
        has_word(c, "update"))
      return true;
  }
  return false;
}

bool removes_docker_clean(const Document& doc, int stage, int before) {
  const model::Model& m = doc.model();
  for (int s : quality::stage_chain(m, stage))
    for (int i : m.stages[s].instructions) {
      if (s == stage && i >= before) break;
      if (m.instructions[i].kind != model::Kind::Run) continue;
      for (const shell::Command& c : quality::run_script(doc, m.instructions[i]).commands)
        for (const shell::Word& w : c.args)
          if (w.value.ends_with("apt.conf.d/docker-clean")) return true;
    }
  return false;
}

void check_missing_cache_mount(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  std::string nl = quality::newline(ctx.doc);
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.kind != model::Kind::Run || ins.inside_onbuild || ins.stage < 0) continue;
    const quality::RunScript& script = quality::run_script(ctx.doc, ins);
    // Most RUNs download nothing: look no further at them.
    if (std::none_of(script.commands.begin(), script.commands.end(), [](const shell::Command& c) {
          std::optional<quality::ToolUse> use = quality::classify(c);
          return use && use->downloads;
        }))
      continue;
    if (shell_rules::windows_stage(m, ins.stage)) continue;  // The cache paths below are Linux ones.
    int index = static_cast<int>(i);
    std::string workdir = quality::workdir_at(m, ins.stage, index).value_or("/");
    std::vector<std::string> targets = quality::cache_mount_targets(ins, workdir);
    quality::StageUser user = quality::user_at(m, ins.stage, index, text);
    quality::BaseImage base = quality::stage_base(m, ins.stage);
    std::vector<const model::VarDecl*> visible = m.visible_in(index, ins.stage, false);
    auto env = [&](std::string_view name) -> const model::VarDecl* {
      for (const model::VarDecl* d : visible)
        if (d->name == name && d->kind != model::VarKind::Predefined) return d;
      return nullptr;
    };
    std::vector<Tool> seen;
    for (const shell::Command& c : script.commands) {
      std::optional<quality::ToolUse> use = quality::classify(c);
      if (!use || !use->downloads || std::find(seen.begin(), seen.end(), use->tool) != seen.end()) continue;
      seen.push_back(use->tool);
      if (custom_cache_option(c)) continue;
      if (use->tool == Tool::Pip && env("PIP_NO_CACHE_DIR")) continue;
      std::vector<quality::CacheDir> dirs = quality::cache_dirs(use->tool, user, base);
      // A package index fetched by an earlier RUN would be hidden by a mount on its directory.
      bool updates = refreshes_index(script, use->tool) || (use->tool == Tool::Apk &&
                                                            (has_word(c, "-U") || has_word(c, "--update-cache")));
      if (use->tool == Tool::Apt && !updates) dirs.resize(1);
      bool unknown = false;
      for (const auto& [name, below] : cache_env(use->tool)) {
        const model::VarDecl* d = env(name);
        if (!d) continue;
        if (!d->value || !d->value->starts_with("/") || d->value->find('$') != std::string::npos) unknown = true;
        else dirs = {{*d->value + std::string(below)}};
        break;
      }
      if (unknown || quality::cache_mounted(targets, dirs)) continue;
      // For apk the mount goes on /etc/apk/cache, which keeps the packages and the indexes both.
      if (use->tool == Tool::Apk) dirs.resize(1);
      std::string where = dirs.empty() ? "its download cache" : dirs.front().target;
      Diag& d = ctx.report(quality::use_range(c, *use), "`" + quality::use_text(c, *use) +
                                                            "` downloads again whenever this step reruns: "
                                                            "add a cache mount on " + where);
      bool needs_owner = !user.root() && use->tool != Tool::Apt && use->tool != Tool::Apk;
      if (dirs.empty() || (needs_owner && !user.uid)) continue;
      std::string mounts, names;
      for (const quality::CacheDir& dir : dirs) {
        mounts += "--mount=type=cache,target=" + dir.target + (dir.locked ? ",sharing=locked" : "");
        if (needs_owner) mounts += ",uid=" + std::to_string(*user.uid) + ",gid=" + std::to_string(*user.uid);
        mounts += " ";
        names += (names.empty() ? "" : " and ") + dir.target;
      }
      Fix fix{.title = "Add a cache mount on " + names,
              .safe = use->tool != Tool::Apt && (use->tool != Tool::Apk || updates)};
      fix.edits.push_back({{ins.args_span.start, ins.args_span.start}, mounts});
      if (use->tool == Tool::Apt && !removes_docker_clean(ctx.doc, ins.stage, index)) {
        size_t at = quality::instruction_block(ctx.doc, ins).start;
        std::string keep = quality::word_name(c, use->program) == "apt"
                               ? " && echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > "
                                 "/etc/apt/apt.conf.d/keep-cache"
                               : "";
        fix.edits.push_back({{at, at}, "RUN rm -f /etc/apt/apt.conf.d/docker-clean" + keep + nl});
      }
      // Cleanups the new mount makes pointless.
      std::vector<size_t> commands;
      std::vector<TextEdit> words;
      for (const quality::Cleanup& cl : quality::find_cleanups(script, text, user, base)) {
        bool covered = false;
        for (const quality::CacheDir& dir : dirs)
          if (quality::path_within(cl.dir, dir.target)) covered = true;
        if (!covered) continue;
        if (cl.command >= 0) commands.push_back(static_cast<size_t>(cl.command));
        else words.push_back({cl.word, cl.replacement});
      }
      if (!commands.empty())
        if (auto ranges = quality::commands_removal(script, commands, text))
          for (const ByteRange& r : *ranges) fix.edits.push_back({r, ""});
      for (const TextEdit& w : words) fix.edits.push_back(w);
      if (auto directive = quality::syntax_directive_edit(ctx.doc)) fix.edits.push_back(*directive);
      d.fixes.push_back(std::move(fix));
    }
  }
}

}  // namespace

extern const Rule kRuleMissingCacheMount = {
    .id = "MissingCacheMount",
    .default_severity = Severity::Info,
    .summary = "A package install without a cache mount",
    .check = check_missing_cache_mount,
};

}  // namespace dfls
