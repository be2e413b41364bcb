// Tests of the LegacyKeyValueFormat rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("LegacyKeyValueFormat", "[rules][buildkit]") {
  check_diagnostics({"LegacyKeyValueFormat"}, R"docker(
FROM alpine
ENV @(LegacyKeyValueFormat)[[A 1]]
LABEL @(LegacyKeyValueFormat)[[desc hello world]]
ENV B=2 C=3
LABEL d="x y"
)docker");
  check_fix("LegacyKeyValueFormat", "FROM alpine\nENV ^A 1\n", "FROM alpine\nENV A=1\n");
  check_fix("LegacyKeyValueFormat", "FROM alpine\nLABEL d^esc hello world\n", "FROM alpine\nLABEL desc=\"hello world\"\n");
  check_fix("LegacyKeyValueFormat", "FROM alpine\nENV ^A \"x y\"\n", "FROM alpine\nENV A=\"x y\"\n");
  CHECK(message_of("LegacyKeyValueFormat", "FROM alpine\nENV A 1\n") ==
        "'ENV key value' is the legacy form: write ENV A=...");
}

}  // namespace
}  // namespace dfls
