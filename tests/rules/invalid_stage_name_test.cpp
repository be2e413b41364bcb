// Tests of the InvalidStageName rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidStageName", "[rules][errors]") {
  check_diagnostics({"InvalidStageName"}, R"docker(
FROM alpine AS @(InvalidStageName)[[my@stage]]
FROM alpine AS good-name_1.0
FROM alpine AS Upper
)docker");
  CHECK(message_of("InvalidStageName", "FROM alpine AS my@stage\n") ==
        "invalid stage name 'my@stage': it must start with a letter and hold only letters, digits, '-', '_' and '.'");
}

}  // namespace
}  // namespace dfls
