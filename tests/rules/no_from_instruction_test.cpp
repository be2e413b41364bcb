// Tests of the NoFromInstruction rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("NoFromInstruction", "[rules][errors]") {
  check_diagnostics({"NoFromInstruction"}, "@(NoFromInstruction)[[ARG]] A=1\n");
  check_diagnostics({"NoFromInstruction"}, "# comment\n@(NoFromInstruction)[[RUN]] echo\nCOPY a b\n");
  check_diagnostics({"NoFromInstruction"}, "ARG A=1\nFROM alpine\n");
  CHECK(message_of("NoFromInstruction", "RUN echo\n") == "the file has no FROM instruction, so there is no stage to build");
  CHECK(message_of("NoFromInstruction", "ARG A=1\n") == "the file has only ARG instructions: add a FROM to build something");
}

}  // namespace
}  // namespace dfls
