// Tests of the VariableInCopyFrom rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("VariableInCopyFrom", "[rules][errors]") {
  check_diagnostics({"VariableInCopyFrom"}, R"docker(
ARG IMG=alpine
FROM alpine AS base
FROM alpine
COPY --from=@(VariableInCopyFrom)[[$IMG]] /a /b
RUN --mount=type=bind,from=@(VariableInCopyFrom)[[${IMG}]],target=/x echo
COPY --from=base /a /b
RUN --mount=type=bind,from=base,target=/x echo
)docker");
  CHECK(message_of("VariableInCopyFrom", "ARG I=a\nFROM alpine\nCOPY --from=$I /a /b\n") ==
        "COPY --from does not expand variables: name a stage built FROM the image instead");
}

}  // namespace
}  // namespace dfls
