// MissingDockerignore: the Dockerfile copies the whole build context (`COPY . .`) and the context
// has no .dockerignore (nor a <Dockerfile>.dockerignore beside the Dockerfile), or one that
// does not leave out what is in the context and should not be sent: .git, .env and credential
// files, and the ecosystem's heavy directories (node_modules; __pycache__ and .venv; target/;
// .gradle and build/; bin/ and obj/; ...). Everything in the context is sent to the builder on
// each build, every change in it invalidates the COPY, and the files land in the image.
//
// The rule needs the context on disk (the configured context directory, or the Dockerfile's
// directory) and stays silent when that directory does not look like a project (no manifest,
// no .git). The fix creates or extends the ignore file with the entries for the ecosystems the
// Dockerfile uses, leaving out any path a COPY names explicitly. It is applied automatically
// unless it would leave out .npmrc or .pypirc, which an install may need.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

struct Entry {
  std::string pattern;
  std::string probe;  // A context path the pattern must leave out.
  bool glob = false;  // The probe cannot be checked for existence.
};

std::vector<Entry> entries_for(std::string_view eco) {
  if (eco == "node") return {{"node_modules", "node_modules"}, {"npm-debug.log*", "npm-debug.log", true}};
  if (eco == "python")
    return {{"**/__pycache__", "__pycache__"}, {"**/*.py[cod]", "x.pyc", true}, {".venv", ".venv"}, {"venv", "venv"},
            {".pytest_cache", ".pytest_cache"}};
  if (eco == "rust" || eco == "maven") return {{"target", "target"}};
  if (eco == "gradle") return {{".gradle", ".gradle"}, {"build", "build"}};
  if (eco == "dotnet") return {{"**/bin", "bin"}, {"**/obj", "obj"}};
  if (eco == "ruby") return {{".bundle", ".bundle"}, {"vendor/bundle", "vendor/bundle"}};
  if (eco == "php") return {{"vendor", "vendor"}};
  if (eco == "elixir") return {{"_build", "_build"}, {"deps", "deps"}};
  return {};
}

std::string_view image_ecosystem(std::string_view image) {
  static const std::pair<std::string_view, std::string_view> kImages[] = {
      {"node", "node"}, {"python", "python"}, {"golang", "go"}, {"rust", "rust"}, {"maven", "maven"},
      {"gradle", "gradle"}, {"ruby", "ruby"}, {"elixir", "elixir"}, {"mcr.microsoft.com/dotnet/sdk", "dotnet"}};
  for (const auto& [name, eco] : kImages)
    if (image == name) return eco;
  return "";
}

bool whole_context(std::string_view src) {
  std::string c = clean_path(src);
  return c == "." || c == "/" || src == "*";
}

void check_missing_dockerignore(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  quality::BuildContext context = quality::BuildContext::of(ctx);
  if (!context.on_disk()) return;
  const model::Word* first = nullptr;
  std::vector<std::string> explicit_sources;
  std::vector<std::string> ecosystems;
  auto add_eco = [&](std::string_view e) {
    if (!e.empty() && std::find(ecosystems.begin(), ecosystems.end(), e) == ecosystems.end()) ecosystems.emplace_back(e);
  };
  bool composer = false;
  for (const model::Instruction& ins : m.instructions) {
    if (ins.inside_onbuild) continue;
    if ((ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add) && !ins.flag("from") && ins.heredocs.empty()) {
      const std::vector<model::Word>& words = ins.json_form ? ins.json_args : ins.args;
      for (size_t k = 0; k + 1 < words.size(); ++k) {
        if (words[k].text.find("://") != std::string::npos) continue;
        if (whole_context(words[k].text)) {
          if (!first) first = &words[k];
        } else {
          explicit_sources.push_back(clean_path(words[k].text));
        }
      }
    }
    if (ins.kind == model::Kind::From && ins.stage >= 0) add_eco(image_ecosystem(quality::stage_base(m, ins.stage).name));
    if (ins.kind == model::Kind::Run)
      for (const shell::Command& c : quality::run_script(ctx.doc, ins).commands)
        if (auto use = quality::classify(c)) {
          add_eco(quality::tool_ecosystem(use->tool));
          if (use->tool == quality::Tool::Composer) composer = true;
        }
  }
  if (!first) return;
  static const std::pair<std::string_view, std::string_view> kManifests[] = {
      {"package.json", "node"}, {"requirements.txt", "python"}, {"pyproject.toml", "python"}, {"go.mod", "go"},
      {"Cargo.toml", "rust"}, {"pom.xml", "maven"}, {"build.gradle", "gradle"}, {"build.gradle.kts", "gradle"},
      {"Gemfile", "ruby"}, {"composer.json", "php"}, {"mix.exs", "elixir"}};
  bool project = context.exists(".git");
  for (const auto& [file, eco] : kManifests)
    if (context.exists(file)) {
      project = true;
      add_eco(eco);
    }
  if (!project) return;
  std::vector<Entry> entries = {{".git", ".git"}, {".env", ".env"}};
  for (const std::string& eco : ecosystems)
    if (eco != "php" || composer)
      for (const Entry& e : entries_for(eco)) entries.push_back(e);
  bool risky = false;
  for (std::string_view cred : {".npmrc", ".pypirc", ".netrc", ".git-credentials", ".aws", ".ssh", "id_rsa"})
    if (context.exists(cred)) {
      entries.push_back({std::string(cred), std::string(cred)});
      if (cred == ".npmrc" || cred == ".pypirc") risky = true;
    }
  // Leave out entries a COPY names (COPY target/app.jar needs target/).
  std::erase_if(entries, [&](const Entry& e) {
    for (const std::string& s : explicit_sources)
      if (quality::path_within("/" + s, "/" + e.probe) || quality::path_within("/" + e.probe, "/" + s)) return true;
    return false;
  });
  std::vector<Entry> unique;
  for (const Entry& e : entries)
    if (std::none_of(unique.begin(), unique.end(), [&](const Entry& u) { return u.pattern == e.pattern; }))
      unique.push_back(e);
  std::optional<std::string> existing = context.ignore_text();
  auto ignore = context.ignore();
  std::vector<Entry> missing;
  for (const Entry& e : unique) {
    if (!existing) missing.push_back(e);
    else if (!e.glob && context.exists(e.probe) && !(ignore && ignore->excluded(e.probe))) missing.push_back(e);
  }
  if (missing.empty()) return;
  std::string names;
  for (size_t k = 0; k < missing.size() && k < 4; ++k) names += (k ? ", " : "") + missing[k].pattern;
  if (missing.size() > 4) names += ", ...";
  std::string source = first->text;
  Diag& d = existing ? ctx.report(first->span, "the .dockerignore does not leave out " + names + ": COPY " + source +
                                                   " sends them to the builder and into the image")
                     : ctx.report(first->span, "COPY " + source + " sends the whole build context, and there is no "
                                                                  ".dockerignore: " + names + " go into the image");
  std::string lines;
  for (const Entry& e : missing) lines += e.pattern + "\n";
  FileEdit edit{.path = context.ignore_path(), .create = !existing};
  if (existing) {
    size_t end = existing->size();
    std::string lead = !existing->empty() && existing->back() != '\n' ? "\n" : "";
    edit.edits.push_back({{end, end}, lead + lines});
  } else {
    edit.edits.push_back({{0, 0}, "# Not sent to the builder (written by dockerfile-ls)\n" + lines});
  }
  d.fixes.push_back(Fix{.title = std::string(existing ? "Add " : "Create .dockerignore with ") + names +
                                 (existing ? " to .dockerignore" : ""),
                        .file_edits = {edit},
                        .safe = !risky});
}

}  // namespace

extern const Rule kRuleMissingDockerignore = {
    .id = "MissingDockerignore",
    .default_severity = Severity::Warning,
    .summary = "The whole context is copied without a fitting .dockerignore",
    .check = check_missing_dockerignore,
};

}  // namespace dfls
