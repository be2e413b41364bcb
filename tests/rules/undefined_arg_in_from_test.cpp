// Tests of the UndefinedArgInFrom rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UndefinedArgInFrom", "[rules][buildkit]") {
  check_diagnostics({"UndefinedArgInFrom"}, R"docker(
ARG VERSION=3.20
ARG BASE
ARG A=alpine B=3.20
FROM alpine:${@(UndefinedArgInFrom)[[VERSOIN]]}
FROM ${BASE}:$VERSION AS b
FROM --platform=$BUILDPLATFORM alpine AS c
FROM ${A}:${B} AS d
FROM alpine:${@(UndefinedArgInFrom)[[TAG]]:-3.20} AS e
FROM --platform=$@(UndefinedArgInFrom)[[PLATFORM]] alpine AS f
ARG TAG
FROM image-${TARGETARCH}-${BUILDVARIANT} AS g
)docker");
  check_fix("UndefinedArgInFrom", "ARG VERSION=3\nFROM alpine:$VERS^OIN\n", "ARG VERSION=3\nFROM alpine:$VERSION\n");
  CHECK(message_of("UndefinedArgInFrom", "ARG VERSION=3\nFROM alpine:$VERSOIN\n") ==
        "'VERSOIN' is not declared as a global ARG before this FROM (did you mean VERSION?)");
}

}  // namespace
}  // namespace dfls
