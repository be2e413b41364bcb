// Tests of ApkUseNoCache (hadolint DL3019).
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

TEST_CASE("ApkUseNoCache", "[rules][hadolint]") {
  check_diagnostics({"ApkUseNoCache"}, R"docker(
FROM alpine:3.20 AS build
RUN apk add gcc
FROM alpine:3.20
RUN @(ApkUseNoCache)[[apk add]] curl && apk add --no-cache git
RUN apk --no-cache add jq && apk update && @(ApkUseNoCache)[[apk -U add]] make
RUN --mount=type=cache,target=/var/cache/apk apk add bash
RUN --mount=type=cache,target=/etc/apk/cache apk add bash
RUN apk add vim && rm -rf /var/cache/apk/*
RUN apk add --no-network --virtual .rundeps $runDeps
RUN <<EOF
@(ApkUseNoCache)[[apk add]] tzdata
EOF
)docker");
  CHECK(message_of("ApkUseNoCache", "FROM alpine\nRUN apk add curl\n") ==
        "apk add without --no-cache leaves the package index in the layer");
}

TEST_CASE("ApkUseNoCache fix", "[rules][hadolint]") {
  check_fix("ApkUseNoCache", "FROM alpine\nRUN apk ^add curl\n", "FROM alpine\nRUN apk add --no-cache curl\n");
}

}  // namespace
}  // namespace dfls
