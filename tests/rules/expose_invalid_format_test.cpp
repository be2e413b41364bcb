// Tests of the ExposeInvalidFormat rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("ExposeInvalidFormat", "[rules][buildkit]") {
  check_diagnostics({"ExposeInvalidFormat"}, R"docker(
FROM alpine
EXPOSE @(ExposeInvalidFormat)[[127.0.0.1:8080:80]] @(ExposeInvalidFormat)[[8080:80/udp]] 443 8000-8010
)docker");
  check_fix("ExposeInvalidFormat", "FROM alpine\nEXPOSE 80^80:80\n", "FROM alpine\nEXPOSE 80\n");
  CHECK(message_of("ExposeInvalidFormat", "FROM alpine\nEXPOSE 8080:80\n") ==
        "EXPOSE '8080:80' sets an IP address or host port: EXPOSE takes only the container port");
}

}  // namespace
}  // namespace dfls
