#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

namespace {

std::vector<Diag> copied_findings(std::string_view text) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::string(text));
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "CredentialFileCopied") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("CredentialFileCopied reports credential files copied from the context", "[quality]") {
  check_diagnostics({"CredentialFileCopied"}, R"docker(
FROM node:22 AS build
WORKDIR /app
COPY @(CredentialFileCopied)[[.npmrc]] package.json ./

FROM node:22
COPY @(CredentialFileCopied)[[.env]] ./
COPY .env.example ./
COPY --from=build /app/.npmrc /tmp/x
COPY @(CredentialFileCopied)[[id_rsa]] /root/.ssh/id_rsa
COPY id_rsa.pub /root/.ssh/
ADD @(CredentialFileCopied)[[.aws/]] /root/.aws/
COPY @(CredentialFileCopied)[[certs/server.key]] /etc/ssl/private/
COPY certs/server.crt /etc/ssl/certs/
COPY jenkins.io-2026.key /war/jenkins-key.pub
COPY repo-signing.key /usr/share/keyrings/
COPY @(CredentialFileCopied)[[kubeconfig]] /root/.kube/config
COPY [@(CredentialFileCopied)[[".git-credentials"]], "/root/"]
)docker");
}

TEST_CASE("CredentialFileCopied is info in a stage that does not reach the final image", "[quality]") {
  auto found = copied_findings("FROM node:22 AS build\nCOPY .npmrc ./\nRUN npm ci\nFROM node:22-slim\nCOPY app.js .\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Info);
  CHECK(found[0].message == "COPY puts npm credentials (.npmrc) into the image layer of a build stage");
  found = copied_findings("FROM node:22 AS build\nWORKDIR /app\nCOPY .env ./\nFROM node:22-slim\nCOPY --from=build /app /app\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].message == "COPY puts environment secrets (.env) into the image layer");
}

TEST_CASE("CredentialFileCopied fixes", "[quality]") {
  check_fix("CredentialFileCopied",
            "FROM node:22\nWORKDIR /app\nCOPY ^.npmrc package.json ./\nRUN npm ci\n",
            "FROM node:22\nWORKDIR /app\nCOPY package.json ./\nRUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci\n");
  check_fix("CredentialFileCopied", "FROM python:3.12\nCOPY ^.pypirc /root/.pypirc\nRUN twine upload dist/*\n",
            "FROM python:3.12\nRUN --mount=type=secret,id=pypirc,target=/root/.pypirc twine upload dist/*\n");
  check_fix("CredentialFileCopied", "FROM alpine\nCOPY ^.env ./\nCMD [\"./app\"]\n", "FROM alpine\nCMD [\"./app\"]\n");
  auto found = copied_findings("FROM node:22\nCOPY .npmrc ./\nRUN npm ci\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes.at(0).title == "Mount .npmrc as a build secret: docker build --secret id=npmrc,src=.npmrc");
  CHECK_FALSE(found[0].fixes.at(0).safe);
}

}  // namespace dfls::test
