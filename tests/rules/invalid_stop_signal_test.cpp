// Tests of the InvalidStopSignal rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidStopSignal", "[rules][errors]") {
  check_diagnostics({"InvalidStopSignal"}, R"docker(
FROM alpine
STOPSIGNAL SIGTERM
STOPSIGNAL 9
STOPSIGNAL sigkill
STOPSIGNAL SIGRTMIN+3
STOPSIGNAL @(InvalidStopSignal)[[SIGTREM]]
STOPSIGNAL @(InvalidStopSignal)[[0]]
STOPSIGNAL $SIG
)docker");
  check_fix("InvalidStopSignal", "FROM alpine\nSTOPSIGNAL SIGTR^EM\n", "FROM alpine\nSTOPSIGNAL SIGTERM\n");
  CHECK(message_of("InvalidStopSignal", "FROM alpine\nSTOPSIGNAL SIGTREM\n") ==
        "'SIGTREM' is not a signal (did you mean SIGTERM?)");
}

}  // namespace
}  // namespace dfls
