// Tests of the StageIndexOutOfRange rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("StageIndexOutOfRange", "[rules][model]") {
  check_diagnostics({"StageIndexOutOfRange"}, R"docker(
FROM alpine
FROM alpine
COPY --from=0 /a /b
COPY --from=@(StageIndexOutOfRange)[[5]] /a /b
)docker");
  CHECK(message_of("StageIndexOutOfRange", "FROM alpine\nFROM alpine\nCOPY --from=5 /a /b\n") ==
        "stage index 5 is out of range: the file has 2 stages (0 to 1)");
}

}  // namespace
}  // namespace dfls
