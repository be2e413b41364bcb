// The variables that base images define in their configuration, for UndefinedVar and
// ArgUsedBeforeDeclaration (see rule_helpers.h).
#include "rules/rule_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/shell/shell.h"
#include "syntax/tree.h"

namespace dfls::rules {

// The allow-list of UndefinedVar and ArgUsedBeforeDeclaration. `image` is the last component of
// the repository ("node" matches node, library/node and cimg/node) or, ending in "/", a prefix of
// the familiar name ("mcr.microsoft.com/dotnet/" matches mcr.microsoft.com/dotnet/sdk). Names
// ending in "*" are prefixes. The values come from the ENV lines of the images' official
// Dockerfiles. The first row applies to every image.

namespace {

struct BaseImageEnv {
  std::string_view image;
  std::string_view names;  // Separated by spaces.
};

constexpr std::string_view kWindowsEnv =
    "ProgramFiles ProgramFiles(x86) ProgramData ProgramW6432 CommonProgramFiles SystemRoot SystemDrive windir "
    "USERPROFILE USERNAME APPDATA LOCALAPPDATA TEMP TMP ComputerName PUBLIC ALLUSERSPROFILE PATHEXT ComSpec "
    "PSModulePath OS NUMBER_OF_PROCESSORS PROCESSOR_ARCHITECTURE DriverData";

constexpr BaseImageEnv kBaseImageEnv[] = {
    {"*", "PATH HOME HOSTNAME PWD TERM LANG"},
    {"node", "NODE_VERSION YARN_VERSION"},
    {"python", "PYTHON_VERSION PYTHON_SHA256 GPG_KEY PYTHON_PIP_VERSION PYTHON_SETUPTOOLS_VERSION "
               "PYTHON_GET_PIP_URL PYTHON_GET_PIP_SHA256"},
    {"pypy", "PYPY_VERSION PYTHON_PIP_VERSION PYTHON_GET_PIP_URL PYTHON_GET_PIP_SHA256"},
    {"golang", "GOLANG_VERSION GOPATH GOTOOLCHAIN"},
    {"ruby", "RUBY_VERSION RUBY_MAJOR RUBY_DOWNLOAD_URL RUBY_DOWNLOAD_SHA256 GEM_HOME BUNDLE_*"},
    {"php", "PHP_VERSION PHP_INI_DIR PHP_URL PHP_ASC_URL PHP_SHA256 PHP_CFLAGS PHP_CPPFLAGS PHP_LDFLAGS "
            "PHPIZE_DEPS GPG_KEYS APACHE_CONFDIR APACHE_ENVVARS"},
    {"composer", "COMPOSER_ALLOW_SUPERUSER COMPOSER_HOME COMPOSER_VERSION"},
    {"wordpress", "WORDPRESS_VERSION WORDPRESS_SHA1 PHP_VERSION PHP_INI_DIR APACHE_CONFDIR APACHE_ENVVARS"},
    {"openjdk", "JAVA_HOME JAVA_VERSION LANG LANGUAGE LC_ALL"},
    {"eclipse-temurin", "JAVA_HOME JAVA_VERSION LANG LANGUAGE LC_ALL"},
    {"amazoncorretto", "JAVA_HOME LANG"},
    {"sapmachine", "JAVA_HOME"},
    {"ibmjava", "JAVA_HOME JAVA_VERSION"},
    {"ibm-semeru-runtimes", "JAVA_HOME JAVA_VERSION LANG LANGUAGE LC_ALL"},
    {"zulu-openjdk", "JAVA_HOME"},
    {"maven", "MAVEN_HOME MAVEN_CONFIG JAVA_HOME JAVA_VERSION LANG LANGUAGE LC_ALL"},
    {"gradle", "GRADLE_HOME GRADLE_VERSION GRADLE_USER_HOME JAVA_HOME JAVA_VERSION LANG LANGUAGE LC_ALL"},
    {"tomcat", "CATALINA_HOME TOMCAT_MAJOR TOMCAT_VERSION TOMCAT_SHA512 TOMCAT_NATIVE_LIBDIR LD_LIBRARY_PATH "
               "GPG_KEYS JAVA_HOME JAVA_VERSION"},
    {"jenkins", "JENKINS_HOME JENKINS_VERSION JENKINS_UC JENKINS_UC_EXPERIMENTAL JENKINS_INCREMENTALS_REPO_MIRROR "
                "REF COPY_REFERENCE_FILE_LOG JAVA_HOME"},
    {"nginx", "NGINX_VERSION NJS_VERSION NJS_RELEASE PKG_RELEASE DYNPKG_RELEASE"},
    {"httpd", "HTTPD_PREFIX HTTPD_VERSION HTTPD_SHA256 HTTPD_PATCHES"},
    {"mcr.microsoft.com/dotnet/", "DOTNET_VERSION ASPNET_VERSION APP_UID ASPNETCORE_HTTP_PORTS ASPNETCORE_URLS "
                                  "DOTNET_RUNNING_IN_CONTAINER DOTNET_SDK_VERSION DOTNET_USE_POLLING_FILE_WATCHER "
                                  "DOTNET_GENERATE_ASPNET_CERTIFICATE NUGET_XMLDOC_MODE "
                                  "POWERSHELL_DISTRIBUTION_CHANNEL"},
    {"rust", "RUSTUP_HOME CARGO_HOME RUST_VERSION"},
    {"postgres", "PG_MAJOR PG_VERSION PGDATA GOSU_VERSION"},
    {"mysql", "MYSQL_MAJOR MYSQL_VERSION MYSQL_SHELL_VERSION GOSU_VERSION"},
    {"mariadb", "MARIADB_VERSION MARIADB_MAJOR GOSU_VERSION"},
    {"redis", "REDIS_VERSION REDIS_DOWNLOAD_URL REDIS_DOWNLOAD_SHA"},
    {"mongo", "MONGO_MAJOR MONGO_VERSION MONGO_PACKAGE MONGO_REPO GOSU_VERSION JSYAML_VERSION GPG_KEYS"},
    {"elixir", "ELIXIR_VERSION"},
    {"erlang", "OTP_VERSION REBAR3_VERSION"},
    {"julia", "JULIA_PATH JULIA_VERSION JULIA_GPG"},
    {"swift", "SWIFT_VERSION SWIFT_PLATFORM SWIFT_BRANCH SWIFT_SIGNING_KEY SWIFT_WEBROOT"},
    {"gcc", "GCC_VERSION"},
    {"docker", "DOCKER_VERSION DOCKER_TLS_CERTDIR DOCKER_BUILDX_VERSION DOCKER_COMPOSE_VERSION"},
    {"cuda", "CUDA_VERSION LD_LIBRARY_PATH LIBRARY_PATH NVARCH NVIDIA_* NV_*"},
    {"miniconda3", "LC_ALL"},
    {"oneapi-basekit", "LD_LIBRARY_PATH LIBRARY_PATH CPATH PKG_CONFIG_PATH CMAKE_PREFIX_PATH ONEAPI_ROOT"},
    {"oneapi-runtime", "LD_LIBRARY_PATH LIBRARY_PATH CPATH PKG_CONFIG_PATH CMAKE_PREFIX_PATH ONEAPI_ROOT"},
    {"quay.io/jupyter/", "NB_USER NB_UID NB_GID CONDA_DIR SHELL LC_ALL LANGUAGE JULIA_DEPOT_PATH JULIA_PKGDIR "
                         "JULIA_VERSION SPARK_HOME SPARK_OPTS XDG_CACHE_HOME"},
    {"jupyter/", "NB_USER NB_UID NB_GID CONDA_DIR SHELL LC_ALL LANGUAGE JULIA_DEPOT_PATH JULIA_PKGDIR JULIA_VERSION "
                 "SPARK_HOME SPARK_OPTS XDG_CACHE_HOME"},
    // Windows images: the variables Windows itself sets.
    {"mcr.microsoft.com/windows/", kWindowsEnv},
    {"mcr.microsoft.com/powershell", kWindowsEnv},
    {"mcr.microsoft.com/dotnet/framework/", kWindowsEnv},
    {"miniforge3", "CONDA_DIR LC_ALL"},
};

std::vector<std::string_view> split_names(std::string_view names) {
  std::vector<std::string_view> out;
  while (!names.empty()) {
    size_t sp = names.find(' ');
    std::string_view n = names.substr(0, sp);
    if (!n.empty()) out.push_back(n);
    if (sp == std::string_view::npos) break;
    names.remove_prefix(sp + 1);
  }
  return out;
}

bool name_matches(std::string_view pattern, std::string_view name) {
  if (pattern.ends_with('*')) return name.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == name;
}

bool image_matches(std::string_view key, const ImageRef& ref) {
  if (key == "*") return true;
  if (key.ends_with('/')) return ref.familiar_name().starts_with(key);
  std::string_view repo = ref.repository;
  size_t slash = repo.rfind('/');
  return (slash == std::string_view::npos ? repo : repo.substr(slash + 1)) == key;
}

// The rows that apply to a stage's base image; every row when the base is not known.
std::vector<const BaseImageEnv*> rows_for(const model::Model& m, int stage) {
  std::vector<const BaseImageEnv*> out;
  int root = root_stage(m, stage);
  const ImageRef* ref = root >= 0 ? &m.stages[root].base : nullptr;
  bool unknown = !ref || ref->has_variables || !ref->valid;
  for (const auto& row : kBaseImageEnv)
    if (unknown || image_matches(row.image, *ref)) out.push_back(&row);
  return out;
}

}  // namespace

int root_stage(const model::Model& m, int stage) {
  int s = stage;
  for (size_t guard = 0; s >= 0 && s < static_cast<int>(m.stages.size()) && guard <= m.stages.size(); ++guard) {
    int parent = m.stages[s].parent;
    if (parent < 0 || parent == s) return s;
    s = parent;
  }
  return s < static_cast<int>(m.stages.size()) ? s : -1;
}

std::string variable_glob(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$') {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      int depth = 0;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '{') ++depth;
        else if (text[i] == '}' && --depth == 0) break;
      }
    } else {
      while (i + 1 < text.size() && (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '_')) ++i;
    }
    if (out.empty() || out.back() != '*') out.push_back('*');
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view s) {
  size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pattern.size() && pattern[p] == s[i] && pattern[p] != '*') {
      ++p;
      ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<int> variable_base_stages(const model::Model& m, int stage) {
  std::vector<int> out;
  const model::Stage& st = m.stages[stage];
  // Known global ARG defaults are already substituted in base_resolved; what is left is unknown.
  const std::string& base = st.base_resolved.empty() ? st.base_text : st.base_resolved;
  if (st.parent >= 0 || base.find('$') == std::string::npos) return out;
  std::string glob = variable_glob(base);
  for (const model::Stage& other : m.stages)
    if (other.index < stage && !other.name.empty() && glob_match(glob, other.name)) out.push_back(other.index);
  return out;
}

bool base_image_defines(const model::Model& m, int stage, std::string_view name) {
  for (const BaseImageEnv* row : rows_for(m, stage))
    for (std::string_view n : split_names(row->names))
      if (name_matches(n, name)) return true;
  return false;
}

std::vector<std::string> base_image_env_names(const model::Model& m, int stage) {
  std::vector<std::string> out;
  for (const BaseImageEnv* row : rows_for(m, stage))
    for (std::string_view n : split_names(row->names))
      if (!n.ends_with('*')) out.emplace_back(n);
  return out;
}

VarLookup lookup_at(const model::Model& m, const model::Instruction& ins) {
  int index = static_cast<int>(&ins - m.instructions.data());
  auto lo = std::lower_bound(m.refs.begin(), m.refs.end(), index,
                             [](const model::VarRef& r, int i) { return r.instruction < i; });
  std::map<std::string, int, std::less<>> decl_of;
  for (auto it = lo; it != m.refs.end() && it->instruction == index; ++it) decl_of.emplace(it->name, it->decl);
  const model::Model* mp = &m;
  int stage = ins.stage;
  return [mp, stage, decl_of = std::move(decl_of)](std::string_view name) -> VarValue {
    auto it = decl_of.find(name);
    if (it != decl_of.end() && it->second >= 0) {
      const model::VarDecl& d = mp->decls[it->second];
      if (d.value) return VarValue::set(*d.value);
      return VarValue::unknown();
    }
    if (base_image_defines(*mp, stage, name)) return VarValue::unknown();
    return VarValue::unset();
  };
}

}  // namespace dfls::rules
