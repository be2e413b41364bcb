#include "core/image_ref.h"

#include <cstddef>

namespace dfls {
namespace {

constexpr std::string_view kDefaultRegistry = "docker.io";
constexpr std::string_view kLegacyRegistry = "index.docker.io";
constexpr std::string_view kOfficialPrefix = "library/";
constexpr size_t kMaxNameLength = 255;
constexpr size_t kMaxTagLength = 128;

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_alnum(char c) { return is_lower_alnum(c) || (c >= 'A' && c <= 'Z'); }
bool is_word_char(char c) { return is_alnum(c) || c == '_'; }
bool is_hex_lower(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool has_variable(std::string_view s) { return s.find('$') != std::string_view::npos; }

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// The position of `c` in `s` at or after `from`, outside `${...}`, or npos.
size_t find_outside_braces(std::string_view s, char c, size_t from = 0) {
  int braces = 0;
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      ++braces;
      ++i;
    } else if (s[i] == '}' && braces > 0) {
      --braces;
    } else if (s[i] == c && braces == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

size_t rfind_outside_braces(std::string_view s, char c) {
  size_t found = std::string_view::npos;
  for (size_t i = find_outside_braces(s, c); i != std::string_view::npos;
       i = find_outside_braces(s, c, i + 1)) {
    found = i;
  }
  return found;
}

// One element of a repository path: [a-z0-9]+ ((. | _ | __ | -+) [a-z0-9]+)*.
bool valid_path_component(std::string_view s) {
  size_t i = 0;
  auto alnum_run = [&] {
    size_t start = i;
    while (i < s.size() && is_lower_alnum(s[i])) ++i;
    return i > start;
  };
  if (!alnum_run()) return false;
  while (i < s.size()) {
    if (s[i] == '.') {
      ++i;
    } else if (s[i] == '_') {
      ++i;
      if (i < s.size() && s[i] == '_') ++i;
    } else if (s[i] == '-') {
      while (i < s.size() && s[i] == '-') ++i;
    } else {
      return false;
    }
    if (!alnum_run()) return false;
  }
  return true;
}

bool valid_domain(std::string_view s) {
  size_t colon = std::string_view::npos;
  std::string_view host = s;
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    for (char c : s.substr(1, close - 1))
      if (!(is_alnum(c) || c == ':' || c == '.')) return false;
    host = {};
    colon = close + 1 < s.size() ? close + 1 : std::string_view::npos;
    if (colon != std::string_view::npos && s[colon] != ':') return false;
  } else {
    colon = s.find(':');
    host = s.substr(0, colon);
    if (host.empty()) return false;
    size_t start = 0;
    while (start <= host.size()) {
      size_t dot = host.find('.', start);
      std::string_view label =
          host.substr(start, dot == std::string_view::npos ? dot : dot - start);
      if (label.empty() || label.front() == '-' || label.back() == '-') return false;
      for (char c : label)
        if (!(is_alnum(c) || c == '-')) return false;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  }
  if (colon != std::string_view::npos) {
    std::string_view port = s.substr(colon + 1);
    if (port.empty()) return false;
    for (char c : port)
      if (c < '0' || c > '9') return false;
  }
  return true;
}

bool valid_tag(std::string_view s) {
  if (s.empty() || s.size() > kMaxTagLength || !is_word_char(s[0])) return false;
  for (char c : s)
    if (!(is_word_char(c) || c == '.' || c == '-')) return false;
  return true;
}

// Empty when the digest is well formed, else why not.
std::string check_digest(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0)
    return "invalid digest \"" + std::string(s) + "\": expected <algorithm>:<hex>";
  std::string_view algorithm = s.substr(0, colon);
  std::string_view hex = s.substr(colon + 1);
  size_t expected = algorithm == "sha256"   ? 64
                    : algorithm == "sha384" ? 96
                    : algorithm == "sha512" ? 128
                                            : 0;
  if (expected == 0) return "unsupported digest algorithm \"" + std::string(algorithm) + "\"";
  bool hex_ok = hex.size() == expected;
  for (char c : hex) hex_ok = hex_ok && is_hex_lower(c);
  if (!hex_ok) {
    return "invalid digest \"" + std::string(s) + "\": " + std::string(algorithm) + " needs " +
           std::to_string(expected) + " lowercase hexadecimal digits";
  }
  return {};
}

bool is_identifier(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!is_hex_lower(c)) return false;
  return true;
}

void fail(ImageRef& ref, std::string message) {
  if (ref.error.empty()) ref.error = std::move(message);
  ref.valid = false;
}

}  // namespace

std::string ImageRef::full_name() const {
  return registry.empty() ? repository : registry + "/" + repository;
}

std::string ImageRef::familiar_name() const {
  if (registry != kDefaultRegistry) return full_name();
  std::string_view repo = repository;
  if (repo.starts_with(kOfficialPrefix) &&
      repo.find('/', kOfficialPrefix.size()) == std::string_view::npos) {
    repo.remove_prefix(kOfficialPrefix.size());
  }
  return std::string(repo);
}

std::string ImageRef::familiar_string() const {
  std::string out = familiar_name();
  if (!tag.empty()) out += ":" + tag;
  if (!digest.empty()) out += "@" + digest;
  return out;
}

bool ImageRef::is_official() const {
  std::string_view repo = repository;
  return registry == kDefaultRegistry && repo.starts_with(kOfficialPrefix) &&
         repo.find('/', kOfficialPrefix.size()) == std::string_view::npos;
}

ImageRef parse_image_ref(std::string_view text) {
  ImageRef ref;
  ref.valid = true;
  ref.has_variables = has_variable(text);
  if (text == "scratch") {
    ref.repository = "scratch";
    return ref;
  }
  if (text.empty()) {
    fail(ref, "invalid reference format: repository name must have at least one component");
    return ref;
  }
  if (is_identifier(text)) {
    fail(ref, "invalid repository name (" + std::string(text) +
                  "), cannot specify 64-byte hexadecimal strings");
    return ref;
  }

  std::string_view name = text;
  if (size_t at = find_outside_braces(name, '@'); at != std::string_view::npos) {
    ref.digest = std::string(name.substr(at + 1));
    name = name.substr(0, at);
  }
  size_t last_slash = rfind_outside_braces(name, '/');
  size_t colon =
      find_outside_braces(name, ':', last_slash == std::string_view::npos ? 0 : last_slash + 1);
  if (colon != std::string_view::npos) {
    ref.tag = std::string(name.substr(colon + 1));
    name = name.substr(0, colon);
  }

  // Registry: the first element, when it looks like a host (or holds a variable).
  size_t slash = find_outside_braces(name, '/');
  std::string_view first = name.substr(0, slash);
  std::string_view path = name;
  bool unknown_registry = false;
  if (slash != std::string_view::npos) {
    if (has_variable(first)) {
      unknown_registry = true;
    } else if (first.find_first_of(".:") != std::string_view::npos || first == "localhost" ||
               has_upper(first)) {
      ref.registry = std::string(first);
      path = name.substr(slash + 1);
    }
  }
  if (!unknown_registry && ref.registry.empty() &&
      !(has_variable(name) && slash == std::string_view::npos)) {
    ref.registry = std::string(kDefaultRegistry);
  }
  if (ref.registry == kLegacyRegistry) ref.registry = std::string(kDefaultRegistry);
  ref.repository = std::string(path);
  if (ref.registry == kDefaultRegistry && path.find('/') == std::string_view::npos)
    ref.repository = std::string(kOfficialPrefix) + ref.repository;

  // Checks of the parts that hold no variable.
  if (!ref.registry.empty() && !has_variable(ref.registry) && !valid_domain(ref.registry))
    fail(ref, "invalid reference format: invalid registry \"" + ref.registry + "\"");
  if (path.empty())
    fail(ref, "invalid reference format: repository name must have at least one component");
  if (name.size() > kMaxNameLength)
    fail(ref, "invalid reference format: repository name must not be more than 255 characters");
  // With a variable in the first element, that element may be a registry or a path component;
  // the elements after it are path components either way.
  size_t start = unknown_registry ? slash + 1 : 0;
  while (ref.valid && start <= path.size()) {
    size_t end = path.find('/', start);
    std::string_view component =
        path.substr(start, end == std::string_view::npos ? end : end - start);
    if (!has_variable(component)) {
      if (component.empty()) {
        fail(ref,
             "invalid reference format: empty path component in \"" + std::string(path) + "\"");
      } else if (has_upper(component)) {
        fail(ref, "invalid reference format: repository name (" + ref.repository +
                      ") must be lowercase");
      } else if (!valid_path_component(component)) {
        fail(ref, "invalid reference format: invalid repository name component \"" +
                      std::string(component) + "\"");
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (colon != std::string_view::npos && !has_variable(ref.tag) && !valid_tag(ref.tag)) {
    fail(ref, ref.tag.empty() ? std::string("invalid reference format: empty tag")
                              : "invalid reference format: invalid tag \"" + ref.tag + "\"");
  }
  if (!ref.digest.empty() && !has_variable(ref.digest)) {
    if (std::string why = check_digest(ref.digest); !why.empty())
      fail(ref, "invalid reference format: " + why);
  } else if (ref.digest.empty() && find_outside_braces(text, '@') != std::string_view::npos) {
    fail(ref, "invalid reference format: empty digest");
  }
  return ref;
}

}  // namespace dfls
