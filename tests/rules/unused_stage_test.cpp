// Tests of the UnusedStage rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UnusedStage", "[rules][model]") {
  check_diagnostics({"UnusedStage"}, R"docker(
FROM golang AS @(UnusedStage)[[tools]]
FROM golang AS builder
FROM alpine AS base
FROM base
COPY --from=builder /a /b
)docker");
  // A FROM whose image is not known may use any earlier stage its pattern matches.
  check_diagnostics({"UnusedStage"}, R"docker(
ARG BASE
FROM scratch AS binaries-linux
FROM scratch AS binaries-windows
FROM scratch AS @(UnusedStage)[[docs]]
FROM binaries-$TARGETOS AS binaries
FROM alpine
COPY --from=binaries / /
)docker");
  check_diagnostics({"UnusedStage"}, "ARG BASE\nFROM alpine AS one\nFROM alpine AS two\nFROM $BASE\n");
  Config target;
  target.target = "tools";
  check_diagnostics({"UnusedStage"}, R"docker(
FROM golang AS tools
FROM golang AS @(UnusedStage)[[builder]]
FROM alpine AS @(UnusedStage)[[base]]
FROM base
COPY --from=builder /a /b
)docker", target);
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM a AS x\nFROM b\n");
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "UnusedStage") {
      CHECK(d.severity == Severity::Hint);
      CHECK(d.tags == std::vector<DiagTag>{DiagTag::Unnecessary});
    }
  CHECK(message_of("UnusedStage", "FROM a AS x\nFROM b\n") == "stage 'x' is not used to build the last stage");
}

}  // namespace
}  // namespace dfls
