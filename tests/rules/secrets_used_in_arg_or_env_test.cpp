#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

namespace {

std::vector<Diag> secret_findings(std::string_view text) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::string(text));
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "SecretsUsedInArgOrEnv") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("SecretsUsedInArgOrEnv reports secret names as BuildKit does", "[quality]") {
  check_diagnostics({"SecretsUsedInArgOrEnv"}, R"docker(
ARG GITHUB_TOKEN
FROM node:22
ARG @(SecretsUsedInArgOrEnv)[[GITHUB_TOKEN]]
ARG @(SecretsUsedInArgOrEnv)[[NPM_TOKEN]]
ARG @(SecretsUsedInArgOrEnv)[[apikey]]
ARG NODE_VERSION=22
ARG PUBLIC_KEY
ARG GPG_KEY_FILE
ARG KEYBOARD_LAYOUT=us
ARG TOKENIZER=fast
ENV @(SecretsUsedInArgOrEnv)[[AWS_SECRET_ACCESS_KEY]]=x
ENV @(SecretsUsedInArgOrEnv)[[GH_PAT]]=x LANG=C.UTF-8
ENV @(SecretsUsedInArgOrEnv)[[DB_PASSWORD]] legacy-form
ENV SECRET_VERSION=2
ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA
ARG @(SecretsUsedInArgOrEnv)[[GPG_PASSPHRASE]]
ARG @(SecretsUsedInArgOrEnv)[[GPG_PRIVATE_KEY]]
)docker");
}

TEST_CASE("SecretsUsedInArgOrEnv leaves global ARGs, as BuildKit does", "[quality]") {
  // text-generation-inference Dockerfile_trtllm: the token only reaches RUN as a secret mount.
  check_diagnostics({"SecretsUsedInArgOrEnv"}, R"docker(
ARG actions_runtime_token=""
FROM alpine:3.20
RUN --mount=type=secret,id=actions_runtime_token,env=ACTIONS_RUNTIME_TOKEN true
)docker");
}

TEST_CASE("SecretsUsedInArgOrEnv message", "[quality]") {
  auto found = secret_findings("FROM alpine\nARG NPM_TOKEN\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "ARG NPM_TOKEN looks like a secret, and build arguments are kept in the image history: use a secret mount");
  found = secret_findings("FROM alpine\nENV API_KEY=abc\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "ENV API_KEY looks like a secret, and ENV values are kept in the image configuration: use a secret mount");
  CHECK(found[0].message.find("abc") == std::string::npos);
}

TEST_CASE("SecretsUsedInArgOrEnv fixes move the value to a secret mount", "[quality]") {
  check_fix("SecretsUsedInArgOrEnv",
            "FROM node:22\nARG ^NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > ~/.npmrc && npm ci\n"
            "RUN npm run build\n",
            "# syntax=docker/dockerfile:1\nFROM node:22\n"
            "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > "
            "~/.npmrc && npm ci\nRUN npm run build\n");
  // ENV reaches the stages built on this one; only its own pair goes.
  check_fix("SecretsUsedInArgOrEnv",
            "# syntax=docker/dockerfile:1\nFROM alpine AS base\nENV A=1 ^API_KEY=abc\n"
            "FROM base\nRUN <<EOF\ncurl -H \"X-Key: $API_KEY\" https://example.com\nEOF\n",
            "# syntax=docker/dockerfile:1\nFROM alpine AS base\nENV A=1\n"
            "FROM base\nRUN --mount=type=secret,id=api_key,env=API_KEY <<EOF\ncurl -H \"X-Key: $API_KEY\" "
            "https://example.com\nEOF\n");
  check_fix("SecretsUsedInArgOrEnv", "FROM alpine\n# the token\nARG ^TOKEN\nRUN echo hi\n", "FROM alpine\nRUN echo hi\n");
  auto found = secret_findings("FROM alpine\nARG TOKEN\nRUN echo $TOKEN\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes.at(0).title ==
        "Pass TOKEN as a build secret: docker build --secret id=token,env=TOKEN");
  CHECK_FALSE(found[0].fixes.at(0).safe);
  // A builder expansion (COPY, ENV) would lose the value: no fix.
  CHECK(secret_findings("FROM alpine\nARG TOKEN\nENV HEADER=\"Bearer $TOKEN\"\n").at(0).fixes.empty());
}

}  // namespace dfls::test
