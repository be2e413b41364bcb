// Tests of the UnknownInstruction rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UnknownInstruction", "[rules][errors]") {
  check_diagnostics({"UnknownInstruction"}, R"docker(
FROM alpine
@(UnknownInstruction)[[RUNN]] echo hi
@(UnknownInstruction)[[FOOBAR]] x
RUN echo ok
)docker");
  check_fix("UnknownInstruction", "FROM alpine\nRU^NN echo\n", "FROM alpine\nRUN echo\n");
  check_fix("UnknownInstruction", "from alpine\ncop^yy a b\n", "from alpine\ncopy a b\n");
  CHECK(message_of("UnknownInstruction", "FROM alpine\nRUNN echo\n") == "unknown instruction 'RUNN' (did you mean RUN?)");
}

}  // namespace
}  // namespace dfls
