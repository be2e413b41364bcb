// Docker Registry HTTP API v2 tag listing with libcurl, and the small parsers it needs (a JSON
// reader just large enough for the tag list and token responses, since dfls_core links no JSON
// library; WWW-Authenticate and Link header parsing).
#include "images/registry_http.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <memory>
#include <mutex>

#include "images/catalog.h"

#ifndef DFLS_VERSION
#define DFLS_VERSION "dev"
#endif

namespace dfls::images {
namespace {

constexpr std::string_view kDockerHubRegistry = "registry-1.docker.io";
constexpr size_t kMaxBody = 16 * 1024 * 1024;
constexpr int kMaxPages = 64;
constexpr size_t npos = std::string_view::npos;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// Just enough JSON: strings (with escapes), skipping any other value, and top-level members.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : s_(text) {}

  void skip_space() {
    while (pos_ < s_.size() && std::string_view(" \t\n\r").find(s_[pos_]) != npos) {
      ++pos_;
    }
  }
  bool eat(char c) {
    skip_space();
    if (pos_ >= s_.size() || s_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool literal(std::string_view word) {
    skip_space();
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool at_end() {
    skip_space();
    return pos_ == s_.size();
  }

  bool string(std::string& out) {
    out.clear();
    if (!eat('"')) return false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return false;
      const char e = s_[pos_++];
      constexpr std::string_view kEscapes = "\"\\/bfnrt";
      constexpr std::string_view kDecoded = "\"\\/\b\f\n\r\t";
      if (const size_t k = kEscapes.find(e); k != npos) {
        out += kDecoded[k];
        continue;
      }
      unsigned cp = 0;
      if (e != 'u' || !hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
      if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair: \uD83D\uDE00
        unsigned low = 0;
        if (s_.substr(pos_, 2) != "\\u") return false;
        pos_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      append_utf8(out, cp);
    }
    return false;
  }

  bool skip_value(int depth = 0) {
    if (depth > 64) return false;
    skip_space();
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      if (eat(close)) return true;
      do {
        if (c == '{') {
          std::string key;
          if (!string(key) || !eat(':')) return false;
        }
        if (!skip_value(depth + 1)) return false;
      } while (eat(','));
      return eat(close);
    }
    if (literal("true") || literal("false") || literal("null")) return true;
    const size_t end = std::min(s_.find_first_not_of("+-.eE0123456789", pos_), s_.size());
    const bool number = end > pos_;
    pos_ = end;
    return number;
  }

  // Calls on_member(key) for each member of the top-level object; it must consume the value.
  template <class OnMember>
  bool object(OnMember on_member) {
    if (!eat('{')) return false;
    if (!eat('}')) {
      do {
        std::string key;
        if (!string(key) || !eat(':') || !on_member(key)) return false;
      } while (eat(','));
      if (!eat('}')) return false;
    }
    return at_end();
  }

 private:
  bool hex4(unsigned& out) {
    const char* begin = s_.data() + pos_;
    if (pos_ + 4 > s_.size() || begin[0] == '+' || begin[0] == '-') return false;
    const auto [end, ec] = std::from_chars(begin, begin + 4, out, 16);
    pos_ += 4;
    return ec == std::errc() && end == begin + 4;
  }
  static void append_utf8(std::string& out, unsigned cp) {
    const int extra = cp < 0x80 ? 0 : cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
    constexpr unsigned kLead[] = {0x00, 0xC0, 0xE0, 0xF0};
    out += static_cast<char>(kLead[extra] | (cp >> (6 * extra)));
    for (int i = extra - 1; i >= 0; --i) out += static_cast<char>(0x80 | ((cp >> (6 * i)) & 0x3F));
  }

  std::string_view s_;
  size_t pos_ = 0;
};

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || std::string_view("-_.~").find(c) != npos;
    out += unreserved ? std::string(1, c) : std::string{'%', kHex[u >> 4], kHex[u & 0xF]};
  }
  return out;
}

struct HttpResponse {
  long status = 0;
  std::string body;
  std::string www_authenticate;
  std::string link;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  const size_t n = size * count;
  if (response->body.size() + n > kMaxBody) return 0;  // makes libcurl stop with an error
  response->body.append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the last one's
    response->www_authenticate.clear();
    response->link.clear();
  }
  const size_t colon = line.find(':');
  if (colon == npos) return n;
  const std::string_view name = line.substr(0, colon);
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  // Of several challenges keep a Bearer one, which is the only kind followed.
  if (iequals(name, "www-authenticate") &&
      (response->www_authenticate.empty() || iequals(value.substr(0, 7), "bearer "))) {
    response->www_authenticate = std::string(value);
  } else if (iequals(name, "link")) {
    response->link = std::string(value);
  }
  return n;
}

using Clock = std::chrono::steady_clock;

std::optional<HttpResponse> http_get(const std::string& url, const std::string& bearer,
                                     Clock::time_point deadline) {
  const auto remaining =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (remaining.count() <= 0) return std::nullopt;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return std::nullopt;
  curl_slist* raw_headers = curl_slist_append(nullptr, "Accept: application/json");
  if (!raw_headers) return std::nullopt;
  if (!bearer.empty()) {
    const std::string authorization = "Authorization: Bearer " + bearer;
    curl_slist* with_token = curl_slist_append(raw_headers, authorization.c_str());
    if (!with_token) {
      curl_slist_free_all(raw_headers);
      return std::nullopt;
    }
    raw_headers = with_token;
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(raw_headers,
                                                                      curl_slist_free_all);
  HttpResponse response;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_USERAGENT, "dockerfile-ls/" DFLS_VERSION);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
#else
  curl_easy_setopt(c, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTPS));
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTPS));
#endif
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(remaining.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<long long>(remaining.count(), 10000)));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &response);
  if (curl_easy_perform(c) != CURLE_OK) return std::nullopt;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::optional<std::string> fetch_token(const BearerChallenge& challenge,
                                       std::string_view repository, Clock::time_point deadline) {
  const std::string url = token_request_url(challenge, repository);
  if (url.empty()) return std::nullopt;
  const std::optional<HttpResponse> response = http_get(url, "", deadline);
  if (!response || response->status != 200) return std::nullopt;
  return parse_token_response(response->body);
}

}  // namespace

RegistryRepository registry_repository(std::string_view image) {
  const std::string name = split_image_ref(image).name;  // Docker Hub hosts already dropped
  const size_t slash = name.find('/');
  const std::string_view first = std::string_view(name).substr(0, slash);
  if (slash != npos && (first.find_first_of(".:") != npos || first == "localhost")) {
    return {std::string(first), name.substr(slash + 1)};
  }
  return {std::string(kDockerHubRegistry), slash == npos ? "library/" + name : name};
}

std::optional<BearerChallenge> parse_bearer_challenge(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.size() < 7 || !iequals(value.substr(0, 7), "bearer ")) return std::nullopt;
  value.remove_prefix(7);
  BearerChallenge challenge;
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == ',')) ++i;
    const size_t eq = value.find('=', i);
    if (eq == npos) break;
    std::string key;
    for (const char c : value.substr(i, eq - i)) {
      if (c != ' ') key += ascii_lower(c);
    }
    std::string param;
    i = eq + 1;
    if (i < value.size() && value[i] == '"') {
      for (++i; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        param += value[i];
      }
      ++i;  // the closing quote
    } else {
      const size_t end = value.find(',', i);
      param = std::string(value.substr(i, end == npos ? end : end - i));
      while (!param.empty() && param.back() == ' ') param.pop_back();
      i = end == npos ? value.size() : end;
    }
    std::string* slot = key == "realm"     ? &challenge.realm
                        : key == "service" ? &challenge.service
                        : key == "scope"   ? &challenge.scope
                                           : nullptr;
    if (slot) *slot = std::move(param);
  }
  if (challenge.realm.empty()) return std::nullopt;
  return challenge;
}

std::string token_request_url(const BearerChallenge& challenge, std::string_view repository) {
  if (!challenge.realm.starts_with("https://")) return {};
  std::string url = challenge.realm;
  char separator = url.find('?') == npos ? '?' : '&';
  if (!challenge.service.empty()) {
    url += separator + std::string("service=") + percent_encode(challenge.service);
    separator = '&';
  }
  const std::string scope =
      challenge.scope.empty() ? "repository:" + std::string(repository) + ":pull" : challenge.scope;
  return url + separator + "scope=" + percent_encode(scope);
}

std::optional<std::vector<std::string>> parse_tag_list(std::string_view json) {
  JsonReader reader(json);
  std::vector<std::string> tags;
  bool found = false;
  const bool ok = reader.object([&](const std::string& key) {
    if (key != "tags") return reader.skip_value();
    found = true;
    tags.clear();
    if (reader.literal("null")) return true;
    if (!reader.eat('[')) return false;
    if (reader.eat(']')) return true;
    do {
      std::string tag;
      if (!reader.string(tag)) return false;
      tags.push_back(std::move(tag));
    } while (reader.eat(','));
    return reader.eat(']');
  });
  if (!ok || !found) return std::nullopt;
  return tags;
}

std::optional<std::string> parse_token_response(std::string_view json) {
  JsonReader reader(json);
  std::string token;
  std::string access_token;
  const bool ok = reader.object([&](const std::string& key) {
    if (key == "token") return reader.string(token);
    if (key == "access_token") return reader.string(access_token);
    return reader.skip_value();
  });
  if (!ok) return std::nullopt;
  if (!token.empty()) return token;
  if (!access_token.empty()) return access_token;
  return std::nullopt;
}

std::optional<std::string> parse_next_link(std::string_view value) {
  while (!value.empty()) {
    const size_t open = value.find('<');
    const size_t close = value.find('>', open == npos ? 0 : open);
    if (open == npos || close == npos) return std::nullopt;
    const std::string_view target = value.substr(open + 1, close - open - 1);
    value.remove_prefix(close + 1);
    const size_t next_link = value.find(",");
    std::string params;
    for (const char c : value.substr(0, next_link)) {
      if (c != ' ' && c != '"') params += ascii_lower(c);
    }
    if (params.find(";rel=next") != npos) return std::string(target);
    if (next_link == npos) break;
    value.remove_prefix(next_link + 1);
  }
  return std::nullopt;
}

HttpRegistryClient::HttpRegistryClient() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::optional<std::vector<std::string>> HttpRegistryClient::list_tags(
    std::string_view image, std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  const RegistryRepository repo = registry_repository(image);
  if (repo.repository.empty()) return std::nullopt;
  const std::string base = "https://" + repo.host;
  std::string token;
  bool authenticated = false;
  if (repo.host == kDockerHubRegistry) {  // Docker Hub always wants a token: skip the 401
    const BearerChallenge hub{"https://auth.docker.io/token", "registry.docker.io", ""};
    std::optional<std::string> hub_token = fetch_token(hub, repo.repository, deadline);
    if (!hub_token) return std::nullopt;
    token = std::move(*hub_token);
    authenticated = true;
  }
  std::vector<std::string> tags;
  std::string url = base + "/v2/" + repo.repository + "/tags/list";
  for (int page = 0; page < kMaxPages; ++page) {
    std::optional<HttpResponse> response = http_get(url, token, deadline);
    if (!response) return std::nullopt;
    if (response->status == 401 && !authenticated) {
      authenticated = true;
      const std::optional<BearerChallenge> challenge =
          parse_bearer_challenge(response->www_authenticate);
      std::optional<std::string> new_token =
          challenge ? fetch_token(*challenge, repo.repository, deadline) : std::nullopt;
      if (!new_token) return std::nullopt;
      token = std::move(*new_token);
      --page;  // the same page again, now with the token
      continue;
    }
    if (response->status != 200) return std::nullopt;
    std::optional<std::vector<std::string>> page_tags = parse_tag_list(response->body);
    if (!page_tags) return std::nullopt;
    tags.insert(tags.end(), page_tags->begin(), page_tags->end());
    const std::optional<std::string> next = parse_next_link(response->link);
    if (!next) return tags;
    if (next->starts_with("/"))
      url = base + *next;
    else if (next->starts_with(base + "/"))
      url = *next;
    else
      return tags;  // a next page elsewhere is not followed
  }
  return tags;
}

}  // namespace dfls::images
