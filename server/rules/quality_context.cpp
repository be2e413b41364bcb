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
