// Tests of the StageNameCasing rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("StageNameCasing", "[rules][buildkit]") {
  check_diagnostics({"StageNameCasing"}, R"docker(
FROM golang AS @(StageNameCasing)[[Builder]]
FROM alpine AS runtime
COPY --from=Builder /app /app
FROM alpine
)docker");
  check_fix("StageNameCasing", "FROM golang AS Buil^der\nFROM alpine\nCOPY --from=Builder /a /a\n",
            "FROM golang AS builder\nFROM alpine\nCOPY --from=builder /a /a\n");
  CHECK(message_of("StageNameCasing", "FROM alpine AS Build\n") == "stage name 'Build' should be lowercase");
}

}  // namespace
}  // namespace dfls
