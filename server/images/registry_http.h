// RegistryClient over HTTPS with libcurl: the Docker Registry HTTP API v2 tag list
// (GET /v2/<repository>/tags/list), with the anonymous bearer-token flow registries use
// (Docker Hub, gcr.io, mcr.microsoft.com, cgr.dev). The parsing steps are pure functions declared
// here so they can be tested without a network; tests never call HttpRegistryClient::list_tags.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "images/registry_client.h"

namespace dfls::images {

// Where an image's repository lives: "node" is {"registry-1.docker.io", "library/node"},
// "gcr.io/distroless/static" is {"gcr.io", "distroless/static"}. A tag or digest is ignored.
struct RegistryRepository {
  std::string host;        // registry API host, possibly with a port
  std::string repository;  // path inside the registry
};
RegistryRepository registry_repository(std::string_view image);

// The parameters of a `WWW-Authenticate: Bearer realm="...",service="...",scope="..."` header
// value; nothing when the challenge is not Bearer or has no realm.
struct BearerChallenge {
  std::string realm;
  std::string service;
  std::string scope;
};
std::optional<BearerChallenge> parse_bearer_challenge(std::string_view header_value);

// The anonymous token request for a challenge: realm?service=...&scope=... (percent-encoded);
// the scope defaults to repository:<repository>:pull. Empty unless the realm is https.
std::string token_request_url(const BearerChallenge& challenge, std::string_view repository);

// The tag list response {"name": "library/node", "tags": ["1", "1.0", ...]} ("tags": null is an
// empty list); nothing when the body is not such a JSON object.
std::optional<std::vector<std::string>> parse_tag_list(std::string_view json);

// The token of a token response, {"token": "..."} or {"access_token": "..."}.
std::optional<std::string> parse_token_response(std::string_view json);

// The target of the rel="next" entry of a `Link` header value (tag list pagination):
// `</v2/library/node/tags/list?last=9&n=100>; rel="next"` gives "/v2/library/node/tags/list?...".
std::optional<std::string> parse_next_link(std::string_view header_value);

// Uses libcurl's defaults for proxies (http_proxy, https_proxy, no_proxy) and CA certificates,
// verifies TLS, speaks https only (also after redirects) and stops at the caller's deadline.
class HttpRegistryClient : public RegistryClient {
 public:
  HttpRegistryClient();
  std::optional<std::vector<std::string>> list_tags(std::string_view image,
                                                    std::chrono::milliseconds timeout) override;
};

}  // namespace dfls::images
