// Tests of the InvalidNetworkMode rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidNetworkMode", "[rules][errors]") {
  check_diagnostics({"InvalidNetworkMode"}, R"docker(
FROM alpine
RUN --network=@(InvalidNetworkMode)[[hots]] echo
RUN --network=none echo
RUN --network=default echo
RUN --network=$NET echo
)docker");
  check_fix("InvalidNetworkMode", "FROM alpine\nRUN --network=ho^ts echo\n", "FROM alpine\nRUN --network=host echo\n");
  CHECK(message_of("InvalidNetworkMode", "FROM alpine\nRUN --network=hots echo\n") ==
        "invalid network mode 'hots': use default, none or host (did you mean host?)");
}

}  // namespace
}  // namespace dfls
