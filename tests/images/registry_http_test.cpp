// The pure parts of the registry client; nothing here touches the network.
#include "images/registry_http.h"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using namespace dfls::images;

TEST_CASE("catalog registry client: registry repositories of image names") {
  CHECK(registry_repository("node").host == "registry-1.docker.io");
  CHECK(registry_repository("node").repository == "library/node");
  CHECK(registry_repository("docker.io/library/node:22").repository == "library/node");
  CHECK(registry_repository("bitnami/redis").repository == "bitnami/redis");
  CHECK(registry_repository("gcr.io/distroless/static:nonroot").host == "gcr.io");
  CHECK(registry_repository("gcr.io/distroless/static:nonroot").repository == "distroless/static");
  CHECK(registry_repository("MCR.microsoft.com/dotnet/sdk").host == "mcr.microsoft.com");
  CHECK(registry_repository("localhost:5000/team/app").host == "localhost:5000");
}

TEST_CASE("catalog registry client: tag list responses") {
  CHECK(parse_tag_list(R"({"name":"library/node","tags":["18","20-slim","22"]})") ==
        std::vector<std::string>{"18", "20-slim", "22"});
  CHECK(parse_tag_list(" {\n \"tags\" : [ ] , \"name\" : \"x\" }\n") == std::vector<std::string>{});
  CHECK(parse_tag_list(R"({"name":"x","tags":null})") == std::vector<std::string>{});
  // Other members of any shape are skipped; escapes are decoded.
  CHECK(
      parse_tag_list(
          R"({"child":[{"a":[1,2.5e3,true,false,null]}],"tags":["a\"b","\u00e9\ud83d\ude00"]})") ==
      std::vector<std::string>{"a\"b", "\xC3\xA9\xF0\x9F\x98\x80"});
  CHECK_FALSE(parse_tag_list(R"({"name":"x"})"));
  CHECK_FALSE(parse_tag_list(R"({"tags":[1,2]})"));
  CHECK_FALSE(parse_tag_list(R"({"tags":["a",]})"));
  CHECK_FALSE(parse_tag_list(R"({"tags":["a"]} trailing)"));
  CHECK_FALSE(parse_tag_list(R"(["a"])"));
  CHECK_FALSE(parse_tag_list(R"({"tags":["\ud83d"]})"));
  CHECK_FALSE(parse_tag_list("{\"tags\":[\"a\nb\"]}"));
  CHECK_FALSE(parse_tag_list(""));
  CHECK_FALSE(parse_tag_list("<html>rate limited</html>"));
  CHECK_FALSE(parse_tag_list("{\"x\":" + std::string(100000, '[')));  // refused, not recursed
  CHECK_FALSE(parse_tag_list("{\"x\":" + std::string(100, '[') + std::string(100, ']') + "}"));
}

TEST_CASE("catalog registry client: token responses") {
  CHECK(parse_token_response(R"({"token":"abc","access_token":"abc","expires_in":300})") == "abc");
  CHECK(parse_token_response(R"({"access_token":"xyz","issued_at":"2025-01-01T00:00:00Z"})") ==
        "xyz");
  CHECK_FALSE(parse_token_response(R"({"token":""})"));
  CHECK_FALSE(parse_token_response(R"({"details":"unauthorized"})"));
  CHECK_FALSE(parse_token_response("not json"));
}

TEST_CASE("catalog registry client: WWW-Authenticate bearer challenges") {
  const auto hub = parse_bearer_challenge(
      R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull")");
  REQUIRE(hub);
  CHECK(hub->realm == "https://auth.docker.io/token");
  CHECK(hub->service == "registry.docker.io");
  CHECK(hub->scope == "repository:library/node:pull");

  const auto spaced = parse_bearer_challenge(
      R"(bearer  Realm="https://mcr.microsoft.com/oauth2/token", Service=mcr.microsoft.com , scope="repository:a:pull,push")");
  REQUIRE(spaced);
  CHECK(spaced->realm == "https://mcr.microsoft.com/oauth2/token");
  CHECK(spaced->service == "mcr.microsoft.com");
  CHECK(spaced->scope == "repository:a:pull,push");

  const auto escaped = parse_bearer_challenge(R"(Bearer realm="https://x/t\"q")");
  REQUIRE(escaped);
  CHECK(escaped->realm == "https://x/t\"q");

  CHECK_FALSE(parse_bearer_challenge(R"(Basic realm="Registry")"));
  CHECK_FALSE(parse_bearer_challenge(R"(Bearer service="x")"));
  CHECK_FALSE(parse_bearer_challenge(""));
  CHECK_FALSE(parse_bearer_challenge("Bearer"));
  CHECK_FALSE(parse_bearer_challenge(R"(Bearer realm="unterminated)")->realm.empty());
}

TEST_CASE("catalog registry client: token request URLs") {
  const BearerChallenge hub{"https://auth.docker.io/token", "registry.docker.io", ""};
  CHECK(token_request_url(hub, "library/node") ==
        "https://auth.docker.io/"
        "token?service=registry.docker.io&scope=repository%3Alibrary%2Fnode%3Apull");
  const BearerChallenge with_query{"https://ghcr.io/token?x=1", "", "repository:a/b:pull"};
  CHECK(token_request_url(with_query, "ignored") ==
        "https://ghcr.io/token?x=1&scope=repository%3Aa%2Fb%3Apull");
  CHECK(token_request_url({"http://insecure/token", "s", ""}, "a").empty());
}

TEST_CASE("catalog registry client: Link headers for tag list pages") {
  CHECK(parse_next_link(R"(</v2/library/node/tags/list?last=22&n=100>; rel="next")") ==
        "/v2/library/node/tags/list?last=22&n=100");
  CHECK(parse_next_link(R"(<https://a/prev>; rel="prev", <https://a/next>; rel=next)") ==
        "https://a/next");
  CHECK_FALSE(parse_next_link(R"(</v2/x/tags/list?last=1>; rel="prev")"));
  CHECK_FALSE(parse_next_link(""));
  CHECK_FALSE(parse_next_link("garbage"));
}
