// Tests of the InstructionBeforeFrom rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InstructionBeforeFrom", "[rules][errors]") {
  check_diagnostics({"InstructionBeforeFrom"}, R"docker(
ARG V=1
@(InstructionBeforeFrom)[[RUN]] echo hi
@(InstructionBeforeFrom)[[ENV]] A=1
FROM alpine
RUN echo fine
)docker");
  // Without any FROM, NoFromInstruction reports it instead.
  check_diagnostics({"InstructionBeforeFrom"}, "RUN echo\n");
  CHECK(message_of("InstructionBeforeFrom", "RUN echo\nFROM alpine\n") ==
        "RUN comes before the first FROM, where only ARG is allowed");
}

}  // namespace
}  // namespace dfls
