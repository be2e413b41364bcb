#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

namespace {

std::vector<Diag> layer_findings(std::string_view text) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::string(text));
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "SecretInLayer") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("SecretInLayer reports credentials written in a layer", "[quality]") {
  check_diagnostics({"SecretInLayer"}, R"docker(
FROM node:22
WORKDIR /app
RUN @(SecretInLayer)[[echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc]]
RUN npm ci
RUN rm .npmrc
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm -f .npmrc
RUN echo "registry=https://npm.example.com/" > .npmrc
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
RUN @(SecretInLayer)[[npm config set //registry.npmjs.org/:_authToken ${NPM_TOKEN}]]
RUN @(SecretInLayer)[[cp /run/secrets/key /app/key]]
RUN @(SecretInLayer)[[printf "machine github.com login x password %s\n" "$TOKEN" > ~/.netrc]] && go mod download
RUN @(SecretInLayer)[[git config --global url."https://${GH_TOKEN}@github.com/".insteadOf "https://github.com/"]]
RUN echo "PORT=$PORT" > .env
RUN @(SecretInLayer)[[echo "API_KEY=$API_KEY" > .env]]
)docker");
}

TEST_CASE("SecretInLayer message and severity", "[quality]") {
  auto found = layer_findings("FROM node:22\nWORKDIR /app\nRUN echo \"//r/:_authToken=$T\" > .npmrc\nRUN rm .npmrc\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "this RUN writes npm credentials (.npmrc) to /app/.npmrc, which stays in the image layer; "
                            "the delete on line 4 does not remove it from that layer");
  CHECK(found[0].severity == Severity::Warning);
  found = layer_findings("FROM node:22 AS deps\nRUN echo \"//r/:_authToken=$T\" > /root/.npmrc\n"
                         "FROM node:22-slim\nCOPY app.js /app.js\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Info);
  CHECK(found[0].message.ends_with("and nothing deletes it"));
}

TEST_CASE("SecretInLayer fix mounts the file as a secret", "[quality]") {
  check_fix("SecretInLayer",
            "FROM node:22\nWORKDIR /app\nRUN ^echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\n"
            "RUN npm ci\nRUN rm .npmrc\n",
            "FROM node:22\nWORKDIR /app\nRUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci\n");
  check_fix("SecretInLayer",
            "FROM node:22\nRUN ^npm config set //registry.npmjs.org/:_authToken $T && npm ci && npm run build\n",
            "FROM node:22\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci && npm run build\n");
  auto found = layer_findings("FROM node:22\nRUN echo \"//r/:_authToken=$T\" > .npmrc\nRUN npm ci\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes.at(0).title == "Mount .npmrc as a build secret: docker build --secret id=npmrc,src=$HOME/.npmrc");
  CHECK_FALSE(found[0].fixes.at(0).safe);
}

}  // namespace dfls::test
