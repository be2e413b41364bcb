// Secret patterns for the build-practice rules: names that say "secret", literal credentials
// (well-known token formats, private key blocks, literal npm auth tokens, passwords in URLs) and
// credential file names (see quality_helpers.h). Matching is done by hand, one pass over the
// text, so that a large file stays cheap.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "rules/quality_helpers.h"
#include "rules/rule_helpers.h"

namespace dfls::quality {

namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool token_char(char c) { return alnum(c) || c == '_' || c == '-'; }
bool base64_char(char c) { return alnum(c) || c == '+' || c == '/' || c == '='; }

template <typename Pred>
size_t run_of(std::string_view text, size_t i, Pred pred) {
  size_t n = 0;
  while (i + n < text.size() && pred(text[i + n])) ++n;
  return n;
}

bool placeholder(std::string_view v) {
  if (v.empty()) return true;
  if (v.find('$') != std::string_view::npos || v.find('{') != std::string_view::npos) return true;
  if (v.front() == '<' || v.front() == '[' || v.front() == '%') return true;
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v.front(); })) return true;
  static const std::set<std::string, std::less<>> kWords = {
      "password", "pass", "passwd", "pwd", "secret", "changeme", "example", "token", "xxx", "yourpassword",
      "your_password", "mypassword", "foo", "bar", "test"};
  return kWords.count(rules::to_lower(v)) > 0;
}

struct Prefix {
  std::string_view prefix;
  std::string_view kind;
  size_t min_body;
  bool (*body)(char);
};

bool alnum_fn(char c) { return alnum(c); }
bool token_fn(char c) { return token_char(c); }
bool underscore_alnum_fn(char c) { return alnum(c) || c == '_'; }
bool dash_alnum_fn(char c) { return alnum(c) || c == '-'; }

constexpr Prefix kPrefixes[] = {
    {"ghp_", "GitHub token", 36, alnum_fn},
    {"gho_", "GitHub token", 36, alnum_fn},
    {"ghu_", "GitHub token", 36, alnum_fn},
    {"ghs_", "GitHub token", 36, alnum_fn},
    {"ghr_", "GitHub token", 36, alnum_fn},
    {"github_pat_", "GitHub token", 22, underscore_alnum_fn},
    {"glpat-", "GitLab token", 20, token_fn},
    {"npm_", "npm token", 36, alnum_fn},
    {"pypi-AgEIcHlwaS5vcmc", "PyPI token", 50, token_fn},
    {"xoxb-", "Slack token", 10, dash_alnum_fn},
    {"xoxp-", "Slack token", 10, dash_alnum_fn},
    {"xoxa-", "Slack token", 10, dash_alnum_fn},
    {"xoxr-", "Slack token", 10, dash_alnum_fn},
    {"xoxs-", "Slack token", 10, dash_alnum_fn},
    {"sk_live_", "Stripe key", 20, alnum_fn},
    {"rk_live_", "Stripe key", 20, alnum_fn},
    {"AIza", "Google API key", 35, token_fn},
};

}  // namespace

bool secret_like_name(std::string_view name) {
  static const std::set<std::string, std::less<>> kSecret = {
      "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token",
      "passphrase"};  // Beyond BuildKit's list: a passphrase is as secret as a password.
  static const std::set<std::string, std::less<>> kAllowed = {"public", "file", "version"};
  static const std::set<std::string, std::less<>> kWellKnown = {
      "GH_PAT", "GITHUB_PAT", "GITLAB_PAT", "CR_PAT", "PGPASSWORD", "MYSQL_PWD", "DOCKER_PASS", "NPM_PASS",
      "REGISTRY_PASS", "DB_PASS"};
  std::string upper = rules::to_upper(name);
  if (kWellKnown.count(upper)) return true;
  std::string lower = rules::to_lower(name);
  bool secret = false, allowed = false, gpg = false, private_part = false;
  size_t start = 0;
  while (start <= lower.size()) {
    size_t end = lower.find('_', start);
    if (end == std::string::npos) end = lower.size();
    std::string_view token = std::string_view(lower).substr(start, end - start);
    if (kSecret.count(token)) secret = true;
    if (kAllowed.count(token)) allowed = true;
    if (token == "gpg" || token == "pgp") gpg = true;
    if (token == "private" || token == "passphrase" || token == "password" || token == "secret") private_part = true;
    start = end + 1;
  }
  // GPG_KEY and RABBITMQ_PGP_KEY_ID name the public key that verifies a download (official images
  // do this everywhere); a private key or passphrase still counts.
  if (gpg && !private_part) return false;
  return secret && !allowed;
}

std::string mask_secret(std::string_view value) {
  size_t keep = std::min<size_t>(4, value.size() / 4);
  return std::string(value.substr(0, keep)) + "****";
}

std::vector<SecretLiteral> find_secret_literals(std::string_view text) {
  // The characters a match can start with: a token prefix, AKIA/ASIA, "-----BEGIN ", "_auth..."
  // and the "://" of a URL. Other positions are skipped at once.
  static const std::array<bool, 256> kStarts = [] {
    std::array<bool, 256> starts{};
    for (const Prefix& p : kPrefixes) starts[static_cast<unsigned char>(p.prefix.front())] = true;
    for (char c : {'A', '-', '_', ':'}) starts[static_cast<unsigned char>(c)] = true;
    return starts;
  }();
  std::vector<SecretLiteral> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!kStarts[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    bool boundary = i == 0 || !(alnum(text[i - 1]) || text[i - 1] == '_');
    size_t matched = 0;
    if (boundary) {
      for (const Prefix& p : kPrefixes) {
        if (text.compare(i, p.prefix.size(), p.prefix) != 0) continue;
        size_t body = run_of(text, i + p.prefix.size(), p.body);
        if (body < p.min_body) continue;
        std::string_view value = text.substr(i, p.prefix.size() + body);
        out.push_back({{i, i + value.size()}, std::string(p.kind), std::string(p.prefix) + "****"});
        matched = value.size();
        break;
      }
      if (!matched && (text.compare(i, 4, "AKIA") == 0 || text.compare(i, 4, "ASIA") == 0) &&
          run_of(text, i + 4, upper_or_digit) == 16 && (i + 20 >= text.size() || !alnum(text[i + 20]))) {
        std::string_view value = text.substr(i, 20);
        if (value.find("EXAMPLE") == std::string_view::npos)
          out.push_back({{i, i + 20}, "AWS access key id", std::string(value.substr(0, 4)) + "****"});
        matched = 20;
      }
    }
    if (!matched && text.compare(i, 11, "-----BEGIN ") == 0) {
      size_t eol = text.find_first_of("\r\n", i);
      std::string_view head = text.substr(i, (eol == std::string_view::npos ? text.size() : eol) - i);
      size_t marker_end = head.find("PRIVATE KEY-----");
      if (marker_end != std::string_view::npos) {
        size_t j = i + marker_end + 16;
        while (j < text.size() && (text[j] == '\r' || text[j] == '\n' || text[j] == '"' || text[j] == ' ' ||
                                   text[j] == '\\' || (text[j] == 'n' && j > 0 && text[j - 1] == '\\')))
          ++j;
        if (run_of(text, j, base64_char) >= 20) {
          size_t end = text.find("PRIVATE KEY-----", j);
          end = end == std::string_view::npos ? i + marker_end + 16 : end + 16;
          out.push_back({{i, end}, "private key", "-----BEGIN PRIVATE KEY-----****"});
          matched = end - i;
        }
      }
    }
    if (!matched) {
      for (std::string_view key : {"_authToken=", "_auth=", "_password="}) {
        if (text.compare(i, key.size(), key) != 0) continue;
        size_t v = i + key.size();
        if (v < text.size() && (text[v] == '"' || text[v] == '\'')) ++v;
        size_t n = run_of(text, v, [](char c) {
          return !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == '\\');
        });
        std::string_view value = text.substr(v, n);
        if (n >= 6 && !placeholder(value)) {
          out.push_back({{v, v + n}, "npm auth token", std::string(key) + mask_secret(value)});
          matched = v + n - i;
        }
        break;
      }
    }
    if (!matched && text.compare(i, 3, "://") == 0 && i > 1 && alnum(text[i - 1])) {
      size_t s = i;
      while (s > 0 && (alnum(text[s - 1]) || text[s - 1] == '+' || text[s - 1] == '.' || text[s - 1] == '-')) --s;
      std::string_view scheme = text.substr(s, i - s);
      size_t u = i + 3;
      size_t n = run_of(text, u, [](char c) {
        return !(c == '/' || c == '@' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' ||
                 c == '\'' || c == '?' || c == '#');
      });
      if (u + n < text.size() && text[u + n] == '@') {
        std::string_view userinfo = text.substr(u, n);
        size_t colon = userinfo.find(':');
        if (colon != std::string_view::npos && colon > 0) {
          std::string_view user = userinfo.substr(0, colon);
          std::string_view pass = userinfo.substr(colon + 1);
          if (!placeholder(pass) && !placeholder(user) && std::isalpha(static_cast<unsigned char>(scheme.empty() ? '0' : scheme.front()))) {
            out.push_back({{u + colon + 1, u + n}, "password in a URL",
                           std::string(scheme) + "://" + std::string(user) + ":****@"});
            matched = 3 + n;
          }
        }
      }
    }
    i += matched ? matched : 1;
  }
  return out;
}

namespace {

// Whether a name (or a glob over names) is an OpenSSH host private key: ssh_host_<type>_key, not
// its .pub half.
bool ssh_host_private_key(std::string_view lower) {
  if (!lower.starts_with("ssh_host_") || lower.ends_with(".pub")) return false;
  if (lower.find_first_of("*?") == std::string_view::npos) return lower.ends_with("_key");
  for (std::string_view name : {"ssh_host_rsa_key", "ssh_host_ecdsa_key", "ssh_host_ed25519_key", "ssh_host_dsa_key"})
    if (source_glob_match(lower, name)) return true;
  return false;
}

// Whether an INI or netrc text has a `password` entry whose value is not a variable or empty:
// `password = s3cret` (.pypirc), `machine h login u password s3cret` (.netrc).
bool password_entry(std::string_view text) {
  for (size_t at = text.find("password"); at != std::string_view::npos; at = text.find("password", at + 1)) {
    size_t v = at + 8;
    while (v < text.size() && (text[v] == ' ' || text[v] == '\t' || text[v] == '=' || text[v] == ':')) ++v;
    size_t n = run_of(text, v, [](char c) { return !(c == ' ' || c == '\t' || c == '\r' || c == '\n'); });
    bool word_start = at == 0 || !token_char(text[at - 1]);
    if (word_start && v > at + 8 && !placeholder(text.substr(v, n))) return true;
  }
  return false;
}

}  // namespace

bool credential_file_holds_secret(std::string_view text) {
  return password_entry(text) || !find_secret_literals(text).empty();
}

bool test_fixture_path(std::string_view path) {
  std::string p = "/" + rules::to_lower(path);
  for (std::string_view dir : {"test", "tests", "testdata", "fixture", "fixtures", "e2e"})
    if (p.find("/" + std::string(dir) + "/") != std::string::npos) return true;
  return false;
}

std::string credential_file_kind(std::string_view path) {
  std::string p(path);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (p.starts_with("./")) p = p.substr(2);
  std::string base = p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1);
  std::string lower = rules::to_lower(base);
  auto has_component = [&](std::string_view dir) {
    return p == dir || p.starts_with(std::string(dir) + "/") || p.find("/" + std::string(dir) + "/") != std::string::npos ||
           p.ends_with("/" + std::string(dir));
  };
  if (lower == ".npmrc") return "npm credentials (.npmrc)";
  if (lower == ".pypirc") return "PyPI credentials (.pypirc)";
  if (lower == ".netrc" || lower == "_netrc") return "netrc credentials (.netrc)";
  if (lower == ".git-credentials") return "Git credentials (.git-credentials)";
  if (lower == ".env" || (lower.starts_with(".env.") && !lower.ends_with("example") && !lower.ends_with("sample") &&
                          !lower.ends_with("template") && !lower.ends_with("dist") && !lower.ends_with("defaults")))
    return "environment secrets (" + base + ")";
  if (lower == "id_rsa" || lower == "id_dsa" || lower == "id_ecdsa" || lower == "id_ed25519")
    return "an SSH private key (" + base + ")";
  if (ssh_host_private_key(lower)) return "SSH host private keys (" + base + ")";
  if (has_component(".ssh")) return "SSH keys (.ssh)";
  if (has_component(".aws")) return "AWS credentials (.aws)";
  if (lower == "config.json" && has_component(".docker")) return "Docker registry credentials (.docker/config.json)";
  if (lower == ".docker") return "Docker registry credentials (.docker)";
  if (lower == "kubeconfig" || has_component(".kube")) return "Kubernetes credentials (kubeconfig)";
  if (lower.ends_with(".p12") || lower.ends_with(".pfx") ||
      (lower.ends_with(".key") && lower.find('*') == std::string::npos) ||
      (lower.ends_with(".pem") && (lower.find("key") != std::string::npos || lower.find("priv") != std::string::npos)))
    return "a private key (" + base + ")";
  return "";
}

}  // namespace dfls::quality
