#include "core/project_config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace dfls {

namespace fs = std::filesystem;

namespace {

// Reads YAML nodes into a Config and words the problems it meets.
class Reader {
 public:
  Reader(std::string_view path, std::span<const Rule> rules, Config& out)
      : path_(path), rules_(rules), out_(out) {}

  void problem(int line, const std::string& what) {
    out_.problems.push_back(std::string(path_) + ":" + std::to_string(line) + ": " + what);
  }

  // The 1-based line of a node, or of its key when the node has no position (an empty value).
  static int line_of(const YAML::Node& node, const YAML::Node& key) {
    YAML::Mark m = node.Mark();
    if (m.is_null()) m = key.Mark();
    return m.is_null() ? 1 : m.line + 1;
  }

  struct Item {
    std::string text;
    int line;
  };

  // A list of strings; a single string too when single_ok.
  std::optional<std::vector<Item>> strings(const YAML::Node& key, const YAML::Node& value,
                                                  std::string_view what, bool single_ok) {
    std::string name = key.Scalar();
    if (single_ok && value.IsScalar()) return std::vector<Item>{{value.Scalar(), line_of(value, key)}};
    if (value.IsNull()) return std::vector<Item>{};
    if (!value.IsSequence()) {
      problem(line_of(value, key), "expected a list of " + std::string(what) + " for '" + name + "'");
      return std::nullopt;
    }
    std::vector<Item> out;
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) {
        problem(line_of(item, key), "expected a list of " + std::string(what) + " for '" + name + "'");
        continue;
      }
      out.push_back({item.Scalar(), line_of(item, key)});
    }
    return out;
  }

  std::optional<std::string> scalar(const YAML::Node& key, const YAML::Node& value, std::string_view what) {
    if (value.IsScalar()) return value.Scalar();
    problem(line_of(value, key), "expected " + std::string(what) + " for '" + key.Scalar() + "'");
    return std::nullopt;
  }

  std::optional<bool> boolean(const YAML::Node& key, const YAML::Node& value) {
    bool b = false;
    if (value.IsScalar() && YAML::convert<bool>::decode(value, b)) return b;
    problem(line_of(value, key), "expected true or false for '" + key.Scalar() + "'");
    return std::nullopt;
  }

  const Rule* rule(std::string_view id) const {
    for (const Rule& r : rules_)
      if (r.id == id) return &r;
    return nullptr;
  }

  // Our rule ids for a hadolint code (or one of our own ids written there).
  std::vector<std::string> ids_for_code(std::string_view code) const {
    std::vector<std::string> ids;
    for (const Rule& r : rules_)
      if (r.id == code || has_hadolint_code(r, code)) ids.emplace_back(r.id);
    return ids;
  }

  void read_ours(const YAML::Node& root);
  void read_hadolint(const YAML::Node& root);

 private:
  std::string_view path_;
  std::span<const Rule> rules_;
  Config& out_;
};

std::optional<RuleLevel> parse_level(std::string_view s) {
  if (s == "off" || s == "false") return RuleLevel{true, std::nullopt};
  if (s == "on" || s == "true") return RuleLevel{false, std::nullopt};
  if (auto severity = parse_severity(s)) return RuleLevel{false, severity};
  return std::nullopt;
}

void Reader::read_ours(const YAML::Node& root) {
  std::vector<std::string> ignored;
  for (const auto& kv : root) {
    const YAML::Node& key = kv.first;
    const YAML::Node& value = kv.second;
    std::string name = key.Scalar();
    if (name == "rules") {
      if (!value.IsMap()) {
        if (!value.IsNull()) problem(line_of(value, key), "expected a mapping of rule ids to levels for 'rules'");
        continue;
      }
      for (const auto& entry : value) {
        std::string id = entry.first.Scalar();
        int line = line_of(entry.first, key);
        if (!rule(id)) {
          problem(line, "unknown rule '" + id + "'");
          continue;
        }
        auto level = entry.second.IsScalar() ? parse_level(entry.second.Scalar()) : std::nullopt;
        if (!level) {
          problem(line, "expected off, on, hint, info, warning or error for rule '" + id + "'");
          continue;
        }
        out_.rules[id] = *level;
      }
    } else if (name == "ignore") {
      if (auto ids = strings(key, value, "rule ids", false)) {
        for (const Item& id : *ids) {
          if (rule(id.text))
            ignored.push_back(id.text);
          else
            problem(id.line, "unknown rule '" + id.text + "'");
        }
      }
    } else if (name == "trustedRegistries") {
      if (auto list = strings(key, value, "registries", true)) {
        out_.trusted_registries.clear();
        for (const Item& item : *list) out_.trusted_registries.push_back(item.text);
      }
    } else if (name == "context") {
      if (auto dir = scalar(key, value, "a directory")) {
        fs::path base = fs::path(std::string(path_)).parent_path();
        std::error_code ec;
        fs::path abs = fs::absolute(base / *dir, ec);
        fs::path normal = (ec ? base / *dir : abs).lexically_normal();
        if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
        out_.context_dir = normal.string();
      }
    } else if (name == "target") {
      if (auto target = scalar(key, value, "a stage name")) out_.target = *target;
    } else if (name == "shellcheck") {
      if (auto b = boolean(key, value)) out_.shellcheck = *b;
    } else if (name == "registry") {
      if (auto b = boolean(key, value)) out_.registry_lookups = *b;
    } else {
      problem(line_of(key, key), "unknown setting '" + name + "'");
    }
  }
  // `ignore` wins over a level given in `rules`.
  for (const std::string& id : ignored) out_.rules[id] = RuleLevel{true, std::nullopt};
}

void Reader::read_hadolint(const YAML::Node& root) {
  std::vector<std::string> ignored;
  for (const auto& kv : root) {
    const YAML::Node& key = kv.first;
    const YAML::Node& value = kv.second;
    std::string name = key.Scalar();
    if (name == "ignored") {
      if (auto codes = strings(key, value, "rule codes", false))
        for (const Item& code : *codes) ignored.push_back(code.text);
    } else if (name == "override") {
      if (!value.IsMap()) {
        if (!value.IsNull()) problem(line_of(value, key), "expected a mapping of levels to rule codes for 'override'");
        continue;
      }
      for (const auto& entry : value) {
        std::string level = entry.first.Scalar();
        std::optional<Severity> severity =
            level == "style" ? std::optional<Severity>(Severity::Hint) : parse_severity(level);
        if (!severity) {
          problem(line_of(entry.first, key), "expected error, warning, info or style in 'override'");
          continue;
        }
        auto codes = strings(entry.first, entry.second, "rule codes", false);
        if (!codes) continue;
        for (const Item& code : *codes)
          for (const std::string& id : ids_for_code(code.text)) out_.rules[id] = RuleLevel{false, severity};
      }
    } else if (name == "trustedRegistries") {
      if (auto list = strings(key, value, "registries", true)) {
        out_.trusted_registries.clear();
        for (const Item& item : *list) out_.trusted_registries.push_back(item.text);
      }
    }
  }
  for (const std::string& code : ignored)
    for (const std::string& id : ids_for_code(code)) out_.rules[id] = RuleLevel{true, std::nullopt};
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec(errno, std::generic_category());
    error = ec.message();
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return s.str();
}

std::string find_upward(fs::path dir, std::initializer_list<const char*> names) {
  std::error_code ec;
  for (;;) {
    for (const char* name : names) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) return {};
    dir = parent;
  }
}

}  // namespace

ConfigFileKind config_file_kind(std::string_view path) {
  std::string name = fs::path(std::string(path)).filename().string();
  if (name.starts_with(".hadolint") || name.starts_with("hadolint")) return ConfigFileKind::Hadolint;
  return ConfigFileKind::DockerfileLs;
}

Config parse_project_config(std::string_view yaml, ConfigFileKind kind, std::string_view path,
                            std::span<const Rule> rules) {
  Config config;
  Reader reader(path, rules, config);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) return config;
    if (!root.IsMap()) {
      reader.problem(Reader::line_of(root, root), "expected a mapping of settings");
      return config;
    }
    if (kind == ConfigFileKind::Hadolint)
      reader.read_hadolint(root);
    else
      reader.read_ours(root);
  } catch (const YAML::Exception& e) {
    reader.problem(e.mark.is_null() ? 1 : e.mark.line + 1, "invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    reader.problem(1, std::string("cannot read the settings: ") + e.what());
  }
  return config;
}

Config parse_project_config(std::string_view yaml, ConfigFileKind kind, std::string_view path) {
  return parse_project_config(yaml, kind, path, all_rules());
}

ProjectConfigFiles find_project_config_files(const std::string& dockerfile_path) {
  std::error_code ec;
  fs::path file = fs::absolute(dockerfile_path, ec);
  if (ec) file = dockerfile_path;
  fs::path dir = file.lexically_normal().parent_path();
  return {find_upward(dir, {".dockerfile-ls.yaml", ".dockerfile-ls.yml"}),
          find_upward(dir, {".hadolint.yaml", ".hadolint.yml"})};
}

Config load_project_config(const std::string& dockerfile_path, std::span<const Rule> rules) {
  ProjectConfigFiles files = find_project_config_files(dockerfile_path);
  Config config;
  for (const std::string& path : {files.hadolint, files.dockerfile_ls}) {
    if (path.empty()) continue;
    std::string error;
    if (auto loaded = load_config_file(path, error, rules))
      config.merge_from(*loaded);
    else
      config.problems.push_back(path + ": cannot read: " + error);
  }
  return config;
}

std::optional<Config> load_config_file(const std::string& path, std::string& error,
                                       std::span<const Rule> rules) {
  auto text = read_file(path, error);
  if (!text) return std::nullopt;
  return parse_project_config(*text, config_file_kind(path), path, rules);
}

}  // namespace dfls
