// Facts completion gathers from the model: users and groups created by RUNs, earlier WORKDIRs,
// cache directories of the package managers a RUN uses, mount ids and images used in the file.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/shell/shell.h"
#include "features/completion_internal.h"
#include "features/docs_data.h"

namespace dfls::completion_detail {

namespace {

using model::Kind;

// The stage and its FROM <stage> ancestors, nearest first.
std::vector<int> stage_chain(const model::Model& m, int stage) {
  std::vector<int> chain;
  for (int s = stage; s >= 0 && s < static_cast<int>(m.stages.size()) && chain.size() <= m.stages.size();
       s = m.stages[s].parent)
    chain.push_back(s);
  return chain;
}

// Calls f(instruction) for the instructions of the stage chain before `before`, nearest first.
template <typename F>
void each_earlier(const model::Model& m, int stage, int before, F&& f) {
  for (int s : stage_chain(m, stage)) {
    const auto& ins = m.stages[s].instructions;
    for (auto it = ins.rbegin(); it != ins.rend(); ++it)
      if (*it < before || s != stage) f(m.instructions[*it]);
  }
}

// The shell text of a RUN: its command and its heredoc bodies.
std::vector<shell::Script> run_scripts(std::string_view text, const model::Instruction& ins, char escape) {
  std::vector<shell::Script> out;
  out.push_back(shell::split(ins.args_text(text), ins.args_span.start, escape));
  for (const auto& h : ins.heredocs)
    out.push_back(shell::split(text.substr(h.body_span.start, h.body_span.size()), h.body_span.start, '\0'));
  return out;
}

// The name useradd/adduser/groupadd/addgroup creates, skipping options and their values.
std::string created_name(const shell::Command& cmd, std::string_view program) {
  bool add_user = program == "useradd" || program == "adduser";
  std::string_view short_values = add_user ? "bcdefgGkKpPRsSuZh" : "gKpPR";
  static const std::set<std::string, std::less<>> kLongValues = {
      "--uid", "--gid", "--home", "--home-dir", "--shell", "--gecos", "--comment", "--ingroup",
      "--groups", "--base-dir", "--expiredate", "--inactive", "--skel", "--key", "--password",
      "--root", "--prefix", "--selinux-user", "--firstuid", "--lastuid", "--firstgid", "--lastgid",
      "--conf", "--add-extra-groups"};
  std::vector<std::string> positional;
  for (size_t i = 1; i < cmd.args.size(); ++i) {
    const shell::Word& w = cmd.args[i];
    std::string_view v = w.value;
    if (v.starts_with("--")) {
      if (v.find('=') == std::string_view::npos && kLongValues.count(v)) ++i;
      continue;
    }
    if (v.size() == 2 && v[0] == '-') {
      // Busybox adduser: -S -D -H are flags; -G -u -h -s -g -k take a value.
      if (short_values.find(v[1]) != std::string_view::npos && !(add_user && (v[1] == 'S' || v[1] == 'D'))) ++i;
      continue;
    }
    if (v.starts_with("-") || w.has_expansion || v.empty()) continue;
    positional.push_back(std::string(v));
  }
  if (positional.empty()) return {};
  // useradd/groupadd take the name last; adduser/addgroup "user [group]" name the user first.
  if (program == "adduser") return positional.front();
  return positional.back();
}

struct CacheDir {
  std::string_view manager;
  std::string_view path;
};

constexpr CacheDir kCacheDirs[] = {
    {"npm", "/root/.npm"},
    {"yarn", "/usr/local/share/.cache/yarn"},
    {"pnpm", "/root/.local/share/pnpm/store"},
    {"pip", "/root/.cache/pip"},
    {"uv", "/root/.cache/uv"},
    {"poetry", "/root/.cache/pypoetry"},
    {"go", "/go/pkg/mod"},
    {"go", "/root/.cache/go-build"},
    {"cargo", "/usr/local/cargo/registry"},
    {"cargo", "/usr/local/cargo/git"},
    {"apt", "/var/cache/apt"},
    {"apt", "/var/lib/apt"},
    {"apk", "/etc/apk/cache"},  // apk keeps packages only there (see MissingCacheMount).
    {"dnf", "/var/cache/dnf"},
    {"yum", "/var/cache/yum"},
    {"maven", "/root/.m2"},
    {"gradle", "/root/.gradle"},
    {"dotnet", "/root/.nuget/packages"},
    {"bun", "/root/.bun/install/cache"},
};

// The package manager a program name stands for, or empty.
std::string_view manager_of(const shell::Command& cmd) {
  std::string p = shell::program_name(cmd);
  if (p == "npm" || p == "npx") return "npm";
  if (p == "yarn" || p == "yarnpkg") return "yarn";
  if (p == "pnpm") return "pnpm";
  if (p == "pip" || p == "pip3" || p == "pipenv") return "pip";
  if (p.starts_with("python") && cmd.args.size() > 2 && cmd.args[1].value == "-m" &&
      cmd.args[2].value.starts_with("pip"))
    return "pip";
  if (p == "uv" || p == "uvx") return "uv";
  if (p == "poetry") return "poetry";
  if (p == "go") return "go";
  if (p == "cargo") return "cargo";
  if (p == "apt-get" || p == "apt") return "apt";
  if (p == "apk") return "apk";
  if (p == "dnf" || p == "microdnf") return "dnf";
  if (p == "yum") return "yum";
  if (p == "mvn" || p == "mvnw") return "maven";
  if (p == "gradle" || p == "gradlew") return "gradle";
  if (p == "dotnet") return "dotnet";
  if (p == "bun") return "bun";
  return {};
}

}  // namespace

std::vector<NamedValue> known_users(const Document& doc, int stage, int before, bool groups) {
  const model::Model& m = doc.model();
  std::vector<NamedValue> out;
  std::set<std::string> seen;
  auto add = [&](std::string value, std::string detail) {
    if (!value.empty() && seen.insert(value).second) out.push_back({std::move(value), std::move(detail)});
  };
  std::vector<NamedValue> as_groups;  // User names as group names (most tools create both).
  const std::string_view text = doc.text();
  each_earlier(m, stage, before, [&](const model::Instruction& ins) {
    if (ins.kind != Kind::Run) return;
    std::string_view args = ins.args_text(text);
    bool any = false;
    for (std::string_view tool : {"useradd", "adduser", "groupadd", "addgroup"})
      if (args.find(tool) != std::string_view::npos) any = true;
    for (const auto& h : ins.heredocs)
      if (text.substr(h.body_span.start, h.body_span.size()).find("add") != std::string_view::npos) any = true;
    if (!any) return;
    std::string line = "created on line " + std::to_string(doc.lines().line_of(ins.span.start) + 1);
    for (const auto& script : run_scripts(text, ins, m.escape))
      for (const auto& cmd : script.commands) {
        std::string p = shell::program_name(cmd);
        bool user_tool = p == "useradd" || p == "adduser";
        bool group_tool = p == "groupadd" || p == "addgroup";
        if (!user_tool && !group_tool) continue;
        std::string name = created_name(cmd, p);
        if (user_tool && !groups) add(name, "user " + line);
        if (group_tool && groups) add(name, "group " + line);
        if (user_tool && groups && !name.empty()) as_groups.push_back({name, "group of user " + name});
      }
  });
  for (auto& g : as_groups) add(std::move(g.value), std::move(g.detail));
  std::string tag;
  if (const images::ImageInfo* info = base_image_of(m, stage, &tag)) {
    auto match = images::Catalog::embedded().match(info->name, tag);
    std::string user = match.tag ? match.tag->default_user : info->default_user;
    auto uid = match.tag ? match.tag->default_uid : info->default_uid;
    std::string from = " in " + info->name;
    if (!user.empty()) add(user, "default user" + from + (uid ? " (uid " + std::to_string(*uid) + ")" : ""));
    for (const auto& u : info->other_users)
      add(u.name, "user" + from + (u.uid ? " (uid " + std::to_string(*u.uid) + ")" : ""));
  }
  if (!groups) add("root", "uid 0");
  else add("root", "gid 0");
  return out;
}

std::vector<std::string> earlier_workdirs(const Document& doc, int stage, int before) {
  const model::Model& m = doc.model();
  std::vector<std::string> raw;  // Nearest first.
  each_earlier(m, stage, before, [&](const model::Instruction& ins) {
    if (ins.kind != Kind::Workdir) return;
    std::string_view path = ins.args_text(doc.text());
    while (!path.empty() && (path.back() == ' ' || path.back() == '\t')) path.remove_suffix(1);
    if (!path.empty()) raw.push_back(std::string(path));
  });
  // Relative paths continue from the WORKDIR before them.
  std::vector<std::string> resolved(raw.size());
  std::string base = "/";
  for (size_t i = raw.size(); i-- > 0;) {
    resolved[i] = raw[i].starts_with("/") || raw[i].starts_with("$") ? raw[i]
                  : (base.ends_with("/") ? base : base + "/") + raw[i];
    base = resolved[i];
  }
  std::vector<std::string> out;
  for (auto& p : resolved)
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(std::move(p));
  return out;
}

std::vector<NamedValue> cache_targets(const Document& doc, const CursorContext& ctx, bool* detected) {
  std::set<std::string_view> used;
  const std::string_view text = doc.text();
  const model::Model& m = doc.model();
  std::set<std::string> mounted;  // Targets of the RUN's other mounts.
  if (ctx.instruction && ctx.instruction->kind == Kind::Run) {
    for (const auto& script : run_scripts(text, *ctx.instruction, m.escape))
      for (const auto& cmd : script.commands)
        if (auto mgr = manager_of(cmd); !mgr.empty()) used.insert(mgr);
    for (const model::Flag* f : ctx.instruction->flags_named("mount"))
      if (!f->span.contains(ctx.offset))
        if (const auto* t = f->option({"target", "dst", "destination"}); t && t->value) mounted.insert(*t->value);
  } else if (ctx.arg_count > 0) {
    // Not in the model (a parse error): split the rest of the logical line.
    size_t from = ctx.words.back().begin;
    for (size_t i = ctx.keyword_word + 1; i < ctx.words.size(); ++i)
      if (!ctx.word_text(i).starts_with("-")) {
        from = ctx.words[i].begin;
        break;
      }
    for (const auto& cmd : shell::split(std::string_view(ctx.line.text).substr(from), 0, m.escape).commands)
      if (auto mgr = manager_of(cmd); !mgr.empty()) used.insert(mgr);
  }
  *detected = !used.empty();
  std::vector<NamedValue> first, rest;
  for (const auto& d : kCacheDirs) {
    if (mounted.count(std::string(d.path))) continue;
    bool hit = used.count(d.manager) > 0;
    (hit ? first : rest).push_back({std::string(d.path), std::string(d.manager) + (hit ? " (used in this RUN)" : "")});
  }
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

std::vector<std::string> mount_ids(const model::Model& m, unsigned type_bits) {
  std::vector<std::string> out;
  for (const auto& ins : m.instructions) {
    if (ins.kind != Kind::Run) continue;
    for (const auto& f : ins.flags) {
      if (f.name != "mount") continue;
      const auto* type = f.option({"type"});
      unsigned bit = docs::mount_type_bit(type && type->value ? std::string_view(*type->value) : "");
      if (bit == 0 && type && type->value) bit = docs::mount_type_bit(to_lower(*type->value));
      if (!(bit & type_bits)) continue;
      const auto* id = f.option({"id"});
      if (!id && bit == docs::kSecret) id = f.option({"source", "src"});
      if (id && id->value && !id->value->empty() &&
          std::find(out.begin(), out.end(), *id->value) == out.end())
        out.push_back(*id->value);
    }
  }
  return out;
}

std::vector<std::string> images_in_file(const model::Model& m) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  auto add = [&](const std::string& s) {
    if (!s.empty() && s.find('$') == std::string::npos && seen.insert(s).second) out.push_back(s);
  };
  for (const auto& s : m.stages)
    if (s.parent < 0 && s.base.valid && !s.base.has_variables) add(s.base_resolved);
  for (const auto& r : m.stage_refs)
    if (r.target < 0 && !r.numeric && r.kind != model::StageRefKind::FromBase) add(r.text);
  return out;
}

const images::ImageInfo* base_image_of(const model::Model& m, int stage, std::string* tag) {
  auto chain = stage_chain(m, stage);
  if (chain.empty()) return nullptr;
  const model::Stage& root = m.stages[chain.back()];
  if (!root.base.valid || root.base.has_variables) return nullptr;
  *tag = root.base.tag;
  return images::Catalog::embedded().find(root.base.familiar_name());
}

}  // namespace dfls::completion_detail
