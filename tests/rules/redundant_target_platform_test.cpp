// Tests of the RedundantTargetPlatform rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("RedundantTargetPlatform", "[rules][buildkit]") {
  check_diagnostics({"RedundantTargetPlatform"}, R"docker(
FROM @(RedundantTargetPlatform)[[--platform=$TARGETPLATFORM]] alpine
FROM @(RedundantTargetPlatform)[[--platform=${TARGETPLATFORM}]] alpine AS b
FROM --platform=$BUILDPLATFORM golang AS c
FROM --platform=linux/$TARGETARCH alpine AS d
)docker");
  check_fix("RedundantTargetPlatform", "FROM --plat^form=$TARGETPLATFORM alpine\n", "FROM alpine\n");
  CHECK(message_of("RedundantTargetPlatform", "FROM --platform=$TARGETPLATFORM alpine\n") ==
        "--platform=$TARGETPLATFORM is redundant: FROM uses the target platform by default");
}

}  // namespace
}  // namespace dfls
