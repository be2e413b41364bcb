// Tests of PinApkPackageVersions (hadolint DL3018).
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

TEST_CASE("PinApkPackageVersions", "[rules][hadolint]") {
  check_diagnostics({"PinApkPackageVersions"}, R"docker(
FROM alpine:3.20
RUN apk add --no-cache @(PinApkPackageVersions)[[curl]] git=2.45.2-r0 "bash~5.2" 'musl>1.2'
RUN apk add --no-cache --virtual .build-deps @(PinApkPackageVersions)[[gcc]] ./local.apk $PKGS
RUN apk add -X https://dl-cdn.alpinelinux.org/alpine/edge/testing --no-cache @(PinApkPackageVersions)[[hub]]
RUN apk del curl && apk update && echo apk add nothing
)docker");
  CHECK(message_of("PinApkPackageVersions", "FROM alpine\nRUN apk add curl\n") ==
        "apk package 'curl' has no version: pin it (curl=<version>)");
}

}  // namespace
}  // namespace dfls
