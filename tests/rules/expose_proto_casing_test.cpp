// Tests of the ExposeProtoCasing rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("ExposeProtoCasing", "[rules][buildkit]") {
  check_diagnostics({"ExposeProtoCasing"}, R"docker(
FROM alpine
EXPOSE 80/@(ExposeProtoCasing)[[TCP]] 443/tcp 53/@(ExposeProtoCasing)[[Udp]] 8080
)docker");
  check_fix("ExposeProtoCasing", "FROM alpine\nEXPOSE 80/T^CP\n", "FROM alpine\nEXPOSE 80/tcp\n");
  CHECK(message_of("ExposeProtoCasing", "FROM alpine\nEXPOSE 80/TCP\n") == "protocol 'TCP' in EXPOSE should be lowercase");
}

}  // namespace
}  // namespace dfls
