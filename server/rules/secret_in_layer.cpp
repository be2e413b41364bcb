// SecretInLayer: a RUN writes a credential to a file (`echo "//registry...:_authToken=$T" >
// ~/.npmrc`, `npm config set ...:_authToken`, a .netrc, .pypirc or .git-credentials, `git config`
// with a token in a URL, `docker login`, or a copy of a /run/secrets file) and the same RUN does
// not delete it. The file is then part of that layer: deleting it in a later instruction hides it
// from the final file system but not from anyone who pulls the image and unpacks its layers.
// Reported as a warning when the stage's files reach the final image, else as info.
//
// The fix (for .npmrc, .pypirc, .netrc and .git-credentials) removes the write and the later
// deletes, and mounts the file as a build secret on the RUNs that need it:
// `--mount=type=secret,id=npmrc,target=/root/.npmrc`, built with
// `docker build --secret id=npmrc,src=$HOME/.npmrc`. Never applied automatically.
#include <algorithm>

#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

struct Write {
  size_t command = 0;
  std::string path;  // Absolute.
  std::string kind;  // What it holds.
  std::string how;   // "writes", "copies a build secret to".
  bool fixable = false;
};

bool contains_ci(std::string_view hay, std::string_view needle) {
  return rules::to_lower(hay).find(needle) != std::string::npos;
}

// Whether the words written look like a credential.
bool secret_content(const shell::Command& c, std::string_view heredoc_text) {
  for (const shell::Word& w : c.args) {
    if (contains_ci(w.value, "authtoken") || contains_ci(w.value, "_auth") || contains_ci(w.value, "password"))
      return true;
    if (w.has_expansion && (w.value.find('=') != std::string::npos || w.value.find(':') != std::string::npos))
      return true;
  }
  return contains_ci(heredoc_text, "authtoken") || contains_ci(heredoc_text, "_auth") ||
         contains_ci(heredoc_text, "password");
}

// Whether a word assigns a secret-looking name ("API_KEY=...") as .env files do.
bool secret_assignment(const shell::Command& c) {
  for (const shell::Word& w : c.args) {
    size_t eq = w.value.find('=');
    if (eq == std::string::npos) continue;
    size_t start = w.value.find_last_of(" \t\n\"'", eq);
    start = start == std::string::npos ? 0 : start + 1;
    if (quality::secret_like_name(w.value.substr(start, eq - start))) return true;
  }
  return false;
}

std::string resolve(std::string_view raw, const std::string& cwd, const quality::StageUser& user) {
  std::string p(raw);
  for (std::string_view home : {"$HOME", "${HOME}"})
    if (p.starts_with(home)) p = user.home() + p.substr(home.size());
  if (p.starts_with("~/")) p = user.home() + p.substr(1);
  if (p.find('$') != std::string::npos) return "";
  return quality::join_path(cwd, p);
}

std::vector<Write> writes_in(const Document& doc, const model::Instruction& ins, const quality::RunScript& script,
                             std::string cwd, const quality::StageUser& user) {
  std::vector<Write> out;
  std::string_view text = doc.text();
  std::string heredocs;
  for (const model::Heredoc& h : ins.heredocs) heredocs += std::string(text.substr(h.body_span.start, h.body_span.size()));
  const std::string home = user.home();
  for (size_t i = 0; i < script.commands.size(); ++i) {
    const shell::Command& c = script.commands[i];
    size_t p = quality::program_index(c);
    std::string name = quality::word_name(c, p);
    if (name == "cd" && c.args.size() == 2 && !c.args[1].has_expansion) cwd = quality::join_path(cwd, c.args[1].value);
    auto file_write = [&](std::string_view target, bool pipeline_content) {
      std::string path = resolve(target, cwd, user);
      if (path.empty()) return;
      std::string base = path.substr(path.rfind('/') + 1);
      std::string kind = quality::credential_file_kind(path);
      bool content_check = base == ".npmrc" || base.starts_with(".env");
      if (kind.empty() || base.starts_with(".env")) {
        if (base != ".yarnrc.yml" && base != ".yarnrc" && !base.starts_with(".env")) return;
        kind = "a credential (" + base + ")";
      }
      const shell::Command& content = pipeline_content && i > 0 ? script.commands[i - 1] : c;
      if (base.starts_with(".env") && !secret_assignment(content)) return;
      if (content_check && !secret_content(content, heredocs)) return;
      bool simple = base == ".npmrc" || base == ".pypirc" || base == ".netrc" || base == ".git-credentials";
      out.push_back({i, path, kind, "writes", simple && !pipeline_content});
    };
    for (const shell::Redirect& r : c.redirects)
      if (r.op == ">" || r.op == ">>" || r.op == ">|" || r.op == "&>" || r.op == "&>>") file_write(r.target.value, false);
    std::vector<std::string> pos;
    for (size_t k = p + 1; k < c.args.size(); ++k)
      if (!c.args[k].value.starts_with("-")) pos.push_back(c.args[k].value);
    if (name == "tee")
      for (const std::string& t : pos) file_write(t, c.in_pipeline);
    if ((name == "cp" || name == "mv" || name == "install") && pos.size() >= 2 && pos.front().starts_with("/run/secrets"))
      if (std::string path = resolve(pos.back(), cwd, user); !path.empty()) {
        // Into a directory: the file keeps its name.
        if (pos.back().ends_with("/") || pos.back() == "." || path == "/tmp" || path == "/root" || path == cwd)
          path = quality::join_path(path, pos.front().substr(pos.front().rfind('/') + 1));
        out.push_back({i, path, "a build secret", "copies a build secret to", false});
      }
    bool config_set = pos.size() >= 2 && pos[0] == "config" && pos[1] == "set";
    bool npm_set = (name == "npm" || name == "pnpm") && (config_set || (!pos.empty() && pos[0] == "set"));
    if (npm_set) {
      bool secret = false;
      for (const std::string& w : pos)
        if (contains_ci(w, "_authtoken") || contains_ci(w, "_auth") || contains_ci(w, "_password")) secret = true;
      if (secret) out.push_back({i, home.empty() ? "" : home + "/.npmrc", "npm credentials (.npmrc)", "writes", !home.empty()});
    }
    if (name == "yarn" && config_set && pos.size() >= 3 && contains_ci(pos[2], "auth"))
      out.push_back({i, home + "/.yarnrc.yml", "yarn credentials", "writes", false});
    if (name == "poetry" && pos.size() >= 2 && pos[0] == "config" &&
        (pos[1].starts_with("http-basic.") || pos[1].starts_with("pypi-token.")))
      out.push_back({i, home + "/.config/pypoetry/auth.toml", "Poetry credentials", "writes", false});
    if (name == "composer" && !pos.empty() && pos[0] == "config")
      for (const std::string& w : pos)
        if (w.starts_with("http-basic.") || w.starts_with("github-oauth.") || w.starts_with("gitlab-token."))
          out.push_back({i, home + "/.composer/auth.json", "Composer credentials", "writes", false});
    if (name == "git" && !pos.empty() && pos[0] == "config")
      for (size_t k = p + 1; k < c.args.size(); ++k) {
        const shell::Word& w = c.args[k];
        if (w.has_expansion && w.value.find("://") != std::string::npos && w.value.find('@') != std::string::npos) {
          out.push_back({i, home + "/.gitconfig", "a token in a Git URL", "writes", false});
          break;
        }
      }
    if (name == "docker" && !pos.empty() && pos[0] == "login")
      out.push_back({i, home + "/.docker/config.json", "registry credentials", "writes", false});
  }
  return out;
}

// Commands of a script that delete path (rm of it or of a directory holding it).
std::vector<size_t> deletes(const quality::RunScript& script, const std::string& path, std::string cwd,
                            const quality::StageUser& user, size_t from) {
  std::vector<size_t> out;
  for (size_t i = from; i < script.commands.size(); ++i) {
    const shell::Command& c = script.commands[i];
    std::string name = quality::word_name(c, quality::program_index(c));
    if (name == "cd" && c.args.size() == 2 && !c.args[1].has_expansion) cwd = quality::join_path(cwd, c.args[1].value);
    if (name != "rm") continue;
    for (size_t k = quality::program_index(c) + 1; k < c.args.size(); ++k) {
      std::string target = resolve(c.args[k].value, cwd, user);
      if (!c.args[k].value.starts_with("-") && !target.empty() && quality::path_within(path, target)) {
        out.push_back(i);
        break;
      }
    }
  }
  return out;
}

void check_secret_in_layer(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (size_t idx = 0; idx < m.instructions.size(); ++idx) {
    const model::Instruction& ins = m.instructions[idx];
    if (ins.kind != model::Kind::Run || ins.inside_onbuild || ins.stage < 0) continue;
    int index = static_cast<int>(idx);
    std::optional<std::string> cwd = quality::workdir_at(m, ins.stage, index);
    if (!cwd) continue;
    quality::StageUser user = quality::user_at(m, ins.stage, index, text);
    const quality::RunScript& script = quality::run_script(ctx.doc, ins);
    std::vector<std::string> mounted;  // tmpfs and secret targets: not part of the layer.
    for (const model::Flag* f : ins.flags_named("mount")) {
      const model::MountOption* type = f->option({"type"});
      const model::MountOption* target = f->option({"target", "dst", "destination"});
      if (type && type->value && target && target->value && (*type->value == "tmpfs" || *type->value == "secret"))
        mounted.push_back(quality::join_path(*cwd, *target->value));
    }
    for (const Write& w : writes_in(ctx.doc, ins, script, *cwd, user)) {
      if (w.path.empty() || std::any_of(mounted.begin(), mounted.end(),
                                        [&](const std::string& t) { return quality::path_within(w.path, t); }))
        continue;
      if (!deletes(script, w.path, *cwd, user, w.command + 1).empty()) continue;
      // A delete in a later RUN of the stage.
      int later = -1;
      std::vector<std::pair<int, std::vector<size_t>>> later_deletes;
      for (int j : m.stages[ins.stage].instructions) {
        const model::Instruction& run = m.instructions[j];
        if (j <= index || run.kind != model::Kind::Run) continue;
        std::optional<std::string> run_cwd = quality::workdir_at(m, ins.stage, j);
        const quality::RunScript& s = quality::run_script(ctx.doc, run);
        std::vector<size_t> del = deletes(s, w.path, run_cwd.value_or("/"), user, 0);
        if (del.empty()) continue;
        if (later < 0) later = j;
        later_deletes.push_back({j, del});
      }
      const shell::Command& c = script.commands[w.command];
      std::string tail = later >= 0 ? "; the delete on line " + std::to_string(rules::line_number(text, m.instructions[later].span.start)) +
                                          " does not remove it from that layer"
                                    : " and nothing deletes it";
      std::string what = w.how == "writes" ? "writes " + w.kind + " to " + w.path : w.how + " " + w.path;
      Diag& d = ctx.report({c.start, c.end}, "this RUN " + what + ", which stays in the image layer" + tail);
      if (!quality::reaches_final_image(m, ctx.config, ins.stage)) d.severity = Severity::Info;
      if (!w.fixable) continue;
      std::string base = w.path.substr(w.path.rfind('/') + 1);
      std::string id = base.substr(1);
      // Remove the write (and deletes in the same RUN), then the later deletes.
      std::vector<TextEdit> removals;
      std::vector<int> gone;
      auto own = quality::remove_commands(ctx.doc, ins, script, {w.command});
      if (!own) continue;
      if (own->size() == 1 && own->front().range == quality::instruction_block(ctx.doc, ins)) gone.push_back(index);
      removals.insert(removals.end(), own->begin(), own->end());
      bool ok = true;
      for (const auto& [j, del] : later_deletes) {
        auto edits = quality::remove_commands(ctx.doc, m.instructions[j], quality::run_script(ctx.doc, m.instructions[j]), del);
        if (!edits) ok = false;
        else if (edits->size() == 1 && edits->front().range == quality::instruction_block(ctx.doc, m.instructions[j]))
          gone.push_back(j);
        if (edits) removals.insert(removals.end(), edits->begin(), edits->end());
      }
      if (!ok) continue;
      std::string mount = "--mount=type=secret,id=" + id + ",target=" + w.path + " ";
      std::vector<TextEdit> edits =
          quality::mount_on_consumers(ctx.doc, ins.stage, index - 1, mount, quality::credential_consumers(base), gone);
      edits.insert(edits.end(), removals.begin(), removals.end());
      d.fixes.push_back(Fix{.title = "Mount " + base + " as a build secret: docker build --secret id=" + id +
                                     ",src=$HOME/" + base,
                            .edits = edits,
                            .safe = false});
    }
  }
}

}  // namespace

extern const Rule kRuleSecretInLayer = {
    .id = "SecretInLayer",
    .default_severity = Severity::Warning,
    .summary = "A credential file written in a RUN stays in its layer",
    .check = check_secret_in_layer,
};

}  // namespace dfls
