// Tests of the InvalidDefaultArgInFrom rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidDefaultArgInFrom", "[rules][buildkit]") {
  check_diagnostics({"InvalidDefaultArgInFrom"}, R"docker(
ARG TAG
ARG IMAGE=alpine
ARG GOOD=3.20
ARG NAME
ARG A=alpine B=3.20
FROM @(InvalidDefaultArgInFrom)[[alpine:$TAG]]
FROM $IMAGE:$GOOD
FROM alpine:${TAG:-3.20}
FROM @(InvalidDefaultArgInFrom)[[$NAME]] AS x
FROM ${A}:${B}
FROM alpine:3.20${BUILDVARIANT}
FROM @(InvalidDefaultArgInFrom)[[image-${BUILDVARIANT}]]
)docker");
  CHECK(message_of("InvalidDefaultArgInFrom", "ARG TAG\nFROM alpine:$TAG\n") ==
        "with the default values of its ARGs, the base image 'alpine:$TAG' gives 'alpine:', which is not a valid "
        "image reference");
}

}  // namespace
}  // namespace dfls
