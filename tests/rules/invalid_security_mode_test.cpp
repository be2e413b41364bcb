// Tests of the InvalidSecurityMode rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidSecurityMode", "[rules][errors]") {
  check_diagnostics({"InvalidSecurityMode"}, R"docker(
FROM alpine
RUN --security=@(InvalidSecurityMode)[[insecur]] echo
RUN --security=sandbox echo
RUN --security=insecure echo
)docker");
  check_fix("InvalidSecurityMode", "FROM alpine\nRUN --security=insec^ur echo\n",
            "FROM alpine\nRUN --security=insecure echo\n");
  CHECK(message_of("InvalidSecurityMode", "FROM alpine\nRUN --security=insecur echo\n") ==
        "invalid security mode 'insecur': use sandbox or insecure (did you mean insecure?)");
}

}  // namespace
}  // namespace dfls
