// SourceCopiedBeforeDependencyInstall: in a stage, a COPY or ADD of the whole build context (`.`,
// `./`, `*`, or a directory holding the manifests) comes before a RUN that installs the
// dependencies (npm ci, yarn, pnpm/bun install, pip install -r, poetry install, uv sync, pipenv,
// go mod download, cargo, bundle install, composer install, mvn, gradle, dotnet restore,
// mix deps.get; a build such as go build or mvn package when the stage has no separate download
// step). Any change to any source file then invalidates the COPY layer and the install runs again
// from scratch. When the install's RUN has a cache mount on the tool's download cache, the rerun
// downloads nothing again: info instead of a warning. With the build context on disk, a Go module
// whose go.mod requires nothing, or whose dependencies are vendored, is left alone. Variables in
// WORKDIR and the COPY destination are expanded, with the golang image's GOPATH=/go.
//
// Fix, when the install works from the manifests alone: copy the ecosystem's manifests that exist
// in the context (package.json with its lockfile, requirements*.txt, go.mod and go.sum, ...) to the
// same destination just before the install, and move the whole-context COPY (flags and comments
// kept) after it, splitting the RUN when more commands follow the install. When the step needs the
// sources (go build, mvn package, poetry install without --no-root, ...): copy the manifests and
// run a download-only step (go mod download, mvn dependency:go-offline, ...) before the
// whole-context COPY. The fix is applied automatically when the manifests are in the context and
// nothing between the COPY and the install reads the sources.
#include <algorithm>
#include <set>

#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

using quality::Tool;

struct WholeCopy {
  int instruction = -1;
  std::string source_dir;  // Context-relative directory copied ("" for the whole context).
  std::string dest;        // Absolute.
  const model::Word* word = nullptr;
};

constexpr std::string_view kManifestNames[] = {"package.json", "requirements.txt", "pyproject.toml", "Pipfile",
                                               "go.mod", "Cargo.toml", "Gemfile", "composer.json", "pom.xml",
                                               "build.gradle", "build.gradle.kts", "mix.exs"};

std::string rel_join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + "/" + std::string(b);
}

// Instructions that do not read the sources, so a COPY of them may move after them.
bool source_independent(const Document& doc, const model::Instruction& ins) {
  switch (ins.kind) {
    case model::Kind::Env: case model::Kind::Arg: case model::Kind::Label: case model::Kind::Expose:
    case model::Kind::User: case model::Kind::Healthcheck: case model::Kind::Cmd: case model::Kind::Entrypoint:
    case model::Kind::Stopsignal: case model::Kind::Volume:
      return true;
    case model::Kind::Run: break;
    default: return false;
  }
  static const std::set<std::string, std::less<>> kPrograms = {
      "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "tdnf", "mkdir", "useradd", "adduser", "groupadd",
      "addgroup", "corepack", "ln", "echo", "true", "update-ca-certificates", "export", "set", "curl", "wget"};
  for (const shell::Command& c : quality::run_script(doc, ins).commands) {
    std::string name = quality::word_name(c, quality::program_index(c));
    std::optional<quality::ToolUse> use = quality::classify(c);
    bool venv = name.starts_with("python") && c.args.size() > quality::program_index(c) + 2 &&
                c.args[quality::program_index(c) + 1].value == "-m" && c.args[quality::program_index(c) + 2].value == "venv";
    if (!(c.args.empty() || kPrograms.count(name) || venv || (use && use->global))) return false;
  }
  return true;
}

std::string prefetch_command(const Document& doc, const shell::Command& c, const quality::ToolUse& use,
                             const quality::Manifests& man, std::string_view msrc) {
  std::string_view text = doc.text();
  std::string program = c.args[use.program].value;
  std::string whole(text.substr(c.args[use.program].start, c.args.back().end - c.args[use.program].start));
  switch (use.tool) {
    case Tool::Go: return "go mod download";
    case Tool::Maven: return program + " -B dependency:go-offline";
    case Tool::Gradle: return program + " dependencies --no-daemon";
    case Tool::Dotnet: return "dotnet restore";
    case Tool::Poetry: return whole + " --no-root";
    case Tool::Uv: return whole + " --no-install-project";
    case Tool::Composer: return whole + " --no-scripts --no-autoloader";
    case Tool::Cargo: return "mkdir -p src && touch src/main.rs && cargo fetch && rm -rf src";
    case Tool::Pip: {
      if (!man.found || man.files.empty()) return "";
      std::string file = man.files.front().substr(msrc.empty() ? 0 : msrc.size() + 1);
      for (const std::string& f : man.files)
        if (f.ends_with("requirements.txt")) file = f.substr(msrc.empty() ? 0 : msrc.size() + 1);
      std::string prefix(text.substr(c.args[use.program].start, c.args[use.verb].start - c.args[use.program].start));
      return prefix + "install -r " + file;
    }
    default: return "";
  }
}

// COPY lines for the manifests, grouped by directory under the source directory.
std::string manifest_lines(const quality::Manifests& man, std::string_view msrc, const std::string& dest,
                           const std::string& flags, const std::string& nl) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const std::string& f : man.files) {
    std::string rel = f.substr(msrc.empty() ? 0 : msrc.size() + 1);
    std::string dir = rel.rfind('/') == std::string::npos ? "" : rel.substr(0, rel.rfind('/') + 1);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == dir; });
    if (it == groups.end()) groups.push_back({dir, {f}});
    else it->second.push_back(f);
  }
  std::string out;
  for (const auto& [dir, files] : groups) {
    out += "COPY " + flags;
    for (const std::string& f : files) out += f + " ";
    out += dest + dir + nl;
  }
  for (const std::string& d : man.dirs) {
    std::string rel = d.substr(msrc.empty() ? 0 : msrc.size() + 1);
    out += "COPY " + flags + d + " " + dest + rel + "/" + nl;
  }
  return out;
}

std::string names_of(const quality::Manifests& man) {
  std::string out;
  std::vector<std::string> all = man.files;
  all.insert(all.end(), man.dirs.begin(), man.dirs.end());
  for (size_t k = 0; k < all.size(); ++k) {
    std::string name = all[k].substr(all[k].rfind('/') == std::string::npos ? 0 : all[k].rfind('/') + 1);
    out += (k == 0 ? "" : k + 1 == all.size() ? " and " : ", ") + name;
  }
  return out;
}

// path (absolute) relative to dir, which holds it ("" when they are the same).
std::string relative_to(std::string_view path, std::string_view dir) {
  if (path == dir) return "";
  return std::string(path.substr(dir == "/" ? 1 : dir.size() + 1));
}

// Whether a go.mod requires modules: a `require` directive, alone or as a block.
bool go_mod_requires(std::string_view gomod) {
  for (size_t start = 0; start < gomod.size();) {
    size_t end = std::min(gomod.find('\n', start), gomod.size());
    std::string_view line = rules::trim(gomod.substr(start, end - start));
    if (line.starts_with("require") && (line.size() == 7 || line[7] == ' ' || line[7] == '\t' || line[7] == '('))
      return true;
    start = end + 1;
  }
  return false;
}

// Whether the Go module a step builds in has nothing to download, by the build context on disk:
// its go.mod requires no module, or its dependencies are vendored (vendor/modules.txt).
bool go_module_self_contained(const quality::BuildContext& context, const WholeCopy& a, const std::string& cwd) {
  if (!context.on_disk()) return false;
  std::string dir = rel_join(a.source_dir, relative_to(cwd, a.dest));
  if (context.exists(rel_join(dir, "vendor/modules.txt"))) return true;
  std::optional<std::string> gomod = context.read(rel_join(dir, "go.mod"));
  return gomod && !go_mod_requires(*gomod);
}

// The cache mount target of a RUN that covers the tool's download cache (the first of its cache
// directories, for the user the step runs as), or nothing.
std::optional<std::string> download_mount(const model::Model& m, const model::Instruction& run, int index,
                                          const std::vector<std::string>& targets, Tool tool, std::string_view text) {
  quality::StageUser user = quality::user_at(m, run.stage, index, text);
  std::vector<quality::CacheDir> dirs = quality::cache_dirs(tool, user, quality::stage_base(m, run.stage));
  if (dirs.empty()) return std::nullopt;
  for (const std::string& t : targets)
    if (quality::cache_mounted({t}, {dirs.front()})) return t;
  return std::nullopt;
}

struct Site {
  const model::Instruction* run = nullptr;
  int run_index = -1;
  const quality::RunScript* script = nullptr;
  size_t command = 0;
  quality::ToolUse use;
  std::string cwd;
};

std::optional<Fix> build_fix(RuleContext& ctx, const quality::BuildContext& context, const WholeCopy& a,
                             const Site& site, const std::vector<std::string>& copied) {
  const Document& doc = ctx.doc;
  const model::Model& m = doc.model();
  std::string_view text = doc.text();
  const model::Instruction& a_ins = m.instructions[a.instruction];
  const shell::Command& c = site.script->commands[site.command];
  std::string nl = quality::newline(doc);
  std::string sub = relative_to(site.cwd, a.dest);
  std::string msrc = rel_join(a.source_dir, sub);
  quality::Manifests man = quality::manifests_for(site.use, c, context, msrc);
  if (man.files.empty() && man.dirs.empty()) return std::nullopt;
  bool already = std::all_of(man.files.begin(), man.files.end(), [&](const std::string& f) {
    return std::any_of(copied.begin(), copied.end(),
                       [&](const std::string& c) { return quality::source_glob_match(c, clean_path(f)); });
  }) && man.dirs.empty();
  std::string flags = quality::flags_text(doc, a_ins, {"chown", "chmod", "link"});
  std::string what = names_of(man);
  ByteRange a_block = quality::instruction_block(doc, a_ins);
  if (!site.use.deps) {
    std::string prefetch = prefetch_command(doc, c, site.use, man, msrc);
    if (prefetch.empty()) return std::nullopt;
    std::optional<std::string> w_a = quality::workdir_at(m, a_ins.stage, a.instruction);
    if (!w_a) return std::nullopt;
    std::string dest = site.cwd == *w_a ? "./" : site.cwd + "/";
    std::string cd = site.cwd == *w_a ? "" : "cd " + site.cwd + " && ";
    std::string insert = already ? "" : manifest_lines(man, msrc, dest, flags, nl);
    insert += "RUN " + quality::flags_text(doc, *site.run, {"mount"}) + cd + prefetch + nl;
    bool safe = false;
    if (site.use.tool == Tool::Go && man.found) {
      std::optional<std::string> gomod = context.read(rel_join(msrc, "go.mod"));
      safe = gomod && gomod->find("=> ./") == std::string::npos && gomod->find("=> ../") == std::string::npos;
    }
    return Fix{.title = (already ? "Run `" : "Copy " + what + " and run `") + prefetch + "` before copying the sources",
               .edits = {{{a_block.start, a_block.start}, insert}}, .safe = safe};
  }
  // Move the whole-context COPY after the install.
  if (site.script->form == quality::RunScript::Form::Heredoc) return std::nullopt;
  std::optional<std::string> w_a = quality::workdir_at(m, a_ins.stage, a.instruction);
  std::optional<std::string> w_run = quality::workdir_at(m, a_ins.stage, site.run_index);
  if (!w_a || !w_run || *w_a != *w_run) return std::nullopt;
  std::string moved(text.substr(a_block.start, a_block.size()));
  if (!moved.ends_with("\n")) moved += nl;
  std::vector<TextEdit> edits;
  std::string dest = site.cwd == *w_run ? "./" : site.cwd + "/";
  size_t run_start = quality::instruction_block(doc, *site.run).start;
  if (!already) edits.push_back({{run_start, run_start}, manifest_lines(man, msrc, dest, flags, nl)});
  const shell::Command* next = nullptr;
  for (size_t k = site.command + 1; k < site.script->commands.size(); ++k)
    if (site.script->commands[k].start >= c.end) {
      next = &site.script->commands[k];
      break;
    }
  if (next) {
    if (c.depth || c.block_depth || c.nested || c.in_pipeline || c.separator_after != "&&" || next->depth ||
        next->block_depth || next->nested)
      return std::nullopt;
    std::string run_flags = quality::flags_text(doc, *site.run, {"mount", "network", "security", "device"});
    edits.push_back({{c.end, next->start}, nl + moved + "RUN " + run_flags});
  } else {
    size_t at = quality::after_instruction(doc, *site.run);
    edits.push_back({{at, at}, (at == text.size() && !text.ends_with("\n") ? nl : "") + moved});
  }
  edits.push_back({a_block, ""});
  bool between_ok = true;
  for (int i = a.instruction + 1; i < site.run_index; ++i)
    if (!m.instructions[i].inside_onbuild && !source_independent(doc, m.instructions[i])) between_ok = false;
  std::string install = quality::use_text(c, site.use);
  return Fix{.title = already ? "Move the COPY of the sources after `" + install + "`"
                              : "Copy " + what + " first, and the sources after `" + install + "`",
             .edits = edits, .safe = man.found && between_ok};
}

void check_source_copied_before_dependency_install(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  quality::BuildContext context = quality::BuildContext::of(ctx);
  for (const model::Stage& stage : m.stages) {
    std::vector<WholeCopy> wholes;
    std::vector<std::string> copied;  // Explicit sources copied so far (cleaned).
    std::set<Tool> dep_tools;
    static const quality::RunScript kNoScript;
    std::vector<const quality::RunScript*> scripts(stage.instructions.size(), &kNoScript);
    for (size_t k = 0; k < stage.instructions.size(); ++k) {
      const model::Instruction& ins = m.instructions[stage.instructions[k]];
      if (ins.kind != model::Kind::Run || ins.inside_onbuild) continue;
      scripts[k] = &quality::run_script(ctx.doc, ins);
      for (const shell::Command& c : scripts[k]->commands)
        if (auto use = quality::classify(c); use && use->deps) dep_tools.insert(use->tool);
    }
    std::set<std::pair<int, Tool>> reported;
    for (size_t k = 0; k < stage.instructions.size(); ++k) {
      int i = stage.instructions[k];
      const model::Instruction& ins = m.instructions[i];
      if (ins.inside_onbuild) continue;
      if ((ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add) && !ins.flag("from") && !ins.json_form &&
          ins.heredocs.empty() && ins.args.size() >= 2) {
        std::optional<std::string> w = quality::workdir_at(m, stage.index, i);
        std::optional<std::string> dest = quality::expand_path(m, ins, ins.args.back().text);
        for (size_t s = 0; s + 1 < ins.args.size(); ++s) {
          const std::string& src = ins.args[s].text;
          if (src.find('$') != std::string::npos || src.find("://") != std::string::npos) continue;
          std::string cleaned = clean_path(src);
          if (cleaned.starts_with("/")) cleaned = cleaned.size() == 1 ? "." : cleaned.substr(1);
          bool whole = cleaned == "." || src == "*";
          bool holds = false;
          if (!whole && context.on_disk() && context.is_directory(cleaned))
            for (std::string_view name : kManifestNames)
              if (context.exists(cleaned + "/" + std::string(name))) holds = true;
          if ((whole || holds) && w && dest)
            wholes.push_back({i, whole ? "" : cleaned, quality::join_path(*w, *dest), &ins.args[s]});
          else if (!whole)
            copied.push_back(cleaned);
        }
        continue;
      }
      if (ins.kind != model::Kind::Run || wholes.empty()) continue;
      std::optional<std::string> cwd = quality::workdir_at(m, stage.index, i);
      if (!cwd) continue;
      std::vector<std::string> targets = quality::cache_mount_targets(ins, *cwd);
      const quality::RunScript& script = *scripts[k];
      for (size_t ci = 0; ci < script.commands.size(); ++ci) {
        const shell::Command& c = script.commands[ci];
        if (quality::word_name(c, quality::program_index(c)) == "cd" && c.args.size() == 2) {
          if (c.args[1].has_expansion) break;
          cwd = quality::join_path(*cwd, c.args[1].value);
          continue;
        }
        std::optional<quality::ToolUse> use = quality::classify(c);
        if (!use || use->global || (!use->deps && !use->build)) continue;
        if (!use->deps && dep_tools.count(use->tool)) continue;
        const WholeCopy* a = nullptr;
        for (const WholeCopy& w : wholes)
          if (quality::path_within(*cwd, w.dest)) a = &w;
        if (!a || (use->tool == Tool::Go && go_module_self_contained(context, *a, *cwd))) continue;
        if (!reported.insert({a->instruction, use->tool}).second) continue;
        std::string src = a->word->text;
        std::string line = std::to_string(rules::line_number(text, ins.span.start));
        std::optional<std::string> mount = download_mount(m, ins, i, targets, use->tool, text);
        std::string message = std::string(model::kind_keyword(m.instructions[a->instruction].kind)) + " " + src +
                              " copies " + (a->source_dir.empty() ? "the whole build context" : "the sources") +
                              " before `" + quality::use_text(c, *use) + "` (line " + line +
                              "): any source change reruns the install";
        // The rerun stays, but downloads nothing again.
        if (mount) message += ", though the cache mount on " + *mount + " keeps the downloads";
        Diag& d = ctx.report(a->word->span, message);
        if (mount) d.severity = Severity::Info;
        d.related.push_back({quality::use_range(c, *use), "the install"});
        Site site{&ins, i, &script, ci, *use, *cwd};
        if (auto fix = build_fix(ctx, context, *a, site, copied)) d.fixes.push_back(std::move(*fix));
      }
    }
  }
}

}  // namespace

extern const Rule kRuleSourceCopiedBeforeDependencyInstall = {
    .id = "SourceCopiedBeforeDependencyInstall",
    .default_severity = Severity::Warning,
    .summary = "The sources are copied before the dependencies are installed",
    .check = check_source_copied_before_dependency_install,
};

}  // namespace dfls
