// Tests of the InvalidExpose rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidExpose", "[rules][errors]") {
  check_diagnostics({"InvalidExpose"}, R"docker(
FROM alpine
ARG PORT=8080
EXPOSE 80 @(InvalidExpose)[[70000]] 8000-8010/udp @(InvalidExpose)[[90-80]] @(InvalidExpose)[[80/tpc]] 0 53/SCTP $PORT
EXPOSE 8080:80 @(InvalidExpose)[[1.2.3:80:80]]
)docker");
  check_fix("InvalidExpose", "FROM alpine\nEXPOSE 80/tp^c\n", "FROM alpine\nEXPOSE 80/tcp\n");
  CHECK(message_of("InvalidExpose", "FROM alpine\nEXPOSE 70000\n") ==
        "invalid EXPOSE entry '70000': '70000' is not a port number (0 to 65535)");
}

}  // namespace
}  // namespace dfls
