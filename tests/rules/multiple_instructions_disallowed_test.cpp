// Tests of the MultipleInstructionsDisallowed rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("MultipleInstructionsDisallowed", "[rules][buildkit]") {
  check_diagnostics({"MultipleInstructionsDisallowed"}, R"docker(
FROM alpine
@(MultipleInstructionsDisallowed)[[CMD echo a]]
@(MultipleInstructionsDisallowed)[[HEALTHCHECK NONE]]
CMD echo b
HEALTHCHECK CMD true
FROM alpine
CMD echo c
ENTRYPOINT ["a"]
ONBUILD ENTRYPOINT ["b"]
)docker");
  check_fix("MultipleInstructionsDisallowed", "FROM alpine\nCMD ^x\nCMD y\n", "FROM alpine\nCMD y\n");
  CHECK(message_of("MultipleInstructionsDisallowed", "FROM alpine\nCMD x\nCMD y\n") ==
        "this CMD is overridden by the CMD on line 3: only the last one in a stage takes effect");
}

}  // namespace
}  // namespace dfls
