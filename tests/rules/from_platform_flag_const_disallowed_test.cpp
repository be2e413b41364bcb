// Tests of the FromPlatformFlagConstDisallowed rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

// The message of the first finding of a rule (the one test per rule that asserts its wording).
[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

TEST_CASE("FromPlatformFlagConstDisallowed", "[rules][buildkit]") {
  check_diagnostics({"FromPlatformFlagConstDisallowed"}, R"docker(
FROM --platform=@(FromPlatformFlagConstDisallowed)[[linux/amd64]] alpine
FROM --platform=linux/arm64 alpine AS build-arm64
FROM --platform=windows/amd64 alpine AS tools-windows
FROM --platform=$BUILDPLATFORM alpine AS x
FROM --platform=@(FromPlatformFlagConstDisallowed)[[linux/arm/v7]] alpine AS y
)docker");
  CHECK(message_of("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 alpine\n") ==
        "FROM --platform uses the constant 'linux/amd64': use $BUILDPLATFORM or $TARGETPLATFORM, or name the "
        "stage after the platform");
}

}  // namespace
}  // namespace dfls
