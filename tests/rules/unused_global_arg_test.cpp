// Tests of the UnusedGlobalArg rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UnusedGlobalArg", "[rules][model]") {
  check_diagnostics({"UnusedGlobalArg"}, R"docker(
ARG @(UnusedGlobalArg)[[UNUSED]]=1
ARG VERSION=3
ARG REDECLARED
ARG BUILDKIT_INLINE_CACHE=1
ARG BASE=alpine FULL=${BASE}:3
FROM $FULL
FROM alpine:$VERSION
ARG REDECLARED
)docker");
  CHECK(message_of("UnusedGlobalArg", "ARG X=1\nFROM alpine\n") ==
        "global ARG X is not used by any FROM and no stage redeclares it with ARG X");
}

}  // namespace
}  // namespace dfls
