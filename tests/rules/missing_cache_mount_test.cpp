#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("MissingCacheMount reports installs without a cache mount", "[quality]") {
  check_diagnostics({"MissingCacheMount"}, R"docker(
FROM node:22
RUN @(MissingCacheMount)[[npm ci]]
RUN --mount=type=cache,target=/root/.npm npm ci
RUN @(MissingCacheMount)[[npm install]] -g pnpm
RUN npm run build
USER node
RUN @(MissingCacheMount)[[yarn install]] --frozen-lockfile

FROM python:3.12
RUN @(MissingCacheMount)[[pip install]] -r requirements.txt && @(MissingCacheMount)[[apt-get install]] -y libpq5
RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt
RUN pip install --cache-dir /tmp/pip flask

FROM golang:1.22
RUN @(MissingCacheMount)[[go build]] -o /app .
RUN --mount=type=cache,target=/go/pkg/mod go mod download

FROM alpine
RUN apk add --no-cache curl
RUN @(MissingCacheMount)[[apk add]] curl
RUN --mount=type=cache,target=/etc/apk/cache apk add -U curl
RUN --mount=type=cache,target=/var/cache/apk ln -s /var/cache/apk /etc/apk/cache && apk add -U curl
)docker");
}

TEST_CASE("MissingCacheMount leaves apk add --no-network", "[quality]") {
  // docker-library memcached, redis, ruby: a virtual package over libraries already installed.
  check_diagnostics({"MissingCacheMount"}, R"docker(
FROM alpine:3.20
RUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1
)docker");
}

TEST_CASE("MissingCacheMount honours cache settings in the environment", "[quality]") {
  check_diagnostics({"MissingCacheMount"}, R"docker(
FROM python:3.12
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask

FROM node:22
ENV npm_config_cache=/tmp/npm
RUN --mount=type=cache,target=/tmp/npm npm ci

FROM golang:1.22
ARG GOMODCACHE
RUN go mod download
)docker");
}

TEST_CASE("MissingCacheMount message", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nRUN npm ci\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "MissingCacheMount") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "`npm ci` downloads again whenever this step reruns: add a cache mount on /root/.npm");
  CHECK(found[0].severity == Severity::Info);
  CHECK(found[0].fixes.at(0).safe);
}

TEST_CASE("MissingCacheMount fixes", "[quality]") {
  check_fix("MissingCacheMount", "FROM node:22\nRUN ^npm ci\n",
            "# syntax=docker/dockerfile:1\nFROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n");
  check_fix("MissingCacheMount", "# syntax=docker/dockerfile:1\nFROM node:22\nUSER node\nRUN ^npm ci\n",
            "# syntax=docker/dockerfile:1\nFROM node:22\nUSER node\n"
            "RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci\n");
  check_fix("MissingCacheMount", "# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN ^pip install --no-cache-dir -r requirements.txt\n",
            "# syntax=docker/dockerfile:1\nFROM python:3.12\n"
            "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n");
  check_fix("MissingCacheMount",
            "# syntax=docker/dockerfile:1\nFROM debian:12\nRUN apt-get update && \\\n    ^apt-get install -y curl && \\\n"
            "    rm -rf /var/lib/apt/lists/*\n",
            "# syntax=docker/dockerfile:1\nFROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
            "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked "
            "--mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && \\\n    apt-get install -y curl\n");
  check_fix("MissingCacheMount", "# syntax=docker/dockerfile:1\nFROM golang:1.22\nRUN ^go build -o /app .\n",
            "# syntax=docker/dockerfile:1\nFROM golang:1.22\n"
            "RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n");
  // apk keeps packages only in /etc/apk/cache; /var/cache/apk would get the indexes alone.
  check_fix("MissingCacheMount", "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN ^apk add -U curl\n",
            "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add -U curl\n");
  check_fix("MissingCacheMount", "# syntax=docker/dockerfile:1\nFROM maven:3.9-eclipse-temurin-21\nRUN [\"mvn\", \"^package\"]\n",
            "# syntax=docker/dockerfile:1\nFROM maven:3.9-eclipse-temurin-21\n"
            "RUN --mount=type=cache,target=/root/.m2 [\"mvn\", \"package\"]\n");
}

}  // namespace dfls::test
