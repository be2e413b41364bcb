#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"
#include "support/temp_context.h"

namespace dfls::test {

namespace {

std::vector<Diag> copied_findings(std::string_view text, const Config& config = {}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::string(text));
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, config))
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

TEST_CASE("CredentialFileCopied reports OpenSSH host private keys", "[quality]") {
  // argo-cd test/container: a glob that takes the private host keys with the public ones.
  check_diagnostics({"CredentialFileCopied"}, R"docker(
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*
COPY @(CredentialFileCopied)[[ssh_host_*_key*]] /etc/ssh/
COPY @(CredentialFileCopied)[[keys/ssh_host_ed25519_key]] /etc/ssh/
COPY ssh_host_*_key.pub /etc/ssh/
COPY ssh_host_rsa_key.pub /etc/ssh/
CMD ["/usr/sbin/sshd", "-D"]
)docker");
}

TEST_CASE("CredentialFileCopied reads settings files in the context", "[quality]") {
  // uptime-kuma: an .npmrc with settings only.
  const char* snippet = R"docker(
FROM node:22-slim
WORKDIR /app
COPY .npmrc package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
)docker";
  TempContext settings({{".npmrc", "legacy-peer-deps=true\nno-optional=true\n"}});
  CHECK(copied_findings(snippet, settings.config()).empty());
  TempContext from_env({{".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"}});
  CHECK(copied_findings(snippet, from_env.config()).empty());
  TempContext token({{".npmrc", "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n"}});
  CHECK(copied_findings(snippet, token.config()).size() == 1);
  TempContext pypirc({{".pypirc", "[pypi]\nusername = __token__\npassword = hunter2hunter2\n"},
                      {".netrc", "machine example.com login me password ${NETRC_PASSWORD}\n"}});
  auto found = copied_findings("FROM python:3.12\nCOPY .pypirc .netrc /root/\n", pypirc.config());
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "COPY puts PyPI credentials (.pypirc) into the image layer");
}

TEST_CASE("CredentialFileCopied is info for keys of test fixtures", "[quality]") {
  // argo-cd test/remote: the TLS key of an e2e test server, committed to the repository.
  auto found = copied_findings("FROM alpine:3.20\n"
                               "COPY ./test/fixture/certs/argocd-e2e-server.key /etc/certs/argocd-test-server.key\n"
                               "COPY certs/server.key /etc/certs/server.key\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::Info);
  CHECK(found[0].message ==
        "COPY puts a private key (argocd-e2e-server.key) into the image layer (a test fixture, by its path)");
  CHECK(found[1].severity == Severity::Warning);
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
