// Tests of the DuplicateDirective rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("DuplicateDirective", "[rules][errors]") {
  check_diagnostics({"DuplicateDirective"}, R"docker(
# escape=\
@(DuplicateDirective)[[# escape=`]]
FROM alpine
)docker");
  check_fix("DuplicateDirective", "# syntax=docker/dockerfile:1\n# syn^tax=docker/dockerfile:1\nFROM alpine\n",
            "# syntax=docker/dockerfile:1\nFROM alpine\n");
  CHECK(message_of("DuplicateDirective", "# escape=\\\n# escape=`\nFROM alpine\n") == "only one escape directive is allowed");
}

}  // namespace
}  // namespace dfls
