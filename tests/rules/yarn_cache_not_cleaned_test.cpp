// Tests of YarnCacheNotCleaned (hadolint DL3060).
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

TEST_CASE("YarnCacheNotCleaned", "[rules][hadolint]") {
  check_diagnostics({"YarnCacheNotCleaned"}, R"docker(
FROM node:20 AS build
RUN yarn install --frozen-lockfile && yarn build
FROM node:20
RUN @(YarnCacheNotCleaned)[[yarn install]] --production
RUN @(YarnCacheNotCleaned)[[yarn]] --frozen-lockfile
RUN yarn install --production && yarn cache clean
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
RUN --mount=type=cache,target=/tmp/yc yarn install --cache-folder /tmp/yc
RUN yarn build && yarn add lodash@4.17.21 && yarn --version
)docker");
  CHECK(message_of("YarnCacheNotCleaned", "FROM node\nRUN yarn install\n") ==
        "yarn install without yarn cache clean leaves the package cache in the layer");
}

TEST_CASE("YarnCacheNotCleaned fix", "[rules][hadolint]") {
  check_fix("YarnCacheNotCleaned", "FROM node\nRUN ^yarn install --production\n",
            "FROM node\nRUN yarn install --production && yarn cache clean\n");
}

}  // namespace
}  // namespace dfls
