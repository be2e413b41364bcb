// Tests of the StageUsedBeforeDefinition rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("StageUsedBeforeDefinition", "[rules][model]") {
  check_diagnostics({"StageUsedBeforeDefinition"}, R"docker(
FROM alpine AS first
COPY --from=@(StageUsedBeforeDefinition)[[second]] /a /b
FROM alpine AS second
COPY --from=first /a /b
FROM @(StageUsedBeforeDefinition)[[third]] AS x
FROM alpine AS third
)docker");
  CHECK(message_of("StageUsedBeforeDefinition", "FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n") ==
        "stage 'b' is defined later (line 3): a stage can only use stages defined before it");
}

}  // namespace
}  // namespace dfls
