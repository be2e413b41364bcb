#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("PointlessCacheCleanup reports cleanups under a cache mount", "[quality]") {
  check_diagnostics({"PointlessCacheCleanup"}, R"docker(
FROM debian:12
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y curl && @(PointlessCacheCleanup)[[apt-get clean]] && @(PointlessCacheCleanup)[[rm -rf /var/lib/apt/lists/*]]
RUN rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt rm -rf @(PointlessCacheCleanup)[[/var/lib/apt/lists/*]] /tmp/build

FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip pip install @(PointlessCacheCleanup)[[--no-cache-dir]] flask
RUN pip install --no-cache-dir flask

FROM node:22
RUN --mount=type=cache,target=/root/.npm npm ci && @(PointlessCacheCleanup)[[npm cache clean --force]]

FROM alpine
RUN --mount=type=cache,target=/var/cache/apk apk add @(PointlessCacheCleanup)[[--no-cache]] curl
)docker");
}

TEST_CASE("PointlessCacheCleanup message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0,
                              "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir x\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "PointlessCacheCleanup") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "`--no-cache-dir` bypasses the cache mount on /root/.cache/pip: the files are not in the layer anyway");
  CHECK(found[0].severity == Severity::Hint);
  CHECK(found[0].tags == std::vector<DiagTag>{DiagTag::Unnecessary});
  check_fix("PointlessCacheCleanup",
            "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install ^--no-cache-dir x\n",
            "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n");
  check_fix("PointlessCacheCleanup",
            "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && \\\n    ^rm -rf /var/lib/apt/lists/*\n",
            "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n");
  check_fix("PointlessCacheCleanup",
            "FROM node:22\nRUN --mount=type=cache,target=/root/.npm ^npm cache clean --force && npm ci\n",
            "FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n");
  check_fix("PointlessCacheCleanup", "FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add ^--no-cache curl\n",
            "FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add --update-cache curl\n");
}

}  // namespace dfls::test
