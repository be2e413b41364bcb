// Package-manager commands for the build-practice rules: what a command installs, where its tool
// keeps a download cache, and which cleanups a cache mount makes useless (see quality_helpers.h).
#include <algorithm>
#include <cctype>

#include "rules/quality_helpers.h"

namespace dfls::quality {

namespace {

bool is_option(const shell::Word& w) { return w.value.size() > 1 && w.value.front() == '-'; }

// Words after `from` that are not options, with the values of the listed value-taking options
// skipped.
std::vector<size_t> positionals(const shell::Command& cmd, size_t from,
                                std::initializer_list<std::string_view> takes_value = {}) {
  std::vector<size_t> out;
  for (size_t i = from; i < cmd.args.size(); ++i) {
    const std::string& v = cmd.args[i].value;
    if (v == "--") continue;
    if (is_option(cmd.args[i])) {
      for (std::string_view o : takes_value)
        if (v == o) ++i;
      continue;
    }
    out.push_back(i);
  }
  return out;
}

bool has_word(const shell::Command& cmd, size_t from, std::initializer_list<std::string_view> words) {
  for (size_t i = from; i < cmd.args.size(); ++i)
    for (std::string_view w : words)
      if (cmd.args[i].value == w || (w.starts_with("--") && cmd.args[i].value.starts_with(std::string(w) + "=")))
        return true;
  return false;
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

bool local_path(std::string_view v) {
  return v == "." || v == ".." || v.starts_with("./") || v.starts_with("../") || v.starts_with("/");
}

std::optional<ToolUse> classify_pip(const shell::Command& cmd, size_t program, size_t after) {
  std::vector<size_t> pos = positionals(cmd, after, {"-r", "--requirement", "-c", "--constraint", "-i",
                                                     "--index-url", "--extra-index-url", "-t", "--target",
                                                     "--prefix", "--root", "-f", "--find-links"});
  if (pos.empty() || cmd.args[pos.front()].value != "install") return std::nullopt;
  ToolUse u{.tool = Tool::Pip, .program = program, .verb = pos.front(), .downloads = true};
  for (size_t i = pos.front() + 1; i < cmd.args.size(); ++i) {
    const std::string& v = cmd.args[i].value;
    for (std::string_view o : {"-r", "--requirement", "-c", "--constraint"}) {
      if (v == o && i + 1 < cmd.args.size()) u.files.push_back(cmd.args[i + 1].value);
      else if (o.starts_with("--") && v.starts_with(std::string(o) + "=")) u.files.push_back(v.substr(o.size() + 1));
      else if (o.size() == 2 && v.size() > 2 && v.starts_with(o)) u.files.push_back(v.substr(2));
    }
  }
  bool project = false;
  for (size_t i = 1; i < pos.size(); ++i) {
    std::string_view v = cmd.args[pos[i]].value;
    if (local_path(v) || v.starts_with(".[")) project = true;
  }
  if (has_word(cmd, pos.front(), {"-e", "--editable"})) project = true;
  u.build = project;
  u.deps = !project && !u.files.empty();
  return u;
}

}  // namespace

std::string_view tool_ecosystem(Tool tool) {
  switch (tool) {
    case Tool::Npm: case Tool::Yarn: case Tool::Pnpm: case Tool::Bun: return "node";
    case Tool::Pip: case Tool::Poetry: case Tool::Uv: case Tool::Pipenv: return "python";
    case Tool::Go: return "go";
    case Tool::Cargo: return "rust";
    case Tool::Bundler: return "ruby";
    case Tool::Composer: return "php";
    case Tool::Maven: return "maven";
    case Tool::Gradle: return "gradle";
    case Tool::Dotnet: return "dotnet";
    case Tool::Mix: return "elixir";
    case Tool::Apt: case Tool::Apk: return "";
  }
  return "";
}

std::optional<ToolUse> classify(const shell::Command& cmd) {
  size_t p = program_index(cmd);
  if (p >= cmd.args.size()) return std::nullopt;
  std::string name = word_name(cmd, p);
  std::vector<size_t> pos = positionals(cmd, p + 1);
  std::string verb = pos.empty() ? "" : cmd.args[pos.front()].value;
  size_t v = pos.empty() ? p : pos.front();
  auto use = [&](Tool t, size_t last, bool deps, bool build, bool downloads) {
    return ToolUse{.tool = t, .program = p, .verb = last, .deps = deps, .build = build, .downloads = downloads};
  };
  if (name == "npm") {
    if (verb == "ci") return use(Tool::Npm, v, true, false, true);
    if (one_of(verb, {"install", "i", "in", "ins", "inst", "insta", "instal", "isntall", "add"})) {
      ToolUse u = use(Tool::Npm, v, true, false, true);
      u.global = has_word(cmd, p + 1, {"-g", "--global"}) || has_word(cmd, p + 1, {"--location=global"});
      if (u.global || pos.size() > 1) u.deps = false;
      return u;
    }
    return std::nullopt;
  }
  if (name == "yarn") {
    if (has_word(cmd, p + 1, {"--version", "-v", "--help", "-h"})) return std::nullopt;
    if (verb.empty() || verb == "install") return use(Tool::Yarn, v, true, false, true);
    if (verb == "add" || verb == "global") return use(Tool::Yarn, v, false, false, true);
    return std::nullopt;
  }
  if (name == "pnpm" || name == "bun") {
    Tool t = name == "pnpm" ? Tool::Pnpm : Tool::Bun;
    if (one_of(verb, {"install", "i"}) || (t == Tool::Pnpm && verb == "fetch"))
      return use(t, v, pos.size() <= 1, false, true);
    if (verb == "add") return use(t, v, false, false, true);
    return std::nullopt;
  }
  if (name.starts_with("pip") && (name == "pip" || std::isdigit(static_cast<unsigned char>(name[3]))))
    return classify_pip(cmd, p, p + 1);
  if (name.starts_with("python") && p + 2 < cmd.args.size() && cmd.args[p + 1].value == "-m" &&
      cmd.args[p + 2].value.starts_with("pip"))
    return classify_pip(cmd, p, p + 3);
  if (name == "uv") {
    if (verb == "pip" && pos.size() > 1) {
      auto u = classify_pip(cmd, p, pos.front() + 1);
      if (u) u->tool = Tool::Uv;
      return u;
    }
    if (verb == "sync") {
      bool deps_only = has_word(cmd, v, {"--no-install-project", "--no-install-workspace"});
      return use(Tool::Uv, v, deps_only, !deps_only, true);
    }
    if (verb == "add") return use(Tool::Uv, v, false, false, true);
    return std::nullopt;
  }
  if (name == "poetry" && verb == "install") {
    bool deps_only = has_word(cmd, v, {"--no-root"});
    return use(Tool::Poetry, v, deps_only, !deps_only, true);
  }
  if (name == "pipenv" && one_of(verb, {"install", "sync"})) return use(Tool::Pipenv, v, pos.size() <= 1, false, true);
  if (name == "go") {
    if (verb == "mod" && pos.size() > 1 && cmd.args[pos[1]].value == "download")
      return use(Tool::Go, pos[1], true, false, true);
    if (verb == "build" || verb == "install") {
      bool remote = false;
      for (size_t i = 1; i < pos.size(); ++i)
        if (cmd.args[pos[i]].value.find('@') != std::string::npos) remote = true;
      return use(Tool::Go, v, false, !remote, true);
    }
    if (verb == "get") return use(Tool::Go, v, false, false, true);
    return std::nullopt;
  }
  if (name == "cargo") {
    if (verb == "fetch") return use(Tool::Cargo, v, true, false, true);
    // cargo-chef builds the dependencies from a recipe before the sources are copied.
    if (verb == "chef" && pos.size() > 1 && cmd.args[pos[1]].value == "cook") return use(Tool::Cargo, pos[1], true, false, true);
    if (verb == "build" || verb == "test") return use(Tool::Cargo, v, false, true, true);
    if (verb == "install") {
      bool local = has_word(cmd, v, {"--path"});
      return use(Tool::Cargo, v, false, local, true);
    }
    return std::nullopt;
  }
  if ((name == "bundle" || name == "bundler") && verb == "install") return use(Tool::Bundler, v, true, false, true);
  if (name == "composer" || name == "composer.phar") {
    if (verb == "install") {
      bool deps_only = has_word(cmd, v, {"--no-scripts"}) && has_word(cmd, v, {"--no-autoloader"});
      return use(Tool::Composer, v, deps_only, !deps_only, true);
    }
    if (verb == "require" || verb == "update") return use(Tool::Composer, v, false, false, true);
    return std::nullopt;
  }
  if (name == "mvn" || name == "mvnw") {
    std::vector<size_t> goals = positionals(cmd, p + 1, {"-f", "--file", "-s", "--settings", "-pl", "--projects",
                                                         "-P", "--activate-profiles", "-T", "--threads"});
    bool deps = false, build = false;
    for (size_t g : goals) {
      std::string_view goal = cmd.args[g].value;
      if (goal.starts_with("dependency:")) deps = true;
      if (one_of(goal, {"package", "install", "verify", "compile", "test", "deploy"}) ||
          goal.starts_with("spring-boot:") || goal.starts_with("quarkus:"))
        build = true;
    }
    if (!deps && !build) return std::nullopt;
    return use(Tool::Maven, goals.empty() ? p : goals.back(), deps && !build, build, true);
  }
  if (name == "gradle" || name == "gradlew") {
    bool deps = false, build = false;
    for (size_t t : pos) {
      std::string_view task = cmd.args[t].value;
      if (task == "dependencies" || task == "resolveDependencies") deps = true;
      if (one_of(task, {"build", "assemble", "bootJar", "shadowJar", "installDist", "jar", "war", "test",
                        "bootDistTar", "distTar", "nativeCompile", "quarkusBuild"}) ||
          task.starts_with(":") || task.find(":") != std::string_view::npos)
        build = true;
    }
    if (!deps && !build) return std::nullopt;
    return use(Tool::Gradle, pos.empty() ? p : pos.back(), deps && !build, build, true);
  }
  if (name == "dotnet") {
    if (verb == "restore") return use(Tool::Dotnet, v, true, false, true);
    if (verb == "publish" || verb == "build") {
      bool restores = !has_word(cmd, v, {"--no-restore"});
      return use(Tool::Dotnet, v, false, true, restores);
    }
    return std::nullopt;
  }
  if (name == "mix" && verb == "deps.get") return use(Tool::Mix, v, true, false, false);
  if ((name == "apt-get" || name == "apt") && verb == "install") return use(Tool::Apt, v, false, false, true);
  // --no-network installs only from packages already at hand (a virtual package over libraries).
  if (name == "apk" && verb == "add")
    return use(Tool::Apk, v, false, false, !has_word(cmd, p + 1, {"--no-cache", "--no-network"}));
  return std::nullopt;
}

ByteRange use_range(const shell::Command& cmd, const ToolUse& use) {
  return {cmd.args[use.program].start, cmd.args[std::max(use.verb, use.program)].end};
}

std::string use_text(const shell::Command& cmd, const ToolUse& use) {
  std::string out;
  for (size_t i = use.program; i <= std::max(use.verb, use.program) && i < cmd.args.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += cmd.args[i].value;
  }
  return out;
}

std::vector<CacheDir> cache_dirs(Tool tool, const StageUser& user, const BaseImage& image) {
  if (tool == Tool::Apt) return {{"/var/cache/apt", true}, {"/var/lib/apt", true}};
  // apk keeps packages only in /etc/apk/cache, when it exists; /var/cache/apk, its static cache,
  // holds just the package indexes (apk-cache(5)).
  if (tool == Tool::Apk) return {{"/etc/apk/cache"}, {"/var/cache/apk"}};
  std::string home = user.home();
  if (home.empty()) return {};
  switch (tool) {
    case Tool::Npm: return {{home + "/.npm"}};
    case Tool::Yarn:
      return {{user.root() && image.name == "node" ? "/usr/local/share/.cache/yarn" : home + "/.cache/yarn"}};
    case Tool::Pnpm: return {{home + "/.local/share/pnpm/store"}};
    case Tool::Bun: return {{home + "/.bun/install/cache"}};
    case Tool::Pip: return {{home + "/.cache/pip"}};
    case Tool::Uv: return {{home + "/.cache/uv"}};
    case Tool::Poetry: return {{home + "/.cache/pypoetry"}};
    case Tool::Pipenv: return {{home + "/.cache/pipenv"}};
    case Tool::Go:
      return {{image.name == "golang" ? "/go/pkg/mod" : home + "/go/pkg/mod"}, {home + "/.cache/go-build"}};
    case Tool::Cargo:
      if (image.name == "rust") return {{"/usr/local/cargo/registry"}, {"/usr/local/cargo/git"}};
      return {{home + "/.cargo/registry"}, {home + "/.cargo/git"}};
    case Tool::Bundler: return {{image.name == "ruby" ? "/usr/local/bundle/cache" : home + "/.gem"}};
    case Tool::Composer: return {{image.name == "composer" ? "/tmp/cache" : home + "/.composer/cache"}};
    case Tool::Maven: return {{home + "/.m2"}};
    case Tool::Gradle: return {{home + "/.gradle"}};
    case Tool::Dotnet: return {{home + "/.nuget/packages"}};
    default: return {};
  }
}

bool cache_mounted(const std::vector<std::string>& targets, const std::vector<CacheDir>& dirs) {
  for (const std::string& t : targets)
    for (const CacheDir& d : dirs)
      if (path_within(d.target, t) || path_within(t, d.target)) return true;
  return false;
}

namespace {

// The path a cleanup argument names: "~/" expanded, a trailing "/*" or "/" dropped.
std::string cleanup_path(std::string_view arg, const StageUser& user) {
  std::string p(arg);
  if (p.starts_with("~/")) p = user.home() + p.substr(1);
  while (p.size() > 1 && (p.ends_with("/*") || p.ends_with("/"))) p.resize(p.size() - (p.ends_with("/*") ? 2 : 1));
  return p;
}

std::string first_dir(Tool tool, const StageUser& user, const BaseImage& image) {
  auto dirs = cache_dirs(tool, user, image);
  return dirs.empty() ? "" : dirs.front().target;
}

}  // namespace

std::vector<Cleanup> find_cleanups(const RunScript& script, std::string_view text, const StageUser& user,
                                   const BaseImage& image) {
  std::vector<Cleanup> out;
  std::vector<std::string> cache_roots;
  for (int t = 0; t <= static_cast<int>(Tool::Apk); ++t)
    for (const CacheDir& d : cache_dirs(static_cast<Tool>(t), user, image)) cache_roots.push_back(d.target);
  for (size_t ci = 0; ci < script.commands.size(); ++ci) {
    const shell::Command& cmd = script.commands[ci];
    size_t p = program_index(cmd);
    if (p >= cmd.args.size()) continue;
    std::string name = word_name(cmd, p);
    std::string whole(text.substr(cmd.args[p].start, cmd.args.back().end - cmd.args[p].start));
    ByteRange whole_range{cmd.args[p].start, cmd.args.back().end};
    auto whole_command = [&](std::string dir) {
      out.push_back({whole_range, static_cast<int>(ci), {}, "", whole, std::move(dir)});
    };
    std::vector<size_t> pos = positionals(cmd, p + 1);
    std::string verb = pos.empty() ? "" : cmd.args[pos.front()].value;
    if (name == "rm") {
      std::vector<size_t> cached;
      for (size_t i : pos) {
        std::string path = cleanup_path(cmd.args[i].value, user);
        for (const std::string& root : cache_roots)
          if (path_within(path, root)) {
            cached.push_back(i);
            break;
          }
      }
      if (cached.empty()) continue;
      if (cached.size() == pos.size()) {
        whole_command(cleanup_path(cmd.args[cached.front()].value, user));
      } else {
        for (size_t i : cached)
          out.push_back({{cmd.args[i].start, cmd.args[i].end}, -1, word_removal(cmd, i, text), "",
                         cmd.args[i].value, cleanup_path(cmd.args[i].value, user)});
      }
    } else if ((name == "apt-get" || name == "apt") && (verb == "clean" || verb == "autoclean")) {
      whole_command("/var/cache/apt");
    } else if ((name == "npm" || name == "yarn") && verb == "cache" && pos.size() > 1 &&
               cmd.args[pos[1]].value == "clean") {
      whole_command(first_dir(name == "npm" ? Tool::Npm : Tool::Yarn, user, image));
    } else if (name == "pnpm" && verb == "store" && pos.size() > 1 && cmd.args[pos[1]].value == "prune") {
      whole_command(first_dir(Tool::Pnpm, user, image));
    } else if (name == "go" && verb == "clean" && has_word(cmd, p + 1, {"-modcache"})) {
      whole_command(first_dir(Tool::Go, user, image));
    } else if ((name == "composer" || name == "composer.phar") && (verb == "clear-cache" || verb == "clearcache")) {
      whole_command(first_dir(Tool::Composer, user, image));
    }
    // Flags that bypass the cache.
    std::optional<ToolUse> use = classify(cmd);
    for (size_t i = p + 1; i < cmd.args.size(); ++i) {
      const std::string& v = cmd.args[i].value;
      std::string dir, replacement;
      if (v == "--no-cache-dir" && use && (use->tool == Tool::Pip || use->tool == Tool::Uv))
        dir = first_dir(use->tool, user, image);
      else if (v == "--no-cache" && name == "apk") dir = "/var/cache/apk", replacement = "--update-cache";
      else if (v == "--no-cache" && use && use->tool == Tool::Uv) dir = first_dir(Tool::Uv, user, image);
      else if (v == "--no-cache" && use && use->tool == Tool::Poetry) dir = first_dir(Tool::Poetry, user, image);
      if (dir.empty()) continue;
      ByteRange word = replacement.empty() ? word_removal(cmd, i, text) : ByteRange{cmd.args[i].start, cmd.args[i].end};
      out.push_back({{cmd.args[i].start, cmd.args[i].end}, -1, word, replacement, v, dir});
    }
  }
  return out;
}

}  // namespace dfls::quality
