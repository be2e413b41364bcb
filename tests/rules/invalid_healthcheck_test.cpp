// Tests of the InvalidHealthcheck rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidHealthcheck", "[rules][errors]") {
  check_diagnostics({"InvalidHealthcheck"}, R"docker(
FROM alpine
HEALTHCHECK --interval=@(InvalidHealthcheck)[[5]] CMD true
HEALTHCHECK --timeout=@(InvalidHealthcheck)[[10x]] CMD true
HEALTHCHECK --start-period=@(InvalidHealthcheck)[[500us]] CMD true
HEALTHCHECK --retries=@(InvalidHealthcheck)[[-1]] CMD true
HEALTHCHECK --retries=@(InvalidHealthcheck)[[three]] CMD true
HEALTHCHECK --interval=1m30s --timeout=0 --retries=0 --start-interval=1.5s CMD true
HEALTHCHECK NONE
)docker");
  CHECK(message_of("InvalidHealthcheck", "FROM alpine\nHEALTHCHECK --interval=5 CMD true\n") ==
        "--interval: missing unit in duration \"5\" (write a duration such as 30s, 1m30s or 500ms)");
}

}  // namespace
}  // namespace dfls
