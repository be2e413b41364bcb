// Tests of the StageSelfReference rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("StageSelfReference", "[rules][model]") {
  check_diagnostics({"StageSelfReference"}, R"docker(
FROM alpine AS build
COPY --from=@(StageSelfReference)[[build]] /a /b
FROM alpine AS x
COPY --from=build /a /b
COPY --from=@(StageSelfReference)[[1]] /a /b
ONBUILD COPY --from=x /a /b
)docker");
  CHECK(message_of("StageSelfReference", "FROM alpine AS build\nCOPY --from=build /a /b\n") ==
        "'build' is the current stage: a stage cannot copy or mount from itself");
}

}  // namespace
}  // namespace dfls
