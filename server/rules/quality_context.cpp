// The build context on disk for the build-practice rules: existence checks of a few candidate
// names, a cached read of small files and of the ignore file, and the manifests each ecosystem
// copies before its install (see quality_helpers.h). Rules run on every keystroke, so nothing
// here walks the context: only the names asked about are looked up.
#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "core/config.h"
#include "rules/quality_helpers.h"
#include "rules/rule_helpers.h"

namespace dfls::quality {

namespace fs = std::filesystem;

namespace {

struct CachedFile {
  fs::file_time_type mtime;
  uintmax_t size = 0;
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const DockerIgnore> ignore;
};

std::mutex cache_mutex;
std::map<std::string, CachedFile> file_cache;

// The file's entry, read again when its size or modification time changed; nullptr when it
// cannot be read or is larger than 256 KiB.
const CachedFile* cached(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return nullptr;
  auto mtime = fs::last_write_time(path, ec);
  if (ec) return nullptr;
  uintmax_t size = fs::file_size(path, ec);
  if (ec || size > 256 * 1024) return nullptr;
  std::string key = path.string();
  auto it = file_cache.find(key);
  if (it != file_cache.end() && it->second.mtime == mtime && it->second.size == size) return &it->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (file_cache.size() >= 64) file_cache.clear();
  CachedFile& f = file_cache[key];
  f.mtime = mtime;
  f.size = size;
  f.text = std::make_shared<const std::string>(buf.str());
  f.ignore = std::make_shared<const DockerIgnore>(DockerIgnore::parse(*f.text));
  return &f;
}

std::string rel_join(std::string_view dir, std::string_view name) {
  if (dir.empty() || dir == ".") return std::string(name);
  std::string out(dir);
  if (out.back() != '/') out += '/';
  return out + std::string(name);
}

}  // namespace

BuildContext BuildContext::of(const RuleContext& ctx) {
  BuildContext c;
  c.dockerfile_ = rules::uri_to_path(ctx.doc.uri());
  fs::path dir;
  if (ctx.config.context_dir && !ctx.config.context_dir->empty()) dir = *ctx.config.context_dir;
  else if (c.dockerfile_) dir = fs::path(*c.dockerfile_).parent_path();
  std::error_code ec;
  if (!dir.empty() && fs::is_directory(dir, ec)) c.dir_ = dir;
  return c;
}

bool BuildContext::exists(std::string_view rel) const {
  if (!dir_) return false;
  std::error_code ec;
  return fs::exists(*dir_ / fs::path(std::string(rel)), ec);
}

bool BuildContext::is_directory(std::string_view rel) const {
  if (!dir_) return false;
  std::error_code ec;
  return fs::is_directory(*dir_ / fs::path(std::string(rel)), ec);
}

std::vector<std::string> BuildContext::list(std::string_view rel_dir, std::string_view prefix,
                                            std::string_view suffix) const {
  std::vector<std::string> out;
  if (!dir_) return out;
  std::error_code ec;
  fs::directory_iterator it(*dir_ / fs::path(rel_dir.empty() ? "." : std::string(rel_dir)), ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(suffix) && name.size() >= prefix.size() + suffix.size())
      out.push_back(name);
    if (out.size() > 64) break;
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> BuildContext::read(std::string_view rel) const {
  if (!dir_) return std::nullopt;
  std::lock_guard<std::mutex> lock(cache_mutex);
  const CachedFile* f = cached(*dir_ / fs::path(std::string(rel)));
  if (!f) return std::nullopt;
  return *f->text;
}

std::shared_ptr<const DockerIgnore> BuildContext::ignore() const {
  std::lock_guard<std::mutex> lock(cache_mutex);
  if (dockerfile_)
    if (const CachedFile* own = cached(*dockerfile_ + ".dockerignore")) return own->ignore;
  if (!dir_) return nullptr;
  const CachedFile* f = cached(*dir_ / ".dockerignore");
  return f ? f->ignore : nullptr;
}

std::string BuildContext::ignore_path() const {
  std::error_code ec;
  if (dockerfile_ && fs::is_regular_file(*dockerfile_ + ".dockerignore", ec)) return *dockerfile_ + ".dockerignore";
  return dir_ ? (*dir_ / ".dockerignore").lexically_normal().string() : "";
}

std::optional<std::string> BuildContext::ignore_text() const {
  std::string path = ignore_path();
  if (path.empty()) return std::nullopt;
  std::lock_guard<std::mutex> lock(cache_mutex);
  const CachedFile* f = cached(path);
  if (!f) return std::nullopt;
  return *f->text;
}

namespace {

bool has_glob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

std::string dirname_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::string basename_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// A COPY source as a context-relative path ("" for the context root).
std::string context_relative(std::string_view src) {
  std::string cleaned = clean_path(src);
  while (cleaned.starts_with("/")) cleaned.erase(0, 1);
  return cleaned == "." ? "" : cleaned;
}

// The context file that one source of a COPY puts at `path`, or "" when it puts none there.
// `dest` is the absolute destination and `into` tells whether it is a directory.
std::string source_for(std::string_view src, std::string_view dest, bool into, std::string_view path,
                       const BuildContext& context) {
  std::string rel = context_relative(src);
  if (has_glob(rel)) {
    bool match = into && dirname_of(path) == dest && source_glob_match(basename_of(rel), basename_of(path));
    return match ? rel_join(dirname_of(rel), basename_of(path)) : "";
  }
  std::string as_file = into ? join_path(dest, basename_of(rel)) : std::string(dest);
  if (as_file == path && !rel.empty()) return rel;
  // A directory source copies its contents onto the destination.
  if (!path_within(path, dest) || path == dest) return "";
  std::string inside = rel_join(rel, path.substr(dest == "/" ? 1 : dest.size() + 1));
  return context.exists(inside) ? inside : "";
}

// The context path of the file that a COPY or ADD from the build context put at `path` before
// instruction `before` of the stage (-1: at its end), following the stage chain: the last such
// instruction whose destination covers the path. Nothing when that cannot be told.
std::optional<std::string> context_source_of(const model::Model& m, int stage, int before, std::string_view path,
                                             const BuildContext& context) {
  std::optional<std::string> found;
  std::vector<int> chain = stage_chain(m, stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      if (*it == stage && before >= 0 && i >= before) break;
      const model::Instruction& ins = m.instructions[i];
      if ((ins.kind != model::Kind::Copy && ins.kind != model::Kind::Add) || ins.inside_onbuild || ins.flag("from") ||
          !ins.heredocs.empty())
        continue;
      const std::vector<model::Word>& words = ins.json_form ? ins.json_args : ins.args;
      if (words.size() < 2) continue;
      std::optional<std::string> workdir = workdir_at(m, *it, i);
      std::optional<std::string> dest_word = expand_path(m, ins, words.back().text);
      if (!workdir || !dest_word) {
        found.reset();  // It may have put the file there.
        continue;
      }
      std::string dest = join_path(*workdir, *dest_word);
      bool into = words.size() > 2 || dest_word->ends_with("/") || *dest_word == "." || dest_word->ends_with("/.") ||
                  dest == *workdir;
      for (size_t k = 0; k + 1 < words.size(); ++k) {
        const std::string& src = words[k].text;
        if (src.find('$') != std::string::npos || src.find("://") != std::string::npos) continue;
        std::string source = source_for(src, dest, into, path, context);
        if (!source.empty()) found = source;
      }
    }
  return found;
}

}  // namespace

std::optional<PackageJson> package_json_at(const model::Model& m, int stage, int before, std::string_view dir,
                                           const BuildContext& context) {
  if (!context.on_disk()) return std::nullopt;
  std::optional<std::string> source = context_source_of(m, stage, before, join_path(dir, "package.json"), context);
  std::optional<std::string> text = source ? context.read(*source) : std::nullopt;
  return text ? parse_package_json(*text) : std::nullopt;
}

std::vector<std::string> resolved_command(const Document& doc, int stage, const BuildContext& context) {
  const model::Model& m = doc.model();
  std::vector<std::string> words = effective_command(doc, image_command(m, stage));
  if (std::optional<std::string> workdir = workdir_at(m, stage, -1))
    if (std::optional<PackageJson> package = package_json_at(m, stage, -1, *workdir, context))
      return resolve_package_script(std::move(words), *package);
  return words;
}

Manifests manifests_for(const ToolUse& use, const shell::Command& cmd, const BuildContext& context,
                        std::string_view source_dir) {
  Manifests m;
  auto rel = [&](std::string_view name) { return rel_join(source_dir, name); };
  bool disk = context.on_disk();
  // Adds the names that exist (or, without a context, the conventional ones); returns whether
  // any was there.
  auto add_files = [&](std::initializer_list<std::string_view> names, bool conventional) {
    bool any = false;
    for (std::string_view n : names) {
      if (disk ? context.exists(rel(n)) : conventional) {
        m.files.push_back(rel(n));
        any = true;
      }
    }
    return any;
  };
  auto add_dir = [&](std::string_view name, bool conventional) {
    if (disk ? context.is_directory(rel(name)) : conventional) m.dirs.push_back(rel(name));
  };
  std::string program = word_name(cmd, use.program);
  switch (use.tool) {
    case Tool::Npm: case Tool::Yarn: case Tool::Pnpm: case Tool::Bun: {
      bool manifest = add_files({"package.json"}, true);
      bool lock = false;
      if (use.tool == Tool::Npm) lock = add_files({"package-lock.json", "npm-shrinkwrap.json"}, false) || !disk;
      if (use.tool == Tool::Npm && !disk) m.files.push_back(rel("package-lock.json"));
      if (use.tool == Tool::Yarn) {
        lock = add_files({"yarn.lock"}, true);
        add_files({".yarnrc.yml"}, false);
        add_dir(".yarn/releases", false);
      }
      if (use.tool == Tool::Pnpm) {
        lock = add_files({"pnpm-lock.yaml"}, true);
        add_files({"pnpm-workspace.yaml"}, false);
      }
      if (use.tool == Tool::Bun) lock = add_files({"bun.lockb", "bun.lock"}, false) || !disk;
      if (use.tool == Tool::Bun && !disk) m.files.push_back(rel("bun.lockb"));
      m.found = disk && manifest && (lock || word_name(cmd, use.verb) != "ci");
      break;
    }
    case Tool::Pip: case Tool::Uv:
      if (!use.files.empty()) {
        bool all = true;
        for (const std::string& f : use.files) {
          if (f.find('$') != std::string::npos || f.starts_with("/")) return {};
          m.files.push_back(rel(f));
          if (!context.exists(rel(f))) all = false;
        }
        m.found = disk && all;
        break;
      }
      if (use.tool == Tool::Uv) {
        m.found = add_files({"pyproject.toml"}, true) && add_files({"uv.lock"}, true) && disk;
        add_files({".python-version"}, false);
        break;
      }
      for (const std::string& f : context.list(source_dir, "requirements", ".txt")) m.files.push_back(rel(f));
      m.found = disk && !m.files.empty();
      if (!disk) m.files.push_back(rel("requirements.txt"));
      break;
    case Tool::Poetry: m.found = add_files({"pyproject.toml"}, true) && add_files({"poetry.lock"}, true) && disk; break;
    case Tool::Pipenv: m.found = add_files({"Pipfile"}, true) && add_files({"Pipfile.lock"}, true) && disk; break;
    case Tool::Go:
      m.found = add_files({"go.mod"}, true) && disk;
      add_files({"go.sum"}, true);
      break;
    case Tool::Cargo: m.found = add_files({"Cargo.toml"}, true) && add_files({"Cargo.lock"}, true) && disk; break;
    case Tool::Bundler: m.found = add_files({"Gemfile"}, true) && add_files({"Gemfile.lock"}, true) && disk; break;
    case Tool::Composer:
      m.found = add_files({"composer.json"}, true) && add_files({"composer.lock"}, true) && disk;
      break;
    case Tool::Maven:
      m.found = add_files({"pom.xml"}, true) && disk;
      if (program == "mvnw") {
        add_files({"mvnw"}, true);
        add_dir(".mvn", true);
      }
      break;
    case Tool::Gradle:
      m.found = (add_files({"build.gradle", "build.gradle.kts"}, false) || !disk) && disk;
      if (!disk) m.files.push_back(rel("build.gradle"));
      add_files({"settings.gradle", "settings.gradle.kts"}, !disk);
      add_files({"gradle.properties"}, false);
      if (program == "gradlew") add_files({"gradlew"}, true);
      add_dir("gradle", program == "gradlew");
      break;
    case Tool::Dotnet:
      for (std::string_view ext : {".sln", ".csproj", ".fsproj", ".vbproj"})
        for (const std::string& f : context.list(source_dir, "", ext)) m.files.push_back(rel(f));
      m.found = disk && !m.files.empty();
      if (!disk) m.files.push_back(rel("*.csproj"));
      break;
    case Tool::Mix: m.found = add_files({"mix.exs"}, true) && add_files({"mix.lock"}, true) && disk; break;
    case Tool::Apt: case Tool::Apk: return {};
  }
  return m;
}

}  // namespace dfls::quality
