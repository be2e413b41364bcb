// Tests of the ConsistentInstructionCasing rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("ConsistentInstructionCasing", "[rules][buildkit]") {
  check_diagnostics({"ConsistentInstructionCasing"}, R"docker(
arg VERSION=1
FROM alpine
RUN echo a
@(ConsistentInstructionCasing)[[run]] echo b
@(ConsistentInstructionCasing)[[Copy]] a b
ONBUILD run echo c
)docker");
  check_diagnostics({"ConsistentInstructionCasing"}, R"docker(
from alpine
run echo a
@(ConsistentInstructionCasing)[[RUN]] echo b
)docker");
  check_fix("ConsistentInstructionCasing", "FROM a\nRUN x\n^run y\n", "FROM a\nRUN x\nRUN y\n");
  CHECK(message_of("ConsistentInstructionCasing", "FROM a\nRUN x\nrun y\n") ==
        "'run' should be uppercase like most instructions of this file");
}

}  // namespace
}  // namespace dfls
