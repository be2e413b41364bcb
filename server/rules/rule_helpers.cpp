#include "rules/rule_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/shell/shell.h"
#include "syntax/tree.h"

namespace dfls::rules {

// ---------------------------------------------------------------------------------------------
// Text utilities.

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && to_lower(a) == to_lower(b);
}

bool is_all_lower(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_all_upper(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? " (did you mean " + *suggestion + "?)" : std::string();
}

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

ByteRange line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t start = offset;
  while (start > 0 && text[start - 1] != '\n') --start;
  size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return {start, end};
}

ByteRange whole_lines(std::string_view text, size_t start, size_t end) {
  ByteRange first = line_at(text, start);
  size_t stop = text.find('\n', std::max(end, first.start));
  stop = stop == std::string_view::npos ? text.size() : stop + 1;
  return {first.start, stop};
}

size_t line_number(const Document& doc, size_t offset) {
  return doc.lines().line_of(std::min(offset, doc.text().size())) + 1;
}

size_t line_number(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::optional<bool> parse_go_bool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
  return std::nullopt;
}

std::optional<int64_t> parse_go_duration(std::string_view s, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<int64_t> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  std::string_view orig = s;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return fail("invalid duration \"" + std::string(orig) + "\"");
  long double total = 0;
  while (!s.empty()) {
    if (!(s.front() == '.' || (s.front() >= '0' && s.front() <= '9')))
      return fail("invalid duration \"" + std::string(orig) + "\"");
    long double value = 0;
    size_t i = 0;
    bool pre = false, post = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      value = value * 10 + (s[i] - '0');
      ++i;
      pre = true;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      long double scale = 0.1L;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        value += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
        post = true;
      }
    }
    if (!pre && !post) return fail("invalid duration \"" + std::string(orig) + "\"");
    size_t u = i;
    while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
    std::string_view unit = s.substr(i, u - i);
    if (unit.empty()) return fail("missing unit in duration \"" + std::string(orig) + "\"");
    long double ns;
    if (unit == "ns") ns = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") ns = 1e3L;
    else if (unit == "ms") ns = 1e6L;
    else if (unit == "s") ns = 1e9L;
    else if (unit == "m") ns = 60e9L;
    else if (unit == "h") ns = 3600e9L;
    else return fail("unknown unit \"" + std::string(unit) + "\" in duration \"" + std::string(orig) + "\"");
    total += value * ns;
    if (total > 9.2e18L) return fail("invalid duration \"" + std::string(orig) + "\"");
    s.remove_prefix(u);
  }
  auto result = static_cast<int64_t>(std::floor(total));
  return negative ? -result : result;
}

// ---------------------------------------------------------------------------------------------
// Logical lines.

ByteRange LogicalLine::range(size_t start, size_t end) const {
  if (offsets.empty()) return {};
  start = std::min(start, offsets.size() - 1);
  end = std::min(end, offsets.size() - 1);
  if (end <= start) return {offsets[start], offsets[start]};
  return {offsets[start], offsets[end - 1] + 1};
}

LogicalLine read_logical_line(std::string_view text, size_t start, size_t limit, char escape) {
  LogicalLine out;
  limit = std::min(limit, text.size());
  size_t pos = start;
  auto append = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      out.text.push_back(text[i]);
      out.offsets.push_back(i);
    }
  };
  size_t last_end = start;
  while (pos < limit) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t content_end = std::min(eol, limit);
    if (content_end == eol && content_end > pos && text[content_end - 1] == '\r') --content_end;
    size_t e = content_end;
    while (e > pos && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    bool continued = e > pos && text[e - 1] == escape && !(e - 1 > pos && text[e - 2] == escape);
    if (!continued) {
      append(pos, content_end);
      last_end = content_end;
      break;
    }
    append(pos, e - 1);
    last_end = e - 1;
    pos = eol + 1;
    // Comment lines and blank lines inside a continuation are dropped.
    while (pos < limit) {
      size_t next = text.find('\n', pos);
      if (next == std::string_view::npos) next = text.size();
      size_t line_end = std::min(next, limit);
      std::string_view line = text.substr(pos, line_end - pos);
      size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos) {
        size_t visible_end = line_end;
        if (visible_end > pos && text[visible_end - 1] == '\r') --visible_end;
        out.empty_lines.push_back({pos, visible_end});
      } else if (line[first] != '#') {
        break;
      }
      pos = next + 1;
    }
  }
  out.offsets.push_back(out.offsets.empty() ? last_end : out.offsets.back() + 1);
  return out;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

}  // namespace

std::vector<LineWord> InstructionLine::whitespace_words() const {
  std::vector<LineWord> out;
  const std::string& t = line.text;
  size_t i = rest_start;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size()) break;
    size_t b = i;
    while (i < t.size() && !is_space(t[i])) ++i;
    out.push_back({t.substr(b, i - b), b, i});
  }
  return out;
}

std::vector<LineWord> InstructionLine::quoted_words(char escape) const {
  std::vector<LineWord> out;
  const std::string& t = line.text;
  size_t i = rest_start;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size()) break;
    size_t b = i;
    char quote = 0;
    while (i < t.size()) {
      char c = t[i];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == escape && quote != '\'' && i + 1 < t.size()) ++i;
        ++i;
        continue;
      }
      if (is_space(c)) break;
      if (c == '\'' || c == '"') quote = c;
      else if (c == escape && i + 1 < t.size()) ++i;
      ++i;
    }
    out.push_back({t.substr(b, i - b), b, i});
  }
  return out;
}

InstructionLine read_instruction_line(const Document& doc, const model::Instruction& ins) {
  InstructionLine out;
  const model::Model& m = doc.model();
  std::string_view text = doc.text();
  out.line = read_logical_line(text, ins.keyword_span.start, ins.span.end, m.escape);
  const std::string& t = out.line.text;
  size_t k = 0;
  while (k < t.size() && !is_space(t[k])) ++k;
  out.keyword = t.substr(0, k);
  out.keyword_span = out.line.range(0, k);
  // Flags, as BuildKit's extractBuilderFlags reads them.
  size_t pos = k;
  size_t rest = t.size();
  char esc = m.escape;
  while (pos < t.size()) {
    while (pos < t.size() && is_space(t[pos])) ++pos;
    if (pos >= t.size()) break;
    if (!(t[pos] == '-' && pos + 1 < t.size() && t[pos + 1] == '-')) {
      rest = pos;
      break;
    }
    size_t word_start = pos;
    std::string word;
    char quote = 0;
    while (pos < t.size()) {
      char c = t[pos];
      if (quote) {
        if (c == quote) {
          quote = 0;
          ++pos;
          continue;
        }
        if (c == esc && pos + 1 < t.size()) ++pos;
        word.push_back(t[pos++]);
        continue;
      }
      if (is_space(c)) break;
      if (c == '\'' || c == '"') {
        quote = c;
        ++pos;
        continue;
      }
      if (c == esc) {
        if (pos + 1 >= t.size()) {
          ++pos;
          continue;
        }
        ++pos;
      }
      word.push_back(t[pos++]);
    }
    size_t word_end = pos;
    if (word == "--") {
      while (pos < t.size() && is_space(t[pos])) ++pos;
      rest = pos;
      break;
    }
    FlagWord f;
    f.span = out.line.range(word_start, word_end);
    std::string body = word.substr(2);
    size_t eq = body.find('=');
    f.name = body.substr(0, eq);
    size_t raw_eq = t.find('=', word_start);
    if (raw_eq == std::string::npos || raw_eq >= word_end) raw_eq = word_end;
    f.name_span = out.line.range(word_start + 2, eq == std::string::npos ? word_end : raw_eq);
    if (eq != std::string::npos) {
      f.value = body.substr(eq + 1);
      f.value_start = std::min(raw_eq + 1, word_end);
      f.value_end = word_end;
      f.value_span = out.line.range(f.value_start, f.value_end);
      f.value_is_raw = t.compare(f.value_start, f.value_end - f.value_start, *f.value) == 0;
    } else {
      f.value_span = {f.span.end, f.span.end};
    }
    out.flags.push_back(std::move(f));
  }
  out.rest_start = std::min(rest, t.size());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Flags.

const std::vector<FlagSpec>& flag_specs(model::Kind kind) {
  using K = model::Kind;
  static const std::vector<FlagSpec> kNone;
  static const std::vector<FlagSpec> kFrom = {{"platform", FlagType::String, "", false}};
  static const std::vector<FlagSpec> kRun = {
      {"mount", FlagType::Strings, "1.2", false},
      {"network", FlagType::String, "1.3", false},
      {"security", FlagType::String, "1.20", false},
      {"device", FlagType::Strings, "1.14-labs", true},
  };
  static const std::vector<FlagSpec> kCopy = {
      {"from", FlagType::String, "", false},     {"chown", FlagType::String, "", false},
      {"chmod", FlagType::String, "", false},    {"link", FlagType::Bool, "1.4", false},
      {"parents", FlagType::Bool, "1.20", false}, {"exclude", FlagType::Strings, "1.19", false},
  };
  static const std::vector<FlagSpec> kAdd = {
      {"chown", FlagType::String, "", false},         {"chmod", FlagType::String, "", false},
      {"link", FlagType::Bool, "1.4", false},         {"keep-git-dir", FlagType::Bool, "1.1", false},
      {"checksum", FlagType::String, "1.6", false},   {"exclude", FlagType::Strings, "1.19", false},
      {"unpack", FlagType::Bool, "1.17", false},
  };
  static const std::vector<FlagSpec> kHealthcheck = {
      {"interval", FlagType::String, "", false},       {"timeout", FlagType::String, "", false},
      {"start-period", FlagType::String, "", false},   {"start-interval", FlagType::String, "1.6", false},
      {"retries", FlagType::String, "", false},
  };
  switch (kind) {
    case K::From: return kFrom;
    case K::Run: return kRun;
    case K::Copy: return kCopy;
    case K::Add: return kAdd;
    case K::Healthcheck: return kHealthcheck;
    default: return kNone;
  }
}

const FlagSpec* find_flag_spec(model::Kind kind, std::string_view name) {
  for (const FlagSpec& f : flag_specs(kind))
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> flag_names(model::Kind kind) {
  std::vector<std::string> out;
  for (const FlagSpec& f : flag_specs(kind)) out.emplace_back(f.name);
  return out;
}

bool validates_flags(const Document& doc, const model::Instruction& ins) {
  using K = model::Kind;
  if (ins.kind == K::Arg || ins.kind == K::Stopsignal || ins.kind == K::Unknown) return false;
  if (ins.kind == K::Healthcheck) {
    InstructionLine line = read_instruction_line(doc, ins);
    auto words = line.whitespace_words();
    if (!words.empty() && iequals(words.front().text, "NONE")) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Signals.

const std::vector<std::string>& signal_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const char* s : {"ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO",
                          "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP",
                          "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "UNUSED", "URG", "USR1", "USR2",
                          "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX"})
      v.push_back(std::string("SIG") + s);
    for (int i = 1; i <= 15; ++i) v.push_back("SIGRTMIN+" + std::to_string(i));
    for (int i = 1; i <= 14; ++i) v.push_back("SIGRTMAX-" + std::to_string(i));
    return v;
  }();
  return names;
}

bool is_valid_signal(std::string_view s) {
  if (s.empty()) return false;
  bool numeric = true;
  for (size_t i = 0; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || (i == 0 && (s[i] == '-' || s[i] == '+') && s.size() > 1)))
      numeric = false;
  if (numeric) {
    if (s.size() > 10) return false;
    long long v = std::stoll(std::string(s));
    return v != 0 && v >= -2147483648LL && v <= 2147483647LL;
  }
  std::string up = to_upper(s);
  if (!up.starts_with("SIG")) up = "SIG" + up;
  const auto& names = signal_names();
  return std::find(names.begin(), names.end(), up) != names.end();
}

// ---------------------------------------------------------------------------------------------
// Syntax errors.

SyntaxErrors::SyntaxErrors(const Document& doc) : text_(doc.text()) {
  syntax::Node root = doc.root();
  if (!root || !root.has_error()) return;
  syntax::walk(root, [&](syntax::Node n) {
    if (n.missing() || n.error()) {
      ByteRange first = line_at(text_, n.start());
      ByteRange last = line_at(text_, n.end());
      ranges_.push_back({first.start, last.end});
      return false;
    }
    return n.has_error();
  });
  std::sort(ranges_.begin(), ranges_.end());
}

bool SyntaxErrors::on_lines(ByteRange range) const {
  if (ranges_.empty()) return false;
  ByteRange lines{line_at(text_, range.start).start, line_at(text_, range.end).end};
  for (const ByteRange& r : ranges_) {
    if (r.start > lines.end) break;
    if (r.end >= lines.start) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Variables that base images define.
//
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

// ---------------------------------------------------------------------------------------------
// Exec form.

namespace {

class JsonReader {
 public:
  explicit JsonReader(std::string_view t) : t_(t) {}
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool at_end() const { return i_ >= t_.size(); }
  char peek() const { return at_end() ? '\0' : t_[i_]; }
  size_t pos() const { return i_; }
  void take() { ++i_; }

  // A JSON string at the cursor, decoded.
  std::optional<std::string> string() {
    if (peek() != '"') return std::nullopt;
    ++i_;
    std::string out;
    while (i_ < t_.size()) {
      char c = t_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= t_.size()) return std::nullopt;
      char e = t_[i_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          if (i_ + 4 > t_.size()) return std::nullopt;
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = t_[i_++];
            if (!std::isxdigit(static_cast<unsigned char>(h))) return std::nullopt;
            cp = cp * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          }
          // UTF-8 encoding (surrogates kept as they are: only validity matters here).
          if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
          } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
          break;
        }
        default: return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // Any JSON value; returns whether it was well formed.
  bool value(int depth = 0) {
    if (depth > 64) return false;
    ws();
    char c = peek();
    if (c == '"') return string().has_value();
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++i_;
      ws();
      if (peek() == close) {
        ++i_;
        return true;
      }
      while (true) {
        if (close == '}') {
          ws();
          if (!string()) return false;
          ws();
          if (peek() != ':') return false;
          ++i_;
        }
        if (!value(depth + 1)) return false;
        ws();
        if (peek() == ',') {
          ++i_;
          continue;
        }
        if (peek() == close) {
          ++i_;
          return true;
        }
        return false;
      }
    }
    for (std::string_view lit : {"true", "false", "null"})
      if (t_.substr(i_).starts_with(lit)) {
        i_ += lit.size();
        return true;
      }
    // A number.
    size_t b = i_;
    if (peek() == '-') ++i_;
    if (peek() == '0') {
      ++i_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++i_;
    } else {
      return false;
    }
    if (peek() == '.') {
      ++i_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++i_;
    }
    return i_ > b;
  }

 private:
  std::string_view t_;
  size_t i_ = 0;
};

}  // namespace

JsonArray parse_json_array(std::string_view text) {
  JsonArray out;
  JsonReader r(text);
  r.ws();
  if (r.peek() != '[') return out;
  {
    JsonReader whole = r;
    if (!whole.value()) return out;
  }
  out.valid = true;
  out.all_strings = true;
  r.take();
  r.ws();
  if (r.peek() == ']') return out;
  while (true) {
    r.ws();
    if (r.peek() == '"') {
      out.strings.push_back(r.string().value_or(""));
    } else {
      out.all_strings = false;
      r.value();
    }
    r.ws();
    if (r.peek() != ',') break;
    r.take();
  }
  return out;
}

std::optional<std::string> repair_json_array(std::string_view text, bool bare_elements) {
  size_t i = 0;
  auto ws = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  ws();
  if (i >= text.size() || text[i] != '[') return std::nullopt;
  ++i;
  std::vector<std::string> elements;
  bool closed = false;
  while (true) {
    ws();
    if (i >= text.size()) break;
    if (text[i] == ']' && elements.empty()) {
      ++i;
      closed = true;
      break;
    }
    char q = text[i];
    if (q != '\'' && q != '"') {
      if (!bare_elements) return std::nullopt;
      size_t b = i;
      while (i < text.size() && text[i] != ',' && text[i] != ']' && text[i] != ' ' && text[i] != '\t') ++i;
      elements.emplace_back(text.substr(b, i - b));
      ws();
      if (i >= text.size()) break;
      if (text[i] == ',') {
        ++i;
        continue;
      }
      if (text[i] == ']') {
        ++i;
        closed = true;
        break;
      }
      return std::nullopt;
    }
    ++i;
    std::string content;
    bool ended = false;
    while (i < text.size()) {
      char c = text[i++];
      if (c == q) {
        ended = true;
        break;
      }
      if (q == '"' && c == '\\' && i < text.size()) {
        // Keep JSON escapes as JSON reads them.
        std::string one = std::string("\"\\") + text[i] + "\"";
        JsonReader r(one);
        auto decoded = r.string();
        if (!decoded) return std::nullopt;
        content += *decoded;
        ++i;
        continue;
      }
      content.push_back(c);
    }
    if (!ended) return std::nullopt;
    elements.push_back(std::move(content));
    ws();
    if (i >= text.size()) break;
    if (text[i] == ',') {
      ++i;
      continue;
    }
    if (text[i] == ']') {
      ++i;
      closed = true;
      break;
    }
    return std::nullopt;
  }
  (void)closed;
  ws();
  if (i < text.size()) return std::nullopt;
  if (elements.empty()) return std::nullopt;
  std::string out = "[";
  for (size_t k = 0; k < elements.size(); ++k) {
    if (k) out += ", ";
    out += json_quote(elements[k]);
  }
  out += "]";
  return out;
}

std::optional<std::string> shell_to_exec_form(std::string_view command, char escape) {
  shell::Script script = shell::split(command, 0, escape);
  if (!script.problems.empty() || script.commands.size() != 1 || !script.heredocs.empty() ||
      !script.separators.empty())
    return std::nullopt;
  const shell::Command& cmd = script.commands.front();
  if (!cmd.assignments.empty() || !cmd.redirects.empty() || cmd.args.empty() || cmd.depth > 0 ||
      cmd.nested || cmd.block_depth > 0)
    return std::nullopt;
  std::string out = "[";
  for (size_t k = 0; k < cmd.args.size(); ++k) {
    const shell::Word& w = cmd.args[k];
    if (w.has_expansion) return std::nullopt;
    std::string_view raw = command.substr(w.start, w.end - w.start);
    // Unquoted globs and a leading tilde mean the shell would change the word.
    if (!w.quoted && (raw.find_first_of("*?[") != std::string_view::npos || raw.starts_with("~")))
      return std::nullopt;
    if (raw.find_first_of("`$") != std::string_view::npos) return std::nullopt;
    if (k) out += ", ";
    out += json_quote(w.value);
  }
  return out + "]";
}

// ---------------------------------------------------------------------------------------------
// Files.

std::optional<std::string> uri_to_path(std::string_view uri) {
  if (!uri.starts_with("file://")) return std::nullopt;
  uri.remove_prefix(7);
  size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(uri[i]);
    }
  }
  // file:///C:/x on Windows.
  if (out.size() >= 3 && out[0] == '/' && std::isalpha(static_cast<unsigned char>(out[1])) && out[2] == ':')
    out.erase(0, 1);
  return out;
}

}  // namespace dfls::rules
